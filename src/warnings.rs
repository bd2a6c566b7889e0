//! The warnings beside the checks: about the parameters (outdated, the person's terms ignored,
//! assumed or needed) and about the cost lines (no catalogue data, lines outside it, classes
//! that differ from it).

use crate::bilingual::{t, Text};
use crate::catalogue::{LineNote, Priced};
use crate::checks::Findings;
use crate::eligibility::Warning;
use crate::policy::layered::{Lacking, Note, VisitPolicy};
use crate::policy::numbers::{Benefit, Fact};
use crate::policy::shapes::BUILT;
use crate::policy::Class;
use crate::request::Item;

/// Every warning for the visit, parameters first (the policy's notes, then the facts of the
/// person's that the numbers needed and did not have), then the cost lines.
pub fn warnings(s: &VisitPolicy<'_>, findings: &Findings, priced: &Priced, benefit: Option<&Benefit>) -> Vec<Warning> {
    let mut out = Vec::new();
    s.notes(findings.mode(), findings.filing_valid(), &mut |note| {
        out.push(note_warning(s, note))
    });
    // Only the rule shapes of this build's packs may lack a fact (`shapes`).
    if BUILT.needs_facts() {
        for (fact, rule) in benefit.map(Benefit::lacking).unwrap_or_default() {
            out.push(fact_warning(s, fact, &rule));
        }
    }
    if priced.place_share.defaulted {
        let pct = crate::money::Ratio(priced.place_share.value).percent();
        let name = s.place_name(&s.request().visit.place);
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
    // A disease named in the person's facts (recognised, or with their terms) that no layer
    // knows is most likely one this tool does not cover (or a typo): say so, rather than refuse
    // the whole estimate over a detail of the person.
    let insured = &s.request().insured;
    for (i, id) in insured.recognized_diseases.iter().flatten().enumerate() {
        unknown(s, &mut out, id, || format!("insured.recognizedDiseases[{i}]"), true);
    }
    for (id, _) in insured.recognition.iter().flatten() {
        unknown(s, &mut out, id, || format!("insured.recognition.{id}"), true);
    }
    for (id, _) in &insured.terms_by_disease {
        unknown(s, &mut out, id, || format!("insured.termsByDisease.{id}"), false);
    }
    for line in &priced.lines {
        let Some(note) = line.note else { continue };
        let path = format!("items[{}]", line.index);
        let label = || {
            s.request()
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
                    format!(
                        "the catalogue lists this item as class {}; computed as the class {} given",
                        class_en(listed),
                        class_en(given)
                    ),
                ),
            },
            LineNote::NotListed(given) => {
                // docs/contract.md warns for such lines too: the class is the patient's or the
                // hospital's word, not the catalogue's, and the estimate is only as good as it.
                let label = label();
                Warning {
                    code: "ITEM_NOT_IN_CATALOGUE",
                    path,
                    message: t(
                        format!("{}不在就医地示例目录中，按所填{}类计算", label.zh, class_zh(given)),
                        format!(
                            "{} is not in the treatment place's sample catalogue: computed as the class {} given",
                            label.en,
                            class_en(given)
                        ),
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

/// RECOGNIZED_DISEASE_UNKNOWN for a disease of the person's (`recognised`, or of their terms)
/// that no layer knows, at the path `path` makes.
fn unknown(s: &VisitPolicy<'_>, out: &mut Vec<Warning>, id: &str, path: impl Fn() -> String, recognised: bool) {
    if s.knows_disease(id) {
        return;
    }
    let (zh, en) = if recognised {
        ("已认定病种", "recognised disease")
    } else {
        ("填写了待遇的病种", "the disease of these terms,")
    };
    out.push(Warning {
        code: "RECOGNIZED_DISEASE_UNKNOWN",
        path: path(),
        message: t(
            format!("{zh}“{id}”不在已加载的政策中，已忽略"),
            format!("{en} '{id}' is not in any loaded policy and was ignored"),
        ),
    });
}

/// A note about the policy behind the numbers, in words.
fn note_warning(s: &VisitPolicy<'_>, note: Note) -> Warning {
    let home = s.name();
    match note {
        Note::Outdated(until) => Warning {
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
        },
        Note::TermsIgnored(path) => Warning {
            code: "TERMS_IGNORED",
            path,
            message: t(
                format!("{}的政策已收录，按收录的政策计算，忽略填写的比例、起付线和限额", home.zh),
                format!(
                    "{}'s policy is known: the estimate uses it and ignores the ratio, deductible and limit entered",
                    home.en
                ),
            ),
        },
        Note::TermIgnored(path, field) => {
            let (zh, en) = term_name(field);
            Warning {
                code: "TERMS_IGNORED",
                path,
                message: t(
                    format!("已收录的{}政策规定了{zh}：按政策的数值计算，忽略填写的{zh}", home.zh),
                    format!("the policy held for {} states the {en}: the estimate uses its figure and ignores the {en} entered", home.en),
                ),
            }
        }
        Note::TermsNeeded {
            lacking: Lacking::Partly(fields),
        } => {
            let (zh, en) = term_names(&fields);
            Warning {
                code: "TERMS_NEEDED",
                path: "insured.terms".into(),
                message: t(
                    format!(
                        "已收录的{}政策只公布了此病种的部分待遇：资格检查已完成，金额还需要您填写{}。可在参保地医保经办机构公布的待遇政策、国家医保服务平台App的政策查询中查到，或拨打12393医保服务热线咨询",
                        home.zh, zh
                    ),
                    format!(
                        "the policy held for {} gives only some of this disease's terms: the checks are complete, but the amounts also need its {}. Find them in the benefit notice of your insured place's medical insurance office (医保经办机构), the policy lookup of the National Healthcare Security Service app (国家医保服务平台), or call the 12393 hotline",
                        home.en, en
                    ),
                ),
            }
        }
        Note::TermsNeeded { lacking } => {
            let (lacking_zh, lacking_en) = match &lacking {
                Lacking::Unlisted(name) => (
                    format!("已收录的{}政策未列出{}的待遇", home.zh, name.zh),
                    format!("the policy held for {} does not give the terms for {}", home.en, name.en),
                ),
                _ => (format!("暂无{}的政策数据", home.zh), format!("no policy data for {}", home.en)),
            };
            Warning {
                code: "TERMS_NEEDED",
                path: "insured.terms".into(),
                message: t(
                    format!(
                        "{lacking_zh}：资格检查已完成，金额需要您填写参保地的门诊慢特病支付比例（必填）、起付线和年度支付限额（以及临时外出就医或未备案时的比例降幅）。可在参保地医保经办机构公布的待遇政策、国家医保服务平台App的政策查询中查到，或拨打12393医保服务热线咨询"
                    ),
                    format!(
                        "{lacking_en}: the checks are complete, but the amounts need your insured place's ratio for this outpatient special disease (required), its deductible and annual limit (and the reduction for a temporary trip or an unfiled visit). Find them in the benefit notice of your insured place's medical insurance office (医保经办机构), the policy lookup of the National Healthcare Security Service app (国家医保服务平台), or call the 12393 hotline"
                    ),
                ),
            }
        }
        Note::TermsAssumed(path) if path.ends_with(".deductible") => Warning {
            code: "TERMS_ASSUMED",
            path,
            message: t(
                "未填写起付线，按无起付线估算：如有起付线，基金支付会更少",
                "no deductible entered, so none is assumed: if there is one, the fund pays less",
            ),
        },
        Note::TermsAssumed(path) => Warning {
            code: "TERMS_ASSUMED",
            path,
            message: t(
                "未填写年度支付限额，按无限额估算：如有限额，基金支付可能更少（确无限额请填“无”）",
                "no annual limit entered, so none is assumed: if there is one, the fund may pay less (enter 'none' if there is none)",
            ),
        },
        Note::ReductionAssumed(path, value) => {
            let points = crate::money::Ratio(value).percent();
            Warning {
                code: "TERMS_REDUCTION_ASSUMED",
                path,
                message: t(
                    format!("未填写比例降幅，按{points}个百分点估算（临时外出就医按国家规定的最大降幅，未备案按20个百分点）"),
                    format!(
                        "no reduction entered, so {points} percentage points are assumed (for a temporary trip the national maximum, without a valid filing 20 points)"
                    ),
                ),
            }
        }
    }
}

/// A fact of the person's that a parameter (`rule`) needed and the request did not give, and the
/// default that stood in for it (docs/calculation.md §4).
fn fact_warning(s: &VisitPolicy<'_>, fact: Fact, rule: &str) -> Warning {
    let insured = &s.request().insured;
    let disease = &s.request().visit.disease;
    let (code, path, zh, en) = match fact {
        Fact::Age => (
            "AGE_ASSUMED",
            "insured.birthDate".to_string(),
            "未提供出生日期或年龄，按对您最不利的年龄段估算，基金实际支付可能更多",
            "no birth date or age given: the age band least favourable to you is used, so the fund may pay more",
        ),
        Fact::Tier => (
            "TIER_ASSUMED",
            "insured.tier".to_string(),
            "未提供参保档次，按对您最不利的档次估算，基金实际支付可能更多",
            "no tier given: the tier least favourable to you is used, so the fund may pay more",
        ),
        // Each only where this build's packs have a shape that may lack it (`shapes`).
        Fact::RecognitionDate if BUILT.scheduled => (
            "RECOGNITION_DATE_ASSUMED",
            format!("insured.recognizedSince.{disease}"),
            "未提供病种认定日期，按分段中最少的月度限额估算，基金实际支付可能更多",
            "no recognition date given: the smallest monthly amount of the schedule is used, so the fund may pay more",
        ),
        Fact::DiseaseCount if BUILT.growing || BUILT.ranked => (
            "DISEASE_COUNT_ASSUMED",
            if insured.recognition.is_some() {
                "insured.recognition".to_string()
            } else {
                "insured.recognizedDiseases".to_string()
            },
            "未提供全部已认定病种，限额按只认定本病种估算，基金实际支付可能更多",
            "not all your recognised diseases are given: the limit is worked out for this disease alone, so the fund may pay more",
        ),
        _ => (
            "INPATIENT_ASSUMED",
            "ytd.inpatientFundPaid".to_string(),
            "未提供本年住院统筹基金已支付额，按0估算：该限额与住院共用，基金实际支付可能更少",
            "the year's inpatient fund payments are not given and taken as 0: this limit is shared with inpatient care, so the fund may pay less",
        ),
    };
    Warning {
        code,
        path,
        message: t(format!("{zh}（参数 {rule}）"), format!("{en} (parameter {rule})")),
    }
}

/// How a line is named in a warning: its code or name, else its position.
fn line_label(item: &Item, index: usize) -> Text {
    match item.code.as_deref().or(item.name.as_deref()) {
        Some(label) => t(format!("“{label}”"), format!("'{label}'")),
        None => t(format!("第{}项", index + 1), format!("line {}", index + 1)),
    }
}

/// A class's letter, as its `Debug` writes it.
fn class_en(c: Class) -> &'static str {
    match c {
        Class::A => "A",
        Class::B => "B",
        Class::C => "C",
    }
}

fn class_zh(c: Class) -> &'static str {
    match c {
        Class::A => "甲",
        Class::B => "乙",
        Class::C => "丙",
    }
}

/// The fields of the person's terms as the words of a message: "支付比例、起付线", "ratio,
/// deductible". Joined by hand: `[&str]::join` was 1.1 KB of the page's `.wasm` for this one message.
fn term_names(fields: &[&str]) -> (String, String) {
    let (mut zh, mut en) = (String::new(), String::new());
    for (i, f) in fields.iter().enumerate() {
        let (z, e) = term_name(f);
        if i > 0 {
            zh.push('、');
            en.push_str(", ");
        }
        zh.push_str(z);
        en.push_str(e);
    }
    (zh, en)
}

/// A field of the person's terms (`ratio`, `deductible`, `annualLimit`, `reduction`,
/// `unfiledReduction`) as the words of a message. Told apart by their lengths, which differ: a
/// jump, where matching the texts compared bytes (250 B of the page's `.wasm`).
fn term_name(field: &str) -> (&'static str, &'static str) {
    match field.len() {
        5 => ("支付比例", "ratio"),
        10 => ("起付线", "deductible"),
        9 => ("比例降幅", "reduction"),
        16 => ("未备案时的比例降幅", "reduction without a valid filing"),
        _ => ("年度支付限额", "annual limit"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_field_has_its_own_name() {
        let names = ["ratio", "deductible", "annualLimit", "reduction", "unfiledReduction"].map(term_name);
        assert_eq!(names[2], ("年度支付限额", "annual limit"));
        for (i, a) in names.iter().enumerate() {
            assert!(names[i + 1..].iter().all(|b| a != b), "{a:?}");
        }
    }

    #[test]
    fn term_names_are_the_joined_words() {
        let all = ["ratio", "deductible", "annualLimit"];
        for n in 0..=all.len() {
            let fields = &all[..n];
            let (zh, en): (Vec<&str>, Vec<&str>) = fields.iter().map(|f| term_name(f)).unzip();
            assert_eq!(term_names(fields), (zh.join("、"), en.join(", ")));
        }
    }
}
