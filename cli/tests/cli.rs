//! The command line: every worked case of `../shared/cases/` through the binary, its other
//! commands, and its refusals.

#[path = "../../tests/common/mod.rs"]
mod common;

use common::{check, load, report, single_visit_cases, year_diffs};
use serde_json::Value;
use std::io::Write;
use std::process::{Command, Stdio};

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

/// Each case's request through `estimate` (with `args`, e.g. `--packs DIR`), its outcome checked
/// against the case's `expect`: the result JSON on stdout, or the error JSON on stderr and
/// nothing on stdout (never a partial result).
fn estimate_cases<'a>(cases: impl IntoIterator<Item = &'a Value>, args: &[&str]) -> Vec<String> {
    let mut failures = Vec::new();
    for case in cases {
        let name = case["name"].as_str().unwrap_or("?");
        let (ok, stdout, stderr) = cli(&[&["estimate"], args].concat(), &case["request"].to_string());
        let outcome = if ok {
            Ok(serde_json::from_str(&stdout).expect("stdout is the result JSON"))
        } else {
            let err: Value = serde_json::from_str(&stderr).expect("stderr is the error JSON");
            assert!(stdout.is_empty(), "[{name}] no partial result on stdout");
            Err(err["error"].clone())
        };
        failures.extend(check(name, &case["expect"], outcome));
    }
    failures
}

#[test]
fn public_and_additions_cases_through_the_cli() {
    report(estimate_cases(&single_visit_cases(), &[]));
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

    let packs = concat!(env!("CARGO_MANIFEST_DIR"), "/../packs");
    let defaults = yibao_policy::packs::DEFAULT_PACKS;
    let files: Vec<String> = defaults.iter().map(|(f, _)| format!("{packs}/{f}")).collect();
    let args: Vec<&str> = std::iter::once("validate")
        .chain(files.iter().map(String::as_str))
        .collect();
    let (ok, stdout, stderr) = cli(&args, "");
    assert!(ok, "default packs validate: {stderr}");
    assert_eq!(stdout.lines().filter(|l| l.starts_with("ok")).count(), defaults.len());

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
fn a_key_written_twice_is_refused_by_the_cli() {
    let hotan = yibao_policy::packs::default_pack("653200-hotan.json").expect("Hotan's pack");
    let twice = hotan.replacen(r#""version":"#, r#""version":"2025.0","version":"#, 1);
    let file = std::env::temp_dir().join(format!("yibao-twice-{}.json", std::process::id()));
    std::fs::write(&file, &twice).expect("write a temporary pack");
    let path = file.to_string_lossy().into_owned();
    let (ok, _, stderr) = cli(&["validate", &path], "");
    std::fs::remove_file(&file).ok();
    assert!(!ok, "validate refuses the pack");
    assert!(stderr.contains(&format!("{path}: version: ")), "{stderr}");

    let case = &load("public.json")[0];
    let request = case["request"]
        .to_string()
        .replacen(r#""date":"#, r#""date":"2025-01-01","date":"#, 1);
    let (ok, stdout, stderr) = cli(&["estimate"], &request);
    assert!(!ok && stdout.is_empty());
    let err: Value = serde_json::from_str(&stderr).expect("stderr is the error JSON");
    assert_eq!(err["error"]["code"], "INVALID_INPUT");
    assert_eq!(err["error"]["path"], "visit.date", "{err}");
}

/// `yibao-policy year < big.json | head -1`: the reader goes after one line; the command ends
/// quietly (status 0, nothing on stderr) instead of panicking on the closed pipe.
#[test]
fn a_closed_pipe_ends_the_command_quietly() {
    use std::io::{BufRead, BufReader};
    let case = &load("public.json")[0];
    let visits = Value::Array(vec![case["request"].clone(); 300]).to_string();
    let mut child = Command::new(env!("CARGO_BIN_EXE_yibao-policy"))
        .arg("year")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the CLI runs");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(visits.as_bytes())
        .expect("write stdin");
    let mut first = String::new();
    BufReader::new(child.stdout.take().expect("stdout"))
        .read_line(&mut first)
        .expect("one line");
    // The reader is dropped here, as `head -1` exits: the rest of the output has nowhere to go.
    let out = child.wait_with_output().expect("the CLI finishes");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(first.trim(), "[");
    assert!(out.status.success(), "status {:?}: {stderr}", out.status);
    assert!(stderr.is_empty(), "{stderr}");
}

#[test]
fn options_are_read_wherever_they_stand_and_mistakes_are_usage_errors() {
    let case = &load("public.json")[4];
    let (ok, stdout, _) = cli(&["--compact", "check"], &case["request"].to_string());
    assert!(ok && stdout.lines().count() == 1, "{stdout}");
    let (ok, stdout, _) = cli(&["-V"], "");
    assert!(ok && stdout.starts_with("yibao-policy "), "{stdout}");
    for wrong in [
        &["estimate", "--frobnicate"][..],
        &["estimate", "--packs"],
        &["--manifest", "m.json", "estimate"],
    ] {
        let (ok, _, stderr) = cli(wrong, "");
        assert!(!ok && stderr.contains("usage"), "{wrong:?}: {stderr}");
    }
}

/// Issue 19 through the binary: a Hotan employee treated for hypertension in Dongguan (Hotan's
/// pack does not list it): DISEASE_COVERED warns, TERMS_NEEDED without terms; with terms, the
/// person's amounts — (1000 − 200) × 0.6 = 480 — and `bound` exact; `check` gives the mode.
#[test]
fn a_national_disease_a_pack_leaves_out_through_the_cli() {
    let mut req = serde_json::json!({
        "insured": { "region": "653200", "scheme": "employee", "recognition": { "hypertension": true } },
        "filing": { "category": "stationed_worker", "place": "441900", "start": "2025-01-01" },
        "visit": { "date": "2025-06-10", "place": "441900", "hospitalLevel": 3, "disease": "hypertension" },
        "items": [{ "amount": "1000.00", "class": "A" }]
    });
    let (ok, stdout, stderr) = cli(&["estimate"], &req.to_string());
    assert!(ok, "{stderr}");
    let e: Value = serde_json::from_str(&stdout).expect("result JSON");
    let covered = e["eligibility"]["checks"]
        .as_array()
        .and_then(|c| c.iter().find(|c| c["code"] == "DISEASE_COVERED"))
        .expect("the check");
    assert_eq!(covered["status"], "warn");
    assert!(e["settlement"].is_null());
    let warnings: Vec<&str> = e["eligibility"]["warnings"]
        .as_array()
        .map(|w| w.iter().filter_map(|w| w["code"].as_str()).collect())
        .unwrap_or_default();
    assert!(warnings.contains(&"TERMS_NEEDED"), "{warnings:?}");
    assert!(!stdout.contains("\"hypertension\"不在") && !stdout.contains("'hypertension'"));

    req["insured"]["terms"] = serde_json::json!({ "ratio": "0.6", "deductible": "200", "annualLimit": "5000" });
    let (ok, stdout, _) = cli(&["estimate", "--compact"], &req.to_string());
    assert!(ok);
    let e: Value = serde_json::from_str(&stdout).expect("result JSON");
    assert_eq!(e["settlement"]["fundPays"], "480.00");
    assert_eq!(e["settlement"]["bound"], "exact");

    let (ok, stdout, _) = cli(&["check"], &req.to_string());
    assert!(ok);
    let elig: Value = serde_json::from_str(&stdout).expect("eligibility JSON");
    assert_eq!(elig["mode"], "direct");
}

/// The hand-worked rule-shape cases (BRIEF §8) under the test pack, through the binary.
#[test]
fn the_shape_cases_through_the_cli() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/cases");
    let packs = format!("{dir}/packs");
    let read = |name: &str| -> Vec<Value> {
        let text = std::fs::read_to_string(format!("{dir}/{name}")).expect("the cases");
        serde_json::from_str(&text).expect("JSON")
    };
    let mut failures = estimate_cases(&read("shapes.json"), &["--packs", &packs]);
    for case in read("shapes-year.json") {
        let name = case["name"].as_str().unwrap_or("?");
        let (ok, stdout, stderr) = cli(&["year", "--compact", "--packs", &packs], &case["visits"].to_string());
        match (ok, &case["expect"]["error"]) {
            (true, Value::Null) => {
                let results: Vec<Value> = serde_json::from_str(&stdout).expect("stdout is a JSON array");
                failures.extend(year_diffs(&case, &results));
            }
            (false, want) if !want.is_null() => {
                let err: Value = serde_json::from_str(&stderr).expect("stderr is the error JSON");
                failures.extend(
                    common::compare_error(want, &err["error"])
                        .into_iter()
                        .map(|d| format!("[{name}] {d}")),
                );
            }
            _ => failures.push(format!("[{name}] the CLI said {stdout}{stderr}")),
        }
    }
    // `validate` accepts the test pack (format 2) and names a problem at its path.
    let (ok, stdout, stderr) = cli(&["validate", &format!("{packs}/shapes.json")], "");
    assert!(ok && stdout.contains("test-shapes"), "{stdout}{stderr}");
    report(failures);
}

/// The default packs written from notices (issue 22): their cases through the binary with the
/// embedded packs — the two 南宁 examples give 50.00 and 146.75 — and `validate` of every file in
/// packs/.
#[test]
fn the_notices_cases_through_the_cli() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/..");
    let text = std::fs::read_to_string(format!("{root}/tests/cases/notices.json")).expect("the cases");
    let cases: Vec<Value> = serde_json::from_str(&text).expect("JSON");
    let failures = estimate_cases(&cases, &[]);
    let fund = |i: usize| {
        let (_, stdout, _) = cli(&["estimate"], &cases[i]["request"].to_string());
        let v: Value = serde_json::from_str(&stdout).expect("result JSON");
        v["settlement"]["fundPays"].clone()
    };
    assert_eq!((fund(0), fund(1)), (Value::from("50.00"), Value::from("146.75")));
    let mut packs: Vec<String> = std::fs::read_dir(format!("{root}/packs"))
        .expect("packs/")
        .map(|e| e.expect("entry").path().to_string_lossy().into_owned())
        .filter(|p| p.ends_with(".json"))
        .collect();
    packs.sort();
    let mut args = vec!["validate"];
    args.extend(packs.iter().map(String::as_str));
    let (ok, stdout, stderr) = cli(&args, "");
    assert!(ok && stdout.contains("cn-450000-guangxi"), "{stdout}{stderr}");
    assert_eq!(
        stdout.lines().filter(|l| l.starts_with("ok ")).count(),
        packs.len(),
        "{stdout}"
    );
    report(failures);
}
