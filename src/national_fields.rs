//! The national settlement interface's field names (docs/rules.md "The national settlement interface"), for export to hospital systems
//! and for showing users the names they see on a 2206/2207 settlement.

use crate::bilingual::{t, Text};
use crate::estimate::Estimate;
use crate::money::Money;
use crate::request::Request;
use crate::settlement::Settlement;
use serde::Serialize;

/// One number of an estimate under the national settlement interface's name. Without a
/// settlement (a baseline region without terms) the ten amounts' values are null; the places are
/// given.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct NationalField {
    /// Our field name (camelCase).
    #[cfg_attr(test, ts(type = "string"))]
    #[serde(serialize_with = "crate::bilingual::fixed")]
    pub ours: &'static str,
    /// The national interface's field name.
    #[cfg_attr(test, ts(type = "string"))]
    #[serde(serialize_with = "crate::bilingual::fixed")]
    pub field: &'static str,
    pub name: Text,
    pub value: Option<String>,
}

/// Our settlement and place fields under the national interface's names, in the order of docs/rules.md "The national settlement interface",
/// then the insured place (insuplc_admdvs) and treatment place (mdtrtarea_admvs). Without a
/// settlement (no terms for a region without a pack) the ten amounts are null.
pub(crate) fn national_fields(req: &Request, e: &Estimate) -> Vec<NationalField> {
    let s = e.settlement.as_ref();
    let money = |field: fn(&Settlement) -> Money| s.map(|s| field(s).text());
    let rows: [(&str, &str, &str, &str, Option<String>); 10] = [
        (
            "total",
            "medfee_sumamt",
            "医疗费总额",
            "total medical cost",
            money(|s| s.total),
        ),
        (
            "fullSelfPay",
            "fulamt_ownpay_amt",
            "全自费金额",
            "fully self-paid amount",
            money(|s| s.full_self_pay),
        ),
        (
            "overLimitSelfPay",
            "overlmt_selfpay",
            "超限价自费费用",
            "self-paid above price ceilings",
            money(|s| s.over_limit_self_pay),
        ),
        (
            "preSelfPay",
            "preselfpay_amt",
            "先行自付金额",
            "pre-self-paid amount",
            money(|s| s.pre_self_pay),
        ),
        (
            "inScope",
            "inscp_scp_amt",
            "符合政策范围金额",
            "amount within policy scope",
            money(|s| s.in_scope),
        ),
        (
            "deductible",
            "act_pay_dedc",
            "实际支付起付线",
            "deductible actually paid",
            money(|s| s.deductible),
        ),
        (
            "ratio",
            "pool_prop_selfpay",
            "基本医疗保险统筹基金支付比例",
            "pooled fund payment ratio",
            s.map(|s| s.ratio.text()),
        ),
        (
            "fundPays",
            "hifp_pay",
            "基本医疗保险统筹基金支出",
            "pooled fund payment",
            money(|s| s.fund_pays),
        ),
        (
            "capRemaining",
            "crt_payb_lmt_amt",
            "本次可支付限额金额",
            "payable limit for this settlement",
            s.and_then(|s| s.cap_remaining).map(|c| c.text()),
        ),
        (
            "patientPays",
            "psn_part_amt",
            "个人负担总金额",
            "total borne by the patient",
            money(|s| s.patient_pays),
        ),
    ];
    let places = [
        (
            "insured.region",
            "insuplc_admdvs",
            "参保地医保区划",
            "insured place division",
            Some(req.insured.region.clone()),
        ),
        (
            "visit.place",
            "mdtrtarea_admvs",
            "就医地医保区划",
            "treatment place division",
            Some(req.visit.place.clone()),
        ),
    ];
    rows.into_iter()
        .chain(places)
        .map(|(ours, field, zh, en, value)| NationalField {
            ours,
            field,
            name: t(zh, en),
            value,
        })
        .collect()
}
