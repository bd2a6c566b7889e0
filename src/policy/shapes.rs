//! Which rule shapes of docs/pack-format.md "Rule shapes (format 2)" a build can meet. With the `maintainer` feature, where packs are
//! read at run time, every one. The page's build answers from its default packs alone, compiled in
//! (generated/defaults.rs), so it carries the code of only the shapes those packs state: the
//! generator writes them down with the packs, and the code of the others is left out by the
//! compiler — a phone downloads nothing for a rule no pack has. When a default pack takes up a
//! shape, regenerating the file brings its code in.

/// The shapes that need code of their own (a cap per visit and a cut in points need next to none).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shapes {
    /// Tables split by the region's tiers or by age bands (§8.4).
    pub splits: bool,
    /// Cuts other than points: a factor, a ratio of its own, a share paid first (§8.6).
    pub cuts: bool,
    /// Caps on in-scope cost (§8.1 b, §8.3).
    pub cost_caps: bool,
    /// Amounts growing with the count of recognised diseases (§8.3).
    pub growing: bool,
    /// Amounts ranked over the recognised diseases: the first's standard plus shares of the
    /// others' (§8.3).
    pub ranked: bool,
    /// Monthly quotas scheduled by months since recognition (§8.3).
    pub scheduled: bool,
    /// Limits shared with inpatient care (§8.3).
    pub inpatient: bool,
    /// Deductibles per month, or taken off the fund's payment (§8.1 d, §8.2).
    pub deductibles: bool,
}

impl Shapes {
    #[cfg(any(test, feature = "maintainer"))]
    pub const ALL: Shapes = Shapes {
        splits: true,
        cuts: true,
        cost_caps: true,
        growing: true,
        ranked: true,
        scheduled: true,
        inpatient: true,
        deductibles: true,
    };

    /// Whether any shape may leave a fact of the person's to a default (each a warning).
    #[inline(always)]
    pub const fn needs_facts(self) -> bool {
        self.splits || self.growing || self.ranked || self.scheduled || self.inpatient
    }
}

/// The shapes this build computes.
#[cfg(feature = "maintainer")]
pub const BUILT: Shapes = Shapes::ALL;

/// The shapes this build computes: those of its default packs.
#[cfg(not(feature = "maintainer"))]
pub const BUILT: Shapes = super::defaults::SHAPES;
