//! The national floor under every pack (docs/calculation.md §8): which diseases a region covers
//! and who prices them — the pack for a disease it lists, the person's terms for a national
//! disease it neither lists nor excludes, and under the baseline for every disease.

use super::{OwnTerms, Pricing};
use crate::bilingual::Text;
use crate::date::Date;
use crate::policy::model::Version;
use crate::policy::national::{self, national_disease, national_on};
use crate::policy::set::PolicySet;
use crate::policy::Provenance;
use crate::vocabulary::CheckStatus;

/// Coverage and pricing of disease `id` for a region with no pack, on the visit's date.
pub(super) fn baseline<'a>(
    id: &str,
    date: Date,
    name: Text,
    own: impl Fn() -> Option<OwnTerms<'a>>,
) -> (Coverage, Pricing<'a>) {
    let coverage = match (national_on(id, date), national_disease(id)) {
        (Some(_), _) => Coverage::National(name),
        (None, Some(d)) => Coverage::NotYetNational(name, d.from),
        (None, None) => Coverage::Unconfirmed(name),
    };
    (coverage, Pricing::Own(own()))
}

/// Coverage and pricing of disease `id` under a pack's version.
pub(super) fn decide<'a>(
    version: &'a Version,
    id: &str,
    date: Date,
    name: Text,
    own: impl Fn() -> Option<OwnTerms<'a>>,
) -> (Coverage, Pricing<'a>) {
    match (version.disease(id), version.excluded(id), national_on(id, date)) {
        (Some(d), _, _) => {
            // The person's terms matter only for what the pack leaves to them.
            let own = if d.left_to_terms().is_empty() { None } else { own() };
            (Coverage::Listed(d.name.clone()), Pricing::Pack(d, own))
        }
        (None, Some(stated), _) => (
            Coverage::Excluded {
                name,
                source: stated.source.clone(),
            },
            Pricing::Nothing,
        ),
        (None, None, Some(_)) => (Coverage::NationalUnlisted(name), Pricing::Own(own())),
        (None, None, None) => (Coverage::NotListed(name), Pricing::Nothing),
    }
}

/// Whether the visit's disease is covered, and on what ground (for DISEASE_COVERED's words).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Coverage {
    /// The region lists it.
    Listed(Text),
    /// One of the five national diseases, for a region whose own list is not known.
    National(Text),
    /// One of the five, which the region's list leaves out without excluding it (docs/calculation.md §8).
    NationalUnlisted(Text),
    /// Not one of the five, for a region whose own list is not known: it may list it.
    Unconfirmed(Text),
    /// On the national list only from this date, after the visit, for a region whose own list is
    /// not known: it may have settled it earlier (a regional pilot).
    NotYetNational(Text, Date),
    /// The region states that it does not settle it across provinces.
    Excluded { name: Text, source: Option<String> },
    /// The region's list leaves it out and it is not one of the five.
    NotListed(Text),
}

impl Coverage {
    pub fn status(&self) -> CheckStatus {
        match self {
            Coverage::Listed(_) | Coverage::National(_) => CheckStatus::Pass,
            Coverage::NationalUnlisted(_) | Coverage::Unconfirmed(_) | Coverage::NotYetNational(..) => {
                CheckStatus::Warn
            }
            Coverage::Excluded { .. } | Coverage::NotListed(_) => CheckStatus::Fail,
        }
    }
}

/// What a region lists on a date, for pickers (docs/calculation.md §8): the pack version in force,
/// else the first (what will open), with the date of the national list it adds — the visit date,
/// or the opening date for what will open; under the baseline (`None`) the national list on that
/// date, or at the national start before it. `Some(None)` for a pack region without versions;
/// `None` for a code that is neither a pack region nor a mainland one.
pub fn listing_on<'a>(set: &'a PolicySet, code: &str, date: Date) -> Option<Option<(Option<&'a Version>, Date)>> {
    let Some(r) = set.covering_region(code) else {
        // Before the national start, what will open (as for a pack before its opening date).
        let on = date.max(national::start());
        return national::is_baseline_region(code).then_some(Some((None, on)));
    };
    // Before the opening date, list what will open, as the checks do.
    let in_force = r.version_on(date);
    let Some(version) = in_force.or(r.versions.first()) else {
        return Some(None);
    };
    // The national list on the visit date, or on the opening date for what will open.
    let on = if in_force.is_some() { date } else { version.from };
    Some(Some((Some(version), on)))
}

/// A pack version's own diseases, then those of the national list on `on` it neither lists nor
/// excludes; under the baseline (`None`), the national list on `on`.
pub fn listed(version: Option<&Version>, on: Date) -> Vec<ListedDisease> {
    let national = |d: &national::NationalDisease| ListedDisease {
        id: d.id.to_string(),
        name: d.name(),
        pinyin: Some(d.pinyin.to_string()),
        provenance: d.provenance,
        pool: None,
    };
    let Some(version) = version else {
        return national::list_on(on).map(national).collect();
    };
    let mut out: Vec<ListedDisease> = version
        .diseases
        .iter()
        .map(|(id, d)| {
            let shared = version.diseases.iter().filter(|(_, o)| o.limit == d.limit).count() > 1;
            ListedDisease {
                id: id.clone(),
                name: d.name.clone(),
                pinyin: d.pinyin.clone(),
                provenance: d.provenance,
                pool: version.limit(&d.limit).filter(|_| shared).and_then(|l| l.name.clone()),
            }
        })
        .collect();
    out.extend(
        national::list_on(on)
            .filter(|d| version.disease(d.id).is_none() && version.excluded(d.id).is_none())
            .map(national),
    );
    out
}

/// A disease as a picker lists it.
pub struct ListedDisease {
    pub id: String,
    pub name: Text,
    pub pinyin: Option<String>,
    pub provenance: Provenance,
    /// The shared pool's name when the disease shares its limit with others.
    pub pool: Option<Text>,
}
