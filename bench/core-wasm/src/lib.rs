//! Exports plain `extern "C"` functions (no wasm-bindgen of its own) that loop the engine's typed
//! calls on requests parsed once, so JavaScript can time the core alone: `bench_prepare()` once,
//! then `bench_run(which, n)`. Each returns a checksum (the fund's payment in fen) so the loop
//! cannot be optimised away and the caller can check the answer.
//!
//! The engine crate compiled for wasm32 also brings its wasm-bindgen facade; its imports are
//! never called here, and bench/core-wasm.mjs satisfies them with stubs that throw.

use std::cell::RefCell;
use std::hint::black_box;
use yibao_policy::request::Lines;
use yibao_policy::wire::{parse_text, Wire};
use yibao_policy::{Engine, Estimate, Request};

const TYPICAL: &str = include_str!("../../fixtures/typical.json");
const LINES100: &str = include_str!("../../fixtures/lines100.json");
const YEAR12: &str = include_str!("../../fixtures/year12.json");

struct State {
    engine: Engine,
    typical: Request,
    lines100: Request,
    year12: Vec<Request>,
}

thread_local! {
    static STATE: RefCell<Option<State>> = const { RefCell::new(None) };
}

fn request(text: &str) -> Request {
    let v = parse_text(text, usize::MAX).expect("fixture is JSON");
    Request::from_json(&v, Lines::Required).expect("fixture is a valid request")
}

fn fen(e: &Estimate) -> u32 {
    e.settlement
        .as_ref()
        .map_or_else(String::new, |s| s.fund_pays.text())
        .replace('.', "")
        .parse()
        .unwrap_or(u32::MAX)
}

/// Loads the default packs and parses the fixtures; returns the typical request's fund payment
/// in fen (400350).
#[no_mangle]
pub extern "C" fn bench_prepare() -> u32 {
    let engine = Engine::with_defaults().expect("default packs");
    let year_value = parse_text(YEAR12, usize::MAX).expect("year fixture is JSON");
    let year12 = year_value
        .as_array()
        .expect("array")
        .iter()
        .map(|v| Request::from_json(v, Lines::Required).expect("valid visit"))
        .collect();
    let state = State {
        typical: request(TYPICAL),
        lines100: request(LINES100),
        year12,
        engine,
    };
    let check = fen(&state.engine.estimate(&state.typical).unwrap());
    STATE.with(|s| *s.borrow_mut() = Some(state));
    check
}

/// Runs benchmark `which` `n` times (n ≥ 1); only the last result is checked, so the loop body
/// is the same as the native criterion bench's (run, then drop):
/// 0 typed estimate (typical) · 1 typed estimate (100 lines) · 2 typed estimate_year (12 visits)
/// · 3 estimate from JSON text (typical) · 4 JSON text in, JSON text out (typical)
/// · 5 Engine::with_defaults (pack parsing and validation) · 6 typed settle (typical: the numbers
/// without the words).
#[no_mangle]
pub extern "C" fn bench_run(which: u32, n: u32) -> u32 {
    STATE.with(|s| {
        let s = s.borrow();
        let s = s.as_ref().expect("bench_prepare first");
        for _ in 1..n {
            match which {
                0 => drop(black_box(s.engine.estimate(black_box(&s.typical)))),
                1 => drop(black_box(s.engine.estimate(black_box(&s.lines100)))),
                2 => drop(black_box(s.engine.estimate_year(black_box(&s.year12)))),
                3 => drop(black_box(s.engine.estimate_text(black_box(TYPICAL)))),
                4 => {
                    let e = s.engine.estimate_text(black_box(TYPICAL)).unwrap();
                    drop(black_box(serde_json::to_string(&e)));
                }
                5 => drop(black_box(Engine::with_defaults())),
                6 => drop(black_box(s.engine.settle(black_box(&s.typical)))),
                _ => return u32::MAX,
            }
        }
        match which {
            0 => fen(&s.engine.estimate(black_box(&s.typical)).unwrap()),
            1 => fen(&s.engine.estimate(black_box(&s.lines100)).unwrap()),
            2 => fen(s.engine.estimate_year(black_box(&s.year12)).unwrap().last().unwrap()),
            3 => fen(&s.engine.estimate_text(black_box(TYPICAL)).unwrap()),
            4 => {
                let e = s.engine.estimate_text(black_box(TYPICAL)).unwrap();
                serde_json::to_string(&e).map_or(0, |s| s.len() as u32)
            }
            5 => Engine::with_defaults().unwrap().regions().len() as u32,
            6 => s
                .engine
                .settle(black_box(&s.typical))
                .unwrap()
                .settlement
                .map_or_else(String::new, |s| s.fund_pays.text())
                .replace('.', "")
                .parse()
                .unwrap_or(u32::MAX),
            _ => u32::MAX,
        }
    })
}
