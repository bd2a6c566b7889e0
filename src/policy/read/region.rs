//! Reading an insured region (参保地) and its effective-dated versions from a pack.

use super::references::{check_exclusions, check_references};
use super::rules::{read_ceiling, read_cut, read_deductible, read_limit};
use super::{is_id, Reader};
use crate::bilingual::{t, Text};
use crate::json::Value;
use crate::json::{self, Obj};
use crate::path::{join_item, join_key};
use crate::policy::model::{Cut, Disease, FilingCategory, Param, Region, Version, TERMS};

/// One entry of a pack's `regions`: one region (`code` and `name`), or several that share one
/// list of versions (`codes`, each named by the engine's division names) — a province's notice
/// often sets the same rules for most of its prefectures. Each region comes with the path of its
/// code, where a repeat of it is reported.
pub fn read_region(r: &mut Reader, v: &Value, path: &str) -> Option<Vec<(Region, String)>> {
    let o = r.obj(v, path)?;
    r.known_keys(o, &["code", "codes", "name", "versions"]);
    let named = read_codes(r, o);
    let versions = read_versions(r, o);
    let (named, versions) = (named?, std::sync::Arc::<[Version]>::from(versions?));
    Some(
        named
            .into_iter()
            .map(|(code, name, at)| {
                let versions = std::sync::Arc::clone(&versions);
                (Region { code, name, versions }, at)
            })
            .collect(),
    )
}

/// The codes and names of an entry, each with its code's path: `code` + `name`, or `codes`.
fn read_codes(r: &mut Reader, o: Obj<'_>) -> Option<Vec<(String, Text, String)>> {
    if o.get("codes").is_none() {
        let code = r
            .required(o, "code")
            .and_then(|c| r.take(json::division_code(c, &o.at("code"))));
        let name = r.text(o, "name");
        return Some(vec![(code?.to_string(), name?, o.at("code"))]);
    }
    if o.get("code").is_some() {
        r.problem(
            o.at("code"),
            t("code 与 codes 只能写一个", "give either 'code' or 'codes', not both"),
        );
    }
    if o.get("name").is_some() {
        r.problem(
            o.at("name"),
            t(
                "写 codes 时名称取自行政区划名称，不写 name",
                "with 'codes' the names are the divisions' own: no 'name'",
            ),
        );
    }
    let at = o.at("codes");
    let list = r.take(o.array("codes")).flatten()?;
    if list.is_empty() {
        r.problem(&at, t("至少需要一个代码", "needs at least one code"));
        return None;
    }
    let mut out = Vec::with_capacity(list.len());
    for (i, c) in list.iter().enumerate() {
        let at = join_item(&at, i);
        let Some(code) = r.take(json::division_code(c, &at)) else {
            continue;
        };
        match crate::divisions::names::name(code) {
            Some(name) => out.push((code.to_string(), name, at)),
            None => r.problem(
                at,
                t(
                    format!("“{code}”不在引擎的行政区划名称中：请单独写一项，用 code 和 name"),
                    format!("'{code}' is not among the engine's division names: give it its own entry with 'code' and 'name'"),
                ),
            ),
        }
    }
    // The codes read so far, also when one was refused (its problem refuses the pack): a repeat
    // among them is then reported too, with the rest.
    Some(out)
}

/// An entry's versions, strictly increasing by `from`.
fn read_versions(r: &mut Reader, o: Obj<'_>) -> Option<Vec<Version>> {
    let versions_path = o.at("versions");
    let versions = match r.take(o.array("versions")).flatten() {
        None => {
            r.take::<()>(Err(*json::missing(&versions_path, "versions")));
            return None;
        }
        Some(list) if list.is_empty() => {
            r.problem(&versions_path, t("至少需要一个版本", "needs at least one version"));
            return None;
        }
        Some(list) => list,
    };
    let mut out = Vec::with_capacity(versions.len());
    let mut complete = true;
    for (i, v) in versions.iter().enumerate() {
        let vpath = join_item(&versions_path, i);
        match read_version(r, v, &vpath) {
            Some(version) => {
                if let Some(prev) = out.last().map(|p: &Version| p.from) {
                    if version.from <= prev {
                        r.problem(
                            join_key(&vpath, "from"),
                            t(
                                format!("版本生效日期必须严格递增（{} 不晚于上一版本 {}）", version.from, prev),
                                format!(
                                    "version dates must strictly increase ({} is not after the previous {})",
                                    version.from, prev
                                ),
                            ),
                        );
                    }
                }
                out.push(version);
            }
            None => complete = false,
        }
    }
    complete.then_some(out)
}

fn read_version(r: &mut Reader, v: &Value, path: &str) -> Option<Version> {
    let o = r.obj(v, path)?;
    r.known_keys(
        o,
        &[
            "from",
            "provenance",
            "source",
            "open",
            "reviewedUntil",
            "reductions",
            "unfiledReduction",
            "overallCeiling",
            "deductibles",
            "limits",
            "diseases",
            "excludedDiseases",
            "tiers",
        ],
    );
    let from = r.take(o.req_date("from"));
    let provenance = r.provenance(o);
    let source = r.opt_string(o, "source", 500);
    let open = r.take(o.bool("open")).flatten().unwrap_or(true);
    let reviewed_until = r.take(o.date("reviewedUntil"));
    let reductions = read_reductions(r, o);
    let unfiled = r
        .required(o, "unfiledReduction")
        .and_then(|v| read_cut(r, v, &o.at("unfiledReduction")));
    let ceiling = r
        .required(o, "overallCeiling")
        .and_then(|v| read_ceiling(r, v, &o.at("overallCeiling")));
    let tiers = match o.get("tiers") {
        Some(_) => {
            r.shape(&o.at("tiers"), "tiers");
            read_map(r, o, "tiers", |r, v, path| r.take(json::text_pair(v, path)))
        }
        None => Some(Vec::new()),
    };
    let deductibles = read_map(r, o, "deductibles", read_deductible);
    let limits = read_map(r, o, "limits", read_limit);
    let diseases = read_map(r, o, "diseases", read_disease);
    let excluded = match o.get("excludedDiseases") {
        Some(_) => read_map(r, o, "excludedDiseases", read_exclusion),
        None => Some(Vec::new()),
    };

    let (overall_ceiling, overall_with_inpatient) = ceiling?;
    let version = Version {
        from: from?,
        provenance: provenance?,
        source,
        open,
        reviewed_until: reviewed_until?,
        reductions: reductions?,
        unfiled_reduction: unfiled?,
        overall_ceiling,
        overall_with_inpatient,
        tiers: tiers?,
        deductibles: deductibles?,
        limits: limits?,
        diseases: diseases?,
        excluded: excluded?,
    };
    check_references(r, &version, path);
    check_exclusions(r, &version, path);
    super::consistency::check_version(r, &version, path);
    Some(version)
}

/// Every filing category must be given (long-term ones usually 0); a cut in points within the
/// national ceiling (the other forms are held to it for every key of the ratio table once the
/// version is read: `consistency`).
fn read_reductions(r: &mut Reader, o: Obj<'_>) -> Option<Vec<Cut>> {
    let v = r.required(o, "reductions")?;
    let path = o.at("reductions");
    let ro = r.obj(v, &path)?;
    r.known_keys(ro, &FilingCategory::IDS);
    let mut out = Vec::with_capacity(FilingCategory::ALL.len());
    let mut complete = true;
    for category in FilingCategory::ALL {
        let id = category.id();
        let Some(cut) = r.required(ro, id).and_then(|v| read_cut(r, v, &ro.at(id))) else {
            complete = false;
            continue;
        };
        // A long-term filer's ratio is not cut (national rule): nothing for the person to give.
        if cut == Cut::Terms && category.is_long_term() {
            r.problem(
                ro.at(id),
                t(
                    format!(
                        "{}按国家规定不降低支付比例，应写 0（national），不能留给参保人填写",
                        category.name().zh
                    ),
                    format!(
                        "{} keep the full ratio (national rule): state 0 (national) rather than \"terms\"",
                        category.name().en
                    ),
                ),
            );
            complete = false;
        }
        if let (Some(max), Cut::Points(p)) = (category.max_reduction(), &cut) {
            if p.value > max {
                let points = (max * rust_decimal::Decimal::ONE_HUNDRED).normalize();
                r.problem(
                    ro.at(id),
                    t(
                        format!("{}的比例降幅不得超过国家规定的{points}个百分点", category.name().zh),
                        format!(
                            "the reduction for {} may not exceed the national ceiling of {points} percentage points",
                            category.name().en
                        ),
                    ),
                );
                complete = false;
            }
        }
        out.push(cut);
    }
    complete.then_some(out)
}

/// A map of id → entry, in pack order; ids must be short lowercase words.
fn read_map<T>(
    r: &mut Reader,
    o: Obj<'_>,
    key: &str,
    read: fn(&mut Reader, &Value, &str) -> Option<T>,
) -> Option<Vec<(String, T)>> {
    let v = r.required(o, key)?;
    let path = o.at(key);
    let mo = r.obj(v, &path)?;
    let mut out = Vec::with_capacity(mo.map.len());
    let mut complete = true;
    for (id, entry) in mo.map {
        let epath = join_key(&path, id);
        if !is_id(id) {
            r.problem(
                &epath,
                t(
                    format!("标识“{id}”无效：只能用小写字母、数字和下划线"),
                    format!("id '{id}' is invalid: use lowercase letters, digits and underscores"),
                ),
            );
            complete = false;
            continue;
        }
        match read(r, entry, &epath) {
            Some(item) => out.push((id.clone(), item)),
            None => complete = false,
        }
    }
    complete.then_some(out)
}

fn read_disease(r: &mut Reader, v: &Value, path: &str) -> Option<Disease> {
    let o = r.obj(v, path)?;
    r.known_keys(
        o,
        &["name", "pinyin", "provenance", "source", "ratio", "deductible", "limit"],
    );
    let name = r.text(o, "name");
    let pinyin = r.opt_string(o, "pinyin", 200);
    let provenance = r.provenance(o);
    let source = r.opt_string(o, "source", 500);
    // `"terms"`: the person's ratio (a whole parameter, never a leaf of a table).
    let ratio = match r.required(o, "ratio") {
        Some(Value::String(s)) if s == TERMS => Some(None),
        Some(v) => r.table(v, &o.at("ratio"), json::ratio).map(Some),
        None => None,
    };
    let deductible = r.string(o, "deductible", 64);
    let limit = r.string(o, "limit", 64);
    Some(Disease {
        name: name?,
        pinyin,
        provenance: provenance?,
        source,
        ratio: ratio?,
        deductible: deductible?,
        limit: limit?,
    })
}

/// `excludedDiseases.<id>`: the region's statement that it does not settle this national
/// disease across provinces, with where that is said.
fn read_exclusion(r: &mut Reader, v: &Value, path: &str) -> Option<Param<()>> {
    let o = r.obj(v, path)?;
    r.known_keys(o, &["provenance", "source"]);
    let provenance = r.provenance(o)?;
    Some(Param {
        value: (),
        provenance,
        source: r.opt_string(o, "source", 500),
    })
}
