//! The words results are made of: the eight check codes, a check's status and the mode of
//! settlement (docs/contract.md). Each is listed here once — its variants, their order and the names
//! they are written with — and everything else (the checks, the wording, the wasm facade's hand
//! built `settle` result, the tests) takes them from here.

use serde::{Serialize, Serializer};

/// The eight eligibility checks of docs/rules.md "Eligibility", in the order every result lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(rename_all = "SCREAMING_SNAKE_CASE"))]
pub enum CheckCode {
    CrossProvince,
    PolicyInForce,
    DiseaseCovered,
    DiseaseRecognized,
    FilingPresent,
    FilingPlace,
    FilingDates,
    HospitalNetworked,
}

impl CheckCode {
    /// Always reported all eight, in this order (docs/contract.md).
    pub const ALL: [CheckCode; 8] = [
        CheckCode::CrossProvince,
        CheckCode::PolicyInForce,
        CheckCode::DiseaseCovered,
        CheckCode::DiseaseRecognized,
        CheckCode::FilingPresent,
        CheckCode::FilingPlace,
        CheckCode::FilingDates,
        CheckCode::HospitalNetworked,
    ];

    /// The code as results write it.
    pub const fn name(self) -> &'static str {
        match self {
            CheckCode::CrossProvince => "CROSS_PROVINCE",
            CheckCode::PolicyInForce => "POLICY_IN_FORCE",
            CheckCode::DiseaseCovered => "DISEASE_COVERED",
            CheckCode::DiseaseRecognized => "DISEASE_RECOGNIZED",
            CheckCode::FilingPresent => "FILING_PRESENT",
            CheckCode::FilingPlace => "FILING_PLACE",
            CheckCode::FilingDates => "FILING_DATES",
            CheckCode::HospitalNetworked => "HOSPITAL_NETWORKED",
        }
    }

    /// Its place in [`CheckCode::ALL`].
    pub const fn index(self) -> usize {
        self as usize
    }

    /// A failure of one of these means nothing is reimbursable (mode "none").
    pub const fn blocks_reimbursement(self) -> bool {
        matches!(
            self,
            CheckCode::CrossProvince
                | CheckCode::PolicyInForce
                | CheckCode::DiseaseCovered
                | CheckCode::DiseaseRecognized
        )
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(rename_all = "lowercase"))]
pub enum CheckStatus {
    Pass,
    Fail,
    /// Not known, or probably: never blocks (front ends word it "probably; confirm").
    Warn,
}

impl CheckStatus {
    pub const ALL: [CheckStatus; 3] = [CheckStatus::Pass, CheckStatus::Fail, CheckStatus::Warn];

    pub const fn name(self) -> &'static str {
        match self {
            CheckStatus::Pass => "pass",
            CheckStatus::Fail => "fail",
            CheckStatus::Warn => "warn",
        }
    }

    pub const fn index(self) -> usize {
        self as usize
    }

    /// `pass` when `ok`, else `fail`.
    pub const fn of(ok: bool) -> CheckStatus {
        if ok {
            CheckStatus::Pass
        } else {
            CheckStatus::Fail
        }
    }
}

/// How the visit can be settled (docs/contract.md "The eight checks and the mode", docs/calculation.md §3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(rename_all = "lowercase"))]
pub enum Mode {
    /// At the counter: the patient pays only their share.
    Direct,
    /// Paid in full, then claimed at home under the insured place's rules.
    Manual,
    /// Nothing is reimbursable.
    None,
}

impl Mode {
    pub const ALL: [Mode; 3] = [Mode::Direct, Mode::Manual, Mode::None];

    pub const fn name(self) -> &'static str {
        match self {
            Mode::Direct => "direct",
            Mode::Manual => "manual",
            Mode::None => "none",
        }
    }

    pub const fn index(self) -> usize {
        self as usize
    }

    /// docs/contract.md: "none" when a check of the first four fails, "direct" when none fails,
    /// otherwise "manual".
    pub fn of(statuses: impl IntoIterator<Item = (CheckCode, CheckStatus)>) -> Mode {
        let mut mode = Mode::Direct;
        for (code, status) in statuses {
            if status == CheckStatus::Fail {
                if code.blocks_reimbursement() {
                    return Mode::None;
                }
                mode = Mode::Manual;
            }
        }
        mode
    }
}

// Written as serde writes a unit variant (the JSON string; serde-wasm-bindgen a JS string), by
// the one name each has above.
impl Serialize for CheckCode {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_unit_variant("CheckCode", self.index() as u32, self.name())
    }
}

impl Serialize for CheckStatus {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_unit_variant("CheckStatus", self.index() as u32, self.name())
    }
}

impl Serialize for Mode {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_unit_variant("Mode", self.index() as u32, self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The TypeScript unions (ts-rs, from the variants' names) say what `name` says.
    #[test]
    fn the_typescript_unions_are_the_names() {
        use ts_rs::TS;
        let union = |names: Vec<&str>| names.iter().map(|n| format!("\"{n}\"")).collect::<Vec<_>>().join(" | ");
        assert!(CheckCode::decl().contains(&union(CheckCode::ALL.map(CheckCode::name).to_vec())));
        assert!(CheckStatus::decl().contains(&union(CheckStatus::ALL.map(CheckStatus::name).to_vec())));
        assert!(Mode::decl().contains(&union(Mode::ALL.map(Mode::name).to_vec())));
    }

    #[test]
    fn the_mode_follows_the_first_four_checks() {
        use CheckStatus::*;
        let with = |code: CheckCode, status| CheckCode::ALL.map(|c| (c, if c == code { status } else { Pass }));
        assert_eq!(Mode::of(with(CheckCode::CrossProvince, Warn)), Mode::Direct);
        for code in CheckCode::ALL {
            let want = if code.blocks_reimbursement() {
                Mode::None
            } else {
                Mode::Manual
            };
            assert_eq!(Mode::of(with(code, Fail)), want, "{code:?}");
        }
    }
}
