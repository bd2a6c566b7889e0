//! Reading a [`Request`] from a JSON tape, with a path for every refusal. The readers pass
//! refusals boxed ([`Res`]): each `?` then moves one pointer, not a whole [`Error`].

use super::{by_disease, terms, Filing, Insured, Item, Lines, Recognition, Request, Visit, Ytd};
use crate::bilingual::t;
use crate::error::Error;
use crate::json::{self, Fields, Kind, Node, Res, Scalar, Tape, Value};
use crate::limits::{MAX_CODE_CHARS, MAX_ITEMS, MAX_NAME_CHARS, MAX_RECOGNIZED};
use crate::money::Money;
use crate::path::{join_item, At};
use crate::policy::{Class, FilingCategory, Scheme, Status};

/// `insured.recognition`: disease id → true, false or null.
fn read_recognition(insured: &Fields<'_, '_>) -> Res<Option<Recognition>> {
    if insured.get_at("recognition").is_none() {
        return Ok(None);
    }
    let mut out = Vec::new();
    for (id, i, path) in by_disease::disease_map(insured, "recognition")? {
        let value = match insured.tape.node(i) {
            Some(n) if n.kind == Kind::Null => None,
            Some(n) if n.kind == Kind::True => Some(true),
            Some(n) if n.kind == Kind::False => Some(false),
            n => {
                return Err(json::wrong_kind(
                    &path,
                    json::kind_name(n.map_or(Kind::Null, |n| n.kind)),
                    "true、false 或 null",
                    "true, false or null",
                )
                .into())
            }
        };
        out.push((id, value));
    }
    Ok(Some(out))
}

impl Request {
    /// A request from a parsed value (see [`Request::from_tape`]).
    pub fn from_json(v: &Value, lines: Lines) -> Result<Request, Error> {
        Request::from_tape(&Tape::of_value(v), 0, lines)
    }

    /// The request at position `i` of a tape, its errors' paths starting there: a key written
    /// twice anywhere in it first, then each field in the order below.
    pub fn from_tape(tape: &Tape<'_>, i: usize, lines: Lines) -> Result<Request, Error> {
        Ok(read(tape, i, lines)?)
    }
}

fn read(tape: &Tape<'_>, i: usize, lines: Lines) -> Res<Request> {
    if let Some((path, key)) = tape.repeated_key(i) {
        return Err(json::repeated_key(&path, key).into());
    }
    let o = Fields::new(tape, i, At::Text(""))?;
    let insured = read_insured(&o.object("insured", o.require_at("insured")?)?)?;
    let filing = match o.get_at("filing") {
        None => None,
        Some(f) => Some(read_filing(&o.object("filing", f)?)?),
    };
    let visit = read_visit(&o.object("visit", o.require_at("visit")?)?)?;
    let items = read_items(&o, lines)?;
    let ytd = match o.get_at("ytd") {
        None => Ytd::default(),
        Some(y) => read_ytd(&o.object("ytd", y)?)?,
    };
    Ok(Request {
        insured,
        filing,
        visit,
        items,
        ytd,
    })
}

fn read_insured(o: &Fields<'_, '_>) -> Res<Insured> {
    // Any six digits name a region: one without a pack is UNKNOWN_REGION, not a malformed input.
    let region = o.req_str("region", 16)?;
    if region.len() != 6 || !region.bytes().all(|b| b.is_ascii_digit()) {
        return Err(Error::invalid(
            o.at("region"),
            t(
                format!("参保地“{region}”不是有效的6位行政区划代码"),
                format!("insured region '{region}' is not a 6-digit administrative division code"),
            ),
        )
        .into());
    }
    let region = region.to_string();
    let scheme = match o.req_one_of("scheme", &["employee", "resident"])? {
        "employee" => Scheme::Employee,
        _ => Scheme::Resident,
    };
    let status = match o.one_of("status", &["working", "retired"])? {
        Some("retired") => Status::Retired,
        _ => Status::Working,
    };
    let recognized_diseases = match o.array("recognizedDiseases")? {
        None => None,
        Some((list, len)) => {
            if len > MAX_RECOGNIZED {
                return Err(Error::limit(
                    o.at("recognizedDiseases"),
                    t(
                        // MAX_RECOGNIZED written out (tests/limits.rs checks they agree)
                        "已认定病种最多100个",
                        "at most 100 recognised diseases",
                    ),
                )
                .into());
            }
            let mut ids = Vec::with_capacity(len);
            for (i, v) in o.tape.members(list).enumerate() {
                ids.push(disease_id(o.tape.node(v), &|| {
                    join_item(&o.at("recognizedDiseases"), i)
                })?);
            }
            Some(ids)
        }
    };
    let recognition = read_recognition(o)?;
    if recognition.is_some() && recognized_diseases.is_some() {
        return Err(Error::invalid(
            o.at("recognition"),
            t(
                "recognition 与 recognizedDiseases 只能填写其一",
                "give either 'recognition' or 'recognizedDiseases', not both",
            ),
        )
        .into());
    }
    let terms = terms::read(o)?;
    let terms_by_disease = terms::read_by_disease(o)?;
    let birth_date = o.date("birthDate")?;
    let age = o
        .get("age")
        .map(|v| json::whole_at(v.scalar(), &o.field("age"), 150, ("年龄", "age")))
        .transpose()?
        .map(|a| u8::try_from(a).unwrap_or(u8::MAX));
    let tier = o.str("tier", MAX_CODE_CHARS)?.map(str::to_string);
    let mut recognized_since = Vec::new();
    for (id, i, path) in by_disease::disease_map(o, "recognizedSince")? {
        match o.tape.node(i) {
            Some(n) if n.kind == Kind::Null => {}
            n => recognized_since.push((
                id,
                json::date_at(
                    n.map_or(Scalar::Other(("空值", "null")), Node::scalar),
                    &At::Text(&path),
                )?,
            )),
        }
    }
    Ok(Insured {
        region,
        scheme,
        status,
        recognized_diseases,
        recognition,
        terms,
        terms_by_disease,
        birth_date,
        age,
        tier,
        recognized_since,
    })
}

/// A disease id: a non-empty string (whether any pack knows it is decided later).
fn disease_id(v: Option<&Node<'_>>, path: &dyn Fn() -> String) -> Res<String> {
    let scalar = v.map_or(Scalar::Other(("空值", "null")), Node::scalar);
    match json::string_at(scalar, &At::Text(""), MAX_CODE_CHARS) {
        Ok(s) if !s.trim().is_empty() => Ok(s.to_string()),
        Ok(_) => Err(Error::invalid(path(), t("病种不能为空", "the disease must not be empty")).into()),
        Err(mut e) => {
            e.path = path();
            Err(e)
        }
    }
}

fn read_filing(o: &Fields<'_, '_>) -> Res<Filing> {
    let category = FilingCategory::parse(o.req_one_of("category", &FilingCategory::IDS)?)
        .ok_or_else(|| json::missing(&o.at("category"), "category"))?;
    let emergency = category == FilingCategory::Emergency;
    // An emergency counts as filed without a place or dates (视同已备案); any other filing needs both.
    let place = match o.code("place")? {
        Some(p) => Some(p.to_string()),
        None if emergency => None,
        None => return Err(json::missing(&o.at("place"), "place")),
    };
    let start = match o.date("start")? {
        Some(d) => Some(d),
        None if emergency => None,
        None => return Err(json::missing(&o.at("start"), "start")),
    };
    let end = o.date("end")?;
    if let (Some(s), Some(e)) = (start, end) {
        if e < s {
            return Err(Error::invalid(
                o.at("end"),
                t(
                    format!("备案结束日期 {e} 早于开始日期 {s}"),
                    format!("filing end {e} is before its start {s}"),
                ),
            )
            .into());
        }
    }
    Ok(Filing {
        category,
        place,
        start,
        end,
    })
}

fn read_visit(o: &Fields<'_, '_>) -> Res<Visit> {
    let date = o.req_date("date")?;
    let place = o.req_code("place")?.to_string();
    let hospital_level = read_level(o.require("hospitalLevel")?, || o.at("hospitalLevel"))?;
    // Absent means networked (most people go to a hospital that is); an explicit null means the
    // person does not know, which the HOSPITAL_NETWORKED check reports as a warning.
    let networked = match o.raw("networked").and_then(|i| o.tape.node(i)) {
        Some(n) if n.kind == Kind::Null => None,
        _ => Some(o.bool("networked")?.unwrap_or(true)),
    };
    let disease = disease_id(Some(o.require("disease")?), &|| o.at("disease"))?;
    Ok(Visit {
        date,
        place,
        hospital_level,
        networked,
        disease,
    })
}

/// 1, 2 or 3, as a number or a numeric string (form fields arrive as strings).
fn read_level(v: &Node<'_>, path: impl Fn() -> String) -> Res<u8> {
    let text = match v.kind {
        Kind::Number | Kind::String => &*v.text,
        _ => "",
    };
    match text {
        "1" => Ok(1),
        "2" => Ok(2),
        "3" => Ok(3),
        _ => Err(Error::invalid(path(), t("医院等级应为 1、2 或 3", "hospital level must be 1, 2 or 3")).into()),
    }
}

fn read_items(o: &Fields<'_, '_>, lines: Lines) -> Res<Vec<Item>> {
    let (list, len) = match (o.array("items")?, lines) {
        (Some(list), _) => list,
        (None, Lines::Optional) => return Ok(Vec::new()),
        (None, Lines::Required) => return Err(json::missing("items", "items")),
    };
    if len > MAX_ITEMS {
        return Err(Error::limit(
            "items",
            t(
                // MAX_ITEMS written out (tests/limits.rs checks they agree)
                "费用明细最多1000条",
                "at most 1000 cost lines",
            ),
        )
        .into());
    }
    if len == 0 && lines == Lines::Required {
        return Err(Error::invalid("items", t("至少需要一条费用明细", "at least one cost line is needed")).into());
    }
    let items = At::Text("items");
    let mut out = Vec::with_capacity(len);
    for (i, v) in o.tape.members(list).enumerate() {
        out.push(read_item(&Fields::new(o.tape, v, At::Index(&items, i))?)?);
    }
    Ok(out)
}

fn read_item(o: &Fields<'_, '_>) -> Res<Item> {
    let code = o.str("code", MAX_CODE_CHARS)?.map(str::to_string);
    let name = o.str("name", MAX_NAME_CHARS)?.map(str::to_string);
    let amount = Money(o.req_money("amount")?);
    let class = match o.str("class", 8)? {
        None => None,
        Some(c) => Some(Class::parse(c).ok_or_else(|| {
            Error::invalid(
                o.at("class"),
                t("类别应为 A（甲）、B（乙）或 C（丙）", "class must be A, B or C"),
            )
        })?),
    };
    let self_pay_ratio = o.ratio("selfPayRatio")?.map(crate::money::Ratio);
    let ceiling_amount = o.money("ceilingAmount")?.map(Money);
    Ok(Item {
        code,
        name,
        amount,
        class,
        self_pay_ratio,
        ceiling_amount,
    })
}

/// `ytd`'s amounts in the order they are read (so the order of their refusals), in one loop: one
/// call site instead of seven.
const YTD_KEYS: [&str; 7] = [
    "fundPaid",
    "deductiblePaid",
    "fundPaidMonth",
    "fundPaidTotal",
    "costCounted",
    "costCountedMonth",
    "inpatientFundPaid",
];

fn read_ytd(o: &Fields<'_, '_>) -> Res<Ytd> {
    let mut read = [None; 7];
    for (slot, key) in read.iter_mut().zip(YTD_KEYS) {
        *slot = o.money(key)?.map(Money);
    }
    let [fund_paid, deductible_paid, fund_paid_month, fund_paid_total, cost_counted, cost_counted_month, inpatient_fund_paid] =
        read;
    let fund_paid = fund_paid.unwrap_or_default();
    Ok(Ytd {
        deductible_paid: deductible_paid.unwrap_or_default(),
        fund_paid,
        fund_paid_month: fund_paid_month.unwrap_or_default(),
        // Most people know only what the fund paid this year; it is then also the total.
        fund_paid_total: fund_paid_total.unwrap_or(fund_paid),
        cost_counted: cost_counted.unwrap_or_default(),
        cost_counted_month: cost_counted_month.unwrap_or_default(),
        inpatient_fund_paid,
    })
}
