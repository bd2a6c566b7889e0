//! The packs an engine answers from, merged: regions by code, one set of treatment-place data.

use super::model::{CatalogueItem, Pack, PackInfo, Place, PlaceData, Region};
use super::pack::{parse_pack_text, read_pack};
use crate::error::{Error, Problem};
use crate::json::{key_order, order_by_key, Value};
use crate::limits::MAX_PACKS;
use crate::place::province_of;
use crate::text::{t, Text};

/// Beijing, Tianjin, Shanghai and Chongqing: their districts and counties sit directly under the
/// province-level city, which is the pooling region.
const MUNICIPALITIES: [&str; 4] = ["11", "12", "31", "50"];

#[derive(Debug, Clone)]
enum Source {
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

#[derive(Debug, Clone)]
pub struct PolicySet {
    /// Id and version of each pack; their digests are worked out when first asked for.
    packs: Vec<PackInfo>,
    /// What each pack was made from, for its digest: digests cost a third of loading the packs
    /// (canonical JSON and SHA-256) and most pages never ask, so they are worked out when asked.
    sources: Vec<Source>,
    /// Sorted by code.
    pub regions: Vec<Region>,
    pub places: PlaceData,
    /// Sorted ([`key_order`]), each once.
    known_diseases: Vec<String>,
}

impl PolicySet {
    /// The embedded 2025 defaults.
    pub fn defaults() -> Result<PolicySet, Error> {
        let texts: Vec<&str> = super::DEFAULT_PACKS.iter().map(|(_, text)| *text).collect();
        PolicySet::from_texts(&texts)
    }

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
            super::pack::check_limits(v, i)?;
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

    pub fn region(&self, code: &str) -> Option<&Region> {
        self.regions.iter().find(|r| r.code == code)
    }

    /// The pack region that answers for an insured code: its own, else — for a county-level
    /// code — its prefecture's (`653221` → `653200`), or for a district of a municipality
    /// (`110105`, `500235`) the municipality's.
    pub fn covering_region(&self, code: &str) -> Option<&Region> {
        if let Some(r) = self.region(code) {
            return Some(r);
        }
        let (Some(prefecture), Some(county)) = (code.get(..4), code.get(4..)) else {
            return None;
        };
        if county == "00" {
            return None;
        }
        self.region(&format!("{prefecture}00")).or_else(|| {
            let province = code.get(..2)?;
            MUNICIPALITIES
                .contains(&province)
                .then(|| self.region(&format!("{province}0000")))
                .flatten()
        })
    }

    /// Does any loaded region list this disease in any version? The five national diseases are
    /// known to every engine, whatever packs it loaded (CONTRACT.md).
    pub fn knows_disease(&self, id: &str) -> bool {
        crate::baseline::national_disease(id).is_some()
            || self.known_diseases.binary_search_by(|d| key_order(d, id)).is_ok()
    }

    /// A known disease's name: the national one for the five, else the first pack's that lists it.
    pub fn disease_name(&self, id: &str) -> Text {
        if let Some(d) = crate::baseline::national_disease(id) {
            return d.name();
        }
        self.regions
            .iter()
            .flat_map(|r| &r.versions)
            .find_map(|v| v.disease(id))
            .map_or_else(|| t(id.to_string(), id.to_string()), |d| d.name.clone())
    }

    /// The treatment place whose catalogue applies at `code`: catalogues are provincial, so a
    /// city resolves to its province.
    pub fn place(&self, code: &str) -> Option<&Place> {
        let province = province_of(code);
        self.places.places.iter().find(|p| p.code == province)
    }

    /// A place's name for messages: the city's own name where known, else its province's.
    pub fn place_name(&self, code: &str) -> Text {
        if let Some(p) = self.place(code) {
            if p.code == code {
                return p.name.clone();
            }
            if let Some(c) = p.cities.iter().find(|c| c.code == code) {
                return t(
                    format!("{}{}", p.name.zh, c.name.zh),
                    format!("{}, {}", c.name.en, p.name.en),
                );
            }
            return t(format!("{}（{code}）", p.name.zh), format!("{} ({code})", p.name.en));
        }
        if let Some(r) = self.region(code) {
            return r.name.clone();
        }
        t(code.to_string(), code.to_string())
    }

    /// The catalogue in force at a place: the national sample, overridden item by item by the
    /// place's own entries.
    pub fn catalogue_item<'a>(&'a self, place: Option<&'a Place>, code: &str) -> Option<&'a CatalogueItem> {
        place
            .and_then(|p| p.catalogue.iter().find(|i| i.code == code))
            .or_else(|| self.places.catalogue.iter().find(|i| i.code == code))
    }

    pub fn catalogue<'a>(&'a self, place: Option<&'a Place>) -> Vec<&'a CatalogueItem> {
        let own = place.map(|p| p.catalogue.as_slice()).unwrap_or(&[]);
        let mut items: Vec<&CatalogueItem> = own.iter().collect();
        items.extend(
            self.places
                .catalogue
                .iter()
                .filter(|i| !own.iter().any(|o| o.code == i.code)),
        );
        items
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
                format!("策略包过多（最多{MAX_PACKS}个）"),
                format!("too many packs (at most {MAX_PACKS})"),
            ),
        ));
    }
    Ok(())
}

/// Every disease id of every version, sorted and each once.
fn disease_ids(regions: &[Region]) -> Vec<String> {
    let mut all: Vec<&str> = Vec::new();
    for version in regions.iter().flat_map(|r| &r.versions) {
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

fn default_places() -> Result<PlaceData, Error> {
    let (_, text) = super::DEFAULT_PACKS[2];
    let value = parse_pack_text(text, 0)?;
    let pack = read_pack(&value, 0).map_err(Error::policy)?;
    pack.places.ok_or_else(|| Error::policy(vec![]))
}

/// Merge packs; also says whether any of them carried treatment-place data.
fn merge(packs: Vec<(usize, Pack)>, sources: Vec<Source>) -> Result<(PolicySet, bool), Error> {
    let mut problems = Vec::new();
    let mut places: Option<PlaceData> = None;
    let mut infos = Vec::new();
    let mut arrived: Vec<(usize, usize, Option<Region>)> = Vec::new();
    for (index, pack) in packs {
        infos.push(pack.info);
        arrived.extend(pack.regions.into_iter().enumerate().map(|(j, r)| (index, j, Some(r))));
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
        if let (true, Some((index, j, _))) = (code(a) == code(b), arrived.get(b)) {
            let code = code(b);
            problems.push(Problem {
                pack: *index,
                path: format!("regions[{j}].code"),
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
