//! Names of the insured regions the engine may answer for without a pack: every province,
//! prefecture-level division, province-administered county-level pool and the Xinjiang
//! Production and Construction Corps (GB/T 2260). The data is generated from an npm package by
//! `scripts/divisions.mjs` (see there) and embedded; `scripts/test.sh` checks that it is current.

use crate::bilingual::{t, Text};

// generated/divisions.tsv (`code<TAB>中文名<TAB>English or pinyin name`, one line per division) as
// build.rs splits it into columns: codes, Chinese names, English names. Column by column the text
// compresses better — 4.1 KB brotli instead of 4.4 for the same names (2026-11-30).
/// The codes in order, as steps from one to the next (build.rs `code_steps`).
const CODES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/division-codes"));
/// One name a line, in the order of `CODES`.
const ZH: &str = include_str!(concat!(env!("OUT_DIR"), "/division-zh"));
const EN: &str = include_str!(concat!(env!("OUT_DIR"), "/division-en"));

/// The division's official name (Chinese) and English or pinyin name, where known.
pub fn name(code: &str) -> Option<Text> {
    let b = code.as_bytes();
    if b.len() != 6 || !b.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let want = b.iter().fold(0, |n, d| n * 10 + u32::from(d - b'0'));
    let (mut at, mut step, mut i) = (0, 0, 0);
    while let Some(&n) = CODES.get(step) {
        if n == 255 {
            let c = CODES.get(step + 1..step + 4)?;
            at = u32::from_le_bytes([c[0], c[1], c[2], 0]);
            step += 4;
        } else {
            at = (at / 100 + u32::from(n)) * 100;
            step += 1;
        }
        if at == want {
            return Some(t(ZH.split('\n').nth(i)?, EN.split('\n').nth(i)?));
        }
        i += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::name;

    /// Every line of the source file answers with its own names, and only its code does.
    #[test]
    fn every_division_answers_with_its_line() {
        let tsv = include_str!("../../generated/divisions.tsv");
        let mut lines = 0;
        for line in tsv.lines() {
            let fields: Vec<&str> = line.split('\t').collect();
            let names = name(fields[0]).map(|text| [text.zh.into_owned(), text.en.into_owned()]);
            assert_eq!(names, Some([fields[1].to_string(), fields[2].to_string()]), "{line}");
            lines += 1;
        }
        assert!(lines > 300, "{lines} divisions");
        for code in ["", "11000", "1100001", "110000120000", "999999", "00000"] {
            assert!(name(code).is_none(), "{code:?}");
        }
    }
}
