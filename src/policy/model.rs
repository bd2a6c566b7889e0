//! The policy model: what a pack says once it has been read and validated.
//!
//! 参保地政策 (the insured place's policy: ratios, deductibles, limits, reductions) lives in
//! [`Region`]s with effective-dated [`Version`]s; 就医地目录 (the treatment place's catalogue and
//! class B shares) lives in [`PlaceData`]. Every number is a [`Param`] carrying its provenance.

use crate::bilingual::Text;
use crate::date::Date;
use rust_decimal::Decimal;
use serde::Serialize;

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

/// Who is being settled and where: the keys a [`Table`] is looked up by. `age` and `tier` are
/// `None` when the request does not give them (the table's `ifUnknown` arm then answers).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Who<'a> {
    pub scheme: Scheme,
    pub status: Status,
    pub level: u8,
    /// Completed years on the visit date (docs/calculation.md §4).
    pub age: Option<u8>,
    /// A tier the region defines (深圳 一档/二档/三档).
    pub tier: Option<&'a str>,
}

/// The dimension a table node splits on, and the keys it accepts.
// The page's build makes its tables from the default packs alone, which may not use every one.
#[cfg_attr(not(feature = "maintainer"), allow(dead_code))]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dim {
    Scheme,
    Status,
    Level,
    /// A tier the region defines (`byTier`); its arms are the region's tier ids.
    Tier,
    /// Age bands (`byAge`); each arm is named by the first age of its band, in increasing order,
    /// and runs up to the next one (the last has no end).
    Age,
}

// Reading a table from a pack (the `maintainer` feature) checks its keys.
#[cfg(feature = "maintainer")]
impl Dim {
    pub fn keys(self) -> &'static [&'static str] {
        match self {
            Dim::Scheme => &["employee", "resident"],
            Dim::Status => &["working", "retired"],
            Dim::Level => &["level1", "level2", "level3"],
            Dim::Tier | Dim::Age => &[],
        }
    }

    pub fn of_key(key: &str) -> Option<Dim> {
        [Dim::Scheme, Dim::Status, Dim::Level]
            .into_iter()
            .find(|d| d.keys().contains(&key))
    }
}

/// A fact of the person's that a lookup needed and the request did not give (docs/calculation.md §4):
/// a default stood in for it, and the person is warned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fact {
    Age,
    Tier,
    RecognitionDate,
    DiseaseCount,
    Inpatient,
}

impl Fact {
    pub const ALL: [Fact; 5] = [
        Fact::Age,
        Fact::Tier,
        Fact::RecognitionDate,
        Fact::DiseaseCount,
        Fact::Inpatient,
    ];

    /// The request field that gives this fact (the listings name it, so a front end asks it).
    pub fn request_field(self) -> &'static str {
        match self {
            Fact::Age => "birthDate",
            Fact::Tier => "tier",
            Fact::RecognitionDate => "recognizedSince",
            Fact::DiseaseCount => "recognizedDiseases",
            Fact::Inpatient => "inpatientFundPaid",
        }
    }
}

/// A set of [`Fact`]s, as bits: a parameter lacks a few at most, and a set that is `Copy` keeps
/// allocation out of every parameter looked up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Facts(u8);

impl Facts {
    pub fn with(self, fact: Fact) -> Facts {
        Facts(self.0 | 1 << fact as u8)
    }

    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    pub fn union(self, other: Facts) -> Facts {
        Facts(self.0 | other.0)
    }

    pub fn iter(self) -> impl Iterator<Item = Fact> {
        Fact::ALL.into_iter().filter(move |f| self.0 & 1 << *f as u8 != 0)
    }
}

/// A parameter that may depend on scheme, employee status, hospital level, the region's tier and
/// the person's age. A leaf applies to everyone below it, so a flat value is one line; a node
/// splits on one dimension, with an optional `default` arm for the keys it does not list, and —
/// for a tier or an age — the arm that answers when the request does not give it (`unknown`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Table<T> {
    Leaf(Param<T>),
    Node {
        dim: Dim,
        arms: Named<Table<T>>,
        unknown: Option<String>,
    },
}

impl<T> Table<T> {
    /// The leaf for `who`, the key path that led to it (e.g. `employee/working/level2`) and the
    /// facts it needed that `who` lacked. `None` only for a table that validation would have
    /// refused as incomplete.
    pub fn lookup(&self, who: Who<'_>) -> Option<(&Param<T>, String, Facts)> {
        let mut node = self;
        let mut path = String::new();
        let mut lacking = Facts::default();
        loop {
            match node {
                Table::Leaf(p) => return Some((p, path, lacking)),
                Table::Node { dim, arms, unknown } => {
                    // A build whose packs split on neither tier nor age has no code for it.
                    let split = super::shapes::BUILT.splits && matches!(dim, Dim::Tier | Dim::Age);
                    let (k, next) = match (dim, who.tier, who.age) {
                        _ if !split => {
                            let key = dim.key_for(who);
                            arms.iter()
                                .find(|(k, _)| k == key)
                                .or_else(|| arms.iter().find(|(k, _)| k == "default"))?
                        }
                        (Dim::Tier, None, _) | (Dim::Age, _, None) => {
                            lacking = lacking.with(if *dim == Dim::Tier { Fact::Tier } else { Fact::Age });
                            let key = unknown.as_deref()?;
                            arms.iter().find(|(k, _)| k == key)?
                        }
                        // The band whose first age is the highest not above the person's.
                        (Dim::Age, _, Some(age)) => arms.iter().rev().find(|(k, _)| first_age(k) <= age)?,
                        // A tier the request gives.
                        _ => arms
                            .iter()
                            .find(|(k, _)| Some(k.as_str()) == who.tier)
                            .or_else(|| arms.iter().find(|(k, _)| k == "default"))?,
                    };
                    path.push('/');
                    if split {
                        path.push_str(if *dim == Dim::Tier { "byTier/" } else { "byAge/" });
                    }
                    path.push_str(k);
                    node = next;
                }
            }
        }
    }
}

impl<T> Table<T> {
    /// The facts of the person's this table splits on (an age band, a tier), wherever in it.
    pub fn splits(&self) -> Facts {
        match self {
            Table::Leaf(_) => Facts::default(),
            Table::Node { dim, arms, .. } => {
                let own = match dim {
                    Dim::Age => Facts::default().with(Fact::Age),
                    Dim::Tier => Facts::default().with(Fact::Tier),
                    _ => Facts::default(),
                };
                arms.iter().fold(own, |facts, (_, arm)| facts.union(arm.splits()))
            }
        }
    }
}

/// An age band's first age, from its arm's name (digits; written by the reader).
fn first_age(key: &str) -> u8 {
    key.bytes()
        .try_fold(0u8, |n, b| n.checked_mul(10)?.checked_add(b.checked_sub(b'0')?))
        .unwrap_or(u8::MAX)
}

impl Dim {
    fn key_for(self, who: Who<'_>) -> &str {
        match self {
            Dim::Scheme => match who.scheme {
                Scheme::Employee => "employee",
                Scheme::Resident => "resident",
            },
            // Residents have no working/retired distinction; they read the working (or default) arm.
            Dim::Status => match (who.scheme, who.status) {
                (Scheme::Employee, Status::Retired) => "retired",
                _ => "working",
            },
            Dim::Level => match who.level {
                1 => "level1",
                2 => "level2",
                _ => "level3",
            },
            // Split on only where the build computes splits (`lookup`).
            Dim::Tier | Dim::Age => "",
        }
    }
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

/// A period a deductible is taken in, or a limit counts over (docs/calculation.md §6–7): the visit, the
/// calendar month or the calendar year of the visit date.
#[cfg_attr(not(feature = "maintainer"), allow(dead_code))]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    Visit,
    Month,
    Year,
}

/// How a deductible (起付线) is counted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Deductible {
    /// No deductible; the param records where that statement comes from.
    None(Param<()>),
    /// A standard per visit, month or year for the whole group; `off_fund`: taken off the fund's
    /// payment after the ratio (docs/calculation.md §5 d) rather than off the in-scope cost before it (c).
    Standard {
        period: Period,
        amount: Table<Decimal>,
        off_fund: bool,
    },
}

/// What a limit caps (docs/calculation.md §4): the fund's payment, or the in-scope cost it admits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Base {
    FundPayment,
    InScopeCost,
}

/// How much a limit allows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Amount {
    /// A fixed amount; a leaf of `None` says explicitly that there is no such limit.
    Fixed(Table<Option<Decimal>>),
    /// min(maximum, base + step × (count − 1)), count = the person's recognised diseases that the
    /// limit's pool covers (at least 1).
    Growing {
        base: Table<Decimal>,
        step: Table<Decimal>,
        maximum: Table<Decimal>,
    },
    /// Σ round(standard × share, 2) over the person's recognised diseases in the pool, highest
    /// standard first; the shares in rank order (diseases beyond them add 0).
    Ranked {
        shares: Param<Vec<Decimal>>,
        standards: Named<Table<Decimal>>,
    },
    /// A monthly quota by the month since the disease was recognised (the month of recognition
    /// is month 1): each step's first month and its amount, from month 1, the last open-ended.
    Scheduled(Vec<(u16, Table<Option<Decimal>>)>),
}

/// One cap of a limit: its base, its period, its amount.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cap {
    pub base: Base,
    pub period: Period,
    pub amount: Amount,
}

/// A limit (封顶线 / 最高支付限额 / 定额) shared by the diseases that name it: its caps, each with
/// one account per period, and whether the year's inpatient fund payments count against its
/// annual cap on the fund's payment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Limit {
    pub name: Option<Text>,
    pub caps: Vec<Cap>,
    pub with_inpatient: bool,
}

/// How a filing category (or a visit without a valid filing) lowers what the fund pays
/// (docs/calculation.md §4).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cut {
    /// The ratio minus so many points (never below 0).
    Points(Param<Decimal>),
    /// The ratio times a factor (深圳 ×0.9), exact.
    Factor(Param<Decimal>),
    /// A ratio of its own.
    Ratio(Table<Decimal>),
    /// A share of the in-scope cost paid first by the person (临沂 10 %); the ratio unchanged.
    SelfPayFirst(Param<Decimal>),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Disease {
    pub name: Text,
    /// Pinyin of the Chinese name, for search by pinyin or initials ("gao xue ya" → "gxy").
    pub pinyin: Option<String>,
    /// Where the listing itself comes from.
    pub provenance: Provenance,
    pub source: Option<String>,
    pub ratio: Table<Decimal>,
    /// Id of the deductible group in [`Version::deductibles`].
    pub deductible: String,
    /// Id of the limit (the disease's own or a shared pool) in [`Version::limits`].
    pub limit: String,
}

impl Disease {
    /// The `insured.terms` fields the pack leaves to the person for this disease (none yet: a
    /// listed disease is priced in full).
    pub fn left_to_terms(&self) -> Vec<&'static str> {
        Vec::new()
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
