//! Policy: the pack model, the reader that validates packs with exact paths, the embedded 2025
//! defaults, the set of packs an engine answers from, the national rules beneath them, and the
//! policy of one visit assembled from those layers and the person's own terms (`layered`) —
//! the one place where the layers meet.
//!
//! Reading, validating and digesting packs is the `maintainer` feature (the npm package, the
//! CLI). Without it the default packs are compiled in as data that decodes to the model, made from
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
pub mod layered;
#[cfg(feature = "maintainer")]
mod load;
pub mod model;
pub mod national;
#[cfg(test)]
#[path = "../../tests/unit/national_list.rs"]
mod national_list;
pub mod numbers;
#[cfg(feature = "maintainer")]
mod read;
mod set;
pub mod shapes;

#[cfg(feature = "maintainer")]
pub use digest::digest;
#[cfg(feature = "maintainer")]
pub use load::Manifest;
pub use model::*;
#[cfg(feature = "maintainer")]
pub use read::pack::{parse_pack_text, FORMAT, FORMAT_2};
pub use set::PolicySet;

/// `regions()` and `places()` of the default packs as JSON text: all the page's build can answer
/// (it loads no other packs), so it returns these as written when `defaults.rs` was generated.
#[cfg(all(target_arch = "wasm32", not(feature = "maintainer")))]
pub(crate) const REGIONS_JSON: &str = defaults::texts::REGIONS_JSON;
#[cfg(all(target_arch = "wasm32", not(feature = "maintainer")))]
pub(crate) const PLACES_JSON: &str = defaults::texts::PLACES_JSON;

/// `diseases(region, date)`'s JSON text: for the version at `at` (region index in `REGIONS`,
/// version index; `None`: the national baseline), with the national list of `listed` diseases.
#[cfg(any(test, all(target_arch = "wasm32", not(feature = "maintainer"))))]
pub(crate) fn diseases_json(at: Option<(usize, usize)>, listed: usize) -> &'static str {
    use defaults::texts::{DISEASES_AT, DISEASES_OF, DISEASE_TEXTS, NATIONAL_COUNTS};
    let segment = NATIONAL_COUNTS
        .iter()
        .position(|&c| usize::from(c) == listed)
        .unwrap_or(0);
    let start = match at {
        None => 0,
        Some((region, version)) => {
            DISEASES_AT.get(region).map_or(0, |&a| usize::from(a)) + version * NATIONAL_COUNTS.len()
        }
    };
    DISEASES_OF
        .get(start + segment)
        .and_then(|&i| DISEASE_TEXTS.get(usize::from(i)))
        .copied()
        .unwrap_or("[]")
}

/// `catalogue(place)`'s JSON text after its `place` and `name`, for the place at `at` in
/// `PLACES` (the place's province), or for a place with no data (`None`).
#[cfg(any(test, all(target_arch = "wasm32", not(feature = "maintainer"))))]
pub(crate) fn catalogue_tail(at: Option<usize>) -> &'static str {
    let tail = match at {
        Some(at) => defaults::texts::CATALOGUE_OF.get(at).map_or(0, |&i| usize::from(i)),
        None => 0,
    };
    defaults::texts::CATALOGUE_TAILS.get(tail).copied().unwrap_or("")
}

// `DEFAULT_PACKS`: (file name, minified text) of every pack in packs/ (docs/rules.md), found and
// listed by build.rs.
#[cfg(feature = "maintainer")]
include!(concat!(env!("OUT_DIR"), "/default_packs.rs"));

/// The default pack of this file name in packs/, as embedded.
#[cfg(feature = "maintainer")]
pub fn default_pack(file: &str) -> Option<&'static str> {
    DEFAULT_PACKS
        .iter()
        .find(|(name, _)| *name == file)
        .map(|(_, text)| *text)
}
