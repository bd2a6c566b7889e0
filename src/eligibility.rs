//! What a caller sees of eligibility (docs/rules.md "Eligibility", docs/contract.md): the eight checks with their words
//! and next steps, the warnings beside them, and the mode they decide. Shapes only: the checks
//! decide in `checks`, and `wording` says what they found.

use crate::bilingual::Text;
use crate::vocabulary::{CheckCode, CheckStatus, Mode};
use serde::Serialize;

/// What the person can do about a check.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct Action {
    #[cfg_attr(test, ts(type = "string"))]
    #[serde(serialize_with = "crate::bilingual::fixed")]
    pub code: &'static str,
    pub message: Text,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct Check {
    pub code: CheckCode,
    pub status: CheckStatus,
    pub message: Text,
    /// The next step the person can take, or null (always null when the check passes).
    pub action: Option<Action>,
}

/// A warning attached to an estimate: it does not stop the estimate, but the user should know.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct Warning {
    #[cfg_attr(test, ts(type = "WarningCode | (string & {})"))]
    #[serde(serialize_with = "crate::bilingual::fixed")]
    pub code: &'static str,
    pub path: String,
    pub message: Text,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct Eligibility {
    /// How the visit can be settled, as the checks decide it (the same as the estimate's `mode`).
    pub mode: Mode,
    pub direct_settlement: bool,
    /// Always all eight, in order.
    pub checks: Vec<Check>,
    pub warnings: Vec<Warning>,
}
