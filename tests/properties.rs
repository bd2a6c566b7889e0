//! BRIEF §5's invariants over the whole request space, at 10,000 cases each.

mod common;

use common::strategies::{item, request};
use proptest::prelude::*;
use rust_decimal::Decimal;
use std::sync::OnceLock;
use yibao_policy::wire::Wire;
use yibao_policy::Settlement;
use yibao_policy::{Engine, Request};

fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| Engine::with_defaults().expect("defaults load"))
}

/// `None` when the amounts cannot be known (a baseline region without terms): the properties
/// are about the amounts, so such requests have nothing to check here (tests/baseline.rs does).
fn settle(req: &Request) -> Option<Settlement> {
    engine().estimate(req).expect("generated requests are valid").settlement
}

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: 10_000,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn fund_and_patient_add_up_to_the_total(req in request()) {
        let Some(s) = settle(&req) else { return Ok(()) };
        prop_assert_eq!(s.fund_pays.0 + s.patient_pays.0, s.total.0);
    }

    #[test]
    fn patient_share_splits_exactly(req in request()) {
        let Some(s) = settle(&req) else { return Ok(()) };
        let parts = s.full_self_pay.0 + s.over_limit_self_pay.0 + s.pre_self_pay.0 + s.deductible.0
            + s.coinsurance.0 + s.above_cap.0;
        prop_assert_eq!(parts, s.patient_pays.0);
        prop_assert_eq!(s.coinsurance.0, s.in_scope.0 - s.deductible.0 - s.fund_before_cap.0);
    }

    #[test]
    fn fund_stays_within_the_cap(req in request()) {
        let Some(s) = settle(&req) else { return Ok(()) };
        prop_assert!(s.fund_pays.0 >= Decimal::ZERO);
        if let Some(cap) = s.cap_remaining {
            prop_assert!(s.fund_pays.0 <= cap.0, "fund {} > cap {}", s.fund_pays.0, cap.0);
        }
        prop_assert_eq!(s.above_cap.0, s.fund_before_cap.0 - s.fund_pays.0);
    }

    #[test]
    fn no_amount_is_negative_and_all_are_fen(req in request()) {
        let Some(s) = settle(&req) else { return Ok(()) };
        let amounts = [s.total, s.full_self_pay, s.over_limit_self_pay, s.pre_self_pay, s.in_scope, s.deductible,
            s.fund_before_cap, s.fund_pays, s.above_cap, s.coinsurance, s.patient_pays];
        for a in amounts.iter().chain(s.cap_remaining.iter()) {
            prop_assert!(a.0 >= Decimal::ZERO, "negative amount in {:?}", s);
            prop_assert!(a.0.normalize().scale() <= 2, "{} is not whole fen", a.0);
        }
        prop_assert!(s.ratio.0 >= Decimal::ZERO && s.ratio.0 <= Decimal::ONE);
    }

    #[test]
    fn raising_a_line_never_lowers_what_the_patient_pays(
        req in request(),
        which in any::<prop::sample::Index>(),
        raise in 1i64..=5_000_000,
    ) {
        let Some(before) = settle(&req) else { return Ok(()) };
        let mut higher = req.clone();
        let i = which.index(higher.items.len());
        let amount = &mut higher.items[i].amount.0;
        *amount = (*amount + Decimal::new(raise, 2)).min(yibao_policy::limits::MAX_AMOUNT);
        let after = settle(&higher).expect("the same terms are known");
        prop_assert!(after.patient_pays.0 >= before.patient_pays.0,
            "patient pays {} -> {} after raising line {}", before.patient_pays.0, after.patient_pays.0, i);
    }

    #[test]
    fn adding_a_class_c_line_adds_exactly_its_amount_to_the_patient(req in request(), extra in item()) {
        let Some(before) = settle(&req) else { return Ok(()) };
        let mut more = req.clone();
        let amount = extra.amount;
        more.items.push(yibao_policy::Item { class: Some(yibao_policy::Class::C), ..extra });
        let after = settle(&more).expect("the same terms are known");
        prop_assert_eq!(after.patient_pays.0 - before.patient_pays.0, amount.0);
        prop_assert_eq!(after.fund_pays, before.fund_pays);
    }
}

/// One person's visits: the same insured, dates in order, mostly within one year; the inpatient
/// figures given never shrink (a shrinking one is refused: tests/shapes.rs).
fn year_of_visits() -> impl Strategy<Value = Vec<Request>> {
    (common::strategies::insured(), prop::collection::vec(request(), 1..10)).prop_map(|(insured, mut visits)| {
        visits.sort_by_key(|v| v.visit.date);
        let mut inpatient = None;
        for v in &mut visits {
            v.insured = insured.clone();
            if let Some(now) = v.ytd.inpatient_fund_paid {
                let now = inpatient.map_or(now, |before: yibao_policy::Money| now.max(before));
                v.ytd.inpatient_fund_paid = Some(now);
                inpatient = Some(now);
            }
        }
        visits
    })
}

/// The deductible group and limit a visit counts against, read from the default packs' JSON:
/// the pack region of the insured code or of its prefecture, the version in force (or the
/// first), the disease's `deductible` and `limit`.
fn groups(req: &Request) -> (String, String) {
    static REGIONS: OnceLock<Vec<serde_json::Value>> = OnceLock::new();
    let regions = REGIONS.get_or_init(|| {
        yibao_policy::packs::DEFAULT_PACKS
            .iter()
            .filter_map(|(_, text)| serde_json::from_str::<serde_json::Value>(text).ok())
            .flat_map(|pack| pack["regions"].as_array().cloned().unwrap_or_default())
            .collect()
    });
    let own = format!("disease:{}", req.visit.disease);
    let code = &req.insured.region;
    let prefecture = format!("{}00", &code[..4]);
    // An entry serves its `code`, or each of its `codes`.
    let serves = |r: &serde_json::Value, c: &str| {
        r["code"] == c || r["codes"].as_array().is_some_and(|list| list.iter().any(|x| x == c))
    };
    // Under the baseline each disease is its own group and limit.
    let Some(region) = regions.iter().find(|r| serves(r, code) || serves(r, &prefecture)) else {
        return (own.clone(), own);
    };
    let versions = region["versions"].as_array().expect("versions");
    let date = req.visit.date.to_string();
    let version = versions
        .iter()
        .rev()
        .find(|v| v["from"].as_str().is_some_and(|from| from <= date.as_str()))
        .unwrap_or(&versions[0]);
    let disease = &version["diseases"][&req.visit.disease];
    match (disease["deductible"].as_str(), disease["limit"].as_str()) {
        (Some(d), Some(l)) => (d.to_string(), l.to_string()),
        _ => (own.clone(), own),
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn estimate_year_is_estimate_chained_by_hand(visits in year_of_visits()) {
        use std::collections::HashMap;
        use yibao_policy::Money;
        use yibao_policy::Ytd;
        let year = engine().estimate_year(&visits).expect("valid visits");
        prop_assert_eq!(year.len(), visits.len());
        let (mut ded, mut lim, mut month) = (HashMap::new(), HashMap::new(), HashMap::new());
        let (mut cost, mut cost_month) = (HashMap::new(), HashMap::new());
        let mut total = Money::ZERO;
        let mut current_year = None;
        for (i, req) in visits.iter().enumerate() {
            let (dg, lg) = groups(req);
            let mk = (lg.clone(), req.visit.date.year, req.visit.date.month);
            let ytd = if i == 0 {
                req.ytd
            } else {
                if current_year != Some(req.visit.date.year) {
                    ded.clear(); lim.clear(); month.clear(); total = Money::ZERO;
                    cost.clear(); cost_month.clear();
                }
                Ytd {
                    deductible_paid: ded.get(&dg).copied().unwrap_or_default(),
                    fund_paid: lim.get(&lg).copied().unwrap_or_default(),
                    fund_paid_month: month.get(&mk).copied().unwrap_or_default(),
                    fund_paid_total: total,
                    cost_counted: cost.get(&lg).copied().unwrap_or_default(),
                    cost_counted_month: cost_month.get(&mk).copied().unwrap_or_default(),
                    // Each visit's own inpatient figure is read.
                    inpatient_fund_paid: req.ytd.inpatient_fund_paid,
                }
            };
            current_year = Some(req.visit.date.year);
            let by_hand = engine().estimate(&Request { ytd, ..req.clone() }).expect("valid visit");
            // Without terms nothing is known to have been paid by this visit: the accumulators
            // stay as they were — for the first visit, the year-to-date figures it brought.
            if let Some(after) = by_hand.ytd_after.or(if i == 0 { Some(req.ytd) } else { None }) {
                ded.insert(dg, after.deductible_paid);
                lim.insert(lg.clone(), after.fund_paid);
                month.insert(mk.clone(), after.fund_paid_month);
                cost.insert(lg, after.cost_counted);
                cost_month.insert(mk, after.cost_counted_month);
                total = after.fund_paid_total;
            }
            prop_assert_eq!(&year[i], &by_hand, "visit {}", i);
        }
    }
}

/// The generators reach every mode and every binding limit, so the properties above are not
/// vacuously true of one corner of the space.
#[test]
fn generated_requests_cover_the_interesting_cases() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    use yibao_policy::Mode;
    let mut runner = TestRunner::deterministic();
    let strategy = request();
    let (mut modes, mut capped, mut deducted, mut class_b) = (Vec::new(), 0, 0, 0);
    let (mut baseline_amounts, mut baseline_unknown) = (0, 0);
    for _ in 0..3000 {
        let req = strategy.new_tree(&mut runner).expect("a request").current();
        let e = engine().estimate(&req).expect("valid");
        modes.push(e.mode);
        if e.policy.baseline && e.mode != Mode::None {
            baseline_amounts += usize::from(e.settlement.is_some());
            baseline_unknown += usize::from(e.settlement.is_none());
        }
        let Some(s) = e.settlement else { continue };
        capped += usize::from(s.above_cap.0 > Decimal::ZERO);
        deducted += usize::from(s.deductible.0 > Decimal::ZERO);
        class_b += usize::from(s.pre_self_pay.0 > Decimal::ZERO);
    }
    for mode in [Mode::Direct, Mode::Manual, Mode::None] {
        let n = modes.iter().filter(|m| **m == mode).count();
        assert!(n > 100, "{mode:?} generated only {n} times");
    }
    assert!(
        capped > 50 && deducted > 50 && class_b > 300,
        "capped {capped}, deducted {deducted}, class B {class_b}"
    );
    // The invariants run under the national baseline with the person's terms too.
    assert!(
        baseline_amounts > 300 && baseline_unknown > 50,
        "baseline with amounts {baseline_amounts}, without terms {baseline_unknown}"
    );
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn estimate_is_deterministic_and_survives_json(req in request()) {
        let a = engine().estimate(&req).expect("valid");
        let b = engine().estimate(&req).expect("valid");
        prop_assert_eq!(&a, &b);
        // The result is JSON, and the request written as JSON reads back to the same result.
        let text = serde_json::to_string(&a).expect("serializes");
        let ours = yibao_policy::json::parse(&text).expect("our reader reads it");
        prop_assert!(ours.get("settlement").is_some());
        let again = engine().estimate_text(&serde_json::to_string(&req).expect("serializes")).expect("round trip");
        prop_assert_eq!(&again, &a);
    }

    #[test]
    fn settle_is_the_estimate_without_the_words(req in request()) {
        let e = engine().estimate(&req).expect("valid");
        let d = engine().settle(&req).expect("valid");
        prop_assert_eq!(d.mode, e.mode);
        prop_assert_eq!(d.direct_settlement, e.eligibility.direct_settlement);
        prop_assert_eq!(&d.settlement, &e.settlement);
        prop_assert_eq!(d.ytd_after, e.ytd_after);
        let statuses: Vec<_> = e.eligibility.checks.iter().map(|c| (c.code, c.status)).collect();
        prop_assert_eq!(d.checks.0.to_vec(), statuses);
    }

    #[test]
    fn a_temporary_filing_never_pays_more_than_a_long_term_one(req in request(), temporary in 0usize..3) {
        use yibao_policy::{CheckCode, CheckStatus};
        use yibao_policy::FilingCategory as C;
        let Some(filing) = req.filing.as_ref().filter(|f| f.category.is_long_term()) else { return Ok(()) };
        // Only a filing valid for the visit: an invalid one loses to an emergency, which is
        // valid anywhere, and that is the rule, not a defect.
        let decision = engine().settle(&req).expect("valid");
        let valid = decision.checks.0.iter()
            .filter(|(c, _)| matches!(c, CheckCode::FilingPlace | CheckCode::FilingDates))
            .all(|(_, s)| *s == CheckStatus::Pass);
        if !valid { return Ok(()) }
        let Some(long) = decision.settlement else { return Ok(()) };
        let mut other = req.clone();
        other.filing = Some(yibao_policy::Filing {
            category: [C::Referral, C::Emergency, C::OtherTemporary][temporary],
            ..filing.clone()
        });
        let short = settle(&other).expect("the same terms are known");
        prop_assert!(short.fund_pays.0 <= long.fund_pays.0, "{} > {}", short.fund_pays.0, long.fund_pays.0);
    }

    #[test]
    fn year_accumulators_never_decrease_within_a_year(visits in year_of_visits()) {
        use std::collections::HashMap;
        let results = engine().estimate_year(&visits).expect("valid");
        let (mut ded, mut lim) = (HashMap::new(), HashMap::new());
        let mut total = None;
        for (req, r) in visits.iter().zip(&results) {
            let Some(y) = r.ytd_after else { continue };
            let year = req.visit.date.year;
            let (dg, lg) = groups(req);
            if let Some(prev) = ded.insert((year, dg), y.deductible_paid.0) {
                prop_assert!(y.deductible_paid.0 >= prev, "deductible {} after {}", y.deductible_paid.0, prev);
            }
            if let Some(prev) = lim.insert((year, lg), y.fund_paid.0) {
                prop_assert!(y.fund_paid.0 >= prev, "fund {} after {}", y.fund_paid.0, prev);
            }
            if let Some((y0, prev)) = total.replace((year, y.fund_paid_total.0)) {
                prop_assert!(y0 != year || y.fund_paid_total.0 >= prev, "total {} after {}", y.fund_paid_total.0, prev);
            }
        }
    }
}
