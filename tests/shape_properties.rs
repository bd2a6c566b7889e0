//! BRIEF §5 and §8 over random packs of every rule shape (`common::shape_packs`): the engine
//! against a small computation of its own written here from the brief's words — one function per
//! shape, in the order of §8.1 — and the invariants: fundPays + patientPays = total, patientPays in
//! its eight parts, nothing negative, the fund within every limit, more cost never lowering what
//! the person pays; and `estimateYear` keeping every account per group and per period.
//!
//! Each random pack is read and validated (its engine made) once per case, so the cases are
//! fewer than `tests/properties.rs`'s: 1,000 per property, about a minute in all on two cores.

mod common;

use common::shape_packs::{spec, Amount, Cut, Limit, Period, Spec, POOL, REGION, SOLO};
use proptest::prelude::*;
use rust_decimal::{Decimal, RoundingStrategy};
use yibao_policy::{Bound, Date, Engine, Filing, FilingCategory, Insured, Item, Money, Ratio, Request};
use yibao_policy::{Class, Mode, Scheme, Settlement, Status, Visit, Ytd};

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: 1_000,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// Half-up to the fen (BRIEF §5: 四舍五入), as the brief says it, not as the engine writes it.
fn round(d: Decimal) -> Decimal {
    d.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
}

const ZERO: Decimal = Decimal::ZERO;

// ---------------------------------------------------------------- requests

fn day(year: u16, month: u8, day: u8) -> Date {
    Date { year, month, day }
}

fn cents(max: i64) -> impl Strategy<Value = Decimal> {
    prop_oneof![3 => (0i64..=max * 100).prop_map(|c| Decimal::new(c, 2)), 1 => Just(ZERO)]
}

fn line() -> impl Strategy<Value = Item> {
    (cents(3_000), 0u8..3, (0i64..=10_000)).prop_map(|(amount, class, share)| Item {
        code: None,
        name: None,
        amount: Money(amount),
        class: Some([Class::A, Class::B, Class::C][usize::from(class)]),
        self_pay_ratio: (class == 1).then(|| Ratio(Decimal::new(share, 4))),
        ceiling_amount: None,
    })
}

/// What the person says they have recognised: a list, a map that may leave some out, or nothing.
/// `recognizedDiseases` or `recognition`.
type Said = (Option<Vec<String>>, Option<Vec<(String, Option<bool>)>>);

fn recognition() -> impl Strategy<Value = Said> {
    let all: Vec<&'static str> = POOL.iter().copied().chain([SOLO]).collect();
    prop_oneof![
        Just((None, None)),
        prop::sample::subsequence(all.clone(), 0..=4)
            .prop_map(|l| (Some(l.into_iter().map(String::from).collect()), None)),
        prop::collection::vec((prop::sample::select(all), prop::option::of(any::<bool>())), 0..4).prop_map(|m| {
            let mut map: Vec<(String, Option<bool>)> = Vec::new();
            for (d, r) in m {
                if !map.iter().any(|(k, _)| k == d) {
                    map.push((d.to_string(), r));
                }
            }
            (None, Some(map))
        }),
    ]
}

fn insured() -> impl Strategy<Value = Insured> {
    let birth = prop_oneof![
        (1930u16..=2010, 1u8..=12, 1u8..=28).prop_map(|(y, m, d)| Some(day(y, m, d))),
        (0u16..20).prop_map(|k| Some(day(1932 + 4 * k, 2, 29))),
        Just(None),
    ];
    (
        (any::<bool>(), any::<bool>()),
        birth,
        prop::option::of(0u8..=110),
        prop::option::of(prop::sample::select(vec!["1", "2"])),
        recognition(),
        prop::option::of((2019u16..=2025, 1u8..=12, 1u8..=28)),
    )
        .prop_map(
            |((resident, retired), birth_date, age, tier, (list, map), since)| Insured {
                region: REGION.into(),
                scheme: if resident { Scheme::Resident } else { Scheme::Employee },
                status: if retired { Status::Retired } else { Status::Working },
                recognized_diseases: list,
                recognition: map,
                terms: None,
                terms_by_disease: Vec::new(),
                birth_date,
                age,
                tier: tier.map(String::from),
                // Set per visit, before its date (a later one is refused: tests/shapes.rs).
                recognized_since: since
                    .map(|(y, m, d)| vec![("since".to_string(), day(y, m, d))])
                    .unwrap_or_default(),
            },
        )
}

fn ytd() -> impl Strategy<Value = Ytd> {
    (
        (cents(300), cents(8_000), cents(3_000), cents(30_000)),
        (cents(8_000), cents(2_000), prop::option::of(cents(30_000))),
    )
        .prop_map(|((d, f, m, t), (c, cm, inpatient))| Ytd {
            deductible_paid: Money(d),
            fund_paid: Money(f),
            fund_paid_month: Money(m),
            fund_paid_total: Money(t.max(f)),
            cost_counted: Money(c.max(cm)),
            cost_counted_month: Money(cm),
            inpatient_fund_paid: inpatient.map(Money),
        })
}

fn request() -> impl Strategy<Value = Request> {
    let disease = prop::sample::select(POOL.iter().copied().chain([SOLO]).collect::<Vec<_>>());
    (
        insured(),
        (1u8..=12, 1u8..=28),
        disease,
        1u8..=3,
        0usize..6,
        prop::collection::vec(line(), 1..4),
        ytd(),
    )
        .prop_map(|(mut insured, (m, d), disease, level, filing, items, ytd)| {
            let date = day(2025, m, d);
            // The recognition date, if any, is the visit disease's, and not after the visit.
            insured.recognized_since = insured
                .recognized_since
                .into_iter()
                .map(|(_, since)| (disease.to_string(), since.min(date)))
                .collect();
            let category = [
                None,
                Some(FilingCategory::LongTermResident),
                Some(FilingCategory::RetiredRelocated),
                Some(FilingCategory::Referral),
                Some(FilingCategory::Emergency),
                Some(FilingCategory::OtherTemporary),
            ][filing];
            Request {
                insured,
                filing: category.map(|category| Filing {
                    category,
                    place: Some("430000".into()),
                    start: Some(day(2025, 1, 1)),
                    end: None,
                }),
                visit: Visit {
                    date,
                    place: "430100".into(),
                    hospital_level: level,
                    networked: Some(true),
                    disease: disease.into(),
                },
                items,
                ytd,
            }
        })
}

// ---------------------------------------------------------------- the brief's words

/// What a fact the request lacks lets the estimate be (CONTRACT.md `bound`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Lean {
    /// A cautious default: the fund pays at least this.
    Low,
    /// A generous one: at most.
    High,
}

/// The settlement the brief gives, and which way its defaults lean.
struct Expected {
    s: Settlement,
    leans: Vec<Lean>,
}

/// §8.4: completed years on the visit date, the birthday counting; born 29 February, a year
/// older on 1 March in common years.
fn age_on(insured: &Insured, date: Date) -> Option<u8> {
    let Some(born) = insured.birth_date else {
        return insured.age;
    };
    let leap = |y: u16| y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
    let birthday = if (born.month, born.day) == (2, 29) && !leap(date.year) {
        (3, 1)
    } else {
        (born.month, born.day)
    };
    let had = (date.month, date.day) >= birthday;
    Some((date.year - born.year - u16::from(!had)) as u8)
}

/// §8.4: the ratio for the person's scheme, tier and age band; the arm named for an unknown tier
/// or age (the least favourable) when it is not given.
fn base_ratio(spec: &Spec, req: &Request, leans: &mut Vec<Lean>) -> Decimal {
    let tier = req.insured.tier.as_deref();
    if let Some(tier2) = spec.tier2 {
        match tier {
            Some("1") => {}
            Some(_) => return tier2,
            None => {
                leans.push(Lean::Low);
                return tier2;
            }
        }
    }
    let banded = if req.insured.scheme == Scheme::Employee {
        spec.employee
    } else {
        spec.resident
    };
    let Some((from, old)) = banded.old else {
        return banded.young;
    };
    match age_on(&req.insured, req.visit.date) {
        Some(age) if age >= from => old,
        Some(_) => banded.young,
        None => {
            leans.push(Lean::Low);
            banded.young.min(old)
        }
    }
}

/// §8.6: the ratio after the category's cut, and the share paid first.
fn cut_ratio(base: Decimal, cut: Cut) -> (Decimal, Decimal) {
    match cut {
        Cut::Points(p) => ((base - p).max(ZERO), ZERO),
        Cut::Factor(f) => (base * f, ZERO),
        Cut::Ratio(r) => (r, ZERO),
        Cut::SelfPayFirst(s) => (base, s),
    }
}

/// §8.3: the pool's diseases the person has recognised (the visit's own always), and whether
/// that is known of each.
fn recognised(req: &Request) -> (Vec<&'static str>, bool) {
    let visit = req.visit.disease.as_str();
    let mut known = true;
    let mut out = Vec::new();
    for d in POOL {
        let said = match (&req.insured.recognized_diseases, &req.insured.recognition) {
            (Some(list), _) => Some(list.iter().any(|x| x == d)),
            (None, Some(map)) => map.iter().find(|(k, _)| k == d).and_then(|(_, r)| *r),
            (None, None) => None,
        };
        if d == visit || said == Some(true) {
            out.push(d);
        } else if said.is_none() {
            known = false;
        }
    }
    (out, known)
}

/// §8.3: how much a cap allows.
fn allows(amount: &Amount, req: &Request, leans: &mut Vec<Lean>) -> Option<Decimal> {
    match amount {
        Amount::Fixed(a) => *a,
        Amount::Growing { base, step, maximum } => {
            let (ids, known) = recognised(req);
            if !known {
                leans.push(Lean::Low);
            }
            Some((base + step * Decimal::from(ids.len() - 1)).min(*maximum))
        }
        Amount::Ranked { shares, standards } => {
            let (ids, known) = recognised(req);
            if !known {
                leans.push(Lean::Low);
            }
            let mut own: Vec<Decimal> = ids
                .iter()
                .map(|d| standards[POOL.iter().position(|p| p == d).unwrap_or(0)])
                .collect();
            own.sort_by(|a, b| b.cmp(a));
            Some(own.iter().zip(shares).map(|(s, share)| round(s * share)).sum())
        }
        Amount::Scheduled(steps) => match req
            .insured
            .recognized_since
            .iter()
            .find(|(d, _)| *d == req.visit.disease)
        {
            Some((_, since)) => {
                let v = req.visit.date;
                let n =
                    12 * (i32::from(v.year) - i32::from(since.year)) + i32::from(v.month) - i32::from(since.month) + 1;
                steps
                    .iter()
                    .rev()
                    .find(|(from, _)| i32::from(*from) <= n)
                    .and_then(|(_, a)| *a)
            }
            // The smallest amount (no quota being above every amount).
            None => {
                leans.push(Lean::Low);
                steps.iter().filter_map(|(_, a)| *a).min()
            }
        },
    }
}

/// The room under each cap of the visit's limit on `cost` (or the fund's payment), and what the
/// year's inpatient payments add to the annual one on the fund's payment.
fn rooms(limit: &Limit, on_cost: bool, req: &Request, leans: &mut Vec<Lean>) -> Vec<Decimal> {
    let y = &req.ytd;
    let mut out = Vec::new();
    for cap in limit.caps.iter().filter(|c| c.on_cost == on_cost) {
        let Some(amount) = allows(&cap.amount, req, leans) else {
            continue;
        };
        let mut used = match (on_cost, cap.period) {
            (false, Period::Year) => y.fund_paid.0,
            (false, Period::Month) => y.fund_paid_month.0,
            (true, Period::Year) => y.cost_counted.0,
            (true, Period::Month) => y.cost_counted_month.0,
            (_, Period::Visit) => ZERO,
        };
        if limit.with_inpatient && !on_cost && cap.period == Period::Year {
            used += inpatient(req, leans);
        }
        out.push((amount - used).max(ZERO));
    }
    out
}

/// §8.3: the year's inpatient fund payments; not given, 0 (the fund may pay less in truth).
fn inpatient(req: &Request, leans: &mut Vec<Lean>) -> Decimal {
    req.ytd.inpatient_fund_paid.map(|m| m.0).unwrap_or_else(|| {
        leans.push(Lean::High);
        ZERO
    })
}

fn expected(spec: &Spec, req: &Request) -> Expected {
    let mut leans = Vec::new();
    // §5 steps 1–5 (no ceilings, no catalogue codes: the lines' own classes and shares).
    let (mut total, mut full, mut pre) = (ZERO, ZERO, ZERO);
    for l in &req.items {
        total += l.amount.0;
        match l.class {
            Some(Class::C) => full += l.amount.0,
            Some(Class::B) => pre += round(l.amount.0 * l.self_pay_ratio.map_or(ZERO, |r| r.0)),
            _ => {}
        }
    }
    let in_scope = total - full - pre;
    let disease = req.visit.disease.as_str();
    let not_recognised = match (&req.insured.recognized_diseases, &req.insured.recognition) {
        (Some(list), _) => !list.iter().any(|d| d == disease),
        (None, Some(map)) => map.iter().any(|(d, r)| d == disease && *r == Some(false)),
        _ => false,
    };
    if not_recognised {
        // Mode none: the fund pays nothing; all in scope is admitted and the person's.
        let none = Steps {
            total,
            full,
            pre,
            in_scope,
            temporary: ZERO,
            cost_room: None,
            admitted: in_scope,
            deductible: ZERO,
            ratio: ZERO,
            fund_before_cap: ZERO,
            cap: None,
            fund: ZERO,
        };
        return settle(none, leans);
    }
    let base = base_ratio(spec, req, &mut leans);
    let cut = match req.filing.as_ref().map(|f| f.category) {
        None => spec.unfiled,
        Some(FilingCategory::Referral) => spec.cuts[0],
        Some(FilingCategory::Emergency) => spec.cuts[1],
        Some(FilingCategory::OtherTemporary) => spec.cuts[2],
        Some(_) => Cut::Points(ZERO),
    };
    let (ratio, share_first) = cut_ratio(base, cut);
    let limit = if disease == SOLO { &spec.solo } else { &spec.pool };
    // §8.1 a. The share paid first.
    let temporary = round(in_scope * share_first);
    // §8.1 b. Limits on in-scope cost.
    let cost_room = rooms(limit, true, req, &mut leans).into_iter().min();
    let left = in_scope - temporary;
    let admitted = cost_room.map_or(left, |r| left.min(r));
    // §8.1 c, d. The deductible before the ratio, or off the fund's payment.
    let (standard, taken, off_fund) = match spec.deductible {
        None => (ZERO, ZERO, false),
        Some((Period::Visit, amount, off)) => (amount, ZERO, off),
        Some((_, amount, off)) => (amount, req.ytd.deductible_paid.0, off),
    };
    let owed = (standard - taken).max(ZERO);
    let (deductible, fund_before_cap) = if off_fund {
        let gross = round(admitted * ratio);
        let d = gross.min(owed);
        (d, gross - d)
    } else {
        let d = admitted.min(owed);
        (d, round((admitted - d) * ratio))
    };
    // §8.1 e. Limits on the fund's payment, the overall ceiling with them.
    let mut fund_rooms = rooms(limit, false, req, &mut leans);
    if let Some(overall) = spec.overall {
        let mut used = req.ytd.fund_paid_total.0;
        if spec.overall_with_inpatient {
            used += inpatient(req, &mut leans);
        }
        fund_rooms.push((overall - used).max(ZERO));
    }
    let cap = fund_rooms.into_iter().min();
    let fund = cap.map_or(fund_before_cap, |c| fund_before_cap.min(c));
    let steps = Steps {
        total,
        full,
        pre,
        in_scope,
        temporary,
        cost_room,
        admitted,
        deductible,
        ratio,
        fund_before_cap,
        cap,
        fund,
    };
    settle(steps, leans)
}

/// What §5 steps 1–5 and §8.1 a–e give for a visit.
struct Steps {
    total: Decimal,
    full: Decimal,
    pre: Decimal,
    in_scope: Decimal,
    temporary: Decimal,
    cost_room: Option<Decimal>,
    admitted: Decimal,
    deductible: Decimal,
    ratio: Decimal,
    fund_before_cap: Decimal,
    cap: Option<Decimal>,
    fund: Decimal,
}

/// The settlement the steps give: what lies between them (above a limit, the coinsurance, what
/// the person pays) follows from them, and the bound from which way the assumptions lean.
fn settle(st: Steps, leans: Vec<Lean>) -> Expected {
    let money = |d: Decimal| Money(d);
    let s = Settlement {
        total: money(st.total),
        full_self_pay: money(st.full),
        over_limit_self_pay: money(ZERO),
        pre_self_pay: money(st.pre),
        in_scope: money(st.in_scope),
        temporary_self_pay: money(st.temporary),
        cost_room: st.cost_room.map(money),
        admitted: money(st.admitted),
        above_cost_limit: money(st.in_scope - st.temporary - st.admitted),
        deductible: money(st.deductible),
        ratio: Ratio(st.ratio),
        fund_before_cap: money(st.fund_before_cap),
        cap_remaining: st.cap.map(money),
        fund_pays: money(st.fund),
        above_cap: money(st.fund_before_cap - st.fund),
        coinsurance: money(st.admitted - st.deductible - st.fund_before_cap),
        patient_pays: money(st.total - st.fund),
        bound: match (leans.contains(&Lean::Low), leans.contains(&Lean::High)) {
            (false, false) => Bound::Exact,
            (true, false) => Bound::AtLeast,
            (false, true) => Bound::AtMost,
            (true, true) => Bound::About,
        },
    };
    Expected { s, leans }
}

/// Field by field, numbers as decimals (the engine writes amounts with two decimals).
fn differences(want: &Settlement, got: &Settlement) -> Vec<String> {
    let m = |x: &Money| x.0;
    let pairs = [
        ("total", m(&want.total), m(&got.total)),
        ("fullSelfPay", m(&want.full_self_pay), m(&got.full_self_pay)),
        ("preSelfPay", m(&want.pre_self_pay), m(&got.pre_self_pay)),
        ("inScope", m(&want.in_scope), m(&got.in_scope)),
        (
            "temporarySelfPay",
            m(&want.temporary_self_pay),
            m(&got.temporary_self_pay),
        ),
        ("admitted", m(&want.admitted), m(&got.admitted)),
        ("aboveCostLimit", m(&want.above_cost_limit), m(&got.above_cost_limit)),
        ("deductible", m(&want.deductible), m(&got.deductible)),
        ("ratio", want.ratio.0, got.ratio.0),
        ("fundBeforeCap", m(&want.fund_before_cap), m(&got.fund_before_cap)),
        ("fundPays", m(&want.fund_pays), m(&got.fund_pays)),
        ("aboveCap", m(&want.above_cap), m(&got.above_cap)),
        ("coinsurance", m(&want.coinsurance), m(&got.coinsurance)),
        ("patientPays", m(&want.patient_pays), m(&got.patient_pays)),
    ];
    let mut out: Vec<String> = pairs
        .iter()
        .filter(|(_, a, b)| a != b)
        .map(|(k, a, b)| format!("{k}: brief {a}, engine {b}"))
        .collect();
    if want.cost_room.map(|x| x.0) != got.cost_room.map(|x| x.0) {
        out.push(format!(
            "costRoom: brief {:?}, engine {:?}",
            want.cost_room, got.cost_room
        ));
    }
    if want.cap_remaining.map(|x| x.0) != got.cap_remaining.map(|x| x.0) {
        out.push(format!(
            "capRemaining: brief {:?}, engine {:?}",
            want.cap_remaining, got.cap_remaining
        ));
    }
    if want.bound != got.bound {
        out.push(format!("bound: brief {:?}, engine {:?}", want.bound, got.bound));
    }
    out
}

fn engine(spec: &Spec) -> Engine {
    Engine::from_pack_texts(&[&spec.pack().to_string()]).unwrap_or_else(|e| panic!("the random pack is refused: {e:?}"))
}

fn invariants(s: &Settlement) -> Result<(), TestCaseError> {
    let parts = s.full_self_pay.0
        + s.over_limit_self_pay.0
        + s.pre_self_pay.0
        + s.temporary_self_pay.0
        + s.above_cost_limit.0
        + s.deductible.0
        + s.coinsurance.0
        + s.above_cap.0;
    prop_assert_eq!(s.fund_pays.0 + s.patient_pays.0, s.total.0);
    prop_assert_eq!(parts, s.patient_pays.0, "the eight parts of patientPays");
    for a in [
        s.total,
        s.full_self_pay,
        s.pre_self_pay,
        s.in_scope,
        s.temporary_self_pay,
        s.admitted,
        s.above_cost_limit,
        s.deductible,
        s.fund_before_cap,
        s.fund_pays,
        s.above_cap,
        s.coinsurance,
        s.patient_pays,
    ] {
        prop_assert!(a.0 >= ZERO && a.0.normalize().scale() <= 2, "{:?}", s);
    }
    if let Some(cap) = s.cap_remaining {
        prop_assert!(s.fund_pays.0 <= cap.0);
    }
    if let Some(room) = s.cost_room {
        prop_assert!(s.admitted.0 <= room.0);
    }
    prop_assert!(
        s.fund_pays.0 <= s.admitted.0,
        "the fund pays at most the cost it admits"
    );
    Ok(())
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn every_shape_is_what_the_brief_says_and_the_invariants_hold(spec in spec(), req in request()) {
        let got = engine(&spec).estimate(&req).map_err(|e| TestCaseError::fail(format!("{e:?}")))?;
        let s = got.settlement.expect("a pack prices the disease");
        invariants(&s)?;
        let want = expected(&spec, &req);
        let diffs = differences(&want.s, &s);
        prop_assert!(diffs.is_empty(), "{:#?}\n{:?}\nleans {:?}", diffs, spec, want.leans);
        // ytdAfter: the visit's amounts added to its own accounts (nothing counted in mode none).
        let y = got.ytd_after.expect("with the settlement");
        let counted = if got.mode == Mode::None { ZERO } else { s.admitted.0 };
        prop_assert_eq!(y.cost_counted.0, req.ytd.cost_counted.0 + counted);
        prop_assert_eq!(y.cost_counted_month.0, req.ytd.cost_counted_month.0 + counted);
        prop_assert_eq!(y.deductible_paid.0, req.ytd.deductible_paid.0 + s.deductible.0);
        prop_assert_eq!(y.inpatient_fund_paid.map(|m| m.0), Some(req.ytd.inpatient_fund_paid.map_or(ZERO, |m| m.0)));
    }

    #[test]
    fn more_cost_never_lowers_what_the_person_pays(
        spec in spec(), req in request(), which in any::<prop::sample::Index>(), raise in 1i64..=300_000,
    ) {
        let engine = engine(&spec);
        let before = engine.estimate(&req).map_err(|e| TestCaseError::fail(format!("{e:?}")))?.settlement.expect("priced");
        let mut more = req.clone();
        let i = which.index(more.items.len());
        more.items[i].amount.0 += Decimal::new(raise, 2);
        let after = engine.estimate(&more).map_err(|e| TestCaseError::fail(format!("{e:?}")))?.settlement.expect("priced");
        prop_assert!(after.patient_pays.0 >= before.patient_pays.0, "{} -> {}", before.patient_pays.0, after.patient_pays.0);
        prop_assert!(after.fund_pays.0 + Decimal::new(raise, 2) >= before.fund_pays.0);
    }

    #[test]
    fn a_year_keeps_every_account_per_group_and_period(spec in spec(), visits in prop::collection::vec(request(), 1..7)) {
        let mut visits = visits;
        visits.sort_by_key(|v| v.visit.date);
        let first = visits[0].insured.clone();
        let mut inpatient: Option<Money> = None;
        for v in &mut visits {
            v.insured = Insured { recognized_since: v.insured.recognized_since.clone(), ..first.clone() };
            // The same person: one recognition date (of the visit's disease, when that is the
            // one recognised), never after any visit.
            v.insured.recognized_since = first.recognized_since.iter().map(|(d, since)| (d.clone(), (*since).min(visits_first_date()))).collect();
            if let Some(now) = v.ytd.inpatient_fund_paid {
                let now = inpatient.map_or(now, |b| now.max(b));
                v.ytd.inpatient_fund_paid = Some(now);
                inpatient = Some(now);
            }
        }
        let year = engine(&spec).estimate_year(&visits).map_err(|e| TestCaseError::fail(format!("{e:?}")))?;
        // The accounts, as BRIEF §8.2 says: per group and period, the first visit bringing its own.
        type Key = (&'static str, Option<u8>);
        let mut accounts: std::collections::HashMap<(&str, Key), Decimal> = std::collections::HashMap::new();
        let monthly_deductible = matches!(spec.deductible, Some((Period::Month, _, _)));
        for (i, v) in visits.iter().enumerate() {
            let limit = if v.visit.disease == SOLO { "solo" } else { "pool" };
            let month = Some(v.visit.date.month);
            let ded_key = ("group", if monthly_deductible { month } else { None });
            let get = |a: &std::collections::HashMap<(&str, Key), Decimal>, what, key| a.get(&(what, key)).copied().unwrap_or(ZERO);
            let ytd = if i == 0 { v.ytd } else {
                Ytd {
                    deductible_paid: Money(get(&accounts, "deductible", ded_key)),
                    fund_paid: Money(get(&accounts, "fund", (limit, None))),
                    fund_paid_month: Money(get(&accounts, "fund", (limit, month))),
                    fund_paid_total: Money(get(&accounts, "total", ("", None))),
                    cost_counted: Money(get(&accounts, "cost", (limit, None))),
                    cost_counted_month: Money(get(&accounts, "cost", (limit, month))),
                    inpatient_fund_paid: v.ytd.inpatient_fund_paid,
                }
            };
            let want = expected(&spec, &Request { ytd, ..v.clone() });
            let got = year[i].settlement.clone().expect("priced");
            let diffs = differences(&want.s, &got);
            prop_assert!(diffs.is_empty(), "visit {}: {:#?}", i, diffs);
            let counted = if year[i].mode == Mode::None { ZERO } else { got.admitted.0 };
            accounts.insert(("deductible", ded_key), ytd.deductible_paid.0 + got.deductible.0);
            accounts.insert(("fund", (limit, None)), ytd.fund_paid.0 + got.fund_pays.0);
            accounts.insert(("fund", (limit, month)), ytd.fund_paid_month.0 + got.fund_pays.0);
            accounts.insert(("total", ("", None)), ytd.fund_paid_total.0 + got.fund_pays.0);
            accounts.insert(("cost", (limit, None)), ytd.cost_counted.0 + counted);
            accounts.insert(("cost", (limit, month)), ytd.cost_counted_month.0 + counted);
        }
    }
}

/// Visits of the year test start in 2025; a recognition date no later than its first day.
fn visits_first_date() -> Date {
    day(2025, 1, 1)
}

/// Every shape is generated, and reaches the numbers: the properties above are not vacuously true.
#[test]
fn the_random_packs_reach_every_shape() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    let (specs, reqs) = (spec(), request());
    let mut seen = std::collections::BTreeSet::new();
    for _ in 0..600 {
        let spec = specs.new_tree(&mut runner).expect("a spec").current();
        let req = reqs.new_tree(&mut runner).expect("a request").current();
        let s = engine(&spec).estimate(&req).expect("valid").settlement.expect("priced");
        let mut note = |cond: bool, what: &'static str| {
            if cond {
                seen.insert(what);
            }
        };
        note(s.temporary_self_pay.0 > ZERO, "share paid first");
        note(s.above_cost_limit.0 > ZERO, "limit on in-scope cost binds");
        note(s.above_cap.0 > ZERO, "limit on the fund's payment binds");
        note(
            matches!(spec.deductible, Some((_, _, true))) && s.deductible.0 > ZERO,
            "deductible off the fund's payment",
        );
        note(
            matches!(spec.deductible, Some((Period::Month, _, false))) && s.deductible.0 > ZERO,
            "monthly deductible",
        );
        note(spec.cuts.iter().any(|c| matches!(c, Cut::Factor(_))), "factor");
        note(spec.cuts.iter().any(|c| matches!(c, Cut::Ratio(_))), "separate ratio");
        note(
            spec.employee.old.is_some() && s.bound == Bound::AtLeast,
            "age band, cautious",
        );
        note(spec.tier2.is_some(), "tiers");
        note(s.bound == Bound::AtMost, "inpatient taken as 0");
        note(s.bound == Bound::About, "both kinds of default");
        for l in [&spec.pool, &spec.solo] {
            for c in &l.caps {
                note(matches!(c.amount, Amount::Growing { .. }), "growing");
                note(matches!(c.amount, Amount::Ranked { .. }), "ranked");
                note(matches!(c.amount, Amount::Scheduled(_)), "scheduled");
                note(c.period == Period::Visit, "per visit");
            }
            note(l.with_inpatient, "shared with inpatient care");
        }
    }
    let all = [
        "share paid first",
        "limit on in-scope cost binds",
        "limit on the fund's payment binds",
        "deductible off the fund's payment",
        "monthly deductible",
        "factor",
        "separate ratio",
        "age band, cautious",
        "tiers",
        "inpatient taken as 0",
        "both kinds of default",
        "growing",
        "ranked",
        "scheduled",
        "per visit",
        "shared with inpatient care",
    ];
    let missing: Vec<&&str> = all.iter().filter(|w| !seen.contains(**w)).collect();
    assert!(missing.is_empty(), "never generated: {missing:?}");
}
