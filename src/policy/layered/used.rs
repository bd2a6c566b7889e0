//! Parameters as used: a value with the rule id, provenance and any default that stood in for a
//! fact of the person's — how a pack's statement, a table's leaf or the person's term becomes a
//! number of the visit.

use super::pricing::{Rule, Rules};
use crate::bilingual::t;
use crate::error::Error;
use crate::json::Res;
use crate::policy::model::{Param, Table, Who};
use crate::policy::numbers::{Default, Fact, Facts, Used};
use crate::policy::Provenance;

/// Record that a default stood in for a fact the request lacks.
pub(super) fn assume<T>(u: &mut Used<T>, default: Default, fact: Fact) {
    u.default = Some(joined(u.default, default));
    u.lacking = u.lacking.with(fact);
}

/// The default that stands in once `default` joins what already did: defaults of two kinds make a
/// guess.
pub(super) fn joined(before: Option<Default>, default: Default) -> Default {
    match before {
        Some(d) if d != default => Default::Guess,
        _ => default,
    }
}

/// A value as used, with nothing assumed about the person.
pub(super) fn given<T>(value: T, rule: String, provenance: Provenance) -> Used<T> {
    Used {
        value,
        rule,
        provenance,
        default: None,
        lacking: Facts::default(),
    }
}

/// A term the person did not enter, taken as none: the fund pays at most what is estimated.
pub(super) fn generous<T>(u: Used<T>) -> Used<T> {
    Used {
        default: Some(Default::Generous),
        ..u
    }
}

/// A pack's statement (of no deductible) as used, with its value.
pub(super) fn stated<T>(p: &Param<()>, value: T, rule: String) -> Used<T> {
    given(value, rule, p.provenance)
}

/// The leaf of a table for `who`: a fact it splits on and `who` lacks is answered by the arm the
/// pack names for that case, the least favourable (a cautious default).
pub(super) fn used<T: Clone>(table: &Table<T>, who: Who<'_>, rules: &Rules, rule: Rule<'_>) -> Res<Used<T>> {
    let (p, keys, lacking) = table.lookup(who).ok_or_else(|| broken(&rules.text(rule)))?;
    let about = described(rules, rule, &keys, p.provenance, lacking);
    Ok(Used {
        value: p.value.clone(),
        rule: about.rule,
        provenance: about.provenance,
        default: about.default,
        lacking,
    })
}

/// What `used` says of its leaf besides the value: apart, so that it is compiled once rather
/// than once per `T`.
#[inline(never)]
fn described(rules: &Rules, rule: Rule<'_>, keys: &str, provenance: Provenance, lacking: Facts) -> Used<()> {
    let mut rule = rules.id(rule);
    if rules.explain {
        rule.push_str(keys);
    }
    Used {
        value: (),
        rule,
        provenance,
        default: (!lacking.is_empty()).then_some(Default::Cautious),
        lacking,
    }
}

/// Validation refuses incomplete tables and dangling references, so this is unreachable with a
/// loaded pack; it is still an error rather than a panic. Boxed here, once, for every caller.
pub(super) fn broken(rule: &str) -> crate::json::Fail {
    Box::new(Error::policy(vec![crate::error::Problem {
        pack: 0,
        path: rule.to_string(),
        message: t(
            format!("策略缺少参数 {rule}"),
            format!("policy parameter {rule} is missing"),
        ),
    }]))
}
