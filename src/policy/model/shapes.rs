//! The rule shapes a pack states (docs/pack-format.md "Rule shapes"): how a deductible is
//! counted, what a limit caps and how much, how a temporary visitor's ratio is cut.

use super::{Named, Param, Table};
use crate::bilingual::Text;
use rust_decimal::Decimal;

/// A period a deductible is taken in, or a limit counts over (docs/calculation.md §6–7): the visit, the
/// calendar month or the calendar year of the visit date.
#[cfg_attr(not(feature = "maintainer"), allow(dead_code))]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    Visit,
    Month,
    Year,
}

/// How a deductible (起付线) is counted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Deductible {
    /// No deductible; the param records where that statement comes from.
    None(Param<()>),
    /// A standard per visit, month or year for the whole group; `off_fund`: taken off the fund's
    /// payment after the ratio (docs/calculation.md §5 d) rather than off the in-scope cost before it (c).
    Standard {
        period: Period,
        amount: Table<Decimal>,
        off_fund: bool,
    },
}

/// What a limit caps (docs/calculation.md §4): the fund's payment, or the in-scope cost it admits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Base {
    FundPayment,
    InScopeCost,
}

/// How much a limit allows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Amount {
    /// A fixed amount; a leaf of `None` says explicitly that there is no such limit.
    Fixed(Table<Option<Decimal>>),
    /// min(maximum, base + step × (count − 1)), count = the person's recognised diseases that the
    /// limit's pool covers (at least 1).
    Growing {
        base: Table<Decimal>,
        step: Table<Decimal>,
        maximum: Table<Decimal>,
    },
    /// Σ round(standard × share, 2) over the person's recognised diseases in the pool, highest
    /// standard first; the shares in rank order (diseases beyond them add 0).
    Ranked {
        shares: Param<Vec<Decimal>>,
        standards: Named<Table<Decimal>>,
    },
    /// A monthly quota by the month since the disease was recognised (the month of recognition
    /// is month 1): each step's first month and its amount, from month 1, the last open-ended.
    Scheduled(Vec<(u16, Table<Option<Decimal>>)>),
}

/// One cap of a limit: its base, its period, its amount.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cap {
    pub base: Base,
    pub period: Period,
    pub amount: Amount,
}

/// A limit (封顶线 / 最高支付限额 / 定额) shared by the diseases that name it: its caps, each with
/// one account per period, and whether the year's inpatient fund payments count against its
/// annual cap on the fund's payment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Limit {
    pub name: Option<Text>,
    pub caps: Vec<Cap>,
    pub with_inpatient: bool,
}

/// How a filing category (or a visit without a valid filing) lowers what the fund pays
/// (docs/calculation.md §4).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cut {
    /// The ratio minus so many points (never below 0).
    Points(Param<Decimal>),
    /// The ratio times a factor (深圳 ×0.9), exact.
    Factor(Param<Decimal>),
    /// A ratio of its own.
    Ratio(Table<Decimal>),
    /// A share of the in-scope cost paid first by the person (临沂 10 %); the ratio unchanged.
    SelfPayFirst(Param<Decimal>),
    /// Not stated (`"terms"`): the person's `reduction` or `unfiledReduction`, held to the national
    /// ceiling, or the national default when they give none — as under the baseline.
    Terms,
}
