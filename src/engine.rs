//! The engine: a validated set of policy packs and the operations of CONTRACT.md on it. Packs
//! are read once, when the engine is made; every call after that only looks things up.

use crate::eligibility::Eligibility;
use crate::error::Error;
use crate::estimate::{self, Decision, Estimate};
use crate::info::{self, CatalogueInfo, DiseaseInfo, PlaceInfo, RegionInfo};

use crate::json::Value;
use crate::limits::{MAX_REQUEST_BYTES, MAX_VISITS, MAX_YEAR_BYTES};
use crate::national::{self, NationalField};
use crate::policy::{Manifest, PolicySet};
use crate::request::{Lines, Request};
use crate::text::t;
use crate::year;

#[derive(Debug, Clone)]
pub struct Engine {
    policy: PolicySet,
}

impl Engine {
    /// The embedded 2025 default packs (PARAMETERS.md).
    pub fn with_defaults() -> Result<Engine, Error> {
        PolicySet::defaults().map(|policy| Engine { policy })
    }

    /// Packs given as JSON texts; `INVALID_POLICY` lists every problem with its pack and path.
    pub fn from_pack_texts(texts: &[&str]) -> Result<Engine, Error> {
        PolicySet::from_texts(texts).map(|policy| Engine { policy })
    }

    /// Packs already parsed.
    pub fn from_packs(packs: &[Value]) -> Result<Engine, Error> {
        PolicySet::from_values(packs).map(|policy| Engine { policy })
    }

    /// Pack texts checked against a pinned manifest (see [`Engine::from_packs_pinned`]).
    pub fn from_pack_texts_pinned(texts: &[&str], manifest: &Value) -> Result<Engine, Error> {
        let manifest = Manifest::from_json(manifest)?;
        PolicySet::from_texts_pinned(texts, Some(&manifest)).map(|policy| Engine { policy })
    }

    /// Packs checked against a pinned manifest (pack id → `sha256:` digest): a pack that is not
    /// listed, or whose digest differs, is refused with `INVALID_POLICY`.
    pub fn from_packs_pinned(packs: &[Value], manifest: &Value) -> Result<Engine, Error> {
        let manifest = Manifest::from_json(manifest)?;
        PolicySet::from_values_pinned(packs, Some(&manifest)).map(|policy| Engine { policy })
    }

    pub fn policy(&self) -> &PolicySet {
        &self.policy
    }

    pub fn estimate(&self, req: &Request) -> Result<Estimate, Error> {
        estimate::estimate(&self.policy, req)
    }

    pub fn estimate_json(&self, req: &Value) -> Result<Estimate, Error> {
        self.estimate(&Request::from_json(req, Lines::Required)?)
    }

    pub fn estimate_text(&self, text: &str) -> Result<Estimate, Error> {
        self.estimate_json(&parse_text(text, MAX_REQUEST_BYTES)?)
    }

    /// The numbers alone (mode, statuses, settlement, ytdAfter): the same calculation as
    /// [`Engine::estimate`] without the words, for what-if comparisons and batch use.
    pub fn settle(&self, req: &Request) -> Result<Decision, Error> {
        estimate::decide(&self.policy, req)
    }

    pub fn settle_json(&self, req: &Value) -> Result<Decision, Error> {
        self.settle(&Request::from_json(req, Lines::Required)?)
    }

    pub fn check_eligibility(&self, req: &Request) -> Result<Eligibility, Error> {
        estimate::check_eligibility(&self.policy, req)
    }

    /// Eligibility only; cost lines are optional here.
    pub fn check_eligibility_json(&self, req: &Value) -> Result<Eligibility, Error> {
        self.check_eligibility(&Request::from_json(req, Lines::Optional)?)
    }

    pub fn estimate_year(&self, visits: &[Request]) -> Result<Vec<Estimate>, Error> {
        year::estimate_year(&self.policy, visits)
    }

    /// `visits`: a JSON array of requests in date order; error paths start with `[i]`.
    pub fn estimate_year_json(&self, visits: &Value) -> Result<Vec<Estimate>, Error> {
        let Value::Array(list) = visits else {
            return Err(crate::json::wrong_type(
                "",
                visits,
                "就诊请求数组",
                "an array of visit requests",
            ));
        };
        if list.len() > MAX_VISITS {
            return Err(Error::limit(
                "",
                t(
                    format!("最多{MAX_VISITS}次就诊"),
                    format!("at most {MAX_VISITS} visits"),
                ),
            ));
        }
        if list.is_empty() {
            return Err(Error::invalid(
                "",
                t("至少需要一次就诊", "at least one visit is needed"),
            ));
        }
        let requests = list
            .iter()
            .enumerate()
            .map(|(i, v)| Request::from_json(v, Lines::Required).map_err(|e| e.at_index(i)))
            .collect::<Result<Vec<_>, _>>()?;
        self.estimate_year(&requests)
    }

    pub fn estimate_year_text(&self, text: &str) -> Result<Vec<Estimate>, Error> {
        self.estimate_year_json(&parse_text(text, MAX_YEAR_BYTES)?)
    }

    pub fn regions(&self) -> Vec<RegionInfo> {
        info::regions(&self.policy)
    }

    pub fn diseases(&self, region: &str, date: &str) -> Result<Vec<DiseaseInfo>, Error> {
        info::diseases(&self.policy, region, date)
    }

    pub fn places(&self) -> Vec<PlaceInfo> {
        info::places(&self.policy)
    }

    pub fn catalogue(&self, place: &str) -> Result<CatalogueInfo, Error> {
        info::catalogue(&self.policy, place)
    }

    /// An estimate's numbers under the national interface's field names (BRIEF §6).
    pub fn national_fields(&self, req: &Request, estimate: &Estimate) -> Vec<NationalField> {
        national::national_fields(req, estimate)
    }
}

/// Parse request JSON text, refusing oversize text before parsing it.
pub fn parse_text(text: &str, max_bytes: usize) -> Result<Value, Error> {
    if text.len() > max_bytes {
        return Err(Error::limit(
            "",
            t(
                format!("请求过大（最多{max_bytes}字节）"),
                format!("request too large (at most {max_bytes} bytes)"),
            ),
        ));
    }
    crate::json::parse(text)
}
