//! Every worked case of `../shared/cases/` through the Rust API (through the CLI: `cli/tests/`).

mod common;

use common::{compare_estimate, load, report, single_visit_cases, year_diffs};
use serde_json::Value;
use yibao_policy::wire::Wire;
use yibao_policy::Engine;

fn engine() -> Engine {
    Engine::with_defaults().expect("the embedded packs are valid")
}

#[test]
fn public_and_additions_cases_through_the_rust_api() {
    let engine = engine();
    let cases = single_visit_cases();
    report(common::estimate_cases(&engine, &cases, false));
}

#[test]
fn year_cases_through_the_rust_api() {
    let engine = engine();
    let mut failures = Vec::new();
    for case in load("year.json") {
        let results = engine
            .estimate_year_text(&case["visits"].to_string())
            .expect("year case estimates");
        let results: Vec<Value> = results
            .iter()
            .map(|r| serde_json::to_value(r).expect("serialize"))
            .collect();
        failures.extend(year_diffs(&case, &results));
    }
    report(failures);
}

#[test]
fn the_comparison_itself_catches_differences() {
    let result = serde_json::to_value(
        engine()
            .estimate_text(&load("public.json")[0]["request"].to_string())
            .unwrap(),
    )
    .unwrap();
    let wrong = serde_json::json!({
        "mode": "manual",
        "checks": { "FILING_PLACE": "fail" },
        "settlement": { "fundPays": "7500.01", "ratio": "0.8", "capRemaining": null },
        "ytdAfter": { "fundPaid": "0.00" }
    });
    let diffs = compare_estimate(&wrong, &result);
    assert_eq!(diffs.len(), 6, "{diffs:#?}");
    let right = serde_json::json!({ "settlement": { "fundPays": "7500", "ratio": 0.750 } });
    assert!(compare_estimate(&right, &result).is_empty());
}

#[test]
fn the_check_codes_are_the_contracts_in_its_order() {
    let contract = common::contract_check_codes();
    assert_eq!(contract.len(), 8, "{contract:?}");
    let ours: Vec<&str> = yibao_policy::CheckCode::ALL.iter().map(|c| c.name()).collect();
    assert_eq!(ours, contract);
    for code in yibao_policy::CheckCode::ALL {
        assert_eq!(serde_json::to_value(code).expect("serializes"), code.name());
    }
}
