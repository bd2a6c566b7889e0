//! The field names a [`Decision`](crate::estimate::Decision) is written with — its serde names, in
//! serde's order — for the wasm facade, which builds `settle`'s result by hand
//! (`src/wasm/decision.rs`); its words (check codes, statuses, modes) are the vocabulary's own.
//! The test below holds them to what serde writes.

pub const DECISION: [&str; 5] = ["mode", "directSettlement", "checks", "settlement", "ytdAfter"];

pub const SETTLEMENT: [&str; 18] = [
    "total",
    "fullSelfPay",
    "overLimitSelfPay",
    "preSelfPay",
    "inScope",
    "temporarySelfPay",
    "costRoom",
    "admitted",
    "aboveCostLimit",
    "deductible",
    "ratio",
    "fundBeforeCap",
    "capRemaining",
    "fundPays",
    "aboveCap",
    "coinsurance",
    "patientPays",
    "bound",
];

/// `bound`, the one settlement field that is a word, not an amount.
pub const BOUND: usize = 17;

/// `costRoom` and `capRemaining`, the settlement fields that may be null.
pub const COST_ROOM: usize = 6;
pub const CAP_REMAINING: usize = 12;

pub const YTD: [&str; 7] = [
    "deductiblePaid",
    "fundPaid",
    "fundPaidMonth",
    "fundPaidTotal",
    "costCounted",
    "costCountedMonth",
    "inpatientFundPaid",
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vocabulary::{CheckCode, CheckStatus, Mode};
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
        assert_eq!(SETTLEMENT[COST_ROOM], "costRoom");
        assert_eq!(SETTLEMENT[BOUND], "bound");
        assert_eq!(keys(&d["ytdAfter"]), YTD);
        assert_eq!(keys(&d["checks"]), CheckCode::ALL.map(CheckCode::name));
        for c in CheckCode::ALL {
            assert_eq!(serde_json::to_value(c).unwrap_or_default(), c.name());
            assert_eq!(CheckCode::ALL[c.index()], c);
        }
        for m in Mode::ALL {
            assert_eq!(serde_json::to_value(m).unwrap_or_default(), m.name());
            assert_eq!(Mode::ALL[m.index()], m);
        }
        for s in CheckStatus::ALL {
            assert_eq!(serde_json::to_value(s).unwrap_or_default(), s.name());
            assert_eq!(CheckStatus::ALL[s.index()], s);
        }
        Ok(())
    }
}
