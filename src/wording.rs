//! What each eligibility check found, in words: a message in Chinese and English and, where the
//! person can do something about it, the next step (how and where to file, what to ask). The
//! checks (`eligibility`) decide and know nothing of this module; here the decided findings and
//! their words become the [`Eligibility`] a caller sees.

use crate::bilingual::{t, Text};
use crate::checks::{FilingFinding, Findings};
use crate::eligibility::{Action, Check, Eligibility, Warning};
use crate::policy::layered::{Coverage, Opening, VisitPolicy};
use crate::vocabulary::{CheckCode, CheckStatus};

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
    CheckCode::ALL
        .into_iter()
        .map(|code| {
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
            Check {
                code,
                status,
                message,
                action,
            }
        })
        .collect()
}

pub type Words = (Text, Option<Action>);

pub fn action(
    code: &'static str,
    zh: impl Into<std::borrow::Cow<'static, str>>,
    en: impl Into<std::borrow::Cow<'static, str>>,
) -> Option<Action> {
    Some(Action {
        code,
        message: t(zh, en),
    })
}

fn file_action() -> Option<Action> {
    action(
        "FILE_ONLINE",
        "就医前通过国家医保服务平台App或微信小程序“异地就医备案”办理，也可到参保地医保经办窗口办理；已就医的可在报销前补办备案",
        "File before the visit in the National Healthcare Security Service app or mini-program (异地就医备案), or at the insured place's service window; after a visit you can still file late before claiming",
    )
}

pub fn ask_insured_place(zh: &'static str, en: &'static str) -> Option<Action> {
    action("ASK_INSURED_PLACE", zh, en)
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

fn policy_in_force(s: &VisitPolicy<'_>) -> Words {
    let home = s.name();
    let date = s.request().visit.date;
    let ask = || {
        ask_insured_place(
            "咨询参保地医保经办机构，了解开通时间和手工报销办法",
            "Ask the insured place's medical insurance office when it opens and how to claim manually",
        )
    };
    match s.opening() {
        Opening::Opened(from) => (
            t(
                format!("{}已开通门诊慢特病跨省直接结算（{from}起）", home.zh),
                format!(
                    "{} has opened cross-province direct settlement of outpatient special diseases (from {from})",
                    home.en
                ),
            ),
            None,
        ),
        Opening::NotOpen(Some(opened)) => (
            t(
                format!(
                    "{}自{opened}起开通门诊慢特病跨省直接结算，就诊日期{date}不在开通期内",
                    home.zh
                ),
                format!(
                    "{} opened cross-province direct settlement on {opened}; the visit on {date} is outside it",
                    home.en
                ),
            ),
            ask(),
        ),
        Opening::NotOpen(None) => (
            t(
                format!("{}尚未开通门诊慢特病跨省直接结算", home.zh),
                format!(
                    "{} has not opened cross-province direct settlement of outpatient special diseases",
                    home.en
                ),
            ),
            ask(),
        ),
        Opening::Nationwide(CheckStatus::Pass) => (
            t(
                format!("门诊慢特病跨省直接结算自2021年9月起全国推开，2022年底前覆盖所有统筹地区，{}已开通", home.zh),
                format!(
                    "cross-province settlement of outpatient special diseases started nationwide in September 2021 and covered every pooling region by the end of 2022, {} included",
                    home.en
                ),
            ),
            None,
        ),
        Opening::Nationwide(CheckStatus::Warn) => (
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
        Opening::Nationwide(CheckStatus::Fail) => (
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

fn disease_covered(s: &VisitPolicy<'_>) -> Words {
    let home = s.name();
    let check_list = || {
        ask_insured_place(
            "查看参保地公布的门诊慢特病跨省直接结算病种清单，或咨询参保地医保经办机构、拨打12393",
            "Check the insured place's published list of diseases settled across provinces, or ask its medical insurance office or call 12393",
        )
    };
    match s.coverage() {
        Coverage::Listed(name) => (
            t(
                format!("{}在{}跨省直接结算病种范围内", name.zh, home.zh),
                format!("{} is on {}'s list for cross-province direct settlement", name.en, home.en),
            ),
            None,
        ),
        Coverage::National(name) => (
            t(
                format!("{}是国家统一开通跨省直接结算的五种门诊慢特病之一", name.zh),
                format!(
                    "{} is one of the five outpatient special diseases settled across provinces nationwide",
                    name.en
                ),
            ),
            None,
        ),
        Coverage::NationalUnlisted(name) => (
            t(
                format!(
                    "{}是国家统一开通跨省直接结算的五种门诊慢特病之一；已收录的{}病种清单未列出它，但未说明不予结算，请向参保地确认",
                    name.zh, home.zh
                ),
                format!(
                    "{} is one of the five outpatient special diseases settled across provinces nationwide; the list held for {} does not name it but does not exclude it: confirm with your insured place",
                    name.en, home.en
                ),
            ),
            check_list(),
        ),
        Coverage::Unconfirmed(name) => (
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
            check_list(),
        ),
        Coverage::NotYetNational(name, from) => (
            t(
                format!(
                    "{}自{from}起才列入国家统一开通跨省直接结算的病种，就诊日期在此之前；{}可能已在试点中开通，请向参保地确认",
                    name.zh, home.zh
                ),
                format!(
                    "{} joined the national list for cross-province settlement only on {from}, after the visit date; {} may have settled it earlier in a pilot: confirm with your insured place",
                    name.en, home.en
                ),
            ),
            check_list(),
        ),
        Coverage::Excluded { name, .. } => (
            t(
                format!("{}已明确{}不纳入门诊慢特病跨省直接结算", home.zh, name.zh),
                format!(
                    "{} states that {} is not settled across provinces as an outpatient special disease",
                    home.en, name.en
                ),
            ),
            check_list(),
        ),
        Coverage::NotListed(name) => (
            t(
                format!("{}不在{}门诊慢特病跨省直接结算病种范围内", name.zh, home.zh),
                format!(
                    "{} is not on {}'s list of outpatient special diseases for cross-province settlement",
                    name.en, home.en
                ),
            ),
            ask_insured_place(
                "查看参保地可跨省结算的病种清单，或咨询参保地医保经办机构",
                "Check the insured place's list of diseases that can be settled across provinces, or ask its office",
            ),
        ),
    }
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

fn filing_present(s: &VisitPolicy<'_>, f: &Findings) -> Words {
    let category = s.request().filing.as_ref().map(|filing| filing.category.name());
    match (f.filing, category) {
        (FilingFinding::Emergency, Some(name)) => (
            t(format!("{}视同已备案", name.zh), format!("{} counts as filed", name.en)),
            None,
        ),
        (FilingFinding::Filed { .. }, Some(name)) => (
            t(
                format!("已办理异地就医备案（{}）", name.zh),
                format!("filed for treatment elsewhere ({})", name.en),
            ),
            None,
        ),
        _ => (
            t("未办理异地就医备案", "no filing for treatment elsewhere"),
            file_action(),
        ),
    }
}

fn filing_place(s: &VisitPolicy<'_>, f: &Findings) -> Words {
    let covers = match f.filing {
        FilingFinding::NotFiled => {
            return (
                t("未备案，没有备案就医地", "not filed, so no filing place"),
                file_action(),
            )
        }
        FilingFinding::Emergency => {
            return (
                t("急诊抢救不受备案地限制", "an emergency is not bound to a filing place"),
                None,
            );
        }
        FilingFinding::Filed { place_covers, .. } => place_covers,
    };
    let here = s.place_name(&s.request().visit.place);
    let filed = s.place_name(
        s.request()
            .filing
            .as_ref()
            .and_then(|f| f.place.as_deref())
            .unwrap_or(""),
    );
    if covers {
        return (
            t(
                format!("备案地{}包含就医地{}", filed.zh, here.zh),
                format!("the filing for {} covers {}", filed.en, here.en),
            ),
            None,
        );
    }
    (
        t(
            format!("备案地{}不包含就医地{}", filed.zh, here.zh),
            format!("the filing is for {}, which does not cover {}", filed.en, here.en),
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

fn filing_dates(s: &VisitPolicy<'_>, f: &Findings) -> Words {
    let within = match f.filing {
        FilingFinding::NotFiled => {
            return (
                t("未备案，没有备案有效期", "not filed, so no filing period"),
                file_action(),
            )
        }
        FilingFinding::Emergency => {
            return (
                t("急诊抢救不受备案期限限制", "an emergency is not bound to filing dates"),
                None,
            );
        }
        FilingFinding::Filed { dates_cover, .. } => dates_cover,
    };
    let date = s.request().visit.date;
    let filing = s.request().filing.as_ref();
    let start = filing.and_then(|f| f.start).map(|d| d.to_string()).unwrap_or_default();
    let period = match filing.and_then(|f| f.end) {
        Some(e) => t(format!("{start}至{e}"), format!("{start} to {e}")),
        None => t(format!("{start}起长期有效"), format!("from {start}, open-ended")),
    };
    if within {
        return (
            t(
                format!("就诊日期{date}在备案有效期内（{}）", period.zh),
                format!("the visit on {date} is within the filing period ({})", period.en),
            ),
            None,
        );
    }
    (
        t(
            format!("就诊日期{date}不在备案有效期内（{}）", period.zh),
            format!("the visit on {date} is outside the filing period ({})", period.en),
        ),
        action(
            "RENEW_FILING",
            "在国家医保服务平台App办理新的备案或延长备案期限；已就医的可在报销前补办",
            "Make a new filing or extend it in the app; after a visit you can still file late before claiming",
        ),
    )
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
