//! The rule shapes of BRIEF §8 through the Rust API: the hand-worked cases of
//! `tests/cases/shapes.json` and `shapes-year.json` under the test pack `tests/cases/packs/`
//! (the CLI runs them in `cli/tests/`, the npm package in `tests/js/shapes.test.mjs`), and what
//! `validate` refuses in a pack of format 2, each at its path.

mod common;

use common::{report, year_diffs};
use serde_json::{json, Value};
use yibao_policy::wire::Wire;
use yibao_policy::Engine;

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/cases");

fn read(name: &str) -> Value {
    let path = format!("{DIR}/{name}");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path} is not JSON: {e}"))
}

fn pack() -> Value {
    read("packs/shapes.json")
}

fn engine() -> Engine {
    Engine::from_pack_texts(&[&pack().to_string()]).expect("the test pack loads")
}

fn cases(name: &str) -> Vec<Value> {
    read(name).as_array().cloned().expect("an array of cases")
}

#[test]
fn the_shape_cases_through_the_rust_api() {
    let engine = engine();
    let cases = cases("shapes.json");
    assert!(cases.len() >= 30, "{} cases", cases.len());
    report(common::estimate_cases(&engine, &cases, true));
}

#[test]
fn the_shape_year_cases_through_the_rust_api() {
    let engine = engine();
    let mut failures = Vec::new();
    for case in cases("shapes-year.json") {
        let name = case["name"].as_str().unwrap_or("?");
        let outcome = engine.estimate_year_text(&case["visits"].to_string());
        match (&case["expect"]["error"], outcome) {
            (Value::Null, Ok(results)) => {
                let results: Vec<Value> = results
                    .iter()
                    .map(|r| serde_json::to_value(r).expect("serialize"))
                    .collect();
                failures.extend(year_diffs(&case, &results));
            }
            (Value::Null, Err(e)) => failures.push(format!("[{name}] refused: {e}")),
            (want, Ok(_)) => failures.push(format!("[{name}] expected {want}, got results")),
            (want, Err(e)) => {
                let got = serde_json::to_value(e).expect("serialize");
                failures.extend(
                    common::compare_error(want, &got)
                        .into_iter()
                        .map(|d| format!("[{name}] {d}")),
                );
            }
        }
    }
    report(failures);
}

/// The warnings a case expects name their parameter and point at the request's field.
#[test]
fn each_new_warning_names_its_parameter() {
    let engine = engine();
    let mut seen = Vec::new();
    for case in cases("shapes.json") {
        let Ok(result) = engine.estimate_text(&case["request"].to_string()) else {
            continue;
        };
        for w in &result.eligibility.warnings {
            let path = match w.code {
                "AGE_ASSUMED" => "insured.birthDate",
                "TIER_ASSUMED" => "insured.tier",
                "INPATIENT_ASSUMED" => "ytd.inpatientFundPaid",
                "RECOGNITION_DATE_ASSUMED" => "insured.recognizedSince.",
                "DISEASE_COUNT_ASSUMED" => "insured.recogni",
                _ => continue,
            };
            assert!(w.path.starts_with(path), "{}: {}", w.code, w.path);
            let region = &result.policy.region;
            assert!(
                w.message.en.contains(&format!("(parameter {region}/")) && w.message.zh.contains("参数"),
                "{}: {}",
                w.code,
                w.message.en
            );
            seen.push(w.code);
        }
    }
    for code in [
        "AGE_ASSUMED",
        "TIER_ASSUMED",
        "INPATIENT_ASSUMED",
        "RECOGNITION_DATE_ASSUMED",
        "DISEASE_COUNT_ASSUMED",
    ] {
        assert!(seen.contains(&code), "no case shows {code}");
    }
}

/// The pack with `edit` applied to its JSON, as `validate` sees it: every problem's path.
fn problems(edit: impl FnOnce(&mut Value)) -> Vec<String> {
    let mut pack = pack();
    edit(&mut pack);
    match Engine::from_pack_texts(&[&pack.to_string()]) {
        Ok(_) => Vec::new(),
        Err(e) => e.problems.iter().map(|p| p.path.clone()).collect(),
    }
}

fn region<'a>(pack: &'a mut Value, code: &str) -> &'a mut Value {
    let regions = pack["regions"].as_array_mut().expect("regions");
    let r = regions.iter_mut().find(|r| r["code"] == code).expect("the region");
    &mut r["versions"][0]
}

fn refused_at(path: &str, edit: impl FnOnce(&mut Value)) {
    let got = problems(edit);
    assert!(
        got.iter().any(|p| p == path),
        "expected a problem at {path}, got {got:?}"
    );
}

#[test]
fn the_test_pack_validates_and_is_format_2() {
    assert_eq!(problems(|_| {}), Vec::<String>::new());
    assert_eq!(pack()["format"], yibao_policy::packs::FORMAT_2);
}

#[test]
fn validate_refuses_a_cut_beyond_the_national_ceiling_for_some_key() {
    // 深圳: emergency × 0.85 drops the tier-1 ratio at 70 and over (0.80) by 12 points (> 10),
    // while it is within the ceiling for every other key.
    refused_at("regions[1].versions[0].reductions.emergency", |p| {
        region(p, "440300")["reductions"]["emergency"] =
            json!({ "factor": { "value": "0.85", "provenance": "assumed" } });
    });
    // 兰州: a separate ratio 0.55 for residents too drops 0.60 by 5 points — fine — but for
    // employees 0.70 → 0.55 is 15 points, beyond a referral's 10.
    refused_at("regions[6].versions[0].reductions.referral", |p| {
        region(p, "620100")["reductions"]["referral"] =
            json!({ "ratio": { "value": "0.55", "provenance": "assumed" } });
    });
    // 临沂: a share paid first of 0.15 drops 0.80 by 12 points.
    refused_at("regions[2].versions[0].reductions.emergency", |p| {
        region(p, "371300")["reductions"]["emergency"] =
            json!({ "selfPayFirst": { "value": "0.15", "provenance": "assumed" } });
    });
    // A rule for a visit without a filing has no ceiling.
    assert_eq!(
        problems(|p| region(p, "440300")["unfiledReduction"] =
            json!({ "factor": { "value": "0.1", "provenance": "assumed" } })),
        Vec::<String>::new()
    );
}

#[test]
fn validate_refuses_a_schedule_with_gaps() {
    fn schedule(p: &mut Value) -> &mut Value {
        &mut region(p, "210100")["limits"]["transplant_antirejection"]["monthly"]["schedule"]
    }
    let at = "regions[4].versions[0].limits.transplant_antirejection.monthly.schedule";
    refused_at(&format!("{at}[2].fromMonth"), |p| {
        schedule(p)[2]["fromMonth"] = json!(5)
    });
    refused_at(&format!("{at}[0].fromMonth"), |p| {
        schedule(p)[0]["fromMonth"] = json!(2)
    });
    refused_at(&format!("{at}[3]"), |p| schedule(p)[3]["throughMonth"] = json!(24));
    refused_at(&format!("{at}[1].throughMonth"), |p| {
        schedule(p)[1]["throughMonth"] = json!(1)
    });
    // A schedule is a monthly quota.
    refused_at(
        "regions[4].versions[0].limits.transplant_antirejection.annual.schedule",
        |p| {
            let limit = &mut region(p, "210100")["limits"]["transplant_antirejection"];
            limit["annual"] = limit["monthly"].take();
            limit.as_object_mut().expect("an object").remove("monthly");
        },
    );
}

#[test]
fn validate_refuses_a_band_table_that_misses_ages() {
    fn bands(p: &mut Value) -> &mut Value {
        &mut region(p, "440300")["diseases"]["hypertension"]["ratio"]["byTier"]["1"]["byAge"]
    }
    let at = "regions[1].versions[0].diseases.hypertension.ratio.byTier.1.byAge";
    refused_at(&format!("{at}[1].fromAge"), |p| bands(p)[1]["fromAge"] = json!(71));
    refused_at(&format!("{at}[0].fromAge"), |p| bands(p)[0]["fromAge"] = json!(18));
    refused_at(&format!("{at}[1]"), |p| bands(p)[1]["belowAge"] = json!(100));
    // The arm for an unknown age must be the least favourable, and must exist.
    let unknown = "regions[1].versions[0].diseases.hypertension.ratio.byTier.1.ifUnknown";
    refused_at(unknown, |p| {
        region(p, "440300")["diseases"]["hypertension"]["ratio"]["byTier"]["1"]["ifUnknown"] = json!(70)
    });
    refused_at(unknown, |p| {
        region(p, "440300")["diseases"]["hypertension"]["ratio"]["byTier"]["1"]["ifUnknown"] = json!(30)
    });
    refused_at(unknown, |p| {
        region(p, "440300")["diseases"]["hypertension"]["ratio"]["byTier"]["1"]
            .as_object_mut()
            .expect("an object")
            .remove("ifUnknown");
    });
}

#[test]
fn validate_refuses_tiers_the_region_does_not_declare() {
    refused_at("regions[1].versions[0].diseases.hypertension.ratio.byTier.4", |p| {
        let tiers = &mut region(p, "440300")["diseases"]["hypertension"]["ratio"]["byTier"];
        tiers["4"] = tiers["3"].clone();
    });
    refused_at("regions[1].versions[0].diseases.hypertension.ratio.byTier", |p| {
        region(p, "440300")["diseases"]["hypertension"]["ratio"]["byTier"]
            .as_object_mut()
            .expect("an object")
            .remove("3");
    });
    // The tier named for an unknown tier gives more than tier 3 (0.60): not the least favourable.
    refused_at("regions[1].versions[0].diseases.hypertension.ratio.ifUnknown", |p| {
        region(p, "440300")["diseases"]["hypertension"]["ratio"]["ifUnknown"] = json!("1")
    });
}

#[test]
fn validate_refuses_a_ranked_limit_without_shares_or_standards() {
    fn ranked(p: &mut Value) -> &mut Value {
        &mut region(p, "210100")["limits"]["chronic"]["annual"]["ranked"]
    }
    let at = "regions[4].versions[0].limits.chronic.annual.ranked";
    refused_at(&format!("{at}.shares"), |p| {
        ranked(p).as_object_mut().expect("an object").remove("shares");
    });
    refused_at(&format!("{at}.shares"), |p| ranked(p)["shares"] = json!([]));
    refused_at(&format!("{at}.standards"), |p| {
        ranked(p)["standards"]
            .as_object_mut()
            .expect("an object")
            .remove("diabetes");
    });
    refused_at(&format!("{at}.standards.dialysis"), |p| {
        ranked(p)["standards"]["dialysis"] = json!({ "value": "1000", "provenance": "assumed" })
    });
    // Only an annual limit grows or is ranked.
    refused_at("regions[4].versions[0].limits.chronic.monthly.ranked", |p| {
        let limit = &mut region(p, "210100")["limits"]["chronic"];
        limit["monthly"] = limit["annual"].take();
        limit.as_object_mut().expect("an object").remove("annual");
    });
}

#[test]
fn validate_refuses_a_limit_on_an_unknown_base() {
    refused_at("regions[6].versions[0].limits.hypertension.inScope", |p| {
        let limit = &mut region(p, "620100")["limits"]["hypertension"];
        limit["inScope"] = limit["inScopeCost"].take();
        limit.as_object_mut().expect("an object").remove("inScopeCost");
    });
    refused_at("regions[6].versions[0].limits.hypertension.inScopeCost.yearly", |p| {
        region(p, "620100")["limits"]["hypertension"]["inScopeCost"]["yearly"] =
            json!({ "value": "100", "provenance": "assumed" })
    });
    // Shared with inpatient care needs an annual limit on the fund's payment.
    refused_at("regions[6].versions[0].limits.hypertension.sharedWithInpatient", |p| {
        region(p, "620100")["limits"]["hypertension"]["sharedWithInpatient"] = json!(true)
    });
}

#[test]
fn validate_refuses_what_else_a_notice_writer_gets_wrong() {
    // A deductible taken some other way, a cut of two forms at once.
    refused_at("regions[0].versions[0].deductibles.chronic_month.taken", |p| {
        region(p, "450100")["deductibles"]["chronic_month"]["taken"] = json!("afterRatio")
    });
    refused_at("regions[1].versions[0].reductions.emergency", |p| {
        region(p, "440300")["reductions"]["emergency"]["points"] = json!({ "value": "0.05", "provenance": "assumed" })
    });
    // A growing limit needs all three parts.
    refused_at("regions[3].versions[0].limits.chronic.annual.growing.maximum", |p| {
        region(p, "620600")["limits"]["chronic"]["annual"]["growing"]
            .as_object_mut()
            .expect("an object")
            .remove("maximum");
    });
    // The shapes need format 2: an engine that knows format 1 only then refuses the pack by its
    // format rather than one key at a time.
    let got = problems(|p| p["format"] = json!(yibao_policy::packs::FORMAT));
    assert!(got.len() > 10 && got.iter().any(|p| p.ends_with(".taken")), "{got:?}");
}

/// The CLI's `validate` prints each problem at its path.
#[test]
fn format_1_packs_give_the_same_results() {
    // The default packs are format 1: the shared cases through them are checked by tests/cases.rs;
    // here, that a format-1 pack still states no shape's fields in results it cannot have.
    let engine = Engine::with_defaults().expect("defaults");
    let r = engine.estimate_text(common::REQUEST).expect("estimates");
    let s = r.settlement.expect("a settlement");
    assert_eq!(
        (
            s.temporary_self_pay.text(),
            s.admitted.text(),
            s.above_cost_limit.text(),
            s.cost_room
        ),
        ("0.00".into(), s.in_scope.text(), "0.00".into(), None)
    );
    assert!(!r
        .trace
        .iter()
        .any(|t| ["admitted", "costRoom", "temporarySelfPay"].contains(&t.step)));
}
