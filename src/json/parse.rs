//! A strict JSON parser (RFC 8259) onto a [`Tape`]: numbers keep their text, nesting and object
//! sizes are bounded, and a syntax error says where (line and column) in both languages.

use super::fail::{Fail, Res};
use super::tape::{Kind, Node, Tape};
use crate::bilingual::t;
use crate::error::Error;
use crate::limits::{MAX_DEPTH, MAX_MEMBERS};
use crate::path::{join_item, join_key};
use std::borrow::Cow;

impl<'a> Tape<'a> {
    pub fn parse(text: &'a str) -> Result<Tape<'a>, Error> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let mut p = Parser {
            text,
            bytes: text.as_bytes(),
            pos: 0,
            depth: 0,
            path: Vec::new(),
            // Roughly one value per 12 bytes of a request's text: one allocation in most cases.
            nodes: Vec::with_capacity(text.len() / 12 + 4),
        };
        p.skip_ws();
        // Inside, refusals travel boxed ([`Res`]): one pointer per `?`.
        p.value(Cow::Borrowed(""))?;
        p.skip_ws();
        if p.pos < p.bytes.len() {
            return Err(*p.error("多余的内容", "unexpected trailing characters"));
        }
        Ok(Tape { nodes: p.nodes })
    }
}

struct Parser<'a> {
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
    depth: usize,
    /// Where the parser is, for a limit's error path: tape positions of the containers' members.
    path: Vec<Step>,
    nodes: Vec<Node<'a>>,
}

#[derive(Clone, Copy)]
enum Step {
    /// A member of an object: its position on the tape (the key is there).
    Key(usize),
    Index(usize),
}

impl<'a> Parser<'a> {
    fn error(&self, zh: &str, en: &str) -> Fail {
        let before = self.bytes.get(..self.pos).unwrap_or(self.bytes);
        let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
        let column = before
            .iter()
            .rev()
            .take_while(|&&b| b != b'\n')
            .filter(|&&b| (b & 0xC0) != 0x80)
            .count()
            + 1;
        Box::new(Error::invalid(
            "",
            t(
                format!("不是有效的 JSON（第{line}行第{column}列）：{zh}"),
                format!("not valid JSON (line {line}, column {column}): {en}"),
            ),
        ))
    }

    #[inline(always)]
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    #[inline(always)]
    fn skip_ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.pos += 1;
        }
    }

    fn push(&mut self, key: Cow<'a, str>, kind: Kind, text: Cow<'a, str>) -> usize {
        let at = self.nodes.len();
        self.nodes.push(Node {
            key,
            kind,
            text,
            end: at as u32 + 1,
        });
        at
    }

    fn word(&mut self, key: Cow<'a, str>, word: &str, kind: Kind) -> Res<()> {
        if self
            .bytes
            .get(self.pos..)
            .is_some_and(|rest| rest.starts_with(word.as_bytes()))
        {
            self.pos += word.len();
            self.push(key, kind, Cow::Borrowed(""));
            Ok(())
        } else {
            Err(self.error("无法识别的值", "unexpected value"))
        }
    }

    fn value(&mut self, key: Cow<'a, str>) -> Res<()> {
        match self.peek() {
            None => Err(self.error("内容不完整", "unexpected end of input")),
            Some(b'{') => self.nested(key, Kind::Object),
            Some(b'[') => self.nested(key, Kind::Array),
            Some(b'"') => {
                let s = self.string()?;
                self.push(key, Kind::String, s);
                Ok(())
            }
            Some(b't') => self.word(key, "true", Kind::True),
            Some(b'f') => self.word(key, "false", Kind::False),
            Some(b'n') => self.word(key, "null", Kind::Null),
            Some(b'-' | b'0'..=b'9') => self.number(key),
            Some(_) => Err(self.error("无法识别的值", "unexpected character")),
        }
    }

    /// Objects and arrays count against the depth limit, so hostile nesting cannot exhaust the stack.
    fn nested(&mut self, key: Cow<'a, str>, kind: Kind) -> Res<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            let mut e = self.error("嵌套层数过多", "nested too deeply");
            e.code = crate::error::ErrorCode::LimitExceeded;
            return Err(e);
        }
        let at = self.push(key, kind, Cow::Borrowed(""));
        if kind == Kind::Object {
            self.object()?;
        } else {
            self.array()?;
        }
        let end = self.nodes.len() as u32;
        if let Some(n) = self.nodes.get_mut(at) {
            n.end = end;
        }
        self.depth -= 1;
        Ok(())
    }

    /// The path of the value being parsed, e.g. `visit.date` (`""` at the top).
    fn path(&self) -> String {
        let mut out = String::new();
        for step in &self.path {
            out = match *step {
                Step::Key(at) => join_key(&out, self.nodes.get(at).map_or("", |n| &*n.key)),
                Step::Index(i) => join_item(&out, i),
            };
        }
        out
    }

    fn object(&mut self) -> Res<()> {
        self.pos += 1;
        self.skip_ws();
        if self.peek() == Some(b'}') {
            self.pos += 1;
            return Ok(());
        }
        let mut members = 0;
        loop {
            self.skip_ws();
            if self.peek() != Some(b'"') {
                return Err(self.error("应为带引号的键名", "expected a quoted key"));
            }
            if members == MAX_MEMBERS {
                return Err(Box::new(Error::limit(
                    self.path(),
                    t(
                        // MAX_MEMBERS written out (tests/limits.rs checks they agree)
                        "对象的成员过多（最多1000个）",
                        "too many members in one object (at most 1000)",
                    ),
                )));
            }
            let key = self.string()?;
            self.skip_ws();
            if self.peek() != Some(b':') {
                return Err(self.error("键名后应为冒号", "expected ':' after a key"));
            }
            self.pos += 1;
            self.skip_ws();
            self.path.push(Step::Key(self.nodes.len()));
            self.value(key)?;
            self.path.pop();
            members += 1;
            self.skip_ws();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b'}') => {
                    self.pos += 1;
                    return Ok(());
                }
                _ => return Err(self.error("应为逗号或 }", "expected ',' or '}'")),
            }
        }
    }

    fn array(&mut self) -> Res<()> {
        self.pos += 1;
        self.skip_ws();
        if self.peek() == Some(b']') {
            self.pos += 1;
            return Ok(());
        }
        let mut items = 0;
        loop {
            self.skip_ws();
            self.path.push(Step::Index(items));
            self.value(Cow::Borrowed(""))?;
            self.path.pop();
            items += 1;
            self.skip_ws();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b']') => {
                    self.pos += 1;
                    return Ok(());
                }
                _ => return Err(self.error("应为逗号或 ]", "expected ',' or ']'")),
            }
        }
    }

    fn number(&mut self, key: Cow<'a, str>) -> Res<()> {
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
        let text = self.text.get(start..self.pos).unwrap_or("0");
        self.push(key, Kind::Number, Cow::Borrowed(text));
        Ok(())
    }

    fn string(&mut self) -> Res<Cow<'a, str>> {
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
                // The usual case, a string without escapes: borrowed from the input.
                self.pos += 1;
                return Ok(Cow::Borrowed(text));
            }
            out.push_str(text);
            match self.peek() {
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(Cow::Owned(out));
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

    fn escape(&mut self) -> Res<char> {
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

    fn hex4(&mut self) -> Res<u32> {
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
        if (0xD800..0xDC00).contains(&unit) && self.bytes.get(self.pos..).is_some_and(|r| r.starts_with(b"\\u")) {
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

#[cfg(test)]
#[path = "../../tests/unit/json_parse.rs"]
mod tests;
