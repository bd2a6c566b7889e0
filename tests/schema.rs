//! The JSON Schemas in `schema/` against what they describe: every pack in `packs/` and every
//! request of the shared cases. Another case file is one more line in `CASE_FILES`.

mod common;

use serde_json::Value;

/// A case file in `../shared/cases/` and where its requests are.
enum Requests {
    /// Each case's `request`.
    One,
    /// Each element of each case's `visits` (a year).
    Visits,
}

const CASE_FILES: &[(&str, Requests)] = &[
    ("public.json", Requests::One),
    ("additions.json", Requests::One),
    ("year.json", Requests::Visits),
];

fn validator(name: &str) -> jsonschema::Validator {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/schema/").to_string() + name;
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"));
    let schema: Value = serde_json::from_str(&text).expect("the schema is JSON");
    jsonschema::validator_for(&schema).unwrap_or_else(|e| panic!("{name} is not a valid schema: {e}"))
}

/// Every way `value` breaks the schema, as `where: what`.
fn violations(validator: &jsonschema::Validator, value: &Value) -> Vec<String> {
    validator
        .iter_errors(value)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect()
}

/// A case that expects an error need not match the schema: what it sends may be why (a region
/// code no province has is `UNKNOWN_REGION` to the engine and a pattern mismatch to the schema).
fn expects_an_error(case: &Value) -> bool {
    case["expect"].get("error").is_some()
}

#[test]
fn the_packs_match_the_pack_schema() {
    let schema = validator("pack.schema.json");
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/packs");
    let mut checked = 0;
    let mut failures = Vec::new();
    for entry in std::fs::read_dir(dir).expect("packs/") {
        let path = entry.expect("an entry").path();
        if path.extension().is_none_or(|x| x != "json") {
            continue;
        }
        let pack: Value = serde_json::from_str(&std::fs::read_to_string(&path).expect("read")).expect("JSON");
        for v in violations(&schema, &pack) {
            failures.push(format!("{}: {v}", path.display()));
        }
        checked += 1;
    }
    assert!(checked >= 3, "only {checked} packs found");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The test pack of the rule shapes (format 2) and the requests of its cases.
#[test]
fn the_shapes_test_pack_and_cases_match_the_schemas() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/cases");
    let read = |name: &str| -> Value {
        serde_json::from_str(&std::fs::read_to_string(format!("{dir}/{name}")).expect("read")).expect("JSON")
    };
    let mut failures: Vec<String> = violations(&validator("pack.schema.json"), &read("packs/shapes.json"));
    let requests = validator("request.schema.json");
    for case in read("shapes.json").as_array().expect("cases") {
        if !expects_an_error(case) {
            failures.extend(violations(&requests, &case["request"]));
        }
    }
    for case in read("shapes-year.json").as_array().expect("cases") {
        for visit in case["visits"].as_array().expect("visits") {
            failures.extend(violations(&requests, visit));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    // And it refuses a shape the reader refuses: an age band without its first age.
    let mut pack = read("packs/shapes.json");
    pack["regions"][1]["versions"][0]["diseases"]["hypertension"]["ratio"]["byTier"]["1"]["byAge"][0]
        .as_object_mut()
        .expect("a band")
        .remove("fromAge");
    assert!(!violations(&validator("pack.schema.json"), &pack).is_empty());
}

#[test]
fn the_shared_cases_match_the_request_schema() {
    let schema = validator("request.schema.json");
    let mut checked = 0;
    let mut failures = Vec::new();
    for (file, holds) in CASE_FILES {
        for case in common::load(file) {
            if expects_an_error(&case) {
                continue;
            }
            let name = case["name"].as_str().unwrap_or("?");
            let requests: Vec<&Value> = match holds {
                Requests::One => vec![&case["request"]],
                Requests::Visits => case["visits"].as_array().expect("visits").iter().collect(),
            };
            for (i, request) in requests.into_iter().enumerate() {
                assert!(request.is_object(), "{file} [{name}] has no request");
                for v in violations(&schema, request) {
                    failures.push(format!("{file} [{name}] request {i}: {v}"));
                }
                checked += 1;
            }
        }
    }
    assert!(checked >= 20, "only {checked} requests checked");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The validator does refuse: what the engine refuses as a typo or a gap, the schemas refuse too.
#[test]
fn the_schemas_refuse_what_they_should() {
    let pack: Value = serde_json::from_str(
        &std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/packs/653200-hotan.json")).expect("read"),
    )
    .expect("JSON");
    let mut typo = pack.clone();
    typo["regoins"] = serde_json::json!([]);
    assert!(!violations(&validator("pack.schema.json"), &typo).is_empty());

    let mut request = common::load("public.json")[0]["request"].clone();
    assert!(violations(&validator("request.schema.json"), &request).is_empty());
    let requests = validator("request.schema.json");
    let mut with = request.clone();
    with["insured"]["recognizedDiseases"] = serde_json::Value::Null;
    with["insured"]["recognition"] = serde_json::json!({ "hypertension": true, "diabetes": null });
    with["insured"]["termsByDisease"] = serde_json::json!({ "diabetes": { "ratio": "0.6" }, "dialysis": null });
    assert!(
        violations(&requests, &with).is_empty(),
        "{:?}",
        violations(&requests, &with)
    );
    let mut both = with.clone();
    both["insured"]["recognizedDiseases"] = serde_json::json!(["hypertension"]);
    assert!(
        !violations(&requests, &both).is_empty(),
        "recognition and recognizedDiseases together"
    );
    let mut bad = with.clone();
    // A ratio is needed only where no pack states it (the engine says so at its path), so the
    // schema takes terms without one; a ratio out of range it refuses.
    bad["insured"]["termsByDisease"]["diabetes"] = serde_json::json!({ "deductible": "100" });
    assert!(violations(&requests, &bad).is_empty(), "terms without a ratio");
    bad["insured"]["termsByDisease"]["diabetes"] = serde_json::json!({ "ratio": "1.5" });
    assert!(!violations(&requests, &bad).is_empty(), "a ratio above 1");
    bad = with;
    bad["insured"]["recognition"]["diabetes"] = serde_json::json!("yes");
    assert!(!violations(&requests, &bad).is_empty(), "true, false or null");
    request.as_object_mut().expect("an object").remove("visit");
    assert!(!violations(&requests, &request).is_empty());
}

/// The schemas' division-code pattern accepts the same first two digits as the engine's reader:
/// a prefix one side refuses (the engine: UNKNOWN_REGION or INVALID_INPUT at `insured.region`)
/// and the other accepts would send a front end one way and the engine another (the pattern once
/// left out 66, the Xinjiang Production and Construction Corps).
#[test]
fn the_code_pattern_is_the_engines() {
    use yibao_policy::wire::Wire;
    let engine = yibao_policy::Engine::with_defaults().expect("the embedded packs are valid");
    let requests = validator("request.schema.json");
    let base = common::load("public.json")[0]["request"].clone();
    for prefix in 0..100 {
        let mut request = base.clone();
        request["insured"]["region"] = Value::String(format!("{prefix:02}0000"));
        let schema_accepts = violations(&requests, &request)
            .iter()
            .all(|v| !v.starts_with("/insured/region"));
        let engine_reads = match engine.estimate_text(&request.to_string()) {
            Ok(_) => true,
            Err(e) => e.path != "insured.region",
        };
        assert_eq!(
            schema_accepts, engine_reads,
            "prefix {prefix:02}: schema {schema_accepts}, engine {engine_reads}"
        );
    }
}
