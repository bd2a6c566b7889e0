//! The policy that answers for one visit, assembled from its layers (issue 19): the national
//! rules beneath everyone ([`super::national`]), the region's pack where one covers it, and the
//! person's own terms (`insured.terms`, `insured.termsByDisease`). Precedence:
//! - region-wide rules (the opening date, the cuts for temporary visitors, the rule for a visit
//!   without a filing, an overall ceiling) come from the pack where there is one, else from
//!   national rules and the person's terms;
//! - a disease's ratio, deductible and limit come from the pack where it prices the disease, else
//!   from the person's terms for it (BRIEF §8.7: a national disease the pack does not list is
//!   covered, with a warning, unless the pack states that it excludes it).
//!
//! Everything after the assembly asks this model what the opening, the coverage, the numbers and
//! the notes about them are — never which layer answered; only the rule ids and provenances the
//! numbers carry say that, for the trace.

use super::model::{Deductible, Disease, Param, Region, Table, Version, Who};
use super::national::{self, national_disease};
use super::numbers::{self, Benefit, DeductibleKind, Default, Groups, LimitKind, LimitUse, Parameters, Used};
use super::set::PolicySet;
use super::Provenance;
use crate::bilingual::{t, Text};
use crate::date::Date;
use crate::error::{Error, ErrorCode};
use crate::request::{AnnualLimit, PersonTerms, Request, Ytd};
use crate::vocabulary::{CheckStatus, Mode};
use rust_decimal::Decimal;

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
    Pack(&'a Disease),
    /// The person's terms (none given: the amounts cannot be known).
    Own(Option<OwnTerms<'a>>),
    /// Not covered: nothing to price.
    Nothing,
}

/// Whether the visit's disease is covered, and on what ground (for DISEASE_COVERED's words).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Coverage {
    /// The region lists it.
    Listed(Text),
    /// One of the five national diseases, for a region whose own list is not known.
    National(Text),
    /// One of the five, which the region's list leaves out without excluding it (BRIEF §8.7).
    NationalUnlisted(Text),
    /// Not one of the five, for a region whose own list is not known: it may list it.
    Unconfirmed(Text),
    /// The region states that it does not settle it across provinces.
    Excluded { name: Text, source: Option<String> },
    /// The region's list leaves it out and it is not one of the five.
    NotListed(Text),
}

impl Coverage {
    pub fn status(&self) -> CheckStatus {
        match self {
            Coverage::Listed(_) | Coverage::National(_) => CheckStatus::Pass,
            Coverage::NationalUnlisted(_) | Coverage::Unconfirmed(_) => CheckStatus::Warn,
            Coverage::Excluded { .. } | Coverage::NotListed(_) => CheckStatus::Fail,
        }
    }
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

/// What the person should know about the policy behind the numbers (worded by `warnings`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Note {
    /// The version's parameters were checked up to this date, before the visit.
    Outdated(Date),
    /// The person's terms at this path were given for a disease the region's pack prices.
    TermsIgnored(String),
    /// The amounts need the person's terms for the disease. `unlisted`: the region has a policy,
    /// which leaves this (national) disease out — its name.
    TermsNeeded { unlisted: Option<Text> },
    /// A term not entered (its path), taken as none.
    TermsAssumed(String),
    /// A reduction not entered (its path), taken as this much.
    ReductionAssumed(String, Decimal),
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
}

impl<'a> VisitPolicy<'a> {
    /// The layers for this request. An insured code that is neither covered by a pack nor a
    /// mainland region is UNKNOWN_REGION, a disease no layer knows UNKNOWN_DISEASE; everything
    /// else is for the checks to judge.
    pub fn assemble(set: &'a PolicySet, req: &'a Request) -> Result<VisitPolicy<'a>, Error> {
        let code = req.insured.region.as_str();
        let id = req.visit.disease.as_str();
        let region = set.covering_region(code);
        if region.is_none() && !national::is_baseline_region(code) {
            return Err(national::unknown_region("insured.region", code));
        }
        if !set.knows_disease(id) {
            return Err(unknown_disease("visit.disease", id));
        }
        let name = set.disease_name(id);
        let own = || own_terms(req, id);
        let Some(region) = region else {
            let (coverage, pricing) = match national_disease(id) {
                Some(_) => (Coverage::National(name), Pricing::Own(own())),
                None => (Coverage::Unconfirmed(name), Pricing::Own(own())),
            };
            return Ok(VisitPolicy {
                set,
                req,
                code,
                name: national::region_name(code),
                pack: None,
                coverage,
                pricing,
            });
        };
        let in_force = region.version_on(req.visit.date);
        let version = in_force
            .or(region.versions.first())
            .ok_or_else(|| Error::policy(vec![]))?;
        let (coverage, pricing) = match (version.disease(id), version.excluded(id), national_disease(id)) {
            (Some(d), _, _) => (Coverage::Listed(d.name.clone()), Pricing::Pack(d)),
            (None, Some(stated), _) => (
                Coverage::Excluded {
                    name,
                    source: stated.source.clone(),
                },
                Pricing::Nothing,
            ),
            (None, None, Some(_)) => (Coverage::NationalUnlisted(name), Pricing::Own(own())),
            (None, None, None) => (Coverage::NotListed(name), Pricing::Nothing),
        };
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
        match self.pricing {
            Pricing::Pack(d) => Groups {
                deductible: d.deductible.clone(),
                limit: d.limit.clone(),
            },
            Pricing::Own(_) | Pricing::Nothing => {
                let own = format!("disease:{}", self.req.visit.disease);
                Groups {
                    deductible: own.clone(),
                    limit: own,
                }
            }
        }
    }

    /// The rule id of the person's terms as a whole (`110000/national-baseline/terms`), for the
    /// trace of an estimate that needs them.
    pub fn terms_rule(&self) -> String {
        let part = match &self.pricing {
            Pricing::Own(Some(own)) => own.rule.clone(),
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

    fn who(&self) -> Who {
        Who {
            scheme: self.req.insured.scheme,
            status: self.req.insured.status,
            level: self.req.visit.hospital_level,
        }
    }

    /// The numbers of the visit; `None` when they cannot be known (the person's terms are needed
    /// and were not given). `filing_valid`: the filing covers the visit, so its category's cut
    /// applies. `explain`: whether rule ids will be read (by the trace); `settle` reads none.
    pub fn numbers(&self, mode: Mode, filing_valid: bool, ytd: &Ytd, explain: bool) -> Result<Option<Benefit>, Error> {
        if mode == Mode::None {
            return Ok(Some(Benefit::nothing()));
        }
        let rules = Rules {
            prefix: if explain { self.rule_prefix() } else { String::new() },
            explain,
        };
        match &self.pricing {
            Pricing::Nothing => Ok(Some(Benefit::nothing())),
            Pricing::Own(None) => Ok(None),
            Pricing::Own(Some(own)) => self.own_numbers(own, filing_valid, ytd, &rules).map(Some),
            Pricing::Pack(disease) => self.pack_numbers(disease, filing_valid, ytd, &rules).map(Some),
        }
    }

    /// What the person should know about the layers behind the numbers.
    pub fn notes(&self, mode: Mode, filing_valid: bool) -> Vec<Note> {
        let mut out = Vec::new();
        if let Some(p) = &self.pack {
            if let Some(until) = p.version.reviewed_until.filter(|until| *until < self.req.visit.date) {
                out.push(Note::Outdated(until));
            }
        }
        match &self.pricing {
            Pricing::Pack(_) => {
                if let Some(own) = own_terms(self.req, &self.req.visit.disease) {
                    out.push(Note::TermsIgnored(own.path));
                }
            }
            _ if mode == Mode::None => {}
            Pricing::Own(None) => out.push(Note::TermsNeeded {
                unlisted: match &self.coverage {
                    Coverage::NationalUnlisted(name) => Some(name.clone()),
                    _ => None,
                },
            }),
            Pricing::Own(Some(own)) => {
                let rules = Rules {
                    prefix: String::new(),
                    explain: false,
                };
                let plan = self.own_plan(own, filing_valid, &rules);
                if plan.deductible.1.default.is_some() {
                    out.push(Note::TermsAssumed(format!("{}.deductible", own.path)));
                }
                if plan.limit.default.is_some() {
                    out.push(Note::TermsAssumed(format!("{}.annualLimit", own.path)));
                }
                let (reduction, _) = &plan.reduction;
                if reduction.default.is_some() {
                    out.push(Note::ReductionAssumed(
                        format!("{}.{}", own.path, plan.reduction_field),
                        reduction.value,
                    ));
                }
            }
            Pricing::Nothing => {}
        }
        out
    }

    fn pack_numbers(&self, disease: &Disease, filing_valid: bool, ytd: &Ytd, rules: &Rules) -> Result<Benefit, Error> {
        let Some(p) = &self.pack else {
            return Ok(Benefit::nothing());
        };
        let who = self.who();
        let version = p.version;
        let disease_id = &self.req.visit.disease;
        let base_ratio = used(&disease.ratio, who, rules, Rule::Ratio(disease_id))?;
        let reduction = self.pack_reduction(p, filing_valid, rules);

        let group_rule = Rule::Deductible(&disease.deductible);
        let deductible = match version.deductible(&disease.deductible) {
            Some(Deductible::None(p)) => (
                DeductibleKind::None,
                Used {
                    value: Decimal::ZERO,
                    rule: rules.id(group_rule),
                    provenance: p.provenance,
                    default: None,
                },
            ),
            Some(Deductible::Annual(table)) => (DeductibleKind::Annual, used(table, who, rules, group_rule)?),
            Some(Deductible::PerVisit(table)) => (DeductibleKind::PerVisit, used(table, who, rules, group_rule)?),
            None => return Err(broken(&rules.text(group_rule))),
        };
        let limit = version
            .limit(&disease.limit)
            .ok_or_else(|| broken(&rules.text(Rule::Limit(&disease.limit, ""))))?;
        let mut limits = Vec::new();
        if let Some(table) = &limit.annual {
            limits.push(LimitUse {
                kind: LimitKind::Annual,
                limit: used(table, who, rules, Rule::Limit(&disease.limit, "/annual"))?,
                used: ytd.fund_paid.0,
            });
        }
        if let Some(table) = &limit.monthly {
            limits.push(LimitUse {
                kind: LimitKind::Monthly,
                limit: used(table, who, rules, Rule::Limit(&disease.limit, "/monthly"))?,
                used: ytd.fund_paid_month.0,
            });
        }
        limits.push(self.overall(p, ytd, rules)?);
        Ok(benefit(deductible, base_ratio, reduction, limits, ytd))
    }

    /// The person's terms price the disease; the pack's region-wide rules stand where there is
    /// one, national rules where there is none.
    fn own_numbers(&self, own: &OwnTerms<'_>, filing_valid: bool, ytd: &Ytd, rules: &Rules) -> Result<Benefit, Error> {
        let plan = self.own_plan(own, filing_valid, rules);
        let mut limits = vec![LimitUse {
            kind: LimitKind::Annual,
            limit: plan.limit,
            used: ytd.fund_paid.0,
        }];
        if let Some(p) = &self.pack {
            limits.push(self.overall(p, ytd, rules)?);
        }
        Ok(benefit(plan.deductible, plan.ratio, plan.reduction, limits, ytd))
    }

    fn own_plan(&self, own: &OwnTerms<'_>, filing_valid: bool, rules: &Rules) -> Plan {
        let terms = own.terms;
        let term = |what: &str| rules.id(Rule::Term(&own.rule, what));
        let user = |value, what: &str| Used {
            value,
            rule: term(what),
            provenance: Provenance::User,
            default: None,
        };
        let deductible = match terms.deductible {
            Some(d) if d.0.is_zero() => (DeductibleKind::None, user(d.0, "deductible")),
            Some(d) => (DeductibleKind::Annual, user(d.0, "deductible")),
            None => (
                DeductibleKind::None,
                Used {
                    value: Decimal::ZERO,
                    rule: term("deductible"),
                    provenance: Provenance::Assumed,
                    default: Some(Default::Generous),
                },
            ),
        };
        let limit = match terms.annual_limit {
            AnnualLimit::Amount(m) => Used {
                value: Some(m.0),
                rule: term("annualLimit"),
                provenance: Provenance::User,
                default: None,
            },
            AnnualLimit::None => Used {
                value: None,
                rule: term("annualLimit"),
                provenance: Provenance::User,
                default: None,
            },
            AnnualLimit::Unstated => Used {
                value: None,
                rule: term("annualLimit"),
                provenance: Provenance::Assumed,
                default: Some(Default::Generous),
            },
        };
        let (reduction, reduction_field) = match &self.pack {
            Some(p) => (self.pack_reduction(p, filing_valid, rules), "reduction"),
            None => self.own_reduction(own, filing_valid, rules),
        };
        Plan {
            ratio: user(terms.ratio.0, "ratio"),
            deductible,
            limit,
            reduction,
            reduction_field,
        }
    }

    /// Without a pack: a valid filing's category decides (long-term: 0; temporary: the person's
    /// reduction within the national ceiling, or the ceiling); without one, the person's unfiled
    /// reduction or 0.20.
    fn own_reduction(
        &self,
        own: &OwnTerms<'_>,
        filing_valid: bool,
        rules: &Rules,
    ) -> ((Used<Decimal>, Text), &'static str) {
        let terms = own.terms;
        let Some(filing) = self.req.filing.as_ref().filter(|_| filing_valid) else {
            let used = match terms.unfiled_reduction {
                Some(r) => Used {
                    value: r.0,
                    rule: rules.id(Rule::Term(&own.rule, "unfiledReduction")),
                    provenance: Provenance::User,
                    default: None,
                },
                None => Used {
                    value: national::UNFILED_REDUCTION,
                    rule: rules.id(Rule::Unfiled),
                    provenance: Provenance::Assumed,
                    default: Some(Default::Guess),
                },
            };
            return ((used, numbers::unfiled()), "unfiledReduction");
        };
        let category = filing.category;
        let national = |value, provenance, default| Used {
            value,
            rule: rules.id(Rule::Reduction(category.id())),
            provenance,
            default,
        };
        let used = match (category.max_reduction(), terms.reduction) {
            // Long-term filers keep the full ratio, whatever was entered (national rule).
            (None, _) => national(Decimal::ZERO, Provenance::National, None),
            (Some(ceiling), Some(r)) if r.0 <= ceiling => Used {
                value: r.0,
                rule: rules.id(Rule::Term(&own.rule, "reduction")),
                provenance: Provenance::User,
                default: None,
            },
            (Some(ceiling), Some(_)) => national(ceiling, Provenance::National, None),
            (Some(ceiling), None) => national(ceiling, Provenance::Assumed, Some(Default::Cautious)),
        };
        ((used, category.name()), "reduction")
    }

    /// Direct settlement and a manual claim under a valid filing use the category's reduction;
    /// a manual claim without a valid filing uses the region's unfiled rule.
    fn pack_reduction(&self, p: &PackLayer<'_>, filing_valid: bool, rules: &Rules) -> (Used<Decimal>, Text) {
        if let Some(filing) = self.req.filing.as_ref().filter(|_| filing_valid) {
            if let Some(param) = p.version.reduction(filing.category) {
                return (
                    stated(param, rules.id(Rule::Reduction(filing.category.id()))),
                    filing.category.name(),
                );
            }
        }
        (
            stated(&p.version.unfiled_reduction, rules.id(Rule::Unfiled)),
            numbers::unfiled(),
        )
    }

    /// The region's overall annual ceiling: every special disease's fund payments count.
    fn overall(&self, p: &PackLayer<'_>, ytd: &Ytd, rules: &Rules) -> Result<LimitUse, Error> {
        Ok(LimitUse {
            kind: LimitKind::Overall,
            limit: used(&p.version.overall_ceiling, self.who(), rules, Rule::Overall)?,
            used: ytd.fund_paid_total.0,
        })
    }
}

/// The person's terms as they apply to the visit.
struct Plan {
    ratio: Used<Decimal>,
    deductible: (DeductibleKind, Used<Decimal>),
    /// `value: None`: no annual limit (stated, or taken as none).
    limit: Used<Option<Decimal>>,
    reduction: (Used<Decimal>, Text),
    /// The term field the reduction came from (`reduction` or `unfiledReduction`).
    reduction_field: &'static str,
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

fn benefit(
    deductible: (DeductibleKind, Used<Decimal>),
    base_ratio: Used<Decimal>,
    reduction: (Used<Decimal>, Text),
    limits: Vec<LimitUse>,
    ytd: &Ytd,
) -> Benefit {
    let deductible_paid = match deductible.0 {
        DeductibleKind::Annual => ytd.deductible_paid.0,
        // A per-visit deductible ignores the year; no deductible has nothing to count.
        DeductibleKind::None | DeductibleKind::PerVisit => Decimal::ZERO,
    };
    let parameters = Parameters {
        deductible_standard: deductible.1.value,
        deductible_paid,
        base_ratio: base_ratio.value,
        reduction: reduction.0.value,
        limits: limits
            .iter()
            .filter_map(|l| l.limit.value.map(|v| (v, l.used)))
            .collect(),
    };
    Benefit {
        parameters,
        deductible: Some(deductible),
        base_ratio: Some(base_ratio),
        reduction: Some(reduction),
        limits,
    }
}

/// A parameter's rule id (`653200/2025-01-01/limits/cancer/annual`), written out only when it is
/// read: by the trace, or in an error.
#[derive(Clone, Copy)]
enum Rule<'a> {
    Ratio(&'a str),
    Deductible(&'a str),
    /// The limit group and `/annual` or `/monthly`.
    Limit(&'a str, &'static str),
    Overall,
    Reduction(&'static str),
    Unfiled,
    /// A term of the person's (`terms` or `termsByDisease/<id>`) and its field.
    Term(&'a str, &'a str),
}

/// Whether rule ids are written, and their prefix.
struct Rules {
    prefix: String,
    explain: bool,
}

impl Rules {
    fn id(&self, rule: Rule<'_>) -> String {
        if self.explain {
            self.text(rule)
        } else {
            String::new()
        }
    }

    fn text(&self, rule: Rule<'_>) -> String {
        let prefix = &self.prefix;
        match rule {
            Rule::Ratio(disease) => format!("{prefix}/{disease}/ratio"),
            Rule::Deductible(group) => format!("{prefix}/deductibles/{group}"),
            Rule::Limit(group, which) => format!("{prefix}/limits/{group}{which}"),
            Rule::Overall => format!("{prefix}/overallCeiling"),
            Rule::Reduction(category) => format!("{prefix}/reductions/{category}"),
            Rule::Unfiled => format!("{prefix}/unfiledReduction"),
            Rule::Term(terms, what) => format!("{prefix}/{terms}/{what}"),
        }
    }
}

/// A pack's parameter as used.
fn stated<T: Clone>(p: &Param<T>, rule: String) -> Used<T> {
    Used {
        value: p.value.clone(),
        rule,
        provenance: p.provenance,
        default: None,
    }
}

fn used<T: Clone>(table: &Table<T>, who: Who, rules: &Rules, rule: Rule<'_>) -> Result<Used<T>, Error> {
    let (p, keys) = table.lookup(who).ok_or_else(|| broken(&rules.text(rule)))?;
    let mut rule = rules.id(rule);
    // Appended rather than `format!`ed: this body is compiled once per `T`.
    if rules.explain {
        rule.push_str(&keys);
    }
    Ok(stated(p, rule))
}

/// Validation refuses incomplete tables and dangling references, so this is unreachable with a
/// loaded pack; it is still an error rather than a panic.
fn broken(rule: &str) -> Error {
    Error::policy(vec![crate::error::Problem {
        pack: 0,
        path: rule.to_string(),
        message: t(
            format!("策略缺少参数 {rule}"),
            format!("policy parameter {rule} is missing"),
        ),
    }])
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

/// A region's diseases on a date, for pickers: a pack region's own list, then the national
/// diseases it neither lists nor excludes (BRIEF §8.7); under the baseline, the national five.
/// `None` for a code that is neither a pack region nor a mainland one.
pub fn diseases_on(set: &PolicySet, code: &str, date: Date) -> Option<Vec<ListedDisease>> {
    let national = |d: &national::NationalDisease| ListedDisease {
        id: d.id.to_string(),
        name: d.name(),
        pinyin: Some(d.pinyin.to_string()),
        provenance: Provenance::National,
        pool: None,
    };
    let Some(r) = set.covering_region(code) else {
        return national::is_baseline_region(code).then(|| national::NATIONAL_DISEASES.iter().map(national).collect());
    };
    // Before the opening date, list what will open, as the checks do.
    let Some(version) = r.version_on(date).or(r.versions.first()) else {
        return Some(Vec::new());
    };
    let mut out: Vec<ListedDisease> = version
        .diseases
        .iter()
        .map(|(id, d)| {
            let shared = version.diseases.iter().filter(|(_, o)| o.limit == d.limit).count() > 1;
            ListedDisease {
                id: id.clone(),
                name: d.name.clone(),
                pinyin: d.pinyin.clone(),
                provenance: d.provenance,
                pool: version.limit(&d.limit).filter(|_| shared).and_then(|l| l.name.clone()),
            }
        })
        .collect();
    out.extend(
        national::NATIONAL_DISEASES
            .iter()
            .filter(|d| version.disease(d.id).is_none() && version.excluded(d.id).is_none())
            .map(national),
    );
    Some(out)
}

/// A disease as a picker lists it.
pub struct ListedDisease {
    pub id: String,
    pub name: Text,
    pub pinyin: Option<String>,
    pub provenance: Provenance,
    /// The shared pool's name when the disease shares its limit with others.
    pub pool: Option<Text>,
}

/// A code's UNKNOWN_REGION refusal (for the listings, which check codes themselves).
pub fn unknown_region(path: &str, code: &str) -> Error {
    national::unknown_region(path, code)
}
