//! Policy packs: the model, the reader that validates packs with exact paths, the embedded
//! 2025 defaults, and the set of packs an engine answers from.

mod digest;
pub mod model;
mod pack;
mod places;
mod reader;
mod region;
mod set;

pub use digest::digest;
pub use model::*;
pub use pack::{parse_pack_text, FORMAT};
pub use set::{Manifest, PolicySet};

/// The embedded default packs (PARAMETERS.md), as shipped in `packs/` (minified by build.rs).
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
