//! Reading packs (the `maintainer` feature): one pack file ([`pack`]), its insured regions
//! ([`region`]) and its treatment-place data ([`places`]), with the toolkit they share here — a
//! reader that keeps going after a problem so that a maintainer sees every problem in a pack at
//! once, each with its exact path.

pub mod pack;
pub mod places;
pub mod region;

use crate::bilingual::{t, Text};
use crate::error::{Error, Problem};
use crate::json::Value;
use crate::json::{self, Obj};
use crate::path::join_key;
use crate::policy::model::{Dim, Param, Provenance, Table};

pub struct Reader {
    pub pack: usize,
    pub problems: Vec<Problem>,
}

/// How a leaf value is read (a ratio, an amount, an amount or `null`, …).
pub type LeafFn<T> = fn(&Value, &str) -> Result<T, Error>;

impl Reader {
    pub fn new(pack: usize) -> Reader {
        Reader {
            pack,
            problems: Vec::new(),
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
        let value = match o.map.get("value") {
            None => {
                self.take::<()>(Err(json::missing(path, "value")));
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

    /// A [`Table`]: a parameter, or an object splitting on one dimension with an optional
    /// `default` arm. Every key of the dimension must be covered.
    pub fn table<T>(&mut self, v: &Value, path: &str, leaf: LeafFn<T>) -> Option<Table<T>> {
        let o = self.obj(v, path)?;
        if o.map.contains_key("value") || o.map.contains_key("provenance") {
            return self.param(v, path, leaf).map(Table::Leaf);
        }
        let mut dim: Option<Dim> = None;
        let mut arms: Vec<(String, Table<T>)> = Vec::new();
        let mut complete = true;
        for (key, arm) in o.map {
            let arm_path = join_key(path, key);
            if key != "default" && !self.arm_dim(key, &arm_path, &mut dim) {
                complete = false;
                continue;
            }
            match self.table(arm, &arm_path, leaf) {
                Some(table) => {
                    arms.push((key.clone(), table));
                }
                None => complete = false,
            }
        }
        let Some(dim) = dim else {
            // Only a `default` arm (or nothing): the default is the whole table.
            return match arms.pop().filter(|(k, _)| k == "default") {
                Some((_, table)) => Some(table),
                None => {
                    if complete {
                        self.problem(
                            path,
                            t(
                                "应为参数 {value, provenance} 或分档表",
                                "must be a parameter {value, provenance} or a table of arms",
                            ),
                        );
                    }
                    None
                }
            };
        };
        if !arms.iter().any(|(k, _)| k == "default") && !self.all_arms(o, path, dim) {
            complete = false;
        }
        complete.then_some(Table::Node { dim, arms })
    }

    // The checks of `table` that do not depend on its leaves' type, apart so that they are
    // compiled once rather than once per `T` (two tables' worth of wasm).

    /// Whether `key` names an arm of the dimension this level splits on (`dim`, set by the first
    /// arm); a problem at `arm_path` if not.
    #[inline(never)]
    fn arm_dim(&mut self, key: &str, arm_path: &str, dim: &mut Option<Dim>) -> bool {
        match (Dim::of_key(key), *dim) {
            (None, _) => {
                self.problem(
                    arm_path,
                    t(
                        format!("未知分档“{key}”：应为 employee/resident、working/retired、level1–level3 或 default"),
                        format!("unknown key '{key}': expected employee/resident, working/retired, level1–level3 or default"),
                    ),
                );
                false
            }
            (Some(d), Some(prev)) if d != prev => {
                self.problem(
                    arm_path,
                    t(
                        "同一层只能按一个维度分档（险种、在职/退休或医院等级）",
                        "one level of a table splits on one dimension only (scheme, status or hospital level)",
                    ),
                );
                false
            }
            (Some(d), _) => {
                *dim = Some(d);
                true
            }
        }
    }

    /// Whether every key of `dim` has an arm in `o`; a problem at `path` for each missing one.
    #[inline(never)]
    fn all_arms(&mut self, o: Obj<'_>, path: &str, dim: Dim) -> bool {
        let mut all = true;
        for key in dim.keys() {
            if !o.map.contains_key(key) {
                all = false;
                self.problem(
                    path,
                    t(
                        format!("缺少分档“{key}”（或 default）"),
                        format!("missing arm '{key}' (or 'default')"),
                    ),
                );
            }
        }
        all
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
