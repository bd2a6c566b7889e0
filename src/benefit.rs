//! 参保地政策: the insured place's terms for one visit — deductible, ratio, reduction and limits —
//! looked up in the version in force, with the rule id and provenance of every parameter used.

use crate::bilingual::{t, Text};
use crate::checks::Findings;
use crate::error::Error;
use crate::policy::{Deductible, Param, Provenance, Table, Who};
use crate::request::Ytd;
use crate::settlement::Parameters;
use crate::situation::{PackPolicy, Situation, Source};
use crate::vocabulary::Mode;
use rust_decimal::Decimal;

/// A parameter as used: its value, where it is in the policy and where it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Used<T> {
    pub value: T,
    pub rule: String,
    pub provenance: Provenance,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DeductibleKind {
    None,
    Annual,
    PerVisit,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LimitKind {
    Annual,
    Monthly,
    Overall,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LimitUse {
    pub kind: LimitKind,
    /// `None`: the policy says explicitly there is no such limit.
    pub limit: Used<Option<Decimal>>,
    pub used: Decimal,
}

/// Which year-to-date accumulators a visit counts against (for `estimate_year`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Groups {
    pub deductible: String,
    pub limit: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Benefit {
    pub parameters: Parameters,
    pub deductible: Option<(DeductibleKind, Used<Decimal>)>,
    pub base_ratio: Option<Used<Decimal>>,
    /// The reduction applied and why (the filing category, or not filed).
    pub reduction: Option<(Used<Decimal>, Text)>,
    pub limits: Vec<LimitUse>,
}

impl Benefit {
    pub fn nothing() -> Benefit {
        Benefit {
            parameters: Parameters::nothing(),
            deductible: None,
            base_ratio: None,
            reduction: None,
            limits: Vec::new(),
        }
    }
}

/// A pack's diseases name their groups; under the baseline, and for a disease the region does
/// not list, each disease is its own deductible group and limit.
pub fn groups(s: &Situation<'_>) -> Groups {
    match s.pack().and_then(|p| p.disease) {
        Some(d) => Groups {
            deductible: d.deductible.clone(),
            limit: d.limit.clone(),
        },
        None => {
            let own = format!("disease:{}", s.req.visit.disease);
            Groups {
                deductible: own.clone(),
                limit: own,
            }
        }
    }
}

/// The insured place's terms for the visit; `None` when they cannot be known (a region without
/// a pack, for which the person entered no terms). `explain`: whether the rule ids will be read
/// (by the trace); `settle` reads none.
pub fn resolve(s: &Situation<'_>, findings: &Findings, ytd: &Ytd, explain: bool) -> Result<Option<Benefit>, Error> {
    match &s.source {
        Source::Pack(p) => resolve_pack(s, p, findings, ytd, explain).map(Some),
        Source::Baseline => Ok(crate::baseline::benefit::resolve(s, findings, ytd)),
    }
}

fn resolve_pack(
    s: &Situation<'_>,
    p: &PackPolicy<'_>,
    findings: &Findings,
    ytd: &Ytd,
    explain: bool,
) -> Result<Benefit, Error> {
    let (mode, Some(disease)) = (findings.mode(), p.disease) else {
        return Ok(Benefit::nothing());
    };
    if mode == Mode::None {
        return Ok(Benefit::nothing());
    }
    let who = s.who();
    let version = p.version;
    let rules = Rules { pack: p, explain };
    let disease_id = &s.req.visit.disease;

    let base_ratio = used(&disease.ratio, who, &rules, Rule::Ratio(disease_id))?;
    let reduction = reduction(s, p, findings, &rules);

    let group_rule = Rule::Deductible(&disease.deductible);
    let deductible = match version.deductible(&disease.deductible) {
        Some(Deductible::None(p)) => (
            DeductibleKind::None,
            Used {
                value: Decimal::ZERO,
                rule: rules.id(group_rule),
                provenance: p.provenance,
            },
        ),
        Some(Deductible::Annual(table)) => (DeductibleKind::Annual, used(table, who, &rules, group_rule)?),
        Some(Deductible::PerVisit(table)) => (DeductibleKind::PerVisit, used(table, who, &rules, group_rule)?),
        None => return Err(broken(&rules.text(group_rule))),
    };
    let deductible_paid = match deductible.0 {
        DeductibleKind::Annual => ytd.deductible_paid.0,
        // A per-visit deductible ignores the year; no deductible has nothing to count.
        DeductibleKind::None | DeductibleKind::PerVisit => Decimal::ZERO,
    };

    let limit = version
        .limit(&disease.limit)
        .ok_or_else(|| broken(&rules.text(Rule::Limit(&disease.limit, ""))))?;
    let mut limits = Vec::new();
    if let Some(table) = &limit.annual {
        let limit = used(table, who, &rules, Rule::Limit(&disease.limit, "/annual"))?;
        limits.push(LimitUse {
            kind: LimitKind::Annual,
            limit,
            used: ytd.fund_paid.0,
        });
    }
    if let Some(table) = &limit.monthly {
        let limit = used(table, who, &rules, Rule::Limit(&disease.limit, "/monthly"))?;
        limits.push(LimitUse {
            kind: LimitKind::Monthly,
            limit,
            used: ytd.fund_paid_month.0,
        });
    }
    let overall = used(&version.overall_ceiling, who, &rules, Rule::Overall)?;
    limits.push(LimitUse {
        kind: LimitKind::Overall,
        limit: overall,
        used: ytd.fund_paid_total.0,
    });

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
    Ok(Benefit {
        parameters,
        deductible: Some(deductible),
        base_ratio: Some(base_ratio),
        reduction: Some(reduction),
        limits,
    })
}

/// Direct settlement and a manual claim under a valid filing use the category's reduction;
/// a manual claim without a valid filing uses the region's unfiled rule.
fn reduction(s: &Situation<'_>, p: &PackPolicy<'_>, findings: &Findings, rules: &Rules<'_>) -> (Used<Decimal>, Text) {
    let version = p.version;
    if let Some(filing) = s.req.filing.as_ref().filter(|_| findings.filing_valid()) {
        if let Some(p) = version.reduction(filing.category) {
            let rule = rules.id(Rule::Reduction(filing.category.id()));
            return (param(p, rule), filing.category.name());
        }
    }
    let rule = rules.id(Rule::Unfiled);
    (param(&version.unfiled_reduction, rule), unfiled())
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
}

/// Whether rule ids are written (see [`resolve`]), and the pack they are in.
struct Rules<'p> {
    pack: &'p PackPolicy<'p>,
    explain: bool,
}

impl Rules<'_> {
    fn id(&self, rule: Rule<'_>) -> String {
        if self.explain {
            self.text(rule)
        } else {
            String::new()
        }
    }

    fn text(&self, rule: Rule<'_>) -> String {
        let prefix = self.pack.rule_prefix();
        match rule {
            Rule::Ratio(disease) => format!("{prefix}/{disease}/ratio"),
            Rule::Deductible(group) => format!("{prefix}/deductibles/{group}"),
            Rule::Limit(group, which) => format!("{prefix}/limits/{group}{which}"),
            Rule::Overall => format!("{prefix}/overallCeiling"),
            Rule::Reduction(category) => format!("{prefix}/reductions/{category}"),
            Rule::Unfiled => format!("{prefix}/unfiledReduction"),
        }
    }
}

/// Why the unfiled reduction applies.
pub fn unfiled() -> Text {
    t(
        "未备案或备案不适用（回参保地手工报销）",
        "not filed, or the filing does not cover this visit (claimed manually at home)",
    )
}

fn param<T: Clone>(p: &Param<T>, rule: String) -> Used<T> {
    Used {
        value: p.value.clone(),
        rule,
        provenance: p.provenance,
    }
}

fn used<T: Clone>(table: &Table<T>, who: Who, rules: &Rules<'_>, rule: Rule<'_>) -> Result<Used<T>, Error> {
    let (p, keys) = table.lookup(who).ok_or_else(|| broken(&rules.text(rule)))?;
    let mut rule = rules.id(rule);
    // Appended rather than `format!`ed: this body is compiled once per `T`.
    if rules.explain {
        rule.push_str(&keys);
    }
    Ok(param(p, rule))
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
