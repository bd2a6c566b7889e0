//! Tables: a parameter that splits on who is settled and where (scheme, status, hospital level,
//! the region's tier, age bands, docs/calculation.md §4), and the facts of the person's a lookup
//! may lack.

use super::{Named, Param, Scheme, Status};

/// Who is being settled and where: the keys a [`Table`] is looked up by. `age` and `tier` are
/// `None` when the request does not give them (the table's `ifUnknown` arm then answers).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Who<'a> {
    pub scheme: Scheme,
    pub status: Status,
    pub level: u8,
    /// Completed years on the visit date (docs/calculation.md §4).
    pub age: Option<u8>,
    /// A tier the region defines (深圳 一档/二档/三档).
    pub tier: Option<&'a str>,
}

/// The dimension a table node splits on, and the keys it accepts.
// The page's build makes its tables from the default packs alone, which may not use every one.
#[cfg_attr(not(feature = "maintainer"), allow(dead_code))]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dim {
    Scheme,
    Status,
    Level,
    /// A tier the region defines (`byTier`); its arms are the region's tier ids.
    Tier,
    /// Age bands (`byAge`); each arm is named by the first age of its band, in increasing order,
    /// and runs up to the next one (the last has no end).
    Age,
}

// Reading a table from a pack (the `maintainer` feature) checks its keys.
#[cfg(feature = "maintainer")]
impl Dim {
    pub fn keys(self) -> &'static [&'static str] {
        match self {
            Dim::Scheme => &["employee", "resident"],
            Dim::Status => &["working", "retired"],
            Dim::Level => &["level1", "level2", "level3"],
            Dim::Tier | Dim::Age => &[],
        }
    }

    pub fn of_key(key: &str) -> Option<Dim> {
        [Dim::Scheme, Dim::Status, Dim::Level]
            .into_iter()
            .find(|d| d.keys().contains(&key))
    }
}

/// A fact of the person's that a lookup needed and the request did not give (docs/calculation.md §4):
/// a default stood in for it, and the person is warned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fact {
    Age,
    Tier,
    RecognitionDate,
    DiseaseCount,
    Inpatient,
}

impl Fact {
    pub const ALL: [Fact; 5] = [
        Fact::Age,
        Fact::Tier,
        Fact::RecognitionDate,
        Fact::DiseaseCount,
        Fact::Inpatient,
    ];

    /// The request field that gives this fact (the listings name it, so a front end asks it).
    pub fn request_field(self) -> &'static str {
        match self {
            Fact::Age => "birthDate",
            Fact::Tier => "tier",
            Fact::RecognitionDate => "recognizedSince",
            Fact::DiseaseCount => "recognizedDiseases",
            Fact::Inpatient => "inpatientFundPaid",
        }
    }
}

/// A set of [`Fact`]s, as bits: a parameter lacks a few at most, and a set that is `Copy` keeps
/// allocation out of every parameter looked up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Facts(u8);

impl Facts {
    pub fn with(self, fact: Fact) -> Facts {
        Facts(self.0 | 1 << fact as u8)
    }

    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    pub fn union(self, other: Facts) -> Facts {
        Facts(self.0 | other.0)
    }

    pub fn iter(self) -> impl Iterator<Item = Fact> {
        Fact::ALL.into_iter().filter(move |f| self.0 & 1 << *f as u8 != 0)
    }
}

/// A parameter that may depend on scheme, employee status, hospital level, the region's tier and
/// the person's age. A leaf applies to everyone below it, so a flat value is one line; a node
/// splits on one dimension, with an optional `default` arm for the keys it does not list, and —
/// for a tier or an age — the arm that answers when the request does not give it (`unknown`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Table<T> {
    Leaf(Param<T>),
    Node {
        dim: Dim,
        arms: Named<Table<T>>,
        unknown: Option<String>,
    },
}

impl<T> Table<T> {
    /// The leaf for `who`, the key path that led to it (e.g. `employee/working/level2`) and the
    /// facts it needed that `who` lacked. `None` only for a table that validation would have
    /// refused as incomplete.
    pub fn lookup(&self, who: Who<'_>) -> Option<(&Param<T>, String, Facts)> {
        let mut node = self;
        let mut path = String::new();
        let mut lacking = Facts::default();
        loop {
            match node {
                Table::Leaf(p) => return Some((p, path, lacking)),
                Table::Node { dim, arms, unknown } => {
                    // A build whose packs split on neither tier nor age has no code for it.
                    let split = crate::policy::shapes::BUILT.splits && matches!(dim, Dim::Tier | Dim::Age);
                    let (k, next) = match (dim, who.tier, who.age) {
                        _ if !split => {
                            let key = dim.key_for(who);
                            arms.iter()
                                .find(|(k, _)| k == key)
                                .or_else(|| arms.iter().find(|(k, _)| k == "default"))?
                        }
                        (Dim::Tier, None, _) | (Dim::Age, _, None) => {
                            lacking = lacking.with(if *dim == Dim::Tier { Fact::Tier } else { Fact::Age });
                            let key = unknown.as_deref()?;
                            arms.iter().find(|(k, _)| k == key)?
                        }
                        // The band whose first age is the highest not above the person's.
                        (Dim::Age, _, Some(age)) => arms.iter().rev().find(|(k, _)| first_age(k) <= age)?,
                        // A tier the request gives.
                        _ => arms
                            .iter()
                            .find(|(k, _)| Some(k.as_str()) == who.tier)
                            .or_else(|| arms.iter().find(|(k, _)| k == "default"))?,
                    };
                    path.push('/');
                    if split {
                        path.push_str(if *dim == Dim::Tier { "byTier/" } else { "byAge/" });
                    }
                    path.push_str(k);
                    node = next;
                }
            }
        }
    }
}

impl<T> Table<T> {
    /// The facts of the person's this table splits on (an age band, a tier), wherever in it.
    pub fn splits(&self) -> Facts {
        match self {
            Table::Leaf(_) => Facts::default(),
            Table::Node { dim, arms, .. } => {
                let own = match dim {
                    Dim::Age => Facts::default().with(Fact::Age),
                    Dim::Tier => Facts::default().with(Fact::Tier),
                    _ => Facts::default(),
                };
                arms.iter().fold(own, |facts, (_, arm)| facts.union(arm.splits()))
            }
        }
    }
}

/// An age band's first age, from its arm's name (digits; written by the reader).
fn first_age(key: &str) -> u8 {
    key.bytes()
        .try_fold(0u8, |n, b| n.checked_mul(10)?.checked_add(b.checked_sub(b'0')?))
        .unwrap_or(u8::MAX)
}

impl Dim {
    fn key_for(self, who: Who<'_>) -> &str {
        match self {
            Dim::Scheme => match who.scheme {
                Scheme::Employee => "employee",
                Scheme::Resident => "resident",
            },
            // Residents have no working/retired distinction; they read the working (or default) arm.
            Dim::Status => match (who.scheme, who.status) {
                (Scheme::Employee, Status::Retired) => "retired",
                _ => "working",
            },
            Dim::Level => match who.level {
                1 => "level1",
                2 => "level2",
                _ => "level3",
            },
            // Split on only where the build computes splits (`lookup`).
            Dim::Tier | Dim::Age => "",
        }
    }
}
