//! Crossing the JS boundary. Requests go through `JSON.stringify` and our JSON parser rather than
//! field by field: one crossing instead of dozens, numbers keep JavaScript's shortest decimal
//! text (so 860.5 stays 860.5), and `NaN`/`Infinity` become `null`, which the core refuses with
//! the field's path. Results come back as plain objects (maps as objects, `None` as `null`).

use crate::error::{Error, ErrorCode};
use crate::limits::{MAX_PACK_BYTES, MAX_REQUEST_BYTES, MAX_YEAR_BYTES};
use crate::text::t;
use js_sys::{Array, Object, Reflect, JSON};
use serde::Serialize;
use crate::json::Value;
use wasm_bindgen::prelude::*;

#[derive(Clone, Copy)]
pub enum Json {
    Request,
    Year,
}

pub fn from_js(value: &JsValue, kind: Json) -> Result<Value, JsValue> {
    let max = match kind {
        Json::Request => MAX_REQUEST_BYTES,
        Json::Year => MAX_YEAR_BYTES,
    };
    if value.is_undefined() || value.is_null() {
        return Err(js_error(Error::invalid(
            "",
            t("缺少请求", "the request is missing"),
        )));
    }
    let text = if let Some(s) = value.as_string() {
        s
    } else {
        stringify(value).map_err(js_error)?
    };
    crate::parse_text(&text, max).map_err(js_error)
}

/// `JSON.stringify`, with its exceptions (cycles, BigInt, too deep) turned into typed errors.
fn stringify(value: &JsValue) -> Result<String, Error> {
    match JSON::stringify(value) {
        Ok(s) => s.as_string().ok_or_else(|| {
            Error::invalid(
                "",
                t("请求不是 JSON 对象", "the request is not a JSON object"),
            )
        }),
        Err(e) => {
            let why = Reflect::get(&e, &"message".into())
                .ok()
                .and_then(|m| m.as_string())
                .unwrap_or_default();
            Err(Error::invalid(
                "",
                t(
                    format!("请求无法转换为 JSON：{why}"),
                    format!("the request cannot be turned into JSON: {why}"),
                ),
            ))
        }
    }
}

/// Packs as JSON texts: each element may be an object or a string.
pub fn pack_texts(packs: &JsValue) -> Result<Vec<String>, JsValue> {
    if !Array::is_array(packs) {
        return Err(js_error(Error::new(
            ErrorCode::InvalidPolicy,
            "",
            t(
                "fromPacks 需要策略包数组",
                "fromPacks needs an array of packs",
            ),
        )));
    }
    let list = Array::from(packs);
    if list.length() as usize > crate::limits::MAX_PACKS {
        return Err(js_error(Error::limit(
            "",
            t("策略包过多", "too many packs"),
        )));
    }
    list.iter()
        .enumerate()
        .map(|(i, p)| {
            let text = match p.as_string() {
                Some(s) => s,
                None => stringify(&p).map_err(|e| policy_error(i, e))?,
            };
            if text.len() > MAX_PACK_BYTES {
                return Err(js_error(Error::limit(
                    format!("[{i}]"),
                    t("策略包过大", "pack too large"),
                )));
            }
            Ok(text)
        })
        .collect()
}

fn policy_error(index: usize, e: Error) -> JsValue {
    js_error(Error::policy(vec![crate::error::Problem {
        pack: index,
        path: e.path,
        message: e.message,
    }]))
}

pub fn string_arg(value: &JsValue, name: &str) -> Result<String, JsValue> {
    value.as_string().ok_or_else(|| {
        js_error(Error::invalid(
            name,
            t(
                format!("{name} 应为文本"),
                format!("{name} must be a string"),
            ),
        ))
    })
}

pub fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    value.serialize(&serializer).map_err(|e| {
        js_error(Error::invalid(
            "",
            t(
                format!("结果转换失败：{e}"),
                format!("could not convert the result: {e}"),
            ),
        ))
    })
}

/// A real `Error` whose `message` is English, with `code`, `path`, `messageZh` and, for an
/// invalid pack, `problems` (each with `pack`, `path`, `message`, `messageZh`).
pub fn js_error(e: Error) -> JsValue {
    let error = js_sys::Error::new(&e.message.en);
    error.set_name("YibaoPolicyError");
    let obj: &Object = error.as_ref();
    let set = |k: &str, v: JsValue| {
        let _ = Reflect::set(obj, &JsValue::from_str(k), &v);
    };
    set("code", JsValue::from_str(e.code.as_str()));
    set("path", JsValue::from_str(&e.path));
    set("messageZh", JsValue::from_str(&e.message.zh));
    if !e.problems.is_empty() {
        let problems = Array::new();
        for p in &e.problems {
            let item = Object::new();
            let _ = Reflect::set(&item, &"pack".into(), &JsValue::from(p.pack as u32));
            let _ = Reflect::set(&item, &"path".into(), &JsValue::from_str(&p.path));
            let _ = Reflect::set(&item, &"message".into(), &JsValue::from_str(&p.message.en));
            let _ = Reflect::set(
                &item,
                &"messageZh".into(),
                &JsValue::from_str(&p.message.zh),
            );
            problems.push(&item);
        }
        set("problems", problems.into());
    }
    error.into()
}
