//! Reading treatment-place data (就医地目录): provinces with their class B share and cities, the
//! national fallback share, and the sample catalogue with per-place overrides.

use super::Reader;
use crate::bilingual::t;
use crate::divisions::codes::{is_province, same_province};
use crate::json::Value;
use crate::json::{self, Obj};
use crate::limits::MAX_CODE_CHARS;
use crate::path::join_item;
use crate::policy::model::{CatalogueItem, City, Class, Param, Place, PlaceData};

pub fn read_places(r: &mut Reader, v: &Value, path: &str) -> Option<PlaceData> {
    let o = r.obj(v, path)?;
    r.known_keys(o, &["fallbackShare", "provinces", "catalogue"]);
    let fallback = r
        .required(o, "fallbackShare")
        .and_then(|v| r.param(v, &o.at("fallbackShare"), json::ratio));
    let provinces = read_list(r, o, "provinces", read_province);
    let catalogue = read_catalogue(r, o);
    if let Some(list) = &provinces {
        let code = |i: usize| list.get(i).map_or("", |p: &Place| p.code.as_str());
        for i in json::repeats(list.len(), &code) {
            let code = code(i);
            r.problem(
                format!("{}[{i}].code", o.at("provinces")),
                t(format!("就医地“{code}”重复"), format!("place '{code}' is listed twice")),
            );
        }
    }
    Some(PlaceData {
        fallback_share: fallback?,
        places: provinces?,
        catalogue: catalogue?,
    })
}

fn read_list<T>(
    r: &mut Reader,
    o: Obj<'_>,
    key: &str,
    read: fn(&mut Reader, &Value, &str) -> Option<T>,
) -> Option<Vec<T>> {
    let path = o.at(key);
    let list = match r.take(o.array(key)).flatten() {
        Some(list) => list,
        None if o.get(key).is_none() => return Some(Vec::new()),
        None => return None,
    };
    let mut out = Vec::with_capacity(list.len());
    let mut complete = true;
    for (i, v) in list.iter().enumerate() {
        match read(r, v, &join_item(&path, i)) {
            Some(item) => out.push(item),
            None => complete = false,
        }
    }
    complete.then_some(out)
}

fn read_province(r: &mut Reader, v: &Value, path: &str) -> Option<Place> {
    let o = r.obj(v, path)?;
    r.known_keys(o, &["code", "name", "classBShare", "cities", "catalogue"]);
    let code = r
        .required(o, "code")
        .and_then(|c| r.take(json::division_code(c, &o.at("code"))));
    if let Some(code) = code {
        if !is_province(code) {
            r.problem(
                o.at("code"),
                t(
                    format!("“{code}”不是省级代码（应为 xx0000）"),
                    format!("'{code}' is not a province code (xx0000)"),
                ),
            );
        }
    }
    let name = r.text(o, "name");
    let share = o
        .get("classBShare")
        .map(|s| r.param(s, &o.at("classBShare"), json::ratio));
    let cities = read_list(r, o, "cities", read_city);
    if let (Some(code), Some(cities)) = (code, &cities) {
        for (i, city) in cities.iter().enumerate() {
            if !same_province(code, &city.code) || is_province(&city.code) {
                r.problem(
                    format!("{}[{i}].code", o.at("cities")),
                    t(
                        format!("城市“{}”不属于{code}", city.code),
                        format!("city '{}' is not inside {code}", city.code),
                    ),
                );
            }
        }
    }
    let catalogue = read_catalogue(r, o);
    let class_b_share = match share {
        Some(None) => return None,
        Some(Some(p)) => Some(p),
        None => None,
    };
    Some(Place {
        code: code?.to_string(),
        name: name?,
        class_b_share,
        cities: cities?,
        catalogue: catalogue?,
    })
}

fn read_city(r: &mut Reader, v: &Value, path: &str) -> Option<City> {
    let o = r.obj(v, path)?;
    r.known_keys(o, &["code", "name"]);
    let code = r
        .required(o, "code")
        .and_then(|c| r.take(json::division_code(c, &o.at("code"))));
    let name = r.text(o, "name");
    Some(City {
        code: code?.to_string(),
        name: name?,
    })
}

fn read_catalogue(r: &mut Reader, o: Obj<'_>) -> Option<Vec<CatalogueItem>> {
    let items = read_list(r, o, "catalogue", read_item)?;
    let code = |i: usize| items.get(i).map_or("", |item: &CatalogueItem| item.code.as_str());
    for i in json::repeats(items.len(), &code) {
        let code = code(i);
        r.problem(
            format!("{}[{i}].code", o.at("catalogue")),
            t(
                format!("目录项“{code}”重复"),
                format!("catalogue item '{code}' is listed twice"),
            ),
        );
    }
    Some(items)
}

fn read_item(r: &mut Reader, v: &Value, path: &str) -> Option<CatalogueItem> {
    let o = r.obj(v, path)?;
    r.known_keys(
        o,
        &[
            "code",
            "name",
            "class",
            "provenance",
            "source",
            "selfPayRatio",
            "ceilingAmount",
        ],
    );
    let code = r.string(o, "code", MAX_CODE_CHARS);
    let name = r.text(o, "name");
    let class = r
        .required(o, "class")
        .and_then(|c| r.take(json::one_of(c, &o.at("class"), &["A", "B", "C"])));
    let provenance = r.provenance(o);
    let source = r.opt_string(o, "source", 500);
    let own = o
        .get("selfPayRatio")
        .map(|s| r.param(s, &o.at("selfPayRatio"), json::ratio));
    let ceiling = o
        .get("ceilingAmount")
        .map(|c| r.param(c, &o.at("ceilingAmount"), json::money));
    Some(CatalogueItem {
        code: code?,
        name: name?,
        class: Param {
            value: Class::parse(class?)?,
            provenance: provenance?,
            source,
        },
        self_pay_ratio: match own {
            Some(p) => Some(p?),
            None => None,
        },
        ceiling: match ceiling {
            Some(p) => Some(p?),
            None => None,
        },
    })
}
