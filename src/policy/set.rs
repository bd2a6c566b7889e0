//! The packs an engine answers from, merged: regions by code, one set of treatment-place data.
//! How it is made: from pack JSON, read and validated (`load.rs`, the `maintainer` feature), or
//! for the page's build from the default packs as pre-validated Rust data (generated/defaults.rs).

use super::model::{CatalogueItem, Place, PlaceData, Region};
use crate::bilingual::{t, Text};
use crate::divisions::codes::province_of;
use crate::error::Error;
use crate::json::key_order;

/// Beijing, Tianjin, Shanghai and Chongqing: their districts and counties sit directly under the
/// province-level city, which is the pooling region.
const MUNICIPALITIES: [&str; 4] = ["11", "12", "31", "50"];

#[derive(Debug, Clone)]
pub struct PolicySet {
    /// Id and version of each pack; their digests are worked out when first asked for.
    #[cfg(feature = "maintainer")]
    pub(super) packs: Vec<super::PackInfo>,
    /// What each pack was made from, for its digest: digests cost a third of loading the packs
    /// (canonical JSON and SHA-256) and most pages never ask, so they are worked out when asked.
    #[cfg(feature = "maintainer")]
    pub(super) sources: Vec<super::load::Source>,
    /// Sorted by code.
    pub regions: Vec<Region>,
    pub places: PlaceData,
    /// Sorted ([`key_order`]), each once.
    pub(super) known_diseases: Vec<String>,
}

impl PolicySet {
    /// The embedded 2025 defaults, read from their JSON and validated like any other packs.
    #[cfg(feature = "maintainer")]
    pub fn defaults() -> Result<PolicySet, Error> {
        let texts: Vec<&str> = super::DEFAULT_PACKS.iter().map(|(_, text)| *text).collect();
        PolicySet::from_texts(&texts)
    }

    /// The embedded 2025 defaults: read and validated when this crate was built (generated from
    /// packs/*.json by the real reader, tests/unit/defaults.rs), so nothing is parsed here.
    #[cfg(not(feature = "maintainer"))]
    pub fn defaults() -> Result<PolicySet, Error> {
        Ok(PolicySet::built_in())
    }

    /// [`PolicySet::defaults`] in the page's build, which cannot fail.
    #[cfg(not(feature = "maintainer"))]
    pub fn built_in() -> PolicySet {
        PolicySet {
            regions: super::compact::regions(),
            places: super::compact::places(),
            known_diseases: super::compact::known_diseases(),
        }
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
    /// known to every engine, whatever packs it loaded (docs/contract.md).
    pub fn knows_disease(&self, id: &str) -> bool {
        super::national::national_disease(id).is_some()
            || self.known_diseases.binary_search_by(|d| key_order(d, id)).is_ok()
    }

    /// A known disease's name: the national one for the five, else the first pack's that lists it.
    pub fn disease_name(&self, id: &str) -> Text {
        if let Some(d) = super::national::national_disease(id) {
            return d.name();
        }
        for r in &self.regions {
            for v in r.versions.iter() {
                if let Some(d) = v.disease(id) {
                    return d.name.clone();
                }
            }
        }
        t(id.to_string(), id.to_string())
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
