//! The person's terms as the insured place's terms for BRIEF §5 (CONTRACT.md "The person's
//! terms"): what they entered (`user`), national rules (`national`), and defaults for what they
//! did not enter (`assumed`, each warned). No monthly quota and no overall ceiling apply.

use super::rule;
use crate::benefit::{self, Benefit, DeductibleKind, LimitKind, LimitUse, Used};
use crate::bilingual::Text;
use crate::checks::Findings;
use crate::policy::Provenance;
use crate::request::terms::{AnnualLimit, PersonTerms};
use crate::request::Ytd;
use crate::settlement::Parameters;
use crate::situation::Situation;
use crate::vocabulary::Mode;
use rust_decimal::Decimal;

/// Reduction for a manual claim without a valid filing when the person entered none (PARAMETERS.md: A).
const UNFILED_REDUCTION: Decimal = Decimal::from_parts(20, 0, 0, false, 2);

/// Every term as it applies to this visit.
pub struct Plan {
    pub ratio: Used<Decimal>,
    pub deductible: (DeductibleKind, Used<Decimal>),
    /// `None`: no annual limit (stated, or assumed).
    pub limit: Used<Option<Decimal>>,
    pub reduction: (Used<Decimal>, Text),
    /// The term field the reduction came from (`reduction` or `unfiledReduction`).
    pub reduction_field: &'static str,
}

/// The terms for a visit that can be reimbursed; `None` when the person entered no terms.
pub fn plan(s: &Situation<'_>, findings: &Findings) -> Option<Plan> {
    let terms = s.req.insured.terms.as_ref()?;
    let code = s.code;
    let (user, assumed) = (Provenance::User, Provenance::Assumed);
    let deductible = match terms.deductible {
        Some(d) if d.0.is_zero() => (DeductibleKind::None, term(d.0, code, "deductible", user)),
        Some(d) => (DeductibleKind::Annual, term(d.0, code, "deductible", user)),
        None => (DeductibleKind::None, term(Decimal::ZERO, code, "deductible", assumed)),
    };
    let limit = match terms.annual_limit {
        AnnualLimit::Amount(m) => term(Some(m.0), code, "annualLimit", user),
        AnnualLimit::None => term(None, code, "annualLimit", user),
        AnnualLimit::Unstated => term(None, code, "annualLimit", assumed),
    };
    let (reduction, reduction_field) = reduction(s, terms, findings);
    Some(Plan {
        ratio: term(terms.ratio.0, code, "ratio", user),
        deductible,
        limit,
        reduction,
        reduction_field,
    })
}

/// A term of the person's (`110000/national-baseline/terms/ratio`), entered or assumed.
fn term<T>(value: T, code: &str, what: &str, provenance: Provenance) -> Used<T> {
    Used {
        value,
        rule: rule(code, &format!("terms/{what}")),
        provenance,
    }
}

/// A valid filing's category decides (long-term: 0; temporary: the person's reduction within the
/// national ceiling, or the ceiling); without one, the person's unfiled reduction or 0.20.
fn reduction(s: &Situation<'_>, terms: &PersonTerms, findings: &Findings) -> ((Used<Decimal>, Text), &'static str) {
    let code = s.code;
    let Some(filing) = s.req.filing.as_ref().filter(|_| findings.filing_valid()) else {
        let used = match terms.unfiled_reduction {
            Some(r) => term(r.0, code, "unfiledReduction", Provenance::User),
            None => Used {
                value: UNFILED_REDUCTION,
                rule: rule(code, "unfiledReduction"),
                provenance: Provenance::Assumed,
            },
        };
        return ((used, benefit::unfiled()), "unfiledReduction");
    };
    let category = filing.category;
    let national = rule(code, &format!("reductions/{}", category.id()));
    let used = match (category.max_reduction(), terms.reduction) {
        // Long-term filers keep the full ratio, whatever was entered (national rule).
        (None, _) => Used {
            value: Decimal::ZERO,
            rule: national,
            provenance: Provenance::National,
        },
        (Some(ceiling), Some(r)) if r.0 <= ceiling => term(r.0, code, "reduction", Provenance::User),
        (Some(ceiling), Some(_)) => Used {
            value: ceiling,
            rule: national,
            provenance: Provenance::National,
        },
        (Some(ceiling), None) => Used {
            value: ceiling,
            rule: national,
            provenance: Provenance::Assumed,
        },
    };
    ((used, category.name()), "reduction")
}

/// `None` when the amounts cannot be known: a reimbursable visit without terms.
pub fn resolve(s: &Situation<'_>, findings: &Findings, ytd: &Ytd) -> Option<Benefit> {
    if findings.mode() == Mode::None {
        return Some(Benefit::nothing());
    }
    let plan = plan(s, findings)?;
    let (kind, deductible) = &plan.deductible;
    let deductible_paid = match kind {
        DeductibleKind::Annual => ytd.deductible_paid.0,
        DeductibleKind::None | DeductibleKind::PerVisit => Decimal::ZERO,
    };
    let parameters = Parameters {
        deductible_standard: deductible.value,
        deductible_paid,
        base_ratio: plan.ratio.value,
        reduction: plan.reduction.0.value,
        limits: plan.limit.value.map(|l| (l, ytd.fund_paid.0)).into_iter().collect(),
    };
    Some(Benefit {
        parameters,
        deductible: Some(plan.deductible),
        base_ratio: Some(plan.ratio),
        reduction: Some(plan.reduction),
        limits: vec![LimitUse {
            kind: LimitKind::Annual,
            limit: plan.limit,
            used: ytd.fund_paid.0,
        }],
    })
}
