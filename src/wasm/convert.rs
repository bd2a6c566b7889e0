//! Crossing the JS boundary. Requests go through `JSON.stringify` and our JSON parser rather than
//! field by field: one crossing instead of dozens, and numbers keep JavaScript's shortest decimal
//! text (so 860.5 stays 860.5). `NaN` and `±Infinity` cross as the strings "NaN" and "Infinity"
//! (plain `JSON.stringify` would turn them into `null`, which reads as a missing field), so the
//! core refuses them as "not a valid number" at the field's path. Results come back as plain
//! objects (maps as objects, `None` as `null`). The page's own build (no `maintainer` feature)
//! takes requests as JSON text only, made by the page as this module makes it from an object.

use crate::bilingual::t;
use crate::error::Error;
#[cfg(feature = "maintainer")]
use crate::error::ErrorCode;
#[cfg(feature = "maintainer")]
use crate::json::Value;
#[cfg(feature = "maintainer")]
use crate::limits::MAX_PACK_BYTES;
#[cfg(feature = "maintainer")]
use crate::limits::{MAX_ITEMS, MAX_VISITS};
use crate::limits::{MAX_REQUEST_BYTES, MAX_YEAR_BYTES};
use js_sys::JsString;
#[cfg(feature = "maintainer")]
use js_sys::{Array, Object, Reflect, JSON};
use serde::Serialize;
use wasm_bindgen::prelude::*;

#[derive(Clone, Copy)]
pub enum Json {
    Request,
    Year,
}

/// A request (or a year's visits) as its JSON text, for the core's `*_text` readers.
pub fn text_from_js(value: &JsValue, kind: Json) -> Result<String, Error> {
    if value.is_undefined() || value.is_null() {
        return Err(Error::invalid("", t("缺少请求", "the request is missing")));
    }
    let max = max_bytes(kind);
    match value.dyn_ref::<JsString>() {
        Some(s) => Ok(text_at_most(s, max)),
        #[cfg(feature = "maintainer")]
        None => stringify(&bounded(value, kind), max),
        // The page's own build reads JSON text only: the page makes it (www/js/request-text.js,
        // as `stringify` and `bounded` below would), and the object path's stringify, replacer
        // closure and array cutting are ≈1.4 KB brotli of the page's `.wasm`.
        #[cfg(not(feature = "maintainer"))]
        None => Err(Error::invalid(
            "",
            t(
                "请求应为 JSON 文本（网页版引擎只读取文本）",
                "the request must be JSON text (the page's build of the engine reads text only)",
            ),
        )),
    }
}

/// A JSON value from JS (a pinned manifest).
#[cfg(feature = "maintainer")]
pub fn from_js(value: &JsValue, kind: Json) -> Result<Value, JsValue> {
    let text = text_from_js(value, kind).map_err(js_error)?;
    crate::wire::parse_text(&text, max_bytes(kind)).map_err(js_error)
}

fn max_bytes(kind: Json) -> usize {
    match kind {
        Json::Request => MAX_REQUEST_BYTES,
        Json::Year => MAX_YEAR_BYTES,
    }
}

/// A JS string's text, cut to `max + 1` UTF-16 units before it is copied into wasm memory (which
/// never shrinks): each unit is at least one UTF-8 byte, so a text over `max` bytes stays over and
/// is refused for its length, but a 200 MB string does not become 200 MB of wasm memory first.
fn text_at_most(s: &JsString, max: usize) -> String {
    let units = u32::try_from(max).unwrap_or(u32::MAX - 1);
    if s.length() > units {
        String::from(s.slice(0, units + 1))
    } else {
        String::from(s)
    }
}

#[cfg(feature = "maintainer")]
/// The value with oversize arrays cut to one element past their limit: the core then refuses
/// them with its own path and message (`items`, "at most 1000 cost lines") instead of the whole
/// request being too many bytes, and without stringifying 100,000 lines first.
fn bounded(value: &JsValue, kind: Json) -> JsValue {
    match kind {
        Json::Request => bounded_request(value).unwrap_or_else(|| value.clone()),
        Json::Year => {
            if !Array::is_array(value) {
                return value.clone();
            }
            // A shallow copy, so the caller's array is never changed.
            let list = value.unchecked_ref::<Array>().slice(0, MAX_VISITS as u32 + 1);
            for i in 0..list.length() {
                if let Some(visit) = bounded_request(&list.get(i)) {
                    list.set(i, visit);
                }
            }
            list.into()
        }
    }
}

#[cfg(feature = "maintainer")]
/// A shallow copy of a request whose `items` array is over the limit, cut; `None` otherwise.
fn bounded_request(value: &JsValue) -> Option<JsValue> {
    if !value.is_object() || Array::is_array(value) {
        return None;
    }
    let items = Reflect::get(value, &"items".into()).ok()?;
    if !Array::is_array(&items) {
        return None;
    }
    let items: Array = items.unchecked_into();
    if items.length() <= MAX_ITEMS as u32 {
        return None;
    }
    let copy = Object::assign(&Object::new(), value.unchecked_ref());
    Reflect::set(&copy, &"items".into(), &items.slice(0, MAX_ITEMS as u32 + 1)).ok()?;
    Some(copy.into())
}

#[cfg(feature = "maintainer")]
/// `JSON.stringify`'s text (cut as [`text_at_most`] does), with its exceptions (cycles, BigInt,
/// too deep) turned into typed errors and non-finite numbers kept as their names.
fn stringify(value: &JsValue, max: usize) -> Result<String, Error> {
    // The plain, native stringify first: a replacer calls back into wasm for every value, which
    // costs more than the whole estimate. Only a text with a null in it can hide a NaN; looked
    // for here rather than by `includes` in JS, which was one more crossing and string per call.
    if let Ok(plain) = JSON::stringify(value) {
        if plain.is_string() {
            let text = text_at_most(&plain, max);
            if !text.as_bytes().windows(4).any(|w| w == b"null") {
                return Ok(text);
            }
        }
    }
    stringify_keeping_non_finite(value).map(|s| text_at_most(&s, max))
}

#[cfg(feature = "maintainer")]
fn stringify_keeping_non_finite(value: &JsValue) -> Result<JsString, Error> {
    let mut keep_non_finite = |_key: js_sys::JsString, v: JsValue| {
        Ok(Some(match v.as_f64() {
            Some(f) if f.is_nan() => JsValue::from_str("NaN"),
            Some(f) if f.is_infinite() => JsValue::from_str(if f > 0.0 { "Infinity" } else { "-Infinity" }),
            _ => v,
        }))
    };
    match JSON::stringify_with_replacer_func(value, &mut keep_non_finite, None) {
        // `undefined` for a function or a symbol.
        Ok(s) if s.is_string() => Ok(s),
        Ok(_) => Err(Error::invalid(
            "",
            t("请求不是 JSON 对象", "the request is not a JSON object"),
        )),
        // A RangeError is JavaScript running out of stack (nesting) or string length (size): a
        // limit, as the JSON parser reports too deep nesting; a TypeError (cycles, BigInt) is not.
        Err(e) if e.is_instance_of::<js_sys::RangeError>() => Err(Error::limit(
            "",
            t(
                "请求嵌套过深或过大，无法转换为 JSON",
                "the request is nested too deeply or too large to turn into JSON",
            ),
        )),
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
#[cfg(feature = "maintainer")]
pub fn pack_texts(packs: &JsValue) -> Result<Vec<String>, JsValue> {
    if !Array::is_array(packs) {
        return Err(js_error(Error::new(
            ErrorCode::InvalidPolicy,
            "",
            t("fromPacks 需要策略包数组", "fromPacks needs an array of packs"),
        )));
    }
    let list = Array::from(packs);
    if list.length() as usize > crate::limits::MAX_PACKS {
        return Err(js_error(Error::limit("", t("策略包过多", "too many packs"))));
    }
    list.iter()
        .enumerate()
        .map(|(i, p)| {
            let text = match p.dyn_ref::<JsString>() {
                Some(s) => text_at_most(s, MAX_PACK_BYTES),
                None => stringify(&p, MAX_PACK_BYTES).map_err(|e| policy_error(i, e))?,
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

#[cfg(feature = "maintainer")]
fn policy_error(index: usize, e: Error) -> JsValue {
    js_error(Error::policy(vec![crate::error::Problem {
        pack: index,
        path: e.path,
        message: e.message,
    }]))
}

/// Longer than any code or date the core accepts as an argument, so cutting there still leaves the
/// core to refuse an over-long one (see `text_at_most`).
const MAX_ARG_CHARS: usize = 256;

pub fn string_arg(value: &JsValue, name: &str) -> Result<String, Error> {
    match value.dyn_ref::<JsString>() {
        Some(s) => Ok(text_at_most(s, MAX_ARG_CHARS)),
        None => Err(Error::invalid(
            name,
            t(format!("{name} 应为文本"), format!("{name} must be a string")),
        )),
    }
}

/// A result as a plain object, built value by value (maps as objects, `None` as `null`): the npm
/// package's builds, through serde-wasm-bindgen.
#[cfg(feature = "maintainer")]
pub fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    value
        .serialize(&serializer)
        .map_err(|e| js_error(result_failed(e.to_string())))
}

/// The same result in the page's own build, as the JSON text JavaScript parses into the same plain
/// object (www/js/engine-loader.js): written by `json::write`, held byte for byte to serde_json.
/// serde-wasm-bindgen's serializer, monomorphised for every result type, is ≈2.8 KB brotli of the
/// page's `.wasm`; the objects are the same, key for key (tests/js/page-build.test.mjs compares
/// both builds).
#[cfg(not(feature = "maintainer"))]
pub fn to_text<T: Serialize>(value: &T) -> Result<String, Error> {
    crate::json::write::to_text(value).map_err(|e| result_failed(e.to_string()))
}

/// A refusal in the page's own build: `!` and the error as JSON text (`code`, `path`,
/// `message: { zh, en }`), which www/js/engine-loader.js throws as the `Error` [`js_error`] makes
/// in the package. One string crosses instead of an `Error` built property by property.
#[cfg(not(feature = "maintainer"))]
pub fn refusal(e: &Error) -> String {
    let mut text = String::from("!");
    // An `Error` is strings and a code, which the writer always writes.
    text.push_str(&crate::json::write::to_text(e).unwrap_or_default());
    text
}

fn result_failed(why: String) -> Error {
    Error::invalid(
        "",
        t(
            format!("结果转换失败：{why}"),
            format!("could not convert the result: {why}"),
        ),
    )
}

#[cfg(feature = "maintainer")]
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
            let _ = Reflect::set(&item, &"messageZh".into(), &JsValue::from_str(&p.message.zh));
            problems.push(&item);
        }
        set("problems", problems.into());
    }
    error.into()
}
