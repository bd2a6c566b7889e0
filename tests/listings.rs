//! What the listings tell a front end to ask (issue 22): `regions()[].versions[].facts`, the
//! request facts a version's rules split on, and `diseases()[].terms`, the fields of the
//! person's terms a disease needs because no pack states them. Expectations are read off the
//! packs by hand (tests/cases/packs/shapes.json, the default packs), not from the code.

use serde_json::Value;
use yibao_policy::Engine;

fn shapes() -> Engine {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/cases/packs/shapes.json");
    let text = std::fs::read_to_string(path).expect("the test pack");
    Engine::from_pack_texts(&[&text]).expect("the test pack loads")
}

/// Each region's versions' facts, as the JSON a host sees.
fn facts(engine: &Engine, code: &str) -> Vec<Vec<String>> {
    let regions = serde_json::to_value(engine.regions()).expect("serialize");
    let region = regions
        .as_array()
        .and_then(|rs| rs.iter().find(|r| r["code"] == code))
        .unwrap_or_else(|| panic!("{code} listed"))
        .clone();
    region["versions"]
        .as_array()
        .expect("versions")
        .iter()
        .map(|v| {
            v["facts"]
                .as_array()
                .expect("facts is an array")
                .iter()
                .map(|f| f.as_str().expect("a name").to_string())
                .collect()
        })
        .collect()
}

fn terms(engine: &Engine, code: &str, date: &str) -> Vec<(String, Vec<String>)> {
    let listed = serde_json::to_value(engine.diseases(code, date).expect("listed")).expect("serialize");
    listed
        .as_array()
        .expect("an array")
        .iter()
        .map(|d| {
            let terms = d["terms"].as_array().expect("terms is an array");
            (
                d["id"].as_str().expect("id").to_string(),
                terms.iter().filter_map(Value::as_str).map(str::to_string).collect(),
            )
        })
        .collect()
}

#[test]
fn a_version_names_the_facts_its_rules_split_on() {
    let engine = shapes();
    let want: [(&str, &[&str]); 7] = [
        // Monthly deductibles off the fund's payment: nothing about the person.
        ("450100", &[]),
        // 深圳: ratio by tier (一档/二档) and, in 一档, by age 70+.
        ("440300", &["birthDate", "tier"]),
        // 临沂: a share paid first; nothing about the person.
        ("371300", &[]),
        // 武威: a limit growing with each recognised disease.
        ("620600", &["recognizedDiseases"]),
        // 沈阳 (test): a ranked pool and a transplant quota scheduled from recognition.
        ("210100", &["recognizedSince", "recognizedDiseases"]),
        // 大理: limits shared with inpatient care.
        ("532900", &["inpatientFundPaid"]),
        // Caps on in-scope cost only.
        ("620100", &[]),
    ];
    for (code, expected) in want {
        assert_eq!(facts(&engine, code), vec![expected.to_vec()], "{code}");
    }
}

/// The default packs that split on facts about the person (docs/rules.md): 深圳's ratio by tier,
/// and in 一档 by age; 武威's limit growing with each recognised chronic disease and its limit
/// shared with inpatient care; 大理's ceiling shared with inpatient care. 临沂's share paid first,
/// 珠海's cut and the others need none.
#[test]
fn the_default_packs_split_on_the_facts_their_notices_name() {
    let engine = Engine::with_defaults().expect("the default packs load");
    let regions = engine.regions();
    assert!(regions.len() > 10, "{} regions", regions.len());
    for r in regions {
        for v in &r.versions {
            let want: &[&str] = match r.code.as_str() {
                "440300" => &["birthDate", "tier"],
                "620600" => &["recognizedDiseases", "inpatientFundPaid"],
                "532900" => &["inpatientFundPaid"],
                _ => &[],
            };
            assert_eq!(v.facts, want, "{} {}", r.code, v.from);
            if r.code == "440300" {
                let tiers: Vec<(&str, &str)> = v.tiers.iter().map(|t| (t.id.as_str(), &*t.name.zh)).collect();
                assert_eq!(tiers, [("1", "一档"), ("2", "二档"), ("3", "三档")]);
            } else {
                assert!(v.tiers.is_empty(), "{} {}: {:?}", r.code, v.from, v.tiers);
            }
        }
    }
}

#[test]
fn a_disease_names_the_terms_no_pack_states() {
    let engine = Engine::with_defaults().expect("the default packs load");
    let all = ["ratio", "deductible", "annualLimit", "reduction", "unfiledReduction"];
    // The national baseline: every term, for each of the five.
    let baseline = terms(&engine, "110000", "2025-06-10");
    assert_eq!(baseline.len(), 5);
    for (id, t) in &baseline {
        assert_eq!(t, &all, "{id}");
    }
    // 和田: its own six priced in full; the national diseases it leaves out need the disease's
    // own terms, its cuts for temporary visitors standing.
    let hotan = terms(&engine, "653200", "2025-06-10");
    assert_eq!(hotan.len(), 8);
    for (id, t) in &hotan[..6] {
        assert!(t.is_empty(), "{id}: {t:?}");
    }
    for (id, t) in &hotan[6..] {
        assert_eq!(t, &["ratio", "deductible", "annualLimit"], "{id}");
    }
    // 柳州 (the 广西 pack): diabetes is in its table, priced in full.
    let liuzhou = terms(&engine, "450200", "2025-06-10");
    let diabetes = liuzhou.iter().find(|(id, _)| id == "diabetes").expect("listed");
    assert!(diabetes.1.is_empty(), "{diabetes:?}");
    // 石家庄 leaves its cuts for temporary visitors and for a visit without a filing to the
    // person (docs/rules.md): every disease asks them, beside what the reply leaves unpriced —
    // diabetes (a 慢性病, listed unpriced) everything, dialysis (priced at 90 %/80 %, no
    // deductible) its limit only.
    let shijiazhuang = terms(&engine, "130100", "2025-06-10");
    let of = |id: &str| shijiazhuang.iter().find(|(d, _)| d == id).map(|(_, t)| t.clone());
    assert_eq!(of("diabetes").expect("listed"), all);
    assert_eq!(
        of("dialysis").expect("listed"),
        ["annualLimit", "reduction", "unfiledReduction"]
    );
    // 深圳 states the 门诊特病's ratios (by tier and age) and its cuts for temporary visitors,
    // not the deductible, the limit or the rule without a filing.
    let shenzhen = terms(&engine, "440300", "2025-06-10");
    let of = |id: &str| shenzhen.iter().find(|(d, _)| d == id).map(|(_, t)| t.clone());
    assert_eq!(
        of("cancer_outpatient").expect("listed"),
        ["deductible", "annualLimit", "unfiledReduction"]
    );
    // 临沂 from 2023-10-01: the share paid first is the pack's; the city's own figures are the
    // person's (执行市内).
    let linyi = terms(&engine, "371300", "2025-06-10");
    assert_eq!(linyi.len(), 5);
    for (id, t) in &linyi {
        assert_eq!(t, &["ratio", "deductible", "annualLimit", "unfiledReduction"], "{id}");
    }
    // 武威: 普通慢性病 priced but for the deductible; 特殊慢性病 by inpatient rules not given
    // (ratio and deductible the person's, the shared 300,000 limit the pack's); cuts the person's.
    let wuwei = terms(&engine, "620600", "2025-06-10");
    let of = |id: &str| wuwei.iter().find(|(d, _)| d == id).map(|(_, t)| t.clone());
    assert_eq!(
        of("diabetes").expect("listed"),
        ["deductible", "reduction", "unfiledReduction"]
    );
    assert_eq!(
        of("cancer_outpatient").expect("listed"),
        ["ratio", "deductible", "reduction", "unfiledReduction"]
    );
    // 大理: its 特殊病 priced (the emergency cut and the rule without a filing the person's);
    // hypertension and diabetes, not said to be 特殊病, everything.
    let dali = terms(&engine, "532900", "2025-06-10");
    let of = |id: &str| dali.iter().find(|(d, _)| d == id).map(|(_, t)| t.clone());
    assert_eq!(of("dialysis").expect("listed"), ["reduction", "unfiledReduction"]);
    assert_eq!(of("hypertension").expect("listed"), all);
}
