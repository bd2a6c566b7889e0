//! Eligibility for direct settlement (BRIEF §4): all eight checks, always reported in order,
//! each with a bilingual message and the next step the person can take.

use crate::catalogue::Warning;
use crate::place::{contains, same_province};
use crate::situation::Situation;
use crate::text::{t, Text};
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum CheckCode {
    CrossProvince,
    PolicyInForce,
    DiseaseCovered,
    DiseaseRecognized,
    FilingPresent,
    FilingPlace,
    FilingDates,
    HospitalNetworked,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum CheckStatus {
    Pass,
    Fail,
    Warn,
}

/// What the person can do about a check.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Action {
    pub code: &'static str,
    pub message: Text,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Check {
    pub code: CheckCode,
    pub status: CheckStatus,
    pub message: Text,
    pub action: Option<Action>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Eligibility {
    pub direct_settlement: bool,
    pub checks: Vec<Check>,
    pub warnings: Vec<Warning>,
}

/// How the visit can be settled (CONTRACT.md).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    /// At the counter: the patient pays only their share.
    Direct,
    /// Paid in full, then claimed at home under the insured place's rules.
    Manual,
    /// Nothing is reimbursable.
    None,
}

impl Eligibility {
    pub fn status(&self, code: CheckCode) -> CheckStatus {
        self.checks
            .iter()
            .find(|c| c.code == code)
            .map_or(CheckStatus::Fail, |c| c.status)
    }

    pub fn mode(&self) -> Mode {
        let blocking = [
            CheckCode::CrossProvince,
            CheckCode::PolicyInForce,
            CheckCode::DiseaseCovered,
            CheckCode::DiseaseRecognized,
        ];
        if blocking
            .iter()
            .any(|c| self.status(*c) == CheckStatus::Fail)
        {
            Mode::None
        } else if self.checks.iter().any(|c| c.status == CheckStatus::Fail) {
            Mode::Manual
        } else {
            Mode::Direct
        }
    }

    /// The filing covers this visit (place and dates pass), so its category's reduction applies.
    pub fn filing_valid(&self) -> bool {
        [
            CheckCode::FilingPresent,
            CheckCode::FilingPlace,
            CheckCode::FilingDates,
        ]
        .iter()
        .all(|c| self.status(*c) == CheckStatus::Pass)
    }
}

pub fn check(s: &Situation<'_>, warnings: Vec<Warning>) -> Eligibility {
    let checks = vec![
        cross_province(s),
        policy_in_force(s),
        disease_covered(s),
        disease_recognized(s),
        filing_present(s),
        filing_place(s),
        filing_dates(s),
        hospital_networked(s),
    ];
    let direct_settlement = checks.iter().all(|c| c.status != CheckStatus::Fail);
    Eligibility {
        direct_settlement,
        checks,
        warnings,
    }
}

fn pass(code: CheckCode, message: Text) -> Check {
    Check {
        code,
        status: CheckStatus::Pass,
        message,
        action: None,
    }
}

fn fail(code: CheckCode, message: Text, action: Action) -> Check {
    Check {
        code,
        status: CheckStatus::Fail,
        message,
        action: Some(action),
    }
}

fn action(code: &'static str, zh: impl Into<String>, en: impl Into<String>) -> Action {
    Action {
        code,
        message: t(zh, en),
    }
}

fn file_action() -> Action {
    action(
        "FILE_ONLINE",
        "就医前通过国家医保服务平台App或微信小程序“异地就医备案”办理，也可到参保地医保经办窗口办理；已就医的可在报销前补办备案",
        "File before the visit in the National Healthcare Security Service app or mini-program (异地就医备案), or at the insured place's service window; after a visit you can still file late before claiming",
    )
}

fn cross_province(s: &Situation<'_>) -> Check {
    let code = CheckCode::CrossProvince;
    let here = s.set.place_name(&s.req.visit.place);
    let home = &s.region.name;
    if !same_province(&s.req.visit.place, &s.region.code) {
        return pass(
            code,
            t(
                format!(
                    "就医地{}与参保地{}不在同一省份，属于跨省就医",
                    here.zh, home.zh
                ),
                format!(
                    "treatment in {} is outside the province of {}: cross-province",
                    here.en, home.en
                ),
            ),
        );
    }
    fail(
        code,
        t(
            format!("就医地{}与参保地{}在同一省份，不适用跨省直接结算", here.zh, home.zh),
            format!("{} is in the same province as {}: cross-province settlement does not apply", here.en, home.en),
        ),
        action(
            "USE_PROVINCIAL",
            "请按省内异地就医规定办理，咨询参保地医保经办机构",
            "Use your province's own rules for treatment elsewhere in the province; ask the insured place's medical insurance office",
        ),
    )
}

fn policy_in_force(s: &Situation<'_>) -> Check {
    let code = CheckCode::PolicyInForce;
    let home = &s.region.name;
    let opened = s.region.versions.iter().find(|v| v.open).map(|v| v.from);
    match s.in_force {
        Some(v) if v.open => pass(
            code,
            t(
                format!("{}已开通门诊慢特病跨省直接结算（{}起）", home.zh, v.from),
                format!("{} has opened cross-province direct settlement of outpatient special diseases (from {})", home.en, v.from),
            ),
        ),
        _ => {
            let (zh, en) = match opened {
                Some(d) => (
                    format!("{}自{d}起开通门诊慢特病跨省直接结算，就诊日期{}不在开通期内", home.zh, s.req.visit.date),
                    format!("{} opened cross-province direct settlement on {d}; the visit on {} is outside it", home.en, s.req.visit.date),
                ),
                None => (
                    format!("{}尚未开通门诊慢特病跨省直接结算", home.zh),
                    format!("{} has not opened cross-province direct settlement of outpatient special diseases", home.en),
                ),
            };
            fail(
                code,
                t(zh, en),
                action(
                    "ASK_INSURED_PLACE",
                    "咨询参保地医保经办机构，了解开通时间和手工报销办法",
                    "Ask the insured place's medical insurance office when it opens and how to claim manually",
                ),
            )
        }
    }
}

fn disease_covered(s: &Situation<'_>) -> Check {
    let code = CheckCode::DiseaseCovered;
    let home = &s.region.name;
    match s.disease {
        Some(d) => pass(
            code,
            t(
                format!("{}在{}跨省直接结算病种范围内", d.name.zh, home.zh),
                format!("{} is on {}'s list for cross-province direct settlement", d.name.en, home.en),
            ),
        ),
        None => fail(
            code,
            t(
                format!("“{}”不在{}门诊慢特病跨省直接结算病种范围内", s.req.visit.disease, home.zh),
                format!("'{}' is not on {}'s list of outpatient special diseases for cross-province settlement", s.req.visit.disease, home.en),
            ),
            action(
                "ASK_INSURED_PLACE",
                "查看参保地可跨省结算的病种清单，或咨询参保地医保经办机构",
                "Check the insured place's list of diseases that can be settled across provinces, or ask its office",
            ),
        ),
    }
}

fn disease_recognized(s: &Situation<'_>) -> Check {
    let code = CheckCode::DiseaseRecognized;
    let recognize = || {
        action(
            "RECOGNIZE_DISEASE",
            "在参保地办理门诊慢特病待遇认定（国家医保服务平台App、参保地经办窗口或定点医院）",
            "Have the disease recognised (门诊慢特病认定) by the insured place: in the app, at its service window or a designated hospital",
        )
    };
    let id = &s.req.visit.disease;
    match &s.req.insured.recognized_diseases {
        None => Check {
            code,
            status: CheckStatus::Warn,
            message: t(
                "未提供病种认定信息：享受门诊慢特病待遇需先经参保地认定",
                "recognition not stated: outpatient special-disease benefits need the insured place's recognition first",
            ),
            action: Some(recognize()),
        },
        Some(list) if list.iter().any(|d| d == id) => pass(
            code,
            t("参保地已认定该病种", "the insured place has recognised this disease"),
        ),
        Some(_) => fail(
            code,
            t("参保地尚未认定该病种，不能享受门诊慢特病待遇", "the insured place has not recognised this disease, so its benefits do not apply"),
            recognize(),
        ),
    }
}

fn filing_present(s: &Situation<'_>) -> Check {
    let code = CheckCode::FilingPresent;
    match &s.req.filing {
        Some(f) => {
            let name = f.category.name();
            let (zh, en) = if f.category == crate::policy::FilingCategory::Emergency {
                (
                    format!("{}视同已备案", name.zh),
                    format!("{} counts as filed", name.en),
                )
            } else {
                (
                    format!("已办理异地就医备案（{}）", name.zh),
                    format!("filed for treatment elsewhere ({})", name.en),
                )
            };
            pass(code, t(zh, en))
        }
        None => fail(
            code,
            t("未办理异地就医备案", "no filing for treatment elsewhere"),
            file_action(),
        ),
    }
}

fn filing_place(s: &Situation<'_>) -> Check {
    let code = CheckCode::FilingPlace;
    let here = s.set.place_name(&s.req.visit.place);
    let Some(f) = &s.req.filing else {
        return fail(
            code,
            t("未备案，没有备案就医地", "not filed, so no filing place"),
            file_action(),
        );
    };
    let Some(place) = f
        .place
        .as_deref()
        .filter(|_| f.category != crate::policy::FilingCategory::Emergency)
    else {
        return pass(
            code,
            t(
                "急诊抢救不受备案地限制",
                "an emergency is not bound to a filing place",
            ),
        );
    };
    let filed = s.set.place_name(place);
    if contains(place, &s.req.visit.place) {
        pass(
            code,
            t(
                format!("备案地{}包含就医地{}", filed.zh, here.zh),
                format!("the filing for {} covers {}", filed.en, here.en),
            ),
        )
    } else {
        fail(
            code,
            t(
                format!("备案地{}不包含就医地{}", filed.zh, here.zh),
                format!(
                    "the filing is for {}, which does not cover {}",
                    filed.en, here.en
                ),
            ),
            action(
                "CHANGE_FILING_PLACE",
                format!(
                    "在国家医保服务平台App变更备案地为{}，或到备案地{}就医",
                    here.zh, filed.zh
                ),
                format!(
                    "Change the filing to {} in the app, or get treatment in {}",
                    here.en, filed.en
                ),
            ),
        )
    }
}

fn filing_dates(s: &Situation<'_>) -> Check {
    let code = CheckCode::FilingDates;
    let date = s.req.visit.date;
    let Some(f) = &s.req.filing else {
        return fail(
            code,
            t("未备案，没有备案有效期", "not filed, so no filing period"),
            file_action(),
        );
    };
    let (start, end) = match (f.category, f.start) {
        (crate::policy::FilingCategory::Emergency, _) | (_, None) => {
            return pass(
                code,
                t(
                    "急诊抢救不受备案期限限制",
                    "an emergency is not bound to filing dates",
                ),
            );
        }
        (_, Some(start)) => (start, f.end),
    };
    let until = end.map_or_else(
        || t("长期", "open-ended"),
        |e| t(e.to_string(), e.to_string()),
    );
    if start <= date && end.is_none_or(|e| date <= e) {
        pass(
            code,
            t(
                format!("就诊日期{date}在备案有效期内（{start}至{}）", until.zh),
                format!(
                    "the visit on {date} is within the filing period ({start} to {})",
                    until.en
                ),
            ),
        )
    } else {
        fail(
            code,
            t(
                format!("就诊日期{date}不在备案有效期内（{start}至{}）", until.zh),
                format!("the visit on {date} is outside the filing period ({start} to {})", until.en),
            ),
            action(
                "RENEW_FILING",
                "在国家医保服务平台App办理新的备案或延长备案期限；已就医的可在报销前补办",
                "Make a new filing or extend it in the app; after a visit you can still file late before claiming",
            ),
        )
    }
}

fn hospital_networked(s: &Situation<'_>) -> Check {
    let code = CheckCode::HospitalNetworked;
    if s.req.visit.networked {
        pass(
            code,
            t("医院已开通跨省门诊慢特病直接结算", "the hospital is networked for cross-province outpatient special-disease settlement"),
        )
    } else {
        fail(
            code,
            t("该医院未开通跨省门诊慢特病直接结算", "the hospital is not networked for cross-province outpatient special-disease settlement"),
            action(
                "CHOOSE_NETWORKED_HOSPITAL",
                "选择已联网的定点医疗机构（可在国家医保服务平台App“异地就医”中查询）；或先垫付，再回参保地报销",
                "Choose a networked hospital (search in the app's 异地就医 section), or pay first and claim at home",
            ),
        )
    }
}
