//! What the engine can tell a front end before any estimate: regions, their diseases on a date,
//! treatment places and their catalogues — for pickers, search and "which numbers are assumed".

use crate::bilingual::{t, Text};
use crate::catalogue::ShareSource;
use crate::date::Date;
use crate::error::Error;
use crate::json;
use crate::json::Value;
use crate::money::{Money, Ratio};
use crate::policy::model::{Amount, Cut, Deductible, Fact, Facts, Version};
use crate::policy::{Class, PolicySet, Provenance};
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct VersionInfo {
    #[cfg_attr(test, ts(type = "IsoDate"))]
    pub from: String,
    pub open: bool,
    pub provenance: Provenance,
    /// Checked against the published policy up to this date (null: not stated).
    #[cfg_attr(test, ts(type = "IsoDate | null"))]
    pub reviewed_until: Option<String>,
    /// The request facts the version's rules split on, so that a front end asks only these:
    /// `birthDate` (age bands; `age` also accepted), `tier`, `recognizedSince` (scheduled quotas),
    /// `recognizedDiseases` (limits that grow with, or are ranked over, the recognised diseases),
    /// `inpatientFundPaid` (a limit shared with inpatient care). Empty when it splits on none.
    #[cfg_attr(test, ts(type = "Array<RequestFact>"))]
    pub facts: Vec<&'static str>,
    /// The tiers the version defines, in pack order (深圳 `1` 一档, `2` 二档, `3` 三档): the
    /// choices when `facts` has `tier`. Empty when it defines none.
    pub tiers: Vec<TierInfo>,
}

/// A tier a version defines: the id a request gives as `insured.tier`, and its name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct TierInfo {
    pub id: String,
    pub name: Text,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct RegionInfo {
    #[cfg_attr(test, ts(type = "DivisionCode"))]
    pub code: String,
    pub name: Text,
    /// The province the region is in (`xx0000`).
    #[cfg_attr(test, ts(type = "DivisionCode"))]
    pub province: String,
    pub versions: Vec<VersionInfo>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct DiseaseInfo {
    pub id: String,
    pub name: Text,
    pub pinyin: Option<String>,
    pub provenance: Provenance,
    /// The shared pool's name when the disease shares its limit with others.
    pub pool: Option<Text>,
    /// The `insured.terms` fields the person gives for this disease on this date because no
    /// pack states them: all five under the national baseline; `ratio`, `deductible` and
    /// `annualLimit` for a national disease the region's pack does not list (the pack's cuts
    /// stand); those the pack leaves to the person for a disease it prices in part; none for
    /// a disease the pack prices fully. `reduction` and `unfiledReduction` too wherever the
    /// pack leaves those cuts to the person.
    #[cfg_attr(test, ts(type = "Array<TermField>"))]
    pub terms: Vec<&'static str>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct Share {
    pub value: Ratio,
    pub provenance: Provenance,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct CityInfo {
    #[cfg_attr(test, ts(type = "DivisionCode"))]
    pub code: String,
    pub name: Text,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct PlaceInfo {
    #[cfg_attr(test, ts(type = "DivisionCode"))]
    pub code: String,
    pub name: Text,
    /// Null where the place has no share of its own (the national fallback then applies).
    pub class_b_share: Option<Share>,
    pub cities: Vec<CityInfo>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct CatalogueEntry {
    pub code: String,
    pub name: Text,
    pub class: Class,
    pub provenance: Provenance,
    /// The class B share that applies to this item at this place.
    pub self_pay_ratio: Option<Share>,
    pub share_source: Option<ShareSource>,
    pub ceiling_amount: Option<Money>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct CatalogueInfo {
    #[cfg_attr(test, ts(type = "DivisionCode"))]
    pub place: String,
    pub name: Text,
    pub class_b_share: Share,
    /// True when the place has no catalogue data and the national fallback share is used.
    pub defaulted: bool,
    pub items: Vec<CatalogueEntry>,
}

pub(crate) fn regions(set: &PolicySet) -> Vec<RegionInfo> {
    set.regions
        .iter()
        .map(|r| RegionInfo {
            code: r.code.clone(),
            name: r.name.clone(),
            province: crate::divisions::codes::province_of(&r.code),
            versions: r
                .versions
                .iter()
                .map(|v| VersionInfo {
                    from: v.from.to_string(),
                    open: v.open,
                    provenance: v.provenance,
                    reviewed_until: v.reviewed_until.map(|d| d.to_string()),
                    facts: facts_of(v),
                    tiers: v
                        .tiers
                        .iter()
                        .map(|(id, name)| TierInfo {
                            id: id.clone(),
                            name: name.clone(),
                        })
                        .collect(),
                })
                .collect(),
        })
        .collect()
}

pub(crate) fn diseases(set: &PolicySet, region: &str, date: &str) -> Result<Vec<DiseaseInfo>, Error> {
    Ok(disease_listing(set, region, date)?.map_or_else(Vec::new, |(version, on)| listed(version, on)))
}

/// What [`diseases`] lists for its arguments, read and checked: the pack version (`None`: the
/// national baseline) and the date of the national list it adds; `None` for a pack region
/// without versions.
#[allow(clippy::type_complexity)]
fn disease_listing<'a>(
    set: &'a PolicySet,
    region: &str,
    date: &str,
) -> Result<Option<(Option<&'a Version>, Date)>, Error> {
    let region_value = Value::String(region.to_string());
    let code = json::string(&region_value, "region", 16)?;
    if code.len() != 6 || !code.bytes().all(|b| b.is_ascii_digit()) {
        return Err(Error::invalid(
            "region",
            t(
                format!("“{code}”不是有效的6位行政区划代码"),
                format!("'{code}' is not a 6-digit administrative division code"),
            ),
        ));
    }
    let date = json::date(&Value::String(date.to_string()), "date")?;
    crate::policy::layered::listing_on(set, code, date)
        .ok_or_else(|| crate::policy::layered::unknown_region("region", code))
}

/// [`diseases`] as JSON text for the default packs (the page's build): the text the generator
/// wrote for the version listed and the national list on its date (generated/defaults.rs).
#[cfg(any(test, all(target_arch = "wasm32", not(feature = "maintainer"))))]
pub(crate) fn diseases_text(set: &PolicySet, region: &str, date: &str) -> Result<&'static str, Error> {
    let Some((version, on)) = disease_listing(set, region, date)? else {
        return Ok("[]");
    };
    // Regions that share their versions share them in memory: the first one's index names them.
    let at = version.and_then(|v| {
        set.regions
            .iter()
            .enumerate()
            .find_map(|(r, region)| region.versions.iter().position(|o| std::ptr::eq(o, v)).map(|i| (r, i)))
    });
    Ok(crate::policy::diseases_json(
        at,
        crate::policy::national::list_on(on).count(),
    ))
}

/// The diseases a pack version lists (`None`: the national baseline), with the national list on
/// `on`, each with the terms the person gives for it.
pub(crate) fn listed(version: Option<&Version>, on: Date) -> Vec<DiseaseInfo> {
    crate::policy::layered::listed(version, on)
        .into_iter()
        .map(|d| {
            let terms = match version {
                None => TERM_FIELDS.to_vec(),
                Some(v) => {
                    let mut terms = match v.disease(&d.id) {
                        Some(priced) => priced.left_to_terms(),
                        None => DISEASE_TERM_FIELDS.to_vec(),
                    };
                    terms.extend(cuts_left_to_terms(v));
                    terms
                }
            };
            DiseaseInfo {
                id: d.id,
                name: d.name,
                pinyin: d.pinyin,
                provenance: d.provenance,
                pool: d.pool,
                terms,
            }
        })
        .collect()
}

/// Every field of `insured.terms`, in the contract's order.
const TERM_FIELDS: [&str; 5] = ["ratio", "deductible", "annualLimit", "reduction", "unfiledReduction"];
/// The fields that price one disease; a pack's cuts for temporary visitors and for a visit
/// without a filing are region-wide and stand for every disease it covers.
const DISEASE_TERM_FIELDS: [&str; 3] = ["ratio", "deductible", "annualLimit"];

/// The cuts a pack leaves to the person (`"terms"`, 石家庄): region-wide, so asked with every
/// disease's numbers.
fn cuts_left_to_terms(v: &Version) -> Vec<&'static str> {
    let mut out = Vec::new();
    if v.reductions.contains(&Cut::Terms) {
        out.push("reduction");
    }
    if v.unfiled_reduction == Cut::Terms {
        out.push("unfiledReduction");
    }
    out
}

/// The facts a version's rules split on, in [`Fact::ALL`]'s order.
fn facts_of(v: &Version) -> Vec<&'static str> {
    let mut facts = Facts::default();
    let mut table = |splits: Facts| facts = facts.union(splits);
    for (_, d) in &v.diseases {
        if let Some(ratio) = &d.ratio {
            table(ratio.splits());
        }
    }
    for (_, d) in &v.deductibles {
        if let Deductible::Standard { amount, .. } = d {
            table(amount.splits());
        }
    }
    for (_, limit) in &v.limits {
        if limit.with_inpatient {
            table(Facts::default().with(Fact::Inpatient));
        }
        for cap in &limit.caps {
            match &cap.amount {
                Amount::Fixed(t) => table(t.splits()),
                Amount::Growing { base, step, maximum } => {
                    table(base.splits().union(step.splits()).union(maximum.splits()));
                    table(Facts::default().with(Fact::DiseaseCount));
                }
                Amount::Ranked { standards, .. } => {
                    for (_, t) in standards {
                        table(t.splits());
                    }
                    table(Facts::default().with(Fact::DiseaseCount));
                }
                Amount::Scheduled(steps) => {
                    for (_, t) in steps {
                        table(t.splits());
                    }
                    table(Facts::default().with(Fact::RecognitionDate));
                }
            }
        }
    }
    for cut in v.reductions.iter().chain([&v.unfiled_reduction]) {
        if let Cut::Ratio(t) = cut {
            table(t.splits());
        }
    }
    table(v.overall_ceiling.splits());
    if v.overall_with_inpatient {
        table(Facts::default().with(Fact::Inpatient));
    }
    facts.iter().map(Fact::request_field).collect()
}

pub(crate) fn places(set: &PolicySet) -> Vec<PlaceInfo> {
    set.places
        .places
        .iter()
        .map(|p| PlaceInfo {
            code: p.code.clone(),
            name: p.name.clone(),
            class_b_share: p.class_b_share.as_ref().map(|s| Share {
                value: Ratio(s.value),
                provenance: s.provenance,
            }),
            cities: p
                .cities
                .iter()
                .map(|c| CityInfo {
                    code: c.code.clone(),
                    name: c.name.clone(),
                })
                .collect(),
        })
        .collect()
}

/// What `catalogue(place)`'s JSON text starts with: the fields that depend on the code asked for
/// rather than on its province's data (the rest is one of the texts the generator wrote).
#[cfg(any(test, all(target_arch = "wasm32", not(feature = "maintainer"))))]
#[derive(Serialize)]
pub(crate) struct CatalogueHead<'a> {
    pub place: &'a str,
    pub name: Text,
}

#[cfg(any(test, all(target_arch = "wasm32", not(feature = "maintainer"))))]
impl CatalogueHead<'_> {
    /// The head's JSON text without its closing brace.
    pub(crate) fn open_text(&self) -> String {
        let mut text = json::write::to_text(self).unwrap_or_default();
        text.pop();
        text
    }
}

/// [`catalogue`] as JSON text for the default packs (the page's build): the head written here,
/// the rest as the generator wrote it per province's data (generated/defaults.rs).
#[cfg(any(test, all(target_arch = "wasm32", not(feature = "maintainer"))))]
pub(crate) fn catalogue_text(set: &PolicySet, place: &str) -> Result<String, Error> {
    let place_value = Value::String(place.to_string());
    let code = json::division_code(&place_value, "place")?;
    let province = crate::divisions::codes::province_of(code);
    let at = set.places.places.iter().position(|p| p.code == province);
    let head = CatalogueHead {
        place: code,
        name: set.place_name(code),
    };
    Ok(format!("{},{}", head.open_text(), crate::policy::catalogue_tail(at)))
}

pub(crate) fn catalogue(set: &PolicySet, place: &str) -> Result<CatalogueInfo, Error> {
    let place_value = Value::String(place.to_string());
    let code = json::division_code(&place_value, "place")?;
    let p = set.place(code);
    let own_share = p.and_then(|p| p.class_b_share.as_ref());
    let place_share = match own_share {
        Some(s) => Share {
            value: Ratio(s.value),
            provenance: s.provenance,
        },
        None => Share {
            value: Ratio(set.places.fallback_share.value),
            provenance: set.places.fallback_share.provenance,
        },
    };
    let items = set
        .catalogue(p)
        .into_iter()
        .map(|item| {
            let (share, source) = match (item.class.value, &item.self_pay_ratio) {
                (Class::B, Some(own)) => (
                    Some(Share {
                        value: Ratio(own.value),
                        provenance: own.provenance,
                    }),
                    Some(ShareSource::Item),
                ),
                (Class::B, None) => (
                    Some(place_share.clone()),
                    Some(if own_share.is_some() {
                        ShareSource::Place
                    } else {
                        ShareSource::Fallback
                    }),
                ),
                _ => (None, None),
            };
            CatalogueEntry {
                code: item.code.clone(),
                name: item.name.clone(),
                class: item.class.value,
                provenance: item.class.provenance,
                self_pay_ratio: share,
                share_source: source,
                ceiling_amount: item.ceiling.as_ref().map(|c| Money(c.value)),
            }
        })
        .collect();
    Ok(CatalogueInfo {
        place: code.to_string(),
        name: set.place_name(code),
        class_b_share: place_share,
        defaulted: own_share.is_none(),
        items,
    })
}
