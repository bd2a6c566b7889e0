//! The names a [`Decision`](crate::estimate::Decision) is written with — its serde names, in
//! serde's order — for the wasm facade, which builds `settle`'s result by hand
//! (`src/wasm/decision.rs`). The test below holds them to what serde writes.

use crate::eligibility::{CheckCode, CheckStatus, Mode};

pub const DECISION: [&str; 5] = ["mode", "directSettlement", "checks", "settlement", "ytdAfter"];

pub const SETTLEMENT: [&str; 13] = [
    "total",
    "fullSelfPay",
    "overLimitSelfPay",
    "preSelfPay",
    "inScope",
    "deductible",
    "ratio",
    "fundBeforeCap",
    "capRemaining",
    "fundPays",
    "aboveCap",
    "coinsurance",
    "patientPays",
];

/// `capRemaining`, the one settlement field that may be null.
pub const CAP_REMAINING: usize = 8;

pub const YTD: [&str; 4] = ["deductiblePaid", "fundPaid", "fundPaidMonth", "fundPaidTotal"];

/// The eight check codes, in [`CheckCode::ALL`]'s order.
pub const CHECKS: [&str; 8] = [
    "CROSS_PROVINCE",
    "POLICY_IN_FORCE",
    "DISEASE_COVERED",
    "DISEASE_RECOGNIZED",
    "FILING_PRESENT",
    "FILING_PLACE",
    "FILING_DATES",
    "HOSPITAL_NETWORKED",
];

pub const MODES: [&str; 3] = ["direct", "manual", "none"];
pub const STATUSES: [&str; 3] = ["pass", "fail", "warn"];

pub fn mode(m: Mode) -> usize {
    match m {
        Mode::Direct => 0,
        Mode::Manual => 1,
        Mode::None => 2,
    }
}

pub fn status(s: CheckStatus) -> usize {
    match s {
        CheckStatus::Pass => 0,
        CheckStatus::Fail => 1,
        CheckStatus::Warn => 2,
    }
}

pub fn check(c: CheckCode) -> usize {
    CheckCode::ALL.iter().position(|&a| a == c).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::eligibility::{CheckCode, CheckStatus, Mode};
    use crate::wire::Wire;
    use serde_json::Value;

    fn keys(v: &Value) -> Vec<String> {
        v.as_object().map(|o| o.keys().cloned().collect()).unwrap_or_default()
    }

    #[test]
    fn the_names_are_serdes() -> Result<(), crate::Error> {
        let engine = crate::Engine::with_defaults()?;
        let text = include_str!("../../bench/fixtures/typical.json");
        let d = serde_json::to_value(engine.settle_text(text)?).unwrap_or_default();
        assert_eq!(keys(&d), DECISION);
        assert_eq!(keys(&d["settlement"]), SETTLEMENT);
        assert_eq!(SETTLEMENT[CAP_REMAINING], "capRemaining");
        assert_eq!(keys(&d["ytdAfter"]), YTD);
        assert_eq!(keys(&d["checks"]), CHECKS);
        for c in CheckCode::ALL {
            assert_eq!(serde_json::to_value(c).unwrap_or_default(), CHECKS[check(c)]);
        }
        for m in [Mode::Direct, Mode::Manual, Mode::None] {
            assert_eq!(serde_json::to_value(m).unwrap_or_default(), MODES[mode(m)]);
        }
        for s in [CheckStatus::Pass, CheckStatus::Fail, CheckStatus::Warn] {
            assert_eq!(serde_json::to_value(s).unwrap_or_default(), STATUSES[status(s)]);
        }
        Ok(())
    }
}
