//! The engine: a validated set of policy packs and the operations of docs/contract.md on it, over the
//! core's own types. Packs are read once, when the engine is made; every call after that only
//! looks things up. Reading requests and manifests from JSON is the wire layer's business
//! ([`crate::wire`]).

use crate::eligibility::Eligibility;
use crate::error::Error;
use crate::estimate::{self, Decision, Estimate};
#[cfg(feature = "maintainer")]
use crate::json::Value;
use crate::listings::{self, CatalogueInfo, DiseaseInfo, PlaceInfo, RegionInfo};
use crate::national_fields::{self, NationalField};
#[cfg(feature = "maintainer")]
use crate::policy::Manifest;
use crate::policy::PolicySet;
use crate::request::Request;
use crate::year;

#[derive(Debug, Clone)]
pub struct Engine {
    policy: PolicySet,
}

impl Engine {
    /// The embedded 2025 default packs (docs/rules.md).
    pub fn with_defaults() -> Result<Engine, Error> {
        PolicySet::defaults().map(|policy| Engine { policy })
    }

    /// [`Engine::with_defaults`] in the page's build (the default packs as tables compiled in),
    /// which cannot fail.
    #[cfg(all(target_arch = "wasm32", not(feature = "maintainer")))]
    pub(crate) fn built_in() -> Engine {
        Engine {
            policy: PolicySet::built_in(),
        }
    }

    pub fn estimate(&self, req: &Request) -> Result<Estimate, Error> {
        estimate::estimate(&self.policy, req)
    }

    /// The numbers alone (mode, statuses, settlement, ytdAfter): the same calculation as
    /// [`Engine::estimate`] without the words, for what-if comparisons and batch use.
    pub fn settle(&self, req: &Request) -> Result<Decision, Error> {
        estimate::decide(&self.policy, req)
    }

    pub fn check_eligibility(&self, req: &Request) -> Result<Eligibility, Error> {
        estimate::check_eligibility(&self.policy, req)
    }

    pub fn estimate_year(&self, visits: &[Request]) -> Result<Vec<Estimate>, Error> {
        year::estimate_year(&self.policy, visits)
    }

    pub fn regions(&self) -> Vec<RegionInfo> {
        listings::regions(&self.policy)
    }

    pub fn diseases(&self, region: &str, date: &str) -> Result<Vec<DiseaseInfo>, Error> {
        listings::diseases(&self.policy, region, date)
    }

    pub fn places(&self) -> Vec<PlaceInfo> {
        listings::places(&self.policy)
    }

    pub fn catalogue(&self, place: &str) -> Result<CatalogueInfo, Error> {
        listings::catalogue(&self.policy, place)
    }

    /// [`Engine::diseases`] as JSON text, from the texts generated for the default packs.
    #[cfg(all(target_arch = "wasm32", not(feature = "maintainer")))]
    pub(crate) fn diseases_text(&self, region: &str, date: &str) -> Result<&'static str, Error> {
        listings::diseases_text(&self.policy, region, date)
    }

    /// [`Engine::catalogue`] as JSON text, from the texts generated for the default packs (the
    /// page's build, which loads no others).
    #[cfg(all(target_arch = "wasm32", not(feature = "maintainer")))]
    pub(crate) fn catalogue_text(&self, place: &str) -> Result<String, Error> {
        listings::catalogue_text(&self.policy, place)
    }

    /// The request's estimate under the national interface's field names (docs/rules.md "The national settlement interface").
    pub fn national_fields(&self, req: &Request) -> Result<Vec<NationalField>, Error> {
        let estimate = self.estimate(req)?;
        Ok(national_fields::national_fields(req, &estimate))
    }
}

/// Engines from pack JSON, read and validated at run time (the `maintainer` feature).
#[cfg(feature = "maintainer")]
impl Engine {
    /// Packs given as JSON texts; `INVALID_POLICY` lists every problem with its pack and path.
    pub fn from_pack_texts(texts: &[&str]) -> Result<Engine, Error> {
        PolicySet::from_texts(texts).map(|policy| Engine { policy })
    }

    /// Each loaded pack's id, version and `sha256:` digest, in the order given.
    pub fn packs(&self) -> Vec<crate::policy::PackInfo> {
        self.policy.packs()
    }

    /// Packs already parsed.
    pub fn from_packs(packs: &[Value]) -> Result<Engine, Error> {
        PolicySet::from_values(packs).map(|policy| Engine { policy })
    }

    /// Pack texts checked against a pinned manifest (see [`Engine::from_packs_pinned`]; a manifest
    /// written as JSON is read by [`crate::wire::read_manifest`]).
    pub fn from_pack_texts_pinned(texts: &[&str], manifest: &Manifest) -> Result<Engine, Error> {
        PolicySet::from_texts_pinned(texts, Some(manifest)).map(|policy| Engine { policy })
    }

    /// Packs checked against a pinned manifest (pack id → `sha256:` digest): a pack that is not
    /// listed, or whose digest differs, is refused with `INVALID_POLICY`.
    pub fn from_packs_pinned(packs: &[Value], manifest: &Manifest) -> Result<Engine, Error> {
        PolicySet::from_values_pinned(packs, Some(manifest)).map(|policy| Engine { policy })
    }
}
