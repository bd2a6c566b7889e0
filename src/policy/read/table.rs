//! Reading a [`Table`]: a parameter, or a split on one dimension (scheme, status, hospital level,
//! and in format 2 the region's tiers or age bands) whose arms must cover every key. Apart from
//! the reader's toolkit because it is one grammar of its own, and the largest.

use super::{LeafFn, Reader};
use crate::bilingual::t;
use crate::json::{self, Obj, Value};
use crate::path::{join_item, join_key};
use crate::policy::model::{Dim, Table};

impl Reader {
    /// A [`Table`]: a parameter, or an object splitting on one dimension with an optional
    /// `default` arm. Every key of the dimension must be covered.
    pub fn table<T>(&mut self, v: &Value, path: &str, leaf: LeafFn<T>) -> Option<Table<T>> {
        let o = self.obj(v, path)?;
        if o.map.contains_key("value") || o.map.contains_key("provenance") {
            return self.param(v, path, leaf).map(Table::Leaf);
        }
        if o.map.contains_key("byTier") || o.map.contains_key("byAge") {
            return self.split(o, path, leaf);
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
        complete.then_some(Table::Node {
            dim,
            arms,
            unknown: None,
        })
    }

    /// A split on the region's tiers (`byTier`) or on age bands (`byAge`), with the arm that
    /// answers when the request does not say (`ifUnknown`: docs/calculation.md §4).
    fn split<T>(&mut self, o: Obj<'_>, path: &str, leaf: LeafFn<T>) -> Option<Table<T>> {
        self.known_keys(o, &["byTier", "byAge", "ifUnknown"]);
        let (dim, key) = if o.map.contains_key("byTier") {
            (Dim::Tier, "byTier")
        } else {
            (Dim::Age, "byAge")
        };
        self.shape(&o.at(key), key);
        if o.map.contains_key("byTier") && o.map.contains_key("byAge") {
            self.problem(
                path,
                t(
                    "同一层只能按一个维度分档：byTier 与 byAge 应分两层",
                    "one level of a table splits on one dimension only: nest byTier and byAge",
                ),
            );
            return None;
        }
        let split_path = o.at(key);
        let v = self.required(o, key)?;
        let arms = match dim {
            Dim::Tier => self.tier_arms(v, &split_path, leaf),
            _ => self.age_bands(v, &split_path, leaf),
        };
        let unknown = match o.get("ifUnknown") {
            None => {
                let (zh, en) = match dim {
                    Dim::Tier => ("未提供档次", "the tier is not given"),
                    _ => ("未提供年龄", "the age is not given"),
                };
                self.problem(
                    o.at("ifUnknown"),
                    t(
                        format!("缺少 ifUnknown：{zh}时适用哪一档（应为对参保人最不利的一档）"),
                        format!("missing 'ifUnknown': the arm that applies when {en} (the one least favourable to the person)"),
                    ),
                );
                None
            }
            Some(v) => self.take(match dim {
                Dim::Tier => json::string(v, &o.at("ifUnknown"), 64).map(str::to_string),
                _ => json::whole(v, &o.at("ifUnknown"), 150, ("年龄", "age")).map(|n| n.to_string()),
            }),
        };
        let (arms, unknown) = (arms?, unknown?);
        if !arms.iter().any(|(k, _)| *k == unknown) {
            let list = json::word_list(&arms.iter().map(|(k, _)| k.as_str()).collect::<Vec<_>>());
            self.problem(
                o.at("ifUnknown"),
                t(
                    format!("ifUnknown“{unknown}”不是本层的一档（可选：{list}）"),
                    format!("ifUnknown '{unknown}' is not one of this split's arms ({list})"),
                ),
            );
            return None;
        }
        Some(Table::Node {
            dim,
            arms,
            unknown: Some(unknown),
        })
    }

    /// `byTier`: tier id → table, with an optional `default` (the ids are checked against the
    /// version's `tiers` once the version is read).
    fn tier_arms<T>(&mut self, v: &Value, path: &str, leaf: LeafFn<T>) -> Option<Vec<(String, Table<T>)>> {
        let o = self.obj(v, path)?;
        let mut arms = Vec::with_capacity(o.map.len());
        let mut complete = true;
        for (key, arm) in o.map {
            match self.table(arm, &join_key(path, key), leaf) {
                Some(table) => arms.push((key.clone(), table)),
                None => complete = false,
            }
        }
        if arms.is_empty() && complete {
            self.problem(path, t("至少需要一档", "needs at least one arm"));
            return None;
        }
        complete.then_some(arms)
    }

    /// `byAge`: bands `{ fromAge, belowAge?, <parameter> | then: <table> }` in increasing order,
    /// from 0 and with no gap, the last open-ended. Each arm is named by its first age.
    fn age_bands<T>(&mut self, v: &Value, path: &str, leaf: LeafFn<T>) -> Option<Vec<(String, Table<T>)>> {
        let list = self.take(json::array(v, path))?;
        if list.is_empty() {
            self.problem(path, t("至少需要一个年龄段", "needs at least one age band"));
            return None;
        }
        let mut arms = Vec::with_capacity(list.len());
        let mut complete = true;
        // Where the previous band ended (its `belowAge`), if it has an end.
        let mut expected: Option<u16> = Some(0);
        for (i, band) in list.iter().enumerate() {
            let bpath = join_item(path, i);
            let Some(o) = self.obj(band, &bpath) else {
                complete = false;
                continue;
            };
            self.known_keys(o, &["fromAge", "belowAge", "then", "value", "provenance", "source"]);
            let from = self
                .required(o, "fromAge")
                .and_then(|v| self.take(json::whole(v, &o.at("fromAge"), 150, ("年龄", "age"))));
            let below = o
                .get("belowAge")
                .map(|v| self.take(json::whole(v, &o.at("belowAge"), 151, ("年龄", "age"))));
            let table = match o.get("then") {
                Some(then) => self.table(then, &o.at("then"), leaf),
                None => self.param_in(o, &bpath, leaf).map(Table::Leaf),
            };
            let (Some(from), Some(table)) = (from, table) else {
                complete = false;
                continue;
            };
            let below = match below {
                Some(None) => {
                    complete = false;
                    continue;
                }
                Some(Some(b)) => Some(b),
                None => None,
            };
            match expected {
                None => {
                    self.problem(
                        join_item(path, i - 1),
                        t(
                            "只有最后一个年龄段可以不写 belowAge",
                            "only the last age band may leave out 'belowAge'",
                        ),
                    );
                    complete = false;
                }
                Some(start) if from > start => {
                    self.problem(
                        o.at("fromAge"),
                        t(
                            format!("{start}岁至{from}岁（不含）不在任何年龄段内"),
                            format!("ages {start} to {from} (not included) are in no band"),
                        ),
                    );
                    complete = false;
                }
                Some(start) if from < start => {
                    self.problem(
                        o.at("fromAge"),
                        t(
                            format!("年龄段重叠：{from}岁起的段与上一段（至{start}岁）重叠"),
                            format!("age bands overlap: the band from {from} overlaps the one before (up to {start})"),
                        ),
                    );
                    complete = false;
                }
                Some(_) => {}
            }
            if let Some(b) = below.filter(|b| *b <= from) {
                self.problem(
                    o.at("belowAge"),
                    t(
                        format!("belowAge（{b}）应大于 fromAge（{from}）"),
                        format!("belowAge ({b}) must be greater than fromAge ({from})"),
                    ),
                );
                complete = false;
            }
            expected = below;
            arms.push((from.to_string(), table));
        }
        if let Some(end) = expected.filter(|_| complete) {
            self.problem(
                join_item(path, list.len() - 1),
                t(
                    format!("{end}岁及以上不在任何年龄段内：最后一段不写 belowAge"),
                    format!("ages {end} and over are in no band: leave 'belowAge' out of the last band"),
                ),
            );
            complete = false;
        }
        complete.then_some(arms)
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
