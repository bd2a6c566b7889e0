//! Shared by the integration tests: the worked cases in `../shared/cases/` and a comparison that
//! checks every field a case gives, numbers as decimals.

#![allow(dead_code)]

pub mod shape_packs;
pub mod strategies;

use rust_decimal::Decimal;
use serde_json::Value;
use std::path::PathBuf;

/// A small valid request: Hotan's employee stationed in Dongguan, one class A line.
pub const REQUEST: &str = r#"{"insured":{"region":"653200","scheme":"employee"},
  "filing":{"category":"stationed_worker","place":"441900","start":"2025-01-01"},
  "visit":{"date":"2025-06-10","place":"441900","hospitalLevel":3,"disease":"cancer_outpatient"},
  "items":[{"amount":"1.00","class":"A"}]}"#;

/// The error of a call that must be refused, with this code at this path.
pub fn refused<T: std::fmt::Debug>(
    result: Result<T, yibao_policy::Error>,
    code: yibao_policy::ErrorCode,
    path: &str,
) -> yibao_policy::Error {
    let err = result.expect_err("refused");
    assert_eq!((err.code, err.path.as_str()), (code, path), "{err:?}");
    err
}

/// `../shared` beside the checkout, whichever crate of the workspace the test belongs to.
pub fn shared_dir() -> PathBuf {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    manifest
        .ancestors()
        .map(|dir| dir.join("../shared"))
        .find(|shared| shared.join("cases").is_dir())
        .unwrap_or_else(|| manifest.join("../shared"))
}

pub fn load(name: &str) -> Vec<Value> {
    let path = shared_dir().join("cases").join(name);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    match serde_json::from_str(&text).expect("cases are JSON") {
        Value::Array(cases) => cases,
        _ => panic!("{} is not an array", path.display()),
    }
}

fn as_decimal(v: &Value) -> Option<Decimal> {
    match v {
        Value::String(s) => s.parse().ok(),
        Value::Number(n) => n.to_string().parse().ok(),
        _ => None,
    }
}

/// Every difference between what a case expects and what an estimate result says.
pub fn compare_estimate(expect: &Value, result: &Value) -> Vec<String> {
    let mut diffs = Vec::new();
    let e = |k: &str| expect.get(k);
    if let Some(mode) = e("mode") {
        same(&mut diffs, "mode", mode, &result["mode"]);
    }
    if let Some(direct) = e("directSettlement") {
        same(
            &mut diffs,
            "directSettlement",
            direct,
            &result["eligibility"]["directSettlement"],
        );
    }
    if let Some(Value::Object(checks)) = e("checks") {
        let actual = result["eligibility"]["checks"].as_array().cloned().unwrap_or_default();
        let codes: Vec<&str> = actual.iter().filter_map(|c| c["code"].as_str()).collect();
        // The engine's one list of the codes, itself held to CONTRACT.md's (`contract_check_codes`).
        let order = yibao_policy::CheckCode::ALL.map(yibao_policy::CheckCode::name);
        if codes != order {
            diffs.push(format!("checks: expected all eight in order, got {codes:?}"));
        }
        for (code, status) in checks {
            let got = actual.iter().find(|c| c["code"] == code.as_str()).map(|c| &c["status"]);
            same(
                &mut diffs,
                &format!("checks.{code}"),
                status,
                got.unwrap_or(&Value::Null),
            );
        }
    }
    for section in ["settlement", "ytdAfter"] {
        match e(section) {
            Some(Value::Object(fields)) => {
                for (k, v) in fields {
                    same(&mut diffs, &format!("{section}.{k}"), v, &result[section][k]);
                }
            }
            // Amounts that cannot be known (no terms under the national baseline) are null.
            Some(Value::Null) if !result[section].is_null() => {
                diffs.push(format!("{section}: expected null, got {}", result[section]));
            }
            _ => {}
        }
    }
    // The warnings a case lists must be among the result's (it may give more).
    if let Some(Value::Array(codes)) = e("warnings") {
        let actual = result["eligibility"]["warnings"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        for code in codes {
            if !actual.iter().any(|w| &w["code"] == code) {
                diffs.push(format!(
                    "warnings: expected {code}, got {:?}",
                    actual.iter().map(|w| &w["code"]).collect::<Vec<_>>()
                ));
            }
        }
    }
    diffs
}

pub fn compare_error(expect: &Value, error: &Value) -> Vec<String> {
    let mut diffs = Vec::new();
    for k in ["code", "path"] {
        if let Some(v) = expect.get(k) {
            same(&mut diffs, &format!("error.{k}"), v, &error[k]);
        }
    }
    for lang in ["zh", "en"] {
        if error["message"][lang].as_str().is_none_or(str::is_empty) {
            diffs.push(format!("error.message.{lang} is missing"));
        }
    }
    diffs
}

/// Equal as decimals when both are numbers (amounts "1234.50" vs "1234.5", ratios "0.8" vs 0.80),
/// otherwise equal as JSON. Amounts in results must also have exactly two decimals.
fn same(diffs: &mut Vec<String>, at: &str, expect: &Value, actual: &Value) {
    let equal = match (as_decimal(expect), as_decimal(actual)) {
        (Some(a), Some(b)) => a == b,
        _ => expect == actual,
    };
    if !equal {
        diffs.push(format!("{at}: expected {expect}, got {actual}"));
    }
    let is_amount = !at.ends_with(".ratio")
        && !at.ends_with(".bound")
        && (at.starts_with("settlement.") || at.starts_with("ytdAfter."));
    if let (true, Value::String(s)) = (is_amount, actual) {
        if s.split_once('.').is_none_or(|(_, f)| f.len() != 2) {
            diffs.push(format!("{at}: amount {s} does not have exactly two decimals"));
        }
    }
}

pub fn report(failures: Vec<String>) {
    assert!(
        failures.is_empty(),
        "{} difference(s):\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// Every single-visit case of a file through `engine`, each compared with its expectation; with
/// `hand_worked`, each case must also carry its working (`notes`), as the cases written by hand
/// in this repository do.
pub fn estimate_cases(engine: &yibao_policy::Engine, cases: &[Value], hand_worked: bool) -> Vec<String> {
    use yibao_policy::wire::Wire;
    let mut failures = Vec::new();
    for case in cases {
        let name = case["name"].as_str().unwrap_or("?");
        if hand_worked && case["notes"].as_str().is_none_or(|n| n.len() <= 40) {
            failures.push(format!("[{name}] has no working"));
        }
        let outcome = engine
            .estimate_text(&case["request"].to_string())
            .map(|r| serde_json::to_value(r).expect("results serialize"))
            .map_err(|e| serde_json::to_value(e).expect("errors serialize"));
        failures.extend(check(name, &case["expect"], outcome));
    }
    failures
}

/// Compare one case's expectation with an outcome: a result JSON or an error JSON.
pub fn check(name: &str, expect: &Value, outcome: Result<Value, Value>) -> Vec<String> {
    let diffs = match (expect.get("error"), outcome) {
        (Some(want), Err(got)) => compare_error(want, &got),
        (Some(want), Ok(_)) => vec![format!("expected error {want}, got a result")],
        (None, Ok(result)) => compare_estimate(expect, &result),
        (None, Err(got)) => vec![format!("unexpected error {got}")],
    };
    diffs.into_iter().map(|d| format!("[{name}] {d}")).collect()
}

pub fn year_diffs(case: &Value, results: &[Value]) -> Vec<String> {
    let name = case["name"].as_str().unwrap_or("?");
    let expect = case["expect"].as_array().expect("expect is a list");
    let mut diffs = Vec::new();
    if results.len() != expect.len() {
        diffs.push(format!(
            "[{name}] {} results for {} visits",
            results.len(),
            expect.len()
        ));
    }
    for (i, (want, got)) in expect.iter().zip(results).enumerate() {
        diffs.extend(
            compare_estimate(want, got)
                .into_iter()
                .map(|d| format!("[{name}] visit {i}: {d}")),
        );
    }
    diffs
}

/// The single-visit corpora: the public cases and the additions (baseline, terms, unknowns).
pub fn single_visit_cases() -> Vec<Value> {
    let public = load("public.json");
    assert!(public.len() >= 17, "public.json has {} cases", public.len());
    let additions = load("additions.json");
    assert!(additions.len() >= 10, "additions.json has {} cases", additions.len());
    public.into_iter().chain(additions).collect()
}

/// The eight check codes in the order CONTRACT.md's result of `estimate` lists them.
pub fn contract_check_codes() -> Vec<String> {
    let path = shared_dir().join("domain").join("CONTRACT.md");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let start = text.find("\"checks\": [").expect("CONTRACT.md lists the checks");
    let block = &text[start..start + text[start..].find("],").expect("the list of checks ends")];
    block
        .split("{ \"code\": \"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .map(str::to_string)
        .collect()
}
