//! The request reader against a recorded corpus: about twelve hundred request and year texts — the
//! shared cases as written and with `\u` escapes, each member of two requests deleted, retyped or
//! written twice, cuts of a request and of a year, and seeded random mutations (wrong types, keys
//! written twice, deep nesting, lists over their limits, truncated or corrupted text) — with the
//! outcome the reader gave for each: the request read, or the error (code, path, both messages).
//!
//! `tests/data/reader-corpus.jsonl` was recorded ONCE from the reader before requests were read
//! from a tape (the `Value`-tree reader of issue 13, since deleted), with the tape reader checked
//! against it on every input as it was written; see `tests/data/README.md`. It is never
//! regenerated: a corpus rewritten from the reader it checks could not fail. A new request field
//! is added without touching it (its inputs do not use the field, and an absent field is not
//! written).

use serde_json::Value;
use yibao_policy::limits::MAX_REQUEST_BYTES;
use yibao_policy::wire::{parse_text, read_request, read_visits};
use yibao_policy::{Lines, Request};

fn outcome<T: serde::Serialize>(r: Result<T, yibao_policy::Error>) -> Value {
    match r {
        Ok(v) => serde_json::json!({ "ok": serde_json::to_value(v).expect("serializes") }),
        Err(e) => serde_json::json!({ "error": serde_json::to_value(e).expect("serializes") }),
    }
}

#[test]
fn the_reader_gives_the_recorded_outcome_for_every_input() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/reader-corpus.jsonl");
    let corpus = std::fs::read_to_string(path).expect("the recorded corpus");
    let mut differences = Vec::new();
    let mut inputs = 0;
    for (n, line) in corpus.lines().enumerate() {
        let entry: Value = serde_json::from_str(line).expect("a corpus line is JSON");
        let text = entry["text"].as_str().expect("text");
        let required = &entry["required"];
        let optional = entry.get("optional").unwrap_or(required);
        inputs += 1;
        for (lines, want) in [(Lines::Required, required), (Lines::Optional, optional)] {
            let got = outcome(read_request(text, lines));
            if &got != want {
                differences.push(format!(
                    "line {}: {lines:?}: {text}\n  want {want}\n  got  {got}",
                    n + 1
                ));
            }
            // The other way in — a parsed value (the `*_json` entry points) — reads the same.
            if let Ok(v) = parse_text(text, MAX_REQUEST_BYTES) {
                let via_value = outcome(Request::from_json(&v, lines));
                if &via_value != want {
                    differences.push(format!(
                        "line {}: from_json {lines:?}: {text}\n  want {want}\n  got  {via_value}",
                        n + 1
                    ));
                }
            }
        }
        let got = outcome(read_visits(text));
        if got != entry["year"] {
            differences.push(format!(
                "line {}: year: {text}\n  want {}\n  got  {got}",
                n + 1,
                entry["year"]
            ));
        }
    }
    assert!(inputs >= 1200, "{inputs} inputs: the corpus is missing or cut short");
    assert!(
        differences.is_empty(),
        "{} of {inputs} inputs read otherwise than recorded:\n{}",
        differences.len(),
        differences.iter().take(20).cloned().collect::<Vec<_>>().join("\n")
    );
}
