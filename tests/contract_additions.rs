//! CONTRACT.md's additions (issues 17.4 and 20), each from the contract's words: `insured.
//! recognition` (per disease true / false / not known; not together with `recognizedDiseases`),
//! `insured.termsByDisease` (the person's terms for one disease; `terms` serves the others) and
//! `settlement.bound` (exact / atMost / atLeast / about). Figures worked by hand in each test.

mod common;

use serde_json::{json, Value};
use yibao_policy::wire::Wire;
use yibao_policy::{Bound, CheckCode, CheckStatus, Engine, ErrorCode, Estimate, Mode};

fn engine() -> Engine {
    Engine::with_defaults().expect("the embedded packs are valid")
}

fn estimate(req: &Value) -> Estimate {
    engine().estimate_text(&req.to_string()).expect("estimates")
}

fn refused(req: &Value, path: &str) {
    let err = engine().estimate_text(&req.to_string()).expect_err("refused");
    assert_eq!(
        (err.code, err.path.as_str()),
        (ErrorCode::InvalidInput, path),
        "{err:?}"
    );
}

fn recognized(e: &Estimate) -> CheckStatus {
    e.eligibility.checks[CheckCode::DiseaseRecognized.index()].status
}

fn fund(e: &Estimate) -> String {
    e.settlement.as_ref().map(|s| s.fund_pays.text()).unwrap_or_default()
}

fn bound(e: &Estimate) -> Option<Bound> {
    e.settlement.as_ref().map(|s| s.bound)
}

/// A Dongguan employee retiree living in Hunan (filed for the province), a level-3 hospital in
/// Changsha, one class A line.
fn dongguan(disease: &str, date: &str, amount: &str) -> Value {
    json!({
        "insured": { "region": "441900", "scheme": "employee", "status": "retired" },
        "filing": { "category": "retired_relocated", "place": "430000", "start": "2025-01-01" },
        "visit": { "date": date, "place": "430100", "hospitalLevel": 3, "disease": disease },
        "items": [{ "name": "药品", "amount": amount, "class": "A" }]
    })
}

/// Someone insured in Beijing (no pack: the national baseline) stationed in Guangdong.
fn beijing(disease: &str, terms: Value) -> Value {
    json!({
        "insured": { "region": "110000", "scheme": "employee", "recognizedDiseases": [disease], "terms": terms },
        "filing": { "category": "stationed_worker", "place": "440000", "start": "2025-01-01" },
        "visit": { "date": "2025-06-10", "place": "440100", "hospitalLevel": 3, "disease": disease },
        "items": [{ "name": "药品", "amount": "1000.00", "class": "A" }]
    })
}

#[test]
fn recognition_says_per_disease_recognised_not_or_not_known() {
    let mut req = dongguan("diabetes", "2025-03-10", "1000.00");
    for (value, want, mode) in [
        (json!(true), CheckStatus::Pass, Mode::Direct),
        (json!(false), CheckStatus::Fail, Mode::None),
        (json!(null), CheckStatus::Warn, Mode::Direct),
    ] {
        req["insured"]["recognition"] = json!({ "hypertension": true, "diabetes": value });
        let e = estimate(&req);
        assert_eq!((recognized(&e), e.mode), (want, mode), "diabetes: {value}");
    }
    // A disease the map does not name is not known: a warning, never a failure.
    req["insured"]["recognition"] = json!({ "hypertension": true });
    assert_eq!(recognized(&estimate(&req)), CheckStatus::Warn);
    // checkEligibility says the same, with its mode.
    req["insured"]["recognition"] = json!({ "diabetes": false });
    let elig = engine().check_eligibility_text(&req.to_string()).expect("checks");
    assert_eq!(elig.mode, Mode::None);
    assert_eq!(
        elig.checks[CheckCode::DiseaseRecognized.index()].status,
        CheckStatus::Fail
    );
}

#[test]
fn recognition_and_terms_by_disease_are_refused_at_their_exact_paths() {
    let mut both = dongguan("diabetes", "2025-03-10", "1000.00");
    both["insured"]["recognizedDiseases"] = json!(["diabetes"]);
    both["insured"]["recognition"] = json!({ "diabetes": true });
    refused(&both, "insured.recognition");
    let mut word = dongguan("diabetes", "2025-03-10", "1000.00");
    word["insured"]["recognition"] = json!({ "diabetes": "yes" });
    refused(&word, "insured.recognition.diabetes");
    word["insured"]["recognition"] = json!(["diabetes"]);
    refused(&word, "insured.recognition");

    let mut terms = beijing("diabetes", json!(null));
    terms["insured"]["termsByDisease"] = json!({ "diabetes": { "ratio": "1.5" } });
    refused(&terms, "insured.termsByDisease.diabetes.ratio");
    terms["insured"]["termsByDisease"] = json!({ "diabetes": { "deductible": "100" } });
    refused(&terms, "insured.termsByDisease.diabetes.ratio");
    terms["insured"]["termsByDisease"] = json!({ "diabetes": { "ratio": "0.6", "annualLimit": "-1" } });
    refused(&terms, "insured.termsByDisease.diabetes.annualLimit");
    terms["insured"]["termsByDisease"] = json!({ "diabetes": 7 });
    refused(&terms, "insured.termsByDisease.diabetes");
    // Ids no loaded policy knows are warned at their paths, not refused.
    let mut unknown = beijing("diabetes", json!({ "ratio": "0.5" }));
    unknown["insured"]["recognizedDiseases"] = Value::Null;
    unknown["insured"]["recognition"] = json!({ "diabetes": true, "gout": true });
    unknown["insured"]["termsByDisease"] = json!({ "gout": { "ratio": "0.5" } });
    let e = estimate(&unknown);
    let paths: Vec<&str> = e
        .eligibility
        .warnings
        .iter()
        .filter(|w| w.code == "RECOGNIZED_DISEASE_UNKNOWN")
        .map(|w| w.path.as_str())
        .collect();
    assert_eq!(paths, ["insured.recognition.gout", "insured.termsByDisease.gout"]);
    // null is absent: `terms` serves the disease.
    terms["insured"]["termsByDisease"] = json!({ "diabetes": null });
    terms["insured"]["terms"] = json!({ "ratio": "0.5", "deductible": "0", "annualLimit": null });
    assert_eq!(fund(&estimate(&terms)), "500.00");
}

#[test]
fn terms_by_disease_prices_its_disease_and_terms_the_others() {
    let terms = json!({ "ratio": "0.5", "deductible": "0", "annualLimit": null });
    let own = json!({ "diabetes": { "ratio": "0.8", "deductible": "100", "annualLimit": null } });
    let mut diabetes = beijing("diabetes", terms.clone());
    diabetes["insured"]["termsByDisease"] = own.clone();
    let e = estimate(&diabetes);
    // (1000 − 100) × 0.8 = 720, from its own terms.
    assert_eq!(fund(&e), "720.00");
    let ratio = e.trace.iter().find(|t| t.step == "baseRatio").expect("a ratio step");
    assert_eq!(ratio.rule, "110000/national-baseline/termsByDisease/diabetes/ratio");
    let mut hypertension = beijing("hypertension", terms);
    hypertension["insured"]["termsByDisease"] = own;
    // 1000 × 0.5 = 500, from `terms`.
    assert_eq!(fund(&estimate(&hypertension)), "500.00");
}

/// A Dongguan retiree whose hypertension and diabetes are both recognised (issue 20): the two
/// share Dongguan's deductible (300 a year) and limit (4,000 a year for employees); both ratios
/// are 0.80 for a retiree at a level-3 hospital.
#[test]
fn a_year_of_two_recognised_diseases_shares_the_pools_deductible_and_limit() {
    let visits: Vec<Value> = [
        ("hypertension", "2025-02-10", "2000.00"),
        ("diabetes", "2025-03-10", "3000.00"),
        ("hypertension", "2025-04-10", "1000.00"),
        ("diabetes", "2025-05-10", "500.00"),
    ]
    .iter()
    .map(|(d, date, amount)| {
        let mut v = dongguan(d, date, amount);
        v["insured"]["recognition"] = json!({ "hypertension": true, "diabetes": true });
        v
    })
    .collect();
    let year = engine()
        .estimate_year_text(&Value::Array(visits.clone()).to_string())
        .expect("a year");
    let got: Vec<(String, String, String, String)> = year
        .iter()
        .map(|e| {
            let s = e.settlement.as_ref().expect("amounts");
            let y = e.ytd_after.as_ref().expect("ytd");
            (
                s.deductible.text(),
                s.fund_pays.text(),
                s.above_cap.text(),
                y.fund_paid.text(),
            )
        })
        .collect();
    let want = [
        // (2000 − 300) × 0.8 = 1360, within 4000.
        ("300.00", "1360.00", "0.00", "1360.00"),
        // Deductible taken; 3000 × 0.8 = 2400, within 4000 − 1360 = 2640.
        ("0.00", "2400.00", "0.00", "3760.00"),
        // 1000 × 0.8 = 800, but only 240 left.
        ("0.00", "240.00", "560.00", "4000.00"),
        // 500 × 0.8 = 400, nothing left.
        ("0.00", "0.00", "400.00", "4000.00"),
    ];
    for (i, (g, w)) in got.iter().zip(want).enumerate() {
        assert_eq!((g.0.as_str(), g.1.as_str(), g.2.as_str(), g.3.as_str()), w, "visit {i}");
    }
    assert!(year
        .iter()
        .all(|e| e.mode == Mode::Direct && recognized(e) == CheckStatus::Pass));
    // The page's old request: only the first disease recognised — the diabetes visits then
    // pay nothing, which is what the two-disease recognition fixes.
    let one: Vec<Value> = visits
        .into_iter()
        .map(|mut v| {
            v["insured"]["recognition"] = Value::Null;
            v["insured"]["recognizedDiseases"] = json!(["hypertension"]);
            v
        })
        .collect();
    let year = engine()
        .estimate_year_text(&Value::Array(one).to_string())
        .expect("a year");
    assert_eq!(year[1].mode, Mode::None);
}

#[test]
fn under_the_baseline_each_disease_of_a_year_uses_its_own_terms() {
    let insured = json!({
        "region": "110000", "scheme": "employee",
        "recognition": { "hypertension": true, "diabetes": true },
        "terms": { "ratio": "0.5", "deductible": "0", "annualLimit": null },
        "termsByDisease": { "diabetes": { "ratio": "0.8", "deductible": "100", "annualLimit": "1000" } }
    });
    let visits: Vec<Value> = [
        ("diabetes", "2025-03-01"),
        ("hypertension", "2025-04-01"),
        ("diabetes", "2025-05-01"),
    ]
    .iter()
    .map(|(d, date)| {
        let mut v = beijing(d, Value::Null);
        v["insured"] = insured.clone();
        v["visit"]["date"] = json!(date);
        v
    })
    .collect();
    let year = engine()
        .estimate_year_text(&Value::Array(visits).to_string())
        .expect("a year");
    let funds: Vec<String> = year.iter().map(fund).collect();
    // Diabetes: (1000 − 100) × 0.8 = 720; hypertension: 1000 × 0.5 = 500 (its own group);
    // diabetes again: deductible taken, 800, but only 1000 − 720 = 280 of its limit left.
    assert_eq!(funds, ["720.00", "500.00", "280.00"]);
}

#[test]
fn bound_says_which_way_what_was_not_given_can_move_the_fund() {
    // Everything given: exact.
    let all = json!({ "ratio": "0.7", "deductible": "0", "annualLimit": null, "reduction": "0.05", "unfiledReduction": "0.2" });
    assert_eq!(bound(&estimate(&beijing("diabetes", all.clone()))), Some(Bound::Exact));
    // No deductible, no limit entered: taken as none, so the fund pays at most this.
    let e = estimate(&beijing("diabetes", json!({ "ratio": "0.7" })));
    assert_eq!(bound(&e), Some(Bound::AtMost));
    // A referral with no cut entered: the national ceiling, so the fund pays at least this.
    let mut referral = beijing(
        "diabetes",
        json!({ "ratio": "0.7", "deductible": "0", "annualLimit": null }),
    );
    referral["filing"]["category"] = json!("referral");
    assert_eq!(bound(&estimate(&referral)), Some(Bound::AtLeast));
    // Both kinds: about.
    referral["insured"]["terms"] = json!({ "ratio": "0.7" });
    assert_eq!(bound(&estimate(&referral)), Some(Bound::About));
    // No valid filing and no unfiled cut entered: an assumed rule, about.
    let mut unfiled = beijing(
        "diabetes",
        json!({ "ratio": "0.7", "deductible": "0", "annualLimit": null }),
    );
    unfiled["filing"] = Value::Null;
    assert_eq!(bound(&estimate(&unfiled)), Some(Bound::About));
    // A pack region: its parameters marked `assumed` do not change it (provenance shows them).
    let hotan = json!({
        "insured": { "region": "653200", "scheme": "employee", "recognizedDiseases": ["cancer_outpatient"] },
        "filing": { "category": "referral", "place": "441900", "start": "2025-01-01" },
        "visit": { "date": "2025-06-10", "place": "441900", "hospitalLevel": 3, "disease": "cancer_outpatient" },
        "items": [{ "amount": "1000.00", "class": "A" }]
    });
    let e = estimate(&hotan);
    assert!(e.uses_assumptions);
    assert_eq!(bound(&e), Some(Bound::Exact));
    // Nothing reimbursable: the fund pays exactly 0.
    let mut none = beijing("diabetes", json!({ "ratio": "0.7" }));
    none["insured"]["recognizedDiseases"] = json!([]);
    assert_eq!(bound(&estimate(&none)), Some(Bound::Exact));
    // settle gives the same bound.
    let d = engine().settle_text(&referral.to_string()).expect("settles");
    assert_eq!(d.settlement.map(|s| s.bound), Some(Bound::About));
}
