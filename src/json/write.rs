//! Writing a result as JSON text: what the WebAssembly facade hands to JavaScript, which parses it
//! once (`JSON.parse`), instead of building the result object property by property across the
//! boundary. A serde `Serializer` for the shapes results have — structs, maps, sequences,
//! strings, unsigned integers, booleans, `null` — as compact JSON (RFC 8259), the same text
//! serde_json writes for them (held to it by the tests below).

use serde::ser::{self, Serialize};
use std::fmt::{self, Display};

/// `value` as JSON text.
pub fn to_text<T: Serialize + ?Sized>(value: &T) -> Result<String, Unsupported> {
    let mut out = Writer(String::with_capacity(1024));
    value.serialize(&mut out)?;
    Ok(out.0)
}

/// A value results never hold (a float, a byte string, …), or a serde error. Boxed: a result
/// of the serializer is then one word, and each `?` of the derived `Serialize`s passes it on
/// rather than copying a whole `String`.
#[derive(Debug)]
#[allow(clippy::box_collection)] // one word on purpose: `Box<str>` is two
pub struct Unsupported(Box<String>);

impl Display for Unsupported {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Unsupported {}

impl ser::Error for Unsupported {
    fn custom<M: Display>(msg: M) -> Self {
        Unsupported(Box::new(msg.to_string()))
    }
}

fn unsupported<T>(what: &str) -> Result<T, Unsupported> {
    Err(Unsupported(Box::new(what.to_string())))
}

pub struct Writer(String);

impl Writer {
    // Not inlined: every string of every result goes through here.
    #[inline(never)]
    fn string(&mut self, s: &str) {
        let out = &mut self.0;
        out.push('"');
        let mut start = 0;
        for (i, b) in s.bytes().enumerate() {
            let escape: &str = match b {
                b'"' => "\\\"",
                b'\\' => "\\\\",
                b'\n' => "\\n",
                b'\r' => "\\r",
                b'\t' => "\\t",
                0..=0x1f => "",
                _ => continue,
            };
            // `get`, not indexing: the cut is at an ASCII byte, and indexing would bring in its
            // panic's formatting.
            out.push_str(s.get(start..i).unwrap_or(""));
            if escape.is_empty() {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.push_str("\\u00");
                out.push(char::from(HEX[usize::from(b >> 4)]));
                out.push(char::from(HEX[usize::from(b & 15)]));
            } else {
                out.push_str(escape);
            }
            start = i + 1;
        }
        out.push_str(s.get(start..).unwrap_or(""));
        out.push('"');
    }

    /// A separator before every member but the first (`first` is then cleared).
    fn comma(&mut self, first: &mut bool) {
        if *first {
            *first = false;
        } else {
            self.0.push(',');
        }
    }
}

/// An object or array being written: whether its first member is still to come.
pub struct Compound<'w> {
    w: &'w mut Writer,
    first: bool,
    close: char,
}

impl Compound<'_> {
    fn element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Unsupported> {
        self.w.comma(&mut self.first);
        value.serialize(&mut *self.w)
    }

    fn member<T: Serialize + ?Sized>(&mut self, key: &str, value: &T) -> Result<(), Unsupported> {
        self.key(key);
        value.serialize(&mut *self.w)
    }

    /// A member's separator, key and colon: one call at each of the results' fields, which the
    /// derived `Serialize`s otherwise write out in full.
    #[inline(never)]
    fn key(&mut self, key: &str) {
        self.w.comma(&mut self.first);
        self.w.string(key);
        self.w.0.push(':');
    }

    fn end(self) -> Result<(), Unsupported> {
        self.w.0.push(self.close);
        Ok(())
    }
}

impl<'w> ser::Serializer for &'w mut Writer {
    type Ok = ();
    type Error = Unsupported;
    type SerializeSeq = Compound<'w>;
    type SerializeTuple = Compound<'w>;
    type SerializeTupleStruct = Compound<'w>;
    type SerializeTupleVariant = Compound<'w>;
    type SerializeMap = Compound<'w>;
    type SerializeStruct = Compound<'w>;
    type SerializeStructVariant = Compound<'w>;

    fn serialize_bool(self, v: bool) -> Result<(), Unsupported> {
        self.0.push_str(if v { "true" } else { "false" });
        Ok(())
    }

    fn serialize_i8(self, v: i8) -> Result<(), Unsupported> {
        self.serialize_i64(i64::from(v))
    }

    fn serialize_i16(self, v: i16) -> Result<(), Unsupported> {
        self.serialize_i64(i64::from(v))
    }

    fn serialize_i32(self, v: i32) -> Result<(), Unsupported> {
        self.serialize_i64(i64::from(v))
    }

    fn serialize_i64(self, v: i64) -> Result<(), Unsupported> {
        if v < 0 {
            self.0.push('-');
        }
        self.serialize_u64(v.unsigned_abs())
    }

    fn serialize_u8(self, v: u8) -> Result<(), Unsupported> {
        self.serialize_u64(u64::from(v))
    }

    fn serialize_u16(self, v: u16) -> Result<(), Unsupported> {
        self.serialize_u64(u64::from(v))
    }

    fn serialize_u32(self, v: u32) -> Result<(), Unsupported> {
        self.serialize_u64(u64::from(v))
    }

    // Digit by digit: no integer formatting (core::fmt) for the few counts and indexes results hold.
    fn serialize_u64(self, v: u64) -> Result<(), Unsupported> {
        let mut digits = [0u8; 20];
        let (mut n, mut i) = (v, digits.len());
        loop {
            i -= 1;
            digits[i] = b'0' + (n % 10) as u8;
            n /= 10;
            if n == 0 {
                break;
            }
        }
        for d in &digits[i..] {
            self.0.push(char::from(*d));
        }
        Ok(())
    }

    fn serialize_f32(self, _: f32) -> Result<(), Unsupported> {
        unsupported("f32")
    }

    fn serialize_f64(self, _: f64) -> Result<(), Unsupported> {
        unsupported("f64")
    }

    fn serialize_char(self, v: char) -> Result<(), Unsupported> {
        self.string(v.encode_utf8(&mut [0; 4]));
        Ok(())
    }

    fn serialize_str(self, v: &str) -> Result<(), Unsupported> {
        self.string(v);
        Ok(())
    }

    fn serialize_bytes(self, _: &[u8]) -> Result<(), Unsupported> {
        unsupported("bytes")
    }

    fn serialize_none(self) -> Result<(), Unsupported> {
        self.serialize_unit()
    }

    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Unsupported> {
        value.serialize(self)
    }

    fn serialize_unit(self) -> Result<(), Unsupported> {
        self.0.push_str("null");
        Ok(())
    }

    fn serialize_unit_struct(self, _: &'static str) -> Result<(), Unsupported> {
        self.serialize_unit()
    }

    fn serialize_unit_variant(self, _: &'static str, _: u32, variant: &'static str) -> Result<(), Unsupported> {
        self.string(variant);
        Ok(())
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _: &'static str, value: &T) -> Result<(), Unsupported> {
        value.serialize(self)
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<(), Unsupported> {
        unsupported("newtype variant")
    }

    fn serialize_seq(self, _: Option<usize>) -> Result<Compound<'w>, Unsupported> {
        self.0.push('[');
        Ok(Compound {
            w: self,
            first: true,
            close: ']',
        })
    }

    fn serialize_tuple(self, len: usize) -> Result<Compound<'w>, Unsupported> {
        self.serialize_seq(Some(len))
    }

    fn serialize_tuple_struct(self, _: &'static str, len: usize) -> Result<Compound<'w>, Unsupported> {
        self.serialize_seq(Some(len))
    }

    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Compound<'w>, Unsupported> {
        unsupported("tuple variant")
    }

    fn serialize_map(self, _: Option<usize>) -> Result<Compound<'w>, Unsupported> {
        self.0.push('{');
        Ok(Compound {
            w: self,
            first: true,
            close: '}',
        })
    }

    fn serialize_struct(self, _: &'static str, len: usize) -> Result<Compound<'w>, Unsupported> {
        self.serialize_map(Some(len))
    }

    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Compound<'w>, Unsupported> {
        unsupported("struct variant")
    }
}

impl ser::SerializeMap for Compound<'_> {
    type Ok = ();
    type Error = Unsupported;

    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Unsupported> {
        self.w.comma(&mut self.first);
        // Keys are strings in every result (struct fields, disease ids, check codes).
        key.serialize(&mut *self.w)?;
        self.w.0.push(':');
        Ok(())
    }

    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Unsupported> {
        value.serialize(&mut *self.w)
    }

    fn end(self) -> Result<(), Unsupported> {
        Compound::end(self)
    }
}

// The seven compound serializers differ only in their trait and method names: a list's element
// or a named member, then the closing bracket.
macro_rules! elements {
    ($($trait:ident :: $method:ident),*) => {$(
        impl ser::$trait for Compound<'_> {
            type Ok = ();
            type Error = Unsupported;

            fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Unsupported> {
                self.element(value)
            }

            fn end(self) -> Result<(), Unsupported> {
                Compound::end(self)
            }
        }
    )*};
}

macro_rules! members {
    ($($trait:ident),*) => {$(
        impl ser::$trait for Compound<'_> {
            type Ok = ();
            type Error = Unsupported;

            fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result<(), Unsupported> {
                self.member(key, value)
            }

            fn end(self) -> Result<(), Unsupported> {
                Compound::end(self)
            }
        }
    )*};
}

elements!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
    SerializeTupleVariant::serialize_field
);
members!(SerializeStruct, SerializeStructVariant);

#[cfg(test)]
mod tests {
    use super::to_text;
    use crate::wire::Wire;

    /// Byte for byte what serde_json writes, for every result the engine gives on the shared
    /// cases and the listings.
    #[test]
    fn writes_what_serde_json_writes() -> Result<(), crate::Error> {
        let engine = crate::Engine::with_defaults()?;
        let mut checked = 0;
        for name in ["public.json", "additions.json"] {
            let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/cases/").to_string() + name;
            let Ok(text) = std::fs::read_to_string(&path) else {
                continue;
            };
            let cases: serde_json::Value = serde_json::from_str(&text).unwrap_or_default();
            for case in cases.as_array().into_iter().flatten() {
                let request = case["request"].to_string();
                if let Ok(estimate) = engine.estimate_text(&request) {
                    let ours = to_text(&estimate)
                        .map_err(|e| crate::Error::invalid("", crate::bilingual::t(e.to_string(), e.to_string())))?;
                    assert_eq!(ours, serde_json::to_string(&estimate).unwrap_or_default());
                    checked += 1;
                }
            }
        }
        assert!(checked > 20, "{checked} results checked");
        let regions = engine.regions();
        assert_eq!(to_text(&regions).ok(), serde_json::to_string(&regions).ok());
        let places = engine.places();
        assert_eq!(to_text(&places).ok(), serde_json::to_string(&places).ok());
        let strange = "a\"b\\c\nd\u{1}e\u{1f}中文\u{2028}";
        assert_eq!(to_text(strange).ok(), serde_json::to_string(strange).ok());
        assert_eq!(
            to_text(&[0u64, 7, 18_446_744_073_709_551_615]).ok(),
            Some("[0,7,18446744073709551615]".to_string())
        );
        Ok(())
    }
}
