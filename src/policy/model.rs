//! The policy model: what a pack says once it has been read and validated.
//!
//! 参保地政策 (the insured place's policy: ratios, deductibles, limits, reductions) lives in
//! [`Region`]s with effective-dated [`Version`]s; 就医地目录 (the treatment place's catalogue and
//! class B shares) lives in [`PlaceData`]. Every number is a [`Param`] carrying its provenance.

use crate::bilingual::Text;
use crate::date::Date;
use rust_decimal::Decimal;
use serde::Serialize;

mod table;
pub use table::{Dim, Fact, Facts, Table, Who};
mod shapes;
pub use shapes::{Amount, Base, Cap, Cut, Deductible, Limit, Period};

/// Entries by id, in pack order. A pack holds a handful of each, so a list is as fast as a map
/// and keeps the map code out of the WebAssembly build.
pub type Named<T> = Vec<(String, T)>;

/// The entry with this id.
pub fn named<'a, T>(list: &'a [(String, T)], id: &str) -> Option<&'a T> {
    list.iter().find(|(k, _)| k == id).map(|(_, v)| v)
}

/// Where a number came from (docs/rules.md "Provenance"): a notice, a copy of one, a seed article, a national rule,
/// the person's own terms, or an assumption. Ordered from the most certain to the least.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(test, derive(ts_rs::TS))]
pub enum Provenance {
    /// Read in an official or semi-official notice (its `source` gives title, date, address and
    /// a short quote).
    Published,
    /// Read in a copy of a notice on another site (its `source` gives the quote and the site,
    /// shown without a link).
    Reposted,
    /// Stated in a seed article.
    Seed,
    /// A national rule.
    National,
    /// Entered by the person (their own terms, for a region without a pack). Never in a pack.
    User,
    /// An illustrative assumption a policy maintainer should replace.
    Assumed,
}

impl Provenance {
    /// The values a pack may give (`user` is the person's own, never a pack's).
    pub const ALL: [&'static str; 5] = ["published", "reposted", "seed", "national", "assumed"];

    pub fn parse(s: &str) -> Option<Provenance> {
        match s {
            "published" => Some(Provenance::Published),
            "reposted" => Some(Provenance::Reposted),
            "seed" => Some(Provenance::Seed),
            "national" => Some(Provenance::National),
            "assumed" => Some(Provenance::Assumed),
            _ => None,
        }
    }

    /// The less certain of two: an estimate built on an assumption is an assumption.
    pub fn weaker(self, other: Provenance) -> Provenance {
        self.max(other)
    }
}

/// A value with its provenance and an optional note on its source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Param<T> {
    pub value: T,
    pub provenance: Provenance,
    pub source: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(test, derive(ts_rs::TS))]
pub enum Scheme {
    Employee,
    Resident,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(rename = "EmployeeStatus"))]
pub enum Status {
    Working,
    Retired,
}

/// The filing categories of docs/rules.md "Filing".
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(test, derive(ts_rs::TS))]
pub enum FilingCategory {
    RetiredRelocated,
    LongTermResident,
    StationedWorker,
    Referral,
    Emergency,
    OtherTemporary,
}

impl FilingCategory {
    pub const ALL: [FilingCategory; 6] = [
        FilingCategory::RetiredRelocated,
        FilingCategory::LongTermResident,
        FilingCategory::StationedWorker,
        FilingCategory::Referral,
        FilingCategory::Emergency,
        FilingCategory::OtherTemporary,
    ];
    pub const IDS: [&'static str; 6] = [
        "retired_relocated",
        "long_term_resident",
        "stationed_worker",
        "referral",
        "emergency",
        "other_temporary",
    ];

    pub fn id(self) -> &'static str {
        Self::IDS[self as usize]
    }

    pub fn parse(s: &str) -> Option<FilingCategory> {
        Self::IDS.iter().position(|id| *id == s).map(|i| Self::ALL[i])
    }

    pub fn is_long_term(self) -> bool {
        matches!(
            self,
            FilingCategory::RetiredRelocated | FilingCategory::LongTermResident | FilingCategory::StationedWorker
        )
    }

    /// The national ceiling on how far an insured place may lower the ratio (docs/rules.md "Filing").
    pub fn max_reduction(self) -> Option<Decimal> {
        match self {
            FilingCategory::Referral | FilingCategory::Emergency => Some(Decimal::new(10, 2)),
            FilingCategory::OtherTemporary => Some(Decimal::new(20, 2)),
            _ => None,
        }
    }

    pub fn name(self) -> Text {
        let (zh, en) = match self {
            FilingCategory::RetiredRelocated => ("异地安置退休人员", "retiree relocated elsewhere"),
            FilingCategory::LongTermResident => ("异地长期居住人员", "long-term resident elsewhere"),
            FilingCategory::StationedWorker => ("常驻异地工作人员", "worker stationed elsewhere"),
            FilingCategory::Referral => ("异地转诊人员", "referred patient"),
            FilingCategory::Emergency => ("异地急诊抢救人员", "emergency patient"),
            FilingCategory::OtherTemporary => ("其他临时外出就医人员", "other temporary trip"),
        };
        Text::new(zh, en)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Disease {
    pub name: Text,
    /// Pinyin of the Chinese name, for search by pinyin or initials ("gao xue ya" → "gxy").
    pub pinyin: Option<String>,
    /// Where the listing itself comes from.
    pub provenance: Provenance,
    pub source: Option<String>,
    /// `None`: the pack leaves the ratio to the person's terms (`"ratio": "terms"`).
    pub ratio: Option<Table<Decimal>>,
    /// Id of the deductible group in [`Version::deductibles`], or [`TERMS`]: the person's.
    pub deductible: String,
    /// Id of the limit (the disease's own or a shared pool) in [`Version::limits`], or
    /// [`TERMS`]: the person's annual limit.
    pub limit: String,
}

/// A disease's parameter a pack leaves to the person's terms (docs/pack-format.md "Parameters
/// left to the person"): `"ratio": "terms"`, `"deductible": "terms"`, `"limit": "terms"`. Reserved:
/// no deductible group or limit may be called so.
pub const TERMS: &str = "terms";

impl Disease {
    /// The `insured.terms` fields the pack leaves to the person for this disease, in the
    /// contract's order; empty when the pack prices it in full.
    pub fn left_to_terms(&self) -> Vec<&'static str> {
        let mut out = Vec::new();
        if self.ratio.is_none() {
            out.push("ratio");
        }
        if self.deductible == TERMS {
            out.push("deductible");
        }
        if self.limit == TERMS {
            out.push("annualLimit");
        }
        out
    }
}

/// One effective-dated version of a region's policy: it applies from `from` until the next one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Version {
    pub from: Date,
    pub provenance: Provenance,
    pub source: Option<String>,
    /// Whether cross-province direct settlement of outpatient special diseases is open.
    pub open: bool,
    /// The parameters were checked against the region's published policy up to this date; a
    /// later visit is warned that they may be outdated.
    pub reviewed_until: Option<Date>,
    /// One per filing category, in [`FilingCategory::ALL`] order.
    pub reductions: Vec<Cut>,
    pub unfiled_reduction: Cut,
    pub overall_ceiling: Table<Option<Decimal>>,
    /// The year's inpatient fund payments count against the overall ceiling (大理).
    pub overall_with_inpatient: bool,
    /// The tiers the region defines (深圳 一档/二档/三档), by id; tables may split on them.
    pub tiers: Named<Text>,
    pub deductibles: Named<Deductible>,
    pub limits: Named<Limit>,
    /// In pack order, which is the order users see.
    pub diseases: Vec<(String, Disease)>,
    /// National diseases the region states it does not settle across provinces (docs/calculation.md §8:
    /// without such a statement a national disease the pack does not list is covered, warned).
    pub excluded: Named<Param<()>>,
}

impl Version {
    pub fn disease(&self, id: &str) -> Option<&Disease> {
        named(&self.diseases, id)
    }

    /// The region's statement that it excludes this national disease, if it makes one.
    pub fn excluded(&self, id: &str) -> Option<&Param<()>> {
        named(&self.excluded, id)
    }

    pub fn deductible(&self, id: &str) -> Option<&Deductible> {
        named(&self.deductibles, id)
    }

    pub fn limit(&self, id: &str) -> Option<&Limit> {
        named(&self.limits, id)
    }

    pub fn reduction(&self, category: FilingCategory) -> Option<&Cut> {
        self.reductions.get(category as usize)
    }
}

/// An insured pooling region (统筹地区).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Region {
    pub code: String,
    pub name: Text,
    /// Strictly increasing by `from`. Shared, not copied, by the regions of one pack entry with
    /// `codes`: a pack listing many codes costs its versions once in memory.
    pub versions: std::sync::Arc<[Version]>,
}

impl Region {
    /// The version in force on `date`, if any.
    pub fn version_on(&self, date: Date) -> Option<&Version> {
        self.versions.iter().rev().find(|v| v.from <= date)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(rename = "ItemClass"))]
pub enum Class {
    A,
    B,
    C,
}

impl Class {
    pub fn parse(s: &str) -> Option<Class> {
        match s {
            "A" | "a" | "甲" => Some(Class::A),
            "B" | "b" | "乙" => Some(Class::B),
            "C" | "c" | "丙" => Some(Class::C),
            _ => None,
        }
    }
}

/// An item of a treatment place's catalogue (就医地目录).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CatalogueItem {
    pub code: String,
    pub name: Text,
    pub class: Param<Class>,
    /// The item's own class B self-pay share, where it has one.
    pub self_pay_ratio: Option<Param<Decimal>>,
    /// A price ceiling (限价), where it has one.
    pub ceiling: Option<Param<Decimal>>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct City {
    pub code: String,
    pub name: Text,
}

/// A treatment place: a province whose catalogue applies to every city in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    pub code: String,
    pub name: Text,
    /// The default class B self-pay share; absent → the national fallback, with a warning.
    pub class_b_share: Option<Param<Decimal>>,
    pub cities: Vec<City>,
    /// Items that differ from the national sample catalogue at this place.
    pub catalogue: Vec<CatalogueItem>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlaceData {
    pub fallback_share: Param<Decimal>,
    pub places: Vec<Place>,
    pub catalogue: Vec<CatalogueItem>,
}

/// What identifies a loaded pack.
#[cfg(feature = "maintainer")]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct PackInfo {
    pub id: String,
    pub version: String,
    /// `sha256:` and 64 hex digits, over the pack's canonical JSON (RFC 8785).
    pub digest: String,
}

/// One pack file, read and validated.
#[cfg(feature = "maintainer")]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pack {
    pub info: PackInfo,
    pub regions: Vec<Region>,
    /// Where each region's code is in the pack (`regions[0].code`, `regions[1].codes[3]`).
    pub region_paths: Vec<String>,
    pub places: Option<PlaceData>,
}
