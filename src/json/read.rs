//! Reading one scalar with its path: strings, money, ratios, dates, division codes and fixed
//! words, refused with a bilingual message at the field that holds them — what the request's
//! [`Fields`](super::Fields) and the packs' readers read with — and the refusals of keys written
//! twice.

use super::fail::{Fail, Res};
use super::scalar::{Scalar, TypeName};
use super::value::Value;
use crate::bilingual::t;
use crate::date::Date;
use crate::error::Error;
use crate::money::{parse_decimal, NumberProblem, MAX_AMOUNT};
use crate::path::At;
use rust_decimal::Decimal;

pub(crate) fn wrong_kind(path: &str, (zh, en): TypeName, want_zh: &str, want_en: &str) -> Error {
    Error::invalid(
        path,
        t(
            format!("应为{want_zh}，实际为{zh}"),
            format!("must be {want_en}, not {en}"),
        ),
    )
}

/// The refusal of a key written twice, at its path.
pub(crate) fn repeated_key(path: &str, key: &str) -> Error {
    Error::invalid(
        path,
        t(
            format!("键名“{key}”重复出现，无法确定用哪一个值"),
            format!("key '{key}' appears more than once: which value is meant is unclear"),
        ),
    )
}

pub(crate) fn missing(path: &str, key: &str) -> Fail {
    Box::new(Error::invalid(
        path,
        t(
            format!("缺少必填项 {key}"),
            format!("required field '{key}' is missing"),
        ),
    ))
}

pub(crate) fn string<'a>(v: &'a Value, path: &str, max_chars: usize) -> Result<&'a str, Error> {
    Ok(string_at(v.scalar(), &At::Text(path), max_chars)?)
}

pub(crate) fn string_at<'a>(v: Scalar<'a>, at: &At<'_>, max_chars: usize) -> Res<&'a str> {
    match v {
        Scalar::Str(s) => {
            // Byte length bounds the character count from above: count only when it might matter.
            if s.len() > max_chars && char_count(s) > max_chars {
                return Err(Box::new(Error::limit(
                    at.render(),
                    t(
                        format!("文本过长（最多{max_chars}个字符）"),
                        format!("text too long (at most {max_chars} characters)"),
                    ),
                )));
            }
            Ok(s)
        }
        other => Err(Box::new(wrong_kind(&at.render(), other.name(), "文本", "a string"))),
    }
}

/// Characters in `s`: its bytes that do not begin a UTF-8 continuation. A plain loop, where
/// `chars().count()` brings its vectorised routine into the wasm (with `word_list`, 0.8 KB).
pub(crate) fn char_count(s: &str) -> usize {
    s.bytes().filter(|&b| (b & 0xC0) != 0x80).count()
}

/// `a, b, c`, for messages that list what is allowed: a plain loop rather than `[&str]::join`.
pub(crate) fn word_list(words: &[&str]) -> String {
    let mut out = String::new();
    for (i, w) in words.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(w);
    }
    out
}

fn number(v: Scalar<'_>, at: &At<'_>, max_scale: u32, max: Decimal, what: (&str, &str)) -> Res<Decimal> {
    // Exponents only in JSON numbers (1e2), never in strings ("1e2" is refused).
    let (text, exponent) = match v {
        Scalar::Str(s) => (s, false),
        Scalar::Num(n) => (n, true),
        Scalar::Other(name) => {
            return Err(Box::new(wrong_kind(
                &at.render(),
                name,
                "数字或数字文本",
                "a number or a numeric string",
            )))
        }
    };
    let problem = match parse_decimal(text, max_scale, exponent) {
        Ok(d) if d <= max => return Ok(d),
        Ok(_) => NumberProblem::TooLarge,
        Err(p) => p,
    };
    let (zh, en) = what;
    let message = match problem {
        NumberProblem::NotANumber => t(
            format!("{zh}不是有效的数字（请用半角数字，如 1234.56）"),
            format!("{en} is not a valid number (use plain digits, e.g. 1234.56)"),
        ),
        NumberProblem::Negative => t(format!("{zh}不能为负数"), format!("{en} must not be negative")),
        NumberProblem::TooManyDecimals => t(
            format!("{zh}最多{max_scale}位小数"),
            format!("{en} has more than {max_scale} decimals"),
        ),
        NumberProblem::TooLarge => {
            let max = crate::money::decimal_text(max);
            t(format!("{zh}不能超过{max}"), format!("{en} must not exceed {max}"))
        }
    };
    Err(Box::new(Error::invalid(at.render(), message)))
}

pub(crate) fn money_at(v: Scalar<'_>, at: &At<'_>) -> Res<Decimal> {
    number(v, at, 2, MAX_AMOUNT, ("金额", "amount"))
}

pub(crate) fn ratio_at(v: Scalar<'_>, at: &At<'_>) -> Res<Decimal> {
    number(v, at, 4, Decimal::ONE, ("比例", "ratio"))
}

/// A whole number from 0 to `max` (an age, a month of a schedule), as a number or numeric text.
pub(crate) fn whole_at(v: Scalar<'_>, at: &At<'_>, max: u16, what: (&str, &str)) -> Res<u16> {
    let d = number(v, at, 0, Decimal::from(max), what)?;
    u16::try_from(d.mantissa()).map_err(|_| Box::new(Error::invalid(at.render(), t("不是整数", "not a whole number"))))
}

#[cfg(feature = "maintainer")]
pub(crate) fn whole(v: &Value, path: &str, max: u16, what: (&str, &str)) -> Result<u16, Error> {
    Ok(whole_at(v.scalar(), &At::Text(path), max, what)?)
}

pub(crate) fn date(v: &Value, path: &str) -> Result<Date, Error> {
    Ok(date_at(v.scalar(), &At::Text(path))?)
}

pub(crate) fn date_at(v: Scalar<'_>, at: &At<'_>) -> Res<Date> {
    let s = string_at(v, at, 32)?;
    Date::parse(s).ok_or_else(|| {
        Box::new(Error::invalid(
            at.render(),
            t(
                format!("日期“{s}”无效，应为 YYYY-MM-DD"),
                format!("date '{s}' is not a valid YYYY-MM-DD date"),
            ),
        ))
    })
}

/// A 6-digit administrative division code (行政区划代码) whose first two digits name a province.
pub(crate) fn division_code<'a>(v: &'a Value, path: &str) -> Result<&'a str, Error> {
    Ok(division_code_at(v.scalar(), &At::Text(path))?)
}

pub(crate) fn division_code_at<'a>(v: Scalar<'a>, at: &At<'_>) -> Res<&'a str> {
    let s = string_at(v, at, 16)?;
    if crate::divisions::codes::is_division_code(s) {
        Ok(s)
    } else {
        Err(Box::new(Error::invalid(
            at.render(),
            t(
                format!("“{s}”不是有效的6位行政区划代码"),
                format!("'{s}' is not a valid 6-digit administrative division code"),
            ),
        )))
    }
}

pub(crate) fn one_of_at<'a>(v: Scalar<'_>, at: &At<'_>, allowed: &[&'a str]) -> Res<&'a str> {
    let s = string_at(v, at, 64)?;
    allowed.iter().copied().find(|a| *a == s).ok_or_else(|| {
        let list = word_list(allowed);
        Box::new(Error::invalid(
            at.render(),
            t(
                format!("“{s}”无效，可选值：{list}"),
                format!("'{s}' is not one of: {list}"),
            ),
        ))
    })
}
