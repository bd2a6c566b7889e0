//! A request resolved against the loaded policy: which region, which version, which disease.
//! Unknown regions and diseases are errors here; everything else is for the checks to judge.

use crate::error::{Error, ErrorCode};
use crate::policy::{Disease, PolicySet, Region, Version, Who};
use crate::request::Request;
use crate::text::t;

pub struct Situation<'a> {
    pub set: &'a PolicySet,
    pub req: &'a Request,
    pub region: &'a Region,
    /// The version in force on the visit date, if any.
    pub in_force: Option<&'a Version>,
    /// The version consulted: the one in force, else the first (for lists and names before opening).
    pub version: &'a Version,
    /// The disease as this region lists it on that version, if it does.
    pub disease: Option<&'a Disease>,
}

impl<'a> Situation<'a> {
    pub fn resolve(set: &'a PolicySet, req: &'a Request) -> Result<Situation<'a>, Error> {
        let code = &req.insured.region;
        let region = set.region(code).ok_or_else(|| {
            Error::new(
                ErrorCode::UnknownRegion,
                "insured.region",
                t(
                    format!("暂无参保地“{code}”的政策数据，无法试算"),
                    format!("no policy pack is loaded for insured region '{code}'"),
                ),
            )
        })?;
        let disease_id = &req.visit.disease;
        if !set.knows_disease(disease_id) {
            return Err(unknown_disease("visit.disease", disease_id));
        }
        let in_force = region.version_on(req.visit.date);
        let version = in_force
            .or(region.versions.first())
            .ok_or_else(|| Error::policy(vec![]))?;
        let disease = version.disease(disease_id);
        Ok(Situation {
            set,
            req,
            region,
            in_force,
            version,
            disease,
        })
    }

    pub fn who(&self) -> Who {
        Who {
            scheme: self.req.insured.scheme,
            status: self.req.insured.status,
            level: self.req.visit.hospital_level,
        }
    }

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
