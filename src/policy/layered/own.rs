//! The person's own terms as numbers of the visit: a disease priced by them (under the baseline,
//! a national disease a pack leaves out), the parameters a pack leaves to them, and a cut a pack
//! leaves to them — each as the baseline takes it (docs/contract.md "Regions without a pack").

use super::pricing::{benefit, Rule, Rules};
use super::used::{generous, given};
use super::{OwnTerms, VisitPolicy};
use crate::bilingual::Text;
use crate::json::Res;
use crate::policy::national;
use crate::policy::numbers::{
    self, Base, Benefit, DeductibleKind, DeductibleUse, Default, LimitKind, LimitUse, Reduction, Used,
};
use crate::policy::Provenance;
use crate::request::{AnnualLimit, PersonTerms, Ytd};
use rust_decimal::Decimal;

impl<'a> VisitPolicy<'a> {
    /// The person's terms price the disease; the pack's region-wide rules stand where there is
    /// one, national rules where there is none.
    pub(super) fn own_numbers(&self, own: &OwnTerms<'_>, filing_valid: bool, ytd: &Ytd, rules: &Rules) -> Res<Benefit> {
        let plan = self.own_plan(own, filing_valid, rules)?;
        let mut limits = vec![LimitUse {
            kind: LimitKind::Annual,
            base: Base::FundPayment,
            limit: plan.limit,
            used: ytd.fund_paid.0,
            how: None,
        }];
        if let Some(p) = &self.pack {
            limits.push(self.overall(p, ytd, rules)?);
        }
        Ok(benefit(plan.deductible, plan.ratio, plan.reduction, limits, ytd))
    }

    pub(super) fn own_plan(&self, own: &OwnTerms<'_>, filing_valid: bool, rules: &Rules) -> Res<Plan> {
        let deductible = own_deductible(own, rules);
        let limit = own_limit(own, rules, &Ytd::default()).limit;
        let ratio = own_ratio(own, rules)?;
        let (reduction, reduction_field) = match &self.pack {
            Some(p) if !self.cut_left_to_terms(p, filing_valid) => (
                self.pack_reduction(p, filing_valid, rules, Some(ratio.value))?,
                "reduction",
            ),
            _ => self.own_reduction(own, filing_valid, rules),
        };
        Ok(Plan {
            ratio,
            deductible,
            limit,
            reduction,
            reduction_field,
        })
    }

    /// Without a pack: a valid filing's category decides (long-term: 0; temporary: the person's
    /// reduction within the national ceiling, or the ceiling); without one, the person's unfiled
    /// reduction or 0.20.
    fn own_reduction(
        &self,
        own: &OwnTerms<'_>,
        filing_valid: bool,
        rules: &Rules,
    ) -> ((Used<Reduction>, Text), &'static str) {
        let terms = own.terms;
        let points = |value, rule, provenance, default| Used {
            default,
            ..given(Reduction::Points(value), rule, provenance)
        };
        let Some(filing) = self.req.filing.as_ref().filter(|_| filing_valid) else {
            let used = match terms.unfiled_reduction {
                Some(r) => points(
                    r.0,
                    rules.id(Rule::Term(&own.rule, "unfiledReduction")),
                    Provenance::User,
                    None,
                ),
                None => points(
                    national::UNFILED_REDUCTION,
                    rules.id(Rule::Unfiled("")),
                    Provenance::Assumed,
                    Some(Default::Guess),
                ),
            };
            return ((used, numbers::unfiled()), "unfiledReduction");
        };
        let category = filing.category;
        let national = |value, provenance, default| {
            points(value, rules.id(Rule::Reduction(category.id(), "")), provenance, default)
        };
        let used = match (category.max_reduction(), terms.reduction) {
            // Long-term filers keep the full ratio, whatever was entered (national rule).
            (None, _) => national(Decimal::ZERO, Provenance::National, None),
            (Some(ceiling), Some(r)) if r.0 <= ceiling => points(
                r.0,
                rules.id(Rule::Term(&own.rule, "reduction")),
                Provenance::User,
                None,
            ),
            (Some(ceiling), Some(_)) => national(ceiling, Provenance::National, None),
            (Some(ceiling), None) => national(ceiling, Provenance::Assumed, Some(Default::Cautious)),
        };
        ((used, category.name()), "reduction")
    }

    /// A cut the pack leaves to the person (`"terms"`): their reduction as under the baseline,
    /// or the national default when they give none; and the field it is read from.
    pub(super) fn terms_reduction(&self, filing_valid: bool, rules: &Rules) -> ((Used<Reduction>, Text), String) {
        let empty = PersonTerms::default();
        let own = super::own_terms(self.req, &self.req.visit.disease).unwrap_or(OwnTerms {
            terms: &empty,
            path: "insured.terms".to_string(),
            rule: "terms".to_string(),
        });
        let (used, field) = self.own_reduction(&own, filing_valid, rules);
        (used, format!("{}.{field}", own.path))
    }
}

/// The person's ratio (present: `needs_ratio` checked it when the policy was assembled).
pub(super) fn own_ratio(own: &OwnTerms<'_>, rules: &Rules) -> Res<Used<Decimal>> {
    let ratio = own
        .terms
        .ratio
        .ok_or_else(|| crate::json::missing(&format!("{}.ratio", own.path), "ratio"))?;
    Ok(given(
        ratio.0,
        rules.id(Rule::Term(&own.rule, "ratio")),
        Provenance::User,
    ))
}

/// The person's annual deductible; not entered: none, so the fund pays at most the estimate.
pub(super) fn own_deductible(own: &OwnTerms<'_>, rules: &Rules) -> DeductibleUse {
    let rule = rules.id(Rule::Term(&own.rule, "deductible"));
    let (kind, standard) = match own.terms.deductible {
        Some(d) if d.0.is_zero() => (DeductibleKind::None, given(d.0, rule, Provenance::User)),
        Some(d) => (DeductibleKind::Annual, given(d.0, rule, Provenance::User)),
        None => (
            DeductibleKind::None,
            generous(given(Decimal::ZERO, rule, Provenance::Assumed)),
        ),
    };
    DeductibleUse {
        kind,
        off_fund: false,
        standard,
    }
}

/// The person's annual limit on the fund's payment for the disease; not entered: none.
pub(super) fn own_limit(own: &OwnTerms<'_>, rules: &Rules, ytd: &Ytd) -> LimitUse {
    let rule = rules.id(Rule::Term(&own.rule, "annualLimit"));
    let limit = match own.terms.annual_limit {
        AnnualLimit::Amount(m) => given(Some(m.0), rule, Provenance::User),
        AnnualLimit::None => given(None, rule, Provenance::User),
        AnnualLimit::Unstated => generous(given(None, rule, Provenance::Assumed)),
    };
    LimitUse {
        kind: LimitKind::Annual,
        base: Base::FundPayment,
        limit,
        used: ytd.fund_paid.0,
        how: None,
    }
}

/// The person's terms as they apply to the visit.
pub(super) struct Plan {
    ratio: Used<Decimal>,
    pub deductible: DeductibleUse,
    /// `value: None`: no annual limit (stated, or taken as none).
    pub limit: Used<Option<Decimal>>,
    pub reduction: (Used<Reduction>, Text),
    /// The term field the reduction came from (`reduction` or `unfiledReduction`).
    pub reduction_field: &'static str,
}
