//! `settle`'s result built by hand rather than by serde-wasm-bindgen (which every other export
//! keeps): its 30 keys and the words of its values made into JS strings once and reused, and its
//! 18–25 amounts written into one text that JavaScript splits, instead of one UTF-8 decode per
//! amount. The names are serde's (`wire::names`, held to them by a test); the result is the same
//! object, key for key and in the same order.

use crate::estimate::Decision;
use crate::vocabulary::{CheckCode, CheckStatus, Mode};
use crate::wire::names;
use js_sys::{Array, JsString, Object};
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// A plain object, set without `Reflect.set`'s exception wrapper (as serde-wasm-bindgen does).
    #[wasm_bindgen(extends = Object)]
    type Plain;

    #[wasm_bindgen(method, indexing_setter)]
    fn set(this: &Plain, key: &JsValue, value: &JsValue);

    /// A JS string, split by a separator made once (js-sys's `split` makes it on every call).
    #[wasm_bindgen(extends = JsString)]
    type Separated;

    #[wasm_bindgen(method, js_name = split)]
    fn split_by(this: &Separated, separator: &JsString) -> Array;
}

/// The JS strings a decision is written with, made once.
struct Words {
    decision: Vec<JsValue>,
    settlement: Vec<JsValue>,
    ytd: Vec<JsValue>,
    checks: Vec<JsValue>,
    modes: Vec<JsValue>,
    statuses: Vec<JsValue>,
    comma: JsString,
    null: JsValue,
}

fn strings(words: &[&str]) -> Vec<JsValue> {
    words.iter().map(|&w| JsValue::from_str(w)).collect()
}

impl Words {
    fn new() -> Words {
        Words {
            decision: strings(&names::DECISION),
            settlement: strings(&names::SETTLEMENT),
            ytd: strings(&names::YTD),
            checks: strings(&CheckCode::ALL.map(CheckCode::name)),
            modes: strings(&Mode::ALL.map(Mode::name)),
            statuses: strings(&CheckStatus::ALL.map(CheckStatus::name)),
            comma: JsString::from(","),
            null: JsValue::NULL,
        }
    }
}

thread_local! {
    static WORDS: Words = Words::new();
}

fn object() -> Plain {
    Object::new().unchecked_into()
}

/// The `i`th of a list of words (always there: the lists are the names' own lengths).
fn word<'w>(w: &'w Words, list: &'w [JsValue], i: usize) -> &'w JsValue {
    list.get(i).unwrap_or(&w.null)
}

pub fn to_js(d: &Decision) -> JsValue {
    WORDS.with(|w| build(w, d))
}

fn build(w: &Words, d: &Decision) -> JsValue {
    // Every amount's text, in the order they are set below, as one text split once in JavaScript.
    let mut text = String::with_capacity(192);
    let mut add = |m: String| {
        if !text.is_empty() {
            text.push(',');
        }
        text.push_str(&m);
    };
    if let Some(s) = &d.settlement {
        for m in [
            s.total,
            s.full_self_pay,
            s.over_limit_self_pay,
            s.pre_self_pay,
            s.in_scope,
            s.temporary_self_pay,
        ] {
            add(m.text());
        }
        if let Some(m) = s.cost_room {
            add(m.text());
        }
        for m in [s.admitted, s.above_cost_limit, s.deductible] {
            add(m.text());
        }
        add(s.ratio.text());
        add(s.fund_before_cap.text());
        if let Some(m) = s.cap_remaining {
            add(m.text());
        }
        for m in [s.fund_pays, s.above_cap, s.coinsurance, s.patient_pays] {
            add(m.text());
        }
    }
    if let Some(y) = &d.ytd_after {
        for m in [
            y.deductible_paid,
            y.fund_paid,
            y.fund_paid_month,
            y.fund_paid_total,
            y.cost_counted,
            y.cost_counted_month,
            y.inpatient_fund_paid.unwrap_or_default(),
        ] {
            add(m.text());
        }
    }
    let amounts = JsString::from(text.as_str())
        .unchecked_into::<Separated>()
        .split_by(&w.comma);
    let mut next = 0u32;
    let mut amount = || {
        next += 1;
        amounts.get(next - 1)
    };

    let out = object();
    out.set(word(w, &w.decision, 0), word(w, &w.modes, d.mode.index()));
    out.set(word(w, &w.decision, 1), &JsValue::from_bool(d.direct_settlement));
    let checks = object();
    for (code, status) in &d.checks.0 {
        checks.set(word(w, &w.checks, code.index()), word(w, &w.statuses, status.index()));
    }
    out.set(word(w, &w.decision, 2), &checks);
    let settlement = match &d.settlement {
        None => JsValue::NULL,
        Some(s) => {
            let o = object();
            for (i, key) in w.settlement.iter().enumerate() {
                let value = if (i == names::CAP_REMAINING && s.cap_remaining.is_none())
                    || (i == names::COST_ROOM && s.cost_room.is_none())
                {
                    JsValue::NULL
                } else if i == names::BOUND {
                    JsValue::from_str(s.bound.name())
                } else {
                    amount()
                };
                o.set(key, &value);
            }
            o.into()
        }
    };
    out.set(word(w, &w.decision, 3), &settlement);
    let ytd = match &d.ytd_after {
        None => JsValue::NULL,
        Some(_) => {
            let o = object();
            for key in &w.ytd {
                o.set(key, &amount());
            }
            o.into()
        }
    };
    out.set(word(w, &w.decision, 4), &ytd);
    out.into()
}
