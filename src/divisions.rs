//! Names of the insured regions the engine may answer for without a pack: every province,
//! prefecture-level division, province-administered county-level pool and the Xinjiang
//! Production and Construction Corps (GB/T 2260). The data is generated from an npm package by
//! `scripts/divisions.mjs` (see there) and embedded; `scripts/test.sh` checks that it is current.

use crate::text::{t, Text};

/// One line per division: `code<TAB>中文名<TAB>English or pinyin name`.
const DATA: &str = include_str!("divisions.tsv");

/// The division's official name (Chinese) and English or pinyin name, where known.
pub fn name(code: &str) -> Option<Text> {
    DATA.lines().find_map(|line| {
        let mut fields = line.split('\t');
        if fields.next()? != code {
            return None;
        }
        let zh = fields.next()?;
        let en = fields.next()?;
        Some(t(zh, en))
    })
}
