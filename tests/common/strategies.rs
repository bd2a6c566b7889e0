//! proptest strategies for whole requests: every region, disease, filing shape, date near the
//! opening and year boundaries, catalogue and free lines, and year-to-date figures.

use proptest::prelude::*;
use rust_decimal::Decimal;
use yibao_policy::Date;
use yibao_policy::{AnnualLimit, PersonTerms};
use yibao_policy::{Class, FilingCategory, Scheme, Status};
use yibao_policy::{Filing, Insured, Item, Request, Visit, Ytd};
use yibao_policy::{Money, Ratio};

/// The two pack regions, a county under one of them (resolved to its prefecture's pack), and
/// regions under the national baseline: a municipality, prefectures, a province-administered
/// pool and the Corps.
pub const REGIONS: [&str; 8] = [
    "653200", "441900", "653221", "110000", "320500", "510100", "429004", "660000",
];
pub const DISEASES: [&str; 8] = [
    "cancer_outpatient",
    "dialysis",
    "transplant_antirejection",
    "hemophilia",
    "aplastic_anemia",
    "sle",
    "hypertension",
    "diabetes",
];
/// Treatment places: known provinces and cities, the insured regions' own provinces, and places
/// without catalogue data.
pub const PLACES: [&str; 14] = [
    "441900", "440000", "440100", "430100", "430000", "510100", "610100", "310000", "110000", "650100", "653200",
    "330106", "120000", "520100",
];
pub const CODES: [&str; 14] = [
    "metformin",
    "amlodipine",
    "insulin_glargine",
    "tacrolimus",
    "ciclosporin",
    "trastuzumab",
    "paclitaxel",
    "epoetin",
    "hemodialysis",
    "factor_viii",
    "hydroxychloroquine",
    "multivitamin",
    "not_listed",
    "x-ray",
];

/// Cents: mostly everyday amounts, sometimes large or zero, always within the contract's range.
pub fn money(max_yuan: i64) -> impl Strategy<Value = Decimal> {
    prop_oneof![
        4 => (0i64..=200_000).prop_map(|c| Decimal::new(c, 2)),
        2 => (0i64..=max_yuan * 100).prop_map(|c| Decimal::new(c, 2)),
        1 => Just(Decimal::ZERO),
    ]
}

pub fn ratio() -> impl Strategy<Value = Decimal> {
    (0i64..=10_000).prop_map(|r| Decimal::new(r, 4))
}

/// Dates from mid-2024 to 2026, so visits fall before, at and after the 2025 opening.
pub fn date() -> impl Strategy<Value = Date> {
    prop_oneof![
        (2024u16..=2026, 1u8..=12, 1u8..=28).prop_map(|(year, month, day)| Date { year, month, day }),
        Just(Date {
            year: 2025,
            month: 1,
            day: 1
        }),
        Just(Date {
            year: 2024,
            month: 12,
            day: 31
        }),
        Just(Date {
            year: 2025,
            month: 12,
            day: 31
        }),
    ]
}

pub fn item() -> impl Strategy<Value = Item> {
    (
        prop::option::of(prop::sample::select(&CODES[..])),
        money(100_000),
        prop::option::of(prop_oneof![Just(Class::A), Just(Class::B), Just(Class::C)]),
        prop::option::weighted(0.2, ratio()),
        prop::option::weighted(0.2, money(100_000)),
    )
        .prop_map(|(code, amount, class, share, ceiling)| Item {
            code: code.map(str::to_string),
            name: None,
            amount: Money(amount),
            class,
            self_pay_ratio: share.map(Ratio),
            ceiling_amount: ceiling.map(Money),
        })
}

pub fn filing() -> impl Strategy<Value = Option<Filing>> {
    prop::option::weighted(
        0.85,
        (
            prop::sample::select(&FilingCategory::ALL[..]),
            prop::option::weighted(0.9, prop::sample::select(&PLACES[..])),
            prop::option::weighted(0.9, date()),
            prop::option::weighted(0.3, date()),
        )
            .prop_filter_map(
                "non-emergency filings need a place and a start",
                |(category, place, start, end)| {
                    if category != FilingCategory::Emergency && (place.is_none() || start.is_none()) {
                        return None;
                    }
                    let end = match (start, end) {
                        (Some(s), Some(e)) if e < s => None,
                        (_, e) => e,
                    };
                    Some(Filing {
                        category,
                        place: place.map(str::to_string),
                        start,
                        end,
                    })
                },
            ),
    )
}

pub fn insured() -> impl Strategy<Value = Insured> {
    (
        prop::sample::select(&REGIONS[..]),
        prop_oneof![Just(Scheme::Employee), Just(Scheme::Resident)],
        prop_oneof![Just(Status::Working), Just(Status::Retired)],
        prop::option::weighted(0.5, prop::sample::subsequence(&DISEASES[..], 0..=8)),
        // `recognition` instead of the list, now and then: per disease true, false or not known.
        prop::option::weighted(
            0.25,
            prop::collection::vec(
                (prop::sample::select(&DISEASES[..]), prop::option::of(any::<bool>())),
                0..4,
            ),
        ),
        prop::option::weighted(0.7, terms()),
        prop::collection::vec((prop::sample::select(&DISEASES[..]), terms()), 0..3),
    )
        .prop_map(|(region, scheme, status, recognized, recognition, terms, by_disease)| {
            // The two ways of saying what is recognised are exclusive (INVALID_INPUT together).
            let (recognized, recognition) = match recognition {
                Some(r) => (None, Some(r)),
                None => (recognized, None),
            };
            let mut terms_by_disease: Vec<(String, PersonTerms)> = Vec::new();
            for (id, t) in by_disease {
                if !terms_by_disease.iter().any(|(d, _)| d == id) {
                    terms_by_disease.push((id.to_string(), t));
                }
            }
            let mut seen = Vec::new();
            Insured {
                region: region.to_string(),
                scheme,
                status,
                recognized_diseases: recognized.map(|l| l.into_iter().map(str::to_string).collect()),
                recognition: recognition.map(|r| {
                    r.into_iter()
                        .filter(|(id, _)| {
                            let first = !seen.contains(id);
                            seen.push(*id);
                            first
                        })
                        .map(|(id, known)| (id.to_string(), known))
                        .collect()
                }),
                terms,
                terms_by_disease,
                // The default packs split on neither age nor tier: these facts change nothing.
                birth_date: None,
                age: None,
                tier: None,
                recognized_since: Vec::new(),
            }
        })
}

/// The person's own terms: any ratio, stated or missing deductibles and limits (and a stated
/// "no limit"), reductions within and beyond the national ceilings.
pub fn terms() -> impl Strategy<Value = PersonTerms> {
    (
        ratio(),
        prop::option::of(money(2_000)),
        prop_oneof![
            Just(AnnualLimit::Unstated),
            Just(AnnualLimit::None),
            money(100_000).prop_map(|m| AnnualLimit::Amount(Money(m))),
        ],
        prop::option::of((0i64..=3_000).prop_map(|r| Decimal::new(r, 4))),
        prop::option::of((0i64..=3_000).prop_map(|r| Decimal::new(r, 4))),
    )
        .prop_map(|(ratio, deductible, annual_limit, reduction, unfiled)| PersonTerms {
            ratio: Some(Ratio(ratio)),
            deductible: deductible.map(Money),
            annual_limit,
            reduction: reduction.map(Ratio),
            unfiled_reduction: unfiled.map(Ratio),
        })
}

pub fn ytd() -> impl Strategy<Value = Ytd> {
    (
        (money(1_000), money(700_000), money(10_000), money(700_000)),
        (money(100_000), money(10_000), prop::option::of(money(100_000))),
    )
        .prop_map(|((d, f, m, t), (c, cm, inpatient))| Ytd {
            deductible_paid: Money(d),
            fund_paid: Money(f),
            fund_paid_month: Money(m),
            fund_paid_total: Money(t),
            cost_counted: Money(c),
            cost_counted_month: Money(cm),
            inpatient_fund_paid: inpatient.map(Money),
        })
}

pub fn visit() -> impl Strategy<Value = Visit> {
    (
        date(),
        prop::sample::select(&PLACES[..]),
        1u8..=3,
        prop::option::weighted(0.9, prop::bool::weighted(0.9)),
        prop::sample::select(&DISEASES[..]),
    )
        .prop_map(|(date, place, hospital_level, networked, disease)| Visit {
            date,
            place: place.to_string(),
            hospital_level,
            networked,
            disease: disease.to_string(),
        })
}

pub fn request() -> impl Strategy<Value = Request> {
    (
        insured(),
        filing(),
        visit(),
        prop::collection::vec(item(), 1..8),
        prop::option::weighted(0.6, ytd()),
    )
        .prop_map(|(insured, filing, visit, items, ytd)| Request {
            insured,
            filing,
            visit,
            items,
            ytd: ytd.unwrap_or_default(),
        })
}
