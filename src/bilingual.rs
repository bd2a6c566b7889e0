//! Bilingual text: every user-facing string is carried in Simplified Chinese first, then English.

use serde::{Serialize, Serializer};
use std::borrow::Cow;

/// A message in 简体中文 and English.
// Most messages are fixed sentences, borrowed rather than copied: an estimate carries dozens.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct Text {
    #[cfg_attr(test, ts(type = "string"))]
    #[serde(serialize_with = "word")]
    pub zh: Cow<'static, str>,
    #[cfg_attr(test, ts(type = "string"))]
    #[serde(serialize_with = "word")]
    pub en: Cow<'static, str>,
}

/// A fixed sentence or word is serialized as serde's unit variant, which JSON writers write as the
/// same string and serde-wasm-bindgen turns into a JS string once per address, then reuses: an
/// estimate's ≈200 strings were each decoded from UTF-8 on every call, a third of its time.
#[allow(clippy::ptr_arg)] // serde's `serialize_with` passes the field: &Cow
pub(crate) fn word<S: Serializer>(w: &Cow<'static, str>, s: S) -> Result<S::Ok, S::Error> {
    match w {
        Cow::Borrowed(w) => fixed(w, s),
        Cow::Owned(w) => s.serialize_str(w),
    }
}

/// A `&'static str` field, as [`word`].
pub(crate) fn fixed<S: Serializer>(w: &&'static str, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_unit_variant("", 0, w)
}

impl Text {
    pub fn new(zh: impl Into<Cow<'static, str>>, en: impl Into<Cow<'static, str>>) -> Text {
        Text {
            zh: zh.into(),
            en: en.into(),
        }
    }
}

/// Shorthand used throughout the crate: `t(zh, en)`. Not inlined: the engine makes a few hundred
/// messages, and inlined each wrote both `Cow`s out in full (the page's `.wasm` 1 KB raw smaller).
#[inline(never)]
pub(crate) fn t(zh: impl Into<Cow<'static, str>>, en: impl Into<Cow<'static, str>>) -> Text {
    Text::new(zh, en)
}
