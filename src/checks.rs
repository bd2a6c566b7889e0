//! Eligibility for direct settlement (docs/rules.md "Eligibility"): the eight checks decided, and the mode they
//! decide. Here the checks only decide ([`Findings`]) and know no words: `wording` says what they
//! found, in Chinese and English, with the next step — so a caller that needs only the numbers
//! skips the words.

use crate::divisions::codes::{contains, same_province};
use crate::policy::layered::VisitPolicy;
use crate::policy::FilingCategory;
use crate::vocabulary::{CheckCode, CheckStatus, Mode};

/// What the filing checks found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum FilingFinding {
    NotFiled,
    /// An emergency counts as filed, whatever its place and dates (视同已备案).
    Emergency,
    Filed {
        place_covers: bool,
        dates_cover: bool,
    },
}

/// What the eight checks found, before any wording.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Findings {
    pub cross_province: bool,
    /// Whether settlement is open on the visit date (the policy's `opening`).
    pub policy_in_force: CheckStatus,
    /// Whether the region covers the disease (the policy's `coverage`).
    pub disease_covered: CheckStatus,
    /// `None`: the request does not say (a warning, not a failure).
    pub recognized: Option<bool>,
    pub filing: FilingFinding,
    /// `None`: not known (a warning, not a failure).
    pub networked: Option<bool>,
}

impl Findings {
    pub fn find(policy: &VisitPolicy<'_>) -> Findings {
        let req = policy.request();
        let filing = match &req.filing {
            None => FilingFinding::NotFiled,
            Some(f) if f.category == FilingCategory::Emergency => FilingFinding::Emergency,
            Some(f) => FilingFinding::Filed {
                place_covers: f.place.as_deref().is_some_and(|p| contains(p, &req.visit.place)),
                dates_cover: f.start.is_some_and(|start| start <= req.visit.date)
                    && f.end.is_none_or(|end| req.visit.date <= end),
            },
        };
        Findings {
            cross_province: !same_province(&req.visit.place, policy.code()),
            policy_in_force: policy.opening().status(),
            disease_covered: policy.coverage().status(),
            recognized: req.insured.recognizes(&req.visit.disease),
            filing,
            networked: req.visit.networked,
        }
    }

    pub fn status(&self, code: CheckCode) -> CheckStatus {
        let filing = |part: fn(bool, bool) -> bool| match self.filing {
            FilingFinding::NotFiled => CheckStatus::Fail,
            FilingFinding::Emergency => CheckStatus::Pass,
            FilingFinding::Filed {
                place_covers,
                dates_cover,
            } => pass(part(place_covers, dates_cover)),
        };
        match code {
            CheckCode::CrossProvince => pass(self.cross_province),
            CheckCode::PolicyInForce => self.policy_in_force,
            CheckCode::DiseaseCovered => self.disease_covered,
            CheckCode::DiseaseRecognized => self.recognized.map_or(CheckStatus::Warn, pass),
            CheckCode::FilingPresent => filing(|_, _| true),
            CheckCode::FilingPlace => filing(|place, _| place),
            CheckCode::FilingDates => filing(|_, dates| dates),
            CheckCode::HospitalNetworked => self.networked.map_or(CheckStatus::Warn, pass),
        }
    }

    /// Every check's status, in the contract's order.
    pub fn statuses(&self) -> [(CheckCode, CheckStatus); 8] {
        CheckCode::ALL.map(|c| (c, self.status(c)))
    }

    pub fn mode(&self) -> Mode {
        Mode::of(self.statuses())
    }

    pub fn direct_settlement(&self) -> bool {
        self.statuses().iter().all(|(_, s)| *s != CheckStatus::Fail)
    }

    /// The filing covers this visit (place and dates pass), so its category's reduction applies.
    pub fn filing_valid(&self) -> bool {
        !matches!(
            self.filing,
            FilingFinding::NotFiled
                | FilingFinding::Filed {
                    place_covers: false,
                    ..
                }
                | FilingFinding::Filed { dates_cover: false, .. }
        )
    }
}

fn pass(ok: bool) -> CheckStatus {
    CheckStatus::of(ok)
}
