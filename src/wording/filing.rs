//! The words of the three checks on the filing (异地就医备案): whether there is one, whether its
//! place covers the treatment place, whether its dates cover the visit — each with how to file,
//! change or renew it.

use super::actions::{action, Words};
use crate::bilingual::t;
use crate::checks::{FilingFinding, Findings};
use crate::eligibility::Action;
use crate::policy::layered::VisitPolicy;

fn file_action() -> Option<Action> {
    action(
        "FILE_ONLINE",
        "就医前通过国家医保服务平台App或微信小程序“异地就医备案”办理，也可到参保地医保经办窗口办理；已就医的可在报销前补办备案",
        "File before the visit in the National Healthcare Security Service app or mini-program (异地就医备案), or at the insured place's service window; after a visit you can still file late before claiming",
    )
}

pub(super) fn filing_present(s: &VisitPolicy<'_>, f: &Findings) -> Words {
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

pub(super) fn filing_place(s: &VisitPolicy<'_>, f: &Findings) -> Words {
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

pub(super) fn filing_dates(s: &VisitPolicy<'_>, f: &Findings) -> Words {
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
