//! Reading one pack file: its identity, its regions and/or its treatment-place data.

use super::places::read_places;
use super::region::read_region;
use super::Reader;
use crate::bilingual::t;
use crate::error::{Error, ErrorCode, Problem};
use crate::json::Obj;
use crate::json::Value;
use crate::path::join_item;
use crate::policy::model::{Pack, PackInfo, Region};

/// The format of the default packs, and of any pack that uses only the shapes of the seeds (a
/// deductible before the ratio, limits on the fund's payment, cuts in points).
pub const FORMAT: &str = "yibao-policy-pack/1";
/// The format that may state every rule shape (docs/pack-format.md, "Rule shapes (format 2)").
pub const FORMAT_2: &str = "yibao-policy-pack/2";

/// Read and validate one pack; `index` is its position among the packs given to the engine and
/// is recorded in every problem. All problems are returned, not only the first.
pub(crate) fn read_pack(v: &Value, index: usize) -> Result<Pack, Vec<Problem>> {
    let mut r = Reader::new(index);
    for e in crate::json::repeated_keys(v) {
        r.problem(e.path, e.message);
    }
    let pack = read(&mut r, v);
    match pack {
        Some(pack) if r.problems.is_empty() => Ok(pack),
        _ => {
            if r.problems.is_empty() {
                r.problem("", t("策略包无效", "invalid policy pack"));
            }
            Err(r.problems)
        }
    }
}

fn read(r: &mut Reader, v: &Value) -> Option<Pack> {
    let o = r.obj(v, "")?;
    r.known_keys(
        o,
        &["$schema", "format", "id", "version", "description", "regions", "places"],
    );
    match r.string(o, "format", 64) {
        Some(f) if f == FORMAT => {}
        Some(f) if f == FORMAT_2 => r.shapes = true,
        Some(f) => r.problem(
            "format",
            t(
                format!("不支持的格式“{f}”，应为“{FORMAT}”或“{FORMAT_2}”"),
                format!("unsupported format '{f}', expected '{FORMAT}' or '{FORMAT_2}'"),
            ),
        ),
        None => {}
    }
    let id = r.string(o, "id", 100);
    let version = r.string(o, "version", 100);
    if let Some(d) = o.get("description") {
        r.take(crate::json::text_pair(d, "description"));
    }
    let regions = read_regions(r, o);
    let places = o.get("places").map(|p| read_places(r, p, "places"));
    if o.get("regions").is_none() && o.get("places").is_none() {
        r.problem(
            "",
            t("策略包至少需要 regions 或 places", "a pack needs 'regions' or 'places'"),
        );
    }
    let (regions, region_paths) = regions?;
    Some(Pack {
        info: PackInfo {
            id: id?,
            version: version?,
            // Worked out on demand by `PolicySet::packs` (it is a third of the load time).
            digest: String::new(),
        },
        regions,
        region_paths,
        places: match places {
            Some(p) => Some(p?),
            None => None,
        },
    })
}

/// The pack's regions, an entry of several `codes` expanded into one region each, with the path
/// of each region's code (where `load` reports a region that another pack defines too).
fn read_regions(r: &mut Reader, o: Obj<'_>) -> Option<(Vec<Region>, Vec<String>)> {
    let list = match r.take(o.array("regions")) {
        Some(Some(list)) => list,
        Some(None) => return Some((Vec::new(), Vec::new())),
        None => return None,
    };
    let mut out = Vec::with_capacity(list.len());
    let mut at = Vec::with_capacity(list.len());
    let mut complete = true;
    for (i, v) in list.iter().enumerate() {
        match read_region(r, v, &join_item("regions", i)) {
            Some(regions) => {
                for (region, path) in regions {
                    out.push(region);
                    at.push(path);
                }
            }
            None => complete = false,
        }
    }
    let code = |k: usize| out.get(k).map_or("", |r: &Region| r.code.as_str());
    for k in crate::json::repeats(out.len(), &code) {
        let (code, path) = (code(k), at.get(k).map_or("regions", String::as_str));
        r.problem(
            path,
            t(
                format!("参保地“{code}”重复"),
                format!("region '{code}' is defined twice"),
            ),
        );
    }
    complete.then_some((out, at))
}

/// Parse pack text, refusing oversize packs before parsing them.
pub fn parse_pack_text(text: &str, index: usize) -> Result<Value, Error> {
    if text.len() > crate::limits::MAX_PACK_BYTES {
        let max = crate::limits::MAX_PACK_BYTES;
        return Err(limit_in_pack(
            Error::limit(
                "",
                t(
                    format!("策略包过大（最多{max}字节）"),
                    format!("pack too large (at most {max} bytes)"),
                ),
            ),
            index,
        ));
    }
    crate::json::parse(text).map_err(|err| {
        if err.code == ErrorCode::LimitExceeded {
            return limit_in_pack(err, index);
        }
        Error::policy(vec![Problem {
            pack: index,
            path: String::new(),
            message: t(format!("策略包{}", err.message.zh), format!("pack: {}", err.message.en)),
        }])
    })
}

/// A size limit stays `LIMIT_EXCEEDED` (README "Limits"), and names its pack as a problem does.
fn limit_in_pack(mut e: Error, index: usize) -> Error {
    e.problems.push(Problem {
        pack: index,
        path: e.path.clone(),
        message: e.message.clone(),
    });
    e
}

/// Limits checked before a pack is read at all, refused with `LIMIT_EXCEEDED` (README "Limits").
pub(crate) fn check_limits(v: &Value, index: usize) -> Result<(), Error> {
    let regions = v
        .get("regions")
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or(&[]);
    for (i, region) in regions.iter().enumerate() {
        let count = region.get("versions").and_then(Value::as_array).map_or(0, Vec::len);
        if count > crate::limits::MAX_VERSIONS {
            let max = crate::limits::MAX_VERSIONS;
            let path = format!("regions[{i}].versions");
            let message = t(
                format!("版本过多（最多{max}个）"),
                format!("too many versions (at most {max})"),
            );
            return Err(limit_in_pack(Error::limit(path, message), index));
        }
    }
    Ok(())
}
