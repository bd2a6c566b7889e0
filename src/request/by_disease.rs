//! Members of `insured` that are objects keyed by disease id (`recognition`, `termsByDisease`).

use crate::bilingual::t;
use crate::error::Error;
use crate::json::{Fields, Res};
use crate::limits::{MAX_CODE_CHARS, MAX_RECOGNIZED};
use crate::path::At;

/// The members of `insured.<key>`, an object keyed by disease id (at most
/// [`MAX_RECOGNIZED`]): each id, its value's position and its path. Absent or null: none.
pub fn disease_map(insured: &Fields<'_, '_>, key: &str) -> Res<Vec<(String, usize, String)>> {
    let Some(i) = insured.get_at(key) else {
        return Ok(Vec::new());
    };
    let path = insured.at(key);
    let o = Fields::new(insured.tape, i, At::Text(&path))?;
    let members: Vec<usize> = o.tape.members(i).collect();
    if members.len() > MAX_RECOGNIZED {
        return Err(Error::limit(
            path.clone(),
            t(
                // MAX_RECOGNIZED written out (tests/limits.rs checks they agree)
                "病种最多100个",
                "at most 100 diseases",
            ),
        )
        .into());
    }
    let mut out = Vec::with_capacity(members.len());
    for m in members {
        let key = o.tape.node(m).map_or("", |n| &*n.key);
        let at = crate::path::join_key(&path, key);
        if key.trim().is_empty() || crate::json::char_count(key) > MAX_CODE_CHARS {
            return Err(Error::invalid(at, t("病种标识应为1到64个字符", "a disease id is 1 to 64 characters")).into());
        }
        out.push((key.to_string(), m, at));
    }
    Ok(out)
}
