//! What each eligibility check found, in words: a message in Chinese and English and, where the
//! person can do something about it, the next step (how and where to file, what to ask). The
//! checks (`eligibility`) decide and know nothing of this module; here the decided findings and
//! their words become the [`Eligibility`] a caller sees.

mod actions;
mod coverage;
mod filing;

use crate::bilingual::t;
use crate::checks::Findings;
use crate::eligibility::{Check, Eligibility, Warning};
use crate::policy::layered::VisitPolicy;
use crate::vocabulary::{CheckCode, CheckStatus};
use actions::{action, Words};
use coverage::{disease_covered, policy_in_force};
use filing::{filing_dates, filing_place, filing_present};

/// The eight checks with their wording, and the warnings about the cost lines.
pub fn eligibility(s: &VisitPolicy<'_>, findings: &Findings, warnings: Vec<Warning>) -> Eligibility {
    Eligibility {
        mode: findings.mode(),
        direct_settlement: findings.direct_settlement(),
        checks: checks(s, findings),
        warnings,
    }
}

fn checks(s: &VisitPolicy<'_>, f: &Findings) -> Vec<Check> {
    // A plain loop: `map` and `collect` over the array were 160 B more of the page's `.wasm`.
    let mut out = Vec::with_capacity(CheckCode::ALL.len());
    for code in CheckCode::ALL {
        let status = f.status(code);
        let (message, action) = match code {
            CheckCode::CrossProvince => cross_province(s, f),
            CheckCode::PolicyInForce => policy_in_force(s),
            CheckCode::DiseaseCovered => disease_covered(s),
            CheckCode::DiseaseRecognized => disease_recognized(f),
            CheckCode::FilingPresent => filing_present(s, f),
            CheckCode::FilingPlace => filing_place(s, f),
            CheckCode::FilingDates => filing_dates(s, f),
            CheckCode::HospitalNetworked => hospital_networked(f),
        };
        // A passing check needs no next step.
        let action = if status == CheckStatus::Pass { None } else { action };
        out.push(Check {
            code,
            status,
            message,
            action,
        });
    }
    out
}

fn cross_province(s: &VisitPolicy<'_>, f: &Findings) -> Words {
    let here = s.place_name(&s.request().visit.place);
    let home = s.name();
    if f.cross_province {
        return (
            t(
                format!("就医地{}与参保地{}不在同一省份，属于跨省就医", here.zh, home.zh),
                format!(
                    "treatment in {} is outside the province of {}: cross-province",
                    here.en, home.en
                ),
            ),
            None,
        );
    }
    (
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

fn disease_recognized(f: &Findings) -> Words {
    let recognize = action(
        "RECOGNIZE_DISEASE",
        "在参保地办理门诊慢特病待遇认定（国家医保服务平台App、参保地经办窗口或定点医院）",
        "Have the disease recognised (门诊慢特病认定) by the insured place: in the app, at its service window or a designated hospital",
    );
    match f.recognized {
        None => (
            t(
                "未提供病种认定信息：享受门诊慢特病待遇需先经参保地认定",
                "recognition not stated: outpatient special-disease benefits need the insured place's recognition first",
            ),
            recognize,
        ),
        Some(true) => (t("参保地已认定该病种", "the insured place has recognised this disease"), None),
        Some(false) => (
            t(
                "参保地尚未认定该病种，不能享受门诊慢特病待遇",
                "the insured place has not recognised this disease, so its benefits do not apply",
            ),
            recognize,
        ),
    }
}

fn hospital_networked(f: &Findings) -> Words {
    match f.networked {
        Some(true) => (
            t(
                "医院已开通跨省门诊慢特病直接结算",
                "the hospital is networked for cross-province outpatient special-disease settlement",
            ),
            None,
        ),
        None => (
            t(
                "未确认该医院是否开通跨省门诊慢特病直接结算：未开通的医院不能直接结算",
                "not known whether the hospital is networked for cross-province outpatient special-disease settlement: one that is not cannot settle directly",
            ),
            action(
                "CHECK_NETWORKED",
                "就医前在国家医保服务平台App“异地就医”—“定点医疗机构查询”中查询该医院是否开通门诊慢特病跨省直接结算，也可向医院医保办咨询",
                "Before the visit, look the hospital up in the National Healthcare Security Service app (国家医保服务平台), 异地就医 → 定点医疗机构查询 (designated institutions), or ask the hospital's medical insurance office",
            ),
        ),
        Some(false) => (
            t(
                "该医院未开通跨省门诊慢特病直接结算",
                "the hospital is not networked for cross-province outpatient special-disease settlement",
            ),
            action(
                "CHOOSE_NETWORKED_HOSPITAL",
                "选择已联网的定点医疗机构（可在国家医保服务平台App“异地就医”—“定点医疗机构查询”中查询）；或先垫付，再回参保地报销",
                "Choose a networked hospital (search the app's 异地就医 → 定点医疗机构查询), or pay first and claim at home",
            ),
        ),
    }
}
