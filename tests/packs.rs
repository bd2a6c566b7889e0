//! Pack validation: plant each kind of defect in a copy of a default pack and assert that it is
//! reported as INVALID_POLICY at its exact path — alongside every other problem, not only the first.

use serde_json::{json, Value};
use yibao_policy::packs::DEFAULT_PACKS;
use yibao_policy::wire::{read_manifest, Wire};
use yibao_policy::{Engine, ErrorCode, Problem};

fn pack(name: &str) -> Value {
    let (_, text) = DEFAULT_PACKS
        .iter()
        .find(|(n, _)| n.contains(name))
        .expect("a default pack");
    serde_json::from_str(text).expect("default packs are JSON")
}

/// Replace the value at a JSON pointer, creating the last key if needed.
fn set(v: &mut Value, pointer: &str, new: Value) {
    let (parent, key) = pointer.rsplit_once('/').expect("a pointer");
    let target = v.pointer_mut(parent).unwrap_or_else(|| panic!("no {parent}"));
    match target {
        Value::Object(map) => {
            map.insert(key.to_string(), new);
        }
        Value::Array(list) => list[key.parse::<usize>().expect("an index")] = new,
        _ => panic!("{parent} is not a container"),
    }
}

fn remove(v: &mut Value, pointer: &str) {
    let (parent, key) = pointer.rsplit_once('/').expect("a pointer");
    v.pointer_mut(parent)
        .and_then(Value::as_object_mut)
        .expect("an object")
        .shift_remove(key);
}

/// The engine reads its own JSON value type; tests build packs with serde_json's `json!`.
fn ours(packs: &[Value]) -> Vec<yibao_policy::json::Value> {
    packs
        .iter()
        .map(|p| yibao_policy::json::parse(&p.to_string()).expect("valid JSON"))
        .collect()
}

fn from_packs(packs: &[Value]) -> Result<Engine, yibao_policy::Error> {
    Engine::from_packs(&ours(packs))
}

fn pinned(packs: &[Value], manifest: &Value) -> Result<Engine, yibao_policy::Error> {
    Engine::from_packs_pinned(&ours(packs), &read_manifest(&ours(std::slice::from_ref(manifest))[0])?)
}

fn problems(packs: &[Value]) -> Vec<Problem> {
    let err = from_packs(packs).expect_err("the planted defect is refused");
    assert_eq!(err.code, ErrorCode::InvalidPolicy);
    assert!(!err.problems.is_empty());
    assert_eq!(err.path, err.problems[0].path, "the error names its first problem");
    for p in &err.problems {
        assert!(!p.message.zh.is_empty() && !p.message.en.is_empty(), "{p:?}");
    }
    err.problems
}

fn assert_reported(packs: &[Value], pack_index: usize, path: &str) {
    let found = problems(packs);
    assert!(
        found.iter().any(|p| p.pack == pack_index && p.path == path),
        "expected a problem at pack {pack_index} {path}, got {found:#?}"
    );
}

const V0: &str = "/regions/0/versions/0";
const AT: &str = "regions[0].versions[0]";

#[test]
fn the_default_packs_are_valid() {
    let packs: Vec<Value> = ["hotan", "dongguan", "places"].iter().map(|n| pack(n)).collect();
    let engine = from_packs(&packs).expect("valid");
    assert_eq!(engine.regions().len(), 2);
}

#[test]
fn a_ratio_above_one_is_reported_at_the_parameter() {
    let mut p = pack("hotan");
    set(&mut p, &format!("{V0}/diseases/sle/ratio/resident/value"), json!("1.5"));
    assert_reported(&[p], 0, &format!("{AT}.diseases.sle.ratio.resident"));
}

#[test]
fn a_negative_amount_is_reported() {
    let mut p = pack("hotan");
    set(&mut p, &format!("{V0}/limits/sle/annual/value"), json!(-1));
    assert_reported(&[p], 0, &format!("{AT}.limits.sle.annual"));
}

#[test]
fn versions_must_strictly_increase() {
    let mut p = pack("hotan");
    let mut earlier = p.pointer(V0).expect("a version").clone();
    set(&mut earlier, "/from", json!("2024-06-01"));
    p.pointer_mut("/regions/0/versions")
        .and_then(Value::as_array_mut)
        .expect("versions")
        .push(earlier);
    assert_reported(&[p], 0, "regions[0].versions[1].from");
}

#[test]
fn references_must_exist() {
    let mut p = pack("dongguan");
    set(
        &mut p,
        &format!("{V0}/diseases/diabetes/deductible"),
        json!("no_such_group"),
    );
    set(&mut p, &format!("{V0}/diseases/diabetes/limit"), json!("no_such_pool"));
    let found = problems(&[p]);
    for path in ["deductible", "limit"] {
        let want = format!("{AT}.diseases.diabetes.{path}");
        assert!(found.iter().any(|p| p.path == want), "{want} in {found:#?}");
    }
}

#[test]
fn reductions_are_held_to_the_national_ceilings() {
    for (category, too_much, fine) in [
        ("referral", "0.11", "0.10"),
        ("emergency", "0.15", "0.10"),
        ("other_temporary", "0.21", "0.20"),
    ] {
        let mut p = pack("hotan");
        set(&mut p, &format!("{V0}/reductions/{category}/value"), json!(too_much));
        assert_reported(&[p.clone()], 0, &format!("{AT}.reductions.{category}"));
        set(&mut p, &format!("{V0}/reductions/{category}/value"), json!(fine));
        assert!(from_packs(&[p]).is_ok(), "{category} at {fine} is within the ceiling");
    }
}

#[test]
fn every_number_needs_its_provenance() {
    let mut p = pack("hotan");
    remove(&mut p, &format!("{V0}/limits/dialysis/annual/provenance"));
    set(&mut p, &format!("{V0}/unfiledReduction/provenance"), json!("guessed"));
    let found = problems(&[p]);
    for want in [
        format!("{AT}.limits.dialysis.annual.provenance"),
        format!("{AT}.unfiledReduction.provenance"),
    ] {
        assert!(found.iter().any(|p| p.path == want), "{want} in {found:#?}");
    }
}

#[test]
fn a_table_must_cover_everyone() {
    let mut p = pack("hotan");
    remove(&mut p, &format!("{V0}/diseases/sle/ratio/resident"));
    assert_reported(&[p], 0, &format!("{AT}.diseases.sle.ratio"));
    let mut p = pack("dongguan");
    set(
        &mut p,
        &format!("{V0}/overallCeiling/level1"),
        json!({ "value": "1", "provenance": "assumed" }),
    );
    assert_reported(&[p], 0, &format!("{AT}.overallCeiling.level1"));
}

#[test]
fn typos_and_bad_ids_are_reported() {
    let mut p = pack("hotan");
    set(
        &mut p,
        &format!("{V0}/unfiledReduciton"),
        json!({ "value": "0.2", "provenance": "assumed" }),
    );
    set(&mut p, &format!("{V0}/diseases/Bad-Id"), json!({}));
    let found = problems(&[p]);
    for want in [format!("{AT}.unfiledReduciton"), format!("{AT}.diseases.Bad-Id")] {
        assert!(found.iter().any(|p| p.path == want), "{want} in {found:#?}");
    }
}

#[test]
fn every_problem_is_reported_not_only_the_first() {
    let mut p = pack("hotan");
    set(&mut p, &format!("{V0}/diseases/sle/ratio/resident/value"), json!(2));
    set(&mut p, &format!("{V0}/limits/sle/annual/value"), json!("abc"));
    set(&mut p, &format!("{V0}/reductions/referral/value"), json!("0.5"));
    set(&mut p, "/regions/0/code", json!("12345"));
    let found = problems(&[p]);
    assert!(found.len() >= 4, "{found:#?}");
}

#[test]
fn a_key_written_twice_is_reported_with_every_other_problem() {
    let mut hotan = pack("hotan");
    set(
        &mut hotan,
        "/regions/0/versions/0/diseases/sle/ratio/resident/value",
        json!("1.5"),
    );
    // serde_json keeps one value per key, so the repeated keys are written into the text.
    let text = hotan
        .to_string()
        .replacen(r#""version":"#, r#""version":"2025.0","version":"#, 1)
        .replacen(r#""provenance":"#, r#""provenance":"seed","provenance":"#, 1);
    let want = [
        "version",
        "regions[0].versions[0].provenance",
        "regions[0].versions[0].diseases.sle.ratio.resident",
    ];
    for err in [
        Engine::from_pack_texts(&[&text]).expect_err("refused"),
        Engine::from_packs(&[yibao_policy::json::parse(&text).unwrap()]).expect_err("refused"),
    ] {
        assert_eq!(err.code, ErrorCode::InvalidPolicy);
        let paths: Vec<&str> = err.problems.iter().map(|p| p.path.as_str()).collect();
        for path in want {
            assert!(paths.contains(&path), "{path} not in {paths:?}");
        }
    }
}

#[test]
fn packs_may_not_define_a_region_twice() {
    let hotan = pack("hotan");
    assert_reported(&[hotan.clone(), hotan], 1, "regions[0].code");
}

#[test]
fn treatment_places_are_checked_too() {
    let mut p = pack("places");
    set(
        &mut p,
        "/places/provinces/0/cities",
        json!([{ "code": "440100", "name": { "zh": "广州市", "en": "Guangzhou" } }]),
    );
    set(
        &mut p,
        "/places/provinces/3/classBShare",
        json!({ "value": "1.2", "provenance": "assumed" }),
    );
    set(&mut p, "/places/catalogue/0/class", json!("D"));
    let found = problems(&[p]);
    for want in [
        "places.provinces[0].cities[0].code",
        "places.provinces[3].classBShare",
        "places.catalogue[0].class",
    ] {
        assert!(found.iter().any(|p| p.path == want), "{want} in {found:#?}");
    }
}

#[test]
fn a_pack_must_say_its_format_and_be_json() {
    let mut p = pack("hotan");
    set(&mut p, "/format", json!("yibao-policy-pack/9"));
    assert_reported(&[p], 0, "format");
    let err = Engine::from_pack_texts(&["{ not json"]).expect_err("not JSON");
    assert_eq!(err.code, ErrorCode::InvalidPolicy);
}

#[test]
fn an_edited_pack_changes_the_estimate_without_a_rebuild() {
    let mut p = pack("hotan");
    set(
        &mut p,
        &format!("{V0}/diseases/cancer_outpatient/ratio/value"),
        json!("0.8"),
    );
    let engine = from_packs(&[p]).expect("valid");
    let req = json!({
        "insured": { "region": "653200", "scheme": "employee" },
        "filing": { "category": "stationed_worker", "place": "441900", "start": "2025-01-01" },
        "visit": { "date": "2025-06-10", "place": "441900", "hospitalLevel": 3, "disease": "cancer_outpatient" },
        "items": [{ "amount": "10000.00", "class": "A" }]
    });
    let e = engine.estimate_text(&req.to_string()).expect("estimates");
    assert_eq!(e.settlement.as_ref().expect("amounts").fund_pays.text(), "8000.00");
    // Treatment-place data falls back to the embedded default when no pack carries it.
    assert_eq!(engine.places().len(), 31);
}

#[test]
fn a_pinned_manifest_refuses_a_tampered_pack() {
    let original = pack("hotan");
    let digest = yibao_policy::packs::digest(&ours(std::slice::from_ref(&original))[0]);
    assert!(digest.starts_with("sha256:") && digest.len() == 71);
    let manifest = json!({ "cn-653200-hotan": digest });
    // The same pack, re-indented or with 0.75 written as a number, has the same digest.
    let reformatted: Value = serde_json::from_str(&serde_json::to_string(&original).unwrap()).unwrap();
    assert!(pinned(&[reformatted], &manifest).is_ok());

    let mut tampered = original.clone();
    set(
        &mut tampered,
        &format!("{V0}/diseases/cancer_outpatient/ratio/value"),
        json!("0.95"),
    );
    let err = pinned(&[tampered], &manifest).expect_err("refused");
    assert_eq!(err.code, ErrorCode::InvalidPolicy);
    assert!(err.problems[0].message.en.contains("tampered"), "{err:?}");

    let err = pinned(&[pack("dongguan")], &manifest).expect_err("not listed");
    assert!(err.problems[0].message.en.contains("not in the pinned manifest"));
    let err = pinned(&[original], &json!({ "x": "md5:abc" })).expect_err("bad manifest");
    assert_eq!((err.code, err.path.as_str()), (ErrorCode::InvalidInput, "manifest.x"));
}

fn hotan_request(date: &str, disease: &str, ytd: Value) -> String {
    json!({
        "insured": { "region": "653200", "scheme": "resident" },
        "filing": { "category": "stationed_worker", "place": "610000", "start": "2025-01-01" },
        "visit": { "date": date, "place": "610100", "hospitalLevel": 3, "disease": disease },
        "items": [{ "amount": "1000.00", "class": "A" }],
        "ytd": ytd
    })
    .to_string()
}

#[test]
fn a_per_visit_deductible_ignores_the_year() {
    let mut p = pack("hotan");
    set(&mut p, &format!("{V0}/deductibles/sle/kind"), json!("perVisit"));
    let engine = from_packs(&[p]).expect("valid");
    let e = engine
        .estimate_text(&hotan_request("2025-06-10", "sle", json!({ "deductiblePaid": "200" })))
        .expect("ok");
    // An annual deductible would be used up by the 200 already paid; a per-visit one is not.
    assert_eq!(e.settlement.as_ref().expect("amounts").deductible.text(), "200.00");
    assert_eq!(e.settlement.as_ref().expect("amounts").fund_pays.text(), "520.00"); // (1000 − 200) × 0.65
    assert_eq!(e.ytd_after.expect("amounts").deductible_paid.text(), "400.00");
}

#[test]
fn effective_dated_versions_apply_from_their_date_until_the_next() {
    let mut p = pack("hotan");
    let mut v2 = p.pointer(V0).expect("a version").clone();
    set(&mut v2, "/from", json!("2026-01-01"));
    set(&mut v2, "/diseases/sle/ratio/resident/value", json!("0.70"));
    let mut v3 = v2.clone();
    set(&mut v3, "/from", json!("2026-07-01"));
    set(&mut v3, "/open", json!(false));
    let versions = p
        .pointer_mut("/regions/0/versions")
        .and_then(Value::as_array_mut)
        .expect("versions");
    versions.push(v2);
    versions.push(v3);
    let engine = from_packs(&[p]).expect("valid");
    let at = |date: &str| {
        engine
            .estimate_text(&hotan_request(date, "sle", json!({})))
            .expect("ok")
    };

    let before = at("2025-12-31");
    assert_eq!(before.settlement.as_ref().expect("amounts").ratio.text(), "0.65");
    assert_eq!(before.policy.version, "2025-01-01");
    let after = at("2026-01-01");
    assert_eq!(after.settlement.as_ref().expect("amounts").ratio.text(), "0.7");
    assert_eq!(after.policy.version, "2026-01-01");
    let rule = after
        .trace
        .iter()
        .find(|s| s.step == "baseRatio")
        .map(|s| s.rule.to_string());
    assert_eq!(rule.as_deref(), Some("653200/2026-01-01/sle/ratio/resident"));
    // A version may close direct settlement: nothing is then reimbursable.
    let closed = at("2026-07-01");
    assert_eq!(closed.mode, yibao_policy::Mode::None);
    assert_eq!(closed.settlement.as_ref().expect("amounts").fund_pays.text(), "0.00");
}

#[test]
fn more_versions_than_the_limit_is_limit_exceeded() {
    let mut p = pack("hotan");
    let v0 = p.pointer(V0).expect("a version").clone();
    let many: Vec<Value> = (0..=yibao_policy::limits::MAX_VERSIONS)
        .map(|i| {
            let mut v = v0.clone();
            set(&mut v, "/from", json!(format!("{:04}-01-01", 1900 + i)));
            v
        })
        .collect();
    set(&mut p, "/regions/0/versions", Value::Array(many));
    let err = from_packs(&[p]).expect_err("refused");
    assert_eq!(
        (err.code, err.path.as_str()),
        (ErrorCode::LimitExceeded, "regions[0].versions")
    );
}

#[test]
fn review_dates_are_validated_as_dates() {
    let mut p = pack("hotan");
    set(&mut p, &format!("{V0}/reviewedUntil"), json!("2025-13-01"));
    assert_reported(&[p.clone()], 0, &format!("{AT}.reviewedUntil"));
    set(&mut p, &format!("{V0}/reviewedUntil"), json!(20251231));
    assert_reported(&[p], 0, &format!("{AT}.reviewedUntil"));
}

fn warning_codes(e: &yibao_policy::Estimate) -> Vec<&str> {
    e.eligibility.warnings.iter().map(|w| w.code).collect()
}

#[test]
fn a_visit_after_the_review_date_is_warned_and_still_estimated() {
    let engine = Engine::with_defaults().expect("defaults");
    let on = engine
        .estimate_text(&hotan_request("2025-12-31", "cancer_outpatient", json!({})))
        .expect("ok");
    assert!(!warning_codes(&on).contains(&"PARAMETERS_MAY_BE_OUTDATED"));
    assert_eq!(on.policy.reviewed_until.as_deref(), Some("2025-12-31"));
    let after = engine
        .estimate_text(&hotan_request("2026-01-01", "cancer_outpatient", json!({})))
        .expect("ok");
    let warning = after
        .eligibility
        .warnings
        .iter()
        .find(|w| w.code == "PARAMETERS_MAY_BE_OUTDATED")
        .expect("warned");
    assert_eq!(warning.path, "visit.date");
    assert!(warning.message.zh.contains("2025-12-31") && warning.message.en.contains("2025-12-31"));
    assert_eq!(
        after.settlement.as_ref().expect("amounts").fund_pays,
        on.settlement.as_ref().expect("amounts").fund_pays
    );

    // A version that states no review date is never warned.
    let mut p = pack("hotan");
    remove(&mut p, &format!("{V0}/reviewedUntil"));
    let e = from_packs(&[p])
        .expect("valid")
        .estimate_text(&hotan_request("2030-01-01", "cancer_outpatient", json!({})))
        .expect("ok");
    assert!(!warning_codes(&e).contains(&"PARAMETERS_MAY_BE_OUTDATED"));
    assert_eq!(e.policy.reviewed_until, None);
}

#[test]
fn an_unknown_networked_hospital_warns_and_says_how_to_check() {
    let engine = Engine::with_defaults().expect("defaults");
    let with = |networked: Option<Value>| {
        let mut req: Value =
            serde_json::from_str(&hotan_request("2025-06-10", "cancer_outpatient", json!({}))).unwrap();
        if let Some(n) = networked {
            req["visit"]["networked"] = n;
        }
        engine.estimate_text(&req.to_string()).expect("ok")
    };
    let check = |e: &yibao_policy::Estimate| {
        let c = e.eligibility.checks.last().expect("eight checks").clone();
        assert_eq!(format!("{:?}", c.code), "HospitalNetworked");
        c
    };
    let unknown = with(Some(Value::Null));
    let c = check(&unknown);
    assert_eq!(format!("{:?}", c.status), "Warn");
    let action = c.action.expect("a next step");
    assert!(action.message.zh.contains("定点医疗机构查询") && action.message.zh.contains("国家医保服务平台"));
    assert!(!action.message.en.is_empty());
    // A warning never blocks: the mode is as for a networked hospital.
    assert_eq!(format!("{:?}", unknown.mode), "Direct");
    assert_eq!(format!("{:?}", check(&with(None)).status), "Pass");
    assert_eq!(format!("{:?}", check(&with(Some(json!(true)))).status), "Pass");
    let not = with(Some(json!(false)));
    assert_eq!(format!("{:?}", check(&not).status), "Fail");
    assert_eq!(format!("{:?}", not.mode), "Manual");
    let err = engine
        .estimate_text(&{
            let mut req: Value =
                serde_json::from_str(&hotan_request("2025-06-10", "cancer_outpatient", json!({}))).unwrap();
            req["visit"]["networked"] = json!("yes");
            req.to_string()
        })
        .expect_err("not a boolean");
    assert_eq!(err.path, "visit.networked");
}
