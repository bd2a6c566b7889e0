//! # yibao-policy
//!
//! Estimates, before a person files or reaches the counter, whether outpatient chronic and
//! special-disease treatment in another province can be settled directly (跨省异地就医直接结算,
//! 门诊慢特病) and how much the fund and the patient will pay — with every number explained.
//!
//! The API is what this page lists, as cedar-policy's is over its core: an [`Engine`] made from
//! the embedded packs (or, with the `maintainer` feature, from pack JSON: [`packs`]); its
//! operations on a [`Request`] — `estimate` ([`Estimate`]), `settle` ([`Decision`]),
//! `check_eligibility` ([`Eligibility`]), `estimate_year`, `national_fields` — and its listings
//! for pickers ([`RegionInfo`], [`DiseaseInfo`], [`PlaceInfo`], [`CatalogueInfo`]); typed errors
//! ([`Error`]). [`wire`] reads requests from JSON text or values and calls the engine on them
//! (the `Wire` trait: `engine.estimate_text(text)`), [`json`] is the small JSON reader it uses,
//! and [`limits`] the sizes it refuses beyond. The modules behind them (the policy model, the
//! checks, the settlement of docs/calculation.md §5 and its trace) are the engine's own; the WebAssembly facade
//! (on wasm32) and the CLI (`cli/`) are thin hosts over this API.
//!
//! ```
//! # fn main() -> Result<(), yibao_policy::Error> {
//! use yibao_policy::wire::Wire; // the JSON entry points: estimate_text, estimate_json, …
//! let engine = yibao_policy::Engine::with_defaults()?;
//! let request = r#"{
//!     "insured": { "region": "653200", "scheme": "employee" },
//!     "filing": { "category": "stationed_worker", "place": "441900", "start": "2025-01-01" },
//!     "visit": { "date": "2025-06-10", "place": "441900", "hospitalLevel": 3, "disease": "cancer_outpatient" },
//!     "items": [{ "amount": "10000.00", "class": "A" }]
//! }"#;
//! let estimate = engine.estimate_text(request)?;
//! // A pack region: the amounts are known (under the national baseline they need the person's terms).
//! let fund_pays = estimate.settlement.map(|s| s.fund_pays.text());
//! assert_eq!(fund_pays.as_deref(), Some("7500.00"));
//! # Ok(())
//! # }
//! ```

// The modules are the engine's own rooms; what a host may use is re-exported below, by name.
mod bilingual;
mod catalogue;
mod checks;
mod date;
mod divisions;
mod eligibility;
mod engine;
mod error;
mod estimate;
mod listings;
mod money;
mod national_fields;
mod path;
mod policy;
mod request;
mod settlement;
mod trace;
mod vocabulary;
mod warnings;
mod wording;
mod year;

pub mod json;
pub mod limits;
pub mod wire;

#[cfg(target_arch = "wasm32")]
mod wasm;

/// The TypeScript shapes of requests and results, generated from the Rust types by ts-rs (a test,
/// which lives with the tests; the types it writes, generated/types.d.ts, with the generated files).
#[cfg(test)]
#[path = "../tests/unit/typescript.rs"]
mod typescript;

/// talc rather than dlmalloc (the default on wasm32): 1.8 KB brotli less on the page's critical
/// path (Cargo.toml). Single-threaded wasm only, as every build here is.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

// The engine and its errors.
pub use engine::Engine;
pub use error::{Error, ErrorCode, Problem};

// A request (docs/contract.md "Request"), as read from JSON by `wire` or built by hand.
pub use request::{AnnualLimit, Filing, Insured, Item, Lines, PersonTerms, Request, Visit, Ytd};
// The words requests and packs are written with.
pub use policy::{Class, FilingCategory, Provenance, Scheme, Status};
pub use vocabulary::{CheckCode, CheckStatus, Mode};

// Results: an estimate, its parts, and what `settle` and `nationalFields` give.
pub use catalogue::{PricedLine, ShareSource};
pub use eligibility::{Action, Check, Eligibility, Warning};
pub use estimate::{CheckStatuses, Decision, Estimate, PolicyRef};
pub use national_fields::NationalField;
pub use settlement::{Bound, Settlement};
pub use trace::TraceStep;

// What the pickers list: regions, their diseases, treatment places and their catalogues.
pub use listings::{
    CatalogueEntry, CatalogueInfo, CityInfo, DiseaseInfo, PlaceInfo, RegionInfo, Share, TierInfo, VersionInfo,
};

// The values everything is made of.
pub use bilingual::Text;
pub use date::Date;
pub use money::{Money, Ratio};

/// Policy packs for maintainers (the `maintainer` feature): the embedded defaults, reading a pack's
/// JSON, digests and pinned manifests.
#[cfg(feature = "maintainer")]
pub mod packs {
    pub use crate::policy::{
        default_pack, digest, parse_pack_text, Manifest, PackInfo, DEFAULT_PACKS, FORMAT, FORMAT_2,
    };
}
