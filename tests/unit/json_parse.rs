//! The JSON parser's unit tests (src/json/parse.rs), kept here so that file stays small.

use crate::error::{Error, ErrorCode};
use crate::json::parse;
use crate::json::Value;
use crate::limits::MAX_DEPTH;

#[test]
fn parses_what_json_allows() -> Result<(), Error> {
    let v = parse(r#" {"a": [1, -2.5e3, 0.10, true, false, null], "b": "x\"\\\/\u4e2d\ud83d\ude00", "a": 7} "#)?;
    let m = v.as_object();
    assert_eq!(
        m.map(|m| (m.len(), m.repeated())),
        Some((3, &["a".to_string()][..])),
        "members as written"
    );
    assert_eq!(
        v.get("a"),
        Some(&Value::Number("7".into())),
        "the last repeated key wins"
    );
    assert_eq!(v.get("b").and_then(Value::as_str), Some("x\"\\/中😀"));
    assert_eq!(
        parse("[1, -2.5e3, 0.10]")?,
        Value::Array(vec![
            Value::Number("1".into()),
            Value::Number("-2.5e3".into()),
            Value::Number("0.10".into())
        ])
    );
    assert_eq!(parse("\u{feff}\"bom\"")?, Value::String("bom".into()));
    assert_eq!(parse(r#""\udc00""#)?, Value::String("\u{fffd}".into()));
    Ok(())
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
        let e = parse(bad).err();
        assert_eq!(e.as_ref().map(|e| e.code), Some(ErrorCode::InvalidInput), "{bad}");
        assert!(e.is_some_and(|e| e.message.en.contains("line 1")), "{bad}");
    }
}

#[test]
fn bounds_nesting() {
    let deep = "[".repeat(100_000);
    assert_eq!(parse(&deep).err().map(|e| e.code), Some(ErrorCode::LimitExceeded));
    let ok = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
    assert!(parse(&ok).is_ok());
}
