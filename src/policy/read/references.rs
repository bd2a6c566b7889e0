//! Checks of the names inside a version, once it is read: every deductible group and limit a
//! disease names exists, a ranked limit has a standard for exactly the diseases that name it, and
//! only a national disease is excluded. Apart from reading the version (`region`) because they
//! look across its parts rather than at one key.

use super::Reader;
use crate::bilingual::t;
use crate::path::join_key;
use crate::policy::model::{Amount, Base, Version, TERMS};

/// Only a national disease needs excluding (any other is covered only where listed), and a
/// disease cannot be both listed and excluded.
pub(super) fn check_exclusions(r: &mut Reader, version: &Version, path: &str) {
    for (id, _) in &version.excluded {
        let epath = join_key(&join_key(path, "excludedDiseases"), id);
        if crate::policy::national::national_disease(id).is_none() {
            r.problem(
                epath,
                t(
                    format!("“{id}”不是国家统一的五种门诊慢特病之一，无需排除：未列入 diseases 的其他病种本就不在范围内"),
                    format!(
                        "'{id}' is not one of the five national diseases: only those need excluding (any other disease not listed in 'diseases' is not covered)"
                    ),
                ),
            );
        } else if version.disease(id).is_some() {
            r.problem(
                epath,
                t(
                    format!("病种“{id}”既列入 diseases 又列入 excludedDiseases"),
                    format!("disease '{id}' is both listed in 'diseases' and excluded"),
                ),
            );
        }
    }
}

/// Every deductible group and limit a disease names must exist in the same version.
pub(super) fn check_references(r: &mut Reader, version: &Version, path: &str) {
    // `terms` names the person's own deductible or limit: a group so called would be ambiguous.
    for (key, taken) in [
        ("deductibles", version.deductible(TERMS).is_some()),
        ("limits", version.limit(TERMS).is_some()),
    ] {
        if taken {
            r.problem(
                join_key(&join_key(path, key), TERMS),
                t(
                    "“terms”是保留标识（病种的 deductible 或 limit 写 \"terms\" 表示由参保人填写），不能用作组名",
                    "'terms' is reserved (a disease's \"deductible\" or \"limit\" of \"terms\" leaves it to the person's terms): it cannot name a group",
                ),
            );
        }
    }
    for (id, disease) in &version.diseases {
        let dpath = join_key(&join_key(path, "diseases"), id);
        if disease.deductible != TERMS && version.deductible(&disease.deductible).is_none() {
            r.problem(
                join_key(&dpath, "deductible"),
                t(
                    format!("起付线组“{}”不存在于 deductibles 中", disease.deductible),
                    format!(
                        "deductible group '{}' is not defined in 'deductibles'",
                        disease.deductible
                    ),
                ),
            );
        }
        if disease.limit != TERMS && version.limit(&disease.limit).is_none() {
            r.problem(
                join_key(&dpath, "limit"),
                t(
                    format!("限额“{}”不存在于 limits 中", disease.limit),
                    format!("limit '{}' is not defined in 'limits'", disease.limit),
                ),
            );
        }
    }
    // A ranked limit has a standard for each disease that names it, and for no other.
    for (lid, limit) in &version.limits {
        for cap in &limit.caps {
            let Amount::Ranked { standards, .. } = &cap.amount else {
                continue;
            };
            let within = if cap.base == Base::InScopeCost {
                "inScopeCost."
            } else {
                ""
            };
            let spath = format!(
                "{}.{within}annual.ranked.standards",
                join_key(&join_key(path, "limits"), lid)
            );
            for (id, d) in &version.diseases {
                if d.limit == *lid && !standards.iter().any(|(s, _)| s == id) {
                    r.problem(
                        &spath,
                        t(
                            format!("病种“{id}”使用此合并限额，但没有它的标准"),
                            format!("disease '{id}' names this ranked limit but has no standard in it"),
                        ),
                    );
                }
            }
            for (id, _) in standards {
                if version.disease(id).is_none_or(|d| d.limit != *lid) {
                    r.problem(
                        join_key(&spath, id),
                        t(
                            format!("病种“{id}”未使用此限额（其 limit 不是“{lid}”）"),
                            format!("disease '{id}' does not name this limit (its 'limit' is not '{lid}')"),
                        ),
                    );
                }
            }
        }
    }
}
