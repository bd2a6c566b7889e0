//! The default packs written from published notices (issue 22, `../shared/domain/NOTICES.md`):
//! their hand-worked cases (`tests/cases/notices.json`, the notices' own examples first) through
//! the Rust API with the embedded packs, and what every figure read in a notice must carry — its
//! source, and in that source's quote the figure as the notice writes it ("70%", "100元/人/月").

mod common;

use common::report;
use rust_decimal::Decimal;
use serde_json::Value;
use std::str::FromStr;
use yibao_policy::wire::Wire;
use yibao_policy::Engine;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn read(path: &str) -> Value {
    let text = std::fs::read_to_string(format!("{ROOT}/{path}")).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path} is not JSON: {e}"))
}

fn default_packs() -> Vec<(String, Value)> {
    let mut names: Vec<String> = std::fs::read_dir(format!("{ROOT}/packs"))
        .expect("packs/")
        .map(|e| e.expect("an entry").file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".json"))
        .collect();
    names.sort();
    names
        .into_iter()
        .map(|n| (n.clone(), read(&format!("packs/{n}"))))
        .collect()
}

#[test]
fn the_notices_cases_through_the_rust_api() {
    let engine = Engine::with_defaults().expect("the embedded packs are valid");
    let cases = read("tests/cases/notices.json");
    let cases = cases.as_array().expect("an array of cases");
    assert!(cases.len() >= 4, "{} cases", cases.len());
    report(common::estimate_cases(&engine, cases, true));
}

/// The two 南宁 examples as the notices print them: 50元 and 146.75元 (and 个人负担 153.25).
#[test]
fn the_nanning_examples_give_the_notices_figures() {
    let engine = Engine::with_defaults().expect("defaults");
    let cases = read("tests/cases/notices.json");
    let fund = |i: usize| {
        let e = engine
            .estimate_text(&cases[i]["request"].to_string())
            .expect("estimated");
        let v = serde_json::to_value(e).expect("serialize");
        (
            v["settlement"]["fundPays"].clone(),
            v["settlement"]["patientPays"].clone(),
        )
    };
    assert_eq!(fund(0).0, "50.00");
    assert_eq!(fund(1), (Value::from("146.75"), Value::from("153.25")));
}

/// Which parameters are ratios (shown as "70%", or "20个百分点" for a cut in points) and which
/// are money, by the key they stand under.
fn is_ratio(path: &[String]) -> bool {
    path.iter().any(|k| {
        matches!(
            k.as_str(),
            "ratio"
                | "reductions"
                | "unfiledReduction"
                | "factor"
                | "points"
                | "selfPayFirst"
                | "classBShare"
                | "shares"
        )
    })
}

/// The quotes of a source: every “…” (or 「…」) in it.
fn quotes(source: &str) -> Vec<&str> {
    let mut out = Vec::new();
    for (open, close) in [('“', '”'), ('「', '」')] {
        let mut rest = source;
        while let Some(start) = rest.find(open) {
            let after = &rest[start + open.len_utf8()..];
            let Some(end) = after.find(close) else { break };
            out.push(&after[..end]);
            rest = &after[end + close.len_utf8()..];
        }
    }
    out
}

/// Whether `token` stands in `text` as a number of its own (not inside a longer one).
fn has_number(text: &str, token: &str) -> bool {
    text.match_indices(token).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + token.len()..].chars().next();
        !before.is_some_and(|c| c.is_ascii_digit() || c == '.') && !after.is_some_and(|c| c.is_ascii_digit())
    })
}

/// How the notice writes a figure: a ratio as a percentage ("70%", or "20个百分点"), money as
/// its number ("100", "5500", or in 万: "30万"); a zero deductible may be written "不设", a zero cut "执行市内" (the
/// home ratio applies: 深圳's 市外转诊 "执行市内就医支付比例").
fn written(value: &str, ratio: bool) -> Vec<String> {
    let d = Decimal::from_str(value).expect("a decimal value").normalize();
    if ratio {
        let pct = (d * Decimal::from(100)).normalize().to_string();
        let mut forms = vec![format!("{pct}%"), format!("{pct}个百分点")];
        if d.is_zero() {
            forms.push("执行市内".into());
        }
        forms
    } else if d.is_zero() {
        vec!["0".into(), "不设".into()]
    } else if d >= Decimal::from(10_000) {
        // Large sums in 万 as notices write them: 100000 "10万" (大理), 300000 "30万" (武威).
        let wan = (d / Decimal::from(10_000)).normalize();
        vec![d.to_string(), format!("{wan}万")]
    } else {
        vec![d.to_string()]
    }
}

fn walk(v: &Value, path: &mut Vec<String>, out: &mut Vec<(String, bool, Value)>) {
    match v {
        Value::Object(o) => {
            if matches!(
                o.get("provenance").and_then(Value::as_str),
                Some("published" | "reposted")
            ) {
                out.push((path.join("."), is_ratio(path), v.clone()));
            }
            for (k, x) in o {
                path.push(k.clone());
                walk(x, path, out);
                path.pop();
            }
        }
        Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                path.push(i.to_string());
                walk(x, path, out);
                path.pop();
            }
        }
        _ => {}
    }
}

#[test]
fn every_published_or_reposted_figure_is_in_its_own_quote() {
    let mut failures = Vec::new();
    let mut figures = 0;
    for (name, pack) in default_packs() {
        let mut found = Vec::new();
        walk(&pack, &mut Vec::new(), &mut found);
        for (path, ratio, param) in found {
            let provenance = param["provenance"].as_str().unwrap_or_default();
            let Some(source) = param["source"].as_str() else {
                failures.push(format!("{name}: {path}: {provenance} without a source"));
                continue;
            };
            if provenance == "published" && !source.contains("http") {
                failures.push(format!("{name}: {path}: published without the address"));
            }
            if quotes(source).is_empty() {
                failures.push(format!("{name}: {path}: no quote in “…” in its source"));
            }
            let Some(value) = param.get("value").and_then(Value::as_str) else {
                continue; // a listing or a version's opening: its quote is checked above
            };
            figures += 1;
            let forms = written(value, ratio);
            let quoted = quotes(source)
                .into_iter()
                .any(|q| forms.iter().any(|f| has_number(q, f)));
            if !quoted {
                failures.push(format!(
                    "{name}: {path}: {value} (written {forms:?}) is not in its quote: {source}"
                ));
            }
        }
    }
    assert!(figures >= 100, "only {figures} published or reposted figures");
    report(failures);
}

#[test]
fn the_quote_check_can_fail() {
    assert!(has_number("统筹基金起付标准为100元/人/月", "100"));
    assert!(!has_number("统筹基金起付标准为100元/人/月", "10"));
    assert!(!has_number("支付1.5%", "5%"));
    assert_eq!(written("0.70", true)[0], "70%");
    assert!(written("0", true).contains(&"执行市内".to_string()));
    assert!(!written("0.10", true).contains(&"执行市内".to_string()));
    assert_eq!(written("0.657", true)[0], "65.7%");
    assert_eq!(written("5500", false), vec!["5500".to_string()]);
    assert!(written("300000", false).contains(&"30万".to_string()));
    assert!(!has_number("限额130万", "30万"));
    assert_eq!(quotes("a “x” b 「y」"), vec!["x", "y"]);
}

#[test]
fn every_default_pack_validates() {
    for (name, pack) in default_packs() {
        if let Err(e) = Engine::from_pack_texts(&[&pack.to_string()]) {
            panic!("{name}: {e:?}");
        }
    }
}
