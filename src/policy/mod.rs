//! Policy packs: the model, the reader that validates packs with exact paths, the embedded
//! 2025 defaults, and the set of packs an engine answers from.
//!
//! Reading, validating and digesting packs is the `maintainer` feature (the npm package, the
//! CLI). Without it the default packs are compiled in as the model itself, generated from
//! packs/*.json through that reader (a test, tests/unit/defaults.rs, writes generated/defaults.rs).

#[cfg(any(test, not(feature = "maintainer")))]
mod compact;
// Generated (from packs/*.json by tests/unit/defaults.rs): rustfmt would reflow it, and the
// staleness test compares it byte for byte.
#[cfg(any(test, not(feature = "maintainer")))]
#[rustfmt::skip]
#[path = "../../generated/defaults.rs"]
mod defaults;
#[cfg(feature = "maintainer")]
mod digest;
#[cfg(test)]
#[path = "../../tests/unit/defaults.rs"]
mod generate;
#[cfg(feature = "maintainer")]
mod load;
pub mod model;
#[cfg(feature = "maintainer")]
mod pack;
#[cfg(feature = "maintainer")]
mod places;
#[cfg(feature = "maintainer")]
mod reader;
#[cfg(feature = "maintainer")]
mod region;
mod set;

#[cfg(feature = "maintainer")]
pub use digest::digest;
#[cfg(feature = "maintainer")]
pub use load::Manifest;
pub use model::*;
#[cfg(feature = "maintainer")]
pub use pack::{parse_pack_text, FORMAT};
pub use set::PolicySet;

/// The embedded default packs (PARAMETERS.md), as shipped in `packs/` (minified by build.rs).
#[cfg(feature = "maintainer")]
pub const DEFAULT_PACKS: [(&str, &str); 3] = [
    (
        "653200-hotan.json",
        include_str!(concat!(env!("OUT_DIR"), "/653200-hotan.json")),
    ),
    (
        "441900-dongguan.json",
        include_str!(concat!(env!("OUT_DIR"), "/441900-dongguan.json")),
    ),
    ("places.json", include_str!(concat!(env!("OUT_DIR"), "/places.json"))),
];
