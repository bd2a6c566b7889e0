//! # yibao-policy
//!
//! Estimates, before a person files or reaches the counter, whether outpatient chronic and
//! special-disease treatment in another province can be settled directly (跨省异地就医直接结算,
//! 门诊慢特病) and how much the fund and the patient will pay — with every number explained.
//!
//! The core is pure Rust: policy packs ([`policy`]), the treatment place's catalogue
//! ([`catalogue`]), the eligibility checks ([`eligibility`]), the insured place's terms
//! (`benefit`), the calculation of BRIEF §5 ([`settlement`]) and its explanation ([`trace`]).
//! The wire layer ([`wire`]) reads requests and manifests from JSON and calls the core; the
//! WebAssembly facade (`wasm`, only on wasm32) and the CLI (`cli/`) are thin hosts over it.
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

pub(crate) mod baseline;
pub(crate) mod benefit;
pub mod catalogue;
pub mod date;
pub(crate) mod divisions;
pub mod eligibility;
mod engine;
pub mod error;
pub mod estimate;
pub mod info;
// Without `maintainer` the pack reader's helpers (money, ratio, …) have no caller.
#[cfg_attr(not(feature = "maintainer"), allow(dead_code))]
pub mod json;
pub mod limits;
pub mod money;
pub mod national;
mod path;
pub(crate) mod place;
pub mod policy;
pub mod request;
pub mod settlement;
mod situation;
pub mod text;
pub mod trace;
mod warnings;
pub mod wire;
mod wording;
mod year;

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

pub use engine::Engine;
pub use error::{Error, ErrorCode, Problem};
pub use estimate::Estimate;
pub use request::Request;
