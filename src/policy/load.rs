//! Making a [`PolicySet`] from pack JSON (the `maintainer` feature): every pack read and
//! validated, regions merged by code, pinned manifests checked, digests worked out on demand.

use super::model::{Pack, PackInfo, PlaceData, Region};
use super::read::pack::{parse_pack_text, read_pack};
use super::set::PolicySet;
use crate::bilingual::t;
use crate::error::{Error, Problem};
use crate::json::{order_by_key, Value};
use crate::limits::MAX_PACKS;

#[derive(Debug, Clone)]
pub(super) enum Source {
    Text(String),
    Parsed(Value),
}

impl Source {
    fn digest(&self) -> String {
        match self {
            Source::Parsed(v) => super::digest(v),
            // The text parsed once already, when the pack was loaded.
            Source::Text(text) => crate::json::parse(text).map(|v| super::digest(&v)).unwrap_or_default(),
        }
    }
}

impl PolicySet {
    /// Packs as JSON texts (files, network, localStorage).
    pub fn from_texts(texts: &[&str]) -> Result<PolicySet, Error> {
        PolicySet::from_texts_pinned(texts, None)
    }

    /// Packs as JSON texts, refusing any whose id and digest are not as the manifest pins them.
    pub fn from_texts_pinned(texts: &[&str], manifest: Option<&Manifest>) -> Result<PolicySet, Error> {
        check_count(texts.len())?;
        let mut values = Vec::with_capacity(texts.len());
        for (i, text) in texts.iter().enumerate() {
            values.push(parse_pack_text(text, i)?);
        }
        let sources = texts.iter().map(|t| Source::Text(t.to_string())).collect();
        PolicySet::build(&values, sources, manifest)
    }

    /// Packs already parsed. When no pack carries treatment-place data, the embedded default
    /// places are used, so a maintainer can try an edited region pack on its own.
    pub fn from_values(values: &[Value]) -> Result<PolicySet, Error> {
        PolicySet::from_values_pinned(values, None)
    }

    /// As [`PolicySet::from_values`], refusing any pack whose id and digest are not exactly as
    /// the pinned manifest says — so a host can reject a tampered or unexpected pack.
    pub fn from_values_pinned(values: &[Value], manifest: Option<&Manifest>) -> Result<PolicySet, Error> {
        let sources = values.iter().map(|v| Source::Parsed(v.clone())).collect();
        PolicySet::build(values, sources, manifest)
    }

    fn build(values: &[Value], sources: Vec<Source>, manifest: Option<&Manifest>) -> Result<PolicySet, Error> {
        check_count(values.len())?;
        for (i, v) in values.iter().enumerate() {
            super::read::pack::check_limits(v, i)?;
        }
        let mut problems = Vec::new();
        let mut packs = Vec::new();
        for (i, v) in values.iter().enumerate() {
            match read_pack(v, i) {
                Ok(mut pack) => {
                    if let Some(m) = manifest {
                        pack.info.digest = super::digest(v);
                        problems.extend(m.refuses(i, &pack.info));
                    }
                    packs.push((i, pack));
                }
                Err(mut p) => problems.append(&mut p),
            }
        }
        if !problems.is_empty() {
            return Err(Error::policy(problems));
        }
        let (mut set, has_places) = merge(packs, sources)?;
        if !has_places {
            set.places = default_places()?;
        }
        Ok(set)
    }

    /// Each pack's id, version and `sha256:` digest, in the order given.
    pub fn packs(&self) -> Vec<PackInfo> {
        self.packs
            .iter()
            .zip(&self.sources)
            .map(|(info, source)| PackInfo {
                digest: source.digest(),
                ..info.clone()
            })
            .collect()
    }
}

/// Pinned pack digests: pack id → `sha256:…`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Manifest {
    pub digests: Vec<(String, String)>,
}

impl Manifest {
    fn refuses(&self, index: usize, info: &PackInfo) -> Option<Problem> {
        let message = match super::model::named(&self.digests, &info.id) {
            Some(want) if *want == info.digest => return None,
            Some(want) => t(
                format!(
                    "策略包“{}”的摘要{}与清单固定的{want}不符，可能已被篡改",
                    info.id, info.digest
                ),
                format!(
                    "pack '{}' has digest {}, not the pinned {want}: it may have been tampered with",
                    info.id, info.digest
                ),
            ),
            None => t(
                format!("策略包“{}”不在固定清单中", info.id),
                format!("pack '{}' is not in the pinned manifest", info.id),
            ),
        };
        Some(Problem {
            pack: index,
            path: String::new(),
            message,
        })
    }
}

fn check_count(n: usize) -> Result<(), Error> {
    if n == 0 {
        // An engine with no pack could only answer UNKNOWN_REGION: refuse it where it is made.
        return Err(Error::policy(vec![Problem {
            pack: 0,
            path: String::new(),
            message: t("至少需要一个策略包", "at least one pack is needed"),
        }]));
    }
    if n > MAX_PACKS {
        return Err(Error::limit(
            "",
            t(
                // MAX_PACKS written out (tests/limits.rs checks they agree)
                "策略包过多（最多64个）",
                "too many packs (at most 64)",
            ),
        ));
    }
    Ok(())
}

/// Every disease id of every version, sorted and each once.
fn disease_ids(regions: &[Region]) -> Vec<String> {
    let mut all: Vec<&str> = Vec::new();
    for version in regions.iter().flat_map(|r| r.versions.iter()) {
        for (id, _) in &version.diseases {
            all.push(id);
        }
    }
    let mut ids: Vec<String> = Vec::new();
    for k in order_by_key(all.len(), &|k| all.get(k).copied().unwrap_or("")) {
        match all.get(k as usize) {
            Some(id) if ids.last().map(String::as_str) != Some(id) => ids.push(id.to_string()),
            _ => {}
        }
    }
    ids
}

/// The treatment-place data of the default pack that carries it (whichever that is).
fn default_places() -> Result<PlaceData, Error> {
    for (_, text) in super::DEFAULT_PACKS {
        let value = parse_pack_text(text, 0)?;
        if value.get("places").is_some() {
            let pack = read_pack(&value, 0).map_err(Error::policy)?;
            return pack.places.ok_or_else(|| Error::policy(vec![]));
        }
    }
    Err(Error::policy(vec![]))
}

/// Merge packs; also says whether any of them carried treatment-place data.
fn merge(packs: Vec<(usize, Pack)>, sources: Vec<Source>) -> Result<(PolicySet, bool), Error> {
    let mut problems = Vec::new();
    let mut places: Option<PlaceData> = None;
    let mut infos = Vec::new();
    let mut arrived: Vec<(usize, String, Option<Region>)> = Vec::new();
    for (index, pack) in packs {
        infos.push(pack.info);
        let paths = pack.region_paths.into_iter();
        arrived.extend(pack.regions.into_iter().zip(paths).map(|(r, at)| (index, at, Some(r))));
        if let Some(p) = pack.places {
            if places.is_some() {
                problems.push(Problem {
                    pack: index,
                    path: "places".into(),
                    message: t(
                        "就医地数据只能由一个策略包提供",
                        "only one pack may carry treatment-place data",
                    ),
                });
            } else {
                places = Some(p);
            }
        }
    }
    let code = |k: usize| match arrived.get(k) {
        Some((_, _, Some(r))) => r.code.as_str(),
        _ => "",
    };
    // Sorted by code: packs are refused whole if two define one region, so none need be kept.
    let order = order_by_key(arrived.len(), &code);
    for pair in order.windows(2) {
        let &[a, b] = pair else { continue };
        let (a, b) = (a as usize, b as usize);
        if let (true, Some((index, at, _))) = (code(a) == code(b), arrived.get(b)) {
            let code = code(b);
            problems.push(Problem {
                pack: *index,
                path: at.clone(),
                message: t(
                    format!("参保地“{code}”已由另一个策略包定义"),
                    format!("region '{code}' is already defined by another pack"),
                ),
            });
        }
    }
    if !problems.is_empty() {
        return Err(Error::policy(problems));
    }
    let mut regions = Vec::with_capacity(order.len());
    for k in order {
        if let Some(region) = arrived.get_mut(k as usize).and_then(|(_, _, r)| r.take()) {
            regions.push(region);
        }
    }
    let known_diseases = disease_ids(&regions);
    let has_places = places.is_some();
    let places = places.unwrap_or_else(|| PlaceData {
        fallback_share: super::model::Param {
            value: rust_decimal::Decimal::new(10, 2),
            provenance: super::model::Provenance::Assumed,
            source: None,
        },
        places: Vec::new(),
        catalogue: Vec::new(),
    });
    Ok((
        PolicySet {
            packs: infos,
            sources,
            regions,
            places,
            known_diseases,
        },
        has_places,
    ))
}
