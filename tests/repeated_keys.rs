//! Keys written twice in requests and manifests, refused at their path through the engine's
//! JSON entry points. (Unit tests of the parser, dates, money and canonical JSON sit in their
//! modules under `src/`.)

mod common;

mod repeated_keys {
    use crate::common::REQUEST;
    use yibao_policy::wire::{read_manifest, Wire};
    use yibao_policy::{Engine, ErrorCode};

    fn refused(result: Result<impl std::fmt::Debug, yibao_policy::Error>, path: &str) {
        let err = crate::common::refused(result, ErrorCode::InvalidInput, path);
        assert!(err.message.en.contains("more than once"), "{err:?}");
    }

    #[test]
    fn a_request_with_a_key_written_twice_is_refused_at_its_path() {
        let engine = Engine::with_defaults().unwrap();
        assert!(engine.estimate_text(REQUEST).is_ok());
        let twice = REQUEST.replace(r#""date":"2025-06-10""#, r#""date":"2025-06-10","date":"2025-07-10""#);
        refused(engine.estimate_text(&twice), "visit.date");
        refused(
            engine.check_eligibility_json(&yibao_policy::json::parse(&twice).unwrap()),
            "visit.date",
        );
        refused(
            engine.estimate_year_text(&format!("[{REQUEST},{twice}]")),
            "[1].visit.date",
        );
        let manifest =
            yibao_policy::json::parse(&format!(r#"{{"x":"sha256:{0}","x":"sha256:{0}"}}"#, "0".repeat(64))).unwrap();
        let hotan = yibao_policy::packs::default_pack("653200-hotan.json").expect("Hotan's pack");
        refused(
            read_manifest(&manifest).and_then(|m| Engine::from_pack_texts_pinned(&[hotan], &m)),
            "manifest.x",
        );
        let line = REQUEST.replace(r#""class":"A""#, r#""class":"A","class":"C""#);
        refused(engine.estimate_text(&line), "items[0].class");
    }
}
