//! Bilingual text: every user-facing string is carried in Simplified Chinese first, then English.

use serde::Serialize;

/// A message in 简体中文 and English.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Text {
    pub zh: String,
    pub en: String,
}

impl Text {
    pub fn new(zh: impl Into<String>, en: impl Into<String>) -> Text {
        Text {
            zh: zh.into(),
            en: en.into(),
        }
    }
}

/// Shorthand used throughout the crate: `t(zh, en)`.
pub fn t(zh: impl Into<String>, en: impl Into<String>) -> Text {
    Text::new(zh, en)
}
