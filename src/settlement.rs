//! The calculation for one visit, step by step as BRIEF §5 states it. Everything here is exact
//! decimal arithmetic; the only roundings are the two the brief names (steps 4 and 8), and step
//! 4's happens per line in `catalogue`.

use crate::catalogue::PricedLine;
use crate::money::{round_fen, Money, Ratio};
use rust_decimal::Decimal;
use serde::Serialize;

/// The insured place's terms for this visit (参保地政策), as plain numbers.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct Terms {
    /// The deductible standard (起付线); 0 when there is none.
    pub deductible_standard: Decimal,
    /// Already paid towards it this year in the same group; 0 for per-visit deductibles.
    pub deductible_paid: Decimal,
    /// The ratio for scheme, status, hospital level and disease.
    pub base_ratio: Decimal,
    /// The reduction for the filing category (or for not filing).
    pub reduction: Decimal,
    /// Every limit that applies, as (limit, already used).
    pub limits: Vec<(Decimal, Decimal)>,
}

impl Terms {
    /// Nothing reimbursable (mode "none"): no deductible, ratio 0, no cap.
    pub fn nothing() -> Terms {
        Terms::default()
    }
}

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
}

/// `a − b`, bit for bit, as `a + (−b)`: rust_decimal's `Sub` is its `Add` with the sign flipped
/// inside, and using `Add` alone keeps one copy of that code in the `.wasm` instead of two (1.5 KB
/// raw, 0.5 KB brotli). Zero is not negated: `0 − 0` stays `+0`, as `Sub` leaves it.
#[inline(never)]
pub(crate) fn minus(a: Decimal, b: Decimal) -> Decimal {
    plus(a, if b.is_zero() { b } else { -b })
}

/// `a + b` as one call: rust_decimal's addition is always inlined, 1.8 KB of `.wasm` at every `+`
/// and in every `Sum` (which is `+=` in a loop).
#[inline(never)]
pub(crate) fn plus(a: Decimal, b: Decimal) -> Decimal {
    a + b
}

pub(crate) fn settle(lines: &[PricedLine], terms: &Terms) -> Settlement {
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
    let deductible_left = minus(terms.deductible_standard, terms.deductible_paid).max(Decimal::ZERO);
    let deductible = in_scope.min(deductible_left);
    // 7. ratio = the insured place's ratio minus the filing category's reduction, never below 0.
    let ratio = minus(terms.base_ratio, terms.reduction).max(Decimal::ZERO);
    // 8. fundBeforeCap, rounded half-up to the fen.
    let fund_before_cap = round_fen(minus(in_scope, deductible) * ratio);
    // 9. capRemaining: the smallest room left under any limit that applies.
    let cap_remaining = terms
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
    }
}

#[cfg(test)]
mod tests {
    use super::minus;
    use rust_decimal::Decimal;

    /// `minus` must be `Sub` to the bit: value, scale and the sign of zero, on every path of
    /// rust_decimal's addition (small, 64-bit, 96-bit, unaligned scales, zeros, negatives).
    #[test]
    fn minus_is_sub_to_the_bit() {
        let texts = [
            "0",
            "-0",
            "0.00",
            "1",
            "-1",
            "0.01",
            "7500.00",
            "10000",
            "0.75",
            "0.1",
            "-0.15",
            "4294967295",
            "4294967296",
            "18446744073709551616",
            "123456789012345678901234.5678",
            "-99999999999999999999999.99",
            "0.0000000000000000000000000001",
            "3000",
            "2999.99",
        ];
        let values: Vec<Decimal> = texts.iter().filter_map(|t| t.parse().ok()).collect();
        assert_eq!(values.len(), texts.len());
        let negative_zero = -Decimal::ZERO;
        for &a in values.iter().chain([&negative_zero]) {
            for &b in values.iter().chain([&negative_zero]) {
                let Some(expected) = a.checked_sub(b) else { continue };
                let got = minus(a, b);
                assert_eq!(got.serialize(), expected.serialize(), "{a} − {b}");
            }
        }
    }
}
