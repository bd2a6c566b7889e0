//! The warnings beside the checks: about the parameters (outdated, the person's terms ignored,
//! assumed or needed) and about the cost lines (no catalogue data, lines outside it, classes
//! that differ from it).

use crate::bilingual::{t, Text};
use crate::catalogue::{LineNote, Priced};
use crate::checks::Findings;
use crate::eligibility::Warning;
use crate::policy::Class;
use crate::request::Item;
use crate::situation::{PackPolicy, Situation};

/// Every warning for the visit, parameters first, then the cost lines.
pub fn warnings(s: &Situation<'_>, findings: &Findings, priced: &Priced) -> Vec<Warning> {
    let mut out = Vec::new();
    match s.pack() {
        Some(p) => {
            out.extend(outdated(s, p));
            if s.req.insured.terms.is_some() {
                out.push(Warning {
                    code: "TERMS_IGNORED",
                    path: "insured.terms".into(),
                    message: t(
                        format!("{}的政策已收录，按收录的政策计算，忽略填写的比例、起付线和限额", s.name.zh),
                        format!(
                            "{}'s policy is known: the estimate uses it and ignores the ratio, deductible and limit entered",
                            s.name.en
                        ),
                    ),
                });
            }
        }
        None => out.extend(crate::baseline::wording::terms_warnings(s, findings)),
    }
    if priced.place_share.defaulted {
        let pct = crate::money::Ratio(priced.place_share.value).percent();
        let name = s.set.place_name(&s.req.visit.place);
        out.push(Warning {
            code: "CATALOGUE_DEFAULTED",
            path: "visit.place".into(),
            message: t(
                format!("暂无{}的目录数据，乙类先行自付比例按全国默认{pct}%估算", name.zh),
                format!(
                    "no catalogue data for {}: class B self-pay share estimated at the national default {pct}%",
                    name.en
                ),
            ),
        });
    }
    // A recognised disease no pack knows is most likely one this tool does not cover (or a
    // typo): say so, rather than refuse the whole estimate over a detail of the person.
    for (i, id) in s.req.insured.recognized_diseases.iter().flatten().enumerate() {
        if !s.set.knows_disease(id) {
            out.push(Warning {
                code: "RECOGNIZED_DISEASE_UNKNOWN",
                path: format!("insured.recognizedDiseases[{i}]"),
                message: t(
                    format!("已认定病种“{id}”不在已加载的政策中，已忽略"),
                    format!("recognised disease '{id}' is not in any loaded policy and was ignored"),
                ),
            });
        }
    }
    for line in &priced.lines {
        let Some(note) = line.note else { continue };
        let path = format!("items[{}]", line.index);
        let label = || {
            s.req
                .items
                .get(line.index)
                .map_or_else(|| t("", ""), |item| line_label(item, line.index))
        };
        out.push(match note {
            LineNote::ClassDiffers { listed, given } => Warning {
                code: "ITEM_CLASS_DIFFERS",
                path: format!("{path}.class"),
                message: t(
                    format!("该项目在就医地目录中为{}类，按所填{}类计算", class_zh(listed), class_zh(given)),
                    format!("the catalogue lists this item as class {listed:?}; computed as the class {given:?} given"),
                ),
            },
            LineNote::NotListed(given) => {
                // CONTRACT.md warns for such lines too: the class is the patient's or the
                // hospital's word, not the catalogue's, and the estimate is only as good as it.
                let label = label();
                Warning {
                    code: "ITEM_NOT_IN_CATALOGUE",
                    path,
                    message: t(
                        format!("{}不在就医地示例目录中，按所填{}类计算", label.zh, class_zh(given)),
                        format!("{} is not in the treatment place's sample catalogue: computed as the class {given:?} given", label.en),
                    ),
                }
            }
            LineNote::NotListedNoClass => {
                let label = label();
                Warning {
                    code: "ITEM_NOT_IN_CATALOGUE",
                    path,
                    message: t(
                        format!("{}不在就医地目录中且未填类别，按丙类（全自费）计算", label.zh),
                        format!("{} is not in the treatment place's catalogue and has no class: counted as class C (fully self-paid)", label.en),
                    ),
                }
            }
        });
    }
    out
}

/// A visit after the date the version's parameters were last checked (`reviewedUntil`).
fn outdated(s: &Situation<'_>, p: &PackPolicy<'_>) -> Option<Warning> {
    let until = p.version.reviewed_until.filter(|until| *until < s.req.visit.date)?;
    let home = &s.name;
    Some(Warning {
        code: "PARAMETERS_MAY_BE_OUTDATED",
        path: "visit.date".into(),
        message: t(
            format!(
                "{}的政策参数核对至{until}，就诊日期在其后，参数可能已调整：请以参保地最新公布的政策为准",
                home.zh
            ),
            format!(
                "{}'s parameters were checked up to {until}; the visit is later and they may have changed: the region's latest published policy prevails",
                home.en
            ),
        ),
    })
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
