//! One visit, end to end: resolve the request against the policy, classify the lines by the
//! treatment place's catalogue, run the eight checks, decide the mode, settle and explain.

use crate::benefit::{self, Groups};
use crate::catalogue::{self, PricedLine};
use crate::eligibility::{self, Eligibility, Mode};
use crate::error::Error;
use crate::money::Money;
use crate::policy::PolicySet;
use crate::request::{Request, Ytd};
use crate::settlement::{self, Settlement};
use crate::situation::Situation;
use crate::text::{t, Text};
use crate::trace::{self, TraceStep};
use serde::Serialize;

/// The policy an estimate was made under.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PolicyRef {
    pub region: String,
    pub name: Text,
    /// The version consulted (its effective date).
    pub version: String,
    /// Whether that version is in force on the visit date (false before the opening date).
    pub in_force: bool,
}

/// The result of `estimate` (CONTRACT.md), plus the per-line breakdown and the notice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Estimate {
    pub mode: Mode,
    pub eligibility: Eligibility,
    pub settlement: Settlement,
    pub ytd_after: Ytd,
    pub trace: Vec<TraceStep>,
    pub policy: PolicyRef,
    pub lines: Vec<PricedLine>,
    /// 试算结果仅供参考，以实际结算为准.
    pub notice: Text,
    /// Whether any parameter behind the numbers is an illustrative assumption.
    pub uses_assumptions: bool,
    #[serde(skip)]
    pub groups: Groups,
}

pub fn notice() -> Text {
    t(
        "试算结果仅供参考，以实际结算为准",
        "This is an estimate for reference only, not a settlement; the actual settlement prevails",
    )
}

pub fn estimate(set: &PolicySet, req: &Request) -> Result<Estimate, Error> {
    let s = Situation::resolve(set, req)?;
    let priced = catalogue::price(set, &req.visit.place, &req.items);
    let eligibility = eligibility::check(&s, priced.warnings.clone());
    let mode = eligibility.mode();
    let benefit = benefit::resolve(&s, &eligibility, &req.ytd)?;
    let settlement = settlement::settle(&priced.lines, &benefit.terms);
    let ytd_after = ytd_after(&req.ytd, &settlement);
    let trace = trace::explain(&settlement, &benefit, &priced, mode);
    let uses_assumptions = trace
        .iter()
        .any(|step| step.provenance == Some(crate::policy::Provenance::Assumed));
    Ok(Estimate {
        mode,
        eligibility,
        settlement,
        ytd_after,
        trace,
        policy: PolicyRef {
            region: s.region.code.clone(),
            name: s.region.name.clone(),
            version: s.version.from.to_string(),
            in_force: s.in_force.is_some(),
        },
        lines: priced.lines,
        notice: notice(),
        uses_assumptions,
        groups: benefit::groups(&s),
    })
}

/// Which year-to-date accumulators a visit counts against.
pub fn groups_of(set: &PolicySet, req: &Request) -> Result<Groups, Error> {
    Situation::resolve(set, req).map(|s| benefit::groups(&s))
}

pub fn check_eligibility(set: &PolicySet, req: &Request) -> Result<Eligibility, Error> {
    let s = Situation::resolve(set, req)?;
    let priced = catalogue::price(set, &req.visit.place, &req.items);
    Ok(eligibility::check(&s, priced.warnings))
}

/// The request's year-to-date figures plus this visit (CONTRACT.md `ytdAfter`).
fn ytd_after(ytd: &Ytd, s: &Settlement) -> Ytd {
    let add = |a: Money, b: Money| Money(a.0 + b.0);
    Ytd {
        deductible_paid: add(ytd.deductible_paid, s.deductible),
        fund_paid: add(ytd.fund_paid, s.fund_pays),
        fund_paid_month: add(ytd.fund_paid_month, s.fund_pays),
        fund_paid_total: add(ytd.fund_paid_total, s.fund_pays),
    }
}
