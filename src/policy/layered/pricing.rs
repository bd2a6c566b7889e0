//! The numbers of one visit, asked of the layers: the ratio, the cut, the deductible, the limits —
//! from the pack where it prices the disease, else from the person's terms, with the pack's (or
//! the nation's) region-wide rules. What each number is, not how the settlement uses it
//! (`settlement.rs`).

use super::used::{assume, broken, generous, given, stated, used};
use super::{OwnTerms, PackLayer, Pricing, VisitPolicy};
use crate::bilingual::Text;
use crate::error::Error;
use crate::money::{minus, plus};
use crate::policy::model::{Cut, Deductible, Disease, Param, Period};
use crate::policy::national;
use crate::policy::numbers::{
    self, Base, Benefit, DeductibleKind, DeductibleUse, Default, Fact, Facts, LimitKind, LimitUse, Parameters,
    Reduction, Used,
};
use crate::policy::shapes::BUILT;
use crate::policy::Provenance;
use crate::request::{AnnualLimit, Ytd};
use crate::vocabulary::Mode;
use rust_decimal::Decimal;

impl<'a> VisitPolicy<'a> {
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

    fn pack_numbers(&self, disease: &Disease, filing_valid: bool, ytd: &Ytd, rules: &Rules) -> Result<Benefit, Error> {
        let Some(p) = &self.pack else {
            return Ok(Benefit::nothing());
        };
        let who = self.who();
        let version = p.version;
        let base_ratio = used(&disease.ratio, who, rules, Rule::Ratio(&self.req.visit.disease))?;
        let reduction = self.pack_reduction(p, filing_valid, rules, None)?;
        let group_rule = Rule::Deductible(&disease.deductible);
        let deductible = match version.deductible(&disease.deductible) {
            Some(Deductible::None(p)) => DeductibleUse {
                kind: DeductibleKind::None,
                off_fund: false,
                standard: stated(p, Decimal::ZERO, rules.id(group_rule)),
            },
            Some(Deductible::Standard {
                period,
                amount,
                off_fund,
            }) => DeductibleUse {
                kind: match period {
                    Period::Year => DeductibleKind::Annual,
                    Period::Month => DeductibleKind::Monthly,
                    Period::Visit => DeductibleKind::PerVisit,
                },
                off_fund: *off_fund,
                standard: used(amount, who, rules, group_rule)?,
            },
            None => return Err(broken(&rules.text(group_rule))),
        };
        let limit = version
            .limit(&disease.limit)
            .ok_or_else(|| broken(&rules.text(Rule::Limit(&disease.limit, ""))))?;
        let mut limits = self.caps(version, &disease.limit, limit, ytd, rules)?;
        limits.push(self.overall(p, ytd, rules)?);
        Ok(benefit(deductible, base_ratio, reduction, limits, ytd))
    }

    /// The person's terms price the disease; the pack's region-wide rules stand where there is
    /// one, national rules where there is none.
    fn own_numbers(&self, own: &OwnTerms<'_>, filing_valid: bool, ytd: &Ytd, rules: &Rules) -> Result<Benefit, Error> {
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

    pub(super) fn own_plan(&self, own: &OwnTerms<'_>, filing_valid: bool, rules: &Rules) -> Result<Plan, Error> {
        let terms = own.terms;
        let term = |what: &str| rules.id(Rule::Term(&own.rule, what));
        let user = Provenance::User;
        let deductible = match terms.deductible {
            Some(d) if d.0.is_zero() => (DeductibleKind::None, given(d.0, term("deductible"), user)),
            Some(d) => (DeductibleKind::Annual, given(d.0, term("deductible"), user)),
            None => (
                DeductibleKind::None,
                generous(given(Decimal::ZERO, term("deductible"), Provenance::Assumed)),
            ),
        };
        let limit = match terms.annual_limit {
            AnnualLimit::Amount(m) => given(Some(m.0), term("annualLimit"), user),
            AnnualLimit::None => given(None, term("annualLimit"), user),
            AnnualLimit::Unstated => generous(given(None, term("annualLimit"), Provenance::Assumed)),
        };
        let ratio = given(terms.ratio.0, term("ratio"), user);
        let (reduction, reduction_field) = match &self.pack {
            Some(p) => (
                self.pack_reduction(p, filing_valid, rules, Some(ratio.value))?,
                "reduction",
            ),
            None => self.own_reduction(own, filing_valid, rules),
        };
        Ok(Plan {
            ratio,
            deductible: DeductibleUse {
                kind: deductible.0,
                off_fund: false,
                standard: deductible.1,
            },
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

    /// Direct settlement and a manual claim under a valid filing use the category's cut; a manual
    /// claim without a valid filing uses the region's rule for that. `user_ratio`: the disease is
    /// priced by the person's terms, whose ratio the pack was not checked against at load — the
    /// national ceiling holds the cut for a temporary visitor (docs/rules.md "Filing").
    fn pack_reduction(
        &self,
        p: &PackLayer<'_>,
        filing_valid: bool,
        rules: &Rules,
        user_ratio: Option<Decimal>,
    ) -> Result<(Used<Reduction>, Text), Error> {
        if let Some(filing) = self.req.filing.as_ref().filter(|_| filing_valid) {
            let category = filing.category;
            if let Some(cut) = p.version.reduction(category) {
                let mut used = self.cut(cut, rules, |form| Rule::Reduction(category.id(), form))?;
                // (A cut in points is within the ceiling for any ratio: a pack's is checked at load.)
                let (base, ceiling) = (user_ratio.filter(|_| BUILT.cuts), category.max_reduction());
                if let (Some(base), Some(ceiling)) = (base, ceiling) {
                    if drop(base, used.value) > ceiling {
                        used.value = Reduction::Points(ceiling);
                        used.provenance = Provenance::National;
                    }
                }
                return Ok((used, category.name()));
            }
        }
        let used = self.cut(&p.version.unfiled_reduction, rules, Rule::Unfiled)?;
        Ok((used, numbers::unfiled()))
    }

    /// A cut of the pack's as used; `rule` names it given its form's key.
    fn cut(
        &self,
        cut: &Cut,
        rules: &Rules,
        rule: impl Fn(&'static str) -> Rule<'static>,
    ) -> Result<Used<Reduction>, Error> {
        let param = |p: &Param<Decimal>, value: Reduction, form| Used {
            value,
            rule: rules.id(rule(form)),
            provenance: p.provenance,
            default: None,
            lacking: Facts::default(),
        };
        Ok(match cut {
            Cut::Points(p) => param(p, Reduction::Points(p.value), ""),
            // Not in this build's packs (`shapes`).
            _ if !BUILT.cuts => return Err(broken(&rules.text(rule("")))),
            Cut::Factor(p) => param(p, Reduction::Factor(p.value), "/factor"),
            Cut::SelfPayFirst(p) => param(p, Reduction::SelfPayFirst(p.value), "/selfPayFirst"),
            Cut::Ratio(table) => {
                let u = used(table, self.who(), rules, rule("/ratio"))?;
                Used {
                    value: Reduction::Ratio(u.value),
                    rule: u.rule,
                    provenance: u.provenance,
                    default: u.default,
                    lacking: u.lacking,
                }
            }
        })
    }

    /// The region's overall annual ceiling: every special disease's fund payments count, and —
    /// where it is shared with inpatient care — the year's inpatient fund payments.
    fn overall(&self, p: &PackLayer<'_>, ytd: &Ytd, rules: &Rules) -> Result<LimitUse, Error> {
        let mut limit = used(&p.version.overall_ceiling, self.who(), rules, Rule::Overall)?;
        let mut used = ytd.fund_paid_total.0;
        // Inpatient payments matter only to a ceiling there is.
        if BUILT.inpatient && p.version.overall_with_inpatient && limit.value.is_some() {
            used = plus(used, inpatient(ytd, &mut limit));
        }
        Ok(LimitUse {
            kind: LimitKind::Overall,
            base: Base::FundPayment,
            limit,
            used,
            how: None,
        })
    }
}

/// How far a reduction lowers `base` (docs/calculation.md §4: drop = base − effective).
fn drop(base: Decimal, reduction: Reduction) -> Decimal {
    match reduction {
        Reduction::Points(points) => points.min(base),
        Reduction::Factor(factor) => minus(base, base * factor),
        Reduction::Ratio(own) => minus(base, own),
        Reduction::SelfPayFirst(share) => base * share,
    }
}

/// The year's inpatient fund payments, which count against a limit shared with inpatient care;
/// not given: 0, so the fund's payment is at most what the estimate says (`INPATIENT_ASSUMED`).
pub(super) fn inpatient(ytd: &Ytd, limit: &mut Used<Option<Decimal>>) -> Decimal {
    match ytd.inpatient_fund_paid {
        Some(paid) => paid.0,
        None => {
            assume(limit, Default::Generous, Fact::Inpatient);
            Decimal::ZERO
        }
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

fn benefit(
    deductible: DeductibleUse,
    base_ratio: Used<Decimal>,
    reduction: (Used<Reduction>, Text),
    limits: Vec<LimitUse>,
    ytd: &Ytd,
) -> Benefit {
    let deductible_paid = match deductible.kind {
        DeductibleKind::Annual | DeductibleKind::Monthly => ytd.deductible_paid.0,
        // A per-visit deductible ignores what was taken before; no deductible has nothing to count.
        DeductibleKind::None | DeductibleKind::PerVisit => Decimal::ZERO,
    };
    let on = |base| -> Vec<(Decimal, Decimal)> {
        limits
            .iter()
            .filter(|l| l.base == base)
            .filter_map(|l| l.limit.value.map(|v| (v, l.used)))
            .collect()
    };
    let parameters = Parameters {
        base_ratio: base_ratio.value,
        reduction: reduction.0.value,
        // None but in a build whose packs have them (`shapes`).
        cost_limits: if BUILT.cost_caps {
            on(Base::InScopeCost)
        } else {
            Vec::new()
        },
        deductible_standard: deductible.standard.value,
        deductible_paid,
        deductible_off_fund: deductible.off_fund,
        limits: on(Base::FundPayment),
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
pub(super) enum Rule<'a> {
    Ratio(&'a str),
    Deductible(&'a str),
    /// The limit and the path of a cap in it (`/annual`, `/inScopeCost/monthly/schedule/2`).
    Limit(&'a str, &'a str),
    Overall,
    /// The filing category and the cut's form (`""` for points, `/factor`, `/ratio`, …).
    Reduction(&'static str, &'static str),
    Unfiled(&'static str),
    /// A term of the person's (`terms` or `termsByDisease/<id>`) and its field.
    Term(&'a str, &'a str),
}

/// Whether rule ids are written, and their prefix.
pub(super) struct Rules {
    pub prefix: String,
    pub explain: bool,
}

impl Rules {
    pub fn id(&self, rule: Rule<'_>) -> String {
        if self.explain {
            self.text(rule)
        } else {
            String::new()
        }
    }

    pub fn text(&self, rule: Rule<'_>) -> String {
        let prefix = &self.prefix;
        match rule {
            Rule::Ratio(disease) => format!("{prefix}/{disease}/ratio"),
            Rule::Deductible(group) => format!("{prefix}/deductibles/{group}"),
            Rule::Limit(group, which) => format!("{prefix}/limits/{group}{which}"),
            Rule::Overall => format!("{prefix}/overallCeiling"),
            Rule::Reduction(category, form) => format!("{prefix}/reductions/{category}{form}"),
            Rule::Unfiled(form) => format!("{prefix}/unfiledReduction{form}"),
            Rule::Term(terms, what) => format!("{prefix}/{terms}/{what}"),
        }
    }
}
