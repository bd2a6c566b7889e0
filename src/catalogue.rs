//! 就医地目录: classifying each cost line by the treatment place's catalogue — class A, B or C,
//! the class B self-pay share, the price ceiling — into the parts BRIEF §5 steps 2–4 sum.

use crate::money::{round_fen, Money, Ratio};
use crate::policy::{Class, Param, Place, PolicySet, Provenance};
use crate::request::Item;
use crate::text::{t, Text};
use rust_decimal::Decimal;
use serde::Serialize;

/// A warning attached to an estimate: it does not stop the estimate, but the user should know.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Warning {
    pub code: &'static str,
    pub path: String,
    pub message: Text,
}

/// Where a line's class B share came from (PARAMETERS.md precedence).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
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
pub struct PricedLine {
    pub index: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
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
}

/// The place's default class B share as used, for the trace.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlaceShare {
    pub place: Option<String>,
    pub value: Decimal,
    pub provenance: Provenance,
    pub defaulted: bool,
}

pub struct Priced {
    pub lines: Vec<PricedLine>,
    pub place_share: PlaceShare,
    pub warnings: Vec<Warning>,
}

pub fn price(set: &PolicySet, place_code: &str, items: &[Item]) -> Priced {
    let place = set.place(place_code);
    let (place_share, mut warnings) = place_default_share(set, place, place_code);
    let lines = items
        .iter()
        .enumerate()
        .map(|(index, item)| price_line(set, place, &place_share, index, item, &mut warnings))
        .collect();
    Priced {
        lines,
        place_share,
        warnings,
    }
}

fn place_default_share(set: &PolicySet, place: Option<&Place>, code: &str) -> (PlaceShare, Vec<Warning>) {
    match place.and_then(|p| p.class_b_share.as_ref().map(|s| (p, s))) {
        Some((p, share)) => (
            PlaceShare {
                place: Some(p.code.clone()),
                value: share.value,
                provenance: share.provenance,
                defaulted: false,
            },
            Vec::new(),
        ),
        None => {
            let fallback = &set.places.fallback_share;
            let pct = (fallback.value * Decimal::ONE_HUNDRED).normalize();
            let name = set.place_name(code);
            let warning = Warning {
                code: "CATALOGUE_DEFAULTED",
                path: "visit.place".into(),
                message: t(
                    format!("暂无{}的目录数据，乙类先行自付比例按全国默认{pct}%估算", name.zh),
                    format!(
                        "no catalogue data for {}: class B self-pay share estimated at the national default {pct}%",
                        name.en
                    ),
                ),
            };
            (
                PlaceShare {
                    place: None,
                    value: fallback.value,
                    provenance: fallback.provenance,
                    defaulted: true,
                },
                vec![warning],
            )
        }
    }
}

fn price_line(
    set: &PolicySet,
    place: Option<&Place>,
    place_share: &PlaceShare,
    index: usize,
    item: &Item,
    warnings: &mut Vec<Warning>,
) -> PricedLine {
    let listed = item.code.as_deref().and_then(|code| set.catalogue_item(place, code));
    let path = format!("items[{index}]");
    let class = match (item.class, listed) {
        (Some(own), Some(entry)) if own != entry.class.value => {
            warnings.push(Warning {
                code: "ITEM_CLASS_DIFFERS",
                path: format!("{path}.class"),
                message: t(
                    format!(
                        "该项目在就医地目录中为{}类，按所填{}类计算",
                        class_zh(entry.class.value),
                        class_zh(own)
                    ),
                    format!(
                        "the catalogue lists this item as class {:?}; computed as the class {:?} given",
                        entry.class.value, own
                    ),
                ),
            });
            own
        }
        (Some(own), Some(_)) => own,
        (Some(own), None) => {
            // CONTRACT.md warns for such lines too: the class is the patient's or hospital's word,
            // not the catalogue's, so the estimate is only as good as that word.
            let label = line_label(item, index);
            warnings.push(Warning {
                code: "ITEM_NOT_IN_CATALOGUE",
                path: path.clone(),
                message: t(
                    format!("{}不在就医地示例目录中，按所填{}类计算", label.zh, class_zh(own)),
                    format!(
                        "{} is not in the treatment place's sample catalogue: computed as the class {own:?} given",
                        label.en
                    ),
                ),
            });
            own
        }
        (None, Some(entry)) => entry.class.value,
        (None, None) => {
            let label = line_label(item, index);
            warnings.push(Warning {
                code: "ITEM_NOT_IN_CATALOGUE",
                path: path.clone(),
                message: t(
                    format!("{}不在就医地目录中且未填类别，按丙类（全自费）计算", label.zh),
                    format!("{} is not in the treatment place's catalogue and has no class: counted as class C (fully self-paid)", label.en),
                ),
            });
            Class::C
        }
    };
    let amount = item.amount.0;
    let name = listed
        .map(|e| e.name.clone())
        .or_else(|| item.name.as_ref().map(|n| Text::new(n.clone(), n.clone())));
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
            let over = amount - within;
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
        in_scope: Money(amount - full - over - pre),
        share: share.map(Ratio),
        share_source: source,
        share_provenance: provenance,
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

/// How a line is named in a warning: its code or name, else its position.
fn line_label(item: &Item, index: usize) -> Text {
    match item.code.as_deref().or(item.name.as_deref()) {
        Some(label) => t(format!("“{label}”"), format!("'{label}'")),
        None => t(format!("第{}项", index + 1), format!("line {}", index + 1)),
    }
}

fn class_zh(c: Class) -> &'static str {
    match c {
        Class::A => "甲",
        Class::B => "乙",
        Class::C => "丙",
    }
}
