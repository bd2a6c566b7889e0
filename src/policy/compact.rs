//! The default packs as static data (`defaults.rs`, generated) and how they become the model: the
//! page's build (no `maintainer` feature) starts from these, already read and validated when
//! `defaults.rs` was generated, and only copies them into the owned model — no JSON, no checks.
//!
//! Static tables rather than Rust code that builds the model: the same strings, but the structure
//! as data (a few bytes per field, compressing well) instead of code (tens of bytes per field).
//!
//! Without the sources of the parameters: nothing the page's build answers shows them (a trace
//! step shows a parameter's rule id and provenance), except the statement that a region excludes a
//! national disease, whose source DISEASE_COVERED's message quotes — so that one is kept.

use super::model::{
    Amount, Base, Cap, CatalogueItem, City, Class, Cut, Deductible, Dim, Disease, Limit, Param, Period, Place,
    PlaceData, Provenance, Region, Table, Version,
};
use super::shapes::BUILT;
use crate::bilingual::Text;
use crate::date::Date;
use rust_decimal::Decimal;

/// A [`Param`], without its source.
pub(super) struct P<T: 'static> {
    pub v: T,
    pub p: Provenance,
}

/// A [`Table`].
// The default packs use only some of the shapes a pack may state; the generator writes the others
// when a pack does.
#[allow(dead_code)]
pub(super) enum Tb<T: 'static> {
    Leaf(P<T>),
    Node(Dim, &'static [(&'static str, Tb<T>)]),
    /// A split on a tier or on age bands, with the arm for when the request does not say.
    Split(Dim, &'static [(&'static str, Tb<T>)], &'static str),
}

/// A [`Deductible`]: `Std(period, amount, taken off the fund's payment)`.
pub(super) enum Ded {
    None(P<()>),
    Std(Period, Tb<Decimal>, bool),
}

/// An [`Amount`].
#[allow(dead_code)]
pub(super) enum Am {
    Fixed(Tb<Option<Decimal>>),
    Growing(Tb<Decimal>, Tb<Decimal>, Tb<Decimal>),
    Ranked(P<&'static [Decimal]>, &'static [(&'static str, Tb<Decimal>)]),
    Scheduled(&'static [(u16, Tb<Option<Decimal>>)]),
}

/// A [`Limit`]: its caps as (base, period, amount).
pub(super) struct Lim {
    pub name: Option<Text>,
    pub caps: &'static [(Base, Period, Am)],
    pub with_inpatient: bool,
}

/// A [`Cut`].
#[allow(dead_code)]
pub(super) enum Ct {
    Points(P<Decimal>),
    Factor(P<Decimal>),
    Ratio(Tb<Decimal>),
    First(P<Decimal>),
    Terms,
}

/// A [`Disease`].
pub(super) struct Dis {
    pub name: Text,
    pub pinyin: Option<&'static str>,
    pub provenance: Provenance,
    pub ratio: Option<Tb<Decimal>>,
    pub deductible: &'static str,
    pub limit: &'static str,
}

/// A [`Version`].
pub(super) struct Ver {
    pub from: Date,
    pub provenance: Provenance,
    pub open: bool,
    pub reviewed_until: Option<Date>,
    pub reductions: &'static [Ct],
    pub unfiled_reduction: Ct,
    pub overall_ceiling: Tb<Option<Decimal>>,
    pub overall_with_inpatient: bool,
    pub tiers: &'static [(&'static str, Text)],
    pub deductibles: &'static [(&'static str, Ded)],
    pub limits: &'static [(&'static str, Lim)],
    pub diseases: &'static [(&'static str, Dis)],
    /// With the statement's source.
    pub excluded: &'static [(&'static str, Provenance, Option<&'static str>)],
}

/// A [`Region`].
pub(super) struct Reg {
    pub code: &'static str,
    pub name: Text,
    pub versions: &'static [Ver],
}

/// A [`CatalogueItem`].
pub(super) struct Item {
    pub code: &'static str,
    pub name: Text,
    pub class: P<Class>,
    pub self_pay_ratio: Option<P<Decimal>>,
    pub ceiling: Option<P<Decimal>>,
}

/// A [`Place`].
pub(super) struct Plc {
    pub code: &'static str,
    pub name: Text,
    pub class_b_share: Option<P<Decimal>>,
    pub cities: &'static [(&'static str, Text)],
    pub catalogue: &'static [Item],
}

/// The [`PlaceData`].
pub(super) struct Plcs {
    pub fallback_share: P<Decimal>,
    pub places: &'static [Plc],
    pub catalogue: &'static [Item],
}

fn own_str(s: &&'static str) -> String {
    s.to_string()
}

impl<T: Copy> P<T> {
    fn own(&self) -> Param<T> {
        Param {
            value: self.v,
            provenance: self.p,
            source: None,
        }
    }
}

impl<T: Copy> Tb<T> {
    fn own(&self) -> Table<T> {
        let (dim, arms, unknown) = match self {
            Tb::Leaf(p) => return Table::Leaf(p.own()),
            Tb::Node(dim, arms) => (dim, arms, None),
            // Made only where the packs split on tier or age (`shapes`).
            Tb::Split(dim, arms, unknown) => (dim, arms, BUILT.splits.then(|| unknown.to_string())),
        };
        Table::Node {
            dim: *dim,
            arms: arms.iter().map(|(k, t)| (k.to_string(), t.own())).collect(),
            unknown,
        }
    }
}

impl Ct {
    fn own(&self) -> Cut {
        match self {
            Ct::Points(p) => Cut::Points(p.own()),
            Ct::Factor(p) => Cut::Factor(p.own()),
            Ct::Ratio(t) => Cut::Ratio(t.own()),
            Ct::First(p) => Cut::SelfPayFirst(p.own()),
            Ct::Terms => Cut::Terms,
        }
    }
}

impl Am {
    fn own(&self) -> Amount {
        match self {
            Am::Fixed(t) => Amount::Fixed(t.own()),
            Am::Growing(base, step, maximum) => Amount::Growing {
                base: base.own(),
                step: step.own(),
                maximum: maximum.own(),
            },
            Am::Ranked(shares, standards) => Amount::Ranked {
                shares: Param {
                    value: shares.v.to_vec(),
                    provenance: shares.p,
                    source: None,
                },
                standards: standards.iter().map(|(id, t)| (id.to_string(), t.own())).collect(),
            },
            Am::Scheduled(steps) => Amount::Scheduled(steps.iter().map(|(from, t)| (*from, t.own())).collect()),
        }
    }
}

fn own_version(v: &Ver) -> Version {
    Version {
        excluded: v
            .excluded
            .iter()
            .map(|(id, provenance, source)| {
                let stated = Param {
                    value: (),
                    provenance: *provenance,
                    source: source.as_ref().map(own_str),
                };
                (id.to_string(), stated)
            })
            .collect(),
        from: v.from,
        provenance: v.provenance,
        source: None,
        open: v.open,
        reviewed_until: v.reviewed_until,
        reductions: v.reductions.iter().map(Ct::own).collect(),
        unfiled_reduction: v.unfiled_reduction.own(),
        overall_ceiling: v.overall_ceiling.own(),
        overall_with_inpatient: v.overall_with_inpatient,
        tiers: v
            .tiers
            .iter()
            .map(|(id, name)| (id.to_string(), name.clone()))
            .collect(),
        deductibles: v
            .deductibles
            .iter()
            .map(|(id, d)| {
                let d = match d {
                    Ded::None(p) => Deductible::None(p.own()),
                    Ded::Std(period, amount, off_fund) => Deductible::Standard {
                        period: *period,
                        amount: amount.own(),
                        off_fund: *off_fund,
                    },
                };
                (id.to_string(), d)
            })
            .collect(),
        limits: v
            .limits
            .iter()
            .map(|(id, l)| {
                let limit = Limit {
                    name: l.name.clone(),
                    caps: l
                        .caps
                        .iter()
                        .map(|(base, period, amount)| Cap {
                            base: *base,
                            period: *period,
                            amount: amount.own(),
                        })
                        .collect(),
                    with_inpatient: l.with_inpatient,
                };
                (id.to_string(), limit)
            })
            .collect(),
        diseases: v
            .diseases
            .iter()
            .map(|(id, d)| {
                let disease = Disease {
                    name: d.name.clone(),
                    pinyin: d.pinyin.as_ref().map(own_str),
                    provenance: d.provenance,
                    source: None,
                    ratio: d.ratio.as_ref().map(Tb::own),
                    deductible: d.deductible.to_string(),
                    limit: d.limit.to_string(),
                };
                (id.to_string(), disease)
            })
            .collect(),
    }
}

fn own_items(items: &[Item]) -> Vec<CatalogueItem> {
    items
        .iter()
        .map(|i| CatalogueItem {
            code: i.code.to_string(),
            name: i.name.clone(),
            class: i.class.own(),
            self_pay_ratio: i.self_pay_ratio.as_ref().map(P::own),
            ceiling: i.ceiling.as_ref().map(P::own),
        })
        .collect()
}

/// Sorted by code.
pub(super) fn regions() -> Vec<Region> {
    super::defaults::REGIONS
        .iter()
        .map(|r| Region {
            code: r.code.to_string(),
            name: r.name.clone(),
            versions: r.versions.iter().map(own_version).collect(),
        })
        .collect()
}

pub(super) fn places() -> PlaceData {
    let data = &super::defaults::PLACES;
    PlaceData {
        fallback_share: data.fallback_share.own(),
        places: data
            .places
            .iter()
            .map(|p| Place {
                code: p.code.to_string(),
                name: p.name.clone(),
                class_b_share: p.class_b_share.as_ref().map(P::own),
                cities: p
                    .cities
                    .iter()
                    .map(|(code, name)| City {
                        code: code.to_string(),
                        name: name.clone(),
                    })
                    .collect(),
                catalogue: own_items(p.catalogue),
            })
            .collect(),
        catalogue: own_items(data.catalogue),
    }
}

/// Every disease id of every version, sorted and each once.
pub(super) fn known_diseases() -> Vec<String> {
    super::defaults::KNOWN_DISEASES.iter().map(own_str).collect()
}
