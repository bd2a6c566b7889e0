//! JSON: a small reader of our own, and the helpers that read requests and packs by hand rather
//! than by derive — so that every refusal names its exact field (`items[2].amount`) with a
//! bilingual message, and numbers keep their exact decimal text.
//!
//! The wasm keeps this reader rather than serde_json because it earns its size: measured on
//! 2026-11-30, the web build's `.wasm` is 235,894 bytes (97,486 gzip -9) with it and 297,037
//! (125,045 gzip) with `serde_json::from_str` (`arbitrary_precision` and `preserve_order`, which
//! keeping numbers' text and documents' order needs) put in its place — 26 % more to download on a
//! phone. Writing JSON is the native CLI's business alone (`cli/`, with serde_json).
//!
//! Text is parsed onto a [`Tape`] (one flat list of values borrowing the text). Requests are read
//! from the tape with [`Fields`]; packs and manifests from a [`Value`] tree built from it, whose
//! objects are indexed by key once. Objects hold at most
//! [`MAX_MEMBERS`](crate::limits::MAX_MEMBERS) members, so any text within the size limits is
//! read in time linear in its size. A key written twice is kept and listed ([`Map::repeated`],
//! [`repeated_keys`], [`Tape::repeated_key`]) for the readers to refuse at its path.

mod fields;
mod parse;
mod scalar;
mod tape;
mod value;

pub(crate) use fields::Fields;
pub(crate) use scalar::{kind_name, kind_of, Scalar, TypeName};
pub use tape::{Kind, Node, Tape};
pub use value::{key_order, order_by_key, repeats, Map, Value};

/// Parse JSON text into a [`Value`] (packs, manifests): strict RFC 8259, numbers as their text.
pub fn parse(text: &str) -> Result<Value, Error> {
    Ok(Tape::parse(text)?.to_value())
}

use crate::date::Date;
use crate::error::Error;
use crate::money::{parse_decimal, NumberProblem, MAX_AMOUNT};
use crate::path::{join_key, At};
use crate::text::{t, Text};
use rust_decimal::Decimal;

pub(crate) fn wrong_type(path: &str, v: &Value, want_zh: &str, want_en: &str) -> Error {
    wrong_kind(path, kind_name(kind_of(v)), want_zh, want_en)
}

pub(crate) fn wrong_kind(path: &str, (zh, en): TypeName, want_zh: &str, want_en: &str) -> Error {
    Error::invalid(
        path,
        t(
            format!("应为{want_zh}，实际为{zh}"),
            format!("must be {want_en}, not {en}"),
        ),
    )
}

/// Every key written twice in one object, anywhere in `v`, as an `INVALID_INPUT` error at the
/// key's path (`visit.date`): objects in document order, the keys of each in key order.
pub fn repeated_keys(v: &Value) -> Vec<Error> {
    let mut found = Vec::new();
    find_repeated(v, &At::Text(""), &mut found);
    found
}

fn find_repeated(v: &Value, at: &At<'_>, found: &mut Vec<Error>) {
    match v {
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                find_repeated(item, &At::Index(at, i), found);
            }
        }
        Value::Object(map) => {
            for key in map.repeated() {
                found.push(repeated_key(&join_key(&at.render(), key), key));
            }
            for (key, item) in map {
                find_repeated(item, &At::Key(at, key), found);
            }
        }
        _ => {}
    }
}

/// The refusal of a key written twice, at its path.
pub(crate) fn repeated_key(path: &str, key: &str) -> Error {
    Error::invalid(
        path,
        t(
            format!("键名“{key}”重复出现，无法确定用哪一个值"),
            format!("key '{key}' appears more than once: which value is meant is unclear"),
        ),
    )
}

/// An object being read, with its path.
#[derive(Clone, Copy)]
pub(crate) struct Obj<'a> {
    pub map: &'a Map,
    pub at: At<'a>,
}

impl<'a> Obj<'a> {
    pub fn new(v: &'a Value, path: &'a str) -> Result<Obj<'a>, Error> {
        Obj::within(v, At::Text(path))
    }

    pub fn within(v: &'a Value, at: At<'a>) -> Result<Obj<'a>, Error> {
        match v {
            Value::Object(map) => Ok(Obj { map, at }),
            other => Err(wrong_type(&at.render(), other, "对象", "an object")),
        }
    }

    /// The path of a field, written out (for pack problems, which are collected, not thrown).
    pub fn at(&self, key: &str) -> String {
        join_key(&self.at.render(), key)
    }

    fn field<'k>(&'k self, key: &'k str) -> At<'k> {
        At::Key(&self.at, key)
    }

    /// The field's value; `null` counts as absent.
    pub fn get(&self, key: &str) -> Option<&'a Value> {
        self.map.get(key).filter(|v| !v.is_null())
    }

    pub fn require(&self, key: &str) -> Result<&'a Value, Error> {
        match self.map.get(key) {
            Some(Value::Null) => Err(Error::invalid(
                self.at(key),
                t(
                    format!("{key} 不能为空（null），请填写有效的值"),
                    format!("'{key}' must not be null"),
                ),
            )),
            Some(v) => Ok(v),
            None => Err(missing(&self.at(key), key)),
        }
    }

    pub fn str(&self, key: &str, max_chars: usize) -> Result<Option<&'a str>, Error> {
        self.get(key)
            .map(|v| string_at(v.scalar(), &self.field(key), max_chars))
            .transpose()
    }

    pub fn req_str(&self, key: &str, max_chars: usize) -> Result<&'a str, Error> {
        string_at(self.require(key)?.scalar(), &self.field(key), max_chars)
    }

    pub fn bool(&self, key: &str) -> Result<Option<bool>, Error> {
        match self.get(key) {
            None => Ok(None),
            Some(Value::Bool(b)) => Ok(Some(*b)),
            Some(other) => Err(wrong_type(&self.at(key), other, "true 或 false", "true or false")),
        }
    }

    pub fn date(&self, key: &str) -> Result<Option<Date>, Error> {
        self.get(key).map(|v| date_at(v.scalar(), &self.field(key))).transpose()
    }

    pub fn req_date(&self, key: &str) -> Result<Date, Error> {
        date_at(self.require(key)?.scalar(), &self.field(key))
    }

    pub fn array(&self, key: &str) -> Result<Option<&'a Vec<Value>>, Error> {
        match self.get(key) {
            None => Ok(None),
            Some(Value::Array(a)) => Ok(Some(a)),
            Some(other) => Err(wrong_type(&self.at(key), other, "数组", "an array")),
        }
    }
}

pub(crate) fn missing(path: &str, key: &str) -> Error {
    Error::invalid(
        path,
        t(
            format!("缺少必填项 {key}"),
            format!("required field '{key}' is missing"),
        ),
    )
}

pub(crate) fn string<'a>(v: &'a Value, path: &str, max_chars: usize) -> Result<&'a str, Error> {
    string_at(v.scalar(), &At::Text(path), max_chars)
}

pub(crate) fn string_at<'a>(v: Scalar<'a>, at: &At<'_>, max_chars: usize) -> Result<&'a str, Error> {
    match v {
        Scalar::Str(s) => {
            // Byte length bounds the character count from above: count only when it might matter.
            if s.len() > max_chars && char_count(s) > max_chars {
                return Err(Error::limit(
                    at.render(),
                    t(
                        format!("文本过长（最多{max_chars}个字符）"),
                        format!("text too long (at most {max_chars} characters)"),
                    ),
                ));
            }
            Ok(s)
        }
        other => Err(wrong_kind(&at.render(), other.name(), "文本", "a string")),
    }
}

/// Characters in `s`: its bytes that do not begin a UTF-8 continuation. A plain loop, where
/// `chars().count()` brings its vectorised routine into the wasm (with `word_list`, 0.8 KB).
fn char_count(s: &str) -> usize {
    s.bytes().filter(|&b| (b & 0xC0) != 0x80).count()
}

/// `a, b, c`, for messages that list what is allowed: a plain loop rather than `[&str]::join`.
pub(crate) fn word_list(words: &[&str]) -> String {
    let mut out = String::new();
    for (i, w) in words.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(w);
    }
    out
}

fn number(v: Scalar<'_>, at: &At<'_>, max_scale: u32, max: Decimal, what: (&str, &str)) -> Result<Decimal, Error> {
    // Exponents only in JSON numbers (1e2), never in strings ("1e2" is refused).
    let (text, exponent) = match v {
        Scalar::Str(s) => (s, false),
        Scalar::Num(n) => (n, true),
        Scalar::Other(name) => {
            return Err(wrong_kind(
                &at.render(),
                name,
                "数字或数字文本",
                "a number or a numeric string",
            ))
        }
    };
    let problem = match parse_decimal(text, max_scale, exponent) {
        Ok(d) if d <= max => return Ok(d),
        Ok(_) => NumberProblem::TooLarge,
        Err(p) => p,
    };
    let (zh, en) = what;
    let message = match problem {
        NumberProblem::NotANumber => t(
            format!("{zh}不是有效的数字（请用半角数字，如 1234.56）"),
            format!("{en} is not a valid number (use plain digits, e.g. 1234.56)"),
        ),
        NumberProblem::Negative => t(format!("{zh}不能为负数"), format!("{en} must not be negative")),
        NumberProblem::TooManyDecimals => t(
            format!("{zh}最多{max_scale}位小数"),
            format!("{en} has more than {max_scale} decimals"),
        ),
        NumberProblem::TooLarge => {
            let max = crate::money::decimal_text(max);
            t(format!("{zh}不能超过{max}"), format!("{en} must not exceed {max}"))
        }
    };
    Err(Error::invalid(at.render(), message))
}

/// Money: 0 to 100,000,000 yuan with at most two decimals.
pub(crate) fn money(v: &Value, path: &str) -> Result<Decimal, Error> {
    money_at(v.scalar(), &At::Text(path))
}

pub(crate) fn money_at(v: Scalar<'_>, at: &At<'_>) -> Result<Decimal, Error> {
    number(v, at, 2, MAX_AMOUNT, ("金额", "amount"))
}

/// A ratio or share: 0 to 1 with at most four decimals.
pub(crate) fn ratio(v: &Value, path: &str) -> Result<Decimal, Error> {
    ratio_at(v.scalar(), &At::Text(path))
}

pub(crate) fn ratio_at(v: Scalar<'_>, at: &At<'_>) -> Result<Decimal, Error> {
    number(v, at, 4, Decimal::ONE, ("比例", "ratio"))
}

pub(crate) fn date(v: &Value, path: &str) -> Result<Date, Error> {
    date_at(v.scalar(), &At::Text(path))
}

pub(crate) fn date_at(v: Scalar<'_>, at: &At<'_>) -> Result<Date, Error> {
    let s = string_at(v, at, 32)?;
    Date::parse(s).ok_or_else(|| {
        Error::invalid(
            at.render(),
            t(
                format!("日期“{s}”无效，应为 YYYY-MM-DD"),
                format!("date '{s}' is not a valid YYYY-MM-DD date"),
            ),
        )
    })
}

/// A 6-digit administrative division code (行政区划代码) whose first two digits name a province.
pub(crate) fn division_code<'a>(v: &'a Value, path: &str) -> Result<&'a str, Error> {
    division_code_at(v.scalar(), &At::Text(path))
}

pub(crate) fn division_code_at<'a>(v: Scalar<'a>, at: &At<'_>) -> Result<&'a str, Error> {
    let s = string_at(v, at, 16)?;
    if crate::place::is_division_code(s) {
        Ok(s)
    } else {
        Err(Error::invalid(
            at.render(),
            t(
                format!("“{s}”不是有效的6位行政区划代码"),
                format!("'{s}' is not a valid 6-digit administrative division code"),
            ),
        ))
    }
}

/// One of a fixed set of words, e.g. `scheme`.
pub(crate) fn one_of<'a>(v: &Value, path: &str, allowed: &[&'a str]) -> Result<&'a str, Error> {
    one_of_at(v.scalar(), &At::Text(path), allowed)
}

pub(crate) fn one_of_at<'a>(v: Scalar<'_>, at: &At<'_>, allowed: &[&'a str]) -> Result<&'a str, Error> {
    let s = string_at(v, at, 64)?;
    allowed.iter().copied().find(|a| *a == s).ok_or_else(|| {
        let list = word_list(allowed);
        Error::invalid(
            at.render(),
            t(
                format!("“{s}”无效，可选值：{list}"),
                format!("'{s}' is not one of: {list}"),
            ),
        )
    })
}

pub(crate) fn text_pair(v: &Value, path: &str) -> Result<Text, Error> {
    let o = Obj::new(v, path)?;
    Ok(Text::new(
        o.req_str("zh", 200)?.to_string(),
        o.req_str("en", 200)?.to_string(),
    ))
}

#[cfg(test)]
mod tests {
    use super::{parse, repeated_keys, Value};
    use crate::error::Error;

    #[test]
    fn the_parser_remembers_a_repeated_key_once() -> Result<(), Error> {
        let v = parse(r#"{"a":1,"b":2,"a":3,"c":{"d":1,"d":2},"a":4}"#)?;
        assert_eq!(v.as_object().map(|m| m.repeated()), Some(&["a".to_string()][..]));
        let paths: Vec<String> = repeated_keys(&v).into_iter().map(|e| e.path).collect();
        assert_eq!(paths, ["a", "c.d"]);
        Ok(())
    }

    #[test]
    fn a_large_object_finds_every_key_and_the_last_of_a_repeat() -> Result<(), Error> {
        let text = format!(
            "{{{}}}",
            (0..500)
                .rev()
                .map(|i| format!(r#""k{i}":{i}"#))
                .collect::<Vec<_>>()
                .join(",")
        );
        let v = parse(&text)?;
        for i in 0..500 {
            // Large objects are searched by their index, small ones from end to end.
            assert_eq!(v.get(&format!("k{i}")), Some(&Value::Number(i.to_string())));
        }
        assert_eq!(v.get("k500"), None);
        assert_eq!(v.as_object().map(|m| m.repeated().is_empty()), Some(true));
        let twice = text.replacen('{', r#"{"k7":"first","k250":"first","#, 1);
        let v = parse(&twice)?;
        assert_eq!(v.get("k7"), Some(&Value::Number("7".into())));
        assert_eq!(v.get("k250"), Some(&Value::Number("250".into())));
        assert_eq!(
            v.as_object().map(|m| m.repeated()),
            Some(&["k250".to_string(), "k7".to_string()][..])
        );
        Ok(())
    }
}
