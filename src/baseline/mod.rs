//! The national baseline (CONTRACT.md "Regions without a pack"): a policy source alongside the
//! packs, for every mainland pooling region no pack covers. What national rules decide — which
//! regions, when cross-province settlement opened, the five national diseases, the reduction
//! ceilings — is here; the amounts come from the person's own terms ([`terms`]), turned into
//! the insured place's terms for BRIEF §5 by [`benefit`].

pub mod benefit;
pub mod wording;

use crate::bilingual::{t, Text};
use crate::date::Date;
use crate::error::{Error, ErrorCode};
use crate::vocabulary::CheckStatus;

/// `policy.version` of an estimate made under the baseline.
pub const VERSION: &str = "national-baseline";

/// The first two digits of the 31 mainland provinces and of the Xinjiang Production and
/// Construction Corps (66): a code under one of them with no pack is answered under the baseline.
const REGIONS: [&str; 32] = [
    "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37", "41", "42", "43", "44",
    "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65", "66",
];

/// Cross-province settlement of the five diseases started nationwide on 2021-09-01 and reached
/// every pooling region by the end of 2022: in between, a region may or may not have opened.
const OPENING: Date = Date {
    year: 2021,
    month: 9,
    day: 1,
};
const EVERYWHERE: Date = Date {
    year: 2023,
    month: 1,
    day: 1,
};

/// A disease every pooling region settles across provinces (the national five).
pub struct NationalDisease {
    pub id: &'static str,
    pub zh: &'static str,
    pub en: &'static str,
    pub pinyin: &'static str,
}

impl NationalDisease {
    pub fn name(&self) -> Text {
        t(self.zh, self.en)
    }
}

pub const NATIONAL_DISEASES: [NationalDisease; 5] = [
    NationalDisease {
        id: "hypertension",
        zh: "高血压",
        en: "Hypertension",
        pinyin: "gao xue ya",
    },
    NationalDisease {
        id: "diabetes",
        zh: "糖尿病",
        en: "Diabetes",
        pinyin: "tang niao bing",
    },
    NationalDisease {
        id: "cancer_outpatient",
        zh: "恶性肿瘤门诊放化疗",
        en: "Outpatient radio/chemotherapy for cancer",
        pinyin: "e xing zhong liu men zhen fang hua liao",
    },
    NationalDisease {
        id: "dialysis",
        zh: "尿毒症透析",
        en: "Dialysis for uraemia",
        pinyin: "niao du zheng tou xi",
    },
    NationalDisease {
        id: "transplant_antirejection",
        zh: "器官移植术后抗排异治疗",
        en: "Anti-rejection therapy after organ transplant",
        pinyin: "qi guan yi zhi shu hou kang pai yi zhi liao",
    },
];

pub fn national_disease(id: &str) -> Option<&'static NationalDisease> {
    NATIONAL_DISEASES.iter().find(|d| d.id == id)
}

/// Six digits under a mainland province or the Corps: answered under the baseline when no pack
/// covers them. Anything else (71, 81, 82, 99, …) is an unknown region.
pub fn is_baseline_region(code: &str) -> bool {
    code.len() == 6 && code.bytes().all(|b| b.is_ascii_digit()) && code.get(..2).is_some_and(|p| REGIONS.contains(&p))
}

/// POLICY_IN_FORCE under the baseline: fail before the national start, warn while regions were
/// opening one by one, pass once every region was covered.
pub fn in_force(date: Date) -> CheckStatus {
    if date < OPENING {
        CheckStatus::Fail
    } else if date < EVERYWHERE {
        CheckStatus::Warn
    } else {
        CheckStatus::Pass
    }
}

/// DISEASE_COVERED under the baseline: the national five pass; any other known disease may be on
/// the region's own list, which only the insured place can say — a warning, never a failure.
pub fn covers(disease: &str) -> CheckStatus {
    if national_disease(disease).is_some() {
        CheckStatus::Pass
    } else {
        CheckStatus::Warn
    }
}

/// The division's name where the engine knows it; an unknown code's name is the code.
pub fn region_name(code: &str) -> Text {
    crate::divisions::names::name(code).unwrap_or_else(|| t(code.to_string(), code.to_string()))
}

/// Rule ids under the baseline: `110000/national-baseline/terms/ratio`.
pub fn rule(code: &str, what: &str) -> String {
    format!("{code}/{VERSION}/{what}")
}

/// A code that is neither covered by a pack nor a mainland region or the Corps.
pub fn unknown_region(path: &str, code: &str) -> Error {
    Error::new(
        ErrorCode::UnknownRegion,
        path,
        t(
            format!("“{code}”不是内地31个省（区、市）或新疆生产建设兵团的参保地代码，且没有该地的政策数据"),
            format!(
                "'{code}' is not an insured region of the 31 mainland provinces or the Xinjiang Production and Construction Corps, and no policy pack covers it"
            ),
        ),
    )
}
