//! The request reader as it was before requests were read from a tape (issue 13): a [`Value`]
//! tree first, then the request from it. Kept for the differential test below, which holds the
//! tape reader to the same result and the same error for every input.

use crate::baseline::terms::{AnnualLimit, PersonTerms};
use crate::error::Error;
use crate::json::{self, Obj, Value};
use crate::limits::{MAX_CODE_CHARS, MAX_ITEMS, MAX_NAME_CHARS, MAX_RECOGNIZED, MAX_VISITS};
use crate::money::{Money, Ratio};
use crate::path::{join_item, At};
use crate::policy::{Class, FilingCategory, Scheme, Status};
use crate::request::{Filing, Insured, Item, Lines, Request, Visit, Ytd};
use crate::text::t;

pub fn from_json(v: &Value, lines: Lines) -> Result<Request, Error> {
    crate::json::refuse_repeated_keys(v)?;
    let o = Obj::new(v, "")?;
    let insured = read_insured(&Obj::new(o.require("insured")?, "insured")?)?;
    let filing = match o.get("filing") {
        None => None,
        Some(f) => Some(read_filing(&Obj::new(f, "filing")?)?),
    };
    let visit = read_visit(&Obj::new(o.require("visit")?, "visit")?)?;
    let items = read_items(o, lines)?;
    let ytd = match o.get("ytd") {
        None => Ytd::default(),
        Some(y) => read_ytd(&Obj::new(y, "ytd")?)?,
    };
    Ok(Request {
        insured,
        filing,
        visit,
        items,
        ytd,
    })
}

fn read_insured(o: &Obj<'_>) -> Result<Insured, Error> {
    // Any six digits name a region: one without a pack is UNKNOWN_REGION, not a malformed input.
    let region = o.req_str("region", 16)?;
    if region.len() != 6 || !region.bytes().all(|b| b.is_ascii_digit()) {
        return Err(Error::invalid(
            o.at("region"),
            t(
                format!("参保地“{region}”不是有效的6位行政区划代码"),
                format!("insured region '{region}' is not a 6-digit administrative division code"),
            ),
        ));
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
        Some(list) => {
            if list.len() > MAX_RECOGNIZED {
                return Err(Error::limit(
                    o.at("recognizedDiseases"),
                    t(
                        format!("已认定病种最多{MAX_RECOGNIZED}个"),
                        format!("at most {MAX_RECOGNIZED} recognised diseases"),
                    ),
                ));
            }
            let mut ids = Vec::with_capacity(list.len());
            for (i, v) in list.iter().enumerate() {
                ids.push(disease_id(v, || join_item(&o.at("recognizedDiseases"), i))?);
            }
            Some(ids)
        }
    };
    let terms = read_terms(o)?;
    Ok(Insured {
        region,
        scheme,
        status,
        recognized_diseases,
        terms,
    })
}

/// A disease id: a non-empty string (whether any pack knows it is decided later).
fn disease_id(v: &Value, path: impl Fn() -> String) -> Result<String, Error> {
    match json::string(v, "", MAX_CODE_CHARS) {
        Ok(s) if !s.trim().is_empty() => Ok(s.to_string()),
        Ok(_) => Err(Error::invalid(
            path(),
            t("病种不能为空", "the disease must not be empty"),
        )),
        Err(mut e) => {
            e.path = path();
            Err(e)
        }
    }
}

fn read_filing(o: &Obj<'_>) -> Result<Filing, Error> {
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
            ));
        }
    }
    Ok(Filing {
        category,
        place,
        start,
        end,
    })
}

fn read_visit(o: &Obj<'_>) -> Result<Visit, Error> {
    let date = o.req_date("date")?;
    let place = o.req_code("place")?.to_string();
    let hospital_level = read_level(o.require("hospitalLevel")?, || o.at("hospitalLevel"))?;
    // Absent means networked (most people go to a hospital that is); an explicit null means the
    // person does not know, which the HOSPITAL_NETWORKED check reports as a warning.
    let networked = match o.map.get("networked") {
        Some(Value::Null) => None,
        _ => Some(o.bool("networked")?.unwrap_or(true)),
    };
    let disease = disease_id(o.require("disease")?, || o.at("disease"))?;
    Ok(Visit {
        date,
        place,
        hospital_level,
        networked,
        disease,
    })
}

/// 1, 2 or 3, as a number or a numeric string (form fields arrive as strings).
fn read_level(v: &Value, path: impl Fn() -> String) -> Result<u8, Error> {
    let text = match v {
        Value::Number(n) | Value::String(n) => n.as_str(),
        _ => "",
    };
    match text {
        "1" => Ok(1),
        "2" => Ok(2),
        "3" => Ok(3),
        _ => Err(Error::invalid(
            path(),
            t("医院等级应为 1、2 或 3", "hospital level must be 1, 2 or 3"),
        )),
    }
}

fn read_items(o: Obj<'_>, lines: Lines) -> Result<Vec<Item>, Error> {
    let list = match (o.array("items")?, lines) {
        (Some(list), _) => list,
        (None, Lines::Optional) => return Ok(Vec::new()),
        (None, Lines::Required) => return Err(json::missing("items", "items")),
    };
    if list.len() > MAX_ITEMS {
        return Err(Error::limit(
            "items",
            t(
                format!("费用明细最多{MAX_ITEMS}条"),
                format!("at most {MAX_ITEMS} cost lines"),
            ),
        ));
    }
    if list.is_empty() && lines == Lines::Required {
        return Err(Error::invalid(
            "items",
            t("至少需要一条费用明细", "at least one cost line is needed"),
        ));
    }
    let items = At::Text("items");
    let mut out = Vec::with_capacity(list.len());
    for (i, v) in list.iter().enumerate() {
        out.push(read_item(&Obj::within(v, At::Index(&items, i))?)?);
    }
    Ok(out)
}

fn read_item(o: &Obj<'_>) -> Result<Item, Error> {
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

fn read_ytd(o: &Obj<'_>) -> Result<Ytd, Error> {
    let fund_paid = o.money("fundPaid")?.unwrap_or_default();
    Ok(Ytd {
        deductible_paid: Money(o.money("deductiblePaid")?.unwrap_or_default()),
        fund_paid: Money(fund_paid),
        fund_paid_month: Money(o.money("fundPaidMonth")?.unwrap_or_default()),
        // Most people know only what the fund paid this year; it is then also the total.
        fund_paid_total: Money(o.money("fundPaidTotal")?.unwrap_or(fund_paid)),
    })
}

/// `insured.terms`; `None` when absent or null. Every refusal names its field
/// (`insured.terms.ratio`) and follows the money and ratio rules of every other input.
fn read_terms(insured: &Obj<'_>) -> Result<Option<PersonTerms>, Error> {
    let Some(v) = insured.get("terms") else {
        return Ok(None);
    };
    let o = Obj::new(v, "insured.terms")?;
    let ratio = o
        .ratio("ratio")?
        .ok_or_else(|| json::missing(&o.at("ratio"), "ratio"))?;
    let annual_limit = match o.map.get("annualLimit") {
        None => AnnualLimit::Unstated,
        Some(Value::Null) => AnnualLimit::None,
        Some(_) => o
            .money("annualLimit")?
            .map_or(AnnualLimit::None, |m| AnnualLimit::Amount(Money(m))),
    };
    Ok(Some(PersonTerms {
        ratio: Ratio(ratio),
        deductible: o.money("deductible")?.map(Money),
        annual_limit,
        reduction: o.ratio("reduction")?.map(Ratio),
        unfiled_reduction: o.ratio("unfiledReduction")?.map(Ratio),
    }))
}

/// JSON text to a [`Value`] by the old parser, refusing oversize text first.
pub fn parse_text(text: &str, max_bytes: usize) -> Result<Value, Error> {
    if text.len() > max_bytes {
        return Err(Error::limit(
            "",
            t(
                format!("请求过大（最多{max_bytes}字节）"),
                format!("request too large (at most {max_bytes} bytes)"),
            ),
        ));
    }
    json::legacy_parse::parse(text)
}

/// A year's visits: a non-empty array of at most [`MAX_VISITS`] requests.
pub fn read_visits(visits: &Value) -> Result<Vec<Request>, Error> {
    let Value::Array(list) = visits else {
        return Err(json::wrong_type(
            "",
            visits,
            "就诊请求数组",
            "an array of visit requests",
        ));
    };
    if list.len() > MAX_VISITS {
        return Err(Error::limit(
            "",
            t(
                format!("最多{MAX_VISITS}次就诊"),
                format!("at most {MAX_VISITS} visits"),
            ),
        ));
    }
    if list.is_empty() {
        return Err(Error::invalid(
            "",
            t("至少需要一次就诊", "at least one visit is needed"),
        ));
    }
    let mut out = Vec::with_capacity(list.len());
    for (i, v) in list.iter().enumerate() {
        out.push(from_json(v, Lines::Required).map_err(|e| e.at_index(i))?);
    }
    Ok(out)
}
