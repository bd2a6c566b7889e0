//! The pages of `docs/` against the engine and the schemas, so that they cannot drift silently.
//!
//! Fenced blocks are read by their info string: ```` ```json request ```` (estimated, and
//! checked against `schema/request.schema.json`), `eligibility-request` (`checkEligibility`),
//! `visits` (`estimateYear`), `bad-request` (must be refused), `pack` (loaded into the engine the
//! page's requests then use, and checked against `schema/pack.schema.json`), and `expect` /
//! `error`, which the result or error of the block before must contain (amounts compared as
//! decimals). A table after `<!-- fields: WHAT -->` must name, in its first column, exactly the
//! keys of WHAT: a JSON pointer into a schema (`schema/pack.schema.json#/$defs/region`), or a
//! path into what the engine writes (`estimate.eligibility.checks[].action`), over the results
//! of every shared case.

mod common;

use rust_decimal::Decimal;
use serde_json::Value;
use std::collections::BTreeSet;
use yibao_policy::wire::Wire;
use yibao_policy::Engine;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn page(name: &str) -> String {
    let path = format!("{ROOT}/docs/{name}");
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"))
}

struct Block {
    kind: String,
    text: String,
    line: usize,
}

/// The ```` ```json <kind> ```` blocks of a page, in order.
fn blocks(text: &str) -> Vec<Block> {
    let mut out = Vec::new();
    let mut open: Option<Block> = None;
    for (i, line) in text.lines().enumerate() {
        match open.take() {
            Some(block) if line.trim_start().starts_with("```") => out.push(block),
            Some(mut block) => {
                block.text.push_str(line);
                block.text.push('\n');
                open = Some(block);
            }
            None => {
                if let Some(info) = line.trim_start().strip_prefix("```") {
                    let mut words = info.split_whitespace();
                    let kind = match (words.next(), words.next()) {
                        (Some("json"), Some(kind)) => kind.to_string(),
                        _ => String::new(),
                    };
                    open = Some(Block {
                        kind,
                        text: String::new(),
                        line: i + 1,
                    });
                }
            }
        }
    }
    assert!(open.is_none(), "a fenced block is not closed");
    out.into_iter().filter(|b| !b.kind.is_empty()).collect()
}

fn validator(name: &str) -> jsonschema::Validator {
    let text = std::fs::read_to_string(format!("{ROOT}/schema/{name}")).expect("the schema");
    let schema: Value = serde_json::from_str(&text).expect("the schema is JSON");
    jsonschema::validator_for(&schema).expect("a valid schema")
}

fn json(b: &Block) -> Result<Value, String> {
    serde_json::from_str(&b.text).map_err(|e| format!("line {}: not JSON: {e}", b.line))
}

fn to_value<T: serde::Serialize>(v: T) -> Value {
    serde_json::to_value(v).expect("results serialize")
}

/// Where `expect` is not contained in `actual`: objects key by key, arrays element by element
/// (same length), strings that are numbers as decimals ("0.70" is "0.7").
fn not_contained(expect: &Value, actual: &Value, at: &str, out: &mut Vec<String>) {
    match (expect, actual) {
        (Value::Object(e), Value::Object(a)) => {
            for (k, v) in e {
                match a.get(k) {
                    Some(got) => not_contained(v, got, &format!("{at}.{k}"), out),
                    None => out.push(format!("{at}.{k}: missing")),
                }
            }
        }
        (Value::Array(e), Value::Array(a)) if e.len() == a.len() => {
            for (i, (v, got)) in e.iter().zip(a).enumerate() {
                not_contained(v, got, &format!("{at}[{i}]"), out);
            }
        }
        (Value::String(e), Value::String(a)) => {
            let same = match (e.parse::<Decimal>(), a.parse::<Decimal>()) {
                (Ok(x), Ok(y)) => x == y,
                _ => e == a,
            };
            if !same {
                out.push(format!("{at}: the page says {e}, the engine {a}"));
            }
        }
        _ if expect == actual => {}
        _ => out.push(format!("{at}: the page says {expect}, the engine {actual}")),
    }
}

/// Runs a page's examples; returns every failure and how many blocks of each kind it ran.
fn run_examples(name: &str) -> (Vec<String>, Vec<String>) {
    let text = page(name);
    let blocks = blocks(&text);
    let mut failures = Vec::new();
    let mut fail = |b: &Block, why: String| failures.push(format!("{name}:{}: {} block: {why}", b.line, b.kind));
    let (requests, packs) = (validator("request.schema.json"), validator("pack.schema.json"));
    let pack_texts: Vec<&str> = blocks
        .iter()
        .filter(|b| b.kind == "pack")
        .map(|b| b.text.as_str())
        .collect();
    let engine = if pack_texts.is_empty() {
        Engine::with_defaults().expect("the default packs")
    } else {
        match Engine::from_pack_texts(&pack_texts) {
            Ok(engine) => engine,
            Err(e) => return (vec![format!("{name}: its pack is refused: {e}")], Vec::new()),
        }
    };
    let schema_check = |v: &jsonschema::Validator, value: &Value| -> Vec<String> {
        v.iter_errors(value)
            .map(|e| format!("{}: {e}", e.instance_path()))
            .collect()
    };
    // The outcome the next `expect` or `error` block speaks of.
    let mut last: Option<Result<Value, Value>> = None;
    let mut ran = Vec::new();
    for b in &blocks {
        ran.push(b.kind.clone());
        let value = match json(b) {
            Ok(v) => v,
            Err(why) => {
                fail(b, why);
                continue;
            }
        };
        let outcome = |r: Result<Value, yibao_policy::Error>| r.map_err(to_value);
        match b.kind.as_str() {
            "pack" => {
                for v in schema_check(&packs, &value) {
                    fail(b, format!("pack schema: {v}"));
                }
            }
            "request" | "bad-request" => {
                let result = outcome(engine.estimate_text(&b.text).map(to_value));
                match (&result, b.kind == "request") {
                    (Err(e), true) => fail(b, format!("refused: {e}")),
                    (Ok(_), false) => fail(b, "estimated, but the page says it is refused".into()),
                    _ => {}
                }
                if b.kind == "request" {
                    for v in schema_check(&requests, &value) {
                        fail(b, format!("request schema: {v}"));
                    }
                }
                last = Some(result);
            }
            "eligibility-request" => {
                let result = outcome(engine.check_eligibility_text(&b.text).map(to_value));
                if let Err(e) = &result {
                    fail(b, format!("refused: {e}"));
                }
                last = Some(result);
            }
            "visits" => {
                let result = outcome(engine.estimate_year_text(&b.text).map(to_value));
                if let Err(e) = &result {
                    fail(b, format!("refused: {e}"));
                }
                for visit in value.as_array().into_iter().flatten() {
                    for v in schema_check(&requests, visit) {
                        fail(b, format!("request schema: {v}"));
                    }
                }
                last = Some(result);
            }
            "expect" | "error" => {
                let mut diffs = Vec::new();
                match (last.take(), b.kind == "expect") {
                    (Some(Ok(actual)), true) | (Some(Err(actual)), false) => {
                        not_contained(&value, &actual, "", &mut diffs)
                    }
                    (Some(other), _) => diffs.push(format!("the block before gave {other:?}")),
                    (None, _) => diffs.push("no request before it".into()),
                }
                for d in diffs {
                    fail(b, d);
                }
            }
            other => fail(b, format!("unknown kind '{other}'")),
        }
    }
    (failures, ran)
}

fn report(failures: Vec<String>) {
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

fn count(ran: &[String], kind: &str) -> usize {
    ran.iter().filter(|k| *k == kind).count()
}

#[test]
fn the_contracts_examples_run_as_written() {
    let (failures, ran) = run_examples("contract.md");
    report(failures);
    for kind in [
        "request",
        "eligibility-request",
        "visits",
        "bad-request",
        "error",
        "expect",
    ] {
        assert!(count(&ran, kind) >= 1, "contract.md has no '{kind}' example");
    }
}

#[test]
fn the_worked_examples_are_what_the_engine_computes() {
    let (failures, ran) = run_examples("calculation.md");
    report(failures);
    assert_eq!(
        (count(&ran, "request"), count(&ran, "visits"), count(&ran, "expect")),
        (1, 1, 2)
    );
}

#[test]
fn the_example_pack_loads_validates_and_answers() {
    let (failures, ran) = run_examples("pack-format.md");
    report(failures);
    assert_eq!(
        (count(&ran, "pack"), count(&ran, "request"), count(&ran, "expect")),
        (1, 1, 1)
    );
}

/// Each `<!-- fields: WHAT -->` and the backquoted names in the first column of the table after it.
fn field_tables(text: &str) -> Vec<(String, BTreeSet<String>)> {
    let lines: Vec<&str> = text.lines().collect();
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let Some(what) = line
            .trim()
            .strip_prefix("<!-- fields:")
            .and_then(|rest| rest.strip_suffix("-->"))
        else {
            continue;
        };
        let rows = lines[i + 1..].iter().take_while(|l| l.starts_with('|'));
        let mut names = BTreeSet::new();
        // The header and the separator first.
        for row in rows.skip(2) {
            let first = row.split('|').nth(1).unwrap_or("");
            names.extend(first.split('`').skip(1).step_by(2).map(str::to_string));
        }
        out.push((what.trim().to_string(), names));
    }
    out
}

/// The properties of the object a schema pointer names (or the pointer's own object of properties).
fn schema_keys(what: &str) -> BTreeSet<String> {
    let (file, pointer) = what.split_once('#').expect("a schema pointer");
    let text = std::fs::read_to_string(format!("{ROOT}/{file}")).expect("the schema");
    let schema: Value = serde_json::from_str(&text).expect("JSON");
    let node = schema
        .pointer(pointer)
        .unwrap_or_else(|| panic!("{what}: no such place"));
    let props = node.get("properties").unwrap_or(node);
    props.as_object().expect("properties").keys().cloned().collect()
}

/// Every value the engine writes for the shared cases and the listings, by root name.
fn engine_roots() -> Vec<(&'static str, Vec<Value>)> {
    let engine = Engine::with_defaults().expect("defaults");
    let requests: Vec<String> = common::single_visit_cases()
        .iter()
        .map(|c| c["request"].to_string())
        .collect();
    let ok = |f: &dyn Fn(&str) -> Option<Value>| requests.iter().filter_map(|r| f(r)).collect::<Vec<_>>();
    let mut errors: Vec<Value> = requests
        .iter()
        .filter_map(|r| engine.estimate_text(r).err())
        .map(to_value)
        .collect();
    errors.extend(Engine::from_pack_texts(&["{}"]).err().map(to_value));
    let dated = [
        ("653200", "2025-06-10"),
        ("441900", "2025-06-10"),
        ("110000", "2025-06-10"),
    ];
    vec![
        ("estimate", ok(&|r| engine.estimate_text(r).ok().map(to_value))),
        ("settle", ok(&|r| engine.settle_text(r).ok().map(to_value))),
        ("national", ok(&|r| engine.national_fields_text(r).ok().map(to_value))),
        ("regions", vec![to_value(engine.regions())]),
        (
            "diseases",
            dated
                .iter()
                .map(|(code, date)| to_value(engine.diseases(code, date).expect("diseases")))
                .collect(),
        ),
        ("places", vec![to_value(engine.places())]),
        (
            "catalogue",
            ["430100", "110000", "120000"]
                .iter()
                .map(|p| to_value(engine.catalogue(p).expect("catalogue")))
                .collect(),
        ),
        ("packs", vec![to_value(engine.policy().packs())]),
        ("error", errors),
    ]
}

/// The objects at `path` (`eligibility.checks[].action`) under every value; nulls skipped.
fn at_path(values: Vec<Value>, path: &str) -> Vec<Value> {
    let mut current = values;
    for segment in path.split('.').filter(|s| !s.is_empty()) {
        let (key, each) = match segment.strip_suffix("[]") {
            Some(key) => (key, true),
            None => (segment, false),
        };
        let mut next = Vec::new();
        for v in current {
            let v = if key.is_empty() {
                v
            } else {
                v.get(key).cloned().unwrap_or(Value::Null)
            };
            match (v, each) {
                (Value::Array(items), true) => next.extend(items),
                (Value::Null, _) => {}
                (v, false) => next.push(v),
                (v, true) => panic!("{path}: {v} is not an array"),
            }
        }
        current = next;
    }
    current
}

#[test]
fn the_field_tables_name_exactly_the_fields() {
    let roots = engine_roots();
    let mut failures = Vec::new();
    let mut tables = 0;
    for name in ["contract.md", "pack-format.md"] {
        for (what, documented) in field_tables(&page(name)) {
            tables += 1;
            let actual: BTreeSet<String> = if what.starts_with("schema/") {
                schema_keys(&what)
            } else {
                let root = what.split(['.', '[']).next().unwrap_or("");
                let values = roots
                    .iter()
                    .find(|(r, _)| *r == root)
                    .map(|(_, v)| v.clone())
                    .unwrap_or_else(|| panic!("{name}: unknown root '{root}' in '{what}'"));
                let path = what[root.len()..].trim_start_matches('.');
                let objects = at_path(values, path);
                assert!(!objects.is_empty(), "{name}: nothing at '{what}'");
                objects
                    .iter()
                    .filter_map(Value::as_object)
                    .flat_map(|o| o.keys().cloned())
                    .collect()
            };
            let missing: Vec<_> = actual.difference(&documented).collect();
            let extra: Vec<_> = documented.difference(&actual).collect();
            if !missing.is_empty() || !extra.is_empty() {
                failures.push(format!(
                    "{name}, fields of {what}: not documented {missing:?}; documented but not there {extra:?}"
                ));
            }
        }
    }
    report(failures);
    assert!(tables >= 30, "only {tables} field tables found");
}
