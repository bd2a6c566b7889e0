//! How much each cap of the visit's limit allows, and how much of it is used (docs/calculation.md §4): fixed
//! amounts, limits that grow with the person's recognised diseases, combined ranked limits,
//! monthly quotas scheduled by months since recognition, and annual limits shared with inpatient
//! care.

use super::pricing::{inpatient, Rule, Rules};
use super::used::{assume, broken, joined, used};
use super::VisitPolicy;
use crate::bilingual::{t, Text};
use crate::json::Res;
use crate::money::{plus, round_fen, Money, Ratio};
use crate::policy::model::{Amount, Base, Limit, Period, Table, Version};
use crate::policy::numbers::{Default, Fact, Facts, LimitKind, LimitUse, Used};
use crate::policy::shapes::BUILT;
use crate::request::Ytd;
use rust_decimal::Decimal;

impl VisitPolicy<'_> {
    /// Every cap of limit `id` as used by the visit, with what its account has counted so far.
    pub(super) fn caps(
        &self,
        version: &Version,
        id: &str,
        limit: &Limit,
        ytd: &Ytd,
        rules: &Rules,
    ) -> Res<Vec<LimitUse>> {
        let mut out = Vec::with_capacity(limit.caps.len() + 1);
        for cap in &limit.caps {
            let kind = match cap.period {
                Period::Year => LimitKind::Annual,
                Period::Month => LimitKind::Monthly,
                Period::Visit => LimitKind::PerVisit,
            };
            // The cap's path in the limit, for rule ids.
            let at = match (cap.base, cap.period) {
                (Base::FundPayment, Period::Year) => "/annual",
                (Base::FundPayment, Period::Month) => "/monthly",
                (Base::FundPayment, Period::Visit) => "/perVisit",
                (Base::InScopeCost, Period::Year) => "/inScopeCost/annual",
                (Base::InScopeCost, Period::Month) => "/inScopeCost/monthly",
                (Base::InScopeCost, Period::Visit) => "/inScopeCost/perVisit",
            };
            let (mut amount, how) = match &cap.amount {
                Amount::Fixed(table) => (used(table, self.who(), rules, Rule::Limit(id, at))?, None),
                // Each of the others only where this build's packs state it (`shapes`).
                Amount::Growing { base, step, maximum } if BUILT.growing => {
                    self.growing(version, id, at, [base, step, maximum], rules)?
                }
                Amount::Ranked { shares, standards } if BUILT.ranked => {
                    self.ranked(version, id, at, shares, standards, rules)?
                }
                Amount::Scheduled(steps) if BUILT.scheduled => self.scheduled(id, at, steps, rules)?,
                _ => return Err(broken(&rules.text(Rule::Limit(id, at)))),
            };
            let counted = match (cap.base, cap.period) {
                (Base::FundPayment, Period::Year) => ytd.fund_paid,
                (Base::FundPayment, Period::Month) => ytd.fund_paid_month,
                (Base::InScopeCost, Period::Year) => ytd.cost_counted,
                (Base::InScopeCost, Period::Month) => ytd.cost_counted_month,
                (_, Period::Visit) => Money::ZERO,
            };
            let mut counted = counted.0;
            let mut how = how;
            let shared = limit.with_inpatient && cap.base == Base::FundPayment && cap.period == Period::Year;
            if BUILT.inpatient && shared && amount.value.is_some() {
                let paid = inpatient(ytd, &mut amount);
                counted = plus(counted, paid);
                // The explanation says why "used" is more than this disease's own payments.
                if rules.explain {
                    how = Some(with_inpatient(how, paid));
                }
            }
            out.push(LimitUse {
                kind,
                base: cap.base,
                limit: amount,
                used: counted,
                how,
            });
        }
        Ok(out)
    }

    /// How many diseases of limit `id`'s pool the person has recognised — the visit's own always,
    /// each given to `each` — and whether that is known of every other disease of the pool.
    fn recognised_in_pool<'v>(
        &'v self,
        version: &'v Version,
        id: &str,
        mut each: impl FnMut(&'v str),
    ) -> (usize, bool) {
        let visit = self.req.visit.disease.as_str();
        each(visit);
        let (mut n, mut known) = (1, true);
        for (other, d) in &version.diseases {
            if d.limit != id || other == visit {
                continue;
            }
            match self.req.insured.recognizes(other) {
                Some(true) => {
                    n += 1;
                    each(other);
                }
                Some(false) => {}
                None => known = false,
            }
        }
        (n, known)
    }

    /// min(maximum, base + step × (count − 1)) over the recognised diseases of the pool; without
    /// them, count 1 (`DISEASE_COUNT_ASSUMED`).
    fn growing(
        &self,
        version: &Version,
        id: &str,
        at: &str,
        [base, step, maximum]: [&Table<Decimal>; 3],
        rules: &Rules,
    ) -> Res<(Used<Option<Decimal>>, Option<Text>)> {
        let part = |table, name| {
            used(
                table,
                self.who(),
                rules,
                Rule::Limit(id, &format!("{at}/growing/{name}")),
            )
        };
        let (base, step, maximum) = (part(base, "base")?, part(step, "step")?, part(maximum, "maximum")?);
        let (n, known) = self.recognised_in_pool(version, id, |_| {});
        // The diseases beyond the first (n counts the visit's own, so n ≥ 1), as a whole number before it
        // meets a decimal.
        let extra = Decimal::from(n - 1);
        let value = plus(base.value, step.value * extra).min(maximum.value);
        let mut out = Used {
            value: Some(value),
            rule: rules.id(Rule::Limit(id, &format!("{at}/growing"))),
            provenance: base.provenance.weaker(step.provenance).weaker(maximum.provenance),
            default: None,
            lacking: Facts::default(),
        };
        for part in [&base, &step, &maximum] {
            merge(&mut out, part);
        }
        if !known {
            assume(&mut out, Default::Cautious, Fact::DiseaseCount);
        }
        let how = rules.explain.then(|| {
            let (b, s, m, v) = (yuan(base.value), yuan(step.value), yuan(maximum.value), yuan(value));
            t(
                format!("{b} + {s} ×（{n} − 1），最高{m}：{v}元（已认定{n}种）"),
                format!("{b} + {s} × ({n} − 1), at most {m}: {v} yuan ({n} recognised)"),
            )
        });
        Ok((out, how))
    }

    /// Σ round(standard × share, 2) over the recognised diseases of the pool, highest standard
    /// first; without them, the visit's disease alone (`DISEASE_COUNT_ASSUMED`).
    fn ranked(
        &self,
        version: &Version,
        id: &str,
        at: &str,
        shares: &crate::policy::model::Param<Vec<Decimal>>,
        standards: &[(String, Table<Decimal>)],
        rules: &Rules,
    ) -> Res<(Used<Option<Decimal>>, Option<Text>)> {
        let mut ids = Vec::new();
        let (_, known) = self.recognised_in_pool(version, id, |d| ids.push(d));
        let mut parts = Vec::with_capacity(ids.len());
        for disease in &ids {
            let rule = format!("{at}/ranked/standards/{disease}");
            let table = standards
                .iter()
                .find(|(d, _)| d == disease)
                .map(|(_, t)| t)
                .ok_or_else(|| broken(&rules.text(Rule::Limit(id, &rule))))?;
            parts.push(used(table, self.who(), rules, Rule::Limit(id, &rule))?);
        }
        // Highest standard first (by insertion: a pool has a handful of diseases, and equal
        // standards keep the pack's order).
        let mut sorted: Vec<Used<Decimal>> = Vec::with_capacity(parts.len());
        for part in parts {
            let at = sorted.iter().position(|s| s.value < part.value).unwrap_or(sorted.len());
            sorted.insert(at, part);
        }
        let parts = sorted;
        let mut out = Used {
            value: None,
            rule: rules.id(Rule::Limit(id, &format!("{at}/ranked"))),
            provenance: shares.provenance,
            default: None,
            lacking: Facts::default(),
        };
        let mut total = Decimal::ZERO;
        let mut sum = String::new();
        for (part, share) in parts.iter().zip(&shares.value) {
            total = plus(total, round_fen(part.value * *share));
            merge(&mut out, part);
            out.provenance = out.provenance.weaker(part.provenance);
            if rules.explain {
                if !sum.is_empty() {
                    sum.push_str(" + ");
                }
                sum.push_str(&yuan(part.value));
                sum.push_str(" × ");
                sum.push_str(&Ratio(*share).text());
            }
        }
        out.value = Some(total);
        if !known {
            assume(&mut out, Default::Cautious, Fact::DiseaseCount);
        }
        let how = rules.explain.then(|| {
            let v = yuan(total);
            t(
                format!("按标准从高到低合并：{sum} = {v}元"),
                format!("highest standard first: {sum} = {v} yuan"),
            )
        });
        Ok((out, how))
    }

    /// The amount for month n since the visit's disease was recognised (the month of
    /// recognition is month 1); without the date, the smallest of the schedule
    /// (`RECOGNITION_DATE_ASSUMED`).
    fn scheduled(
        &self,
        id: &str,
        at: &str,
        steps: &[(u16, Table<Option<Decimal>>)],
        rules: &Rules,
    ) -> Res<(Used<Option<Decimal>>, Option<Text>)> {
        let step = |from: u16, table| {
            used(
                table,
                self.who(),
                rules,
                Rule::Limit(id, &format!("{at}/schedule/{}", usize::from(from))),
            )
        };
        let visit = &self.req.visit;
        let Some(since) = self.req.insured.recognized_since(&visit.disease) else {
            let mut least: Option<Used<Option<Decimal>>> = None;
            for (from, table) in steps {
                let u = step(*from, table)?;
                // `None` is no quota: above every amount.
                let smaller = match (&least, u.value) {
                    (None, _) => true,
                    (Some(l), Some(v)) => l.value.is_none_or(|lv| v < lv),
                    (Some(_), None) => false,
                };
                if smaller {
                    least = Some(u);
                }
            }
            let mut out = least.ok_or_else(|| broken(&rules.text(Rule::Limit(id, at))))?;
            assume(&mut out, Default::Cautious, Fact::RecognitionDate);
            let how = rules.explain.then(|| {
                t(
                    "未提供认定日期，按分段中最少的月度限额",
                    "recognition date not given: the smallest monthly amount of the schedule",
                )
            });
            return Ok((out, how));
        };
        // The assembly refused a recognition date after the visit, so n ≥ 1.
        let n = visit.date.month_since(since);
        let (from, table) = steps
            .iter()
            .rev()
            .find(|(from, _)| i32::from(*from) <= n)
            .ok_or_else(|| broken(&rules.text(Rule::Limit(id, at))))?;
        let how = rules.explain.then(|| {
            // As a usize: the one integer type whose formatting the engine already carries.
            let n = usize::try_from(n).unwrap_or(0);
            t(
                format!("{since}认定，本月为认定后第{n}个月"),
                format!("recognised {since}: this is month {n} since"),
            )
        });
        Ok((step(*from, table)?, how))
    }
}

/// What `part` assumed, `out` assumed too.
fn merge<T, U>(out: &mut Used<T>, part: &Used<U>) {
    // As `assume` for each fact, at once.
    if let Some(d) = part.default.filter(|_| !part.lacking.is_empty()) {
        out.default = Some(joined(out.default, d));
        out.lacking = out.lacking.union(part.lacking);
    }
}

fn yuan(d: Decimal) -> String {
    Money(d).text()
}

/// A limit shared with inpatient care, in words: what counted includes.
fn with_inpatient(how: Option<Text>, paid: Decimal) -> Text {
    let paid = yuan(paid);
    let words = t(
        format!("与住院共用：已用含今年住院医保已付{paid}元"),
        format!("shared with inpatient care: used includes {paid} yuan the fund paid for hospital stays this year"),
    );
    match how {
        Some(h) => t(format!("{}；{}", h.zh, words.zh), format!("{}; {}", h.en, words.en)),
        None => words,
    }
}
