//! One pack entry for several regions (`codes`, docs/pack-format.md "Regions"): the 广西 pack
//! keeps 南宁 as its own entry and gives the other 13 prefectures one shared entry. Here the
//! shared entry answers, code by code, exactly as the 13 separate entries it replaced did, and a
//! maintainer's mistakes in `codes` are refused at their paths.

use serde_json::{json, Value};
use yibao_policy::wire::Wire;
use yibao_policy::Engine;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// The 13 entries the shared one replaced, as the pack named them before (commit 69a749d).
const FORMER: [(&str, &str, &str); 13] = [
    ("450200", "柳州市", "Liuzhou"),
    ("450300", "桂林市", "Guilin"),
    ("450400", "梧州市", "Wuzhou"),
    ("450500", "北海市", "Beihai"),
    ("450600", "防城港市", "Fangchenggang"),
    ("450700", "钦州市", "Qinzhou"),
    ("450800", "贵港市", "Guigang"),
    ("450900", "玉林市", "Yulin"),
    ("451000", "百色市", "Baise"),
    ("451100", "贺州市", "Hezhou"),
    ("451200", "河池市", "Hechi"),
    ("451300", "来宾市", "Laibin"),
    ("451400", "崇左市", "Chongzuo"),
];

fn text(file: &str) -> String {
    std::fs::read_to_string(format!("{ROOT}/packs/{file}")).unwrap_or_else(|e| panic!("{file}: {e}"))
}

fn guangxi() -> Value {
    serde_json::from_str(&text("450000-guangxi.json")).expect("JSON")
}

/// The pack as it was written before: one `code` + `name` entry per prefecture.
fn one_entry_each() -> Value {
    let mut pack = guangxi();
    let shared = pack["regions"][1].clone();
    assert_eq!(shared["codes"].as_array().map(Vec::len), Some(13), "the shared entry");
    let mut regions = vec![pack["regions"][0].clone()];
    for (code, zh, en) in FORMER {
        regions.push(json!({ "code": code, "name": { "zh": zh, "en": en }, "versions": shared["versions"] }));
    }
    pack["regions"] = Value::Array(regions);
    pack
}

fn engine(pack: &Value) -> Engine {
    let places = text("places.json");
    Engine::from_pack_texts(&[&pack.to_string(), &places]).expect("the pack loads")
}

/// What a front end sees of one region on one date: the listing, then every disease's estimate
/// for each scheme and status, or its error.
fn answers(engine: &Engine, code: &str, date: &str) -> Vec<Value> {
    let mut out = vec![serde_json::to_value(engine.diseases(code, date).map_err(|e| e.code)).expect("serialize")];
    let diseases = engine.diseases(code, date).unwrap_or_default();
    for disease in diseases.iter().map(|d| d.id.as_str()) {
        for (scheme, status) in [("employee", "working"), ("employee", "retired"), ("resident", "")] {
            let mut insured = json!({ "region": code, "scheme": scheme, "recognizedDiseases": [disease] });
            if !status.is_empty() {
                insured["status"] = json!(status);
            }
            let request = json!({
                "insured": insured,
                "filing": { "category": "long_term_resident", "place": "440000", "start": "2021-01-01" },
                "visit": { "date": date, "place": "440100", "hospitalLevel": 3, "disease": disease },
                "items": [{ "amount": "800.00", "class": "A" }, { "amount": "300.00", "class": "B", "selfPayRatio": "0.1" }],
                "ytd": { "fundPaid": "120.00" }
            });
            let outcome = match engine.estimate_text(&request.to_string()) {
                Ok(e) => serde_json::to_value(e),
                Err(e) => serde_json::to_value(e),
            };
            out.push(outcome.expect("serialize"));
        }
    }
    out
}

#[test]
fn each_prefecture_answers_as_its_own_entry_did() {
    let (shared, separate) = (engine(&guangxi()), engine(&one_entry_each()));
    let listing = |e: &Engine| serde_json::to_value(e.regions()).expect("serialize");
    assert_eq!(
        listing(&shared),
        listing(&separate),
        "the regions, their names and versions"
    );
    let codes: Vec<&str> = std::iter::once("450100").chain(FORMER.iter().map(|f| f.0)).collect();
    let mut estimates = 0;
    for code in codes {
        for date in ["2021-10-01", "2022-05-10", "2022-06-10", "2023-03-01", "2025-07-15"] {
            let (a, b) = (answers(&shared, code, date), answers(&separate, code, date));
            assert_eq!(a, b, "{code} on {date}");
            estimates += a.iter().filter(|v| v.get("settlement").is_some()).count();
        }
    }
    // Not a comparison of two empty lists: every prefecture settles its diseases on every date.
    assert!(estimates > 14 * 5 * 3 * 5, "{estimates} estimates");
    // The names now come from the engine's division names: the ones the pack wrote.
    let regions = shared.regions();
    for (code, zh, en) in FORMER {
        let r = regions.iter().find(|r| r.code == code).expect("listed");
        assert_eq!((r.name.zh.as_ref(), r.name.en.as_ref()), (zh, en), "{code}");
    }
}

/// Every problem of loading these packs, as (pack, path); each has its zh and en message.
fn problems(packs: &[Value]) -> Vec<(usize, String)> {
    let texts: Vec<String> = packs.iter().map(Value::to_string).collect();
    let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
    match Engine::from_pack_texts(&texts) {
        Ok(_) => Vec::new(),
        Err(e) => {
            assert!(e
                .problems
                .iter()
                .all(|p| !p.message.zh.is_empty() && !p.message.en.is_empty()));
            e.problems.iter().map(|p| (p.pack, p.path.clone())).collect()
        }
    }
}

/// The paths of the problems of the 广西 pack with `edit` applied.
fn edited(edit: impl FnOnce(&mut Value)) -> Vec<String> {
    let mut pack = guangxi();
    edit(&mut pack);
    problems(&[pack]).into_iter().map(|(_, path)| path).collect()
}

#[test]
fn codes_are_refused_at_their_paths() {
    assert_eq!(edited(|_| {}), Vec::<String>::new());
    // 南宁 again, inside the shared entry; and a code twice in the list (the later one is named).
    assert_eq!(
        edited(|p| p["regions"][1]["codes"][3] = json!("450100")),
        ["regions[1].codes[3]"]
    );
    assert_eq!(
        edited(|p| p["regions"][1]["codes"][12] = json!("450300")),
        ["regions[1].codes[12]"]
    );
    // Not a division code; a well-formed code the engine has no name for.
    assert_eq!(
        edited(|p| p["regions"][1]["codes"][2] = json!("45040x")),
        ["regions[1].codes[2]"]
    );
    assert_eq!(
        edited(|p| p["regions"][1]["codes"][5] = json!("459900")),
        ["regions[1].codes[5]"]
    );
    // Every problem at once: a refused code does not hide a repeated one.
    assert_eq!(
        edited(|p| {
            p["regions"][1]["codes"][3] = json!("450100");
            p["regions"][1]["codes"][5] = json!("459900");
        }),
        ["regions[1].codes[5]", "regions[1].codes[3]"]
    );
    // `code` or `codes`, exactly one; no `name` beside `codes`; not an empty list.
    assert_eq!(
        edited(|p| p["regions"][1]["code"] = json!("450200")),
        ["regions[1].code"]
    );
    assert_eq!(
        edited(|p| p["regions"][1]["name"] = json!({ "zh": "柳州市", "en": "Liuzhou" })),
        ["regions[1].name"]
    );
    assert_eq!(edited(|p| p["regions"][1]["codes"] = json!([])), ["regions[1].codes"]);
    assert_eq!(
        edited(|p| {
            p["regions"][1].as_object_mut().expect("an entry").remove("codes");
        }),
        ["regions[1].code", "regions[1].name"]
    );
    // Another pack that defines one of the shared codes: the later pack's entry is named.
    let mut other = serde_json::from_str::<Value>(&text("441500-shanwei.json")).expect("JSON");
    other["id"] = json!("another-guangxi-city");
    other["regions"][0]["code"] = json!("450300");
    assert_eq!(
        problems(&[other.clone(), guangxi()]),
        [(1, "regions[1].codes[1]".to_string())]
    );
    other["regions"][0]["codes"] = json!(["450300"]);
    other["regions"][0].as_object_mut().expect("an entry").remove("code");
    other["regions"][0].as_object_mut().expect("an entry").remove("name");
    assert_eq!(problems(&[guangxi(), other]), [(1, "regions[0].codes[0]".to_string())]);
}
