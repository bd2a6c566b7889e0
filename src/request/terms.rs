//! The person's own terms (`insured.terms`): what their insured place pays, as they read it in
//! their bureau's notice or the national platform app, for what no pack states.

use crate::json::{Fields, Kind, Res};
use crate::money::{Money, Ratio};
use serde::{Serialize, Serializer};

/// The person's own terms (`insured.terms`), for a region no pack covers (the national baseline),
/// a national disease its pack leaves out, or the fields a pack leaves to the person (`"terms"`);
/// a field the pack states is ignored, with a TERMS_IGNORED warning at its path. `null` is the
/// same as absent, except for `annualLimit`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(rename = "Terms"))]
pub struct PersonTerms {
    /// The base ratio for this disease: required where no pack states it (INVALID_INPUT at this
    /// path when the estimate needs it), unused where a pack does.
    #[cfg_attr(test, ts(as = "Option<crate::typescript::RatioInput>", optional = nullable))]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ratio: Option<Ratio>,
    /// This disease's annual deductible; `"0"` = none. Absent: 0 is assumed (TERMS_ASSUMED).
    #[cfg_attr(test, ts(as = "Option<crate::typescript::MoneyInput>", optional = nullable))]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deductible: Option<Money>,
    #[cfg_attr(test, ts(as = "Option<crate::typescript::MoneyInput>", optional = nullable))]
    /// This disease's annual limit; null states "no limit". Absent: no limit is assumed
    /// (TERMS_ASSUMED).
    #[serde(skip_serializing_if = "AnnualLimit::is_unstated")]
    pub annual_limit: AnnualLimit,
    /// For a valid temporary filing (referral, emergency, other_temporary), capped at the national
    /// ceiling (0.10, 0.10, 0.20). Absent: the ceiling (TERMS_REDUCTION_ASSUMED). Long-term
    /// filers: always 0.
    #[cfg_attr(test, ts(as = "Option<crate::typescript::RatioInput>", optional = nullable))]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reduction: Option<Ratio>,
    /// For a visit no valid filing covers (manual claim). Absent: 0.20 (TERMS_REDUCTION_ASSUMED).
    #[cfg_attr(test, ts(as = "Option<crate::typescript::RatioInput>", optional = nullable))]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unfiled_reduction: Option<Ratio>,
}

/// `annualLimit` is the one term where `null` differs from absent: null states "no limit".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AnnualLimit {
    /// Not entered: no limit is assumed, with a warning.
    Unstated,
    /// `null`: the person says there is no limit.
    None,
    Amount(Money),
}

/// No terms at all (a pack's cut left to the person, who gave none, reads its defaults here).
impl Default for PersonTerms {
    fn default() -> Self {
        PersonTerms {
            ratio: None,
            deductible: None,
            annual_limit: AnnualLimit::Unstated,
            reduction: None,
            unfiled_reduction: None,
        }
    }
}

impl AnnualLimit {
    fn is_unstated(&self) -> bool {
        *self == AnnualLimit::Unstated
    }
}

impl Serialize for AnnualLimit {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            AnnualLimit::Amount(m) => m.serialize(s),
            AnnualLimit::None | AnnualLimit::Unstated => s.serialize_none(),
        }
    }
}

/// `insured.terms`; `None` when absent or null. Every refusal names its field
/// (`insured.terms.ratio`) and follows the money and ratio rules of every other input.
pub fn read(insured: &Fields<'_, '_>) -> Res<Option<PersonTerms>> {
    let Some(v) = insured.get_at("terms") else {
        return Ok(None);
    };
    read_object(&insured.object("insured.terms", v)?).map(Some)
}

/// `insured.termsByDisease`: disease id → terms of the same shape (an entry that is null is
/// absent, so `terms` serves that disease); errors at `insured.termsByDisease.diabetes.ratio`.
pub fn read_by_disease(insured: &Fields<'_, '_>) -> Res<Vec<(String, PersonTerms)>> {
    let mut out = Vec::new();
    for (id, i, path) in super::by_disease::disease_map(insured, "termsByDisease")? {
        if insured.tape.node(i).is_some_and(|n| n.kind == Kind::Null) {
            continue;
        }
        let o = Fields::new(insured.tape, i, crate::path::At::Text(&path))?;
        out.push((id, read_object(&o)?));
    }
    Ok(out)
}

fn read_object(o: &Fields<'_, '_>) -> Res<PersonTerms> {
    let annual_limit = match o.raw("annualLimit").and_then(|i| o.tape.node(i)) {
        None => AnnualLimit::Unstated,
        Some(n) if n.kind == Kind::Null => AnnualLimit::None,
        Some(_) => o
            .money("annualLimit")?
            .map_or(AnnualLimit::None, |m| AnnualLimit::Amount(Money(m))),
    };
    Ok(PersonTerms {
        ratio: o.ratio("ratio")?.map(Ratio),
        deductible: o.money("deductible")?.map(Money),
        annual_limit,
        reduction: o.ratio("reduction")?.map(Ratio),
        unfiled_reduction: o.ratio("unfiledReduction")?.map(Ratio),
    })
}
