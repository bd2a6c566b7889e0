//! Checks across a whole version, once it is read: what one key at a time cannot see. Tables split
//! only on tiers the region declares, and cover each of them; the arm a table names for a tier or
//! an age the request does not give is the least favourable one (docs/calculation.md §4); and every cut for a
//! temporary visitor stays within the national ceiling for every key of every disease's ratio
//! (docs/calculation.md §4).

use super::Reader;
use crate::bilingual::t;
use crate::money::{minus, Ratio};
use crate::path::{join_item, join_key};
use crate::policy::model::{Amount, Base, Cut, Dim, FilingCategory, Period, Scheme, Status, Table, Version, Who};
use rust_decimal::Decimal;

pub fn check_version(r: &mut Reader, version: &Version, path: &str) {
    let tiers: Vec<&str> = version.tiers.iter().map(|(id, _)| id.as_str()).collect();
    let mut ages = vec![None];
    let mut tables = Vec::new();
    each_table(version, path, &mut |p, table| tables.push((p, table)));
    for (_, table) in &tables {
        table.ages(&mut ages);
    }
    let whos = whos(&tiers, &ages);
    for (p, table) in &tables {
        table.check(r, p, &tiers, &whos);
    }
    check_cuts(r, version, path, &whos);
}

/// Which way a parameter favours the person: a ratio or a limit when it is higher, a deductible
/// when it is lower.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Favour {
    Higher,
    Lower,
}

/// One of a version's tables, whatever its leaves.
enum AnyTable<'a> {
    Amounts(&'a Table<Decimal>, Favour),
    /// Amounts or `null` (no limit: the most favourable of all).
    Limits(&'a Table<Option<Decimal>>),
}

impl AnyTable<'_> {
    fn ages(&self, out: &mut Vec<Option<u8>>) {
        match self {
            AnyTable::Amounts(t, _) => ages(t, out),
            AnyTable::Limits(t) => ages(t, out),
        }
    }

    fn check(&self, r: &mut Reader, path: &str, tiers: &[&str], whos: &[Who<'_>]) {
        match self {
            AnyTable::Amounts(table, favour) => check_table(r, table, path, tiers, whos, &|v| Some(*v), *favour),
            AnyTable::Limits(table) => check_table(r, table, path, tiers, whos, &|v| *v, Favour::Higher),
        }
    }
}

/// Every table of a version with its path.
fn each_table<'a>(version: &'a Version, path: &str, f: &mut dyn FnMut(String, AnyTable<'a>)) {
    let at = |parts: &[&str]| parts.iter().fold(path.to_string(), |p, k| join_key(&p, k));
    // A ratio left to the person's terms is held to the national ceilings when it is used.
    for (id, d) in &version.diseases {
        if let Some(ratio) = &d.ratio {
            f(at(&["diseases", id, "ratio"]), AnyTable::Amounts(ratio, Favour::Higher));
        }
    }
    for (id, d) in &version.deductibles {
        if let crate::policy::model::Deductible::Standard { amount, .. } = d {
            f(
                at(&["deductibles", id, "amount"]),
                AnyTable::Amounts(amount, Favour::Lower),
            );
        }
    }
    for (id, limit) in &version.limits {
        for cap in &limit.caps {
            let base = if cap.base == Base::InScopeCost {
                "inScopeCost."
            } else {
                ""
            };
            let key = match cap.period {
                Period::Year => "annual",
                Period::Month => "monthly",
                Period::Visit => "perVisit",
            };
            let cpath = format!("{}.{base}{key}", at(&["limits", id]));
            match &cap.amount {
                Amount::Fixed(t) => f(cpath, AnyTable::Limits(t)),
                Amount::Growing { base, step, maximum } => {
                    for (k, t) in [("base", base), ("step", step), ("maximum", maximum)] {
                        f(format!("{cpath}.growing.{k}"), AnyTable::Amounts(t, Favour::Higher));
                    }
                }
                Amount::Ranked { standards, .. } => {
                    for (d, t) in standards {
                        f(
                            format!("{cpath}.ranked.standards.{d}"),
                            AnyTable::Amounts(t, Favour::Higher),
                        );
                    }
                }
                Amount::Scheduled(steps) => {
                    for (i, (_, t)) in steps.iter().enumerate() {
                        f(format!("{cpath}.schedule[{i}].amount"), AnyTable::Limits(t));
                    }
                }
            }
        }
    }
    let ceiling = if version.overall_with_inpatient {
        at(&["overallCeiling", "amount"])
    } else {
        at(&["overallCeiling"])
    };
    f(ceiling, AnyTable::Limits(&version.overall_ceiling));
    for (category, cut) in FilingCategory::IDS.iter().zip(&version.reductions) {
        if let Cut::Ratio(t) = cut {
            f(
                at(&["reductions", category, "ratio"]),
                AnyTable::Amounts(t, Favour::Higher),
            );
        }
    }
    if let Cut::Ratio(t) = &version.unfiled_reduction {
        f(at(&["unfiledReduction", "ratio"]), AnyTable::Amounts(t, Favour::Higher));
    }
}

/// The first ages of every age band in a table.
fn ages<T>(table: &Table<T>, out: &mut Vec<Option<u8>>) {
    if let Table::Node { dim, arms, .. } = table {
        for (k, arm) in arms {
            if let (Dim::Age, Ok(age)) = (dim, k.parse::<u8>()) {
                if !out.contains(&Some(age)) {
                    out.push(Some(age));
                }
            }
            ages(arm, out);
        }
    }
}

/// Every person a table can be asked about: each scheme, status and level, each declared tier
/// and each age where a band starts, and neither tier nor age given.
fn whos<'a>(tiers: &[&'a str], ages: &[Option<u8>]) -> Vec<Who<'a>> {
    let mut out = Vec::new();
    for scheme in [Scheme::Employee, Scheme::Resident] {
        for status in [Status::Working, Status::Retired] {
            for level in 1..=3 {
                for tier in tiers.iter().map(|t| Some(*t)).chain([None]) {
                    for age in ages {
                        out.push(Who {
                            scheme,
                            status,
                            level,
                            age: *age,
                            tier,
                        });
                    }
                }
            }
        }
    }
    out
}

/// The JSON path of each arm of a node at `path`.
fn arm_path<T>(path: &str, dim: Dim, index: usize, key: &str, arm: &Table<T>) -> String {
    match dim {
        Dim::Tier => join_key(&join_key(path, "byTier"), key),
        // A band holds a parameter inline, or a table under `then`.
        Dim::Age => {
            let band = join_item(&join_key(path, "byAge"), index);
            match arm {
                Table::Leaf(_) => band,
                Table::Node { .. } => join_key(&band, "then"),
            }
        }
        _ => join_key(path, key),
    }
}

fn check_table<T>(
    r: &mut Reader,
    table: &Table<T>,
    path: &str,
    tiers: &[&str],
    whos: &[Who<'_>],
    level: &dyn Fn(&T) -> Option<Decimal>,
    favour: Favour,
) {
    let Table::Node { dim, arms, unknown } = table else {
        return;
    };
    if *dim == Dim::Tier {
        check_tiers(r, arms, path, tiers);
    }
    if let Some(unknown) = unknown {
        check_unknown(r, arms, unknown, &join_key(path, "ifUnknown"), whos, level, favour);
    }
    for (i, (key, arm)) in arms.iter().enumerate() {
        check_table(r, arm, &arm_path(path, *dim, i, key, arm), tiers, whos, level, favour);
    }
}

/// A tier split names only the region's tiers, and each of them (or has `default`).
fn check_tiers<T>(r: &mut Reader, arms: &[(String, Table<T>)], path: &str, tiers: &[&str]) {
    let split = join_key(path, "byTier");
    if tiers.is_empty() {
        r.problem(
            &split,
            t(
                "按档次分档前，须在版本的 tiers 中列出本地的档次",
                "list the region's tiers in the version's 'tiers' before splitting on them",
            ),
        );
        return;
    }
    for (key, _) in arms {
        if key != "default" && !tiers.contains(&key.as_str()) {
            let list = crate::json::word_list(tiers);
            r.problem(
                join_key(&split, key),
                t(
                    format!("档次“{key}”不在版本的 tiers 中（{list}）"),
                    format!("tier '{key}' is not in the version's 'tiers' ({list})"),
                ),
            );
        }
    }
    if !arms.iter().any(|(k, _)| k == "default") {
        for tier in tiers {
            if !arms.iter().any(|(k, _)| k == tier) {
                r.problem(
                    &split,
                    t(
                        format!("缺少档次“{tier}”（或 default）"),
                        format!("missing tier '{tier}' (or 'default')"),
                    ),
                );
            }
        }
    }
}

/// The arm named for an unknown tier or age is the least favourable for everyone: no other arm
/// gives anyone less (a lower ratio or limit, a higher deductible).
fn check_unknown<T>(
    r: &mut Reader,
    arms: &[(String, Table<T>)],
    unknown: &str,
    path: &str,
    whos: &[Who<'_>],
    level: &dyn Fn(&T) -> Option<Decimal>,
    favour: Favour,
) {
    let Some((_, named)) = arms.iter().find(|(k, _)| k == unknown) else {
        return;
    };
    let value = |table: &Table<T>, who: Who<'_>| table.lookup(who).map(|(p, _, _)| level(&p.value));
    for (key, arm) in arms.iter().filter(|(k, _)| k != unknown) {
        for who in whos {
            let (Some(theirs), Some(ours)) = (value(arm, *who), value(named, *who)) else {
                continue;
            };
            // `None` is no limit: above every amount.
            let worse = match (favour, theirs, ours) {
                (Favour::Higher, None, _) | (Favour::Higher, _, None) => theirs.is_some() && ours.is_none(),
                (Favour::Higher, Some(a), Some(b)) => a < b,
                (Favour::Lower, a, b) => a.unwrap_or(Decimal::MAX) > b.unwrap_or(Decimal::MAX),
            };
            if worse {
                let text = |v: Option<Decimal>| v.map_or_else(|| "null".to_string(), |d| Ratio(d).text());
                r.problem(
                    path,
                    t(
                        format!(
                            "ifUnknown 应为对参保人最不利的一档，但“{key}”更不利（{} 对 {}）",
                            text(theirs),
                            text(ours)
                        ),
                        format!(
                            "ifUnknown must name the arm least favourable to the person, but '{key}' is less favourable ({} against {})",
                            text(theirs),
                            text(ours)
                        ),
                    ),
                );
                return;
            }
        }
    }
}

/// docs/calculation.md §4: for each temporary category, drop = base − effective for every key of every
/// disease's ratio — effective being base × factor, the separate ratio for the same key, or
/// base × (1 − share) — stays within the category's national ceiling. (A cut in points is held to
/// it where it is read.)
fn check_cuts(r: &mut Reader, version: &Version, path: &str, whos: &[Who<'_>]) {
    for (category, cut) in FilingCategory::ALL.into_iter().zip(&version.reductions) {
        let Some(ceiling) = category.max_reduction() else {
            continue;
        };
        let drop_of = |base: Decimal, who: Who<'_>| -> Option<Decimal> {
            match cut {
                Cut::Points(_) | Cut::Terms => None,
                Cut::Factor(f) => Some(minus(base, base * f.value)),
                Cut::Ratio(t) => t.lookup(who).map(|(p, _, _)| minus(base, p.value)),
                Cut::SelfPayFirst(s) => Some(base * s.value),
            }
        };
        let found = version.diseases.iter().find_map(|(id, d)| {
            whos.iter().find_map(|who| {
                let (base, keys, _) = d.ratio.as_ref()?.lookup(*who)?;
                let drop = drop_of(base.value, *who)?;
                (drop > ceiling).then_some((id, keys, base.value, drop))
            })
        });
        let Some((disease, keys, base, drop)) = found else {
            continue;
        };
        let points = |d: Decimal| Ratio(d).percent();
        let name = category.name();
        r.problem(
            join_key(&join_key(path, "reductions"), category.id()),
            t(
                format!(
                    "{}：病种 {disease} 的比例 {}（ratio{keys}）降低{}个百分点，超过国家规定的{}个百分点",
                    name.zh,
                    Ratio(base).text(),
                    points(drop),
                    points(ceiling)
                ),
                format!(
                    "{}: the ratio {} of {disease} (ratio{keys}) drops by {} points, beyond the national ceiling of {} points",
                    name.en,
                    Ratio(base).text(),
                    points(drop),
                    points(ceiling)
                ),
            ),
        );
    }
}
