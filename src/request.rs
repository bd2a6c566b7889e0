//! The estimate request (docs/contract.md "Request"), read from JSON with a path for every refusal.

mod by_disease;
pub(crate) mod terms;

use crate::bilingual::t;
use crate::date::Date;
use crate::error::Error;
use crate::json::{self, Fields, Kind, Node, Scalar, Tape, Value};
use crate::limits::{MAX_CODE_CHARS, MAX_ITEMS, MAX_NAME_CHARS, MAX_RECOGNIZED};
use crate::money::Money;
use crate::path::{join_item, At};
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

/// `insured.recognition`: disease id → true, false or null.
fn read_recognition(insured: &Fields<'_, '_>) -> Result<Option<Recognition>, Error> {
    if insured.get_at("recognition").is_none() {
        return Ok(None);
    }
    let mut out = Vec::new();
    for (id, i, path) in by_disease::disease_map(insured, "recognition")? {
        let value = match insured.tape.node(i) {
            Some(n) if n.kind == Kind::Null => None,
            Some(n) if n.kind == Kind::True => Some(true),
            Some(n) if n.kind == Kind::False => Some(false),
            n => {
                return Err(json::wrong_kind(
                    &path,
                    json::kind_name(n.map_or(Kind::Null, |n| n.kind)),
                    "true、false 或 null",
                    "true, false or null",
                ))
            }
        };
        out.push((id, value));
    }
    Ok(Some(out))
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

impl Request {
    /// A request from a parsed value (see [`Request::from_tape`]).
    pub fn from_json(v: &Value, lines: Lines) -> Result<Request, Error> {
        Request::from_tape(&Tape::of_value(v), 0, lines)
    }

    /// The request at position `i` of a tape, its errors' paths starting there: a key written
    /// twice anywhere in it first, then each field in the order below.
    pub fn from_tape(tape: &Tape<'_>, i: usize, lines: Lines) -> Result<Request, Error> {
        if let Some((path, key)) = tape.repeated_key(i) {
            return Err(json::repeated_key(&path, key));
        }
        let o = Fields::new(tape, i, At::Text(""))?;
        let insured = read_insured(&o.object("insured", o.require_at("insured")?)?)?;
        let filing = match o.get_at("filing") {
            None => None,
            Some(f) => Some(read_filing(&o.object("filing", f)?)?),
        };
        let visit = read_visit(&o.object("visit", o.require_at("visit")?)?)?;
        let items = read_items(&o, lines)?;
        let ytd = match o.get_at("ytd") {
            None => Ytd::default(),
            Some(y) => read_ytd(&o.object("ytd", y)?)?,
        };
        Ok(Request {
            insured,
            filing,
            visit,
            items,
            ytd,
        })
    }
}

fn read_insured(o: &Fields<'_, '_>) -> Result<Insured, Error> {
    // Any six digits name a region: one without a pack is UNKNOWN_REGION, not a malformed input.
    let region = o.req_str("region", 16)?;
    if region.len() != 6 || !region.bytes().all(|b| b.is_ascii_digit()) {
        return Err(Error::invalid(
            o.at("region"),
            t(
                format!("参保地“{region}”不是有效的6位行政区划代码"),
                format!("insured region '{region}' is not a 6-digit administrative division code"),
            ),
        ));
    }
    let region = region.to_string();
    let scheme = match o.req_one_of("scheme", &["employee", "resident"])? {
        "employee" => Scheme::Employee,
        _ => Scheme::Resident,
    };
    let status = match o.one_of("status", &["working", "retired"])? {
        Some("retired") => Status::Retired,
        _ => Status::Working,
    };
    let recognized_diseases = match o.array("recognizedDiseases")? {
        None => None,
        Some((list, len)) => {
            if len > MAX_RECOGNIZED {
                return Err(Error::limit(
                    o.at("recognizedDiseases"),
                    t(
                        format!("已认定病种最多{MAX_RECOGNIZED}个"),
                        format!("at most {MAX_RECOGNIZED} recognised diseases"),
                    ),
                ));
            }
            let mut ids = Vec::with_capacity(len);
            for (i, v) in o.tape.members(list).enumerate() {
                ids.push(disease_id(o.tape.node(v), || {
                    join_item(&o.at("recognizedDiseases"), i)
                })?);
            }
            Some(ids)
        }
    };
    let recognition = read_recognition(o)?;
    if recognition.is_some() && recognized_diseases.is_some() {
        return Err(Error::invalid(
            o.at("recognition"),
            t(
                "recognition 与 recognizedDiseases 只能填写其一",
                "give either 'recognition' or 'recognizedDiseases', not both",
            ),
        ));
    }
    let terms = terms::read(o)?;
    let terms_by_disease = terms::read_by_disease(o)?;
    let birth_date = o.date("birthDate")?;
    let age = o
        .get("age")
        .map(|v| json::whole_at(v.scalar(), &o.field("age"), 150, ("年龄", "age")))
        .transpose()?
        .map(|a| u8::try_from(a).unwrap_or(u8::MAX));
    let tier = o.str("tier", MAX_CODE_CHARS)?.map(str::to_string);
    let mut recognized_since = Vec::new();
    for (id, i, path) in by_disease::disease_map(o, "recognizedSince")? {
        match o.tape.node(i) {
            Some(n) if n.kind == Kind::Null => {}
            n => recognized_since.push((
                id,
                json::date_at(
                    n.map_or(Scalar::Other(("空值", "null")), Node::scalar),
                    &At::Text(&path),
                )?,
            )),
        }
    }
    Ok(Insured {
        region,
        scheme,
        status,
        recognized_diseases,
        recognition,
        terms,
        terms_by_disease,
        birth_date,
        age,
        tier,
        recognized_since,
    })
}

/// A disease id: a non-empty string (whether any pack knows it is decided later).
fn disease_id(v: Option<&Node<'_>>, path: impl Fn() -> String) -> Result<String, Error> {
    let scalar = v.map_or(Scalar::Other(("空值", "null")), Node::scalar);
    match json::string_at(scalar, &At::Text(""), MAX_CODE_CHARS) {
        Ok(s) if !s.trim().is_empty() => Ok(s.to_string()),
        Ok(_) => Err(Error::invalid(
            path(),
            t("病种不能为空", "the disease must not be empty"),
        )),
        Err(mut e) => {
            e.path = path();
            Err(e)
        }
    }
}

fn read_filing(o: &Fields<'_, '_>) -> Result<Filing, Error> {
    let category = FilingCategory::parse(o.req_one_of("category", &FilingCategory::IDS)?)
        .ok_or_else(|| json::missing(&o.at("category"), "category"))?;
    let emergency = category == FilingCategory::Emergency;
    // An emergency counts as filed without a place or dates (视同已备案); any other filing needs both.
    let place = match o.code("place")? {
        Some(p) => Some(p.to_string()),
        None if emergency => None,
        None => return Err(json::missing(&o.at("place"), "place")),
    };
    let start = match o.date("start")? {
        Some(d) => Some(d),
        None if emergency => None,
        None => return Err(json::missing(&o.at("start"), "start")),
    };
    let end = o.date("end")?;
    if let (Some(s), Some(e)) = (start, end) {
        if e < s {
            return Err(Error::invalid(
                o.at("end"),
                t(
                    format!("备案结束日期 {e} 早于开始日期 {s}"),
                    format!("filing end {e} is before its start {s}"),
                ),
            ));
        }
    }
    Ok(Filing {
        category,
        place,
        start,
        end,
    })
}

fn read_visit(o: &Fields<'_, '_>) -> Result<Visit, Error> {
    let date = o.req_date("date")?;
    let place = o.req_code("place")?.to_string();
    let hospital_level = read_level(o.require("hospitalLevel")?, || o.at("hospitalLevel"))?;
    // Absent means networked (most people go to a hospital that is); an explicit null means the
    // person does not know, which the HOSPITAL_NETWORKED check reports as a warning.
    let networked = match o.raw("networked").and_then(|i| o.tape.node(i)) {
        Some(n) if n.kind == Kind::Null => None,
        _ => Some(o.bool("networked")?.unwrap_or(true)),
    };
    let disease = disease_id(Some(o.require("disease")?), || o.at("disease"))?;
    Ok(Visit {
        date,
        place,
        hospital_level,
        networked,
        disease,
    })
}

/// 1, 2 or 3, as a number or a numeric string (form fields arrive as strings).
fn read_level(v: &Node<'_>, path: impl Fn() -> String) -> Result<u8, Error> {
    let text = match v.kind {
        Kind::Number | Kind::String => &*v.text,
        _ => "",
    };
    match text {
        "1" => Ok(1),
        "2" => Ok(2),
        "3" => Ok(3),
        _ => Err(Error::invalid(
            path(),
            t("医院等级应为 1、2 或 3", "hospital level must be 1, 2 or 3"),
        )),
    }
}

fn read_items(o: &Fields<'_, '_>, lines: Lines) -> Result<Vec<Item>, Error> {
    let (list, len) = match (o.array("items")?, lines) {
        (Some(list), _) => list,
        (None, Lines::Optional) => return Ok(Vec::new()),
        (None, Lines::Required) => return Err(json::missing("items", "items")),
    };
    if len > MAX_ITEMS {
        return Err(Error::limit(
            "items",
            t(
                format!("费用明细最多{MAX_ITEMS}条"),
                format!("at most {MAX_ITEMS} cost lines"),
            ),
        ));
    }
    if len == 0 && lines == Lines::Required {
        return Err(Error::invalid(
            "items",
            t("至少需要一条费用明细", "at least one cost line is needed"),
        ));
    }
    let items = At::Text("items");
    let mut out = Vec::with_capacity(len);
    for (i, v) in o.tape.members(list).enumerate() {
        out.push(read_item(&Fields::new(o.tape, v, At::Index(&items, i))?)?);
    }
    Ok(out)
}

fn read_item(o: &Fields<'_, '_>) -> Result<Item, Error> {
    let code = o.str("code", MAX_CODE_CHARS)?.map(str::to_string);
    let name = o.str("name", MAX_NAME_CHARS)?.map(str::to_string);
    let amount = Money(o.req_money("amount")?);
    let class = match o.str("class", 8)? {
        None => None,
        Some(c) => Some(Class::parse(c).ok_or_else(|| {
            Error::invalid(
                o.at("class"),
                t("类别应为 A（甲）、B（乙）或 C（丙）", "class must be A, B or C"),
            )
        })?),
    };
    let self_pay_ratio = o.ratio("selfPayRatio")?.map(crate::money::Ratio);
    let ceiling_amount = o.money("ceilingAmount")?.map(Money);
    Ok(Item {
        code,
        name,
        amount,
        class,
        self_pay_ratio,
        ceiling_amount,
    })
}

fn read_ytd(o: &Fields<'_, '_>) -> Result<Ytd, Error> {
    let fund_paid = o.money("fundPaid")?.unwrap_or_default();
    Ok(Ytd {
        deductible_paid: Money(o.money("deductiblePaid")?.unwrap_or_default()),
        fund_paid: Money(fund_paid),
        fund_paid_month: Money(o.money("fundPaidMonth")?.unwrap_or_default()),
        // Most people know only what the fund paid this year; it is then also the total.
        fund_paid_total: Money(o.money("fundPaidTotal")?.unwrap_or(fund_paid)),
        cost_counted: Money(o.money("costCounted")?.unwrap_or_default()),
        cost_counted_month: Money(o.money("costCountedMonth")?.unwrap_or_default()),
        inpatient_fund_paid: o.money("inpatientFundPaid")?.map(Money),
    })
}
