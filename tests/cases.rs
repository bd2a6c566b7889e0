//! Every worked case of `../shared/cases/` through the Rust API and through the CLI binary.

mod common;

use common::{compare_error, compare_estimate, load};
use serde_json::Value;
use std::io::Write;
use std::process::{Command, Stdio};
use yibao_policy::Engine;

fn engine() -> Engine {
    Engine::with_defaults().expect("the embedded packs are valid")
}

fn report(failures: Vec<String>) {
    assert!(
        failures.is_empty(),
        "{} difference(s):\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// Compare one case's expectation with an outcome: a result JSON or an error JSON.
fn check(name: &str, expect: &Value, outcome: Result<Value, Value>) -> Vec<String> {
    let diffs = match (expect.get("error"), outcome) {
        (Some(want), Err(got)) => compare_error(want, &got),
        (Some(want), Ok(_)) => vec![format!("expected error {want}, got a result")],
        (None, Ok(result)) => compare_estimate(expect, &result),
        (None, Err(got)) => vec![format!("unexpected error {got}")],
    };
    diffs.into_iter().map(|d| format!("[{name}] {d}")).collect()
}

/// The single-visit corpora: the public cases and the additions (baseline, terms, unknowns).
fn single_visit_cases() -> Vec<Value> {
    let public = load("public.json");
    assert!(public.len() >= 17, "public.json has {} cases", public.len());
    let additions = load("additions.json");
    assert!(additions.len() >= 10, "additions.json has {} cases", additions.len());
    public.into_iter().chain(additions).collect()
}

#[test]
fn public_and_additions_cases_through_the_rust_api() {
    let engine = engine();
    let cases = single_visit_cases();
    let mut failures = Vec::new();
    for case in &cases {
        let name = case["name"].as_str().unwrap_or("?");
        let outcome = engine
            .estimate_text(&case["request"].to_string())
            .map(|r| serde_json::to_value(r).expect("results serialize"))
            .map_err(|e| serde_json::to_value(e).expect("errors serialize"));
        failures.extend(check(name, &case["expect"], outcome));
    }
    report(failures);
}

fn cli(args: &[&str], stdin: &str) -> (bool, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_yibao-policy"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the CLI runs");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(stdin.as_bytes())
        .expect("write stdin");
    let out = child.wait_with_output().expect("the CLI finishes");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn public_and_additions_cases_through_the_cli() {
    let mut failures = Vec::new();
    for case in single_visit_cases() {
        let name = case["name"].as_str().unwrap_or("?");
        let (ok, stdout, stderr) = cli(&["estimate"], &case["request"].to_string());
        let outcome = if ok {
            Ok(serde_json::from_str(&stdout).expect("stdout is the result JSON"))
        } else {
            let err: Value = serde_json::from_str(&stderr).expect("stderr is the error JSON");
            assert!(stdout.is_empty(), "[{name}] no partial result on stdout");
            Err(err["error"].clone())
        };
        failures.extend(check(name, &case["expect"], outcome));
    }
    report(failures);
}

fn year_diffs(case: &Value, results: &[Value]) -> Vec<String> {
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
fn year_cases_through_the_cli() {
    let mut failures = Vec::new();
    for case in load("year.json") {
        let (ok, stdout, stderr) = cli(&["year", "--compact"], &case["visits"].to_string());
        assert!(ok, "year failed: {stderr}");
        let results: Vec<Value> = serde_json::from_str(&stdout).expect("stdout is a JSON array");
        failures.extend(year_diffs(&case, &results));
    }
    report(failures);
}

#[test]
fn cli_check_validate_and_usage() {
    let case = &load("public.json")[4];
    let (ok, stdout, _) = cli(&["check"], &case["request"].to_string());
    assert!(ok);
    let elig: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(elig["directSettlement"], false);
    assert_eq!(elig["checks"].as_array().map(Vec::len), Some(8));

    let packs = concat!(env!("CARGO_MANIFEST_DIR"), "/packs");
    let files: Vec<String> = ["653200-hotan.json", "441900-dongguan.json", "places.json"]
        .iter()
        .map(|f| format!("{packs}/{f}"))
        .collect();
    let args: Vec<&str> = std::iter::once("validate")
        .chain(files.iter().map(String::as_str))
        .collect();
    let (ok, stdout, stderr) = cli(&args, "");
    assert!(ok, "default packs validate: {stderr}");
    assert_eq!(stdout.lines().filter(|l| l.starts_with("ok")).count(), 3);

    let (ok, stdout, _) = cli(
        &["estimate", "--packs", packs, "--compact"],
        &case["request"].to_string(),
    );
    assert!(ok);
    let result: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(result["settlement"]["fundPays"], "5500.00");

    let (ok, _, stderr) = cli(&["frobnicate"], "");
    assert!(!ok && stderr.contains("usage"));
    let (ok, _, stderr) = cli(&["estimate"], "{not json");
    assert!(!ok);
    let err: Value = serde_json::from_str(&stderr).expect("error JSON");
    assert_eq!(err["error"]["code"], "INVALID_INPUT");
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
