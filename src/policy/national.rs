//! The national layer (docs/rules.md "Filing", docs/calculation.md §8, docs/contract.md "Regions without a pack"): the rules beneath
//! every region — which codes are mainland pooling regions, when cross-province settlement of the
//! five national diseases opened, the five themselves, the names of divisions, and the defaults
//! for what a person did not enter. Only the assembly (`layered.rs`) reads it.

use crate::bilingual::{t, Text};
use crate::date::Date;
use crate::error::{Error, ErrorCode};
use crate::vocabulary::CheckStatus;
use rust_decimal::Decimal;

/// Reduction for a manual claim without a valid filing when the person entered none and no pack
/// states one (docs/rules.md: assumed).
pub const UNFILED_REDUCTION: Decimal = Decimal::from_parts(20, 0, 0, false, 2);

/// `policy.version` of an estimate made under the baseline.
pub const VERSION: &str = "national-baseline";

/// Cross-province settlement of the five diseases started nationwide on 2021-09-01 and reached
/// every pooling region by the end of 2022: in between, a region may or may not have opened.
const OPENING: Date = Date {
    year: 2021,
    month: 9,
    day: 1,
};
const EVERYWHERE: Date = Date {
    year: 2023,
    month: 1,
    day: 1,
};

/// A disease every pooling region settles across provinces from a date (the national list,
/// data/national-diseases.json: the five of 2021, each with its source there).
pub struct NationalDisease {
    pub id: &'static str,
    pub zh: &'static str,
    pub en: &'static str,
    pub pinyin: &'static str,
    /// The date it joined the national list: before it, the national floor does not cover it.
    pub from: Date,
    pub provenance: super::Provenance,
}

impl NationalDisease {
    pub fn name(&self) -> Text {
        t(self.zh, self.en)
    }
}

// Generated from data/national-diseases.json (tests/unit/national_list.rs): rustfmt would
// reflow it, and the staleness test compares it byte for byte.
#[rustfmt::skip]
#[path = "../../generated/national.rs"]
mod list;
pub use list::NATIONAL_DISEASES;

/// A disease on the national list at any date: known to every engine, and one a pack may exclude.
pub fn national_disease(id: &str) -> Option<&'static NationalDisease> {
    NATIONAL_DISEASES.iter().find(|d| d.id == id)
}

/// A disease on the national list on this date (the national floor, docs/calculation.md §8.7).
pub fn national_on(id: &str, date: Date) -> Option<&'static NationalDisease> {
    national_disease(id).filter(|d| d.from <= date)
}

/// The national list on this date.
pub fn list_on(date: Date) -> impl Iterator<Item = &'static NationalDisease> {
    NATIONAL_DISEASES.iter().filter(move |d| d.from <= date)
}

/// The date the first diseases joined the national list (the national start).
pub fn start() -> Date {
    NATIONAL_DISEASES.iter().map(|d| d.from).min().unwrap_or(OPENING)
}

/// Six digits under a mainland province or the Corps: answered under the baseline when no pack
/// covers them. Anything else (71, 81, 82, 99, …) is an unknown region.
pub fn is_baseline_region(code: &str) -> bool {
    crate::divisions::codes::is_mainland(code)
}

/// POLICY_IN_FORCE under the baseline: fail before the national start, warn while regions were
/// opening one by one, pass once every region was covered.
pub fn in_force(date: Date) -> CheckStatus {
    if date < OPENING {
        CheckStatus::Fail
    } else if date < EVERYWHERE {
        CheckStatus::Warn
    } else {
        CheckStatus::Pass
    }
}

/// The division's name where the engine knows it; an unknown code's name is the code.
pub fn region_name(code: &str) -> Text {
    crate::divisions::names::name(code).unwrap_or_else(|| t(code.to_string(), code.to_string()))
}

/// A code that is neither covered by a pack nor a mainland region or the Corps.
pub fn unknown_region(path: &str, code: &str) -> Error {
    Error::new(
        ErrorCode::UnknownRegion,
        path,
        t(
            format!("“{code}”不是内地31个省（区、市）或新疆生产建设兵团的参保地代码，且没有该地的政策数据"),
            format!(
                "'{code}' is not an insured region of the 31 mainland provinces or the Xinjiang Production and Construction Corps, and no policy pack covers it"
            ),
        ),
    )
}
