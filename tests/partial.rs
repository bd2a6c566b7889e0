//! A pack that lists a disease and states only some of its parameters, leaving the others to
//! the person's terms (`"ratio": "terms"`, `"deductible": "terms"`, `"limit": "terms"`,
//! docs/pack-format.md "Parameters left to the person"). The pack is 汕尾's default pack with
//! diabetes's deductible and limit (or its ratio) left to the person; figures worked by hand.

use serde_json::{json, Value};
use yibao_policy::wire::Wire;
use yibao_policy::Engine;

fn shanwei() -> Value {
    let text = yibao_policy::packs::default_pack("441500-shanwei.json").expect("汕尾's pack");
    serde_json::from_str(text).expect("JSON")
}

/// 汕尾 with diabetes's listed parameters replaced: `ratio`, `deductible`, `limit`.
fn partial(ratio: Value, deductible: &str, limit: &str) -> Engine {
    let mut pack = shanwei();
    let d = &mut pack["regions"][0]["versions"][0]["diseases"]["diabetes"];
    d["ratio"] = ratio;
    d["deductible"] = json!(deductible);
    d["limit"] = json!(limit);
    Engine::from_pack_texts(&[&pack.to_string()]).expect("the pack loads")
}

/// An employee of 汕尾 filed long-term in 湖南 (no cut), 1000.00 of class A for diabetes.
fn request(terms: Option<Value>) -> Value {
    let mut r = json!({
        "insured": { "region": "441500", "scheme": "employee", "status": "working" },
        "filing": { "category": "long_term_resident", "place": "430000", "start": "2025-01-01" },
        "visit": { "date": "2025-06-10", "place": "430100", "hospitalLevel": 3, "disease": "diabetes" },
        "items": [{ "amount": "1000.00", "class": "A" }]
    });
    if let Some(terms) = terms {
        r["insured"]["terms"] = terms;
    }
    r
}

fn estimate(engine: &Engine, request: &Value) -> Value {
    let e = engine.estimate_text(&request.to_string()).expect("estimates");
    serde_json::to_value(e).expect("serialize")
}

fn warnings(e: &Value) -> Vec<(String, String)> {
    e["eligibility"]["warnings"]
        .as_array()
        .expect("warnings")
        .iter()
        .map(|w| {
            (
                w["code"].as_str().unwrap_or("").to_string(),
                w["path"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect()
}

fn check(e: &Value, code: &str) -> Value {
    e["eligibility"]["checks"]
        .as_array()
        .expect("checks")
        .iter()
        .find(|c| c["code"] == code)
        .expect("the check")["status"]
        .clone()
}

fn step<'a>(e: &'a Value, name: &str) -> &'a Value {
    e["trace"]
        .as_array()
        .expect("trace")
        .iter()
        .find(|s| s["step"] == name)
        .unwrap_or_else(|| panic!("a {name} step"))
}

#[test]
fn the_pack_states_the_ratio_and_the_person_the_deductible_and_limit() {
    let engine = partial(
        json!({ "employee": { "value": "0.70", "provenance": "assumed" }, "resident": { "value": "0.60", "provenance": "assumed" } }),
        "terms",
        "terms",
    );
    // (1000.00 − 200) × 70% = 560.00, above the person's limit 500: the fund pays 500.00.
    let e = estimate(
        &engine,
        &request(Some(json!({ "deductible": "200", "annualLimit": "500" }))),
    );
    assert_eq!(check(&e, "DISEASE_COVERED"), "pass");
    let s = &e["settlement"];
    assert_eq!(
        (
            &s["deductible"],
            &s["ratio"],
            &s["fundBeforeCap"],
            &s["fundPays"],
            &s["patientPays"]
        ),
        (
            &json!("200.00"),
            &json!("0.7"),
            &json!("560.00"),
            &json!("500.00"),
            &json!("500.00")
        )
    );
    assert_eq!(step(&e, "baseRatio")["provenance"], "assumed");
    assert_eq!(step(&e, "deductible")["provenance"], "user");
    assert_eq!(step(&e, "annualLimit")["provenance"], "user");
    assert!(!warnings(&e)
        .iter()
        .any(|(c, _)| c == "TERMS_IGNORED" || c == "TERMS_NEEDED"));
    // Counted per disease, as the person's own.
    assert_eq!(e["ytdAfter"]["fundPaid"], "500.00");

    // No terms: the checks, no amounts, and which terms are needed.
    let e = estimate(&engine, &request(None));
    assert_eq!(e["settlement"], Value::Null);
    assert!(warnings(&e).contains(&("TERMS_NEEDED".to_string(), "insured.terms".to_string())));
    let message = e["eligibility"]["warnings"]
        .as_array()
        .and_then(|w| w.iter().find(|w| w["code"] == "TERMS_NEEDED"))
        .expect("TERMS_NEEDED")["message"]["zh"]
        .as_str()
        .expect("zh")
        .to_string();
    assert!(message.contains("起付线、年度支付限额"), "{message}");

    // Terms without either: none assumed, each warned; the ratio is not asked (the pack's).
    let e = estimate(&engine, &request(Some(json!({}))));
    assert_eq!(e["settlement"]["fundPays"], "700.00");
    assert_eq!(e["settlement"]["bound"], "atMost");
    let w = warnings(&e);
    assert!(
        w.contains(&("TERMS_ASSUMED".to_string(), "insured.terms.deductible".to_string())),
        "{w:?}"
    );
    assert!(
        w.contains(&("TERMS_ASSUMED".to_string(), "insured.terms.annualLimit".to_string())),
        "{w:?}"
    );
}

#[test]
fn the_person_gives_the_ratio_the_pack_cuts_it() {
    // The ratio left to the person; 汕尾's shared limit (4000) and no deductible stand.
    let engine = partial(json!("terms"), "none", "two_diseases");
    let mut r = request(Some(json!({ "ratio": "0.65" })));
    // Another temporary trip: 汕尾's cut (20 points, assumed) on the person's 65%: 45%.
    r["filing"] = json!({ "category": "other_temporary", "place": "430000", "start": "2025-01-01" });
    let e = estimate(&engine, &r);
    let s = &e["settlement"];
    assert_eq!((&s["ratio"], &s["fundPays"]), (&json!("0.45"), &json!("450.00")));
    assert_eq!(step(&e, "baseRatio")["provenance"], "user");
    assert_eq!(s["capRemaining"], "4000.00");
    // A ratio the pack leaves to the person is required once terms are given.
    let err = engine
        .estimate_text(&request(Some(json!({ "deductible": "0" }))).to_string())
        .expect_err("refused");
    assert_eq!(err.path, "insured.terms.ratio");
    // The listing says what to ask.
    let listed = engine.diseases("441500", "2025-06-10").expect("listed");
    let diabetes = listed.iter().find(|d| d.id == "diabetes").expect("diabetes");
    assert_eq!(diabetes.terms, ["ratio"]);
    let hypertension = listed.iter().find(|d| d.id == "hypertension").expect("hypertension");
    assert!(hypertension.terms.is_empty());
}

#[test]
fn terms_is_reserved_and_whole() {
    let refused = |edit: &dyn Fn(&mut Value), want: &str| {
        let mut pack = shanwei();
        edit(&mut pack["regions"][0]["versions"][0]);
        let err = Engine::from_pack_texts(&[&pack.to_string()]).expect_err("refused");
        let paths: Vec<String> = err.problems.iter().map(|p| p.path.clone()).collect();
        assert!(paths.iter().any(|p| p == want), "{want} not in {paths:?}");
    };
    // A group called `terms` would make `"deductible": "terms"` ambiguous.
    refused(
        &|v| v["deductibles"]["terms"] = v["deductibles"]["none"].clone(),
        "regions[0].versions[0].deductibles.terms",
    );
    refused(
        &|v| v["limits"]["terms"] = v["limits"]["two_diseases"].clone(),
        "regions[0].versions[0].limits.terms",
    );
    // A long-term filer's cut is 0 by national rule: not the person's to give.
    refused(
        &|v| v["reductions"]["retired_relocated"] = json!("terms"),
        "regions[0].versions[0].reductions.retired_relocated",
    );
    // "terms" stands for the whole ratio, never for one arm of a table.
    refused(
        &|v| v["diseases"]["diabetes"]["ratio"]["resident"] = json!("terms"),
        "regions[0].versions[0].diseases.diabetes.ratio.resident",
    );
}

#[test]
fn a_cut_left_to_the_person_is_theirs_within_the_ceiling() {
    let mut pack = shanwei();
    let v = &mut pack["regions"][0]["versions"][0];
    v["reductions"]["other_temporary"] = json!("terms");
    v["unfiledReduction"] = json!("terms");
    let engine = Engine::from_pack_texts(&[&pack.to_string()]).expect("the pack loads");
    // 汕尾's diabetes, employee 70% (the pack's), 1000.00 A; another temporary trip.
    let mut r = request(Some(json!({ "reduction": "0.05" })));
    r["filing"] = json!({ "category": "other_temporary", "place": "430000", "start": "2025-01-01" });
    // The person's 5 points: 65%, 650.00.
    let e = estimate(&engine, &r);
    assert_eq!(
        (&e["settlement"]["ratio"], &e["settlement"]["fundPays"]),
        (&json!("0.65"), &json!("650.00"))
    );
    assert_eq!(step(&e, "reduction")["provenance"], "user");
    // Above the national ceiling (20 points): the ceiling, 50%.
    r["insured"]["terms"] = json!({ "reduction": "0.30" });
    assert_eq!(estimate(&engine, &r)["settlement"]["fundPays"], "500.00");
    // None given: the ceiling, assumed and warned.
    r["insured"].as_object_mut().expect("insured").remove("terms");
    let e = estimate(&engine, &r);
    assert_eq!(e["settlement"]["fundPays"], "500.00");
    assert!(warnings(&e).contains(&(
        "TERMS_REDUCTION_ASSUMED".to_string(),
        "insured.terms.reduction".to_string()
    )));
    // No filing: the person's unfiled cut, 15 points: 55%.
    r["filing"] = Value::Null;
    r["insured"]["terms"] = json!({ "unfiledReduction": "0.15" });
    let e = estimate(&engine, &r);
    assert_eq!(
        (&e["mode"], &e["settlement"]["fundPays"]),
        (&json!("manual"), &json!("550.00"))
    );
    assert!(
        !warnings(&e).iter().any(|(c, _)| c == "TERMS_IGNORED"),
        "{:?}",
        warnings(&e)
    );
}

/// A 石家庄 employee (or resident) filed long-term in 湖南, treated for cancer: 石家庄's pack states
/// the ratio (90%, residents 80%) and "no deductible", and leaves the limit to the person.
fn shijiazhuang_cancer(scheme: &str, terms: Value) -> Value {
    json!({
        "insured": { "region": "130100", "scheme": scheme, "status": "working", "recognizedDiseases": ["cancer_outpatient"], "terms": terms },
        "filing": { "category": "long_term_resident", "place": "430000", "start": "2025-01-01" },
        "visit": { "date": "2025-06-10", "place": "430100", "hospitalLevel": 3, "disease": "cancer_outpatient" },
        "items": [{ "amount": "1000.00", "class": "A" }]
    })
}

#[test]
fn a_term_the_pack_states_is_ignored_at_its_own_path() {
    let engine = Engine::with_defaults().expect("the embedded packs are valid");
    let ignored = |e: &Value| -> Vec<String> {
        warnings(e)
            .into_iter()
            .filter(|(c, _)| c == "TERMS_IGNORED")
            .map(|(_, p)| p)
            .collect()
    };
    // The ratio typed: the pack's is used, and the warning names the ratio.
    for (scheme, ratio) in [("employee", "0.9"), ("resident", "0.8")] {
        let e = estimate(
            &engine,
            &shijiazhuang_cancer(scheme, json!({ "ratio": "0.5", "annualLimit": "300" })),
        );
        assert_eq!(ignored(&e), ["insured.terms.ratio"]);
        assert_eq!(e["settlement"]["ratio"], ratio);
        assert_eq!(e["settlement"]["fundPays"], "300.00");
        let w = e["eligibility"]["warnings"]
            .as_array()
            .and_then(|w| w.iter().find(|w| w["code"] == "TERMS_IGNORED"))
            .expect("TERMS_IGNORED");
        assert!(
            w["message"]["zh"].as_str().is_some_and(|m| m.contains("支付比例")),
            "{w}"
        );
        assert!(w["message"]["en"].as_str().is_some_and(|m| m.contains("ratio")), "{w}");
    }
    // Only the fields the pack leaves (the limit; a temporary visitor's reduction): none.
    let e = estimate(
        &engine,
        &shijiazhuang_cancer("employee", json!({ "annualLimit": null })),
    );
    assert_eq!(ignored(&e), Vec::<String>::new());
    assert_eq!(e["settlement"]["fundPays"], "900.00");
    let mut temporary = shijiazhuang_cancer("employee", json!({ "annualLimit": "5000", "reduction": "0.1" }));
    temporary["filing"]["category"] = json!("other_temporary");
    let e = estimate(&engine, &temporary);
    assert_eq!(ignored(&e), Vec::<String>::new());
    assert_eq!(e["settlement"]["ratio"], "0.8");
    // The deductible (stated: none), and a long-term filer's reduction (stated: 0), each at its
    // path; null is not a figure, except for the limit ("no limit").
    let e = estimate(
        &engine,
        &shijiazhuang_cancer(
            "employee",
            json!({ "ratio": null, "deductible": "100", "reduction": "0.1", "unfiledReduction": "0.2" }),
        ),
    );
    assert_eq!(ignored(&e), ["insured.terms.deductible", "insured.terms.reduction"]);
    assert_eq!(e["settlement"]["deductible"], "0.00");
    assert_eq!(e["settlement"]["ratio"], "0.9");
    // termsByDisease: at its own path.
    let mut by_disease = shijiazhuang_cancer("employee", json!(null));
    by_disease["insured"]["termsByDisease"] = json!({ "cancer_outpatient": { "ratio": "0.5" } });
    let e = estimate(&engine, &by_disease);
    assert_eq!(ignored(&e), ["insured.termsByDisease.cancer_outpatient.ratio"]);
}

#[test]
fn terms_read_for_the_cut_alone_name_the_rest_ignored() {
    // 汕尾 prices diabetes in full and leaves the unfiled cut to the person.
    let mut pack = shanwei();
    pack["regions"][0]["versions"][0]["unfiledReduction"] = json!("terms");
    let engine = Engine::from_pack_texts(&[&pack.to_string()]).expect("the pack loads");
    let mut r = request(Some(json!({ "ratio": "0.5", "unfiledReduction": "0.1" })));
    r.as_object_mut().expect("object").remove("filing");
    let e = estimate(&engine, &r);
    let w = warnings(&e);
    assert!(
        w.contains(&("TERMS_IGNORED".to_string(), "insured.terms.ratio".to_string())),
        "{w:?}"
    );
    assert!(
        !w.contains(&("TERMS_IGNORED".to_string(), "insured.terms".to_string())),
        "{w:?}"
    );
    assert!(!w.iter().any(|(_, p)| p == "insured.terms.unfiledReduction"), "{w:?}");
}
