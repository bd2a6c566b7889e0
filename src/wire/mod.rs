//! The wire layer: requests, visits and manifests as JSON (text or parsed), read into the core's
//! types, and the engine's operations called on them — what the wasm facade, the CLI and other
//! hosts speak. The core ([`Engine`] and the modules under it) knows [`Request`]s and
//! [`Manifest`]s, never JSON texts or their size limits. As in Cedar, where `cedar-policy-core`
//! decides and its `ffi` layer reads and writes JSON for the bindings.
//!
//! [`Wire`] is an extension trait, so a host keeps writing `engine.estimate_text(text)` once it
//! has `use yibao_policy::wire::Wire` in scope.

use crate::bilingual::t;
use crate::eligibility::Eligibility;
use crate::error::Error;
use crate::estimate::{Decision, Estimate};
#[cfg(feature = "maintainer")]
use crate::json::Obj;
use crate::json::{Kind, Tape, Value};
use crate::limits::{MAX_REQUEST_BYTES, MAX_VISITS, MAX_YEAR_BYTES};
use crate::national_fields::NationalField;
#[cfg(feature = "maintainer")]
use crate::policy::Manifest;
use crate::request::{Lines, Request};
use crate::Engine;

/// The engine's operations on JSON: each reads its input (refusing it with the offending
/// field's path), then calls the core.
pub trait Wire: Sized {
    fn estimate_json(&self, req: &Value) -> Result<Estimate, Error>;
    fn estimate_text(&self, text: &str) -> Result<Estimate, Error>;
    fn settle_json(&self, req: &Value) -> Result<Decision, Error>;
    fn settle_text(&self, text: &str) -> Result<Decision, Error>;
    /// Eligibility only; cost lines are optional here.
    fn check_eligibility_json(&self, req: &Value) -> Result<Eligibility, Error>;
    fn check_eligibility_text(&self, text: &str) -> Result<Eligibility, Error>;
    /// `visits`: a JSON array of requests in date order; error paths start with `[i]`.
    fn estimate_year_json(&self, visits: &Value) -> Result<Vec<Estimate>, Error>;
    fn estimate_year_text(&self, text: &str) -> Result<Vec<Estimate>, Error>;
    fn national_fields_json(&self, req: &Value) -> Result<Vec<NationalField>, Error>;
    fn national_fields_text(&self, text: &str) -> Result<Vec<NationalField>, Error>;
}

impl Wire for Engine {
    fn estimate_json(&self, req: &Value) -> Result<Estimate, Error> {
        self.estimate(&Request::from_json(req, Lines::Required)?)
    }

    fn estimate_text(&self, text: &str) -> Result<Estimate, Error> {
        self.estimate(&read_request(text, Lines::Required)?)
    }

    fn settle_json(&self, req: &Value) -> Result<Decision, Error> {
        self.settle(&Request::from_json(req, Lines::Required)?)
    }

    fn settle_text(&self, text: &str) -> Result<Decision, Error> {
        self.settle(&read_request(text, Lines::Required)?)
    }

    fn check_eligibility_json(&self, req: &Value) -> Result<Eligibility, Error> {
        self.check_eligibility(&Request::from_json(req, Lines::Optional)?)
    }

    fn check_eligibility_text(&self, text: &str) -> Result<Eligibility, Error> {
        self.check_eligibility(&read_request(text, Lines::Optional)?)
    }

    fn estimate_year_json(&self, visits: &Value) -> Result<Vec<Estimate>, Error> {
        self.estimate_year(&visits_from_tape(&Tape::of_value(visits))?)
    }

    fn estimate_year_text(&self, text: &str) -> Result<Vec<Estimate>, Error> {
        self.estimate_year(&read_visits(text)?)
    }

    fn national_fields_json(&self, req: &Value) -> Result<Vec<NationalField>, Error> {
        self.national_fields(&Request::from_json(req, Lines::Required)?)
    }

    fn national_fields_text(&self, text: &str) -> Result<Vec<NationalField>, Error> {
        self.national_fields(&read_request(text, Lines::Required)?)
    }
}

/// Parse request JSON text, refusing oversize text before parsing it.
pub fn parse_text(text: &str, max_bytes: usize) -> Result<Value, Error> {
    Ok(tape_of(text, max_bytes)?.to_value())
}

/// A request read from its JSON text, with no [`Value`] tree in between: the text's values on a
/// tape (borrowing the text), then the request's fields from the tape.
pub fn read_request(text: &str, lines: Lines) -> Result<Request, Error> {
    Request::from_tape(&tape_of(text, MAX_REQUEST_BYTES)?, 0, lines)
}

/// JSON text on a tape, refusing oversize text before parsing it.
fn tape_of(text: &str, max_bytes: usize) -> Result<Tape<'_>, Error> {
    if text.len() > max_bytes {
        return Err(Error::limit(
            "",
            t(
                format!("请求过大（最多{max_bytes}字节）"),
                format!("request too large (at most {max_bytes} bytes)"),
            ),
        ));
    }
    Tape::parse(text)
}

/// A year's visits read from their JSON text (see [`visits_from_tape`]).
pub fn read_visits(text: &str) -> Result<Vec<Request>, Error> {
    visits_from_tape(&tape_of(text, MAX_YEAR_BYTES)?)
}

/// A year's visits: a non-empty array of at most [`MAX_VISITS`] requests.
fn visits_from_tape(tape: &Tape<'_>) -> Result<Vec<Request>, Error> {
    let kind = tape.node(0).map_or(Kind::Null, |n| n.kind);
    if kind != Kind::Array {
        return Err(crate::json::wrong_kind(
            "",
            crate::json::kind_name(kind),
            "就诊请求数组",
            "an array of visit requests",
        ));
    }
    let len = tape.members(0).count();
    if len > MAX_VISITS {
        return Err(Error::limit(
            "",
            t(
                // MAX_VISITS written out (tests/limits.rs checks they agree)
                "最多1000次就诊",
                "at most 1000 visits",
            ),
        ));
    }
    if len == 0 {
        return Err(Error::invalid(
            "",
            t("至少需要一次就诊", "at least one visit is needed"),
        ));
    }
    let mut out = Vec::with_capacity(len);
    for (i, v) in tape.members(0).enumerate() {
        out.push(Request::from_tape(tape, v, Lines::Required).map_err(|e| e.at_index(i))?);
    }
    Ok(out)
}

/// A pinned manifest, `{ "<pack id>": "sha256:<64 hex>", … }`.
#[cfg(feature = "maintainer")]
pub fn read_manifest(v: &Value) -> Result<Manifest, Error> {
    let o = Obj::new(v, "manifest")?;
    // Its values are digests (strings): a key written twice can only be at the top.
    if let Some(id) = o.map.repeated().first() {
        return Err(crate::json::repeated_key(&o.at(id), id));
    }
    let mut digests = Vec::new();
    for (id, d) in o.map {
        let digest = crate::json::string(d, &o.at(id), 100)?;
        let hex = digest.strip_prefix("sha256:").unwrap_or("");
        if hex.len() != 64 || !hex.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b)) {
            return Err(Error::invalid(
                o.at(id),
                t(
                    "摘要应为 sha256: 加64位小写十六进制",
                    "a digest is 'sha256:' and 64 lowercase hex digits",
                ),
            ));
        }
        digests.push((id.clone(), digest.to_string()));
    }
    Ok(Manifest { digests })
}

pub mod names;
