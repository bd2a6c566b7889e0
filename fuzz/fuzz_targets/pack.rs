//! Pack JSON → load and validate: nothing may panic or hang; an accepted pack must answer.
#![no_main]

use libfuzzer_sys::fuzz_target;
use yibao_policy::wire::Wire;
use yibao_policy::Engine;

const REQUEST: &str = r#"{"insured":{"region":"653200","scheme":"employee"},
  "filing":{"category":"stationed_worker","place":"441900","start":"2025-01-01"},
  "visit":{"date":"2025-06-10","place":"441900","hospitalLevel":3,"disease":"cancer_outpatient"},
  "items":[{"amount":"5560.50","class":"B","ceilingAmount":"5000"}]}"#;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(engine) = Engine::from_pack_texts(&[text]) {
        let _ = engine.estimate_text(REQUEST);
        for r in engine.regions() {
            let _ = engine.diseases(&r.code, "2025-06-10");
        }
        for p in engine.places() {
            let _ = engine.catalogue(&p.code);
        }
    }
    if let Ok(v) = yibao_policy::json::parse(text) {
        let _ = yibao_policy::packs::digest(&v);
    }
});
