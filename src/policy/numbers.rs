//! The numbers of one visit — deductible, ratio, reduction and limits — each with its rule id,
//! provenance and, for what the person did not enter, the default that stood in for it: what the
//! assembly ([`super::layered`]) answers when asked, whichever layer the number came from.

use crate::bilingual::{t, Text};
use rust_decimal::Decimal;

/// The insured place's parameters for this visit (参保地政策), as plain numbers: what the
/// settlement of BRIEF §5 needs, wherever each number came from.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Parameters {
    /// The deductible standard (起付线); 0 when there is none.
    pub deductible_standard: Decimal,
    /// Already paid towards it in the same group and period; 0 for per-visit deductibles.
    pub deductible_paid: Decimal,
    /// The ratio for scheme, status, hospital level and disease.
    pub base_ratio: Decimal,
    /// The reduction for the filing category (or for not filing).
    pub reduction: Decimal,
    /// Every limit that applies, as (limit, already used).
    pub limits: Vec<(Decimal, Decimal)>,
}

impl Parameters {
    /// Nothing reimbursable (mode "none"): no deductible, ratio 0, no cap.
    pub fn nothing() -> Parameters {
        Parameters::default()
    }
}

/// What stood in for a fact the person did not give, by which way it can move the estimate
/// (CONTRACT.md `settlement.bound`). Parameters a pack marks `assumed` are not defaults: their
/// provenance shows them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Default {
    /// Taken as none (a deductible or a limit): the fund's payment can only be lower in truth.
    Generous,
    /// The least favourable value (a temporary cut at its national ceiling): it can only be
    /// higher.
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
    /// `None`: there is no such limit (stated, or taken as none).
    pub limit: Used<Option<Decimal>>,
    pub used: Decimal,
}

/// Which year-to-date accumulators a visit counts against (for `estimate_year`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Groups {
    pub deductible: String,
    pub limit: String,
}

/// The numbers of one visit with what the trace says of each.
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

    /// Every default that stood in for something the person did not give, once each.
    pub fn defaults(&self) -> Vec<Default> {
        let mut out: Vec<Default> = Vec::new();
        let used = self
            .deductible
            .iter()
            .map(|(_, d)| d.default)
            .chain(self.base_ratio.iter().map(|r| r.default))
            .chain(self.reduction.iter().map(|(r, _)| r.default))
            .chain(self.limits.iter().map(|l| l.limit.default));
        for d in used.flatten() {
            if !out.contains(&d) {
                out.push(d);
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
