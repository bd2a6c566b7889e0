//! JSON: a small reader of our own, and the helpers that read requests and packs by hand rather
//! than by derive — so that every refusal names its exact field (`items[2].amount`) with a
//! bilingual message, and numbers keep their exact decimal text.
//!
//! The wasm keeps this reader rather than serde_json because it earns its size: measured on
//! 2026-11-30, the web build's `.wasm` is 235,894 bytes (97,486 gzip -9) with it and 297,037
//! (125,045 gzip) with `serde_json::from_str` (`arbitrary_precision` and `preserve_order`, which
//! keeping numbers' text and documents' order needs) put in its place — 26 % more to download on a
//! phone. Writing JSON is the native CLI's business (`cli/`, with serde_json), and the page's own
//! `.wasm`'s: its results cross to JavaScript as JSON text ([`write`]).
//!
//! Text is parsed onto a [`Tape`] (one flat list of values borrowing the text). Requests are read
//! from the tape with [`Fields`]; packs and manifests from a [`Value`] tree built from it, whose
//! objects are indexed by key once. Objects hold at most
//! [`MAX_MEMBERS`](crate::limits::MAX_MEMBERS) members, so any text within the size limits is
//! read in time linear in its size. A key written twice is kept and listed ([`Map::repeated`],
//! [`repeated_keys`], [`Tape::repeated_key`]) for the readers to refuse at its path.

mod fail;
mod fields;
#[cfg(feature = "maintainer")]
mod obj;
mod parse;
mod read;
mod scalar;
mod tape;
mod value;
// The page's build only (no `maintainer` feature): the npm package's builds keep serde-wasm-bindgen.
#[cfg(any(test, all(target_arch = "wasm32", not(feature = "maintainer"))))]
pub(crate) mod write;

pub(crate) use fail::{Fail, Res};
pub(crate) use fields::Fields;
#[cfg(feature = "maintainer")]
pub use obj::repeated_keys;
#[cfg(feature = "maintainer")]
pub(crate) use obj::{array, money, one_of, ratio, text_pair, Obj};
pub(crate) use read::*;
pub(crate) use scalar::{kind_name, Scalar};
pub use tape::{Kind, Node, Tape};
pub use value::{key_order, order_by_key, repeats, Map, Value};

/// Parse JSON text into a [`Value`] (packs, manifests): strict RFC 8259, numbers as their text.
pub fn parse(text: &str) -> Result<Value, Error> {
    Ok(Tape::parse(text)?.to_value())
}

use crate::error::Error;

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
