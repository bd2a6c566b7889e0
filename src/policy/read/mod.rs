//! Reading packs (the `maintainer` feature): one pack file ([`pack`]), its insured regions
//! ([`region`]) and its treatment-place data ([`places`]), with the toolkit they share here — a
//! reader that keeps going after a problem so that a maintainer sees every problem in a pack at
//! once, each with its exact path.

mod amounts;
mod consistency;
pub mod pack;
pub mod places;
mod references;
pub mod region;
mod rules;
mod table;

use crate::bilingual::{t, Text};
use crate::error::{Error, Problem};
use crate::json::Value;
use crate::json::{self, Obj};
use crate::policy::model::{Param, Provenance};
use pack::FORMAT_2;

pub struct Reader {
    pub pack: usize,
    pub problems: Vec<Problem>,
    /// The pack says `yibao-policy-pack/2`: the rule shapes of docs/pack-format.md "Rule shapes (format 2)" may be used.
    pub shapes: bool,
}

/// How a leaf value is read (a ratio, an amount, an amount or `null`, …).
pub type LeafFn<T> = fn(&Value, &str) -> Result<T, Error>;

impl Reader {
    pub fn new(pack: usize) -> Reader {
        Reader {
            pack,
            problems: Vec::new(),
            shapes: false,
        }
    }

    pub fn problem(&mut self, path: impl Into<String>, message: Text) {
        self.push(path.into(), message);
    }

    // `problem` and `take` are generic; what they share is compiled once.
    #[inline(never)]
    fn push(&mut self, path: String, message: Text) {
        self.problems.push(Problem {
            pack: self.pack,
            path,
            message,
        });
    }

    /// Keep the value, or record the error as a problem and go on.
    pub fn take<T>(&mut self, r: Result<T, Error>) -> Option<T> {
        match r {
            Ok(v) => Some(v),
            Err(e) => {
                self.push(e.path, e.message);
                None
            }
        }
    }

    /// A rule shape of docs/pack-format.md "Rule shapes (format 2)" at `path`: only a pack of format 2 may state it (an engine that
    /// knows only format 1 then refuses the pack by its format, not by one unknown key).
    pub fn shape(&mut self, path: &str, what: &str) {
        if !self.shapes {
            self.problem(
                path,
                t(
                    format!("“{what}”需要 \"format\": \"{FORMAT_2}\""),
                    format!("'{what}' needs \"format\": \"{FORMAT_2}\""),
                ),
            );
        }
    }

    pub fn obj<'a>(&mut self, v: &'a Value, path: &'a str) -> Option<Obj<'a>> {
        self.take(Obj::new(v, path))
    }

    /// Packs are strict: an unknown key is most often a typo that would silently change nothing.
    pub fn known_keys(&mut self, o: Obj<'_>, allowed: &[&str]) {
        for key in o.map.keys() {
            if !allowed.contains(&key.as_str()) {
                let list = json::word_list(allowed);
                self.problem(
                    o.at(key),
                    t(
                        format!("未知字段“{key}”（可用：{list}）"),
                        format!("unknown field '{key}' (expected one of: {list})"),
                    ),
                );
            }
        }
    }

    pub fn required<'a>(&mut self, o: Obj<'a>, key: &str) -> Option<&'a Value> {
        self.take(o.require(key))
    }

    pub fn string(&mut self, o: Obj<'_>, key: &str, max: usize) -> Option<String> {
        self.take(o.req_str(key, max)).map(str::to_string)
    }

    pub fn opt_string(&mut self, o: Obj<'_>, key: &str, max: usize) -> Option<String> {
        self.take(o.str(key, max)).flatten().map(str::to_string)
    }

    pub fn text(&mut self, o: Obj<'_>, key: &str) -> Option<Text> {
        let v = self.required(o, key)?;
        self.take(json::text_pair(v, &o.at(key)))
    }

    pub fn provenance(&mut self, o: Obj<'_>) -> Option<Provenance> {
        let v = self.required(o, "provenance")?;
        let s = self.take(json::one_of(v, &o.at("provenance"), &Provenance::ALL))?;
        Provenance::parse(s)
    }

    /// `{ "value": …, "provenance": "seed" | "national" | "assumed", "source"?: "…" }`. A value
    /// problem is reported at the parameter's own path, where a maintainer looks for it.
    pub fn param<T>(&mut self, v: &Value, path: &str, leaf: LeafFn<T>) -> Option<Param<T>> {
        let o = self.obj(v, path)?;
        self.known_keys(o, &["value", "provenance", "source"]);
        self.param_in(o, path, leaf)
    }

    /// A parameter's keys in an object that may hold others (checked by the caller).
    pub fn param_in<T>(&mut self, o: Obj<'_>, path: &str, leaf: LeafFn<T>) -> Option<Param<T>> {
        let value = match o.map.get("value") {
            None => {
                self.take::<()>(Err(*json::missing(path, "value")));
                None
            }
            Some(v) => self.take(leaf(v, path)),
        };
        let provenance = self.provenance(o);
        let source = self.opt_string(o, "source", 500);
        Some(Param {
            value: value?,
            provenance: provenance?,
            source,
        })
    }
}

/// Ids of diseases, groups and limits: short lowercase words, so rule ids stay readable.
pub fn is_id(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 64
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

pub fn nullable_money(v: &Value, path: &str) -> Result<Option<rust_decimal::Decimal>, Error> {
    if v.is_null() {
        Ok(None)
    } else {
        json::money(v, path).map(Some)
    }
}
