//! The tape reader against the old `Value` reader (`legacy.rs`): for the shared cases' requests
//! and year, as written and mutated (members deleted or given wrong types, keys written twice or
//! escaped, bad numbers, deep nesting, long lists, truncated or corrupted text), both give the
//! same request or the same error — code, path and both messages.

use super::legacy;
use crate::error::Error;
use crate::json::legacy_parse;
use crate::json::Value;
use crate::limits::{MAX_DEPTH, MAX_ITEMS, MAX_MEMBERS, MAX_RECOGNIZED, MAX_REQUEST_BYTES, MAX_YEAR_BYTES};
use crate::request::{Lines, Request};
use proptest::prelude::*;
use proptest::sample::Index;

/// A JSON document that may say what `Value` cannot write: a key twice, escapes anywhere.
#[derive(Clone, Debug)]
enum J {
    Raw(String),
    Str(String),
    Arr(Vec<J>),
    Obj(Vec<(String, J)>),
}

fn of_value(v: &Value) -> J {
    match v {
        Value::Null => J::Raw("null".into()),
        Value::Bool(b) => J::Raw(b.to_string()),
        Value::Number(n) => J::Raw(n.clone()),
        Value::String(s) => J::Str(s.clone()),
        Value::Array(a) => J::Arr(a.iter().map(of_value).collect()),
        Value::Object(m) => J::Obj(m.iter().map(|(k, v)| (k.clone(), of_value(v))).collect()),
    }
}

/// A string literal; with `escape`, every non-ASCII character and every other ASCII letter as
/// `\uXXXX` (so keys and values arrive both ways).
fn quote(s: &str, escape: bool, out: &mut String) {
    out.push('"');
    for (i, c) in s.chars().enumerate() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c if escape && (!c.is_ascii() || i % 2 == 0) => {
                let mut units = [0u16; 2];
                for u in c.encode_utf16(&mut units) {
                    out.push_str(&format!("\\u{u:04x}"));
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

fn write(j: &J, escape: bool, out: &mut String) {
    match j {
        J::Raw(r) => out.push_str(r),
        J::Str(s) => quote(s, escape, out),
        J::Arr(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write(item, escape, out);
            }
            out.push(']');
        }
        J::Obj(members) => {
            out.push_str("{ ");
            for (i, (k, v)) in members.iter().enumerate() {
                if i > 0 {
                    out.push_str(",\n");
                }
                quote(k, escape, out);
                out.push(':');
                write(v, escape, out);
            }
            out.push('}');
        }
    }
}

fn text(j: &J, escape: bool) -> String {
    let mut out = String::new();
    write(j, escape, &mut out);
    out
}

/// The shared cases' requests, and their year's visits, as documents.
fn corpus() -> (Vec<J>, Vec<J>) {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/cases");
    let read = |name: &str| -> Value {
        let text = std::fs::read_to_string(dir.join(name)).unwrap_or_default();
        legacy_parse::parse(&text).unwrap_or(Value::Null)
    };
    let mut requests = Vec::new();
    for file in ["public.json", "additions.json"] {
        for case in read(file).as_array().into_iter().flatten() {
            requests.extend(case.get("request").map(of_value));
        }
    }
    let years: Vec<J> = read("year.json")
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|case| case.get("visits").map(of_value))
        .collect();
    requests.extend(
        years
            .iter()
            .filter_map(|y| match y {
                J::Arr(visits) => Some(visits.clone()),
                _ => None,
            })
            .flatten(),
    );
    assert!(
        requests.len() >= 27 && !years.is_empty(),
        "the shared cases are missing"
    );
    (requests, years)
}

/// Every container in `j`, as the path of indexes leading to it.
fn containers(j: &J, at: &mut Vec<usize>, out: &mut Vec<Vec<usize>>) {
    let children: Vec<&J> = match j {
        J::Arr(items) => items.iter().collect(),
        J::Obj(members) => members.iter().map(|(_, v)| v).collect(),
        _ => return,
    };
    out.push(at.clone());
    for (i, c) in children.into_iter().enumerate() {
        at.push(i);
        containers(c, at, out);
        at.pop();
    }
}

fn at_path<'j>(j: &'j mut J, path: &[usize]) -> Option<&'j mut J> {
    let Some((&first, rest)) = path.split_first() else {
        return Some(j);
    };
    let child = match j {
        J::Arr(items) => items.get_mut(first)?,
        J::Obj(members) => &mut members.get_mut(first)?.1,
        _ => return None,
    };
    at_path(child, rest)
}

/// Values of every type and every kind of bad number.
const ODD: [&str; 24] = [
    "null",
    "true",
    "false",
    "0",
    "-1",
    "1.5",
    "12.345",
    "1e2",
    "1E-2",
    "1e400",
    "100000001",
    "0.00001",
    "\"\"",
    "\" \"",
    "\"NaN\"",
    "\"Infinity\"",
    "\"-Infinity\"",
    "\"1e2\"",
    "\"-0.5\"",
    "\"12.3\"",
    "[]",
    "{}",
    "[1,2]",
    "{\"amount\":\"1\"}",
];

/// One change to a document: what, where (a container, a member of it) and with what.
fn mutate(j: &mut J, what: u8, place: Index, member: Index, pick: Index) {
    let mut all = Vec::new();
    containers(j, &mut Vec::new(), &mut all);
    let Some(path) = all.get(place.index(all.len().max(1))).cloned() else {
        return;
    };
    let Some(c) = at_path(j, &path) else {
        return;
    };
    let odd = || J::Raw(ODD[pick.index(ODD.len())].to_string());
    match (c, what) {
        (J::Obj(m), 0) if !m.is_empty() => {
            m.remove(member.index(m.len()));
        }
        (J::Obj(m), 1) if !m.is_empty() => {
            let i = member.index(m.len());
            m[i].1 = odd();
        }
        (J::Obj(m), 2) if !m.is_empty() => {
            // The same key again, with the same or another value, before or after it.
            let i = member.index(m.len());
            let (k, v) = m[i].clone();
            let v = if pick.index(2) == 0 { v } else { odd() };
            m.insert(pick.index(m.len() + 1), (k, v));
        }
        (J::Obj(m), 3) => {
            let keys = [
                "zz", "Amount", "items", "insured", "visit", "ytd", "filing", "terms", "中文", "a\"b",
            ];
            m.insert(member.index(m.len() + 1), (keys[pick.index(keys.len())].into(), odd()));
        }
        (J::Obj(m), 4) if !m.is_empty() => {
            // Deep nesting around one member's value: within the limit or just past it.
            let i = member.index(m.len());
            let depth = MAX_DEPTH - 4 + pick.index(8);
            let mut v = m[i].1.clone();
            for _ in 0..depth {
                v = J::Arr(vec![v]);
            }
            m[i].1 = v;
        }
        (J::Obj(m), 5) if !m.is_empty() => {
            // A list over its limit (or an object with too many members).
            let i = member.index(m.len());
            let n = [MAX_ITEMS + 1, MAX_RECOGNIZED + 1, MAX_MEMBERS + 1][pick.index(3)];
            m[i].1 = match &m[i].1 {
                J::Obj(_) => J::Obj(
                    (0..n)
                        .map(|k| (format!("k{}", k % (n - 1)), J::Raw("1".into())))
                        .collect(),
                ),
                J::Arr(a) if !a.is_empty() => J::Arr((0..n).map(|k| a[k % a.len()].clone()).collect()),
                _ => J::Arr((0..n).map(|_| J::Str("d".into())).collect()),
            };
        }
        (J::Arr(a), 0) if !a.is_empty() => {
            a.remove(member.index(a.len()));
        }
        (J::Arr(a), 1) if !a.is_empty() => {
            let i = member.index(a.len());
            a[i] = odd();
        }
        (J::Arr(a), 2) => a.clear(),
        _ => {}
    }
}

/// Corrupt the text: cut it short, or put a byte in.
fn corrupt(text: &mut String, how: u8, at: Index, pick: Index) {
    let mut i = at.index(text.len() + 1);
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    match how {
        0 => text.truncate(i),
        1 => text.insert(
            i,
            [
                '{', '}', '[', ']', ',', ':', '"', '\\', 'x', '0', '-', '.', ' ', '\u{1}',
            ][pick.index(14)],
        ),
        _ => {}
    }
}

fn old_request(text: &str, lines: Lines) -> Result<Request, Error> {
    legacy::from_json(&legacy::parse_text(text, MAX_REQUEST_BYTES)?, lines)
}

fn old_year(text: &str) -> Result<Vec<Request>, Error> {
    legacy::read_visits(&legacy::parse_text(text, MAX_YEAR_BYTES)?)
}

fn new_year(text: &str) -> Result<Vec<Request>, Error> {
    super::read_visits(text)
}

/// Every reader of a request or a year agrees with the old one on `text`.
fn agree(text: &str) {
    for lines in [Lines::Required, Lines::Optional] {
        let old = old_request(text, lines);
        assert_eq!(super::read_request(text, lines), old, "{text}");
        // Through a parsed `Value` (the `*_json` entry points), and the `Value` parser itself.
        if let Ok(v) = legacy::parse_text(text, MAX_REQUEST_BYTES) {
            assert_eq!(Request::from_json(&v, lines), old, "{text}");
        }
    }
    assert_eq!(
        super::parse_text(text, MAX_YEAR_BYTES),
        legacy::parse_text(text, MAX_YEAR_BYTES),
        "{text}"
    );
    assert_eq!(new_year(text), old_year(text), "{text}");
    if let Ok(v) = legacy::parse_text(text, MAX_YEAR_BYTES) {
        assert_eq!(
            super::visits_from_tape(&crate::json::Tape::of_value(&v)),
            old_year(text),
            "{text}"
        );
    }
}

#[test]
fn the_cases_read_the_same_both_ways() {
    let (requests, years) = corpus();
    let mut read = 0;
    for j in requests.iter().chain(&years) {
        for escape in [false, true] {
            let t = text(j, escape);
            read += usize::from(super::read_request(&t, Lines::Required).is_ok());
            agree(&t);
        }
    }
    // Most cases are requests the engine estimates (a few expect a refusal).
    assert!(read >= requests.len(), "{read} of {} read", requests.len());
}

#[test]
fn every_member_deleted_or_retyped_reads_the_same_both_ways() {
    let (requests, _) = corpus();
    for j in requests.iter().take(6) {
        let mut all = Vec::new();
        containers(j, &mut Vec::new(), &mut all);
        for place in &all {
            for member in 0..12 {
                for (what, picks) in [(0u8, 1), (1, ODD.len()), (2, 2)] {
                    for pick in 0..picks {
                        let mut m = j.clone();
                        mutate_at(&mut m, what, place, member, pick);
                        agree(&text(&m, false));
                    }
                }
            }
        }
    }
}

/// `mutate` with exact positions (the exhaustive test).
fn mutate_at(j: &mut J, what: u8, path: &[usize], member: usize, pick: usize) {
    let Some(c) = at_path(j, path) else {
        return;
    };
    let odd = || J::Raw(ODD[pick % ODD.len()].to_string());
    match c {
        J::Obj(m) if member < m.len() => match what {
            0 => {
                m.remove(member);
            }
            1 => m[member].1 = odd(),
            _ => {
                let (k, v) = m[member].clone();
                m.push((k, if pick == 0 { v } else { odd() }));
            }
        },
        J::Arr(a) if member < a.len() => match what {
            0 => {
                a.remove(member);
            }
            1 => a[member] = odd(),
            _ => a.push(a[member].clone()),
        },
        _ => {}
    }
}

#[test]
fn every_cut_of_a_request_reads_the_same_both_ways() {
    let (requests, years) = corpus();
    for j in requests.iter().take(3).chain(years.iter().take(1)) {
        let t = text(j, true);
        for i in (0..=t.len()).filter(|&i| t.is_char_boundary(i)) {
            agree(&t[..i]);
        }
    }
}

// The packs' JSON is embedded only with the `maintainer` feature.
#[cfg(feature = "maintainer")]
#[test]
fn the_value_parser_gives_the_same_packs() {
    for (_, pack) in crate::policy::DEFAULT_PACKS {
        assert_eq!(crate::json::parse(pack), legacy_parse::parse(pack));
        let value = crate::json::parse(pack).unwrap_or(Value::Null);
        assert_ne!(value, Value::Object(crate::json::Map::new()));
        for cut in [pack.len() / 3, pack.len() / 2, pack.len() - 1] {
            if let Some(head) = pack.get(..cut) {
                assert_eq!(crate::json::parse(head), legacy_parse::parse(head));
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1500))]

    #[test]
    fn mutated_requests_read_the_same_both_ways(
        base in any::<Index>(),
        year in any::<bool>(),
        changes in prop::collection::vec((0u8..6, any::<Index>(), any::<Index>(), any::<Index>()), 0..4),
        escape in any::<bool>(),
        damage in (0u8..4, any::<Index>(), any::<Index>()),
    ) {
        let (requests, years) = corpus_cached();
        let pool = if year { years } else { requests };
        let mut j = pool[base.index(pool.len())].clone();
        for (what, place, member, pick) in changes {
            mutate(&mut j, what, place, member, pick);
        }
        let mut t = text(&j, escape);
        corrupt(&mut t, damage.0, damage.1, damage.2);
        agree(&t);
    }
}

fn corpus_cached() -> (&'static [J], &'static [J]) {
    static CORPUS: std::sync::OnceLock<(Vec<J>, Vec<J>)> = std::sync::OnceLock::new();
    let (r, y) = CORPUS.get_or_init(corpus);
    (r, y)
}

/// ONE-SHOT: records `tests/data/reader-corpus.jsonl` from the old reader (`legacy.rs`), checking
/// on the way that today's tape reader agrees. Run once, before the old reader was deleted:
/// `cargo test --lib record_the_reader_corpus -- --ignored`. It must never be run again (the old
/// reader is gone with this file): a corpus written from the reader it checks could not fail.
#[test]
#[ignore]
fn record_the_reader_corpus() {
    use serde_json::json;
    fn outcome<T: serde::Serialize>(r: Result<T, Error>) -> serde_json::Value {
        match r {
            Ok(v) => json!({ "ok": serde_json::to_value(v).unwrap_or_default() }),
            Err(e) => json!({ "error": serde_json::to_value(e).unwrap_or_default() }),
        }
    }
    // proptest's deterministic runner (a fixed seed) in place of random cases.
    use proptest::strategy::{Strategy, ValueTree};
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let mut draw = |n: usize| -> Index {
        let _ = n;
        any::<Index>()
            .new_tree(&mut runner)
            .map(|t| t.current())
            .expect("an index")
    };
    let (requests, years) = corpus();
    let mut texts: Vec<String> = Vec::new();
    for j in requests.iter().chain(&years) {
        for escape in [false, true] {
            texts.push(text(j, escape));
        }
    }
    for j in requests.iter().take(1) {
        let mut all = Vec::new();
        containers(j, &mut Vec::new(), &mut all);
        for place in &all {
            for member in 0..12 {
                for (what, picks) in [(0u8, 1), (1, ODD.len()), (2, 2)] {
                    for pick in (0..picks).step_by(2) {
                        let mut m = j.clone();
                        mutate_at(&mut m, what, place, member, pick);
                        texts.push(text(&m, false));
                    }
                }
            }
        }
    }
    for j in requests.iter().take(1).chain(years.iter().take(1)) {
        let t = text(j, true);
        for i in (0..=t.len()).step_by(13).filter(|&i| t.is_char_boundary(i)) {
            texts.push(t[..i].to_string());
        }
    }
    for _ in 0..450 {
        let year = draw(0).index(8) == 0;
        let pool = if year { &years } else { &requests };
        let mut j = pool[draw(0).index(pool.len())].clone();
        for _ in 0..draw(0).index(4) {
            let what = draw(0).index(6) as u8;
            let (place, member, pick) = (draw(0), draw(0), draw(0));
            mutate(&mut j, what, place, member, pick);
        }
        let mut t = text(&j, draw(0).index(2) == 0);
        let (how, at, pick) = (draw(0).index(4) as u8, draw(0), draw(0));
        corrupt(&mut t, how, at, pick);
        texts.push(t);
    }
    let mut seen = std::collections::HashSet::new();
    texts.retain(|t| seen.insert(t.clone()));
    // Long lists and deep nesting make long texts: a dozen of them cover the limits.
    let mut long = 0;
    texts.retain(|t| {
        long += usize::from(t.len() > 12_000);
        t.len() <= 12_000 || long <= 12
    });
    let mut out = String::new();
    for t in &texts {
        agree(t);
        let required = outcome(old_request(t, Lines::Required));
        let optional = outcome(old_request(t, Lines::Optional));
        let mut line = json!({ "text": t, "required": required });
        if optional != line["required"] {
            line["optional"] = optional;
        }
        line["year"] = outcome(old_year(t));
        out.push_str(&line.to_string());
        out.push('\n');
    }
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/reader-corpus.jsonl");
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, out).unwrap();
    eprintln!("{} inputs recorded in {}", texts.len(), path.display());
}
