//! The WebAssembly facade: `Engine` for JavaScript, per docs/contract.md "The calls". It only
//! converts — JS values in, plain JS objects out, typed `Error`s thrown — and leaves every
//! decision to the core. Packs are parsed once, when the engine is made. The page's own build (no
//! `maintainer` feature) has its own, smaller facade instead: [`page`].

mod convert;
#[cfg(feature = "maintainer")]
mod decision;
#[cfg(not(feature = "maintainer"))]
mod page;

use wasm_bindgen::prelude::*;
#[cfg(feature = "maintainer")]
use {
    crate::eligibility::Eligibility,
    crate::error::Error,
    crate::estimate::Estimate,
    crate::listings::{CatalogueInfo, DiseaseInfo, PlaceInfo, RegionInfo},
    crate::national_fields::NationalField,
    crate::wire::Wire,
    crate::Engine as Core,
    convert::{js_error, text_from_js, to_js, Json},
    serde::Serialize,
};

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = include_str!("types.d.ts");

/// The request and result shapes, generated from the Rust types (tests/unit/typescript.rs).
#[wasm_bindgen(typescript_custom_section)]
const SHAPES: &str = include_str!("../../generated/types.d.ts");

/// Every result an export returns, so that all cross the boundary through one `to_js` (one
/// serializer instance and error path, not one per export). Untagged: each is written as itself.
/// (The page's build writes each result type as itself, src/wasm/page.rs: 0.2 KB brotli less
/// than through this enum there.)
// Made and written within one call, never stored: its size does not matter.
#[cfg(feature = "maintainer")]
#[allow(clippy::large_enum_variant)]
#[derive(Serialize)]
#[serde(untagged)]
enum Out {
    Estimate(Estimate),
    Year(Vec<Estimate>),
    Eligibility(Eligibility),
    National(Vec<NationalField>),
    Regions(Vec<RegionInfo>),
    Diseases(Vec<DiseaseInfo>),
    Places(Vec<PlaceInfo>),
    Catalogue(CatalogueInfo),
    Packs(Vec<crate::policy::PackInfo>),
}

#[cfg(feature = "maintainer")]
fn out(result: Result<Out, Error>) -> Result<JsValue, JsValue> {
    to_js(&result.map_err(js_error)?)
}

/// The estimator. Make one per page (`Engine.withDefaults()`), then call it as often as needed.
#[cfg(feature = "maintainer")]
#[wasm_bindgen]
pub struct Engine {
    core: Core,
}

/// The calls one by one: the package's API (docs/contract.md "The calls").
#[cfg(feature = "maintainer")]
#[wasm_bindgen]
impl Engine {
    /// An engine with the embedded 2025 default packs.
    #[wasm_bindgen(js_name = withDefaults)]
    pub fn with_defaults() -> Result<Engine, JsValue> {
        Core::with_defaults().map(|core| Engine { core }).map_err(js_error)
    }

    /// Estimate one visit. The request is an object or its JSON text.
    #[wasm_bindgen(unchecked_return_type = "EstimateResult")]
    pub fn estimate(
        &self,
        #[wasm_bindgen(unchecked_param_type = "EstimateRequest | string")] request: JsValue,
    ) -> Result<JsValue, JsValue> {
        let text = text_from_js(&request, Json::Request).map_err(js_error)?;
        out(self.core.estimate_text(&text).map(Out::Estimate))
    }

    /// The eligibility checks alone; cost lines are optional.
    #[wasm_bindgen(js_name = checkEligibility, unchecked_return_type = "Eligibility")]
    pub fn check_eligibility(
        &self,
        #[wasm_bindgen(unchecked_param_type = "EligibilityRequest | string")] request: JsValue,
    ) -> Result<JsValue, JsValue> {
        let text = text_from_js(&request, Json::Request).map_err(js_error)?;
        out(self.core.check_eligibility_text(&text).map(Out::Eligibility))
    }

    /// One person's visits in date order, each carrying the year-to-date figures of the ones before.
    #[wasm_bindgen(js_name = estimateYear, unchecked_return_type = "EstimateResult[]")]
    pub fn estimate_year(
        &self,
        #[wasm_bindgen(unchecked_param_type = "EstimateRequest[] | string")] visits: JsValue,
    ) -> Result<JsValue, JsValue> {
        let text = text_from_js(&visits, Json::Year).map_err(js_error)?;
        out(self.core.estimate_year_text(&text).map(Out::Year))
    }

    /// The insured regions loaded, with their versions.
    #[wasm_bindgen(unchecked_return_type = "RegionInfo[]")]
    pub fn regions(&self) -> Result<JsValue, JsValue> {
        out(Ok(Out::Regions(self.core.regions())))
    }

    /// A region's diseases on a date (before its opening date: those it will open with).
    #[wasm_bindgen(unchecked_return_type = "DiseaseInfo[]")]
    pub fn diseases(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] region: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] date: JsValue,
    ) -> Result<JsValue, JsValue> {
        let (region, date) = (
            convert::string_arg(&region, "region").map_err(js_error)?,
            convert::string_arg(&date, "date").map_err(js_error)?,
        );
        out(self.core.diseases(&region, &date).map(Out::Diseases))
    }

    /// The treatment places with data: provinces, their class B share and cities.
    #[wasm_bindgen(unchecked_return_type = "PlaceInfo[]")]
    pub fn places(&self) -> Result<JsValue, JsValue> {
        out(Ok(Out::Places(self.core.places())))
    }

    /// The catalogue in force at a treatment place (a city resolves to its province).
    #[wasm_bindgen(unchecked_return_type = "CatalogueInfo")]
    pub fn catalogue(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] place: JsValue,
    ) -> Result<JsValue, JsValue> {
        let place = convert::string_arg(&place, "place").map_err(js_error)?;
        out(self.core.catalogue(&place).map(Out::Catalogue))
    }

    /// The estimate of a request under the national settlement interface's field names.
    #[wasm_bindgen(js_name = nationalFields, unchecked_return_type = "NationalField[]")]
    pub fn national_fields(
        &self,
        #[wasm_bindgen(unchecked_param_type = "EstimateRequest | string")] request: JsValue,
    ) -> Result<JsValue, JsValue> {
        let text = text_from_js(&request, Json::Request).map_err(js_error)?;
        out(self.core.national_fields_text(&text).map(Out::National))
    }
}

/// What only the full engine has (the `maintainer` feature: the npm package). The page's own
/// build (`--no-default-features`, scripts/build.sh) exports only `withDefaults` and `call`.
#[cfg(feature = "maintainer")]
#[wasm_bindgen]
impl Engine {
    /// An engine from policy packs: objects or JSON texts. Throws `INVALID_POLICY` listing
    /// every problem with its pack and path. With `{ manifest }` (pack id → `sha256:` digest, as
    /// `engine.packs()` reports them), a pack that is not pinned or whose digest differs is refused.
    #[wasm_bindgen(js_name = fromPacks)]
    pub fn from_packs(
        #[wasm_bindgen(unchecked_param_type = "Array<PolicyPack | string>")] packs: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "FromPacksOptions")] options: JsValue,
    ) -> Result<Engine, JsValue> {
        let texts = convert::pack_texts(&packs)?;
        let manifest = if options.is_object() {
            let m = js_sys::Reflect::get(&options, &"manifest".into()).unwrap_or(JsValue::UNDEFINED);
            (!m.is_undefined() && !m.is_null())
                .then(|| convert::from_js(&m, Json::Request))
                .transpose()?
        } else {
            None
        };
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let core = match manifest {
            None => Core::from_pack_texts(&refs),
            Some(manifest) => {
                crate::wire::read_manifest(&manifest).and_then(|m| Core::from_pack_texts_pinned(&refs, &m))
            }
        };
        core.map(|core| Engine { core }).map_err(js_error)
    }

    /// The numbers alone — mode, check statuses, settlement, ytdAfter — without messages or
    /// trace: the fast path for what-if comparisons and batch use.
    #[wasm_bindgen(unchecked_return_type = "Decision")]
    pub fn settle(
        &self,
        #[wasm_bindgen(unchecked_param_type = "EstimateRequest | string")] request: JsValue,
    ) -> Result<JsValue, JsValue> {
        let text = text_from_js(&request, Json::Request).map_err(js_error)?;
        Ok(decision::to_js(&self.core.settle_text(&text).map_err(js_error)?))
    }

    /// The loaded packs' ids and versions.
    #[wasm_bindgen(unchecked_return_type = "PackInfo[]")]
    pub fn packs(&self) -> Result<JsValue, JsValue> {
        out(Ok(Out::Packs(self.core.packs())))
    }
}

#[cfg(feature = "maintainer")]
/// The package version (from Cargo.toml).
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}
