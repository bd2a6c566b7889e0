//! The page's own build (no `maintainer` feature, scripts/build.sh): one function, no class.
//! `call(op, a, b)` is the entry point for every call www/ makes, `op` the call's index in
//! `PAGE_CALLS` (www/js/engine-loader.js, which gives the page the package's methods back). The
//! first call makes the page's one engine (the default packs, tables compiled in: nothing to
//! refuse, so no `withDefaults` to call and fail first). One export instead of nine, each with its
//! own shim (the engine's borrow, the result's and the error's crossing), and no `Engine` object
//! to wrap, borrow and free.
//!
//! What crosses back is one string: the result's JSON text, or `!` and the refusal's
//! ([`convert::refusal`]), which engine-loader.js parses, and throws as the `Error` the package
//! throws (`code`, `path`, `message`, `messageZh`): no `Error` built property by property here.
//! The listings answer from the default packs only: the texts generated/defaults.rs holds (written
//! by the package's listing code), not built and serialised here.

use super::convert::{self, string_arg, text_from_js, Json};
use crate::error::Error;
use crate::wire::Wire;
use crate::Engine as Core;
use std::borrow::Cow;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;

thread_local! {
    /// The page's engine (wasm32 without threads: one).
    static ENGINE: RefCell<Option<Core>> = const { RefCell::new(None) };
}

/// The answer to call `op` (www/js/engine-loader.js, `PAGE_CALLS`) as JSON text, or `!` and the
/// refusal as JSON text. The first call makes the engine.
#[wasm_bindgen]
pub fn call(op: u32, a: JsValue, b: JsValue) -> JsValue {
    let answer = ENGINE.with(|engine| {
        let mut engine = engine.borrow_mut();
        answer(engine.get_or_insert_with(Core::built_in), op, &a, &b)
    });
    match answer {
        Ok(text) => JsValue::from_str(&text),
        Err(e) => JsValue::from_str(&convert::refusal(&e)),
    }
}

fn answer(core: &Core, op: u32, a: &JsValue, b: &JsValue) -> Result<Cow<'static, str>, Error> {
    Ok(match op {
        0..=3 => {
            let text = text_from_js(a, if op == 2 { Json::Year } else { Json::Request })?;
            match op {
                0 => convert::to_text(&core.estimate_text(&text)?),
                1 => convert::to_text(&core.check_eligibility_text(&text)?),
                2 => convert::to_text(&core.estimate_year_text(&text)?),
                _ => convert::to_text(&core.national_fields_text(&text)?),
            }?
            .into()
        }
        4 => crate::policy::REGIONS_JSON.into(),
        5 => crate::policy::PLACES_JSON.into(),
        6 => {
            let (region, date) = (string_arg(a, "region")?, string_arg(b, "date")?);
            core.diseases_text(&region, &date)?.into()
        }
        _ => core.catalogue_text(&string_arg(a, "place")?)?.into(),
    })
}
