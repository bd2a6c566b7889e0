//! The numbers of one visit, asked of the layers: the ratio, the cut, the deductible, the limits —
//! from the pack where it prices the disease, else from the person's terms, with the pack's (or
//! the nation's) region-wide rules. What each number is, not how the settlement uses it
//! (`settlement.rs`).

use super::own::{own_deductible, own_limit, own_ratio};
use super::used::{assume, broken, stated, used};
use super::{OwnTerms, PackLayer, Pricing, VisitPolicy};
use crate::bilingual::Text;
use crate::json::Res;
use crate::money::{minus, plus};
use crate::policy::model::{Cut, Deductible, Disease, Param, Period, TERMS};
use crate::policy::numbers::{
    self, Base, Benefit, DeductibleKind, DeductibleUse, Default, Fact, Facts, LimitKind, LimitUse, Parameters,
    Reduction, Used,
};
use crate::policy::shapes::BUILT;
use crate::policy::Provenance;
use crate::request::Ytd;
use crate::vocabulary::Mode;
use rust_decimal::Decimal;

impl<'a> VisitPolicy<'a> {
    /// The numbers of the visit; `None` when they cannot be known (the person's terms are needed
    /// and were not given). `filing_valid`: the filing covers the visit, so its category's cut
    /// applies. `explain`: whether rule ids will be read (by the trace); `settle` reads none.
    pub fn numbers(&self, mode: Mode, filing_valid: bool, ytd: &Ytd, explain: bool) -> Res<Option<Benefit>> {
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
            Pricing::Pack(disease, own) => self.pack_numbers(disease, own.as_ref(), filing_valid, ytd, &rules),
        }
    }

    /// The pack's numbers for a disease it lists; what it leaves to the person's terms from
    /// them (`None` when they are needed and not given: TERMS_NEEDED).
    fn pack_numbers(
        &self,
        disease: &Disease,
        own: Option<&OwnTerms<'_>>,
        filing_valid: bool,
        ytd: &Ytd,
        rules: &Rules,
    ) -> Res<Option<Benefit>> {
        let Some(p) = &self.pack else {
            return Ok(Some(Benefit::nothing()));
        };
        if own.is_none() && !disease.left_to_terms().is_empty() {
            return Ok(None);
        }
        let who = self.who();
        let version = p.version;
        let (base_ratio, user_ratio) = match (&disease.ratio, own) {
            (Some(table), _) => (used(table, who, rules, Rule::Ratio(&self.req.visit.disease))?, None),
            (None, Some(own)) => {
                let ratio = own_ratio(own, rules)?;
                let value = ratio.value;
                (ratio, Some(value))
            }
            (None, None) => return Ok(None),
        };
        let reduction = self.pack_reduction(p, filing_valid, rules, user_ratio)?;
        let group_rule = Rule::Deductible(&disease.deductible);
        let deductible = match (version.deductible(&disease.deductible), own) {
            (_, Some(own)) if disease.deductible == TERMS => own_deductible(own, rules),
            (d, _) => self.pack_deductible(d, rules, group_rule)?,
        };
        let mut limits = match own {
            Some(own) if disease.limit == TERMS => vec![own_limit(own, rules, ytd)],
            _ => {
                let limit = version
                    .limit(&disease.limit)
                    .ok_or_else(|| broken(&rules.text(Rule::Limit(&disease.limit, ""))))?;
                self.caps(version, &disease.limit, limit, ytd, rules)?
            }
        };
        limits.push(self.overall(p, ytd, rules)?);
        Ok(Some(benefit(deductible, base_ratio, reduction, limits, ytd)))
    }

    /// A deductible group of the pack's as used.
    fn pack_deductible(
        &self,
        deductible: Option<&Deductible>,
        rules: &Rules,
        group_rule: Rule<'_>,
    ) -> Res<DeductibleUse> {
        let who = self.who();
        Ok(match deductible {
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
        })
    }

    /// Direct settlement and a manual claim under a valid filing use the category's cut; a manual
    /// claim without a valid filing uses the region's rule for that. `user_ratio`: the disease is
    /// priced by the person's terms, whose ratio the pack was not checked against at load — the
    /// national ceiling holds the cut for a temporary visitor (docs/rules.md "Filing").
    pub(super) fn pack_reduction(
        &self,
        p: &PackLayer<'_>,
        filing_valid: bool,
        rules: &Rules,
        user_ratio: Option<Decimal>,
    ) -> Res<(Used<Reduction>, Text)> {
        if self.cut_left_to_terms(p, filing_valid) {
            return Ok(self.terms_reduction(filing_valid, rules).0);
        }
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

    /// Whether the cut that applies to the visit is one the pack leaves to the person.
    pub(super) fn cut_left_to_terms(&self, p: &PackLayer<'_>, filing_valid: bool) -> bool {
        let cut = match self.req.filing.as_ref().filter(|_| filing_valid) {
            Some(filing) => p.version.reduction(filing.category),
            None => Some(&p.version.unfiled_reduction),
        };
        cut == Some(&Cut::Terms)
    }

    /// A cut of the pack's as used; `rule` names it given its form's key.
    fn cut(&self, cut: &Cut, rules: &Rules, rule: impl Fn(&'static str) -> Rule<'static>) -> Res<Used<Reduction>> {
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
            // Answered by `terms_reduction` before any cut is looked up.
            Cut::Terms => return Err(broken(&rules.text(rule("")))),
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
    pub(super) fn overall(&self, p: &PackLayer<'_>, ytd: &Ytd, rules: &Rules) -> Res<LimitUse> {
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

pub(super) fn benefit(
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
        let mut out = Vec::new();
        for l in &limits {
            if let (true, Some(v)) = (l.base == base, l.limit.value) {
                out.push((v, l.used));
            }
        }
        out
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
