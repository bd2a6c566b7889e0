//! The JSON parser as it was before the tape (issue 13): text straight into a [`Value`] tree. Kept
//! only for the differential test (`wire/differential.rs`), which holds the tape parser to it.

use super::value::{Map, Value};
use crate::error::Error;
use crate::limits::{MAX_DEPTH, MAX_MEMBERS};
use crate::text::t;

pub fn parse(text: &str) -> Result<Value, Error> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut p = Parser {
        text,
        bytes: text.as_bytes(),
        pos: 0,
        depth: 0,
        path: Vec::new(),
    };
    p.skip_ws();
    let value = p.value()?;
    p.skip_ws();
    if p.pos < p.bytes.len() {
        return Err(p.error("多余的内容", "unexpected trailing characters"));
    }
    Ok(value)
}

struct Parser<'a> {
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
    depth: usize,
    /// Where the parser is, for a limit's error path: kept as positions, written out only then.
    path: Vec<Step>,
}

#[derive(Clone, Copy)]
enum Step {
    /// The byte position of a key's opening quote.
    Key(usize),
    Index(usize),
}

impl Parser<'_> {
    fn error(&self, zh: &str, en: &str) -> Error {
        let before = &self.bytes[..self.pos.min(self.bytes.len())];
        let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
        let column = before
            .iter()
            .rev()
            .take_while(|&&b| b != b'\n')
            .filter(|&&b| (b & 0xC0) != 0x80)
            .count()
            + 1;
        Error::invalid(
            "",
            t(
                format!("不是有效的 JSON（第{line}行第{column}列）：{zh}"),
                format!("not valid JSON (line {line}, column {column}): {en}"),
            ),
        )
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn skip_ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.pos += 1;
        }
    }

    fn expect_word(&mut self, word: &str, value: Value) -> Result<Value, Error> {
        if self.bytes[self.pos..].starts_with(word.as_bytes()) {
            self.pos += word.len();
            Ok(value)
        } else {
            Err(self.error("无法识别的值", "unexpected value"))
        }
    }

    fn value(&mut self) -> Result<Value, Error> {
        match self.peek() {
            None => Err(self.error("内容不完整", "unexpected end of input")),
            Some(b'{') => self.nested(Parser::object),
            Some(b'[') => self.nested(Parser::array),
            Some(b'"') => self.string().map(Value::String),
            Some(b't') => self.expect_word("true", Value::Bool(true)),
            Some(b'f') => self.expect_word("false", Value::Bool(false)),
            Some(b'n') => self.expect_word("null", Value::Null),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(_) => Err(self.error("无法识别的值", "unexpected character")),
        }
    }

    /// Objects and arrays count against the depth limit, so hostile nesting cannot exhaust the stack.
    fn nested(&mut self, parse: fn(&mut Self) -> Result<Value, Error>) -> Result<Value, Error> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            let mut e = self.error("嵌套层数过多", "nested too deeply");
            e.code = crate::error::ErrorCode::LimitExceeded;
            return Err(e);
        }
        let v = parse(self);
        self.depth -= 1;
        v
    }

    /// The path of the value being parsed, e.g. `visit.date` (`""` at the top).
    fn path(&self) -> String {
        let mut out = String::new();
        for step in &self.path {
            out = match *step {
                Step::Key(pos) => {
                    let mut key = Parser {
                        pos,
                        path: Vec::new(),
                        ..*self
                    };
                    crate::path::join_key(&out, &key.string().unwrap_or_default())
                }
                Step::Index(i) => crate::path::join_item(&out, i),
            };
        }
        out
    }

    fn object(&mut self) -> Result<Value, Error> {
        self.pos += 1;
        let mut entries = Vec::new();
        self.skip_ws();
        if self.peek() == Some(b'}') {
            self.pos += 1;
            return Ok(Value::Object(Map::new()));
        }
        loop {
            self.skip_ws();
            if self.peek() != Some(b'"') {
                return Err(self.error("应为带引号的键名", "expected a quoted key"));
            }
            if entries.len() == MAX_MEMBERS {
                return Err(Error::limit(
                    self.path(),
                    t(
                        format!("对象的成员过多（最多{MAX_MEMBERS}个）"),
                        format!("too many members in one object (at most {MAX_MEMBERS})"),
                    ),
                ));
            }
            let key_at = self.pos;
            let key = self.string()?;
            self.skip_ws();
            if self.peek() != Some(b':') {
                return Err(self.error("键名后应为冒号", "expected ':' after a key"));
            }
            self.pos += 1;
            self.skip_ws();
            self.path.push(Step::Key(key_at));
            let value = self.value()?;
            self.path.pop();
            entries.push((key, value));
            self.skip_ws();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b'}') => {
                    self.pos += 1;
                    return Ok(Value::Object(Map::from_entries(entries)));
                }
                _ => return Err(self.error("应为逗号或 }", "expected ',' or '}'")),
            }
        }
    }

    fn array(&mut self) -> Result<Value, Error> {
        self.pos += 1;
        let mut items = Vec::new();
        self.skip_ws();
        if self.peek() == Some(b']') {
            self.pos += 1;
            return Ok(Value::Array(items));
        }
        loop {
            self.skip_ws();
            self.path.push(Step::Index(items.len()));
            items.push(self.value()?);
            self.path.pop();
            self.skip_ws();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b']') => {
                    self.pos += 1;
                    return Ok(Value::Array(items));
                }
                _ => return Err(self.error("应为逗号或 ]", "expected ',' or ']'")),
            }
        }
    }

    fn number(&mut self) -> Result<Value, Error> {
        let start = self.pos;
        let digits = |p: &mut Self| {
            let s = p.pos;
            while let Some(b'0'..=b'9') = p.peek() {
                p.pos += 1;
            }
            p.pos - s
        };
        if self.peek() == Some(b'-') {
            self.pos += 1;
        }
        match self.peek() {
            Some(b'0') => self.pos += 1,
            Some(b'1'..=b'9') => {
                digits(self);
            }
            _ => return Err(self.error("数字格式错误", "malformed number")),
        }
        if self.peek() == Some(b'.') {
            self.pos += 1;
            if digits(self) == 0 {
                return Err(self.error("小数点后应有数字", "expected digits after '.'"));
            }
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.pos += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.pos += 1;
            }
            if digits(self) == 0 {
                return Err(self.error("指数应有数字", "expected digits in the exponent"));
            }
        }
        Ok(Value::Number(self.text.get(start..self.pos).unwrap_or("0").to_string()))
    }

    fn string(&mut self) -> Result<String, Error> {
        self.pos += 1;
        let mut out = String::new();
        loop {
            let run_start = self.pos;
            let rest = self.bytes.get(self.pos..).unwrap_or(&[]);
            let run = rest
                .iter()
                .position(|&b| b == b'"' || b == b'\\' || b < 0x20)
                .unwrap_or(rest.len());
            self.pos += run;
            // Runs start and end at ASCII bytes, so they are whole characters of the &str.
            let text = self.text.get(run_start..self.pos).unwrap_or("");
            if out.is_empty() && self.peek() == Some(b'"') {
                // The usual case, a string without escapes: one exact allocation.
                self.pos += 1;
                return Ok(text.to_string());
            }
            out.push_str(text);
            match self.peek() {
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.pos += 1;
                    out.push(self.escape()?);
                }
                Some(_) => {
                    return Err(self.error("文本中有未转义的控制字符", "unescaped control character in a string"))
                }
                None => return Err(self.error("文本缺少结束引号", "unterminated string")),
            }
        }
    }

    fn escape(&mut self) -> Result<char, Error> {
        let c = match self.peek() {
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'/') => '/',
            Some(b'b') => '\u{8}',
            Some(b'f') => '\u{c}',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            Some(b't') => '\t',
            Some(b'u') => {
                self.pos += 1;
                let unit = self.hex4()?;
                return Ok(self.utf16(unit));
            }
            _ => return Err(self.error("无效的转义", "invalid escape")),
        };
        self.pos += 1;
        Ok(c)
    }

    fn hex4(&mut self) -> Result<u32, Error> {
        let digits = self
            .bytes
            .get(self.pos..self.pos + 4)
            .ok_or_else(|| self.error("\\u 后应有4位十六进制", "expected 4 hex digits after \\u"))?;
        let mut n = 0u32;
        for &d in digits {
            let v = (d as char)
                .to_digit(16)
                .ok_or_else(|| self.error("\\u 后应有4位十六进制", "expected 4 hex digits after \\u"))?;
            n = n * 16 + v;
        }
        self.pos += 4;
        Ok(n)
    }

    /// A UTF-16 unit, joined with a following low surrogate; a lone surrogate (which
    /// JSON.stringify may emit) becomes U+FFFD rather than an error.
    fn utf16(&mut self, unit: u32) -> char {
        if (0xD800..0xDC00).contains(&unit) && self.bytes[self.pos..].starts_with(b"\\u") {
            let save = self.pos;
            self.pos += 2;
            if let Ok(low) = self.hex4() {
                if (0xDC00..0xE000).contains(&low) {
                    let c = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
                    return char::from_u32(c).unwrap_or('\u{fffd}');
                }
            }
            self.pos = save;
        }
        char::from_u32(unit).unwrap_or('\u{fffd}')
    }
}
