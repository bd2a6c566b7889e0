//! The baseline's words: what national rules say about the region's opening and the disease,
//! and the warnings about the person's terms — which were assumed, which are needed and where to
//! find them.

use super::benefit::plan;
use super::{covers, in_force, national_disease};
use crate::bilingual::t;
use crate::checks::Findings;
use crate::eligibility::Warning;
use crate::policy::Provenance;
use crate::situation::Situation;
use crate::vocabulary::{CheckStatus, Mode};
use crate::wording::{ask_insured_place, Words};

pub fn policy_in_force(s: &Situation<'_>) -> Words {
    let home = &s.name;
    let date = s.req.visit.date;
    match in_force(date) {
        CheckStatus::Pass => (
            t(
                format!("门诊慢特病跨省直接结算自2021年9月起全国推开，2022年底前覆盖所有统筹地区，{}已开通", home.zh),
                format!(
                    "cross-province settlement of outpatient special diseases started nationwide in September 2021 and covered every pooling region by the end of 2022, {} included",
                    home.en
                ),
            ),
            None,
        ),
        CheckStatus::Warn => (
            t(
                format!(
                    "就诊日期{date}在2021年9月至2022年底之间，各统筹地区陆续开通门诊慢特病跨省直接结算，{}很可能已开通，请向参保地确认",
                    home.zh
                ),
                format!(
                    "the visit on {date} falls between September 2021 and the end of 2022, when pooling regions opened one by one: {} has probably opened; confirm with your insured place",
                    home.en
                ),
            ),
            ask_insured_place(
                "向参保地医保经办机构确认开通时间（也可拨打12393医保服务热线）",
                "Confirm the opening date with the insured place's medical insurance office (or call the 12393 hotline)",
            ),
        ),
        CheckStatus::Fail => (
            t(
                format!("就诊日期{date}早于2021年9月1日，门诊慢特病跨省直接结算尚未开通"),
                format!(
                    "the visit on {date} is before 1 September 2021, when cross-province settlement of outpatient special diseases began"
                ),
            ),
            ask_insured_place(
                "咨询参保地医保经办机构手工报销办法",
                "Ask the insured place's medical insurance office how to claim manually",
            ),
        ),
    }
}

pub fn disease_covered(s: &Situation<'_>) -> Words {
    let home = &s.name;
    let id = &s.req.visit.disease;
    match (covers(id), national_disease(id)) {
        (CheckStatus::Pass, Some(d)) => (
            t(
                format!("{}是国家统一开通跨省直接结算的五种门诊慢特病之一", d.zh),
                format!(
                    "{} is one of the five outpatient special diseases settled across provinces nationwide",
                    d.en
                ),
            ),
            None,
        ),
        _ => {
            let name = s.set.disease_name(id);
            (
                t(
                    format!(
                        "{}不在国家统一的五种病种内，{}可能已将其纳入跨省直接结算，请向参保地确认",
                        name.zh, home.zh
                    ),
                    format!(
                        "{} is not one of the five national diseases; {} may have added it to its cross-province list: confirm with your insured place",
                        name.en, home.en
                    ),
                ),
                ask_insured_place(
                    "查看参保地公布的门诊慢特病跨省直接结算病种清单，或咨询参保地医保经办机构、拨打12393",
                    "Check the insured place's published list of diseases settled across provinces, or ask its medical insurance office or call 12393",
                ),
            )
        }
    }
}

/// Under the baseline: TERMS_NEEDED when a reimbursable visit has no terms; otherwise one
/// warning for each term that was not entered and is assumed. Nothing in mode "none".
pub fn terms_warnings(s: &Situation<'_>, findings: &Findings) -> Vec<Warning> {
    if findings.mode() == Mode::None {
        return Vec::new();
    }
    let Some(plan) = plan(s, findings) else {
        return vec![Warning {
            code: "TERMS_NEEDED",
            path: "insured.terms".into(),
            message: t(
                format!(
                    "暂无{}的政策数据：资格检查已完成，金额需要您填写参保地的门诊慢特病支付比例（必填）、起付线和年度支付限额（以及临时外出就医或未备案时的比例降幅）。可在参保地医保经办机构公布的待遇政策、国家医保服务平台App的政策查询中查到，或拨打12393医保服务热线咨询",
                    s.name.zh
                ),
                format!(
                    "no policy data for {}: the checks are complete, but the amounts need your insured place's ratio for this outpatient special disease (required), its deductible and annual limit (and the reduction for a temporary trip or an unfiled visit). Find them in the benefit notice of your insured place's medical insurance office (医保经办机构), the policy lookup of the National Healthcare Security Service app (国家医保服务平台), or call the 12393 hotline",
                    s.name.en
                ),
            ),
        }];
    };
    let mut out = Vec::new();
    if plan.deductible.1.provenance == Provenance::Assumed {
        out.push(Warning {
            code: "TERMS_ASSUMED",
            path: "insured.terms.deductible".into(),
            message: t(
                "未填写起付线，按无起付线估算：如有起付线，基金支付会更少",
                "no deductible entered, so none is assumed: if there is one, the fund pays less",
            ),
        });
    }
    if plan.limit.provenance == Provenance::Assumed {
        out.push(Warning {
            code: "TERMS_ASSUMED",
            path: "insured.terms.annualLimit".into(),
            message: t(
                "未填写年度支付限额，按无限额估算：如有限额，基金支付可能更少（确无限额请填“无”）",
                "no annual limit entered, so none is assumed: if there is one, the fund may pay less (enter 'none' if there is none)",
            ),
        });
    }
    let (reduction, _) = &plan.reduction;
    if reduction.provenance == Provenance::Assumed {
        let points = crate::money::Ratio(reduction.value).percent();
        out.push(Warning {
            code: "TERMS_REDUCTION_ASSUMED",
            path: format!("insured.terms.{}", plan.reduction_field),
            message: t(
                format!("未填写比例降幅，按{points}个百分点估算（临时外出就医按国家规定的最大降幅，未备案按20个百分点）"),
                format!(
                    "no reduction entered, so {points} percentage points are assumed (for a temporary trip the national maximum, without a valid filing 20 points)"
                ),
            ),
        });
    }
    out
}
