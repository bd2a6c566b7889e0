//! `estimate_year`: one person's visits in date order, each estimated with the year-to-date
//! figures the earlier visits left behind — per deductible group, per limit, per calendar month
//! and overall. It is exactly `estimate` chained by hand, which the property tests check.

use crate::bilingual::t;
use crate::date::Date;
use crate::error::Error;
use crate::estimate::{estimate_with_ytd, groups_of, Estimate};
use crate::money::Money;
use crate::policy::numbers::Groups;
use crate::policy::PolicySet;
use crate::request::{Request, Ytd};

/// Running sums by key. One person's year touches a handful of groups, so a list will do.
#[derive(Debug)]
struct Tally<K>(Vec<(K, Money)>);

impl<K: PartialEq> Tally<K> {
    fn get(&self, key: &K) -> Money {
        self.0.iter().find(|(k, _)| k == key).map_or(Money::ZERO, |(_, m)| *m)
    }

    fn set(&mut self, key: K, value: Money) {
        match self.0.iter_mut().find(|(k, _)| *k == key) {
            Some(entry) => entry.1 = value,
            None => self.0.push((key, value)),
        }
    }
}

impl<K> Default for Tally<K> {
    fn default() -> Self {
        Tally(Vec::new())
    }
}

/// A calendar month, `(year, month)`.
type Month = (u16, u8);

/// The running year-to-date accounts of one person within one calendar year (BRIEF §8.2): per
/// deductible group (and month, for a monthly one), per limit for the year and per month — what
/// the fund paid and the in-scope cost counted — and overall; and the inpatient figure last given.
#[derive(Debug, Default)]
struct Accumulators {
    year: Option<u16>,
    deductible: Tally<(String, Option<Month>)>,
    limit: Tally<String>,
    month: Tally<(String, Month)>,
    cost: Tally<String>,
    cost_month: Tally<(String, Month)>,
    total: Money,
    inpatient: Option<Money>,
}

impl Accumulators {
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
                    format!("[{index}].ytd.inpatientFundPaid"),
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
        let (limit, month) = (&groups.limit, date.month_key());
        Ok(Ytd {
            deductible_paid: self.deductible.get(&deductible_key(groups, date)),
            fund_paid: self.limit.get(limit),
            fund_paid_month: self.month.get(&(limit.clone(), month)),
            fund_paid_total: self.total,
            cost_counted: self.cost.get(limit),
            cost_counted_month: self.cost_month.get(&(limit.clone(), month)),
            inpatient_fund_paid: inpatient,
        })
    }

    fn record(&mut self, date: Date, groups: &Groups, after: &Ytd) {
        let (limit, month) = (&groups.limit, date.month_key());
        self.deductible.set(deductible_key(groups, date), after.deductible_paid);
        self.limit.set(limit.clone(), after.fund_paid);
        self.month.set((limit.clone(), month), after.fund_paid_month);
        self.cost.set(limit.clone(), after.cost_counted);
        self.cost_month.set((limit.clone(), month), after.cost_counted_month);
        self.total = after.fund_paid_total;
    }
}

/// A deductible group's account: for the year, or for the visit's month when it is monthly.
fn deductible_key(groups: &Groups, date: Date) -> (String, Option<Month>) {
    (
        groups.deductible.clone(),
        groups.deductible_monthly.then(|| date.month_key()),
    )
}

pub fn estimate_year(set: &PolicySet, visits: &[Request]) -> Result<Vec<Estimate>, Error> {
    let mut acc = Accumulators::default();
    let mut out = Vec::with_capacity(visits.len());
    for (i, req) in visits.iter().enumerate() {
        if let Some(first) = visits.first() {
            if req.insured != first.insured {
                return Err(Error::invalid(
                    format!("[{i}].insured"),
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
                    format!("[{i}].visit.date"),
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
