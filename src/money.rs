//! Exact decimal money and ratios. Amounts are `rust_decimal::Decimal` yuan, never floats;
//! rounding is explicit half-up (四舍五入) to the fen, because `round_dp` alone rounds half-even.

use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Serialize, Serializer};

/// Largest money amount accepted in a request or pack (docs/contract.md: 0 to 100,000,000).
pub const MAX_AMOUNT: Decimal = Decimal::from_parts(100_000_000, 0, 0, false, 0);
/// Longest numeric text accepted, so hostile input cannot make parsing expensive.
const MAX_NUMBER_TEXT: usize = 40;

/// Round half-up (away from zero; every amount here is non-negative) to 0.01 yuan.
pub(crate) fn round_fen(d: Decimal) -> Decimal {
    let mut r = d.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
    r.rescale(2);
    r
}

// Decimal addition and subtraction as calls: rust_decimal inlines its arithmetic at every use.
/// `a − b`, bit for bit, as `a + (−b)`: rust_decimal's `Sub` is its `Add` with the sign flipped
/// inside, and using `Add` alone keeps one copy of that code in the `.wasm` instead of two (1.5 KB
/// raw, 0.5 KB brotli). Zero is not negated: `0 − 0` stays `+0`, as `Sub` leaves it.
#[inline(never)]
pub fn minus(a: Decimal, b: Decimal) -> Decimal {
    plus(a, if b.is_zero() { b } else { -b })
}

/// `a + b` as one call: rust_decimal's addition is always inlined, 1.8 KB of `.wasm` at every `+`
/// and in every `Sum` (which is `+=` in a loop).
#[inline(never)]
pub fn plus(a: Decimal, b: Decimal) -> Decimal {
    a + b
}

/// An amount in yuan; serialized as a string with exactly two decimals ("1234.50").
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(type = "string"))]
pub struct Money(pub Decimal);

impl Money {
    pub const ZERO: Money = Money(Decimal::ZERO);

    /// "1234.50".
    pub fn text(self) -> String {
        let mut d = self.0;
        d.rescale(2);
        decimal_text(d)
    }
}

impl Serialize for Money {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        // The commonest amount by far (a settlement has several): a fixed word, which crosses
        // to JavaScript once (`bilingual::fixed`).
        if self.0.is_zero() {
            return crate::bilingual::fixed(&"0.00", s);
        }
        s.serialize_str(&self.text())
    }
}

/// A reimbursement ratio or share in [0, 1]; serialized without trailing zeros ("0.8").
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(type = "string"))]
pub struct Ratio(pub Decimal);

impl Ratio {
    /// Without trailing zeros, as `Display` of the normalised decimal writes it ("0.8", "1"),
    /// written from the mantissa: `Display` goes through `core::fmt`.
    pub fn text(self) -> String {
        decimal_text(self.0.normalize())
    }

    /// In percent (or percentage points), without trailing zeros: 0.75 → "75", 0.125 → "12.5".
    pub(crate) fn percent(self) -> String {
        decimal_text((self.0 * Decimal::ONE_HUNDRED).normalize())
    }
}

/// A decimal as written, with exactly its scale's fraction digits ("-12.50", "0.8", "75"), at
/// least one digit before the point. Written from the mantissa rather than through `Display`,
/// which goes through `core::fmt`, divides the 96-bit number digit by digit and links
/// rust_decimal's formatter into the .wasm.
pub(crate) fn decimal_text(d: Decimal) -> String {
    let m = d.mantissa();
    let scale = d.scale() as usize;
    // Sign, up to 29 digits, a point, and a leading zero: 32 bytes, built from the end.
    let mut buf = [0u8; 40];
    let mut i = buf.len();
    let mut n = m.unsigned_abs();
    let mut written = 0;
    while (n > 0 || written <= scale) && i > 2 {
        if written == scale && scale > 0 {
            i -= 1;
            buf[i] = b'.';
        }
        // A u128 division is a library call in wasm; amounts fit a u64 many times over.
        let (q, r) = match u64::try_from(n) {
            Ok(k) => (u128::from(k / 10), (k % 10) as u8),
            Err(_) => (n / 10, (n % 10) as u8),
        };
        i -= 1;
        buf[i] = b'0' + r;
        n = q;
        written += 1;
    }
    if m < 0 {
        i -= 1;
        buf[i] = b'-';
    }
    // One UTF-8 check over the ASCII digits: pushing them char by char costs more (measured).
    std::str::from_utf8(buf.get(i..).unwrap_or(&[]))
        .unwrap_or("")
        .to_string()
}

impl Serialize for Ratio {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.text())
    }
}

/// Why a number was refused; the caller turns it into a message with the field's path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NumberProblem {
    NotANumber,
    Negative,
    TooManyDecimals,
    TooLarge,
}

/// Parse decimal text: ASCII digits with an optional fraction; exponents only when `exponent`
/// is allowed (JSON numbers such as `1e2`, never strings such as "1e2").
pub(crate) fn parse_decimal(text: &str, max_scale: u32, exponent: bool) -> Result<Decimal, NumberProblem> {
    if text.is_empty() || text.len() > MAX_NUMBER_TEXT {
        return Err(
            if text.len() > MAX_NUMBER_TEXT && text.bytes().all(|b| b.is_ascii_digit()) {
                NumberProblem::TooLarge
            } else {
                NumberProblem::NotANumber
            },
        );
    }
    let (negative, body) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let value = if exponent && body.contains(['e', 'E']) {
        parse_scientific(body)?
    } else {
        parse_plain(body)?
    };
    if negative && !value.is_zero() {
        return Err(NumberProblem::Negative);
    }
    let value = value.normalize();
    if value.scale() > max_scale {
        return Err(NumberProblem::TooManyDecimals);
    }
    Ok(value)
}

fn parse_plain(body: &str) -> Result<Decimal, NumberProblem> {
    // Byte by byte: the text is ASCII digits once checked, and `str`'s char patterns (split,
    // trim) would link UTF-8 decoding into the page's `.wasm` for nothing.
    let b = body.as_bytes();
    let (int, frac) = match b.iter().position(|&c| c == b'.') {
        Some(i) => (b.get(..i).unwrap_or_default(), Some(b.get(i + 1..).unwrap_or_default())),
        None => (b, None),
    };
    let digits = |s: &[u8]| !s.is_empty() && s.iter().all(u8::is_ascii_digit);
    if !digits(int) || frac.is_some_and(|f| !digits(f)) {
        return Err(NumberProblem::NotANumber);
    }
    // More than 12 integer digits is beyond any accepted amount; refuse before anything overflows.
    let mut int = int;
    while let [b'0', rest @ ..] = int {
        int = rest;
    }
    let mut frac = frac.unwrap_or_default();
    while let [rest @ .., b'0'] = frac {
        frac = rest;
    }
    if int.len() > 12 {
        return Err(NumberProblem::TooLarge);
    }
    if frac.len() > 12 {
        return Err(NumberProblem::TooManyDecimals);
    }
    // Built from its digits rather than through `Decimal::from_str`, which also carries a
    // scientific-notation parser the WebAssembly build does not need.
    let mantissa = int
        .iter()
        .chain(frac)
        .fold(0i128, |m, &b| m * 10 + i128::from(b - b'0'));
    Decimal::try_from_i128_with_scale(mantissa, frac.len() as u32).map_err(|_| NumberProblem::TooLarge)
}

fn parse_scientific(body: &str) -> Result<Decimal, NumberProblem> {
    let Some((mantissa, exp)) = body.split_once(['e', 'E']) else {
        return Err(NumberProblem::NotANumber);
    };
    let exp: i64 = exp
        .strip_prefix('+')
        .unwrap_or(exp)
        .parse()
        .map_err(|_| NumberProblem::NotANumber)?;
    let m = parse_plain(mantissa)?;
    if m.is_zero() {
        return Ok(Decimal::ZERO);
    }
    if exp > 12 {
        return Err(NumberProblem::TooLarge);
    }
    if exp < -12 {
        return Err(NumberProblem::TooManyDecimals);
    }
    let mut value = m;
    if exp >= 0 {
        value = value
            .checked_mul(Decimal::from(10i64.pow(exp as u32)))
            .ok_or(NumberProblem::TooLarge)?;
    } else {
        // Moving the decimal point left is exact: only the scale changes.
        value
            .set_scale(value.scale() + exp.unsigned_abs() as u32)
            .map_err(|_| NumberProblem::TooManyDecimals)?;
    }
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The texts written from the mantissa are `Display`'s, for any value and scale.
        #[test]
        fn texts_are_what_display_writes(m in any::<i64>(), big in any::<i128>(), scale in 0u32..29) {
            for mantissa in [i128::from(m), big >> 32, i128::from(m % 100_000)] {
                let d = Decimal::from_i128_with_scale(mantissa, scale);
                let mut fen = d;
                fen.rescale(2);
                if !fen.is_zero() && fen.scale() == 2 {
                    prop_assert_eq!(Money(d).text(), fen.to_string());
                }
                prop_assert_eq!(Ratio(d).text(), d.normalize().to_string());
            }
        }
    }

    /// A decimal from its text; the tests' texts are all valid, and an invalid one fails its test.
    fn d(s: &str) -> Decimal {
        s.parse().unwrap_or(Decimal::MAX)
    }

    #[test]
    fn decimal_text_writes_what_display_writes() {
        let texts = [
            "0",
            "-0",
            "7",
            "-7",
            "0.8",
            "0.80",
            "0.0001",
            "-0.05",
            "12.5",
            "100",
            "4003.50",
            "99999999.99",
            "-100000000.00",
            "0.000000000000000000000000001",
            "79228162514264337593543950335",
        ];
        for text in texts {
            let v = d(text);
            assert_eq!(decimal_text(v), v.to_string(), "{text}");
            assert_eq!(
                decimal_text(v.normalize()),
                v.normalize().to_string(),
                "{text} normalized"
            );
        }
        assert_eq!(Ratio(d("0.75")).percent(), "75");
        assert_eq!(Ratio(d("0.125")).percent(), "12.5");
        assert_eq!(Ratio(d("0.10")).text(), "0.1");
    }

    #[test]
    fn money_text_has_exactly_two_decimals() {
        for (v, want) in [
            ("0", "0.00"),
            ("0.5", "0.50"),
            ("7", "7.00"),
            ("1234.5", "1234.50"),
            ("100000000", "100000000.00"),
            ("0.05", "0.05"),
            ("-12.3", "-12.30"),
        ] {
            assert_eq!(Money(d(v)).text(), want, "{v}");
        }
    }

    #[test]
    fn rounds_half_up_not_half_even() {
        assert_eq!(round_fen(d("0.125")).to_string(), "0.13");
        assert_eq!(round_fen(d("0.135")).to_string(), "0.14");
        assert_eq!(round_fen(d("2.5")).to_string(), "2.50");
        assert_eq!(round_fen(d("0.124999")).to_string(), "0.12");
    }

    #[test]
    fn parses_only_plain_decimals() {
        assert_eq!(parse_decimal("860.5", 2, false), Ok(d("860.5")));
        assert_eq!(parse_decimal("1.500", 2, false), Ok(d("1.5")));
        assert_eq!(parse_decimal("1.005", 2, false), Err(NumberProblem::TooManyDecimals));
        assert_eq!(parse_decimal("-5", 2, false), Err(NumberProblem::Negative));
        assert_eq!(parse_decimal("-0", 2, false), Ok(Decimal::ZERO));
        for bad in ["", "NaN", "Infinity", "1e5", " 1", "1,000", "１２", ".5", "5.", "0x10"] {
            assert_eq!(parse_decimal(bad, 2, false), Err(NumberProblem::NotANumber), "{bad}");
        }
        assert_eq!(parse_decimal("1e400", 2, true), Err(NumberProblem::TooLarge));
        assert_eq!(parse_decimal("1e-7", 2, true), Err(NumberProblem::TooManyDecimals));
        assert_eq!(parse_decimal("1.5E2", 2, true), Ok(d("150")));
        assert_eq!(
            parse_decimal("99999999999999999999999", 2, false),
            Err(NumberProblem::TooLarge)
        );
    }
}

#[cfg(test)]
mod arithmetic {
    use super::minus;
    use rust_decimal::Decimal;

    /// `minus` must be `Sub` to the bit: value, scale and the sign of zero, on every path of
    /// rust_decimal's addition (small, 64-bit, 96-bit, unaligned scales, zeros, negatives).
    #[test]
    fn minus_is_sub_to_the_bit() {
        let texts = [
            "0",
            "-0",
            "0.00",
            "1",
            "-1",
            "0.01",
            "7500.00",
            "10000",
            "0.75",
            "0.1",
            "-0.15",
            "4294967295",
            "4294967296",
            "18446744073709551616",
            "123456789012345678901234.5678",
            "-99999999999999999999999.99",
            "0.0000000000000000000000000001",
            "3000",
            "2999.99",
        ];
        let values: Vec<Decimal> = texts.iter().filter_map(|t| t.parse().ok()).collect();
        assert_eq!(values.len(), texts.len());
        let negative_zero = -Decimal::ZERO;
        for &a in values.iter().chain([&negative_zero]) {
            for &b in values.iter().chain([&negative_zero]) {
                let Some(expected) = a.checked_sub(b) else { continue };
                let got = minus(a, b);
                assert_eq!(got.serialize(), expected.serialize(), "{a} − {b}");
            }
        }
    }
}
