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
//! of every shared case. The tables of default parameters in `rules.md` are held to `packs/*.json`
//! (figures and their (S)eed / (N)ational / (A)ssumed letters).

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

/// docs/notice-to-pack.md: its worked pack, extracted from the page, validates (schema and engine)
/// and gives the notice's own example, 50.00.
#[test]
fn the_notice_recipes_pack_validates_and_gives_the_notices_example() {
    let (failures, ran) = run_examples("notice-to-pack.md");
    report(failures);
    assert_eq!(
        (count(&ran, "pack"), count(&ran, "request"), count(&ran, "expect")),
        (1, 1, 1)
    );
    let text = page("notice-to-pack.md");
    let pack = blocks(&text)
        .into_iter()
        .find(|b| b.kind == "pack")
        .expect("the worked pack");
    let engine = Engine::from_pack_texts(&[pack.text.as_str()]).expect("it validates");
    assert_eq!(engine.packs()[0].id, "example-450100-nanning-2021");
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
        ("packs", vec![to_value(engine.packs())]),
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

// docs/rules.md's tables of the default parameters against packs/*.json, read as plain JSON: every
// figure, and the letter (S)eed, (N)ational or (A)ssumed beside it, as the packs state them.

fn pack_of_region(code: &str) -> Value {
    for entry in std::fs::read_dir(format!("{ROOT}/packs")).expect("packs/") {
        let path = entry.expect("an entry").path();
        let pack: Value = serde_json::from_str(&std::fs::read_to_string(&path).expect("read")).expect("JSON");
        if pack["regions"][0]["code"] == code {
            return pack;
        }
    }
    panic!("no pack for {code}")
}

fn places_pack() -> Value {
    let text = std::fs::read_to_string(format!("{ROOT}/packs/places.json")).expect("places.json");
    serde_json::from_str(&text).expect("JSON")
}

/// The lines under the heading that starts with `title`, up to the next heading of its level or above.
fn section<'a>(text: &'a str, title: &str) -> Vec<&'a str> {
    let mut lines = text
        .lines()
        .skip_while(|l| !(l.starts_with('#') && l.trim_start_matches('#').trim().starts_with(title)));
    let heading = lines.next().unwrap_or_else(|| panic!("no heading '{title}'"));
    let level = heading.chars().take_while(|c| *c == '#').count();
    lines
        .take_while(|l| !(l.starts_with('#') && l.chars().take_while(|c| *c == '#').count() <= level))
        .collect()
}

/// The body rows of every table in `lines`, as trimmed cells (each table's header and separator skipped).
fn rows(lines: &[&str]) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let mut in_table = 0;
    for line in lines {
        if !line.starts_with('|') {
            in_table = 0;
            continue;
        }
        in_table += 1;
        if in_table > 2 {
            let cells: Vec<&str> = line.trim().trim_matches('|').split('|').collect();
            out.push(cells.iter().map(|c| c.trim().replace('`', "")).collect());
        }
    }
    out
}

/// The leaf of a pack table for these arm keys (a `default` arm serves any other key).
fn leaf<'a>(table: &'a Value, keys: &[&str]) -> &'a Value {
    let mut node = table;
    while node.get("provenance").is_none() {
        node = keys
            .iter()
            .find_map(|k| node.get(*k))
            .or_else(|| node.get("default"))
            .unwrap_or_else(|| panic!("no arm of {keys:?} in {node}"));
    }
    node
}

fn letter(provenance: &Value) -> char {
    match provenance.as_str() {
        Some("seed") => 'S',
        Some("national") => 'N',
        Some("assumed") => 'A',
        Some("published") => 'P',
        Some("reposted") => 'R',
        other => panic!("provenance {other:?}"),
    }
}

/// `"75% (S)"` → 0.75 and `Some('S')`; `"1,200 per year (A)"` → 1200 and `Some('A')`; the first number in
/// the cell, and the letter in its last parentheses.
fn figure(cell: &str) -> (Option<Decimal>, Option<char>) {
    let digits: String = cell
        .chars()
        .skip_while(|c| !c.is_ascii_digit())
        .take_while(|c| c.is_ascii_digit() || *c == ',' || *c == '.')
        .filter(|c| *c != ',')
        .collect();
    let mut number = digits.trim_end_matches('.').parse::<Decimal>().ok();
    if cell.contains('%') {
        number = number.map(|n| n / Decimal::ONE_HUNDRED);
    }
    let tag = cell.rsplit_once('(').and_then(|(_, t)| {
        let t = t.trim_end_matches(')');
        (t.len() == 1).then(|| t.chars().next()).flatten()
    });
    (number, tag)
}

fn decimal(v: &Value) -> Option<Decimal> {
    v.as_str().and_then(|s| s.parse().ok())
}

/// The region tables of one `### … — <code>` section: each disease row's three ratios, deductible
/// and limit, and the reductions sentence.
fn check_region(lines: &[&str], code: &str, failures: &mut Vec<String>) {
    let pack = pack_of_region(code);
    let version = &pack["regions"][0]["versions"][0];
    let mut fail = |what: String| failures.push(format!("rules.md, {code}: {what}"));
    let who: [&[&str]; 3] = [
        &["employee", "working", "level3"],
        &["employee", "retired", "level3"],
        &["resident", "working", "level3"],
    ];
    let mut seen = 0;
    for row in rows(lines) {
        let Some(disease) = version["diseases"].get(&row[0]) else {
            continue;
        };
        seen += 1;
        if row.len() != 7 {
            fail(format!("row {row:?}: 7 cells expected"));
            continue;
        }
        for (i, keys) in who.iter().enumerate() {
            let (value, tag) = figure(&row[2 + i]);
            let p = leaf(&disease["ratio"], keys);
            if value != decimal(&p["value"]) || tag.is_some_and(|t| t != letter(&p["provenance"])) {
                fail(format!(
                    "{} ratio for {keys:?}: the page says {}, the pack {p}",
                    row[0],
                    row[2 + i]
                ));
            }
        }
        let group = &version["deductibles"][disease["deductible"].as_str().unwrap_or("")];
        let (amount, tag) = figure(&row[5]);
        let (stated, provenance) = match group["kind"].as_str() {
            Some("none") => (None, &group["provenance"]),
            _ => {
                let p = leaf(&group["amount"], &["employee", "working"]);
                (decimal(&p["value"]), &p["provenance"])
            }
        };
        if amount != stated || tag != Some(letter(provenance)) {
            fail(format!(
                "{} deductible: the page says {}, the pack {group}",
                row[0], row[5]
            ));
        }
        let limit = &version["limits"][disease["limit"].as_str().unwrap_or("")];
        let (amount, tag) = figure(&row[6]);
        let (period, flat) = match limit.get("annual") {
            Some(annual) => ("annual", annual),
            None => ("monthly", &limit["monthly"]),
        };
        let employee = leaf(flat, &["employee"]);
        let period_ok = row[6].contains("monthly") == (period == "monthly");
        if amount != decimal(&employee["value"]) || tag != Some(letter(&employee["provenance"])) || !period_ok {
            fail(format!("{} limit: the page says {}, the pack {limit}", row[0], row[6]));
        }
        if let Some(resident) = row[6].split("resident ").nth(1) {
            if figure(resident).0 != decimal(&leaf(flat, &["resident"])["value"]) {
                fail(format!(
                    "{} residents' limit: the page says {}, the pack {limit}",
                    row[0], row[6]
                ));
            }
        }
    }
    if seen == 0 {
        fail("no disease rows".into());
    }
    let text = lines.join(" ");
    for category in ["referral", "emergency", "other_temporary"] {
        let said = text
            .split(&format!("{category} −"))
            .nth(1)
            .and_then(|rest| figure(rest).0)
            .map(|points| points / Decimal::ONE_HUNDRED);
        if said != decimal(&version["reductions"][category]["value"]) {
            fail(format!("the {category} reduction: the page says {said:?}"));
        }
    }
    let unfiled = text
        .split("Unfiled")
        .nth(1)
        .and_then(|rest| figure(rest.split_once('−')?.1).0);
    if unfiled.map(|p| p / Decimal::ONE_HUNDRED) != decimal(&version["unfiledReduction"]["value"]) {
        fail(format!("the unfiled reduction: the page says {unfiled:?}"));
    }
}

#[test]
fn the_default_parameters_in_rules_md_are_the_packs() {
    let text = page("rules.md");
    let mut failures = Vec::new();
    check_region(&section(&text, "和田地区 Hotan"), "653200", &mut failures);
    let dongguan = section(&text, "东莞市 Dongguan");
    check_region(&dongguan, "441900", &mut failures);
    check_region(&section(&text, "汕尾市 Shanwei"), "441500", &mut failures);

    // Dongguan's chronic pool, by hospital level.
    let version = &pack_of_region("441900")["regions"][0]["versions"][0];
    let mut levels = 0;
    for row in rows(&dongguan).iter().filter(|r| r.len() == 4) {
        let keys: Vec<&str> = row[0].split(' ').collect();
        let person = match keys.as_slice() {
            ["employee", status] => ["employee", *status],
            ["resident"] => ["resident", "working"],
            _ => continue,
        };
        for (i, level) in ["level1", "level2", "level3"].iter().enumerate() {
            for disease in ["hypertension", "diabetes"] {
                let p = leaf(&version["diseases"][disease]["ratio"], &[person[0], person[1], level]);
                levels += 1;
                if figure(&row[i + 1]).0 != decimal(&p["value"]) || p["provenance"] != "assumed" {
                    failures.push(format!(
                        "rules.md, {disease} {person:?} {level}: {} against {p}",
                        row[i + 1]
                    ));
                }
            }
        }
    }
    assert_eq!(levels, 18, "the level table of Dongguan's chronic pool");

    // Treatment places: the class B shares and the sample catalogue.
    let places = places_pack();
    let provinces = places["places"]["provinces"].as_array().expect("provinces");
    let lines = section(&text, "Treatment places");
    let prose = lines.join(" ");
    let mut shares = 0;
    for piece in prose.split(" `").skip(1) {
        let Some((code, rest)) = piece.split_once("` ") else {
            continue;
        };
        let Some(province) = provinces.iter().find(|p| p["code"] == code) else {
            continue;
        };
        shares += 1;
        let share = &province["classBShare"];
        if figure(rest).0 != decimal(&share["value"]) || share["provenance"] != "assumed" {
            failures.push(format!("rules.md, {code}'s class B share: {rest:.20} against {share}"));
        }
    }
    let with_share = provinces.iter().filter(|p| p.get("classBShare").is_some()).count();
    assert_eq!(
        shares, with_share,
        "every province with a share of its own, and only those"
    );
    let catalogue = places["places"]["catalogue"].as_array().expect("catalogue");
    let table = rows(&lines);
    assert_eq!(table.len(), catalogue.len(), "the sample catalogue, item for item");
    for row in &table {
        let item = catalogue.iter().find(|i| i["code"] == row[0].as_str());
        let ok = item.is_some_and(|i| {
            i["name"]["zh"] == row[1].as_str()
                && i["class"] == row[2].as_str()
                && figure(&row[3]).0 == i.get("selfPayRatio").and_then(|s| decimal(&s["value"]))
        });
        if !ok {
            failures.push(format!("rules.md, catalogue row {row:?} against {item:?}"));
        }
    }
    report(failures);
}

/// rules.md's 广西 tables against packs/450000-guangxi.json: every figure and its letter, for
/// every prefecture's 2022 version, and 南宁's earlier version.
#[test]
fn the_guangxi_tables_in_rules_md_are_the_pack() {
    let text = page("rules.md");
    let lines = section(&text, "广西 Guangxi");
    let pack = pack_of_region("450100");
    let regions = pack["regions"].as_array().expect("regions");
    let mut failures = Vec::new();
    let mut same = |cell: &str, p: &Value, at: String| {
        let (number, tag) = figure(cell);
        if number != decimal(&p["value"]) || tag != Some(letter(&p["provenance"])) {
            failures.push(format!("rules.md, {at}: {cell} against {p}"));
        }
    };
    let (mut diseases, mut early) = (0, 0);
    for row in rows(&lines) {
        if row.len() == 9 {
            diseases += 1;
            for region in regions {
                // An entry's `code`, or its `codes` (one entry for several regions).
                let code = region
                    .get("codes")
                    .map_or_else(|| region["code"].to_string(), Value::to_string);
                let v = region["versions"]
                    .as_array()
                    .and_then(|vs| vs.iter().find(|v| v["from"] == "2022-06-01"))
                    .expect("the 2022 version");
                let d = &v["diseases"][&row[0]];
                let ded = &v["deductibles"][d["deductible"].as_str().expect("a group")]["amount"];
                let lim = &v["limits"][d["limit"].as_str().expect("a limit")]["annual"];
                let at = |what: &str| format!("{code} {} {what}", row[0]);
                same(&row[2], leaf(ded, &["resident"]), at("resident deductible"));
                same(&row[3], leaf(lim, &["resident"]), at("resident limit"));
                same(&row[4], leaf(&d["ratio"], &["resident"]), at("resident ratio"));
                same(&row[5], leaf(ded, &["employee"]), at("employee deductible"));
                same(&row[6], leaf(lim, &["employee"]), at("employee limit"));
                same(&row[7], leaf(&d["ratio"], &["employee", "working"]), at("working"));
                same(&row[8], leaf(&d["ratio"], &["employee", "retired"]), at("retired"));
            }
        } else if row.len() == 4 {
            early += 1;
            let v = &regions[0]["versions"][0];
            let keys: Vec<&str> = row[0].split(' ').collect();
            for disease in ["hypertension", "diabetes"] {
                let d = &v["diseases"][disease];
                let at = |what: &str| format!("450100 before 2022, {disease} {} {what}", row[0]);
                let ded = &v["deductibles"][d["deductible"].as_str().expect("a group")]["amount"];
                let lim = &v["limits"][d["limit"].as_str().expect("a limit")]["annual"];
                same(&row[1], leaf(ded, &keys), at("deductible"));
                same(&row[2], leaf(lim, &keys), at("limit"));
                same(&row[3], leaf(&d["ratio"], &keys), at("ratio"));
            }
        }
    }
    assert_eq!((diseases, early), (8, 3), "the 广西 tables' rows");
    let listed: Vec<&str> = regions
        .iter()
        .flat_map(|r| {
            r["codes"]
                .as_array()
                .map_or_else(|| vec![&r["code"]], |c| c.iter().collect())
        })
        .filter_map(Value::as_str)
        .collect();
    for code in &listed {
        assert!(
            lines.join(" ").contains(&format!("`{code}`")),
            "rules.md does not name {code}"
        );
    }
    assert_eq!(listed.len(), 14);
    report(failures);
}

/// docs/rules.md's national list is data/national-diseases.json: every disease with its date,
/// provenance and source, each source's date and address as the data has them, and the diseases
/// held off the list named as such.
#[test]
fn the_national_list_in_rules_md_is_the_data() {
    let text = page("rules.md");
    let path = format!("{ROOT}/data/national-diseases.json");
    let data: Value = serde_json::from_str(&std::fs::read_to_string(&path).expect("the data")).expect("JSON");
    let lines = section(&text, "The national list of diseases");
    assert!(!lines.is_empty(), "rules.md has no national list section");
    let table = rows(&lines);
    let list = data["diseases"].as_array().expect("a list");
    let mut failures = Vec::new();
    if table.len() != list.len() {
        failures.push(format!("{} rows for {} diseases", table.len(), list.len()));
    }
    for (row, d) in table.iter().zip(list) {
        let provenance = match d["provenance"].as_str() {
            Some("national") => "N",
            Some("published") => "P",
            Some("reposted") => "R",
            other => panic!("{other:?}"),
        };
        let want = [
            d["id"].as_str().unwrap_or("").to_string(),
            d["zh"].as_str().unwrap_or("").to_string(),
            d["from"].as_str().unwrap_or("").to_string(),
            provenance.to_string(),
            d["source"].as_str().unwrap_or("").to_string(),
        ];
        if row[..] != want[..] {
            failures.push(format!("{row:?} against {want:?}"));
        }
    }
    let body = lines.join(" ");
    for (key, source) in data["sources"].as_object().expect("sources") {
        for field in ["date", "address", "publisher"] {
            if let Some(v) = source[field].as_str() {
                let v = v.split(" (").next().unwrap_or(v);
                let shown = match field {
                    // "2021-09" is shown as its month.
                    "date" if v.len() == 7 => body.contains("September 2021"),
                    _ => body.contains(v),
                };
                if !shown {
                    failures.push(format!("source {key}: its {field} {v} is not shown"));
                }
            }
        }
        if !body.contains(&format!("**{key}**")) {
            failures.push(format!("source {key} is not named"));
        }
    }
    for d in data["notNational"]["diseases"].as_array().expect("a list") {
        let (zh, id) = (d["zh"].as_str().unwrap_or(""), d["id"].as_str().unwrap_or(""));
        if !body.contains(&format!("{zh} `{id}`")) || table.iter().any(|r| r[0] == id) {
            failures.push(format!("{id} is not named as not national"));
        }
    }
    report(failures);
}
