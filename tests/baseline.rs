//! The national baseline and the person's own terms (CONTRACT.md "Regions without a pack"):
//! which codes it answers for, its checks, the terms with their provenance, ceilings and
//! warnings, what every call returns without terms, and bad terms refused at their path.

mod common;

use common::strategies::{request, terms};
use proptest::prelude::*;
use rust_decimal::Decimal;
use serde_json::{json, Value};
use std::sync::OnceLock;
use yibao_policy::wire::Wire;
use yibao_policy::Provenance;
use yibao_policy::{CheckCode, CheckStatus, Mode};
use yibao_policy::{Engine, ErrorCode, Estimate, Request};

fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| Engine::with_defaults().expect("defaults load"))
}

/// A Beijing employee with hypertension, filed to Shanghai (long-term), with these terms.
fn beijing(terms: Value) -> Value {
    json!({
        "insured": { "region": "110000", "scheme": "employee", "terms": terms },
        "filing": { "category": "stationed_worker", "place": "310000", "start": "2025-01-01" },
        "visit": { "date": "2025-06-10", "place": "310000", "hospitalLevel": 2, "disease": "hypertension" },
        "items": [{ "amount": "1000.00", "class": "A" }]
    })
}

fn estimate(req: &Value) -> Estimate {
    engine().estimate_text(&req.to_string()).expect("a valid request")
}

fn status(e: &Estimate, code: CheckCode) -> CheckStatus {
    e.eligibility
        .checks
        .iter()
        .find(|c| c.code == code)
        .expect("all eight")
        .status
}

/// The warnings about the terms (lines without a catalogue code warn too, which is beside the point).
fn warnings(e: &Estimate) -> Vec<(&str, &str)> {
    e.eligibility
        .warnings
        .iter()
        .filter(|w| w.code.starts_with("TERMS_"))
        .map(|w| (w.code, w.path.as_str()))
        .collect()
}

fn fund(e: &Estimate) -> String {
    e.settlement.as_ref().expect("amounts").fund_pays.text()
}

#[test]
fn mainland_and_corps_codes_are_baseline_regions_and_others_unknown() {
    for code in [
        "110000", "150100", "230100", "320500", "429004", "460400", "540000", "659001", "660000", "653100",
    ] {
        let mut req = beijing(json!({ "ratio": "0.7" }));
        req["insured"]["region"] = json!(code);
        req["visit"]["place"] = json!(if code.starts_with("31") { "110000" } else { "310000" });
        let e = estimate(&req);
        assert!(e.policy.baseline, "{code}");
        assert_eq!(e.policy.version, "national-baseline");
        assert_eq!(e.policy.region, code);
    }
    for code in ["710000", "810000", "820000", "990000", "000000", "670000", "100000"] {
        let mut req = beijing(json!(null));
        req["insured"]["region"] = json!(code);
        let err = engine()
            .estimate_text(&req.to_string())
            .expect_err("not a mainland region");
        assert_eq!(
            (err.code, err.path.as_str()),
            (ErrorCode::UnknownRegion, "insured.region"),
            "{code}"
        );
        assert!(!err.message.zh.is_empty() && !err.message.en.is_empty());
    }
    // A pack region says so.
    let mut hotan = beijing(json!(null));
    hotan["insured"]["region"] = json!("653200");
    hotan["visit"]["disease"] = json!("cancer_outpatient");
    let e = estimate(&hotan);
    assert!(!e.policy.baseline);
    assert_eq!(e.policy.version, "2025-01-01");
}

#[test]
fn the_baseline_names_divisions_from_the_generated_data() {
    let name = |code: &str| {
        let mut req = beijing(json!(null));
        req["insured"]["region"] = json!(code);
        estimate(&req).policy.name
    };
    let suzhou = name("320500");
    assert_eq!((suzhou.zh.as_ref(), suzhou.en.as_ref()), ("苏州市", "Suzhou"));
    assert_eq!(name("429004").zh, "仙桃市");
    assert_eq!(name("660000").zh, "新疆生产建设兵团");
    assert_eq!(name("110000").en, "Beijing");
    // A code the engine has no name for is named by its code.
    assert_eq!(name("110105").zh, "110105");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, failure_persistence: None, ..ProptestConfig::default() })]

    /// Any county-level code under Hotan (6532xx) is answered by the Hotan pack, exactly as 653200;
    /// under a baseline prefecture, exactly as the prefecture apart from the code and name.
    #[test]
    fn a_county_code_resolves_like_its_prefecture(county in 1u8..=99, mut req in request()) {
        let with = |code: &str, req: &Request| {
            let mut r = req.clone();
            r.insured.region = code.to_string();
            engine().estimate(&r).expect("valid")
        };
        let prefecture = with("653200", &req);
        let e = with(&format!("6532{county:02}"), &req);
        prop_assert_eq!(&e, &prefecture);
        prop_assert_eq!(e.policy.region.as_str(), "653200");
        req.insured.terms = None;
        let prefecture = with("320500", &req);
        let mut e = with(&format!("3205{county:02}"), &req);
        prop_assert_eq!(&e.mode, &prefecture.mode);
        prop_assert_eq!(&e.settlement, &prefecture.settlement);
        e.policy = prefecture.policy.clone();
        prop_assert_eq!(e.eligibility.direct_settlement, prefecture.eligibility.direct_settlement);
    }
}

#[test]
fn a_district_of_a_municipality_resolves_to_the_municipality_pack() {
    // Make Beijing a pack region: its districts (1101xx) are answered by that pack.
    let hotan = yibao_policy::packs::default_pack("653200-hotan.json").expect("Hotan's pack");
    let beijing_pack = hotan
        .replace("\"653200\"", "\"110000\"")
        .replace("cn-653200-hotan", "cn-110000-test");
    let engine = Engine::from_pack_texts(&[&beijing_pack]).expect("valid");
    let mut req = beijing(json!(null));
    req["insured"]["region"] = json!("110105");
    req["visit"]["disease"] = json!("cancer_outpatient");
    let e = engine.estimate_text(&req.to_string()).expect("ok");
    assert_eq!(e.policy.region, "110000");
    assert!(!e.policy.baseline);
}

#[test]
fn policy_in_force_follows_the_national_dates() {
    for (date, want, mode) in [
        ("2021-08-31", CheckStatus::Fail, Mode::None),
        ("2021-09-01", CheckStatus::Warn, Mode::Direct),
        ("2022-12-31", CheckStatus::Warn, Mode::Direct),
        ("2023-01-01", CheckStatus::Pass, Mode::Direct),
    ] {
        let mut req = beijing(json!({ "ratio": "0.7" }));
        req["filing"]["start"] = json!("2021-01-01");
        req["visit"]["date"] = json!(date);
        let e = estimate(&req);
        assert_eq!(status(&e, CheckCode::PolicyInForce), want, "{date}");
        assert_eq!(e.mode, mode, "{date}");
        assert_eq!(e.policy.in_force, want != CheckStatus::Fail, "{date}");
        let check = e
            .eligibility
            .checks
            .iter()
            .find(|c| c.code == CheckCode::PolicyInForce)
            .expect("check");
        assert_eq!(check.action.is_some(), want != CheckStatus::Pass, "{date}");
    }
}

#[test]
fn the_five_national_diseases_are_known_to_every_engine() {
    // An engine with only Hotan's pack, which lists neither hypertension nor diabetes.
    let hotan = yibao_policy::packs::default_pack("653200-hotan.json").expect("Hotan's pack");
    let hotan_only = Engine::from_pack_texts(&[hotan]).expect("valid");
    for id in [
        "hypertension",
        "diabetes",
        "cancer_outpatient",
        "dialysis",
        "transplant_antirejection",
    ] {
        let mut req = beijing(json!({ "ratio": "0.7" }));
        req["visit"]["disease"] = json!(id);
        let e = hotan_only.estimate_text(&req.to_string()).expect("known everywhere");
        assert_eq!(status(&e, CheckCode::DiseaseCovered), CheckStatus::Pass, "{id}");
    }
    // A disease a pack knows warns under the baseline; an id nobody knows is an error.
    let mut req = beijing(json!({ "ratio": "0.7" }));
    req["visit"]["disease"] = json!("hemophilia");
    let e = hotan_only.estimate_text(&req.to_string()).expect("known from Hotan");
    assert_eq!(status(&e, CheckCode::DiseaseCovered), CheckStatus::Warn);
    assert_eq!(e.mode, Mode::Direct);
    req["visit"]["disease"] = json!("gout");
    let err = hotan_only.estimate_text(&req.to_string()).expect_err("nobody knows it");
    assert_eq!(
        (err.code, err.path.as_str()),
        (ErrorCode::UnknownDisease, "visit.disease")
    );
    // A pack region that does not list a national disease covers it, warned (BRIEF §8.7: the
    // national floor), unless its pack states that it excludes it.
    let mut hotan_req = beijing(json!(null));
    hotan_req["insured"]["region"] = json!("653200");
    let e = hotan_only.estimate_text(&hotan_req.to_string()).expect("known disease");
    assert_eq!(status(&e, CheckCode::DiseaseCovered), CheckStatus::Warn);
}

#[test]
fn entered_terms_are_the_persons_own_in_the_trace() {
    let e = estimate(&beijing(
        json!({ "ratio": "0.70", "deductible": "300", "annualLimit": "5000" }),
    ));
    let step = |name: &str| {
        e.trace
            .iter()
            .find(|s| s.step == name)
            .unwrap_or_else(|| panic!("{name}"))
    };
    assert_eq!(step("baseRatio").provenance, Some(Provenance::User));
    assert_eq!(step("baseRatio").rule, "110000/national-baseline/terms/ratio");
    assert_eq!(step("deductible").provenance, Some(Provenance::User));
    assert_eq!(step("annualLimit").provenance, Some(Provenance::User));
    assert_eq!(step("reduction").provenance, Some(Provenance::National));
    assert_eq!(step("ratio").provenance, Some(Provenance::User));
    assert!(!e
        .trace
        .iter()
        .any(|s| s.step == "overallCeiling" || s.step == "monthlyLimit"));
    assert!(!e.uses_assumptions);
    assert_eq!(fund(&e), "490.00"); // (1000 − 300) × 0.70
    assert!(warnings(&e).is_empty(), "{:?}", warnings(&e));

    // Nothing but the ratio: deductible 0 and no limit, each assumed and warned.
    let e = estimate(&beijing(json!({ "ratio": "0.70" })));
    assert_eq!(
        warnings(&e),
        [
            ("TERMS_ASSUMED", "insured.terms.deductible"),
            ("TERMS_ASSUMED", "insured.terms.annualLimit")
        ]
    );
    assert!(e.uses_assumptions);
    assert_eq!(fund(&e), "700.00");
    assert_eq!(e.settlement.as_ref().and_then(|s| s.cap_remaining), None);
    // null annualLimit states "no limit": not assumed.
    let e = estimate(&beijing(
        json!({ "ratio": "0.70", "deductible": "0", "annualLimit": null }),
    ));
    assert!(warnings(&e).is_empty(), "{:?}", warnings(&e));
    assert!(!e.uses_assumptions);
}

#[test]
fn the_annual_limit_caps_with_the_year_to_date() {
    let mut req = beijing(json!({ "ratio": "0.90", "deductible": "0", "annualLimit": "1000" }));
    req["ytd"] = json!({ "fundPaid": "600" });
    let e = estimate(&req);
    let s = e.settlement.as_ref().expect("amounts");
    assert_eq!(s.cap_remaining.map(|c| c.text()).as_deref(), Some("400.00"));
    assert_eq!(s.fund_pays.text(), "400.00");
    assert_eq!(s.above_cap.text(), "500.00");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2_000, failure_persistence: None, ..ProptestConfig::default() })]

    /// The reduction applied never exceeds the category's national ceiling; long-term filers keep
    /// the whole ratio; without a valid filing the person's unfiled reduction or 0.20 applies.
    #[test]
    fn reductions_follow_the_national_rules(mut req in request(), t in terms(), region in prop::sample::select(vec!["110000", "320500", "660000"])) {
        req.insured.region = region.to_string();
        req.insured.terms = Some(t.clone());
        // `terms` serves every disease here (`termsByDisease` would take the visit's own).
        req.insured.terms_by_disease.clear();
        let e = engine().estimate(&req).expect("valid");
        let Some(s) = &e.settlement else { prop_assert!(false, "terms were given"); return Ok(()) };
        if e.mode == Mode::None {
            prop_assert_eq!(s.fund_pays.0, Decimal::ZERO);
            return Ok(());
        }
        let valid = [CheckCode::FilingPlace, CheckCode::FilingDates].iter().all(|c| status(&e, *c) == CheckStatus::Pass);
        let reduction = match req.filing.as_ref().filter(|_| valid) {
            Some(f) if f.category.is_long_term() => Decimal::ZERO,
            Some(f) => {
                let ceiling = f.category.max_reduction().expect("a temporary category");
                t.reduction.map_or(ceiling, |r| r.0.min(ceiling))
            }
            None => t.unfiled_reduction.map_or(Decimal::new(20, 2), |r| r.0),
        };
        if let Some(f) = req.filing.as_ref().filter(|_| valid) {
            prop_assert!(reduction <= f.category.max_reduction().unwrap_or(Decimal::ZERO));
        }
        prop_assert_eq!(s.ratio.0, (t.ratio.map_or(Decimal::ZERO, |r| r.0) - reduction).max(Decimal::ZERO));
        let assumed_reduction = e.eligibility.warnings.iter().any(|w| w.code == "TERMS_REDUCTION_ASSUMED");
        let entered = match req.filing.as_ref().filter(|_| valid) {
            Some(f) if f.category.is_long_term() => true,
            Some(_) => t.reduction.is_some(),
            None => t.unfiled_reduction.is_some(),
        };
        prop_assert_eq!(assumed_reduction, !entered);
        prop_assert!(!e.eligibility.warnings.iter().any(|w| w.code == "TERMS_NEEDED"));
    }

    /// `settlement.bound` (CONTRACT.md): what stood in for a term not entered, and which way it
    /// can move the fund — a deductible or limit taken as none (TERMS_ASSUMED: at most), a
    /// temporary cut at its national ceiling (at least), an assumed cut without a valid filing
    /// (about); both of the first two: about; none: exact.
    #[test]
    fn bound_follows_what_was_assumed(req in request()) {
        use yibao_policy::Bound;
        let e = engine().estimate(&req).expect("valid");
        let Some(s) = &e.settlement else { return Ok(()) };
        let warned = |code: &str, ending: &str| e.eligibility.warnings.iter().any(|w| w.code == code && w.path.ends_with(ending));
        let generous = warned("TERMS_ASSUMED", "");
        let cautious = warned("TERMS_REDUCTION_ASSUMED", ".reduction");
        let guess = warned("TERMS_REDUCTION_ASSUMED", ".unfiledReduction");
        let want = match (generous, cautious, guess) {
            (_, _, true) | (true, true, _) => Bound::About,
            (true, false, false) => Bound::AtMost,
            (false, true, false) => Bound::AtLeast,
            (false, false, false) => Bound::Exact,
        };
        prop_assert_eq!(s.bound, if e.mode == Mode::None { Bound::Exact } else { want });
    }

    /// Without terms: settlement and ytdAfter are null exactly when a reimbursable visit needs
    /// them (TERMS_NEEDED); in mode "none" the usual none settlement is given. Terms for a pack
    /// region are ignored with TERMS_IGNORED.
    #[test]
    fn terms_needed_exactly_when_the_amounts_cannot_be_known(mut req in request()) {
        req.insured.terms = None;
        req.insured.terms_by_disease.clear();
        let e = engine().estimate(&req).expect("valid");
        let needed = e.eligibility.warnings.iter().any(|w| w.code == "TERMS_NEEDED");
        // A pack prices what it lists (DISEASE_COVERED passes); the person's terms price the rest:
        // any disease under the baseline, a national disease a pack leaves out (warned).
        let priced_by_pack = !e.policy.baseline && status(&e, CheckCode::DiseaseCovered) == CheckStatus::Pass;
        prop_assert_eq!(needed, !priced_by_pack && e.mode != Mode::None);
        prop_assert_eq!(e.settlement.is_none(), needed);
        prop_assert_eq!(e.ytd_after.is_none(), needed);
        let d = engine().settle(&req).expect("valid");
        prop_assert_eq!(d.settlement.is_none(), needed);
        let elig = engine().check_eligibility(&req).expect("valid");
        prop_assert_eq!(elig.warnings.iter().any(|w| w.code == "TERMS_NEEDED"), needed);
        if e.mode == Mode::None {
            let s = e.settlement.as_ref().expect("none mode gives amounts");
            prop_assert_eq!(s.fund_pays.0, Decimal::ZERO);
            prop_assert_eq!(s.cap_remaining, None);
        }
        if priced_by_pack {
            let mut with = req.clone();
            with.insured.terms = Some(yibao_policy::PersonTerms {
                ratio: Some(yibao_policy::Ratio(Decimal::ONE)),
                deductible: None,
                annual_limit: yibao_policy::AnnualLimit::None,
                reduction: None,
                unfiled_reduction: None,
            });
            let ignored = engine().estimate(&with).expect("valid");
            prop_assert_eq!(&ignored.settlement, &e.settlement);
            prop_assert!(ignored.eligibility.warnings.iter().any(|w| w.code == "TERMS_IGNORED" && w.path == "insured.terms"));
        }
    }
}

#[test]
fn without_terms_every_call_says_what_it_can() {
    let req = beijing(json!(null));
    let e = estimate(&req);
    assert_eq!(e.mode, Mode::Direct);
    assert!(e.settlement.is_none() && e.ytd_after.is_none());
    let needed = e
        .eligibility
        .warnings
        .iter()
        .find(|w| w.code == "TERMS_NEEDED")
        .expect("TERMS_NEEDED");
    assert_eq!(needed.path, "insured.terms");
    for words in ["12393", "医保经办机构", "国家医保服务平台", "比例", "起付线"] {
        assert!(needed.message.zh.contains(words), "{words}: {}", needed.message.zh);
    }
    for words in ["12393", "ratio", "deductible", "annual limit", "app"] {
        assert!(needed.message.en.contains(words), "{words}: {}", needed.message.en);
    }
    // The trace still shows what the catalogue decides, then what is needed.
    let steps: Vec<&str> = e.trace.iter().map(|s| s.step).collect();
    assert_eq!(
        steps,
        [
            "total",
            "fullSelfPay",
            "overLimitSelfPay",
            "preSelfPay",
            "inScope",
            "terms"
        ]
    );
    assert_eq!(e.trace[0].value.as_deref(), Some("1000.00"));

    let fields = engine().national_fields_text(&req.to_string()).expect("valid");
    assert_eq!(fields.len(), 12);
    assert!(fields[..10].iter().all(|f| f.value.is_none()));
    assert_eq!(fields[10].value.as_deref(), Some("110000"));
    // JSON: null, not absent.
    let text = serde_json::to_string(&e).expect("results serialize");
    assert!(
        text.contains("\"settlement\":null") && text.contains("\"ytdAfter\":null"),
        "{text}"
    );
    assert!(text.contains("\"baseline\":true"));
}

#[test]
fn estimate_year_under_the_baseline_keeps_each_disease_apart() {
    let visit = |date: &str, disease: &str| {
        let mut v = beijing(json!({ "ratio": "0.80", "deductible": "300", "annualLimit": "1000" }));
        v["visit"]["date"] = json!(date);
        v["visit"]["disease"] = json!(disease);
        v
    };
    let visits = json!([
        visit("2025-03-01", "hypertension"),
        visit("2025-04-01", "diabetes"),
        visit("2025-05-01", "hypertension"),
        visit("2025-06-01", "hypertension"),
    ]);
    let year = engine().estimate_year_text(&visits.to_string()).expect("valid");
    let got: Vec<(String, String)> = year
        .iter()
        .map(|e| {
            let s = e.settlement.as_ref().expect("amounts");
            (s.deductible.text(), s.fund_pays.text())
        })
        .collect();
    let want = [
        ("300.00", "560.00"), // (1000 − 300) × 0.8
        ("300.00", "560.00"), // diabetes: its own deductible and limit
        ("0.00", "440.00"),   // hypertension: 800 capped at 1000 − 560
        ("0.00", "0.00"),     // its limit is used up
    ];
    let want: Vec<(String, String)> = want.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect();
    assert_eq!(got, want);
}

#[test]
fn bad_terms_are_refused_at_their_path() {
    for (terms, path) in [
        (json!({ "ratio": "1.2" }), "insured.terms.ratio"),
        (json!({ "ratio": 1.2 }), "insured.terms.ratio"),
        (json!({ "ratio": "0.12345" }), "insured.terms.ratio"),
        (json!({ "ratio": "-0.1" }), "insured.terms.ratio"),
        (json!({}), "insured.terms.ratio"),
        (json!({ "ratio": null, "deductible": "300" }), "insured.terms.ratio"),
        (
            json!({ "ratio": "0.7", "deductible": "300.123" }),
            "insured.terms.deductible",
        ),
        (
            json!({ "ratio": "0.7", "deductible": "abc" }),
            "insured.terms.deductible",
        ),
        (
            json!({ "ratio": "0.7", "annualLimit": "5000.001" }),
            "insured.terms.annualLimit",
        ),
        (
            json!({ "ratio": "0.7", "annualLimit": "-1" }),
            "insured.terms.annualLimit",
        ),
        (
            json!({ "ratio": "0.7", "annualLimit": "200000000" }),
            "insured.terms.annualLimit",
        ),
        (json!({ "ratio": "0.7", "reduction": "1.5" }), "insured.terms.reduction"),
        (
            json!({ "ratio": "0.7", "unfiledReduction": true }),
            "insured.terms.unfiledReduction",
        ),
        (json!("0.7"), "insured.terms"),
        (json!([]), "insured.terms"),
    ] {
        let err = engine()
            .estimate_text(&beijing(terms.clone()).to_string())
            .expect_err(&format!("{terms} is refused"));
        assert_eq!(
            (err.code, err.path.as_str()),
            (ErrorCode::InvalidInput, path),
            "{terms}"
        );
        assert!(!err.message.zh.is_empty() && !err.message.en.is_empty());
    }
    // null terms are the same as none.
    let e = estimate(&beijing(json!(null)));
    assert!(e.settlement.is_none());
}

#[test]
fn diseases_under_the_baseline_are_the_national_five() {
    let five = engine().diseases("110000", "2025-06-10").expect("a baseline region");
    let ids: Vec<&str> = five.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "hypertension",
            "diabetes",
            "cancer_outpatient",
            "dialysis",
            "transplant_antirejection"
        ]
    );
    assert!(five.iter().all(|d| d.provenance == Provenance::National));
    // Hotan's own six, then the national diseases its list leaves out (BRIEF §8.7).
    let hotan = engine().diseases("653221", "2025-06-10").expect("Hotan's county");
    let ids: Vec<&str> = hotan.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids.len(), 8, "{ids:?}");
    assert_eq!(&ids[6..], ["hypertension", "diabetes"]);
    assert!(hotan[6..].iter().all(|d| d.provenance == Provenance::National));
    let err = engine().diseases("810000", "2025-06-10").expect_err("not mainland");
    assert_eq!((err.code, err.path.as_str()), (ErrorCode::UnknownRegion, "region"));
}
