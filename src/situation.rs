//! A request resolved against the loaded policy: which policy source answers for the insured
//! region — a pack (the region's own, or its prefecture's for a county code) or the national
//! baseline — which version, which disease. Unknown regions and diseases are errors here;
//! everything else is for the checks to judge.

use crate::baseline;
use crate::bilingual::{t, Text};
use crate::error::{Error, ErrorCode};
use crate::policy::{Disease, PolicySet, Region, Version, Who};
use crate::request::Request;

/// The policy a pack states for the visit.
pub struct PackPolicy<'a> {
    pub region: &'a Region,
    /// The version in force on the visit date, if any.
    pub in_force: Option<&'a Version>,
    /// The version consulted: the one in force, else the first (for lists and names before opening).
    pub version: &'a Version,
    /// The disease as this region lists it on that version, if it does.
    pub disease: Option<&'a Disease>,
}

/// Where the insured place's policy comes from.
pub enum Source<'a> {
    Pack(PackPolicy<'a>),
    /// No pack covers the region: national rules and the person's own terms.
    Baseline,
}

pub struct Situation<'a> {
    pub set: &'a PolicySet,
    pub req: &'a Request,
    /// The insured region answered for: a pack region's code, or the request's own.
    pub code: &'a str,
    pub name: Text,
    pub source: Source<'a>,
}

impl<'a> Situation<'a> {
    pub fn resolve(set: &'a PolicySet, req: &'a Request) -> Result<Situation<'a>, Error> {
        let code = req.insured.region.as_str();
        let disease_id = &req.visit.disease;
        let region = set.covering_region(code);
        if region.is_none() && !baseline::is_baseline_region(code) {
            return Err(baseline::unknown_region("insured.region", code));
        }
        if !set.knows_disease(disease_id) {
            return Err(unknown_disease("visit.disease", disease_id));
        }
        let Some(region) = region else {
            return Ok(Situation {
                set,
                req,
                code,
                name: baseline::region_name(code),
                source: Source::Baseline,
            });
        };
        let in_force = region.version_on(req.visit.date);
        let version = in_force
            .or(region.versions.first())
            .ok_or_else(|| Error::policy(vec![]))?;
        Ok(Situation {
            set,
            req,
            code: &region.code,
            name: region.name.clone(),
            source: Source::Pack(PackPolicy {
                region,
                in_force,
                version,
                disease: version.disease(disease_id),
            }),
        })
    }

    pub fn pack(&self) -> Option<&PackPolicy<'a>> {
        match &self.source {
            Source::Pack(p) => Some(p),
            Source::Baseline => None,
        }
    }

    pub fn who(&self) -> Who {
        Who {
            scheme: self.req.insured.scheme,
            status: self.req.insured.status,
            level: self.req.visit.hospital_level,
        }
    }
}

impl PackPolicy<'_> {
    /// The prefix of rule ids: `653200/2025-01-01`.
    pub fn rule_prefix(&self) -> String {
        format!("{}/{}", self.region.code, self.version.from)
    }
}

fn unknown_disease(path: &str, id: &str) -> Error {
    Error::new(
        ErrorCode::UnknownDisease,
        path,
        t(
            format!("未知病种“{id}”：已加载的政策中没有该病种"),
            format!("unknown disease '{id}': no loaded policy lists it"),
        ),
    )
}
