//! The words every check may use: a finding's message with its next step, and the next steps
//! several checks share. Below the checks' modules so that they share them without importing
//! each other.

use crate::bilingual::{t, Text};
use crate::eligibility::Action;

pub type Words = (Text, Option<Action>);

pub fn action(
    code: &'static str,
    zh: impl Into<std::borrow::Cow<'static, str>>,
    en: impl Into<std::borrow::Cow<'static, str>>,
) -> Option<Action> {
    Some(Action {
        code,
        message: t(zh, en),
    })
}

pub fn ask_insured_place(zh: &'static str, en: &'static str) -> Option<Action> {
    action("ASK_INSURED_PLACE", zh, en)
}
