//! The words of the two checks on the insured place's own policy: whether it had opened direct
//! settlement by the visit, and whether it settles the disease across provinces. Apart because
//! they are the longest (a case for each way a pack, the national list and the dates can answer).

use super::actions::{ask_insured_place, Words};
use crate::bilingual::t;
use crate::policy::layered::{Coverage, Opening, VisitPolicy};
use crate::vocabulary::CheckStatus;

pub(super) fn policy_in_force(s: &VisitPolicy<'_>) -> Words {
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

pub(super) fn disease_covered(s: &VisitPolicy<'_>) -> Words {
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
