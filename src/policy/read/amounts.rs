//! Reading a cap's amount (docs/pack-format.md "Rule shapes (format 2)"): fixed by a table, or
//! growing with the person's recognised diseases, ranked across them, or scheduled by months since
//! recognition. Apart from the rules that hold caps (`rules`) because each shape has a grammar of
//! its own.

use super::{nullable_money, Reader};
use crate::bilingual::t;
use crate::json::{self, Value};
use crate::path::{join_item, join_key};
use crate::policy::model::{Amount, Param, Period};
use rust_decimal::Decimal;

/// A cap's amount: a table of amounts (or `null`), or — for an annual cap — `growing` or
/// `ranked`, or — for a monthly one — a `schedule`.
pub(super) fn read_amount(r: &mut Reader, v: &Value, path: &str, period: Period) -> Option<Amount> {
    let o = r.obj(v, path)?;
    let shape = ["growing", "ranked", "schedule"]
        .into_iter()
        .find(|k| o.map.contains_key(k));
    let Some(shape) = shape else {
        return r.table(v, path, nullable_money).map(Amount::Fixed);
    };
    r.known_keys(o, &[shape]);
    let spath = o.at(shape);
    r.shape(&spath, shape);
    let wanted = if shape == "schedule" {
        Period::Month
    } else {
        Period::Year
    };
    if period != wanted {
        r.problem(
            &spath,
            if shape == "schedule" {
                t(
                    "按认定月数分段的限额（schedule）只能写在 monthly 中",
                    "a quota by months since recognition ('schedule') belongs under 'monthly'",
                )
            } else {
                t(
                    format!("{shape} 只能用于年度限额（annual）"),
                    format!("'{shape}' is for an annual limit ('annual') only"),
                )
            },
        );
        return None;
    }
    let v = r.required(o, shape)?;
    match shape {
        "growing" => read_growing(r, v, &spath),
        "ranked" => read_ranked(r, v, &spath),
        _ => read_schedule(r, v, &spath),
    }
}

/// `{ base, step, maximum }`: min(maximum, base + step × (count − 1)).
fn read_growing(r: &mut Reader, v: &Value, path: &str) -> Option<Amount> {
    let o = r.obj(v, path)?;
    r.known_keys(o, &["base", "step", "maximum"]);
    let mut part = |key| r.required(o, key).and_then(|v| r.table(v, &o.at(key), json::money));
    let (base, step, maximum) = (part("base"), part("step"), part("maximum"));
    Some(Amount::Growing {
        base: base?,
        step: step?,
        maximum: maximum?,
    })
}

/// `{ shares: ["1", "0.5", …], provenance, source?, standards: { <disease>: <amounts> } }`.
fn read_ranked(r: &mut Reader, v: &Value, path: &str) -> Option<Amount> {
    let o = r.obj(v, path)?;
    r.known_keys(o, &["shares", "provenance", "source", "standards"]);
    let shares_path = o.at("shares");
    let shares = match o.get("shares") {
        None => {
            r.problem(
                &shares_path,
                t(
                    "合并计算的限额需要 shares：按标准从高到低，各病种计入的比例（如 [\"1\", \"0.5\", \"0.4\"]）",
                    "a ranked limit needs 'shares': the share of each disease's standard, highest standard first (e.g. [\"1\", \"0.5\", \"0.4\"])",
                ),
            );
            None
        }
        Some(list) => read_shares(r, list, &shares_path),
    };
    let provenance = r.provenance(o);
    let source = r.opt_string(o, "source", 500);
    let standards = r.required(o, "standards").and_then(|s| {
        let spath = o.at("standards");
        let so = r.obj(s, &spath)?;
        let mut out = Vec::with_capacity(so.map.len());
        let mut complete = true;
        for (id, table) in so.map {
            match r.table(table, &join_key(&spath, id), json::money) {
                Some(t) => out.push((id.clone(), t)),
                None => complete = false,
            }
        }
        complete.then_some(out)
    });
    Some(Amount::Ranked {
        shares: Param {
            value: shares?,
            provenance: provenance?,
            source,
        },
        standards: standards?,
    })
}

fn read_shares(r: &mut Reader, v: &Value, path: &str) -> Option<Vec<Decimal>> {
    let list = r.take(json::array(v, path))?;
    if list.is_empty() {
        r.problem(path, t("shares 至少需要一个比例", "'shares' needs at least one share"));
        return None;
    }
    let shares: Vec<Option<Decimal>> = list
        .iter()
        .enumerate()
        .map(|(i, s)| r.take(json::ratio(s, &join_item(path, i))))
        .collect();
    shares.into_iter().collect()
}

/// `[{ fromMonth: 1, throughMonth?: n, amount }, …]`: from month 1, no gap, the last open-ended.
fn read_schedule(r: &mut Reader, v: &Value, path: &str) -> Option<Amount> {
    let list = r.take(json::array(v, path))?;
    let mut steps = Vec::with_capacity(list.len());
    let mut complete = true;
    // The month the next step must start at; `None` after an open-ended step.
    let mut next: Option<u16> = Some(1);
    for (i, step) in list.iter().enumerate() {
        let spath = join_item(path, i);
        let Some(o) = r.obj(step, &spath) else {
            complete = false;
            continue;
        };
        r.known_keys(o, &["fromMonth", "throughMonth", "amount"]);
        let month = |r: &mut Reader, key| {
            r.required(o, key)
                .and_then(|v| r.take(json::whole(v, &o.at(key), 1200, ("月份", "month"))))
        };
        let from = month(r, "fromMonth");
        let through = o.get("throughMonth").map(|_| month(r, "throughMonth"));
        let amount = r
            .required(o, "amount")
            .and_then(|a| r.table(a, &o.at("amount"), nullable_money));
        let (Some(from), Some(amount)) = (from, amount) else {
            complete = false;
            continue;
        };
        let through = match through {
            Some(None) => {
                complete = false;
                continue;
            }
            Some(Some(m)) => Some(m),
            None => None,
        };
        match next {
            None => {
                r.problem(
                    join_item(path, i - 1),
                    t(
                        "只有最后一段可以不写 throughMonth",
                        "only the last step may leave out 'throughMonth'",
                    ),
                );
                complete = false;
            }
            Some(want) if from != want => {
                let message = if from > want {
                    t(
                        format!("第{want}至{}个月没有限额：各段须首尾相接", from - 1),
                        format!("months {want} to {} have no amount: the steps must follow on", from - 1),
                    )
                } else {
                    t(
                        format!("与上一段重叠：应从第{want}个月开始"),
                        format!("overlaps the step before: it should start at month {want}"),
                    )
                };
                r.problem(o.at("fromMonth"), message);
                complete = false;
            }
            Some(_) => {}
        }
        if let Some(m) = through.filter(|m| *m < from) {
            r.problem(
                o.at("throughMonth"),
                t(
                    format!("throughMonth（{m}）不能小于 fromMonth（{from}）"),
                    format!("throughMonth ({m}) must not be less than fromMonth ({from})"),
                ),
            );
            complete = false;
        }
        next = through.map(|m| m + 1);
        steps.push((from, amount));
    }
    if list.is_empty() {
        r.problem(path, t("至少需要一段", "needs at least one step"));
        return None;
    }
    if let Some(after) = next.filter(|_| complete) {
        r.problem(
            join_item(path, list.len() - 1),
            t(
                format!("第{after}个月起没有限额：最后一段不写 throughMonth"),
                format!("months from {after} on have no amount: leave 'throughMonth' out of the last step"),
            ),
        );
        complete = false;
    }
    complete.then_some(Amount::Scheduled(steps))
}
