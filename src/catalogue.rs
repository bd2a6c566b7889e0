//! 就医地目录: classifying each cost line by the treatment place's catalogue — class A, B or C,
//! the class B self-pay share, the price ceiling — into the parts docs/calculation.md §5 steps 2–4 sum.

use crate::bilingual::Text;
use crate::money::minus;
use crate::money::{round_fen, Money, Ratio};
use crate::policy::{Class, Param, Place, PolicySet, Provenance};
use crate::request::Item;
use rust_decimal::Decimal;
use serde::Serialize;

/// Where a line's class B share came from (docs/rules.md precedence).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(test, derive(ts_rs::TS))]
pub enum ShareSource {
    /// The request line's own `selfPayRatio`.
    Line,
    /// The catalogue item's own share.
    Item,
    /// The treatment place's default for class B.
    Place,
    /// The national fallback, for a place without its own share.
    Fallback,
}

/// One cost line, classified and split.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct PricedLine {
    #[cfg_attr(test, ts(type = "number"))]
    pub index: usize,
    /// The line's item code, when it gave one.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub code: Option<String>,
    pub name: Option<Text>,
    pub class: Class,
    pub in_catalogue: bool,
    pub amount: Money,
    pub full_self_pay: Money,
    pub over_limit_self_pay: Money,
    pub pre_self_pay: Money,
    pub in_scope: Money,
    /// The class B share used, for class B lines.
    pub share: Option<Ratio>,
    pub share_source: Option<ShareSource>,
    pub share_provenance: Option<Provenance>,
    /// What the person should know about this line (worded by `warnings::warnings`).
    #[serde(skip)]
    pub(crate) note: Option<LineNote>,
}

/// Why a line deserves a warning.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum LineNote {
    /// The line gives a class other than the catalogue's; the line's is used.
    ClassDiffers { listed: Class, given: Class },
    /// Not in the catalogue; the class the line gives is used.
    NotListed(Class),
    /// Not in the catalogue and no class given: class C (全自费).
    NotListedNoClass,
}

/// The place's default class B share as used, for the trace.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct PlaceShare {
    pub place: Option<String>,
    pub value: Decimal,
    pub provenance: Provenance,
    pub defaulted: bool,
}

pub(crate) struct Priced {
    pub lines: Vec<PricedLine>,
    pub place_share: PlaceShare,
}

/// Classify every line. With `named`, lines carry their catalogue or given names (for the
/// result's line details); the numbers-only path leaves them out.
pub(crate) fn price(set: &PolicySet, place_code: &str, items: &[Item], named: bool) -> Priced {
    let place = set.place(place_code);
    let place_share = place_default_share(set, place);
    let mut lines = Vec::with_capacity(items.len());
    for (index, item) in items.iter().enumerate() {
        lines.push(price_line(set, place, &place_share, index, item, named));
    }
    Priced { lines, place_share }
}

fn place_default_share(set: &PolicySet, place: Option<&Place>) -> PlaceShare {
    match place.and_then(|p| p.class_b_share.as_ref().map(|s| (p, s))) {
        Some((p, share)) => PlaceShare {
            place: Some(p.code.clone()),
            value: share.value,
            provenance: share.provenance,
            defaulted: false,
        },
        None => PlaceShare {
            place: None,
            value: set.places.fallback_share.value,
            provenance: set.places.fallback_share.provenance,
            defaulted: true,
        },
    }
}

fn price_line(
    set: &PolicySet,
    place: Option<&Place>,
    place_share: &PlaceShare,
    index: usize,
    item: &Item,
    named: bool,
) -> PricedLine {
    let listed = item.code.as_deref().and_then(|code| set.catalogue_item(place, code));
    // docs/rules.md: the line's own class, else the catalogue's, else class C (全自费).
    let (class, note) = match (item.class, listed) {
        (Some(given), Some(entry)) if given != entry.class.value => (
            given,
            Some(LineNote::ClassDiffers {
                listed: entry.class.value,
                given,
            }),
        ),
        (Some(given), Some(_)) => (given, None),
        (Some(given), None) => (given, Some(LineNote::NotListed(given))),
        (None, Some(entry)) => (entry.class.value, None),
        (None, None) => (Class::C, Some(LineNote::NotListedNoClass)),
    };
    let amount = item.amount.0;
    let name = if named {
        listed
            .map(|e| e.name.clone())
            .or_else(|| item.name.as_ref().map(|n| Text::new(n.clone(), n.clone())))
    } else {
        None
    };
    let ceiling = item
        .ceiling_amount
        .map(|m| m.0)
        .or_else(|| listed.and_then(|e| e.ceiling.as_ref().map(|c| c.value)));
    let (share, source, provenance) = if class == Class::B {
        let (value, source, provenance) =
            class_b_share(item, listed.and_then(|e| e.self_pay_ratio.as_ref()), place_share);
        (Some(value), Some(source), provenance)
    } else {
        (None, None, None)
    };

    let (full, over, pre) = match class {
        Class::C => (amount, Decimal::ZERO, Decimal::ZERO),
        Class::A | Class::B => {
            let within = ceiling.map_or(amount, |c| amount.min(c));
            let over = minus(amount, within);
            // Only the part within the price ceiling is in the catalogue's scope at all.
            let pre = share.map_or(Decimal::ZERO, |s| round_fen(within * s));
            (Decimal::ZERO, over, pre)
        }
    };
    PricedLine {
        index,
        code: item.code.clone(),
        name,
        class,
        in_catalogue: listed.is_some(),
        amount: Money(amount),
        full_self_pay: Money(full),
        over_limit_self_pay: Money(over),
        pre_self_pay: Money(pre),
        in_scope: Money(minus(minus(minus(amount, full), over), pre)),
        share: share.map(Ratio),
        share_source: source,
        share_provenance: provenance,
        note,
    }
}

/// The request line's own share, else the catalogue item's, else the place's default.
fn class_b_share(
    item: &Item,
    own: Option<&Param<Decimal>>,
    place_share: &PlaceShare,
) -> (Decimal, ShareSource, Option<Provenance>) {
    if let Some(r) = item.self_pay_ratio {
        (r.0, ShareSource::Line, None)
    } else if let Some(p) = own {
        (p.value, ShareSource::Item, Some(p.provenance))
    } else if place_share.defaulted {
        (place_share.value, ShareSource::Fallback, Some(place_share.provenance))
    } else {
        (place_share.value, ShareSource::Place, Some(place_share.provenance))
    }
}
