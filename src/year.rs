//! `estimate_year`: one person's visits in date order, each estimated with the year-to-date
//! figures the earlier visits left behind — per deductible group, per limit, for the year and per
//! calendar month, and overall. It is exactly `estimate` chained by hand, which the property tests
//! check.

use crate::bilingual::t;
use crate::date::Date;
use crate::error::Error;
use crate::estimate::{estimate_with_ytd, groups_of, Estimate};
use crate::money::Money;
use crate::policy::numbers::Groups;
use crate::policy::PolicySet;
use crate::request::{Request, Ytd};

/// What an account counts (docs/calculation.md §6–7).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum What {
    /// The deductible taken in a deductible group.
    Deductible,
    /// What the fund paid against a limit.
    Fund,
    /// The in-scope cost counted against a limit.
    Cost,
}

/// One account: what it counts, for which group, and — for a monthly one — in which month of
/// the year (`None`: the year).
type Account = (What, String, Option<u8>);

/// The running year-to-date accounts of one person within one calendar year (docs/calculation.md §6–7): per
/// deductible group (and month, for a monthly one), per limit for the year and per month — what
/// the fund paid and the in-scope cost counted — and overall; and the inpatient figure last given.
/// One person's year touches a handful of accounts, so a list will do.
#[derive(Debug, Default)]
struct Accumulators {
    year: Option<u16>,
    accounts: Vec<(Account, Money)>,
    total: Money,
    inpatient: Option<Money>,
}

impl Accumulators {
    fn get(&self, what: What, group: &str, month: Option<u8>) -> Money {
        self.accounts
            .iter()
            .find(|((w, g, m), _)| *w == what && g == group && *m == month)
            .map_or(Money::ZERO, |(_, sum)| *sum)
    }

    fn set(&mut self, what: What, group: &str, month: Option<u8>, value: Money) {
        match self
            .accounts
            .iter_mut()
            .find(|((w, g, m), _)| *w == what && g == group && *m == month)
        {
            Some(entry) => entry.1 = value,
            None => self.accounts.push(((what, group.to_string(), month), value)),
        }
    }

    /// The `ytd` visit `index` is estimated with. A new calendar year starts from zero, except
    /// that the very first visit starts its own groups from its request's `ytd`. Each visit's
    /// own inpatient figure is read; it may not shrink within a year.
    fn ytd_for(&mut self, index: usize, req: &Request, groups: &Groups) -> Result<Ytd, Error> {
        let date = req.visit.date;
        if self.year != Some(date.year) {
            *self = Accumulators {
                year: Some(date.year),
                ..Accumulators::default()
            };
            if index == 0 {
                self.record(date, groups, &req.ytd);
            }
        }
        let inpatient = req.ytd.inpatient_fund_paid;
        if let (Some(now), Some(before)) = (inpatient, self.inpatient) {
            if now < before {
                return Err(Error::invalid(
                    crate::path::join_index(index, "ytd.inpatientFundPaid"),
                    t(
                        format!(
                            "本年住院统筹基金支付额 {} 少于前一次就诊时的 {}",
                            now.text(),
                            before.text()
                        ),
                        format!(
                            "the year's inpatient fund payments {} are less than the {} of an earlier visit",
                            now.text(),
                            before.text()
                        ),
                    ),
                ));
            }
        }
        if inpatient.is_some() {
            self.inpatient = inpatient;
        }
        let (limit, month) = (groups.limit.as_str(), Some(date.month));
        Ok(Ytd {
            deductible_paid: self.get(What::Deductible, &groups.deductible, deductible_month(groups, date)),
            fund_paid: self.get(What::Fund, limit, None),
            fund_paid_month: self.get(What::Fund, limit, month),
            fund_paid_total: self.total,
            cost_counted: self.get(What::Cost, limit, None),
            cost_counted_month: self.get(What::Cost, limit, month),
            inpatient_fund_paid: inpatient,
        })
    }

    fn record(&mut self, date: Date, groups: &Groups, after: &Ytd) {
        let (limit, month) = (groups.limit.as_str(), Some(date.month));
        self.set(
            What::Deductible,
            &groups.deductible,
            deductible_month(groups, date),
            after.deductible_paid,
        );
        self.set(What::Fund, limit, None, after.fund_paid);
        self.set(What::Fund, limit, month, after.fund_paid_month);
        self.set(What::Cost, limit, None, after.cost_counted);
        self.set(What::Cost, limit, month, after.cost_counted_month);
        self.total = after.fund_paid_total;
    }
}

/// A deductible group's account is the year's, or the visit's month's for a monthly one.
fn deductible_month(groups: &Groups, date: Date) -> Option<u8> {
    groups.deductible_monthly.then_some(date.month)
}

pub fn estimate_year(set: &PolicySet, visits: &[Request]) -> Result<Vec<Estimate>, Error> {
    let mut acc = Accumulators::default();
    let mut out = Vec::with_capacity(visits.len());
    for (i, req) in visits.iter().enumerate() {
        if let Some(first) = visits.first() {
            if req.insured != first.insured {
                return Err(Error::invalid(
                    crate::path::join_index(i, "insured"),
                    t(
                        "同一组就诊必须是同一参保人（insured 与第一次就诊相同）",
                        "all visits must be the same insured person as the first",
                    ),
                ));
            }
        }
        if let Some(prev) = i.checked_sub(1).and_then(|p| visits.get(p)) {
            if req.visit.date < prev.visit.date {
                return Err(Error::invalid(
                    crate::path::join_index(i, "visit.date"),
                    t(
                        format!(
                            "就诊须按日期先后排列：{} 早于上一次 {}",
                            req.visit.date, prev.visit.date
                        ),
                        format!(
                            "visits must be in date order: {} is before the previous {}",
                            req.visit.date, prev.visit.date
                        ),
                    ),
                ));
            }
        }
        let groups = groups_of(set, req).map_err(|e| e.at_index(i))?;
        let ytd = acc.ytd_for(i, req, &groups)?;
        let result = estimate_with_ytd(set, req, &ytd).map_err(|e| e.at_index(i))?;
        // Without a settlement (terms needed) nothing is known to have been paid.
        if let Some(after) = &result.ytd_after {
            acc.record(req.visit.date, &groups, after);
        }
        out.push(result);
    }
    Ok(out)
}
