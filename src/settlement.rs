//! The calculation for one visit, step by step as docs/calculation.md §5 states it. Everything here is
//! exact decimal arithmetic; the only roundings are the ones the brief names (§5 steps 4 and 8,
//! §8.1 a and d), and step 4's happens per line in `catalogue`.

use crate::catalogue::PricedLine;
use crate::money::{minus, plus, round_fen, Money, Ratio};
use crate::policy::numbers::Default;
pub(crate) use crate::policy::numbers::{Parameters, Reduction};
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
    /// The share of the in-scope cost a temporary visitor pays first (docs/calculation.md §5 a); 0 otherwise.
    pub temporary_self_pay: Money,
    /// The least room left under the limits on in-scope cost; null when none applies.
    pub cost_room: Option<Money>,
    /// The in-scope cost the fund's rules are applied to: what is left after the share paid
    /// first, within `costRoom` (docs/calculation.md §5 b).
    pub admitted: Money,
    /// The in-scope cost beyond `costRoom`, paid by the person.
    pub above_cost_limit: Money,
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

/// docs/contract.md: `exact` when every fact the calculation used was given; `atMost`
/// when only unknowns that can only lower the fund's payment were filled in (a deductible or limit
/// taken as none, inpatient payments taken as 0); `atLeast` when only cautious defaults were used
/// (a temporary cut at its national ceiling, the least favourable age band, tier or schedule
/// amount, one recognised disease for a growing or ranked limit); `about` when both kinds, or a
/// guess (the cut for a visit without a valid filing). Parameters a pack marks `assumed` do not change it: their provenance shows them.
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
    let room = |limits: &[(Decimal, Decimal)]| {
        let mut least: Option<Decimal> = None;
        for (limit, used) in limits {
            let left = minus(*limit, *used).max(Decimal::ZERO);
            least = Some(least.map_or(left, |l| l.min(left)));
        }
        least
    };

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
    // 7 (§8.6). ratio: the insured place's, lowered for the filing category — by points (never
    // below 0), by a factor (exact, never rounded), or replaced by a ratio of its own; a share
    // paid first leaves it as it is.
    let base = parameters.base_ratio;
    let (ratio, share_first) = match parameters.reduction {
        Reduction::Points(points) => (minus(base, points).max(Decimal::ZERO), Decimal::ZERO),
        Reduction::Factor(factor) => (base * factor, Decimal::ZERO),
        Reduction::Ratio(own) => (own, Decimal::ZERO),
        Reduction::SelfPayFirst(share) => (base, share),
    };
    // §8.1 a. temporarySelfPay: the share a temporary visitor pays first, rounded to the fen.
    let temporary_self_pay = round_fen(in_scope * share_first);
    // §8.1 b. admitted: what is left, within the smallest room under the limits on in-scope cost.
    let left = minus(in_scope, temporary_self_pay);
    let cost_room = room(&parameters.cost_limits);
    let admitted = cost_room.map_or(left, |room| left.min(room));
    let above_cost_limit = minus(left, admitted);
    // 6 (§8.1 c, d). deductible: what is left of the standard in its period — taken off the
    // admitted cost before the ratio, or off the fund's payment after it.
    let deductible_left = minus(parameters.deductible_standard, parameters.deductible_paid).max(Decimal::ZERO);
    let (deductible, fund_before_cap) = if parameters.deductible_off_fund {
        // d. fundBeforeCap = round(admitted × ratio, 2) − deductible (南宁: 200 × 75% − 100 = 50).
        let gross = round_fen(admitted * ratio);
        let deductible = gross.min(deductible_left);
        (deductible, minus(gross, deductible))
    } else {
        // c, and 8. fundBeforeCap = round((admitted − deductible) × ratio, 2).
        let deductible = admitted.min(deductible_left);
        (deductible, round_fen(minus(admitted, deductible) * ratio))
    };
    // 9 (§8.1 e). capRemaining: the smallest room left under any limit on the fund's payment.
    let cap_remaining = room(&parameters.limits);
    // 10. fundPays and what the cap holds back.
    let fund_pays = cap_remaining.map_or(fund_before_cap, |cap| fund_before_cap.min(cap));
    let above_cap = minus(fund_before_cap, fund_pays);
    // 11. patientPays, and its coinsurance part (自付).
    let patient_pays = minus(total, fund_pays);
    let coinsurance = minus(minus(admitted, deductible), fund_before_cap);

    Settlement {
        total: Money(total),
        full_self_pay: Money(full_self_pay),
        over_limit_self_pay: Money(over_limit_self_pay),
        pre_self_pay: Money(pre_self_pay),
        in_scope: Money(in_scope),
        temporary_self_pay: Money(temporary_self_pay),
        cost_room: cost_room.map(Money),
        admitted: Money(admitted),
        above_cost_limit: Money(above_cost_limit),
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
