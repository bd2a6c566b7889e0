//! The numbers of one visit — deductible, ratio, reduction and limits — each with its rule id,
//! provenance and, for what the person did not give, the default that stood in for it: what the
//! assembly ([`super::layered`]) answers when asked, whichever layer the number came from.

pub use super::model::{Base, Fact, Facts};
use crate::bilingual::{t, Text};
use rust_decimal::Decimal;

/// How the ratio is lowered for the visit (docs/calculation.md §4), as plain numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reduction {
    /// The ratio minus so many points, never below 0.
    Points(Decimal),
    /// The ratio times a factor, exact.
    Factor(Decimal),
    /// A ratio of its own.
    Ratio(Decimal),
    /// A share of the in-scope cost the person pays first; the ratio unchanged.
    SelfPayFirst(Decimal),
}

impl std::default::Default for Reduction {
    fn default() -> Reduction {
        Reduction::Points(Decimal::ZERO)
    }
}

/// The insured place's parameters for this visit (参保地政策), as plain numbers: what the
/// settlement of docs/calculation.md §5 needs, wherever each number came from.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Parameters {
    /// The ratio for scheme, status, hospital level, disease, age band and tier.
    pub base_ratio: Decimal,
    /// For the filing category (or for not filing).
    pub reduction: Reduction,
    /// Every limit on in-scope cost that applies, as (limit, already counted in its period).
    pub cost_limits: Vec<(Decimal, Decimal)>,
    /// The deductible standard (起付线); 0 when there is none.
    pub deductible_standard: Decimal,
    /// Already taken towards it in the same group and period; 0 for per-visit deductibles.
    pub deductible_paid: Decimal,
    /// Taken off the fund's payment after the ratio (docs/calculation.md §5 d), not before it (c).
    pub deductible_off_fund: bool,
    /// Every limit on the fund's payment that applies, as (limit, already used).
    pub limits: Vec<(Decimal, Decimal)>,
}

impl Parameters {
    /// Nothing reimbursable (mode "none"): no deductible, ratio 0, no cap.
    pub fn nothing() -> Parameters {
        Parameters::default()
    }
}

/// What stood in for a fact the person did not give, by which way it can move the estimate
/// (docs/contract.md `settlement.bound`). Parameters a pack marks `assumed` are not defaults: their
/// provenance shows them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Default {
    /// Taken as none (a deductible, a limit, inpatient payments): the fund's payment can only be
    /// lower in truth.
    Generous,
    /// The least favourable value (a temporary cut at its national ceiling, the least favourable
    /// age band, tier or schedule amount, one recognised disease): it can only be higher.
    Cautious,
    /// A guess either way (the cut for a visit without a valid filing).
    Guess,
}

/// A parameter as used: its value, where it is in the policy and where it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Used<T> {
    pub value: T,
    pub rule: String,
    pub provenance: super::Provenance,
    /// Set when the person's own value was missing and this stood in for it.
    pub default: Option<Default>,
    /// The facts of the person's the request did not give, which a cautious (or, for inpatient
    /// payments, a generous) default stood in for (each a warning).
    pub lacking: Facts,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DeductibleKind {
    None,
    Annual,
    Monthly,
    PerVisit,
}

/// The deductible of the visit's group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeductibleUse {
    pub kind: DeductibleKind,
    pub off_fund: bool,
    pub standard: Used<Decimal>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LimitKind {
    Annual,
    Monthly,
    PerVisit,
    Overall,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LimitUse {
    pub kind: LimitKind,
    pub base: Base,
    /// `None`: there is no such limit (stated, or taken as none).
    pub limit: Used<Option<Decimal>>,
    pub used: Decimal,
    /// How a growing, ranked or scheduled amount came out (for the trace).
    pub how: Option<Text>,
}

/// Which year-to-date accounts a visit counts against (for `estimate_year`): its deductible
/// group (monthly or not) and its limit.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Groups {
    pub deductible: String,
    /// The group's deductible is taken per calendar month (its account restarts each month).
    pub deductible_monthly: bool,
    pub limit: String,
}

/// The numbers of one visit with what the trace says of each.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Benefit {
    pub parameters: Parameters,
    pub deductible: Option<DeductibleUse>,
    pub base_ratio: Option<Used<Decimal>>,
    /// The reduction applied and why (the filing category, or not filed).
    pub reduction: Option<(Used<Reduction>, Text)>,
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

    /// Every parameter as (default, lacking facts, rule), in the order the trace gives them.
    fn uses(&self) -> impl Iterator<Item = (Option<Default>, Facts, &str)> {
        fn of(u: &Used<Decimal>) -> (Option<Default>, Facts, &str) {
            (u.default, u.lacking, u.rule.as_str())
        }
        let d = self.deductible.iter().map(|d| &d.standard);
        d.map(of)
            .chain(self.base_ratio.iter().map(of))
            .chain(
                self.reduction
                    .iter()
                    .map(|(r, _)| (r.default, r.lacking, r.rule.as_str())),
            )
            .chain(
                self.limits
                    .iter()
                    .map(|l| (l.limit.default, l.limit.lacking, l.limit.rule.as_str())),
            )
    }

    /// Every default that stood in for something the person did not give, once each.
    pub fn defaults(&self) -> Vec<Default> {
        let mut out: Vec<Default> = Vec::new();
        for d in self.uses().filter_map(|(d, _, _)| d) {
            if !out.contains(&d) {
                out.push(d);
            }
        }
        out
    }

    /// Each fact of the person's a parameter needed and the request lacked, with that parameter's
    /// rule id, once per pair.
    pub fn lacking(&self) -> Vec<(Fact, String)> {
        let mut out: Vec<(Fact, String)> = Vec::new();
        for (_, facts, rule) in self.uses() {
            for fact in facts.iter() {
                if !out.iter().any(|(f, r)| *f == fact && r == rule) {
                    out.push((fact, rule.to_string()));
                }
            }
        }
        out
    }
}

/// Why the unfiled reduction applies.
pub fn unfiled() -> Text {
    t(
        "未备案或备案不适用（回参保地手工报销）",
        "not filed, or the filing does not cover this visit (claimed manually at home)",
    )
}
