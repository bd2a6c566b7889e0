//! Pack digests: SHA-256 over the pack's canonical JSON (RFC 8785, JCS), so the same pack has the
//! same digest whether it arrives as a file, as a JavaScript object or re-indented — and a host
//! that pins digests can refuse a pack that was tampered with.

use crate::json::Value;
use sha2::{Digest, Sha256};

/// `sha256:` followed by 64 lowercase hex digits.
pub fn digest(pack: &Value) -> String {
    let mut canonical = String::new();
    write_canonical(pack, &mut canonical);
    let hash = Sha256::digest(canonical.as_bytes());
    let mut out = String::with_capacity(7 + 64);
    out.push_str("sha256:");
    for b in hash {
        out.push(char::from(HEX[usize::from(b >> 4)]));
        out.push(char::from(HEX[usize::from(b & 15)]));
    }
    out
}

const HEX: &[u8; 16] = b"0123456789abcdef";

/// JCS: keys sorted by UTF-16 code units, no whitespace, minimal string escapes, numbers as
/// ECMAScript prints them (so 0.10 and 0.1 are the same number, as they are to JSON.parse).
pub(crate) fn write_canonical(v: &Value, out: &mut String) {
    match v {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => write_number(n, out),
        Value::String(s) => write_string(s, out),
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_canonical(item, out);
            }
            out.push(']');
        }
        Value::Object(map) => {
            out.push('{');
            // The map's index is already in JCS order (UTF-16 code units).
            for (i, (k, v)) in map.iter_sorted().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_string(k, out);
                out.push(':');
                write_canonical(v, out);
            }
            out.push('}');
        }
    }
}

fn write_string(s: &str, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\u{8}' => out.push_str("\\b"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\u{c}' => out.push_str("\\f"),
            '\r' => out.push_str("\\r"),
            c if u32::from(c) < 0x20 => {
                let n = u32::from(c) as usize;
                out.push_str("\\u00");
                out.push(char::from(HEX[n >> 4]));
                out.push(char::from(HEX[n & 15]));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// ECMAScript `Number.prototype.toString` of a JSON number, worked out on its decimal text.
/// Valid pack numbers have at most 13 significant digits, which a double holds exactly, so the
/// text is the double's shortest form; no float code is linked into the WebAssembly build.
fn write_number(text: &str, out: &mut String) {
    let (negative, body) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (mantissa, exp) = match body.split_once(['e', 'E']) {
        Some((m, e)) => (m, e.strip_prefix('+').unwrap_or(e).parse::<i32>().unwrap_or(0)),
        None => (body, 0),
    };
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    // value = 0.digits × 10^n, with digits free of leading and trailing zeros.
    let all: String = [int, frac].concat();
    let leading = all.bytes().take_while(|&b| b == b'0').count();
    let digits = all.get(leading..).unwrap_or("").trim_end_matches('0');
    if digits.is_empty() {
        out.push('0');
        return;
    }
    let k = digits.len() as i32;
    let n = int.len() as i32 - leading as i32 + exp;
    if negative {
        out.push('-');
    }
    if k <= n && n <= 21 {
        out.push_str(digits);
        out.extend(std::iter::repeat_n('0', (n - k) as usize));
    } else if 0 < n && n <= 21 {
        out.push_str(digits.get(..n as usize).unwrap_or(""));
        out.push('.');
        out.push_str(digits.get(n as usize..).unwrap_or(""));
    } else if -6 < n && n <= 0 {
        out.push_str("0.");
        out.extend(std::iter::repeat_n('0', (-n) as usize));
        out.push_str(digits);
    } else {
        out.push_str(digits.get(..1).unwrap_or(""));
        if k > 1 {
            out.push('.');
            out.push_str(digits.get(1..).unwrap_or(""));
        }
        out.push('e');
        out.push(if n > 0 { '+' } else { '-' });
        out.push_str(&(n - 1).abs().to_string());
    }
}

#[cfg(test)]
mod tests {
    use super::{digest, write_canonical};
    use crate::error::Error;
    use crate::json::parse;

    fn canon(text: &str) -> Result<String, Error> {
        let mut out = String::new();
        write_canonical(&parse(text)?, &mut out);
        Ok(out)
    }

    #[test]
    fn numbers_print_as_ecmascript_does() -> Result<(), Error> {
        let cases = [
            ("0.10", "0.1"),
            ("100000", "100000"),
            ("1e21", "1e+21"),
            ("1e20", "100000000000000000000"),
            ("0.000001", "0.000001"),
            ("1e-7", "1e-7"),
            ("-1.50", "-1.5"),
            ("-0", "0"),
            ("123.456e2", "12345.6"),
            ("4.35", "4.35"),
            ("1.7976931348623157e308", "1.7976931348623157e+308"),
        ];
        for (input, want) in cases {
            assert_eq!(canon(input)?, want, "{input}");
        }
        Ok(())
    }

    #[test]
    fn objects_sort_keys_and_strings_escape_minimally() -> Result<(), Error> {
        assert_eq!(
            canon(r#"{"b": [1, "x\ny"], "a": {"é": true, "z": null}}"#)?,
            r#"{"a":{"z":null,"é":true},"b":[1,"x\ny"]}"#
        );
        assert_eq!(canon(r#""\u0001\"\\/""#)?, r#""\u0001\"\\/""#);
        Ok(())
    }

    #[test]
    fn digest_is_sha256_of_the_canonical_form() -> Result<(), Error> {
        // sha256("{}") from any reference implementation.
        assert_eq!(
            digest(&parse("{}")?),
            "sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a"
        );
        let a = parse(r#"{"x": 0.10, "y": "z"}"#)?;
        let b = parse("{\n  \"y\": \"z\",\n  \"x\": 0.1\n}")?;
        assert_eq!(digest(&a), digest(&b));
        Ok(())
    }
}
