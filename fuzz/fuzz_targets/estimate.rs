//! Request JSON → estimate, settle, check and year: nothing may panic or hang, and whatever is
//! accepted must satisfy BRIEF §5's identities.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;
use yibao_policy::wire::Wire;
use yibao_policy::Engine;

fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| Engine::with_defaults().expect("defaults load"))
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let engine = engine();
    if let Ok(e) = engine.estimate_text(text) {
        // Without the person's terms (a region without a pack) there are no amounts to check.
        let Some(s) = &e.settlement else {
            yibao_policy::json::parse(&serde_json::to_string(&e).expect("results serialize")).expect("our output is JSON");
            return;
        };
        assert_eq!(s.fund_pays.0 + s.patient_pays.0, s.total.0);
        assert_eq!(
            s.full_self_pay.0 + s.over_limit_self_pay.0 + s.pre_self_pay.0 + s.deductible.0 + s.coinsurance.0 + s.above_cap.0,
            s.patient_pays.0
        );
        if let Some(cap) = s.cap_remaining {
            assert!(s.fund_pays.0 <= cap.0);
        }
        // The result must serialize, and its JSON read again.
        let json = serde_json::to_string(&e).expect("results serialize");
        yibao_policy::json::parse(&json).expect("our reader reads it");
    }
    if let Ok(v) = yibao_policy::json::parse(text) {
        let _ = engine.check_eligibility_json(&v);
        let _ = engine.settle_json(&v);
        let _ = engine.estimate_year_json(&v);
    }
});
