//! The TypeScript shapes of results and requests, generated from the Rust types by ts-rs: the
//! source of truth for generated/types.d.ts, which the wasm facade's declarations include
//! beside the hand-written API (`src/wasm/types.d.ts`: the `Engine` class, its methods, errors).
//!
//! ts-rs is a dev-dependency and its derives are `cfg(test)`: nothing of it reaches the wasm.
//! `cargo test` fails when the committed file differs from what the Rust types give; to accept
//! a change, run `UPDATE_TYPES=1 cargo test --lib typescript` and commit the file.

use ts_rs::TS;

/// An amount as a request gives it: a string (`"1234.50"`) or a number, 0 to 100,000,000 yuan,
/// at most two decimals.
#[derive(TS)]
#[ts(type = "string | number")]
pub(crate) struct MoneyInput;

/// A ratio as a request gives it, 0 to 1 with at most four decimals: a string or a number.
#[derive(TS)]
#[ts(type = "string | number")]
pub(crate) struct RatioInput;

/// A 6-digit administrative division code (GB/T 2260), e.g. `"653200"`.
#[derive(TS)]
#[ts(type = "string")]
pub(crate) struct DivisionCode;

/// Year-to-date figures before this visit, as a request gives them; each defaults to 0
/// (`fundPaidTotal` to `fundPaid`).
#[derive(TS)]
#[ts(type = "{ [K in keyof Ytd]?: MoneyInput | null }")]
pub(crate) struct YtdInput;

/// Per disease: true = recognised (pass), false = not (fail), null or absent = not known (warn).
#[derive(TS)]
#[ts(type = "Record<string, boolean | null>")]
pub(crate) struct Recognition;

/// Per disease: the date the insured place recognised it (monthly quotas scheduled by months since).
#[derive(TS)]
#[ts(type = "Record<string, IsoDate | null>")]
pub(crate) struct RecognizedSince;

/// The person's terms for one disease each (`terms` serves the diseases not named).
#[derive(TS)]
#[ts(type = "Record<string, Terms | null>")]
pub(crate) struct TermsByDisease;

/// A request fact a version's rules split on (`VersionInfo.facts`): `birthDate` (or `age`),
/// `tier`, `recognizedSince`, `recognizedDiseases` (or `recognition`), `ytd.inpatientFundPaid`.
#[derive(TS)]
#[ts(type = "\"birthDate\" | \"tier\" | \"recognizedSince\" | \"recognizedDiseases\" | \"inpatientFundPaid\"")]
pub(crate) struct RequestFact;

/// A field of `insured.terms` (`DiseaseInfo.terms`: those the person gives for a disease).
#[derive(TS)]
#[ts(type = "\"ratio\" | \"deductible\" | \"annualLimit\" | \"reduction\" | \"unfiledReduction\"")]
pub(crate) struct TermField;

const FILE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/generated/types.d.ts");

const HEADER: &str = "\
// Generated from the Rust types by ts-rs (tests/unit/typescript.rs); do not edit.
// `UPDATE_TYPES=1 cargo test --lib typescript` writes it again.
";

fn declare<T: TS>(out: &mut String) {
    out.push('\n');
    if let Some(docs) = T::docs() {
        out.push_str(&docs);
    }
    out.push_str("export ");
    out.push_str(&T::decl());
    out.push('\n');
}

/// Every shape a host sees, in the order a reader meets them: inputs, then results.
fn generated() -> String {
    use crate::{
        bilingual::Text, catalogue, date::Date, eligibility, error::ErrorCode, estimate, listings, money,
        national_fields, policy, request, request::terms::PersonTerms, settlement, settlement::Settlement,
        trace::TraceStep, vocabulary,
    };
    let mut out = String::from(HEADER);
    declare::<MoneyInput>(&mut out);
    declare::<RatioInput>(&mut out);
    declare::<DivisionCode>(&mut out);
    declare::<YtdInput>(&mut out);
    declare::<Recognition>(&mut out);
    declare::<TermsByDisease>(&mut out);
    declare::<RecognizedSince>(&mut out);
    declare::<Date>(&mut out);
    declare::<money::Money>(&mut out);
    declare::<money::Ratio>(&mut out);
    declare::<Text>(&mut out);
    declare::<policy::Scheme>(&mut out);
    declare::<policy::Status>(&mut out);
    declare::<policy::FilingCategory>(&mut out);
    declare::<policy::Class>(&mut out);
    declare::<policy::Provenance>(&mut out);
    declare::<PersonTerms>(&mut out);
    declare::<request::Request>(&mut out);
    declare::<request::Insured>(&mut out);
    declare::<request::Filing>(&mut out);
    declare::<request::Visit>(&mut out);
    declare::<request::Item>(&mut out);
    declare::<vocabulary::CheckCode>(&mut out);
    declare::<vocabulary::CheckStatus>(&mut out);
    declare::<eligibility::Action>(&mut out);
    declare::<eligibility::Check>(&mut out);
    declare::<eligibility::Warning>(&mut out);
    declare::<eligibility::Eligibility>(&mut out);
    declare::<vocabulary::Mode>(&mut out);
    declare::<settlement::Bound>(&mut out);
    declare::<Settlement>(&mut out);
    declare::<request::Ytd>(&mut out);
    declare::<TraceStep>(&mut out);
    declare::<catalogue::ShareSource>(&mut out);
    declare::<catalogue::PricedLine>(&mut out);
    declare::<estimate::PolicyRef>(&mut out);
    declare::<estimate::Estimate>(&mut out);
    declare::<estimate::Decision>(&mut out);
    declare::<RequestFact>(&mut out);
    declare::<TermField>(&mut out);
    declare::<listings::TierInfo>(&mut out);
    declare::<listings::VersionInfo>(&mut out);
    declare::<listings::RegionInfo>(&mut out);
    declare::<listings::DiseaseInfo>(&mut out);
    declare::<listings::Share>(&mut out);
    declare::<listings::CityInfo>(&mut out);
    declare::<listings::PlaceInfo>(&mut out);
    declare::<listings::CatalogueEntry>(&mut out);
    declare::<listings::CatalogueInfo>(&mut out);
    declare::<national_fields::NationalField>(&mut out);
    declare::<policy::PackInfo>(&mut out);
    declare::<ErrorCode>(&mut out);
    out
}

#[test]
fn the_committed_typescript_is_what_the_rust_types_give() -> std::io::Result<()> {
    let want = generated();
    if std::env::var_os("UPDATE_TYPES").is_some() {
        return std::fs::write(FILE, &want);
    }
    let have = std::fs::read_to_string(FILE).unwrap_or_default();
    assert!(
        have == want,
        "{FILE} differs from the Rust types: run `UPDATE_TYPES=1 cargo test --lib typescript`, \
         review the diff and commit it"
    );
    Ok(())
}
