//! The policy that answers for one visit, assembled from its layers (issue 19): the national
//! rules beneath everyone ([`super::national`]), the region's pack where one covers it, and the
//! person's own terms (`insured.terms`, `insured.termsByDisease`). Precedence:
//! - region-wide rules (the opening date, the cuts for temporary visitors, the rule for a visit
//!   without a filing, an overall ceiling) come from the pack where there is one, else from
//!   national rules and the person's terms;
//! - a disease's ratio, deductible and limit come from the pack where it prices the disease, else
//!   from the person's terms for it (docs/calculation.md §8: a national disease the pack does not list is
//!   covered, with a warning, unless the pack states that it excludes it);
//! - parameter by parameter, for a disease the pack lists: the pack's figure where it states one,
//!   the person's where it says `"terms"` (a figure read in a notice beats one typed in; what a
//!   notice does not give is the person's to give, never a number the pack invents). A cut the
//!   pack leaves to the person is theirs within the national ceiling, as under the baseline.
//!
//! Everything after the assembly asks this model what the opening, the coverage, the numbers and
//! the notes about them are — never which layer answered; only the rule ids and provenances the
//! numbers carry say that, for the trace.

mod caps;
mod floor;
mod notes;
mod own;
mod pricing;
mod used;

use crate::json::Res;
pub use floor::{listed, listing_on, Coverage};
use notes::needs_ratio;
pub use notes::{Lacking, Note};

use super::model::{Deductible, Disease, Period, Region, Version, Who, TERMS};
use super::national;
use super::numbers::Groups;
use super::set::PolicySet;
use super::shapes::BUILT;
use crate::bilingual::{t, Text};
use crate::date::Date;
use crate::error::{Error, ErrorCode};
use crate::request::{PersonTerms, Request};
use crate::vocabulary::CheckStatus;

/// The region's pack as it stands on the visit date.
struct PackLayer<'a> {
    region: &'a Region,
    /// The version in force on the visit date, if any.
    in_force: Option<&'a Version>,
    /// The version consulted: the one in force, else the first (for names before opening).
    version: &'a Version,
}

/// The person's terms that apply to the visit's disease, and the field they were read from.
struct OwnTerms<'a> {
    terms: &'a PersonTerms,
    /// `insured.terms` or `insured.termsByDisease.<id>`.
    path: String,
    /// `terms` or `termsByDisease/<id>`, in rule ids.
    rule: String,
}

/// Where the visit's disease gets its ratio, deductible and limit.
enum Pricing<'a> {
    /// The pack lists it; the person's terms that apply to it, where the pack leaves some of its
    /// parameters to them (docs/pack-format.md "Parameters left to the person").
    Pack(&'a Disease, Option<OwnTerms<'a>>),
    /// The person's terms (none given: the amounts cannot be known).
    Own(Option<OwnTerms<'a>>),
    /// Not covered: nothing to price.
    Nothing,
}

/// Whether cross-province settlement is open on the visit date, and why.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Opening {
    /// The region opened it on this date (in force on the visit date).
    Opened(Date),
    /// Not open on the visit date; the date the region opened it, if it has.
    NotOpen(Option<Date>),
    /// No region date is known: the national roll-out decides (fail before 2021-09-01, warn
    /// while regions opened one by one, pass from 2023).
    Nationwide(CheckStatus),
}

impl Opening {
    pub fn status(self) -> CheckStatus {
        match self {
            Opening::Opened(_) => CheckStatus::Pass,
            Opening::NotOpen(_) => CheckStatus::Fail,
            Opening::Nationwide(s) => s,
        }
    }
}

/// What `policy` of a result says.
pub struct Reference {
    pub region: String,
    pub name: Text,
    pub version: String,
    pub baseline: bool,
    pub in_force: bool,
    pub reviewed_until: Option<Date>,
}

pub struct VisitPolicy<'a> {
    set: &'a PolicySet,
    req: &'a Request,
    /// The insured region answered for: a pack region's code, or the request's own.
    code: &'a str,
    name: Text,
    pack: Option<PackLayer<'a>>,
    coverage: Coverage,
    pricing: Pricing<'a>,
    /// The person's age on the visit date, where the request gives it.
    age: Option<u8>,
}

impl<'a> VisitPolicy<'a> {
    /// The layers for this request. An insured code that is neither covered by a pack nor a
    /// mainland region is UNKNOWN_REGION, a disease no layer knows UNKNOWN_DISEASE; everything
    /// else is for the checks to judge.
    pub fn assemble(set: &'a PolicySet, req: &'a Request) -> Res<VisitPolicy<'a>> {
        let code = req.insured.region.as_str();
        let id = req.visit.disease.as_str();
        let region = set.covering_region(code);
        if region.is_none() && !national::is_baseline_region(code) {
            return Err(national::unknown_region("insured.region", code).into());
        }
        if !set.knows_disease(id) {
            return Err(unknown_disease("visit.disease", id).into());
        }
        let age = facts_on_the_visit_date(req)?;
        let name = set.disease_name(id);
        let own = || own_terms(req, id);
        let Some(region) = region else {
            // The national floor is the list on the visit's date (data/national-diseases.json).
            let (coverage, pricing) = floor::baseline(id, req.visit.date, name, own);
            needs_ratio(&pricing)?;
            return Ok(VisitPolicy {
                set,
                req,
                code,
                name: national::region_name(code),
                pack: None,
                coverage,
                pricing,
                age,
            });
        };
        let in_force = region.version_on(req.visit.date);
        let version = in_force
            .or(region.versions.first())
            .ok_or_else(|| Error::policy(vec![]))?;
        // Only a pack that splits on tiers defines them (`shapes`).
        if let Some(tier) = req.insured.tier.as_deref().filter(|_| BUILT.splits) {
            check_tier(version, tier)?;
        }
        let (coverage, pricing) = floor::decide(version, id, req.visit.date, name, own);
        needs_ratio(&pricing)?;
        Ok(VisitPolicy {
            set,
            req,
            code: &region.code,
            name: region.name.clone(),
            pack: Some(PackLayer {
                region,
                in_force,
                version,
            }),
            coverage,
            pricing,
            age,
        })
    }

    pub fn request(&self) -> &'a Request {
        self.req
    }

    /// The insured region answered for (a county code resolves to its prefecture's pack).
    pub fn code(&self) -> &'a str {
        self.code
    }

    /// The insured region's name.
    pub fn name(&self) -> &Text {
        &self.name
    }

    /// A treatment or filing place's name for messages.
    pub fn place_name(&self, code: &str) -> Text {
        self.set.place_name(code)
    }

    pub fn knows_disease(&self, id: &str) -> bool {
        self.set.knows_disease(id)
    }

    pub fn reference(&self) -> Reference {
        let date = self.req.visit.date;
        match &self.pack {
            Some(p) => Reference {
                region: self.code.to_string(),
                name: self.name.clone(),
                version: p.version.from.to_string(),
                baseline: false,
                in_force: p.in_force.is_some(),
                reviewed_until: p.version.reviewed_until,
            },
            None => Reference {
                region: self.code.to_string(),
                name: self.name.clone(),
                version: national::VERSION.to_string(),
                baseline: true,
                in_force: national::in_force(date) != CheckStatus::Fail,
                reviewed_until: None,
            },
        }
    }

    pub fn opening(&self) -> Opening {
        match &self.pack {
            Some(p) => match p.in_force.filter(|v| v.open) {
                Some(v) => Opening::Opened(v.from),
                None => Opening::NotOpen(p.region.versions.iter().find(|v| v.open).map(|v| v.from)),
            },
            None => Opening::Nationwide(national::in_force(self.req.visit.date)),
        }
    }

    pub fn coverage(&self) -> &Coverage {
        &self.coverage
    }

    /// The deductible group and limit the visit counts against: the pack's for a disease it
    /// prices, else the disease's own.
    pub fn groups(&self) -> Groups {
        let own = format!("disease:{}", self.req.visit.disease);
        match self.pricing {
            // The person's own deductible and limit count per disease, as under the baseline.
            Pricing::Pack(d, _) => Groups {
                deductible: if d.deductible == TERMS {
                    own.clone()
                } else {
                    d.deductible.clone()
                },
                deductible_monthly: self.pack.as_ref().is_some_and(|p| {
                    matches!(
                        p.version.deductible(&d.deductible),
                        Some(Deductible::Standard {
                            period: Period::Month,
                            ..
                        })
                    )
                }),
                limit: if d.limit == TERMS { own } else { d.limit.clone() },
            },
            Pricing::Own(_) | Pricing::Nothing => Groups {
                deductible: own.clone(),
                deductible_monthly: false,
                limit: own,
            },
        }
    }

    /// The rule id of the person's terms as a whole (`110000/national-baseline/terms`), for the
    /// trace of an estimate that needs them.
    pub fn terms_rule(&self) -> String {
        let part = match &self.pricing {
            Pricing::Own(Some(own)) | Pricing::Pack(_, Some(own)) => own.rule.clone(),
            _ => "terms".to_string(),
        };
        format!("{}/{part}", self.rule_prefix())
    }

    /// `653200/2025-01-01`, or `110000/national-baseline`.
    fn rule_prefix(&self) -> String {
        match &self.pack {
            Some(p) => format!("{}/{}", p.region.code, p.version.from),
            None => format!("{}/{}", self.code, national::VERSION),
        }
    }

    fn who(&self) -> Who<'a> {
        Who {
            scheme: self.req.insured.scheme,
            status: self.req.insured.status,
            level: self.req.visit.hospital_level,
            age: self.age,
            tier: self.req.insured.tier.as_deref(),
        }
    }
}

/// The terms that apply to disease `id`: its own in `termsByDisease`, else `terms`.
fn own_terms<'a>(req: &'a Request, id: &str) -> Option<OwnTerms<'a>> {
    let insured = &req.insured;
    if let Some(terms) = insured.terms_by_disease.iter().find(|(d, _)| d == id).map(|(_, t)| t) {
        return Some(OwnTerms {
            terms,
            path: format!("insured.termsByDisease.{id}"),
            rule: format!("termsByDisease/{id}"),
        });
    }
    insured.terms.as_ref().map(|terms| OwnTerms {
        terms,
        path: "insured.terms".to_string(),
        rule: "terms".to_string(),
    })
}

/// The person's age on the visit date; a birth date, or the visit's disease recognised, after the
/// visit is a mistake in the request (docs/calculation.md §4).
fn facts_on_the_visit_date(req: &Request) -> Res<Option<u8>> {
    let (insured, date) = (&req.insured, req.visit.date);
    if let Some(born) = insured.birth_date.filter(|born| *born > date) {
        return Err(Error::invalid(
            "insured.birthDate",
            t(
                format!("出生日期 {born} 晚于就诊日期 {date}"),
                format!("birth date {born} is after the visit date {date}"),
            ),
        )
        .into());
    }
    let disease = &req.visit.disease;
    if let Some(since) = insured.recognized_since(disease).filter(|since| *since > date) {
        return Err(Error::invalid(
            format!("insured.recognizedSince.{disease}"),
            t(
                format!("认定日期 {since} 晚于就诊日期 {date}"),
                format!("recognition date {since} is after the visit date {date}"),
            ),
        )
        .into());
    }
    // Only tables split by age need it (`shapes`).
    Ok(insured.age_on(date).filter(|_| BUILT.splits))
}

/// A tier the request gives must be one the region defines, when it defines any.
fn check_tier(version: &Version, tier: &str) -> Res<()> {
    if version.tiers.is_empty() || version.tiers.iter().any(|(id, _)| id == tier) {
        return Ok(());
    }
    let list: Vec<&str> = version.tiers.iter().map(|(id, _)| id.as_str()).collect();
    let list = crate::json::word_list(&list);
    Err(Error::invalid(
        "insured.tier",
        t(
            format!("参保地没有档次“{tier}”（可选：{list}）"),
            format!("the insured region has no tier '{tier}' (one of: {list})"),
        ),
    )
    .into())
}

fn unknown_disease(path: &str, id: &str) -> Error {
    Error::new(
        ErrorCode::UnknownDisease,
        path,
        t(
            format!("未知病种“{id}”：已加载的政策中没有该病种"),
            format!("unknown disease '{id}': no loaded policy lists it"),
        ),
    )
}

/// A code's UNKNOWN_REGION refusal (for the listings, which check codes themselves).
pub fn unknown_region(path: &str, code: &str) -> Error {
    national::unknown_region(path, code)
}
