//! Bilingual text: every user-facing string is carried in Simplified Chinese first, then English.

use serde::Serialize;
use std::borrow::Cow;

/// A message in 简体中文 and English.
// Most messages are fixed sentences, borrowed rather than copied: an estimate carries dozens.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct Text {
    #[cfg_attr(test, ts(type = "string"))]
    pub zh: Cow<'static, str>,
    #[cfg_attr(test, ts(type = "string"))]
    pub en: Cow<'static, str>,
}

impl Text {
    pub fn new(zh: impl Into<Cow<'static, str>>, en: impl Into<Cow<'static, str>>) -> Text {
        Text {
            zh: zh.into(),
            en: en.into(),
        }
    }
}

/// Shorthand used throughout the crate: `t(zh, en)`.
pub(crate) fn t(zh: impl Into<Cow<'static, str>>, en: impl Into<Cow<'static, str>>) -> Text {
    Text::new(zh, en)
}
