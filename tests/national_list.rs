//! The national list of diseases as dated data (data/national-diseases.json, issue 22): the
//! national floor (BRIEF §8.7) is the list on the visit's date. Before the five joined it
//! (2021-09-01), a pack region that does not list one fails DISEASE_COVERED and a region without
//! a pack warns; from that date the floor covers them as before.

use serde_json::{json, Value};
use yibao_policy::wire::Wire;
use yibao_policy::{CheckCode, CheckStatus, Engine, Estimate};

fn status(e: &Estimate, code: CheckCode) -> CheckStatus {
    e.eligibility.checks[code.index()].status
}

fn message(e: &Estimate, code: CheckCode) -> String {
    let m = &e.eligibility.checks[code.index()].message;
    format!("{} {}", m.zh, m.en)
}

/// A person insured in `region`, stationed in Dongguan, treated for hypertension on `date`.
fn hypertension(region: &str, date: &str) -> Value {
    json!({
        "insured": { "region": region, "scheme": "employee", "terms": { "ratio": "0.6" } },
        "filing": { "category": "stationed_worker", "place": "441900", "start": "2021-01-01" },
        "visit": { "date": date, "place": "441900", "hospitalLevel": 3, "disease": "hypertension" },
        "items": [{ "name": "检查费", "amount": "100.00", "class": "A" }]
    })
}

/// Hotan's pack (which does not list hypertension) opened early, on 2021-01-01.
fn hotan_from_2021() -> Engine {
    let mut hotan: Value =
        serde_json::from_str(yibao_policy::packs::default_pack("653200-hotan.json").expect("Hotan's pack"))
            .expect("JSON");
    let version = &mut hotan["regions"][0]["versions"][0];
    assert!(
        version["diseases"].get("hypertension").is_none(),
        "the test needs a pack without hypertension"
    );
    version["from"] = json!("2021-01-01");
    let places = yibao_policy::packs::default_pack("places.json").expect("places");
    Engine::from_pack_texts(&[&hotan.to_string(), places]).expect("valid")
}

#[test]
fn before_the_pilot_a_pack_that_does_not_list_a_national_disease_does_not_cover_it() {
    let engine = hotan_from_2021();
    let before = engine
        .estimate_text(&hypertension("653200", "2021-08-31").to_string())
        .expect("estimates");
    assert_eq!(status(&before, CheckCode::PolicyInForce), CheckStatus::Pass);
    assert_eq!(status(&before, CheckCode::DiseaseCovered), CheckStatus::Fail);
    let on = engine
        .estimate_text(&hypertension("653200", "2021-09-01").to_string())
        .expect("estimates");
    assert_eq!(status(&on, CheckCode::DiseaseCovered), CheckStatus::Warn);
}

#[test]
fn before_the_pilot_a_region_without_a_pack_warns_and_names_the_date() {
    let engine = Engine::with_defaults().expect("the embedded packs");
    let before = engine
        .estimate_text(&hypertension("110000", "2021-08-31").to_string())
        .expect("estimates");
    assert_eq!(status(&before, CheckCode::PolicyInForce), CheckStatus::Fail);
    assert_eq!(status(&before, CheckCode::DiseaseCovered), CheckStatus::Warn);
    let words = message(&before, CheckCode::DiseaseCovered);
    assert!(words.contains("2021-09-01"), "{words}");
    assert!(!words.contains("不在国家统一的五种"), "{words}");
    let on = engine
        .estimate_text(&hypertension("110000", "2021-09-01").to_string())
        .expect("estimates");
    assert_eq!(status(&on, CheckCode::DiseaseCovered), CheckStatus::Pass);
}

/// The five that one city portal lists beside the national ones stay off the list: under the
/// baseline they warn, after the pilot as before it.
#[test]
fn the_portals_five_later_diseases_are_not_national() {
    let engine = Engine::with_defaults().expect("the embedded packs");
    let mut req = hypertension("110000", "2025-06-10");
    req["visit"]["disease"] = json!("copd");
    let e = engine.estimate_text(&req.to_string()).expect("estimates");
    assert_eq!(status(&e, CheckCode::DiseaseCovered), CheckStatus::Warn);
    assert!(message(&e, CheckCode::DiseaseCovered).contains("不在国家统一的五种"));
}

/// The picker lists what the checks cover: a pack region in force before the pilot lists no
/// national disease it does not list itself; from the pilot's date it does; a region without a
/// pack lists the five (what will open) even before.
#[test]
fn the_picker_lists_the_national_diseases_of_the_date() {
    let ids = |engine: &Engine, region: &str, date: &str| -> Vec<String> {
        engine
            .diseases(region, date)
            .expect("lists")
            .into_iter()
            .map(|d| d.id)
            .collect()
    };
    let engine = hotan_from_2021();
    assert!(!ids(&engine, "653200", "2021-08-31").contains(&"hypertension".to_string()));
    assert!(ids(&engine, "653200", "2021-09-01").contains(&"hypertension".to_string()));
    let defaults = Engine::with_defaults().expect("the embedded packs");
    assert_eq!(
        ids(&defaults, "110000", "2021-08-31"),
        ids(&defaults, "110000", "2025-06-10")
    );
    assert_eq!(ids(&defaults, "110000", "2025-06-10").len(), 5);
}
