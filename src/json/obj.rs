//! An object of a [`Value`] tree being read, with its path, and the readers of a value in it:
//! how packs and pinned manifests are read (the `maintainer` feature; requests are read from the
//! tape, [`Fields`](super::Fields)).

use super::read::{date_at, missing, money_at, one_of_at, ratio_at, repeated_key, string_at, wrong_kind};
use super::scalar::{kind_name, kind_of};
use super::value::{Map, Value};
use crate::bilingual::{t, Text};
use crate::date::Date;
use crate::error::Error;
use crate::path::{join_key, At};
use rust_decimal::Decimal;

pub(crate) fn wrong_type(path: &str, v: &Value, want_zh: &str, want_en: &str) -> Error {
    wrong_kind(path, kind_name(kind_of(v)), want_zh, want_en)
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
            None => Err(*missing(&self.at(key), key)),
        }
    }

    pub fn str(&self, key: &str, max_chars: usize) -> Result<Option<&'a str>, Error> {
        self.get(key)
            .map(|v| string_at(v.scalar(), &self.field(key), max_chars))
            .transpose()
            .map_err(|e| *e)
    }

    pub fn req_str(&self, key: &str, max_chars: usize) -> Result<&'a str, Error> {
        Ok(string_at(self.require(key)?.scalar(), &self.field(key), max_chars)?)
    }

    pub fn bool(&self, key: &str) -> Result<Option<bool>, Error> {
        match self.get(key) {
            None => Ok(None),
            Some(Value::Bool(b)) => Ok(Some(*b)),
            Some(other) => Err(wrong_type(&self.at(key), other, "true 或 false", "true or false")),
        }
    }

    pub fn date(&self, key: &str) -> Result<Option<Date>, Error> {
        self.get(key)
            .map(|v| date_at(v.scalar(), &self.field(key)))
            .transpose()
            .map_err(|e| *e)
    }

    pub fn req_date(&self, key: &str) -> Result<Date, Error> {
        Ok(date_at(self.require(key)?.scalar(), &self.field(key))?)
    }

    pub fn array(&self, key: &str) -> Result<Option<&'a Vec<Value>>, Error> {
        match self.get(key) {
            None => Ok(None),
            Some(Value::Array(a)) => Ok(Some(a)),
            Some(other) => Err(wrong_type(&self.at(key), other, "数组", "an array")),
        }
    }
}

/// An array value.
pub(crate) fn array<'a>(v: &'a Value, path: &str) -> Result<&'a Vec<Value>, Error> {
    match v {
        Value::Array(a) => Ok(a),
        other => Err(wrong_type(path, other, "数组", "an array")),
    }
}

/// Money: 0 to 100,000,000 yuan with at most two decimals.
pub(crate) fn money(v: &Value, path: &str) -> Result<Decimal, Error> {
    Ok(money_at(v.scalar(), &At::Text(path))?)
}

/// A ratio or share: 0 to 1 with at most four decimals.
pub(crate) fn ratio(v: &Value, path: &str) -> Result<Decimal, Error> {
    Ok(ratio_at(v.scalar(), &At::Text(path))?)
}

/// One of a fixed set of words, e.g. `scheme`.
pub(crate) fn one_of<'a>(v: &Value, path: &str, allowed: &[&'a str]) -> Result<&'a str, Error> {
    Ok(one_of_at(v.scalar(), &At::Text(path), allowed)?)
}

pub(crate) fn text_pair(v: &Value, path: &str) -> Result<Text, Error> {
    let o = Obj::new(v, path)?;
    Ok(Text::new(
        o.req_str("zh", 200)?.to_string(),
        o.req_str("en", 200)?.to_string(),
    ))
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
