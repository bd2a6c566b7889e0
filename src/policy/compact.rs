//! The default packs as static data (`defaults.rs`, generated) and how they become the model: the
//! page's build (no `maintainer` feature) starts from these, already read and validated when
//! `defaults.rs` was generated, and only decodes them into the owned model — no JSON, no checks.
//!
//! One byte stream per listing rather than Rust statics of the model's shape: tags and counts are
//! a byte each, numbers are varints, every string is an index into one text (`TEXT`, a string a
//! line) that holds each string once, and one small reader builds the model from them. The
//! generator (tests/unit/defaults.rs, `Enc`) writes the fields in the order this reader reads them.
//!
//! Without the sources of the parameters: nothing the page's build answers shows them (a trace
//! step shows a parameter's rule id and provenance), except the statement that a region excludes a
//! national disease, whose source DISEASE_COVERED's message quotes — so that one is kept.

use super::defaults::{KNOWN, PLACES, REGIONS, TEXT};
use super::model::{
    Amount, Base, Cap, CatalogueItem, City, Class, Cut, Deductible, Dim, Disease, Limit, Param, Period, Place,
    PlaceData, Provenance, Region, Table, Version,
};
use super::shapes::BUILT;
use crate::bilingual::Text;
use crate::date::Date;
use rust_decimal::Decimal;
use std::borrow::Cow::Borrowed;

/// The values of the enums by their tag in the data (the generator writes the index in these).
pub(super) const PROVENANCES: [Provenance; 6] = [
    Provenance::Published,
    Provenance::Reposted,
    Provenance::Seed,
    Provenance::National,
    Provenance::User,
    Provenance::Assumed,
];
pub(super) const DIMS: [Dim; 5] = [Dim::Scheme, Dim::Status, Dim::Level, Dim::Tier, Dim::Age];
pub(super) const PERIODS: [Period; 3] = [Period::Visit, Period::Month, Period::Year];
pub(super) const BASES: [Base; 2] = [Base::FundPayment, Base::InScopeCost];
pub(super) const CLASSES: [Class; 3] = [Class::A, Class::B, Class::C];

/// Reads one stream. Past its end it reads zeros (the data is generated: it never is).
struct R {
    data: &'static [u8],
    at: usize,
    /// The lines of `TEXT`, split once (finding each string by counting lines costs the page's
    /// start ten times as long).
    strs: Vec<&'static str>,
}

impl R {
    fn u8(&mut self) -> u8 {
        let b = self.data.get(self.at).copied().unwrap_or(0);
        self.at += 1;
        b
    }

    /// A LEB128 varint.
    fn n(&mut self) -> u64 {
        let (mut v, mut shift) = (0u64, 0u32);
        loop {
            let b = self.u8();
            if shift < 64 {
                v |= u64::from(b & 0x7f) << shift;
            }
            shift += 7;
            if b < 0x80 {
                return v;
            }
        }
    }

    fn yes(&mut self) -> bool {
        self.u8() != 0
    }

    fn pick<T: Copy>(&mut self, all: &[T]) -> T {
        let i = usize::from(self.u8());
        all.get(i).copied().unwrap_or(all[0])
    }

    /// An index into the strings, the lines of `TEXT`.
    fn str(&mut self) -> &'static str {
        let i = self.n() as usize;
        self.strs.get(i).copied().unwrap_or("")
    }

    fn string(&mut self) -> String {
        self.str().to_string()
    }

    fn text(&mut self) -> Text {
        let zh = self.str();
        Text {
            zh: Borrowed(zh),
            en: Borrowed(self.str()),
        }
    }

    fn opt<T>(&mut self, f: impl FnOnce(&mut Self) -> T) -> Option<T> {
        if self.yes() {
            Some(f(self))
        } else {
            None
        }
    }

    fn list<T>(&mut self, mut f: impl FnMut(&mut Self) -> T) -> Vec<T> {
        let n = self.n() as usize;
        let mut out = Vec::with_capacity(n);
        for _ in 0..n {
            out.push(f(self));
        }
        out
    }

    fn keyed<T>(&mut self, mut f: impl FnMut(&mut Self) -> T) -> Vec<(String, T)> {
        self.list(|r| {
            let key = r.string();
            (key, f(r))
        })
    }

    /// A varint of the mantissa shifted left by one with the sign in bit 0, then the scale.
    fn dec(&mut self) -> Decimal {
        let m = self.n();
        let scale = u32::from(self.u8());
        Decimal::from_parts((m >> 1) as u32, (m >> 33) as u32, 0, m & 1 == 1, scale)
    }

    fn opt_dec(&mut self) -> Option<Decimal> {
        self.opt(R::dec)
    }

    fn date(&mut self) -> Date {
        let year = self.n() as u16;
        let month = self.u8();
        Date {
            year,
            month,
            day: self.u8(),
        }
    }

    fn prov(&mut self) -> Provenance {
        self.pick(&PROVENANCES)
    }

    /// The value, then the provenance.
    fn param<T>(&mut self, f: impl FnOnce(&mut Self) -> T) -> Param<T> {
        let value = f(self);
        Param {
            value,
            provenance: self.prov(),
            source: None,
        }
    }

    /// 0: a leaf; else 1 + 2 × the dimension + (1 for a split with the arm for when the request
    /// does not say, after the arms).
    fn table<T>(&mut self, leaf: fn(&mut R) -> T) -> Table<T> {
        let tag = self.u8();
        if tag == 0 {
            return Table::Leaf(self.param(leaf));
        }
        let dim = DIMS.get(usize::from((tag - 1) >> 1)).copied().unwrap_or(Dim::Scheme);
        let arms = self.keyed(|r| r.table(leaf));
        // Made only where the packs split on tier or age (`shapes`).
        let unknown = match (tag - 1) & 1 {
            1 => Some(self.string()).filter(|_| BUILT.splits),
            _ => None,
        };
        Table::Node { dim, arms, unknown }
    }

    #[inline(never)]
    fn cut(&mut self) -> Cut {
        match self.u8() {
            0 => Cut::Points(self.param(R::dec)),
            // The others only where the packs state them (`shapes`).
            1 if BUILT.cuts => Cut::Factor(self.param(R::dec)),
            2 if BUILT.cuts => Cut::Ratio(self.table(R::dec)),
            3 if BUILT.cuts => Cut::SelfPayFirst(self.param(R::dec)),
            _ => Cut::Terms,
        }
    }

    #[inline(never)]
    fn amount(&mut self) -> Amount {
        // The others only where the packs state them (`shapes`).
        match self.u8() {
            1 if BUILT.growing => Amount::Growing {
                base: self.table(R::dec),
                step: self.table(R::dec),
                maximum: self.table(R::dec),
            },
            2 if BUILT.ranked => Amount::Ranked {
                shares: self.param(|r| r.list(R::dec)),
                standards: self.keyed(|r| r.table(R::dec)),
            },
            3 if BUILT.scheduled => Amount::Scheduled(self.list(|r| {
                let from = r.n() as u16;
                (from, r.table(R::opt_dec))
            })),
            _ => Amount::Fixed(self.table(R::opt_dec)),
        }
    }

    #[inline(never)]
    fn deductible(&mut self) -> Deductible {
        match self.u8() {
            0 => Deductible::None(self.param(|_| ())),
            _ => Deductible::Standard {
                period: self.pick(&PERIODS),
                amount: self.table(R::dec),
                off_fund: self.yes(),
            },
        }
    }

    #[inline(never)]
    fn limit(&mut self) -> Limit {
        Limit {
            name: self.opt(R::text),
            caps: self.list(|r| Cap {
                base: r.pick(&BASES),
                period: r.pick(&PERIODS),
                amount: r.amount(),
            }),
            with_inpatient: self.yes(),
        }
    }

    #[inline(never)]
    fn disease(&mut self) -> Disease {
        Disease {
            name: self.text(),
            pinyin: self.opt(R::string),
            provenance: self.prov(),
            source: None,
            ratio: self.opt(|r| r.table(R::dec)),
            deductible: self.string(),
            limit: self.string(),
        }
    }

    #[inline(never)]
    fn version(&mut self) -> Version {
        Version {
            from: self.date(),
            provenance: self.prov(),
            source: None,
            open: self.yes(),
            reviewed_until: self.opt(R::date),
            reductions: self.list(R::cut),
            unfiled_reduction: self.cut(),
            overall_ceiling: self.table(R::opt_dec),
            overall_with_inpatient: self.yes(),
            tiers: self.keyed(R::text),
            deductibles: self.keyed(R::deductible),
            limits: self.keyed(R::limit),
            diseases: self.keyed(R::disease),
            // With the statement's source.
            excluded: self.keyed(|r| {
                let provenance = r.prov();
                Param {
                    value: (),
                    provenance,
                    source: r.opt(R::string),
                }
            }),
        }
    }

    #[inline(never)]
    fn items(&mut self) -> Vec<CatalogueItem> {
        self.list(|r| CatalogueItem {
            code: r.string(),
            name: r.text(),
            class: r.param(|r| r.pick(&CLASSES)),
            self_pay_ratio: r.opt(|r| r.param(R::dec)),
            ceiling: r.opt(|r| r.param(R::dec)),
        })
    }
}

fn reader(data: &'static [u8]) -> R {
    R {
        data,
        at: 0,
        strs: TEXT.split('\n').collect(),
    }
}

/// Sorted by code. Regions whose versions are one list (a pack entry with `codes`) share them in
/// memory too, as the pack reader's regions do: after the name, 0 and the list, or 1 + the index
/// of the earlier region that has it.
pub(super) fn regions() -> Vec<Region> {
    let mut r = reader(REGIONS);
    let mut out: Vec<Region> = Vec::new();
    let n = r.n();
    for _ in 0..n {
        let code = r.string();
        let name = r.text();
        let versions = match usize::from(r.u8()) {
            0 => r.list(R::version).into(),
            i => out.get(i - 1).map_or_else(|| Vec::new().into(), |o| o.versions.clone()),
        };
        out.push(Region { code, name, versions });
    }
    out
}

pub(super) fn places() -> PlaceData {
    let mut r = reader(PLACES);
    PlaceData {
        fallback_share: r.param(R::dec),
        places: r.list(|r| Place {
            code: r.string(),
            name: r.text(),
            class_b_share: r.opt(|r| r.param(R::dec)),
            cities: r.list(|r| City {
                code: r.string(),
                name: r.text(),
            }),
            catalogue: r.items(),
        }),
        catalogue: r.items(),
    }
}

/// Every disease id of every version, sorted and each once.
pub(super) fn known_diseases() -> Vec<String> {
    reader(KNOWN).list(R::string)
}
