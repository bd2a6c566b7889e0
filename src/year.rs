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

/// The running year-to-date figures of one person within one calendar year.
#[derive(Debug, Default)]
struct Accumulators {
    year: Option<u16>,
    deductible: Tally<String>,
    limit: Tally<String>,
    month: Tally<(String, (u16, u8))>,
    total: Money,
}

impl Accumulators {
    /// The `ytd` visit `index` is estimated with. A new calendar year starts from zero, except
    /// that the very first visit starts its own groups from its request's `ytd`.
    fn ytd_for(&mut self, index: usize, req: &Request, groups: &Groups) -> Ytd {
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
        Ytd {
            deductible_paid: self.deductible.get(&groups.deductible),
            fund_paid: self.limit.get(&groups.limit),
            fund_paid_month: self.month.get(&(groups.limit.clone(), date.month_key())),
            fund_paid_total: self.total,
        }
    }

    fn record(&mut self, date: Date, groups: &Groups, after: &Ytd) {
        self.deductible.set(groups.deductible.clone(), after.deductible_paid);
        self.limit.set(groups.limit.clone(), after.fund_paid);
        self.month
            .set((groups.limit.clone(), date.month_key()), after.fund_paid_month);
        self.total = after.fund_paid_total;
    }
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
        let ytd = acc.ytd_for(i, req, &groups);
        let result = estimate_with_ytd(set, req, &ytd).map_err(|e| e.at_index(i))?;
        // Without a settlement (terms needed) nothing is known to have been paid.
        if let Some(after) = &result.ytd_after {
            acc.record(req.visit.date, &groups, after);
        }
        out.push(result);
    }
    Ok(out)
}
