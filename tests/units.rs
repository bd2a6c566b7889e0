//! Unit tests of the small building blocks: dates, division codes, money parsing and rounding,
//! the JSON parser, and the canonical JSON behind pack digests. They live here,
//! outside `src/`, so that the library itself holds no `unwrap`.

mod json_parse {
    use yibao_policy::json::{parse, Value};
    use yibao_policy::limits::MAX_DEPTH;

    #[test]
    fn parses_what_json_allows() {
        let v = parse(r#" {"a": [1, -2.5e3, 0.10, true, false, null], "b": "x\"\\\/\u4e2d\ud83d\ude00", "a": 7} "#)
            .unwrap();
        let m = v.as_object().unwrap();
        assert_eq!(
            (m.len(), m.repeated()),
            (3, &["a".to_string()][..]),
            "members as written"
        );
        assert_eq!(
            m.get("a"),
            Some(&Value::Number("7".into())),
            "the last repeated key wins"
        );
        assert_eq!(m.get("b").and_then(Value::as_str), Some("x\"\\/中😀"));
        let v = parse("[1, -2.5e3, 0.10]").unwrap();
        assert_eq!(
            v,
            Value::Array(vec![
                Value::Number("1".into()),
                Value::Number("-2.5e3".into()),
                Value::Number("0.10".into())
            ])
        );
        assert_eq!(parse("\u{feff}\"bom\"").unwrap(), Value::String("bom".into()));
        assert_eq!(parse(r#""\udc00""#).unwrap(), Value::String("\u{fffd}".into()));
    }

    #[test]
    fn refuses_what_json_does_not() {
        for bad in [
            "",
            "{",
            "[1,]",
            "{\"a\":1,}",
            "01",
            "1.",
            ".5",
            "+1",
            "NaN",
            "Infinity",
            "'a'",
            "{a:1}",
            "\"\u{1}\"",
            "[1] 2",
            "tru",
            "\"\\x\"",
            "1e",
            "-",
        ] {
            let e = parse(bad).expect_err(bad);
            assert_eq!(e.code, yibao_policy::ErrorCode::InvalidInput, "{bad}");
            assert!(e.message.en.contains("line 1"), "{bad}: {}", e.message.en);
        }
    }

    #[test]
    fn bounds_nesting() {
        let deep = "[".repeat(100_000);
        assert_eq!(parse(&deep).unwrap_err().code, yibao_policy::ErrorCode::LimitExceeded);
        let ok = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        assert!(parse(&ok).is_ok());
    }
}

mod common;

mod repeated_keys {
    use crate::common::REQUEST;
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
        let (_, hotan) = yibao_policy::policy::DEFAULT_PACKS[0];
        refused(Engine::from_pack_texts_pinned(&[hotan], &manifest), "manifest.x");
        let line = REQUEST.replace(r#""class":"A""#, r#""class":"A","class":"C""#);
        refused(engine.estimate_text(&line), "items[0].class");
    }

    #[test]
    fn the_parser_remembers_a_repeated_key_once() {
        let v = yibao_policy::json::parse(r#"{"a":1,"b":2,"a":3,"c":{"d":1,"d":2},"a":4}"#).unwrap();
        assert_eq!(v.as_object().unwrap().repeated(), ["a".to_string()]);
        let paths: Vec<String> = yibao_policy::json::repeated_keys(&v)
            .into_iter()
            .map(|e| e.path)
            .collect();
        assert_eq!(paths, ["a", "c.d"]);
    }

    #[test]
    fn a_large_object_finds_every_key_and_the_last_of_a_repeat() {
        let text = format!(
            "{{{}}}",
            (0..500)
                .rev()
                .map(|i| format!(r#""k{i}":{i}"#))
                .collect::<Vec<_>>()
                .join(",")
        );
        let v = yibao_policy::json::parse(&text).unwrap();
        for i in 0..500 {
            // Large objects are searched by their index, small ones from end to end.
            assert_eq!(
                v.get(&format!("k{i}")),
                Some(&yibao_policy::json::Value::Number(i.to_string()))
            );
        }
        assert_eq!(v.get("k500"), None);
        assert!(v.as_object().unwrap().repeated().is_empty());
        let twice = text.replacen('{', r#"{"k7":"first","k250":"first","#, 1);
        let v = yibao_policy::json::parse(&twice).unwrap();
        assert_eq!(v.get("k7"), Some(&yibao_policy::json::Value::Number("7".into())));
        assert_eq!(v.get("k250"), Some(&yibao_policy::json::Value::Number("250".into())));
        assert_eq!(
            v.as_object().unwrap().repeated(),
            ["k250".to_string(), "k7".to_string()]
        );
    }
}

mod place {
    use yibao_policy::place::*;

    #[test]
    fn containment_follows_the_division_hierarchy() {
        assert!(contains("430000", "430100"));
        assert!(contains("430000", "430000"));
        assert!(contains("441900", "441900"));
        assert!(!contains("430100", "430000"));
        assert!(!contains("430000", "510100"));
        assert!(contains("330100", "330106"));
        assert!(!contains("330106", "330100"));
    }

    #[test]
    fn division_codes_need_a_real_province() {
        assert!(is_division_code("653200"));
        assert!(!is_division_code("003200"));
        assert!(!is_division_code("65320"));
        assert!(!is_division_code("65320a"));
        assert_eq!(province_of("653200"), "650000");
    }
}

mod digest {
    use yibao_policy::json::Value;
    use yibao_policy::policy::{digest, write_canonical};

    fn canon(text: &str) -> String {
        let v: Value = yibao_policy::json::parse(text).unwrap();
        let mut out = String::new();
        write_canonical(&v, &mut out);
        out
    }

    #[test]
    fn numbers_print_as_ecmascript_does() {
        let cases = [
            ("0.10", "0.1"),
            ("100000", "100000"),
            ("1e21", "1e+21"),
            ("1e20", "100000000000000000000"),
            ("0.000001", "0.000001"),
            ("1e-7", "1e-7"),
            ("-1.50", "-1.5"),
            ("-0", "0"),
            ("123.456e2", "12345.6"),
            ("4.35", "4.35"),
            ("1.7976931348623157e308", "1.7976931348623157e+308"),
        ];
        for (input, want) in cases {
            assert_eq!(canon(input), want, "{input}");
        }
    }

    #[test]
    fn objects_sort_keys_and_strings_escape_minimally() {
        assert_eq!(
            canon(r#"{"b": [1, "x\ny"], "a": {"é": true, "z": null}}"#),
            r#"{"a":{"z":null,"é":true},"b":[1,"x\ny"]}"#
        );
        assert_eq!(canon(r#""\u0001\"\\/""#), r#""\u0001\"\\/""#);
    }

    #[test]
    fn digest_is_sha256_of_the_canonical_form() {
        // sha256("{}") from any reference implementation.
        assert_eq!(
            digest(&yibao_policy::json::parse("{}").unwrap()),
            "sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a"
        );
        let a: Value = yibao_policy::json::parse(r#"{"x": 0.10, "y": "z"}"#).unwrap();
        let b: Value = yibao_policy::json::parse("{\n  \"y\": \"z\",\n  \"x\": 0.1\n}").unwrap();
        assert_eq!(digest(&a), digest(&b));
    }
}

mod date {
    use yibao_policy::date::Date;

    #[test]
    fn parses_strict_iso_dates() {
        assert_eq!(
            Date::parse("2025-06-10").map(|d| d.to_string()).as_deref(),
            Some("2025-06-10")
        );
        assert!(Date::parse("2024-02-29").is_some());
        for bad in [
            "2025-02-29",
            "2025-6-10",
            "2025-13-01",
            "2025-00-10",
            "20250610",
            "２０２５-06-10",
            "2025-06-10T00:00",
        ] {
            assert!(Date::parse(bad).is_none(), "{bad}");
        }
        assert!(Date::parse("2025-01-01") < Date::parse("2025-01-02"));
    }
}

mod money {
    use rust_decimal::Decimal;
    use yibao_policy::money::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn money_text_has_exactly_two_decimals() {
        for (v, want) in [
            ("0", "0.00"),
            ("0.5", "0.50"),
            ("7", "7.00"),
            ("1234.5", "1234.50"),
            ("100000000", "100000000.00"),
            ("0.05", "0.05"),
            ("-12.3", "-12.30"),
        ] {
            assert_eq!(Money(d(v)).text(), want, "{v}");
        }
    }

    #[test]
    fn rounds_half_up_not_half_even() {
        assert_eq!(round_fen(d("0.125")).to_string(), "0.13");
        assert_eq!(round_fen(d("0.135")).to_string(), "0.14");
        assert_eq!(round_fen(d("2.5")).to_string(), "2.50");
        assert_eq!(round_fen(d("0.124999")).to_string(), "0.12");
    }

    #[test]
    fn parses_only_plain_decimals() {
        assert_eq!(parse_decimal("860.5", 2, false), Ok(d("860.5")));
        assert_eq!(parse_decimal("1.500", 2, false), Ok(d("1.5")));
        assert_eq!(parse_decimal("1.005", 2, false), Err(NumberProblem::TooManyDecimals));
        assert_eq!(parse_decimal("-5", 2, false), Err(NumberProblem::Negative));
        assert_eq!(parse_decimal("-0", 2, false), Ok(Decimal::ZERO));
        for bad in ["", "NaN", "Infinity", "1e5", " 1", "1,000", "１２", ".5", "5.", "0x10"] {
            assert_eq!(parse_decimal(bad, 2, false), Err(NumberProblem::NotANumber), "{bad}");
        }
        assert_eq!(parse_decimal("1e400", 2, true), Err(NumberProblem::TooLarge));
        assert_eq!(parse_decimal("1e-7", 2, true), Err(NumberProblem::TooManyDecimals));
        assert_eq!(parse_decimal("1.5E2", 2, true), Ok(d("150")));
        assert_eq!(
            parse_decimal("99999999999999999999999", 2, false),
            Err(NumberProblem::TooLarge)
        );
    }
}
