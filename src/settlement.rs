//! The calculation for one visit, step by step as BRIEF §5 states it. Everything here is exact
//! decimal arithmetic; the only roundings are the two the brief names (steps 4 and 8), and step
//! 4's happens per line in `catalogue`.

use crate::catalogue::PricedLine;
use crate::money::{minus, plus, round_fen, Money, Ratio};
use crate::policy::numbers::Default;
pub(crate) use crate::policy::numbers::Parameters;
use rust_decimal::Decimal;
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct Settlement {
    pub total: Money,
    pub full_self_pay: Money,
    pub over_limit_self_pay: Money,
    pub pre_self_pay: Money,
    pub in_scope: Money,
    pub deductible: Money,
    pub ratio: Ratio,
    pub fund_before_cap: Money,
    pub cap_remaining: Option<Money>,
    pub fund_pays: Money,
    pub above_cap: Money,
    pub coinsurance: Money,
    pub patient_pays: Money,
    /// How the fund's amount relates to the truth, given what stood in for facts not given.
    pub bound: Bound,
}

/// CONTRACT.md "Rule shapes": `exact` when every fact the calculation used was given; `atMost`
/// when only unknowns that can only lower the fund's payment were filled in (a deductible or limit
/// taken as none); `atLeast` when only cautious defaults were used (a temporary cut at its
/// national ceiling); `about` when both kinds, or a guess (the cut for a visit without a valid
/// filing). Parameters a pack marks `assumed` do not change it: their provenance shows them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(rename_all = "camelCase"))]
pub enum Bound {
    Exact,
    AtMost,
    AtLeast,
    About,
}

impl Bound {
    /// The bound the defaults that were used allow.
    pub(crate) fn of(defaults: &[Default]) -> Bound {
        defaults.iter().fold(Bound::Exact, |bound, d| {
            let this = match d {
                Default::Generous => Bound::AtMost,
                Default::Cautious => Bound::AtLeast,
                Default::Guess => Bound::About,
            };
            match (bound, this) {
                (Bound::Exact, b) => b,
                (a, b) if a == b => a,
                _ => Bound::About,
            }
        })
    }

    pub const fn name(self) -> &'static str {
        match self {
            Bound::Exact => "exact",
            Bound::AtMost => "atMost",
            Bound::AtLeast => "atLeast",
            Bound::About => "about",
        }
    }
}

pub(crate) fn settle(lines: &[PricedLine], parameters: &Parameters) -> Settlement {
    let sum =
        |part: fn(&PricedLine) -> Money| -> Decimal { lines.iter().fold(Decimal::ZERO, |sum, l| plus(sum, part(l).0)) };

    // 1. total = sum of all line amounts.
    let total = sum(|l| l.amount);
    // 2. fullSelfPay = class C lines and lines not in the catalogue.
    let full_self_pay = sum(|l| l.full_self_pay);
    // 3. overLimitSelfPay = the part of each line above its price ceiling.
    let over_limit_self_pay = sum(|l| l.over_limit_self_pay);
    // 4. preSelfPay = class B lines × their self-pay share, each rounded to the fen.
    let pre_self_pay = sum(|l| l.pre_self_pay);
    // 5. inScope (政策范围内).
    let in_scope = minus(minus(minus(total, full_self_pay), over_limit_self_pay), pre_self_pay);
    // 6. deductible: what is left of the standard this year, at most the in-scope cost.
    let deductible_left = minus(parameters.deductible_standard, parameters.deductible_paid).max(Decimal::ZERO);
    let deductible = in_scope.min(deductible_left);
    // 7. ratio = the insured place's ratio minus the filing category's reduction, never below 0.
    let ratio = minus(parameters.base_ratio, parameters.reduction).max(Decimal::ZERO);
    // 8. fundBeforeCap, rounded half-up to the fen.
    let fund_before_cap = round_fen(minus(in_scope, deductible) * ratio);
    // 9. capRemaining: the smallest room left under any limit that applies.
    let cap_remaining = parameters
        .limits
        .iter()
        .map(|(limit, used)| minus(*limit, *used).max(Decimal::ZERO))
        .min();
    // 10. fundPays and what the cap holds back.
    let fund_pays = cap_remaining.map_or(fund_before_cap, |cap| fund_before_cap.min(cap));
    let above_cap = minus(fund_before_cap, fund_pays);
    // 11. patientPays, and its coinsurance part (自付).
    let patient_pays = minus(total, fund_pays);
    let coinsurance = minus(minus(in_scope, deductible), fund_before_cap);

    Settlement {
        total: Money(total),
        full_self_pay: Money(full_self_pay),
        over_limit_self_pay: Money(over_limit_self_pay),
        pre_self_pay: Money(pre_self_pay),
        in_scope: Money(in_scope),
        deductible: Money(deductible),
        ratio: Ratio(ratio),
        fund_before_cap: Money(fund_before_cap),
        cap_remaining: cap_remaining.map(Money),
        fund_pays: Money(fund_pays),
        above_cap: Money(above_cap),
        coinsurance: Money(coinsurance),
        patient_pays: Money(patient_pays),
        bound: Bound::Exact,
    }
}
