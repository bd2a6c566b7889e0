//! The explanation of an estimate: one step per number, with the rule it came from, that rule's
//! provenance and a note in Chinese and English. Built after the fact from the settlement and the
//! parameters used, so the calculation itself stays free of narration.

mod steps;
mod terms;

pub use steps::TraceStep;

use crate::bilingual::t;
use crate::catalogue::Priced;
use crate::money::Ratio;
use crate::policy::layered::VisitPolicy;
use crate::policy::numbers::Benefit;
use crate::policy::Class;
use crate::settlement::Settlement;
use crate::vocabulary::Mode;
use steps::{calc, pct, step, Steps};
use terms::explain_terms;

pub(crate) fn explain(s: &Settlement, benefit: &Benefit, priced: &Priced, mode: Mode) -> Vec<TraceStep> {
    let mut out = Vec::with_capacity(20);
    pricing(&mut out, s, priced);
    if mode == Mode::None || benefit.base_ratio.is_none() {
        explain_nothing(&mut out, s);
    } else {
        explain_terms(&mut out, s, benefit, mode);
    }
    out.add(calc!(
        "fundPays",
        s.fund_pays,
        t(
            "医保统筹基金支付 = min(封顶前基金支付, 剩余限额)",
            "fund pays = min(fund before cap, cap remaining)",
        ),
    ));
    out.add(calc!(
        "aboveCap",
        s.above_cap,
        t(
            "超出剩余限额、由个人负担的部分",
            "held back by the cap, paid by the patient",
        ),
    ));
    out.add(calc!(
        "coinsurance",
        s.coinsurance,
        t(
            "政策范围内按比例个人自付 = 政策范围内 − 起付线 − 封顶前基金支付",
            "coinsurance = in scope − deductible − fund before cap",
        ),
    ));
    out.add(calc!("patientPays",
        s.patient_pays,
        t(
            "个人负担 = 总额 − 基金支付 = 全自费 + 超限价 + 先行自付 + 起付线 + 按比例自付 + 超限额",
            "patient pays = total − fund pays = full self-pay + over-limit + pre-self-pay + deductible + coinsurance + above cap",
        ),
    ));
    out
}

/// Without the insured place's terms (a region without a pack, none entered): what the treatment
/// place's catalogue decides (docs/calculation.md §5 steps 1–5, which do not depend on the terms), then the
/// terms that are needed.
pub(crate) fn explain_unknown(priced: &Priced, policy: &VisitPolicy<'_>) -> Vec<TraceStep> {
    let mut out = Vec::with_capacity(8);
    let s = crate::settlement::settle(&priced.lines, &crate::settlement::Parameters::nothing());
    pricing(&mut out, &s, priced);
    out.add(step(
        "terms",
        None,
        policy.terms_rule(),
        None,
        t(
            "需要参保地的支付比例、起付线和年度限额，才能计算基金支付和个人负担",
            "the insured place's ratio, deductible and annual limit are needed to work out what the fund and the patient pay",
        ),
    ));
    out
}

/// docs/calculation.md §5 steps 1–5: what the treatment place's catalogue decides.
fn pricing(out: &mut Vec<TraceStep>, s: &Settlement, priced: &Priced) {
    if priced.lines.iter().any(|l| l.class == Class::B) {
        let share = &priced.place_share;
        let rule = match &share.place {
            Some(code) => format!("places/{code}/classBShare"),
            None => "places/fallbackShare".to_string(),
        };
        out.add(step(
            "classBShare",
            Some(Ratio(share.value).text()),
            rule,
            Some(share.provenance),
            t(
                format!("就医地乙类先行自付比例{}（明细或目录另有规定的除外）", pct(share.value)),
                format!(
                    "the treatment place's class B self-pay share is {} unless a line or item has its own",
                    pct(share.value)
                ),
            ),
        ));
    }
    let n = priced.lines.len();
    out.add(calc!(
        "total",
        s.total,
        t(format!("{n}条费用明细合计"), format!("sum of {n} cost lines")),
    ));
    out.add(calc!(
        "fullSelfPay",
        s.full_self_pay,
        t(
            "丙类及目录外项目，全部自费",
            "class C and uncatalogued lines, fully self-paid",
        ),
    ));
    out.add(calc!(
        "overLimitSelfPay",
        s.over_limit_self_pay,
        t("超出限价的部分，自费", "the part above price ceilings, self-paid"),
    ));
    out.add(calc!(
        "preSelfPay",
        s.pre_self_pay,
        t(
            "乙类项目按先行自付比例自付，逐项四舍五入到分",
            "class B lines times their self-pay share, each rounded half-up to the fen",
        ),
    ));
    out.add(calc!(
        "inScope",
        s.in_scope,
        t(
            "政策范围内费用 = 总额 − 全自费 − 超限价自费 − 先行自付",
            "in scope = total − full self-pay − over-limit − pre-self-pay",
        ),
    ));
}

fn explain_nothing(out: &mut Vec<TraceStep>, s: &Settlement) {
    let why = t(
        "不符合门诊慢特病跨省结算或报销条件（见资格检查），医保不支付",
        "not reimbursable as a cross-province outpatient special disease (see the checks): the fund pays nothing",
    );
    out.add(step(
        "deductible",
        Some(s.deductible.text()),
        "mode/none",
        None,
        why.clone(),
    ));
    out.add(step("ratio", Some(s.ratio.text()), "mode/none", None, why.clone()));
    out.add(calc!("fundBeforeCap", s.fund_before_cap, why));
    out.add(step(
        "capRemaining",
        None,
        "mode/none",
        None,
        t("不适用限额", "no limit applies"),
    ));
}
