//! The national settlement interface's field names (docs/rules.md "The national settlement interface"), for export to hospital systems
//! and for showing users the names they see on a 2206/2207 settlement.

use crate::bilingual::{t, Text};
use crate::estimate::Estimate;
use crate::money::Money;
use crate::request::Request;
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
    let values: [Option<String>; 10] = match e.settlement.as_ref() {
        None => Default::default(),
        Some(s) => {
            let money = |m: Money| Some(m.text());
            [
                money(s.total),
                money(s.full_self_pay),
                money(s.over_limit_self_pay),
                money(s.pre_self_pay),
                money(s.in_scope),
                money(s.deductible),
                Some(s.ratio.text()),
                money(s.fund_pays),
                s.cap_remaining.map(|c| c.text()),
                money(s.patient_pays),
            ]
        }
    };
    let places = [Some(req.insured.region.clone()), Some(req.visit.place.clone())];
    // The names as one static table (data, not a store per string: ≈0.3 KB of the page's .wasm).
    FIELDS
        .iter()
        .zip(values.into_iter().chain(places))
        .map(|(&(ours, field, zh, en), value)| NationalField {
            ours,
            field,
            name: t(zh, en),
            value,
        })
        .collect()
}

/// Our field, the national interface's, and its Chinese and English names: the ten amounts of
/// [`crate::settlement::Settlement`], then the two places.
static FIELDS: [(&str, &str, &str, &str); 12] = [
    ("total", "medfee_sumamt", "医疗费总额", "total medical cost"),
    (
        "fullSelfPay",
        "fulamt_ownpay_amt",
        "全自费金额",
        "fully self-paid amount",
    ),
    (
        "overLimitSelfPay",
        "overlmt_selfpay",
        "超限价自费费用",
        "self-paid above price ceilings",
    ),
    ("preSelfPay", "preselfpay_amt", "先行自付金额", "pre-self-paid amount"),
    (
        "inScope",
        "inscp_scp_amt",
        "符合政策范围金额",
        "amount within policy scope",
    ),
    (
        "deductible",
        "act_pay_dedc",
        "实际支付起付线",
        "deductible actually paid",
    ),
    (
        "ratio",
        "pool_prop_selfpay",
        "基本医疗保险统筹基金支付比例",
        "pooled fund payment ratio",
    ),
    (
        "fundPays",
        "hifp_pay",
        "基本医疗保险统筹基金支出",
        "pooled fund payment",
    ),
    (
        "capRemaining",
        "crt_payb_lmt_amt",
        "本次可支付限额金额",
        "payable limit for this settlement",
    ),
    (
        "patientPays",
        "psn_part_amt",
        "个人负担总金额",
        "total borne by the patient",
    ),
    (
        "insured.region",
        "insuplc_admdvs",
        "参保地医保区划",
        "insured place division",
    ),
    (
        "visit.place",
        "mdtrtarea_admvs",
        "就医地医保区划",
        "treatment place division",
    ),
];
