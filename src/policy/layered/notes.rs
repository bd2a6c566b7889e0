//! What the person should know about the layers behind the numbers — a version past its review,
//! terms ignored, needed or assumed — and the one term whose absence is an error (the ratio,
//! where it prices the disease).

use super::{own_terms, pricing, Coverage, OwnTerms, Pricing, VisitPolicy};
use crate::bilingual::Text;
use crate::date::Date;
use crate::json::Res;
use crate::policy::model::{Disease, TERMS};
use crate::policy::numbers;
use crate::request::AnnualLimit;
use crate::vocabulary::Mode;
use rust_decimal::Decimal;

/// What the person should know about the policy behind the numbers (worded by `warnings`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Note {
    /// The version's parameters were checked up to this date, before the visit.
    Outdated(Date),
    /// The person's terms at this path were given for a disease the region's pack prices.
    TermsIgnored(String),
    /// A field of the person's terms (its path, its `insured.terms` key) that the pack states
    /// where it leaves others to them: the pack's figure is used.
    TermIgnored(String, &'static str),
    /// The amounts need the person's terms for the disease, for want of what.
    TermsNeeded { lacking: Lacking },
    /// A term not entered (its path), taken as none.
    TermsAssumed(String),
    /// A reduction not entered (its path), taken as this much.
    ReductionAssumed(String, Decimal),
}

/// Why the person's terms are needed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Lacking {
    /// No pack covers the region.
    NoPolicy,
    /// The region's pack leaves this national disease out: its name.
    Unlisted(Text),
    /// The region's pack lists the disease and leaves these `insured.terms` fields to the person.
    Partly(Vec<&'static str>),
}

impl<'a> VisitPolicy<'a> {
    /// What the person should know about the layers behind the numbers, each given to `out` in
    /// turn (no list of them is kept: the caller words each at once).
    pub fn notes(&self, mode: Mode, filing_valid: bool, out: &mut impl FnMut(Note)) {
        if let Some(p) = &self.pack {
            if let Some(until) = p.version.reviewed_until.filter(|until| *until < self.req.visit.date) {
                out(Note::Outdated(until));
            }
        }
        // A cut the pack leaves to the person reads their terms whatever prices the disease.
        let own_cut = mode != Mode::None
            && matches!(self.pricing, Pricing::Pack(..))
            && self
                .pack
                .as_ref()
                .is_some_and(|p| self.cut_left_to_terms(p, filing_valid));
        if own_cut {
            let rules = pricing::Rules {
                prefix: String::new(),
                explain: false,
            };
            let ((reduction, _), path) = self.terms_reduction(filing_valid, &rules);
            if let (Some(_), numbers::Reduction::Points(points)) = (reduction.default, reduction.value) {
                out(Note::ReductionAssumed(path, points));
            }
        }
        match &self.pricing {
            Pricing::Pack(d, None) if d.left_to_terms().is_empty() => {
                match own_terms(self.req, &self.req.visit.disease) {
                    // Read for the cut alone: the pack's figures stand for the rest.
                    Some(own) if own_cut => self.stated_given(d, &own, None, out),
                    Some(own) => out(Note::TermsIgnored(own.path)),
                    None => {}
                }
            }
            _ if mode == Mode::None => {}
            Pricing::Pack(d, None) => out(Note::TermsNeeded {
                lacking: Lacking::Partly(d.left_to_terms()),
            }),
            Pricing::Pack(d, Some(own)) => {
                let cut = (!own_cut).then_some(filing_valid);
                self.stated_given(d, own, cut, out);
                if d.deductible == TERMS && own.terms.deductible.is_none() {
                    out(Note::TermsAssumed(format!("{}.deductible", own.path)));
                }
                if d.limit == TERMS && own.terms.annual_limit == AnnualLimit::Unstated {
                    out(Note::TermsAssumed(format!("{}.annualLimit", own.path)));
                }
            }
            Pricing::Own(None) => out(Note::TermsNeeded {
                lacking: match &self.coverage {
                    Coverage::NationalUnlisted(name) => Lacking::Unlisted(name.clone()),
                    _ => Lacking::NoPolicy,
                },
            }),
            Pricing::Own(Some(own)) => {
                let rules = pricing::Rules {
                    prefix: String::new(),
                    explain: false,
                };
                // Only a broken pack makes this fail, and the numbers say so themselves.
                let Ok(plan) = self.own_plan(own, filing_valid, &rules) else {
                    return;
                };
                if plan.deductible.standard.default.is_some() {
                    out(Note::TermsAssumed(format!("{}.deductible", own.path)));
                }
                if plan.limit.default.is_some() {
                    out(Note::TermsAssumed(format!("{}.annualLimit", own.path)));
                }
                let (reduction, _) = &plan.reduction;
                if let (Some(_), numbers::Reduction::Points(points)) = (reduction.default, reduction.value) {
                    out(Note::ReductionAssumed(
                        format!("{}.{}", own.path, plan.reduction_field),
                        points,
                    ));
                }
            }
            Pricing::Nothing => {}
        }
    }
}

/// The fields of the person's terms, in the contract's order.
const FIELDS: [&str; 5] = ["ratio", "deductible", "annualLimit", "reduction", "unfiledReduction"];

impl VisitPolicy<'_> {
    /// The fields of the person's terms that the pack states and they gave anyway, each ignored:
    /// the disease's ratio, deductible and limit, and — `cut`: the pack states the one that
    /// applies, with whether the filing is valid — the reduction the visit would read.
    fn stated_given(&self, d: &Disease, own: &OwnTerms<'_>, cut: Option<bool>, out: &mut impl FnMut(Note)) {
        let t = own.terms;
        let given = [
            d.ratio.is_some() && t.ratio.is_some(),
            d.deductible != TERMS && t.deductible.is_some(),
            // A stated "no limit" (null) is a figure too.
            d.limit != TERMS && t.annual_limit != AnnualLimit::Unstated,
            cut == Some(true) && t.reduction.is_some(),
            cut == Some(false) && t.unfiled_reduction.is_some(),
        ];
        for i in 0..FIELDS.len() {
            if given[i] {
                // By hand: `format!` was 160 B more of the page's `.wasm` (raw).
                let mut path = own.path.clone();
                path.push('.');
                path.push_str(FIELDS[i]);
                out(Note::TermIgnored(path, FIELDS[i]));
            }
        }
    }
}

/// The person's ratio is required where it prices the disease (INVALID_INPUT at its path, as
/// for any missing field): under the baseline, for a national disease a pack leaves out, and
/// where a pack leaves the ratio to the person. Elsewhere the terms may leave it out.
pub(super) fn needs_ratio(pricing: &Pricing<'_>) -> Res<()> {
    let own = match pricing {
        Pricing::Own(Some(own)) => own,
        Pricing::Pack(d, Some(own)) if d.ratio.is_none() => own,
        _ => return Ok(()),
    };
    match own.terms.ratio {
        Some(_) => Ok(()),
        None => Err(crate::json::missing(&format!("{}.ratio", own.path), "ratio")),
    }
}
