//! The steps from the insured place's terms (docs/calculation.md §5 from step 6): the share paid
//! first and the limits on in-scope cost, the deductible, the ratio and its cut, and the limits on
//! the fund's payment. Apart from the catalogue's steps (`trace`) because they are most of the
//! trace's words and depend on the rule shapes this build's packs have.

use super::steps::{calc, pct, step, yuan, Steps, TraceStep};
use crate::bilingual::t;
use crate::money::minus;
use crate::money::Ratio;
use crate::policy::numbers::{Base, Benefit, DeductibleKind, LimitKind, LimitUse, Reduction};
use crate::policy::shapes::BUILT;
use crate::settlement::Settlement;
use crate::vocabulary::Mode;
use rust_decimal::Decimal;

pub(super) fn explain_terms(out: &mut Vec<TraceStep>, s: &Settlement, b: &Benefit, mode: Mode) {
    // Steps of the rule shapes this build's packs have (`policy::shapes`).
    let share_first =
        BUILT.cuts && matches!(&b.reduction, Some((r, _)) if matches!(r.value, Reduction::SelfPayFirst(_)));
    let cost_limits: Vec<&LimitUse> = b
        .limits
        .iter()
        .filter(|l| BUILT.cost_caps && l.base == Base::InScopeCost)
        .collect();
    // docs/calculation.md §5 a, b: only where the pack has such rules (a format-1 pack's trace is as it was).
    if share_first {
        out.add(calc!(
            "temporarySelfPay",
            s.temporary_self_pay,
            t(
                "临时外出就医人员先按比例自付政策范围内费用，四舍五入到分",
                "a temporary visitor first pays a share of the in-scope cost, rounded half-up to the fen",
            ),
        ));
    }
    if !cost_limits.is_empty() {
        for l in &cost_limits {
            out.add(limit_step(l));
        }
        out.add(step(
            "costRoom",
            s.cost_room.map(|c| c.text()),
            "calc/costRoom",
            None,
            match s.cost_room {
                Some(c) => t(
                    format!("政策范围内费用各项限额中最少的剩余额度{}元", c.text()),
                    format!(
                        "the least room left under the limits on in-scope cost: {} yuan",
                        c.text()
                    ),
                ),
                None => t("无适用的费用限额", "no limit on in-scope cost applies"),
            },
        ));
    }
    if share_first || !cost_limits.is_empty() {
        out.add(calc!(
            "admitted",
            s.admitted,
            t(
                "纳入基金支付计算的费用 = min(政策范围内 − 先自付, 费用限额剩余额度)",
                "admitted = min(in scope − share paid first, room under the cost limits)",
            ),
        ));
        out.add(calc!(
            "aboveCostLimit",
            s.above_cost_limit,
            t(
                "超出费用限额、由个人负担的部分",
                "in-scope cost beyond the cost limits, paid by the patient",
            ),
        ));
    }
    if let Some(d) = &b.deductible {
        let paid = b.parameters.deductible_paid;
        let (standard, counted) = (yuan(d.standard.value), s.deductible.text());
        let mut note = match d.kind {
            DeductibleKind::None if d.standard.default.is_some() => {
                t("未填写起付线，按无起付线估算", "no deductible entered: none assumed")
            }
            DeductibleKind::None => t("该病种无起付线", "no deductible for this disease"),
            DeductibleKind::Annual => t(
                format!("年度起付线{standard}元，本年已付{}元，本次计入{counted}元", yuan(paid)),
                format!(
                    "annual deductible {standard} yuan, {} already paid this year, {counted} counted now",
                    yuan(paid)
                ),
            ),
            DeductibleKind::Monthly if BUILT.deductibles => t(
                format!("每月起付线{standard}元，本月已付{}元，本次计入{counted}元", yuan(paid)),
                format!(
                    "monthly deductible {standard} yuan, {} already paid this month, {counted} counted now",
                    yuan(paid)
                ),
            ),
            // (Monthly: never made in a build whose packs have no such deductible.)
            DeductibleKind::PerVisit | DeductibleKind::Monthly => t(
                format!("每次就诊起付线{standard}元，本次计入{counted}元"),
                format!("per-visit deductible {standard} yuan, {counted} counted now"),
            ),
        };
        if BUILT.deductibles && d.off_fund {
            note = t(
                format!("{}（从统筹基金支付额中扣除）", note.zh),
                format!("{} (taken off the fund's payment)", note.en),
            );
        }
        out.add(step(
            "deductible",
            Some(s.deductible.text()),
            d.standard.rule.clone(),
            Some(d.standard.provenance),
            note,
        ));
    }
    let base = b.base_ratio.as_ref();
    if let Some(base) = base {
        out.add(step(
            "baseRatio",
            Some(Ratio(base.value).text()),
            base.rule.clone(),
            Some(base.provenance),
            t(
                format!("参保地政策支付比例{}", pct(base.value)),
                format!("the insured place's reimbursement ratio is {}", pct(base.value)),
            ),
        ));
    }
    let mut provenance = base.map(|b| b.provenance);
    if let Some((r, why)) = &b.reduction {
        let points = |p: Decimal| {
            (
                p,
                !p.is_zero(),
                format!("支付比例降低{}个百分点", Ratio(p).percent()),
                format!("ratio lowered by {} percentage points", Ratio(p).percent()),
            )
        };
        let (value, changes, zh, en) = match (r.value, BUILT.cuts) {
            (Reduction::Points(p), _) => points(p),
            (Reduction::Factor(f), true) => (
                f,
                f != Decimal::ONE,
                format!("按支付比例的{}支付", pct(f)),
                format!("{} of the ratio", pct(f)),
            ),
            (Reduction::Ratio(own), true) => (
                own,
                true,
                format!("支付比例为{}", pct(own)),
                format!("a ratio of {}", pct(own)),
            ),
            (Reduction::SelfPayFirst(share), true) => (
                share,
                false,
                format!("先自付政策范围内费用的{}，支付比例不变", pct(share)),
                format!("{} of the in-scope cost paid first, the ratio unchanged", pct(share)),
            ),
            // Never made in a build whose packs cut in points only (`policy::shapes`).
            (Reduction::Factor(v) | Reduction::Ratio(v) | Reduction::SelfPayFirst(v), false) => points(v),
        };
        // A cut that leaves the stated ratio as it is (Hotan's seed says its 75 % applies across
        // provinces too) does not lend the ratio its provenance.
        if changes {
            provenance = provenance.map(|p| p.weaker(r.provenance));
        }
        out.add(step(
            "reduction",
            Some(Ratio(value).text()),
            r.rule.clone(),
            Some(r.provenance),
            t(format!("{}：{zh}", why.zh), format!("{}: {en}", why.en)),
        ));
    }
    let manual = if mode == Mode::Manual {
        t("（回参保地手工报销）", " (claimed manually at home)")
    } else {
        t("", "")
    };
    out.add(step(
        "ratio",
        Some(s.ratio.text()),
        base.map_or_else(|| "calc/ratio".to_string(), |b| b.rule.clone()),
        provenance,
        t(
            format!("支付比例{}{}", pct(s.ratio.0), manual.zh),
            format!("ratio {}{}", pct(s.ratio.0), manual.en),
        ),
    ));
    // Which cost the ratio applied to, and where the deductible was taken (static words: most
    // estimates have neither shape).
    let admits = share_first || (BUILT.cost_caps && !cost_limits.is_empty());
    let note = match (BUILT.deductibles && b.parameters.deductible_off_fund, admits) {
        (false, false) => t(
            "（政策范围内 − 起付线）× 支付比例，四舍五入到分",
            "(in scope − deductible) × ratio, rounded half-up to the fen",
        ),
        (false, true) => t(
            "（纳入计算的费用 − 起付线）× 支付比例，四舍五入到分",
            "(admitted − deductible) × ratio, rounded half-up to the fen",
        ),
        (true, false) => t(
            "政策范围内 × 支付比例，四舍五入到分，再扣除起付线",
            "in scope × ratio, rounded half-up to the fen, less the deductible",
        ),
        (true, true) => t(
            "纳入计算的费用 × 支付比例，四舍五入到分，再扣除起付线",
            "admitted × ratio, rounded half-up to the fen, less the deductible",
        ),
    };
    out.add(calc!("fundBeforeCap", s.fund_before_cap, note));
    for l in b.limits.iter().filter(|l| l.base == Base::FundPayment) {
        out.add(limit_step(l));
    }
    let note = match s.cap_remaining {
        Some(c) => t(
            format!("各项限额中最少的剩余额度{}元", c.text()),
            format!("the least room left under any limit: {} yuan", c.text()),
        ),
        None => t("无适用限额", "no limit applies"),
    };
    out.add(step(
        "capRemaining",
        s.cap_remaining.map(|c| c.text()),
        "calc/capRemaining",
        None,
        note,
    ));
}

fn limit_step(l: &LimitUse) -> TraceStep {
    let cost = l.base == Base::InScopeCost;
    let (name, zh, en) = match (l.kind, cost) {
        (LimitKind::Annual, false) => ("annualLimit", "年度支付限额", "annual limit"),
        (LimitKind::Monthly, false) => ("monthlyLimit", "月度支付限额", "monthly quota"),
        (LimitKind::PerVisit, false) => ("perVisitLimit", "每次支付限额", "per-visit limit"),
        (LimitKind::Overall, _) => ("overallCeiling", "门诊慢特病年度总封顶线", "overall annual ceiling"),
        (LimitKind::Annual, true) => ("annualCostLimit", "年度费用限额", "annual limit on in-scope cost"),
        (LimitKind::Monthly, true) => ("monthlyCostLimit", "月度费用限额", "monthly limit on in-scope cost"),
        (LimitKind::PerVisit, true) => ("perVisitCostLimit", "每次费用限额", "per-visit limit on in-scope cost"),
    };
    let (limit, used) = (&l.limit, l.used);
    let mut note = match limit.value {
        Some(v) => {
            let room = minus(v, used).max(Decimal::ZERO);
            t(
                format!("{zh}{}元，已用{}元，剩余{}元", yuan(v), yuan(used), yuan(room)),
                format!("{en} {} yuan, {} used, {} left", yuan(v), yuan(used), yuan(room)),
            )
        }
        None if limit.default.is_some() => t(
            format!("未填写{zh}，按无限额估算"),
            format!("no {en} entered: none assumed"),
        ),
        None => t(format!("无{zh}"), format!("no {en}")),
    };
    if let Some(how) = &l.how {
        note = t(
            format!("{}（{}）", note.zh, how.zh),
            format!("{} ({})", note.en, how.en),
        );
    }
    step(
        name,
        limit.value.map(yuan),
        limit.rule.clone(),
        Some(limit.provenance),
        note,
    )
}
