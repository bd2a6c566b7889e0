//! The national floor under every pack (BRIEF §8.7, issue 19), written from the brief's words:
//! a national disease a pack does not list is covered with a warning unless the pack excludes it;
//! the pack's opening date and region-wide rules stand; the amounts come from the person's terms
//! (TERMS_NEEDED without them); the overall ceiling counts these visits too. Figures worked by
//! hand from the request, the terms and Hotan's pack (packs/653200-hotan.json).

mod common;

use serde_json::{json, Value};
use yibao_policy::wire::Wire;
use yibao_policy::{CheckCode, CheckStatus, Engine, ErrorCode, Estimate, Mode, Provenance};

fn engine() -> Engine {
    Engine::with_defaults().expect("the embedded packs are valid")
}

/// A Hotan employee stationed in Dongguan, treated there for hypertension (Hotan's pack lists
/// six diseases, not hypertension), one class A line of 1,000 yuan.
fn hotan_hypertension(terms: Value) -> Value {
    json!({
        "insured": { "region": "653200", "scheme": "employee", "recognizedDiseases": ["hypertension"], "terms": terms },
        "filing": { "category": "stationed_worker", "place": "441900", "start": "2025-01-01" },
        "visit": { "date": "2025-06-10", "place": "441900", "hospitalLevel": 3, "disease": "hypertension" },
        "items": [{ "name": "检查费", "amount": "1000.00", "class": "A" }]
    })
}

fn status(e: &Estimate, code: CheckCode) -> CheckStatus {
    e.eligibility.checks[code.index()].status
}

fn codes(e: &Estimate) -> Vec<&str> {
    e.eligibility.warnings.iter().map(|w| w.code).collect()
}

/// Every message an estimate shows: the checks', their next steps', the warnings'.
fn messages(e: &Estimate) -> Vec<String> {
    let mut out = Vec::new();
    for c in &e.eligibility.checks {
        out.push(format!("{} {}", c.message.zh, c.message.en));
        if let Some(a) = &c.action {
            out.push(format!("{} {}", a.message.zh, a.message.en));
        }
    }
    for w in &e.eligibility.warnings {
        out.push(format!("{} {}", w.message.zh, w.message.en));
    }
    out
}

#[test]
fn a_national_disease_hotan_does_not_list_is_covered_with_a_warning_and_needs_terms() {
    let e = engine()
        .estimate_text(&hotan_hypertension(json!(null)).to_string())
        .expect("estimates");
    assert_eq!(status(&e, CheckCode::DiseaseCovered), CheckStatus::Warn);
    // The pack's opening date stands: Hotan opened on 2025-01-01.
    assert_eq!(status(&e, CheckCode::PolicyInForce), CheckStatus::Pass);
    // A warning never blocks.
    assert_eq!(e.mode, Mode::Direct);
    assert!(e.eligibility.direct_settlement);
    assert!(
        e.settlement.is_none() && e.ytd_after.is_none(),
        "the amounts need the person's terms"
    );
    assert!(codes(&e).contains(&"TERMS_NEEDED"), "{:?}", codes(&e));
    assert!(!codes(&e).contains(&"TERMS_IGNORED"));
    assert_eq!(e.policy.region, "653200");
    assert!(!e.policy.baseline);
    for m in messages(&e) {
        assert!(!m.contains("hypertension"), "a raw disease id in {m:?}");
    }
    let covered = &e.eligibility.checks[CheckCode::DiseaseCovered.index()];
    assert!(covered.message.zh.contains("高血压"), "{:?}", covered.message);
    assert!(covered.action.is_some(), "a warned check says what to do");
}

#[test]
fn with_terms_the_amounts_are_the_persons_and_the_region_wide_rules_hotans() {
    let terms = json!({ "ratio": "0.6", "deductible": "200", "annualLimit": "5000" });
    let e = engine()
        .estimate_text(&hotan_hypertension(terms.clone()).to_string())
        .expect("estimates");
    assert_eq!(status(&e, CheckCode::DiseaseCovered), CheckStatus::Warn);
    let s = e.settlement.as_ref().expect("terms were given");
    // (1000 − 200) × 0.6 = 480; stationed workers keep the whole ratio (Hotan: 0).
    assert_eq!(s.deductible.text(), "200.00");
    assert_eq!(s.ratio.text(), "0.6");
    assert_eq!(s.fund_pays.text(), "480.00");
    assert_eq!(s.patient_pays.text(), "520.00");
    // The person's limit; Hotan has no overall ceiling.
    assert_eq!(s.cap_remaining.map(|c| c.text()).as_deref(), Some("5000.00"));
    assert_eq!(s.bound, yibao_policy::Bound::Exact);
    assert!(!codes(&e).contains(&"TERMS_NEEDED") && !codes(&e).contains(&"TERMS_IGNORED"));
    let ratio = e
        .trace
        .iter()
        .find(|t| t.step == "baseRatio")
        .expect("a base ratio step");
    assert_eq!(ratio.provenance, Some(Provenance::User));
    assert_eq!(ratio.rule, "653200/2025-01-01/terms/ratio");

    // A referral: Hotan's cut for referrals (0.10, the pack's), not the person's 0.05.
    let mut referral =
        hotan_hypertension(json!({ "ratio": "0.6", "deductible": "200", "annualLimit": "5000", "reduction": "0.05" }));
    referral["filing"]["category"] = json!("referral");
    let e = engine().estimate_text(&referral.to_string()).expect("estimates");
    let s = e.settlement.as_ref().expect("terms were given");
    assert_eq!(s.ratio.text(), "0.5");
    assert_eq!(s.fund_pays.text(), "400.00");
    assert!(!codes(&e).contains(&"TERMS_REDUCTION_ASSUMED"), "{:?}", codes(&e));

    // Without a filing: Hotan's rule for an unfiled visit (0.20), claimed manually.
    let mut unfiled = hotan_hypertension(terms);
    unfiled["filing"] = Value::Null;
    let e = engine().estimate_text(&unfiled.to_string()).expect("estimates");
    assert_eq!(e.mode, Mode::Manual);
    let s = e.settlement.as_ref().expect("terms were given");
    assert_eq!(s.ratio.text(), "0.4");
    assert_eq!(s.fund_pays.text(), "320.00");
}

/// Hotan's pack edited: an overall ceiling, and (second engine) hypertension excluded.
fn edited_hotan(edit: impl Fn(&mut Value)) -> Engine {
    let mut hotan: Value =
        serde_json::from_str(yibao_policy::packs::default_pack("653200-hotan.json").expect("Hotan's pack"))
            .expect("JSON");
    edit(&mut hotan["regions"][0]["versions"][0]);
    let places = yibao_policy::packs::default_pack("places.json").expect("places");
    Engine::from_pack_texts(&[&hotan.to_string(), places]).expect("valid")
}

#[test]
fn the_overall_ceiling_counts_these_visits_too() {
    let engine = edited_hotan(|v| v["overallCeiling"] = json!({ "value": "1000", "provenance": "assumed" }));
    let mut req = hotan_hypertension(json!({ "ratio": "0.6", "deductible": "200", "annualLimit": "5000" }));
    req["ytd"] = json!({ "fundPaid": "0", "fundPaidTotal": "800" });
    let e = engine.estimate_text(&req.to_string()).expect("estimates");
    let s = e.settlement.as_ref().expect("terms");
    // min(5000 − 0, 1000 − 800) = 200: the fund pays 200 of its 480.
    assert_eq!(s.cap_remaining.map(|c| c.text()).as_deref(), Some("200.00"));
    assert_eq!(s.fund_pays.text(), "200.00");
    assert_eq!(s.above_cap.text(), "280.00");
    assert_eq!(
        e.ytd_after.map(|y| y.fund_paid_total.text()).as_deref(),
        Some("1000.00")
    );
}

#[test]
fn a_pack_that_states_it_excludes_a_national_disease_fails_the_check() {
    let engine = edited_hotan(|v| {
        v["excludedDiseases"] = json!({ "hypertension": { "provenance": "published", "source": "test notice" } });
    });
    let e = engine
        .estimate_text(&hotan_hypertension(json!({ "ratio": "0.6" })).to_string())
        .expect("estimates");
    assert_eq!(status(&e, CheckCode::DiseaseCovered), CheckStatus::Fail);
    assert_eq!(e.mode, Mode::None);
    assert_eq!(
        e.settlement.as_ref().map(|s| s.fund_pays.text()).as_deref(),
        Some("0.00")
    );
    // Diabetes is still covered, warned.
    let mut diabetes = hotan_hypertension(json!(null));
    diabetes["visit"]["disease"] = json!("diabetes");
    let e = engine.estimate_text(&diabetes.to_string()).expect("estimates");
    assert_eq!(status(&e, CheckCode::DiseaseCovered), CheckStatus::Warn);
    let listed: Vec<String> = engine
        .diseases("653200", "2025-06-10")
        .expect("listed")
        .into_iter()
        .map(|d| d.id)
        .collect();
    assert!(listed.contains(&"diabetes".to_string()) && !listed.contains(&"hypertension".to_string()));
}

#[test]
fn only_a_national_disease_can_be_excluded_and_not_one_the_pack_lists() {
    let hotan = yibao_policy::packs::default_pack("653200-hotan.json").expect("Hotan's pack");
    let mut pack: Value = serde_json::from_str(hotan).expect("JSON");
    let refused = |excluded: Value, want: &[&str]| {
        let mut pack = pack.clone();
        pack["regions"][0]["versions"][0]["excludedDiseases"] = excluded;
        let err = Engine::from_pack_texts(&[&pack.to_string()]).expect_err("refused");
        assert_eq!(err.code, ErrorCode::InvalidPolicy);
        let paths: Vec<&str> = err.problems.iter().map(|p| p.path.as_str()).collect();
        assert_eq!(paths, want);
    };
    // Hemophilia is not national (unlisted, it is simply not covered); Hotan lists cancer.
    refused(
        json!({ "hemophilia": { "provenance": "published" }, "cancer_outpatient": { "provenance": "seed" } }),
        &[
            "regions[0].versions[0].excludedDiseases.hemophilia",
            "regions[0].versions[0].excludedDiseases.cancer_outpatient",
        ],
    );
    // A statement carries its provenance like every parameter.
    refused(
        json!({ "diabetes": { "source": "no provenance" } }),
        &["regions[0].versions[0].excludedDiseases.diabetes.provenance"],
    );
    pack["regions"][0]["versions"][0]["excludedDiseases"] =
        json!({ "diabetes": { "provenance": "reposted", "source": "a copy" } });
    assert!(Engine::from_pack_texts(&[&pack.to_string()]).is_ok());
}

#[test]
fn terms_are_ignored_only_for_a_disease_the_pack_prices() {
    // Hotan prices cancer: terms for it are ignored (TERMS_IGNORED at their path)…
    let mut cancer = hotan_hypertension(json!({ "ratio": "0.6" }));
    cancer["visit"]["disease"] = json!("cancer_outpatient");
    cancer["insured"]["recognizedDiseases"] = json!(["cancer_outpatient"]);
    let e = engine().estimate_text(&cancer.to_string()).expect("estimates");
    assert!(e
        .eligibility
        .warnings
        .iter()
        .any(|w| w.code == "TERMS_IGNORED" && w.path == "insured.terms"));
    assert_eq!(e.settlement.as_ref().map(|s| s.ratio.text()).as_deref(), Some("0.75"));
    // …and a termsByDisease entry for it is named at its own path.
    cancer["insured"]["termsByDisease"] = json!({ "cancer_outpatient": { "ratio": "0.5" } });
    let e = engine().estimate_text(&cancer.to_string()).expect("estimates");
    assert!(
        e.eligibility
            .warnings
            .iter()
            .any(|w| w.code == "TERMS_IGNORED" && w.path == "insured.termsByDisease.cancer_outpatient"),
        "{:?}",
        codes(&e)
    );
}
