//! Reading the rules of a version that have a shape (docs/pack-format.md "Rule shapes (format 2)"): deductible groups, limits and
//! their caps, the cuts for temporary visitors and for a visit without a filing, the overall
//! ceiling. Format-1 packs write only the first shape of each; the others need format 2
//! ([`Reader::shape`]).

use super::amounts::read_amount;
use super::{nullable_money, Reader};
use crate::bilingual::t;
use crate::json::{self, Obj, Value};
use crate::policy::model::{Base, Cap, Cut, Deductible, Limit, Param, Period, Table};
use rust_decimal::Decimal;

/// `{ kind: annual | monthly | perVisit | none, amount, taken?: beforeRatio | offFundPayment }`.
pub fn read_deductible(r: &mut Reader, v: &Value, path: &str) -> Option<Deductible> {
    let o = r.obj(v, path)?;
    r.known_keys(o, &["kind", "name", "amount", "taken", "provenance", "source"]);
    let kind = r.required(o, "kind").and_then(|k| {
        r.take(json::one_of(
            k,
            &o.at("kind"),
            &["annual", "monthly", "perVisit", "none"],
        ))
    })?;
    let _name = o.get("name").and_then(|n| r.take(json::text_pair(n, &o.at("name"))));
    if kind == "none" {
        let provenance = r.provenance(o)?;
        let source = r.opt_string(o, "source", 500);
        return Some(Deductible::None(Param {
            value: (),
            provenance,
            source,
        }));
    }
    let period = match kind {
        "annual" => Period::Year,
        "monthly" => {
            r.shape(&o.at("kind"), "monthly");
            Period::Month
        }
        _ => Period::Visit,
    };
    let off_fund = match o.get("taken") {
        None => Some(false),
        Some(taken) => match r.take(json::one_of(taken, &o.at("taken"), &["beforeRatio", "offFundPayment"])) {
            Some("offFundPayment") => {
                r.shape(&o.at("taken"), "offFundPayment");
                Some(true)
            }
            Some(_) => Some(false),
            None => None,
        },
    };
    let amount = r
        .required(o, "amount")
        .and_then(|a| r.table(a, &o.at("amount"), json::money))?;
    Some(Deductible::Standard {
        period,
        amount,
        off_fund: off_fund?,
    })
}

/// The period keys of a limit, and their periods.
const PERIODS: [(&str, Period); 3] = [
    ("annual", Period::Year),
    ("monthly", Period::Month),
    ("perVisit", Period::Visit),
];

/// `{ name?, annual?, monthly?, perVisit?, inScopeCost?: { annual?, monthly?, perVisit? },
/// sharedWithInpatient? }`: caps on the fund's payment at the top, caps on in-scope cost under
/// `inScopeCost`.
pub fn read_limit(r: &mut Reader, v: &Value, path: &str) -> Option<Limit> {
    let o = r.obj(v, path)?;
    r.known_keys(
        o,
        &[
            "name",
            "annual",
            "monthly",
            "perVisit",
            "inScopeCost",
            "sharedWithInpatient",
        ],
    );
    let name = o.get("name").and_then(|n| r.take(json::text_pair(n, &o.at("name"))));
    let mut caps = Vec::new();
    let mut complete = read_caps(r, o, Base::FundPayment, &mut caps);
    if let Some(cost) = o.get("inScopeCost") {
        let cpath = o.at("inScopeCost");
        r.shape(&cpath, "inScopeCost");
        match r.obj(cost, &cpath) {
            Some(co) => {
                r.known_keys(co, &["annual", "monthly", "perVisit"]);
                let before = caps.len();
                complete &= read_caps(r, co, Base::InScopeCost, &mut caps);
                if caps.len() == before && complete {
                    r.problem(
                        &cpath,
                        t(
                            "inScopeCost 至少需要 annual、monthly 或 perVisit",
                            "'inScopeCost' needs 'annual', 'monthly' or 'perVisit'",
                        ),
                    );
                    complete = false;
                }
            }
            None => complete = false,
        }
    }
    let with_inpatient = match r.take(o.bool("sharedWithInpatient")) {
        Some(Some(true)) => {
            r.shape(&o.at("sharedWithInpatient"), "sharedWithInpatient");
            let annual_on_fund = caps
                .iter()
                .any(|c| c.base == Base::FundPayment && c.period == Period::Year);
            if !annual_on_fund && complete {
                r.problem(
                    o.at("sharedWithInpatient"),
                    t(
                        "与住院共用的限额需要基金支付的年度限额 annual",
                        "a limit shared with inpatient care needs an 'annual' limit on the fund's payment",
                    ),
                );
                complete = false;
            }
            true
        }
        Some(_) => false,
        None => {
            complete = false;
            false
        }
    };
    if caps.is_empty() && complete {
        r.problem(
            path,
            t(
                "限额至少需要 annual、monthly、perVisit 或 inScopeCost（无限额时写 value: null 并注明来源）",
                "a limit needs 'annual', 'monthly', 'perVisit' or 'inScopeCost' (write value: null with its provenance for none)",
            ),
        );
        return None;
    }
    complete.then_some(Limit {
        name,
        caps,
        with_inpatient,
    })
}

/// The caps of one base in `o`; whether all of them were read.
fn read_caps(r: &mut Reader, o: Obj<'_>, base: Base, caps: &mut Vec<Cap>) -> bool {
    let mut complete = true;
    for (key, period) in PERIODS {
        let Some(v) = o.get(key) else { continue };
        let path = o.at(key);
        if period == Period::Visit {
            r.shape(&path, key);
        }
        match read_amount(r, v, &path, period) {
            Some(amount) => caps.push(Cap { base, period, amount }),
            None => complete = false,
        }
    }
    complete
}

/// A cut (docs/calculation.md §4): a parameter in points (format 1), or one of `{ points }`, `{ factor }`,
/// `{ ratio }` (a table of ratios), `{ selfPayFirst }`.
pub fn read_cut(r: &mut Reader, v: &Value, path: &str) -> Option<Cut> {
    if matches!(v, Value::String(s) if s == crate::policy::model::TERMS) {
        return Some(Cut::Terms);
    }
    let o = r.obj(v, path)?;
    if o.map.contains_key("value") || o.map.contains_key("provenance") {
        return r.param(v, path, json::ratio).map(Cut::Points);
    }
    const FORMS: [&str; 4] = ["points", "factor", "ratio", "selfPayFirst"];
    r.known_keys(o, &FORMS);
    let given: Vec<&str> = FORMS.into_iter().filter(|k| o.map.contains_key(k)).collect();
    let [form] = given.as_slice() else {
        r.problem(
            path,
            t(
                "应为比例降幅参数，或 points、factor、ratio、selfPayFirst 其中之一",
                "must be a reduction parameter, or exactly one of 'points', 'factor', 'ratio', 'selfPayFirst'",
            ),
        );
        return None;
    };
    let fpath = o.at(form);
    r.shape(&fpath, form);
    let v = r.required(o, form)?;
    match *form {
        "ratio" => r.table(v, &fpath, json::ratio).map(Cut::Ratio),
        "points" => r.param(v, &fpath, json::ratio).map(Cut::Points),
        "factor" => r.param(v, &fpath, json::ratio).map(Cut::Factor),
        _ => r.param(v, &fpath, json::ratio).map(Cut::SelfPayFirst),
    }
}

/// The overall ceiling: a table of amounts (or `null`), or `{ amount, sharedWithInpatient }`.
pub fn read_ceiling(r: &mut Reader, v: &Value, path: &str) -> Option<(Table<Option<Decimal>>, bool)> {
    let o = r.obj(v, path)?;
    if !o.map.contains_key("amount") {
        return r.table(v, path, nullable_money).map(|t| (t, false));
    }
    r.known_keys(o, &["amount", "sharedWithInpatient"]);
    let shared = r.take(o.bool("sharedWithInpatient")).map(|b| b.unwrap_or(false));
    if shared == Some(true) {
        r.shape(&o.at("sharedWithInpatient"), "sharedWithInpatient");
    }
    let amount = r
        .required(o, "amount")
        .and_then(|a| r.table(a, &o.at("amount"), nullable_money));
    Some((amount?, shared?))
}
