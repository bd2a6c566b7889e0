//! The estimate request (docs/contract.md "Request"), read from JSON with a path for every refusal.

mod by_disease;
mod read;
pub(crate) mod terms;

use crate::date::Date;
use crate::money::Money;
use crate::policy::{Class, FilingCategory, Scheme, Status};
use serde::Serialize;
pub use terms::{AnnualLimit, PersonTerms};

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(rename = "EstimateRequest"))]
pub struct Request {
    pub insured: Insured,
    /// Absent or null: not filed.
    #[cfg_attr(test, ts(optional = nullable))]
    pub filing: Option<Filing>,
    pub visit: Visit,
    /// 1 to 1000 cost lines.
    pub items: Vec<Item>,
    #[cfg_attr(test, ts(as = "Option<crate::typescript::YtdInput>", optional = nullable))]
    #[serde(serialize_with = "ytd_given")]
    pub ytd: Ytd,
}

/// A request's `ytd` as given: the accounts of the rule shapes (docs/calculation.md §6–7) only where they say
/// something, so that a request without them reads back as it was written.
fn ytd_given<S: serde::Serializer>(ytd: &Ytd, s: S) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeMap;
    let mut map = s.serialize_map(None)?;
    map.serialize_entry("deductiblePaid", &ytd.deductible_paid)?;
    map.serialize_entry("fundPaid", &ytd.fund_paid)?;
    map.serialize_entry("fundPaidMonth", &ytd.fund_paid_month)?;
    map.serialize_entry("fundPaidTotal", &ytd.fund_paid_total)?;
    for (key, m) in [
        ("costCounted", ytd.cost_counted),
        ("costCountedMonth", ytd.cost_counted_month),
    ] {
        if !m.0.is_zero() {
            map.serialize_entry(key, &m)?;
        }
    }
    if let Some(m) = ytd.inpatient_fund_paid {
        map.serialize_entry("inpatientFundPaid", &m)?;
    }
    map.end()
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct Insured {
    #[cfg_attr(test, ts(type = "DivisionCode"))]
    pub region: String,
    pub scheme: Scheme,
    /// Default "working"; residents ignore it.
    #[cfg_attr(test, ts(as = "Option<Status>", optional = nullable))]
    pub status: Status,
    /// Absent or null: not known (the DISEASE_RECOGNIZED check warns).
    #[cfg_attr(test, ts(optional = nullable))]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub recognized_diseases: Option<Vec<String>>,
    /// Per disease: recognised (true), not (false), not known (null or absent). Give this or
    /// `recognizedDiseases`, not both.
    #[cfg_attr(test, ts(as = "Option<crate::typescript::Recognition>", optional = nullable))]
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "by_disease_option")]
    pub recognition: Option<Recognition>,
    /// The person's own terms, for a disease no pack prices (docs/contract.md): a region without a
    /// pack, or a national disease its pack does not list. Without them its amounts are null
    /// (TERMS_NEEDED).
    #[cfg_attr(test, ts(optional = nullable))]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub terms: Option<PersonTerms>,
    /// The person's terms for one disease each; `terms` serves the diseases not named here.
    #[cfg_attr(test, ts(as = "Option<crate::typescript::TermsByDisease>", optional = nullable))]
    #[serde(skip_serializing_if = "Vec::is_empty", serialize_with = "by_disease")]
    pub terms_by_disease: Vec<(String, PersonTerms)>,
    /// For parameters split by age (docs/calculation.md §4): the age on the visit date is worked out from it.
    /// Wins over `age` when both are given.
    #[cfg_attr(test, ts(optional = nullable))]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub birth_date: Option<Date>,
    /// Whole years, the same on every visit date (when the birth date is not given).
    #[cfg_attr(test, ts(optional = nullable))]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub age: Option<u8>,
    /// A tier the region's pack defines (深圳 一档/二档/三档: "1", "2", "3").
    #[cfg_attr(test, ts(optional = nullable))]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tier: Option<String>,
    /// Per disease, the date it was recognised (for monthly quotas scheduled by months since then).
    #[cfg_attr(test, ts(as = "Option<crate::typescript::RecognizedSince>", optional = nullable))]
    #[serde(skip_serializing_if = "Vec::is_empty", serialize_with = "by_disease")]
    pub recognized_since: Vec<(String, Date)>,
}

/// Per disease id: recognised, not, or not known (`insured.recognition`).
pub type Recognition = Vec<(String, Option<bool>)>;

impl Insured {
    /// Completed years on `date` (docs/calculation.md §4): from the birth date, the birthday counting (born
    /// 29 February: a year older on 1 March in common years); else the age given. `None` when
    /// neither is given, or the birth date is after `date`.
    pub fn age_on(&self, date: Date) -> Option<u8> {
        let Some(born) = self.birth_date else {
            return self.age;
        };
        if born > date {
            return None;
        }
        let birthday = match (born.month, born.day) {
            (2, 29) if !Date::is_leap(date.year) => (3, 1),
            md => md,
        };
        let had_birthday = (date.month, date.day) >= birthday;
        let years = date.year - born.year - u16::from(!had_birthday);
        Some(u8::try_from(years).unwrap_or(u8::MAX))
    }

    /// The date the insured place recognised this disease, where given.
    pub fn recognized_since(&self, disease: &str) -> Option<Date> {
        self.recognized_since
            .iter()
            .find(|(d, _)| d == disease)
            .map(|(_, date)| *date)
    }

    /// Whether the insured place has recognised this disease: `None` when not known.
    pub fn recognizes(&self, disease: &str) -> Option<bool> {
        match (&self.recognition, &self.recognized_diseases) {
            (Some(map), _) => map.iter().find(|(d, _)| d == disease).and_then(|(_, r)| *r),
            (None, Some(list)) => Some(list.iter().any(|d| d == disease)),
            (None, None) => None,
        }
    }
}

/// Pairs by disease id, written as a JSON object (`{ "diabetes": … }`).
fn by_disease<T: Serialize, S: serde::Serializer>(pairs: &[(String, T)], s: S) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeMap;
    let mut map = s.serialize_map(Some(pairs.len()))?;
    for (id, value) in pairs {
        map.serialize_entry(id, value)?;
    }
    map.end()
}

fn by_disease_option<T: Serialize, S: serde::Serializer>(
    pairs: &Option<Vec<(String, T)>>,
    s: S,
) -> Result<S::Ok, S::Error> {
    match pairs {
        Some(pairs) => by_disease(pairs, s),
        None => s.serialize_none(),
    }
}

/// A filing (备案). `place` and `start` may be left out for an emergency; no `end`: open-ended.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct Filing {
    pub category: FilingCategory,
    /// The province (`xx0000`) or city filed for.
    #[cfg_attr(test, ts(as = "Option<crate::typescript::DivisionCode>", optional = nullable))]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    #[cfg_attr(test, ts(optional = nullable))]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start: Option<Date>,
    #[cfg_attr(test, ts(optional = nullable))]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end: Option<Date>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct Visit {
    pub date: Date,
    #[cfg_attr(test, ts(type = "DivisionCode"))]
    pub place: String,
    #[cfg_attr(test, ts(type = "1 | 2 | 3"))]
    pub hospital_level: u8,
    /// Absent: networked; null: the person does not know (HOSPITAL_NETWORKED warns).
    #[cfg_attr(test, ts(optional = nullable))]
    pub networked: Option<bool>,
    pub disease: String,
}

/// One cost line: an amount, and what the catalogue needs to classify it (its code, or its class).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct Item {
    #[cfg_attr(test, ts(optional = nullable))]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    #[cfg_attr(test, ts(optional = nullable))]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[cfg_attr(test, ts(type = "MoneyInput"))]
    pub amount: Money,
    #[cfg_attr(test, ts(optional = nullable))]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub class: Option<Class>,
    #[cfg_attr(test, ts(as = "Option<crate::typescript::RatioInput>", optional = nullable))]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub self_pay_ratio: Option<crate::money::Ratio>,
    #[cfg_attr(test, ts(as = "Option<crate::typescript::MoneyInput>", optional = nullable))]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ceiling_amount: Option<Money>,
}

/// Year-to-date figures before this visit; every field defaults to 0 (`inpatientFundPaid`: not
/// known, taken as 0 with a warning where a limit is shared with inpatient care).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct Ytd {
    /// Deductible taken in this visit's group, in its period (the year, or the month).
    pub deductible_paid: Money,
    /// Fund paid this year against this visit's limit (the disease's own or a shared pool).
    pub fund_paid: Money,
    /// The same this calendar month.
    pub fund_paid_month: Money,
    /// Fund paid this year on all special diseases.
    pub fund_paid_total: Money,
    /// In-scope cost counted this year against this visit's limit (docs/calculation.md §6–7).
    pub cost_counted: Money,
    /// The same this calendar month.
    pub cost_counted_month: Money,
    /// The fund's inpatient payments this year (for limits shared with inpatient care); in
    /// `ytdAfter` always given (what the visit was estimated with).
    #[cfg_attr(test, ts(type = "Money"))]
    pub inpatient_fund_paid: Option<Money>,
}

/// Whether the request must carry cost lines: an eligibility check needs none.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lines {
    Required,
    Optional,
}
