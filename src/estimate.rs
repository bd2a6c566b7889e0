//! One visit, end to end: resolve the request against the policy, classify the lines by the
//! treatment place's catalogue, run the eight checks, decide the mode, settle and explain.

use crate::bilingual::{t, Text};
use crate::catalogue::{self, Priced, PricedLine};
use crate::checks::Findings;
use crate::eligibility::Eligibility;
use crate::error::Error;
use crate::money::Money;
use crate::policy::layered::VisitPolicy;
use crate::policy::numbers::{Benefit, Groups};
use crate::policy::PolicySet;
use crate::request::{Request, Ytd};
use crate::settlement::{self, Settlement};
use crate::trace::{self, TraceStep};
use crate::vocabulary::{CheckCode, CheckStatus, Mode};
use serde::Serialize;

/// The policy an estimate was made under.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct PolicyRef {
    /// The pack region answering (a county code resolves to its prefecture's pack), or the
    /// request's code.
    #[cfg_attr(test, ts(type = "DivisionCode"))]
    pub region: String,
    /// The division's official name (English may be pinyin); an unknown code's name is the code.
    pub name: Text,
    /// The version consulted (its effective date), or "national-baseline".
    #[cfg_attr(test, ts(type = "IsoDate | \"national-baseline\""))]
    pub version: String,
    /// Whether the region is answered under the national baseline (no pack covers it).
    pub baseline: bool,
    /// Whether that version is in force on the visit date (false before the opening date; under
    /// the baseline, false before 2021-09-01).
    pub in_force: bool,
    /// The version's parameters were checked up to this date (null: not stated).
    #[cfg_attr(test, ts(type = "IsoDate | null"))]
    pub reviewed_until: Option<String>,
}

/// The result of `estimate` (docs/contract.md), plus the per-line breakdown and the notice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(rename = "EstimateResult"))]
pub struct Estimate {
    pub mode: Mode,
    pub eligibility: Eligibility,
    /// Null when the amounts cannot be known: a region without a pack (`policy.baseline`) whose
    /// request has no `insured.terms`, in mode direct or manual (the warnings then include
    /// TERMS_NEEDED). In mode "none" the none settlement is always given.
    pub settlement: Option<Settlement>,
    /// Null exactly when `settlement` is.
    pub ytd_after: Option<Ytd>,
    /// Every step with its rule id, provenance and note. Without terms: the catalogue's steps
    /// (total … inScope), then a "terms" step with value null.
    pub trace: Vec<TraceStep>,
    pub policy: PolicyRef,
    pub lines: Vec<PricedLine>,
    /// 试算结果仅供参考，以实际结算为准.
    pub notice: Text,
    /// Whether any parameter behind the numbers is an illustrative assumption.
    pub uses_assumptions: bool,
    #[serde(skip)]
    pub(crate) groups: Groups,
}

pub(crate) fn notice() -> Text {
    t(
        "试算结果仅供参考，以实际结算为准",
        "This is an estimate for reference only, not a settlement; the actual settlement prevails",
    )
}

/// The numbers alone: what `settle` returns when the words are not wanted (what-if panels,
/// batch use). The same calculation as `estimate`, without messages, trace or line details.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct Decision {
    pub mode: Mode,
    pub direct_settlement: bool,
    /// Every check's status, keyed by its code, in the contract's order.
    #[cfg_attr(test, ts(type = "Record<CheckCode, CheckStatus>"))]
    pub checks: CheckStatuses,
    /// Null as in `EstimateResult.settlement` (a baseline region without terms).
    pub settlement: Option<Settlement>,
    pub ytd_after: Option<Ytd>,
}

/// The eight statuses, serialized as `{ "CROSS_PROVINCE": "pass", … }` in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckStatuses(pub [(CheckCode, CheckStatus); 8]);

impl Serialize for CheckStatuses {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = s.serialize_map(Some(8))?;
        for (code, status) in &self.0 {
            map.serialize_entry(code, status)?;
        }
        map.end()
    }
}

/// Everything an estimate decides, shared by [`estimate`] and [`decide`].
struct Worked<'a> {
    policy: VisitPolicy<'a>,
    priced: Priced,
    findings: Findings,
    /// `None`: the terms are needed (see [`Estimate::settlement`]).
    benefit: Option<Benefit>,
    settlement: Option<Settlement>,
    ytd_after: Option<Ytd>,
}

/// `explain`: whether the words will be wanted (line names are only for them).
fn work<'a>(set: &'a PolicySet, req: &'a Request, ytd: &Ytd, explain: bool) -> Result<Worked<'a>, Error> {
    let policy = VisitPolicy::assemble(set, req)?;
    let priced = catalogue::price(set, &req.visit.place, &req.items, explain);
    let findings = Findings::find(&policy);
    let benefit = policy.numbers(findings.mode(), findings.filing_valid(), ytd, explain)?;
    let settlement = benefit.as_ref().map(|b| Settlement {
        bound: settlement::Bound::of(&b.defaults()),
        ..settlement::settle(&priced.lines, &b.parameters)
    });
    let ytd_after = settlement.as_ref().map(|s| ytd_after(ytd, s, findings.mode()));
    Ok(Worked {
        policy,
        priced,
        findings,
        benefit,
        settlement,
        ytd_after,
    })
}

pub(crate) fn decide(set: &PolicySet, req: &Request) -> Result<Decision, Error> {
    let w = work(set, req, &req.ytd, false)?;
    Ok(Decision {
        mode: w.findings.mode(),
        direct_settlement: w.findings.direct_settlement(),
        checks: CheckStatuses(w.findings.statuses()),
        settlement: w.settlement,
        ytd_after: w.ytd_after,
    })
}

pub(crate) fn estimate(set: &PolicySet, req: &Request) -> Result<Estimate, Error> {
    estimate_with_ytd(set, req, &req.ytd)
}

/// As [`estimate`], with year-to-date figures other than the request's own (`estimate_year`
/// carries them from visit to visit without copying the request).
pub(crate) fn estimate_with_ytd(set: &PolicySet, req: &Request, ytd: &Ytd) -> Result<Estimate, Error> {
    let w = work(set, req, ytd, true)?;
    let mode = w.findings.mode();
    let s = &w.policy;
    let trace = match (&w.settlement, &w.benefit) {
        (Some(settlement), Some(benefit)) => trace::explain(settlement, benefit, &w.priced, mode),
        _ => trace::explain_unknown(&w.priced, s),
    };
    let uses_assumptions = trace
        .iter()
        .any(|step| step.provenance == Some(crate::policy::Provenance::Assumed));
    Ok(Estimate {
        mode,
        eligibility: crate::wording::eligibility(
            s,
            &w.findings,
            crate::warnings::warnings(s, &w.findings, &w.priced, w.benefit.as_ref()),
        ),
        settlement: w.settlement,
        ytd_after: w.ytd_after,
        trace,
        policy: policy_ref(s),
        lines: w.priced.lines,
        notice: notice(),
        uses_assumptions,
        groups: s.groups(),
    })
}

fn policy_ref(s: &VisitPolicy<'_>) -> PolicyRef {
    let r = s.reference();
    PolicyRef {
        region: r.region,
        name: r.name,
        version: r.version,
        baseline: r.baseline,
        in_force: r.in_force,
        reviewed_until: r.reviewed_until.map(|d| d.to_string()),
    }
}

/// Which year-to-date accumulators a visit counts against.
pub(crate) fn groups_of(set: &PolicySet, req: &Request) -> Result<Groups, Error> {
    Ok(VisitPolicy::assemble(set, req)?.groups())
}

pub(crate) fn check_eligibility(set: &PolicySet, req: &Request) -> Result<Eligibility, Error> {
    let s = VisitPolicy::assemble(set, req)?;
    let priced = catalogue::price(set, &req.visit.place, &req.items, false);
    let findings = Findings::find(&s);
    // The numbers only for what they assumed about the person (each a warning), where a rule
    // shape of this build's packs may have (`policy::shapes`).
    let benefit = if crate::policy::shapes::BUILT.needs_facts() {
        s.numbers(findings.mode(), findings.filing_valid(), &req.ytd, true)?
    } else {
        None
    };
    let warnings = crate::warnings::warnings(&s, &findings, &priced, benefit.as_ref());
    Ok(crate::wording::eligibility(&s, &findings, warnings))
}

/// The request's year-to-date figures plus this visit (docs/contract.md `ytdAfter`): the cost the
/// visit admitted counts against in-scope-cost limits, except in mode `none` (docs/calculation.md §6–7).
fn ytd_after(ytd: &Ytd, s: &Settlement, mode: Mode) -> Ytd {
    let add = |a: Money, b: Money| Money(crate::money::plus(a.0, b.0));
    let counted = if mode == Mode::None { Money::ZERO } else { s.admitted };
    Ytd {
        deductible_paid: add(ytd.deductible_paid, s.deductible),
        fund_paid: add(ytd.fund_paid, s.fund_pays),
        fund_paid_month: add(ytd.fund_paid_month, s.fund_pays),
        fund_paid_total: add(ytd.fund_paid_total, s.fund_pays),
        cost_counted: add(ytd.cost_counted, counted),
        cost_counted_month: add(ytd.cost_counted_month, counted),
        inpatient_fund_paid: Some(ytd.inpatient_fund_paid.unwrap_or_default()),
    }
}
