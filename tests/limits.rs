//! The size limits of README "Limits", each refused with LIMIT_EXCEEDED at its path.

use yibao_policy::limits::{MAX_ITEMS, MAX_MEMBERS, MAX_PACKS, MAX_RECOGNIZED, MAX_REQUEST_BYTES, MAX_VISITS};
mod common;

use common::REQUEST;
use yibao_policy::wire::Wire;
use yibao_policy::{Engine, ErrorCode};

fn refused(result: Result<impl std::fmt::Debug, yibao_policy::Error>, path: &str) {
    common::refused(result, ErrorCode::LimitExceeded, path);
}

/// The refusal names the limit in both languages (the messages write the limits out as text).
fn names_limit(result: Result<impl std::fmt::Debug, yibao_policy::Error>, n: usize) {
    let e = result.expect_err("over the limit");
    assert!(
        e.message.zh.contains(&format!("最多{n}")) && e.message.en.contains(&format!("at most {n}")),
        "{e:?}"
    );
}

fn engine() -> Engine {
    Engine::with_defaults().expect("defaults load")
}

#[test]
fn cost_lines_visits_and_recognised_diseases() {
    let line = r#"{"amount":"1.00","class":"A"}"#;
    let lines = vec![line; MAX_ITEMS + 1].join(",");
    refused(
        engine().estimate_text(&REQUEST.replace(r#"[{"amount":"1.00","class":"A"}]"#, &format!("[{lines}]"))),
        "items",
    );
    let ok = vec![line; MAX_ITEMS].join(",");
    assert!(engine()
        .estimate_text(&REQUEST.replace(r#"[{"amount":"1.00","class":"A"}]"#, &format!("[{ok}]")))
        .is_ok());

    let visits = vec![REQUEST; MAX_VISITS + 1].join(",");
    refused(engine().estimate_year_text(&format!("[{visits}]")), "");

    let ids = vec![r#""sle""#; MAX_RECOGNIZED + 1].join(",");
    let req = REQUEST.replace(
        r#""scheme":"employee""#,
        &format!(r#""scheme":"employee","recognizedDiseases":[{ids}]"#),
    );
    refused(engine().estimate_text(&req), "insured.recognizedDiseases");
}

#[test]
fn limit_messages_name_the_limits() {
    let line = r#"{"amount":"1.00","class":"A"}"#;
    let lines = vec![line; MAX_ITEMS + 1].join(",");
    let items = REQUEST.replace(r#"[{"amount":"1.00","class":"A"}]"#, &format!("[{lines}]"));
    names_limit(engine().estimate_text(&items), MAX_ITEMS);
    let visits = vec![REQUEST; MAX_VISITS + 1].join(",");
    names_limit(engine().estimate_year_text(&format!("[{visits}]")), MAX_VISITS);
    let ids = vec![r#""sle""#; MAX_RECOGNIZED + 1].join(",");
    let req = REQUEST.replace(
        r#""scheme":"employee""#,
        &format!(r#""scheme":"employee","recognizedDiseases":[{ids}]"#),
    );
    names_limit(engine().estimate_text(&req), MAX_RECOGNIZED);
    let terms: Vec<String> = (0..=MAX_RECOGNIZED).map(|i| format!(r#""d{i}":{{}}"#)).collect();
    let req = REQUEST.replace(
        r#""scheme":"employee""#,
        &format!(r#""scheme":"employee","termsByDisease":{{{}}}"#, terms.join(",")),
    );
    names_limit(engine().estimate_text(&req), MAX_RECOGNIZED);
    let visit = REQUEST.replace(r#""visit":{"#, &format!(r#""visit":{{{},"#, members(MAX_MEMBERS - 3)));
    names_limit(engine().estimate_text(&visit), MAX_MEMBERS);
}

#[test]
fn request_size_strings_and_nesting() {
    refused(
        engine().estimate_text(&" ".repeat(yibao_policy::limits::MAX_REQUEST_BYTES + 1)),
        "",
    );
    let long_name = REQUEST.replace(
        r#"{"amount":"1.00","class":"A"}"#,
        &format!(r#"{{"amount":"1.00","class":"A","name":"{}"}}"#, "名".repeat(201)),
    );
    refused(engine().estimate_text(&long_name), "items[0].name");
    refused(
        engine().estimate_text(&format!("{}{}", "[".repeat(100), "]".repeat(100))),
        "",
    );
}

#[test]
fn packs_per_engine_and_pack_size() {
    let texts = vec!["{}"; MAX_PACKS + 1];
    refused(Engine::from_pack_texts(&texts), "");
    names_limit(Engine::from_pack_texts(&texts), MAX_PACKS);
    refused(
        Engine::from_pack_texts(&[&" ".repeat(yibao_policy::limits::MAX_PACK_BYTES + 1)]),
        "",
    );
}

/// `n` members `"k0":0, "k1":0, …`, as object text without its braces.
fn members(n: usize) -> String {
    (0..n).map(|i| format!(r#""k{i:06}":0"#)).collect::<Vec<_>>().join(",")
}

#[test]
fn objects_of_many_members() {
    // One object of 80,000 keys, within the request size limit: refused, not read key by key.
    let huge = format!("{{{}}}", members(80_000));
    assert!(
        huge.len() > 900_000 && huge.len() <= MAX_REQUEST_BYTES,
        "{}",
        huge.len()
    );
    refused(engine().estimate_text(&huge), "");

    let visit = |n: usize| REQUEST.replace(r#""visit":{"#, &format!(r#""visit":{{{},"#, members(n)));
    refused(engine().estimate_text(&visit(MAX_MEMBERS - 3)), "visit");
    refused(
        engine().estimate_year_text(&format!("[{REQUEST},{}]", visit(MAX_MEMBERS - 3))),
        "[1].visit",
    );
    // At the limit the object is read (the visit's four fields and the members unknown to it).
    let at_limit = engine().estimate_text(&visit(MAX_MEMBERS - 4));
    assert!(
        !matches!(&at_limit, Err(e) if e.code == ErrorCode::LimitExceeded),
        "{at_limit:?}"
    );
}

#[test]
fn pack_objects_of_many_members() {
    let hotan = yibao_policy::packs::default_pack("653200-hotan.json").expect("Hotan's pack");
    assert!(hotan.contains(r#""diseases":{"#));
    let text = hotan.replace(r#""diseases":{"#, &format!(r#""diseases":{{{},"#, members(MAX_MEMBERS)));
    let err = Engine::from_pack_texts(&[&text]).expect_err("over the limit");
    let path = "regions[0].versions[0].diseases";
    assert_eq!(
        (err.code, err.path.as_str()),
        (ErrorCode::LimitExceeded, path),
        "{err:?}"
    );
    assert_eq!((err.problems[0].pack, err.problems[0].path.as_str()), (0, path));
}
