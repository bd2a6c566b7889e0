//! Random packs of every rule shape (BRIEF §8) for the property tests: a plain description
//! (`Spec`) that the tests' own reference reads, written out as pack JSON (format 2) for the
//! engine. Every pack generated is valid: cuts for temporary visitors stay within the national
//! ceiling for every base the ratio table can give, `ifUnknown` names the least favourable arm.

use proptest::prelude::*;
use rust_decimal::Decimal;
use serde_json::{json, Value};

/// The diseases: three in one pool (a shared limit, growing or ranked), one alone.
pub const POOL: [&str; 3] = ["hypertension", "diabetes", "copd"];
pub const SOLO: &str = "transplant_antirejection";
pub const REGION: &str = "450100";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    Year,
    Month,
    Visit,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Amount {
    Fixed(Option<Decimal>),
    Growing {
        base: Decimal,
        step: Decimal,
        maximum: Decimal,
    },
    /// The shares, and each pool disease's standard.
    Ranked {
        shares: Vec<Decimal>,
        standards: [Decimal; 3],
    },
    /// (first month, amount) from month 1, the last open-ended.
    Scheduled(Vec<(u16, Option<Decimal>)>),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Cap {
    pub on_cost: bool,
    pub period: Period,
    pub amount: Amount,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Limit {
    pub caps: Vec<Cap>,
    pub with_inpatient: bool,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Cut {
    Points(Decimal),
    Factor(Decimal),
    Ratio(Decimal),
    SelfPayFirst(Decimal),
}

/// A ratio for one scheme: flat, or two age bands split at `from` (young, old), `ifUnknown`
/// naming the lower.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Banded {
    pub young: Decimal,
    pub old: Option<(u8, Decimal)>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Spec {
    pub employee: Banded,
    pub resident: Banded,
    /// Tiers "1" and "2" declared: tier 1 is the scheme split above, tier 2 this flat ratio, the
    /// lowest of all (so `ifUnknown: "2"`).
    pub tier2: Option<Decimal>,
    /// referral, emergency, other_temporary.
    pub cuts: [Cut; 3],
    pub unfiled: Cut,
    /// `None`: no deductible; else (period, amount, taken off the fund's payment).
    pub deductible: Option<(Period, Decimal, bool)>,
    pub pool: Limit,
    pub solo: Limit,
    pub overall: Option<Decimal>,
    pub overall_with_inpatient: bool,
}

impl Spec {
    /// Every base ratio the tables can give.
    pub fn bases(&self) -> Vec<Decimal> {
        let mut out = Vec::new();
        for b in [self.employee, self.resident] {
            out.push(b.young);
            out.extend(b.old.map(|(_, r)| r));
        }
        out.extend(self.tier2);
        out
    }
}

fn cents(max_yuan: i64) -> impl Strategy<Value = Decimal> {
    (0i64..=max_yuan * 100).prop_map(|c| Decimal::new(c, 2))
}

fn ratio4() -> impl Strategy<Value = Decimal> {
    (0i64..=10_000).prop_map(|r| Decimal::new(r, 4))
}

fn banded() -> impl Strategy<Value = Banded> {
    (ratio4(), prop::option::of((1u8..=100, ratio4()))).prop_map(|(young, old)| Banded { young, old })
}

/// A cut within `ceiling` (points) for every base up to `max_base`.
fn cut(ceiling: Decimal, max_base: Decimal) -> impl Strategy<Value = Cut> {
    let low = (max_base - ceiling).max(Decimal::ZERO);
    prop_oneof![
        (0i64..=(ceiling * Decimal::from(10_000)).try_into().unwrap_or(0))
            .prop_map(|p| Cut::Points(Decimal::new(p, 4))),
        (0i64..=(ceiling * Decimal::from(10_000)).try_into().unwrap_or(0))
            .prop_map(|d| Cut::Factor(Decimal::ONE - Decimal::new(d, 4))),
        (0i64..=10_000).prop_map(move |r| Cut::Ratio(low + (Decimal::ONE - low) * Decimal::new(r, 4)).round_dp(4)),
        (0i64..=(ceiling * Decimal::from(10_000)).try_into().unwrap_or(0))
            .prop_map(|s| Cut::SelfPayFirst(Decimal::new(s, 4))),
    ]
}

trait RoundCut {
    fn round_dp(self, dp: u32) -> Cut;
}

impl RoundCut for Cut {
    // A ratio of at most four decimals, never below the lowest allowed (rounding up).
    fn round_dp(self, dp: u32) -> Cut {
        match self {
            Cut::Ratio(r) => {
                Cut::Ratio(r.round_dp_with_strategy(dp, rust_decimal::RoundingStrategy::ToPositiveInfinity))
            }
            other => other,
        }
    }
}

fn amount(period: Period, pool: bool) -> BoxedStrategy<Amount> {
    let fixed = prop::option::weighted(0.85, cents(20_000)).prop_map(Amount::Fixed);
    match period {
        Period::Year if pool => prop_oneof![
            2 => fixed,
            1 => (cents(5_000), cents(1_000), cents(10_000))
                .prop_map(|(base, step, maximum)| Amount::Growing { base, step, maximum }),
            1 => (prop::collection::vec(ratio4(), 1..=3), [cents(8_000), cents(8_000), cents(8_000)])
                .prop_map(|(shares, standards)| Amount::Ranked { shares, standards }),
        ]
        .boxed(),
        Period::Month => prop_oneof![
            2 => fixed,
            1 => prop::collection::vec((1u16..=6, prop::option::weighted(0.9, cents(8_000))), 1..=4).prop_map(|steps| {
                let mut from = 1;
                let out = steps.into_iter().map(|(len, a)| { let s = (from, a); from += len; s }).collect();
                Amount::Scheduled(out)
            }),
        ]
        .boxed(),
        _ => fixed.boxed(),
    }
}

fn limit(pool: bool) -> impl Strategy<Value = Limit> {
    let pairs = [
        (false, Period::Year),
        (false, Period::Month),
        (false, Period::Visit),
        (true, Period::Year),
        (true, Period::Month),
        (true, Period::Visit),
    ];
    let caps: Vec<BoxedStrategy<Option<Cap>>> = pairs
        .into_iter()
        .map(|(on_cost, period)| {
            prop::option::weighted(0.35, amount(period, pool))
                .prop_map(move |a| {
                    a.map(|amount| Cap {
                        on_cost,
                        period,
                        amount,
                    })
                })
                .boxed()
        })
        .collect();
    (caps, any::<bool>()).prop_map(|(caps, shared)| {
        let caps: Vec<Cap> = caps.into_iter().flatten().collect();
        let annual_on_fund = caps.iter().any(|c| !c.on_cost && c.period == Period::Year);
        Limit {
            caps,
            with_inpatient: shared && annual_on_fund,
        }
    })
}

pub fn spec() -> impl Strategy<Value = Spec> {
    let period = prop_oneof![Just(Period::Year), Just(Period::Month), Just(Period::Visit)];
    (
        (banded(), banded(), prop::option::of(ratio4())),
        prop::option::weighted(0.8, (period, cents(1_000), any::<bool>())),
        (limit(true), limit(false)),
        (prop::option::of(cents(60_000)), any::<bool>()),
        any::<u64>(),
    )
        .prop_flat_map(
            |((employee, resident, tier2), deductible, (pool, solo), (overall, shared), _)| {
                let mut spec = Spec {
                    employee,
                    resident,
                    tier2: None,
                    cuts: [Cut::Points(Decimal::ZERO); 3],
                    unfiled: Cut::Points(Decimal::ZERO),
                    deductible,
                    pool,
                    solo,
                    overall,
                    overall_with_inpatient: shared,
                };
                // Tier 2 is the least favourable of all, so that `ifUnknown: "2"` is valid.
                let lowest = spec.bases().into_iter().min().unwrap_or(Decimal::ZERO);
                spec.tier2 = tier2.map(|t| t.min(lowest));
                let max_base = spec.bases().into_iter().max().unwrap_or(Decimal::ONE);
                let (ten, twenty) = (Decimal::new(10, 2), Decimal::new(20, 2));
                (
                    Just(spec),
                    cut(ten, max_base),
                    cut(ten, max_base),
                    cut(twenty, max_base),
                    cut(Decimal::ONE, Decimal::ONE),
                )
            },
        )
        .prop_map(|(mut spec, referral, emergency, other, unfiled)| {
            spec.cuts = [referral, emergency, other];
            spec.unfiled = unfiled;
            spec
        })
}

fn param(v: impl serde::Serialize) -> Value {
    json!({ "value": v, "provenance": "assumed" })
}

fn money(d: Option<Decimal>) -> Value {
    param(d.map(|d| d.to_string()))
}

fn banded_json(b: Banded) -> Value {
    match b.old {
        None => param(b.young.to_string()),
        Some((from, old)) => json!({
            "byAge": [
                { "fromAge": 0, "belowAge": from, "value": b.young.to_string(), "provenance": "assumed" },
                { "fromAge": from, "value": old.to_string(), "provenance": "assumed" }
            ],
            "ifUnknown": if old < b.young { from } else { 0 }
        }),
    }
}

fn cut_json(c: Cut) -> Value {
    match c {
        Cut::Points(p) => param(p.to_string()),
        Cut::Factor(f) => json!({ "factor": param(f.to_string()) }),
        Cut::Ratio(r) => json!({ "ratio": param(r.to_string()) }),
        Cut::SelfPayFirst(s) => json!({ "selfPayFirst": param(s.to_string()) }),
    }
}

fn amount_json(a: &Amount) -> Value {
    match a {
        Amount::Fixed(d) => money(*d),
        Amount::Growing { base, step, maximum } => json!({ "growing": {
            "base": money(Some(*base)), "step": money(Some(*step)), "maximum": money(Some(*maximum)) } }),
        Amount::Ranked { shares, standards } => json!({ "ranked": {
            "shares": shares.iter().map(Decimal::to_string).collect::<Vec<_>>(), "provenance": "assumed",
            "standards": POOL.iter().zip(standards).map(|(d, s)| (d.to_string(), money(Some(*s)))).collect::<serde_json::Map<_, _>>() } }),
        Amount::Scheduled(steps) => {
            let list: Vec<Value> = steps
                .iter()
                .enumerate()
                .map(|(i, (from, a))| {
                    let mut step = json!({ "fromMonth": from, "amount": money(*a) });
                    if let Some((next, _)) = steps.get(i + 1) {
                        step["throughMonth"] = json!(next - 1);
                    }
                    step
                })
                .collect();
            json!({ "schedule": list })
        }
    }
}

fn limit_json(l: &Limit) -> Value {
    let mut out = json!({});
    let key = |p| match p {
        Period::Year => "annual",
        Period::Month => "monthly",
        Period::Visit => "perVisit",
    };
    for c in &l.caps {
        if c.on_cost {
            out["inScopeCost"][key(c.period)] = amount_json(&c.amount);
        } else {
            out[key(c.period)] = amount_json(&c.amount);
        }
    }
    if l.caps.is_empty() {
        out["annual"] = money(None);
    }
    if l.with_inpatient {
        out["sharedWithInpatient"] = json!(true);
    }
    out
}

impl Spec {
    pub fn pack(&self) -> Value {
        let schemes = json!({ "employee": banded_json(self.employee), "resident": banded_json(self.resident) });
        let ratio = match self.tier2 {
            None => schemes,
            Some(t) => json!({ "byTier": { "1": schemes, "2": param(t.to_string()) }, "ifUnknown": "2" }),
        };
        let disease = |limit: &str| {
            json!({ "name": { "zh": "病", "en": "disease" }, "provenance": "assumed",
            "ratio": ratio, "deductible": "group", "limit": limit })
        };
        let mut diseases = serde_json::Map::new();
        for d in POOL {
            diseases.insert(d.into(), disease("pool"));
        }
        diseases.insert(SOLO.into(), disease("solo"));
        let deductible = match self.deductible {
            None => json!({ "kind": "none", "provenance": "assumed" }),
            Some((period, amount, off_fund)) => json!({
                "kind": match period { Period::Year => "annual", Period::Month => "monthly", Period::Visit => "perVisit" },
                "taken": if off_fund { "offFundPayment" } else { "beforeRatio" },
                "amount": param(amount.to_string()) }),
        };
        let overall = json!({ "amount": money(self.overall), "sharedWithInpatient": self.overall_with_inpatient });
        let mut version = json!({
            "from": "2025-01-01", "provenance": "assumed",
            "reductions": {
                "retired_relocated": param("0"), "long_term_resident": param("0"), "stationed_worker": param("0"),
                "referral": cut_json(self.cuts[0]), "emergency": cut_json(self.cuts[1]), "other_temporary": cut_json(self.cuts[2]) },
            "unfiledReduction": cut_json(self.unfiled),
            "overallCeiling": overall,
            "deductibles": { "group": deductible },
            "limits": { "pool": limit_json(&self.pool), "solo": limit_json(&self.solo) },
            "diseases": diseases,
        });
        if self.tier2.is_some() {
            version["tiers"] = json!({ "1": { "zh": "一档", "en": "1" }, "2": { "zh": "二档", "en": "2" } });
        }
        json!({ "format": "yibao-policy-pack/2", "id": "random", "version": "0",
            "regions": [ { "code": REGION, "name": { "zh": "随机", "en": "Random" }, "versions": [version] } ] })
    }
}
