//! Typed errors (docs/contract.md "Errors and limits"): a stable code, the path of the offending field and a
//! message in Chinese and English. Bad input never panics and never yields a partial result.

use crate::bilingual::Text;
use serde::Serialize;
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[cfg_attr(test, derive(ts_rs::TS))]
pub enum ErrorCode {
    InvalidInput,
    UnknownRegion,
    UnknownDisease,
    LimitExceeded,
    InvalidPolicy,
}

impl ErrorCode {
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::InvalidInput => "INVALID_INPUT",
            ErrorCode::UnknownRegion => "UNKNOWN_REGION",
            ErrorCode::UnknownDisease => "UNKNOWN_DISEASE",
            ErrorCode::LimitExceeded => "LIMIT_EXCEEDED",
            ErrorCode::InvalidPolicy => "INVALID_POLICY",
        }
    }
}

/// One problem found in a policy pack: where it is and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    /// Index of the pack in the list given to the loader (0 for a single pack).
    pub pack: usize,
    pub path: String,
    pub message: Text,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Error {
    pub code: ErrorCode,
    pub path: String,
    pub message: Text,
    /// For `INVALID_POLICY`: every problem found, not only the first (which `path` names).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub problems: Vec<Problem>,
}

impl Error {
    // Not inlined: the readers make a few hundred refusals, and inlined each wrote the whole
    // `Error` out (the page's `.wasm` 0.5 KB raw smaller).
    #[inline(never)]
    pub fn new(code: ErrorCode, path: impl Into<String>, message: Text) -> Error {
        Error {
            code,
            path: path.into(),
            message,
            problems: Vec::new(),
        }
    }

    pub fn invalid(path: impl Into<String>, message: Text) -> Error {
        Error::new(ErrorCode::InvalidInput, path, message)
    }

    pub fn limit(path: impl Into<String>, message: Text) -> Error {
        Error::new(ErrorCode::LimitExceeded, path, message)
    }

    /// An `INVALID_POLICY` error carrying every problem; `path` and `message` repeat the first.
    pub fn policy(problems: Vec<Problem>) -> Error {
        let (path, message) = match problems.first() {
            Some(p) => (p.path.clone(), p.message.clone()),
            None => (String::new(), crate::bilingual::t("策略包无效", "invalid policy pack")),
        };
        let count = problems.len();
        let message = if count > 1 {
            Text::new(
                format!("{}（共{}处问题）", message.zh, count),
                format!("{} ({} problems in all)", message.en, count),
            )
        } else {
            message
        };
        Error {
            code: ErrorCode::InvalidPolicy,
            path,
            message,
            problems,
        }
    }

    /// The same error seen from an enclosing array, e.g. visit 3 of `estimate_year`: `[3].items`.
    pub fn at_index(mut self, index: usize) -> Error {
        self.path = crate::path::join_index(index, &self.path);
        self
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} at {}: {}", self.code.as_str(), self.path, self.message.en)
    }
}

impl std::error::Error for Error {}
