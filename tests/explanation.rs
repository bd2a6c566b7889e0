//! The explanation says each rule shape in words (issue 22): a limit shared with inpatient care
//! says that what it has used includes this year's inpatient fund payments, and how much — else
//! "已用3000元" against a disease the person never claimed for reads as a mistake. The 大理 case of
//! tests/cases/shapes.json, through the shapes test pack.

use serde_json::Value;
use yibao_policy::wire::Wire;
use yibao_policy::Engine;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn read(path: &str) -> String {
    std::fs::read_to_string(format!("{ROOT}/{path}")).unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[test]
fn a_limit_shared_with_inpatient_care_says_so_with_the_amount() {
    let engine = Engine::from_pack_texts(&[&read("tests/cases/packs/shapes.json"), &read("packs/places.json")])
        .expect("the shapes pack");
    let cases: Vec<Value> = serde_json::from_str(&read("tests/cases/shapes.json")).expect("JSON");
    let case = cases
        .iter()
        .find(|c| {
            c["name"]
                .as_str()
                .is_some_and(|n| n.contains("shared with inpatient care"))
        })
        .expect("the 大理 case");
    let paid = case["request"]["ytd"]["inpatientFundPaid"]
        .as_str()
        .expect("inpatient payments given");
    let e = engine.estimate_text(&case["request"].to_string()).expect("estimates");
    let note = e
        .trace
        .iter()
        .find(|s| s.step == "annualLimit")
        .map(|s| format!("{} | {}", s.note.zh, s.note.en))
        .expect("an annual limit step");
    assert!(
        note.contains("住院") && note.contains(paid.trim_end_matches(".00")),
        "{note}"
    );
    assert!(note.contains("inpatient"), "{note}");
}
