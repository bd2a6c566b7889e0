//! A step of the trace and what makes one: apart from the steps themselves so that the estimate's
//! steps (`trace`) and the terms' steps (`trace::terms`) share it without importing each other.

use crate::bilingual::Text;
use crate::money::{Money, Ratio};
use crate::policy::Provenance;
use rust_decimal::Decimal;
use serde::Serialize;
use std::borrow::Cow;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct TraceStep {
    #[cfg_attr(test, ts(type = "string"))]
    #[serde(serialize_with = "crate::bilingual::fixed")]
    pub step: &'static str,
    /// The step's value as text (an amount, a ratio), or null where there is none (no cap).
    pub value: Option<String>,
    #[cfg_attr(test, ts(type = "string"))]
    #[serde(serialize_with = "crate::bilingual::word")]
    pub rule: Cow<'static, str>,
    /// Where the parameter behind the step came from; null for pure arithmetic.
    pub provenance: Option<Provenance>,
    pub note: Text,
}

// Not inlined (nor is `Steps::add`): two dozen steps are made in `trace` and `trace::terms`, 13
// words each, and inlined each one was written out in full (0.2 KB brotli in all).
#[inline(never)]
pub(super) fn step(
    step: &'static str,
    value: Option<String>,
    rule: impl Into<Cow<'static, str>>,
    provenance: Option<Provenance>,
    note: Text,
) -> TraceStep {
    TraceStep {
        step,
        value,
        rule: rule.into(),
        provenance,
        note,
    }
}

/// `Vec::push` as one call rather than inlined at every step.
pub(super) trait Steps {
    fn add(&mut self, step: TraceStep);
}

impl Steps for Vec<TraceStep> {
    #[inline(never)]
    fn add(&mut self, step: TraceStep) {
        self.push(step);
    }
}

/// A step of pure arithmetic: its rule is `calc/<step>`.
macro_rules! calc {
    ($name:literal, $value:expr, $note:expr $(,)?) => {
        step($name, Some($value.text()), concat!("calc/", $name), None, $note)
    };
}
pub(super) use calc;

pub(super) fn yuan(d: Decimal) -> String {
    Money(d).text()
}

pub(super) fn pct(d: Decimal) -> String {
    let mut text = Ratio(d).percent();
    text.push('%');
    text
}
