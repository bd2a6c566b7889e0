//! Native benchmarks (issue 5, part 1): `estimate` on the typical request and on a 100-line one,
//! `settle` (the numbers without the words), pack loading + validation, and `estimate_year`
//! over 12 visits — each both typed (request
//! already parsed, result not serialised: the core alone) and end to end from JSON text to JSON
//! text (what the CLI and the wasm facade do around the core).
//!
//! The inputs are bench/fixtures/*.json (built from ../shared/cases by bench/fixtures.mjs).
//!
//!   cargo bench --bench estimate                      # full criterion run
//!
//! bench/run.sh sets CARGO_TARGET_DIR=target/bench and CARGO_PROFILE_RELEASE_PANIC=unwind: the
//! lib is a cdylib+rlib, so a plain `cargo bench` builds it twice (unwind for this bench, abort
//! for the CLI binary) into one unhashed libyibao_policy.rlib, and the later overwrites the other.
//!   cargo bench --bench estimate -- --quick           # what bench/run.sh runs
//!   cargo bench --bench estimate -- estimate/typed    # a filter
//!
//! Profiling: with `YIBAO_PROFILE=<name>:<iterations>` the binary skips criterion and runs one
//! benchmark body that many times — for `valgrind --tool=callgrind`, which counts instructions
//! repeatably on a shared machine (see bench/profile.sh). Names are the benchmark ids below.

use criterion::{black_box, criterion_group, BenchmarkId, Criterion, Throughput};
use std::time::Duration;
use yibao_policy::wire::{parse_text, read_request, Wire};
use yibao_policy::Lines;
use yibao_policy::{Engine, Request};

const TYPICAL: &str = include_str!("../bench/fixtures/typical.json");
const LINES100: &str = include_str!("../bench/fixtures/lines100.json");
const YEAR12: &str = include_str!("../bench/fixtures/year12.json");
const PACKS: [&str; 3] = [
    include_str!("../packs/653200-hotan.json"),
    include_str!("../packs/441900-dongguan.json"),
    include_str!("../packs/places.json"),
];

/// Parsed with the engine's own JSON reader (whatever its value type is).
fn request(text: &str) -> Request {
    let v = parse_text(text, usize::MAX).expect("fixture is JSON");
    Request::from_json(&v, Lines::Required).expect("fixture is a valid request")
}

fn year(text: &str) -> Vec<Request> {
    let v = parse_text(text, usize::MAX).expect("fixture is JSON");
    v.as_array()
        .expect("year fixture is an array")
        .iter()
        .map(|r| Request::from_json(r, Lines::Required).expect("valid visit"))
        .collect()
}

/// Every benchmark body, by id, so criterion and the profiling mode run the same code.
type Body = Box<dyn FnMut()>;

fn bodies() -> Vec<(&'static str, Option<Throughput>, Body)> {
    let engine = Engine::with_defaults().expect("default packs load");
    let typical = request(TYPICAL);
    let lines100 = request(LINES100);
    let year12 = year(YEAR12);
    let typical_result = engine.estimate(&typical).unwrap();

    // The fixtures must settle as the shared cases say (a cheap guard against benchmarking an
    // error path): the contract example pays 4003.50 from the fund.
    assert_eq!(
        typical_result
            .settlement
            .as_ref()
            .expect("a pack region")
            .fund_pays
            .text(),
        "4003.50"
    );
    assert_eq!(engine.estimate_year(&year12).unwrap().len(), 12);

    let e = || engine.clone();
    let mut out: Vec<(&'static str, Option<Throughput>, Body)> = Vec::new();
    {
        let (engine, req) = (e(), typical.clone());
        out.push((
            "estimate/typed/typical",
            Some(Throughput::Elements(1)),
            Box::new(move || drop(black_box(engine.estimate(black_box(&req))))),
        ));
    }
    {
        let (engine, req) = (e(), typical.clone());
        out.push((
            "settle/typed/typical",
            Some(Throughput::Elements(1)),
            Box::new(move || drop(black_box(engine.settle(black_box(&req))))),
        ));
    }
    {
        let engine = e();
        out.push((
            "settle/json-text/typical",
            Some(Throughput::Elements(1)),
            Box::new(move || drop(black_box(engine.settle_text(black_box(TYPICAL))))),
        ));
    }
    {
        let engine = e();
        out.push((
            "estimate/json-text/typical",
            Some(Throughput::Elements(1)),
            Box::new(move || drop(black_box(engine.estimate_text(black_box(TYPICAL))))),
        ));
    }
    {
        let engine = e();
        out.push((
            "estimate/json-text-to-json/typical",
            Some(Throughput::Elements(1)),
            Box::new(move || {
                let est = engine.estimate_text(black_box(TYPICAL)).unwrap();
                drop(black_box(serde_json::to_string(&est).unwrap()));
            }),
        ));
    }
    {
        let est2 = typical_result.clone();
        out.push((
            "serialize/serde_json/typical",
            Some(Throughput::Elements(1)),
            Box::new(move || drop(black_box(serde_json::to_string(black_box(&est2)).unwrap()))),
        ));
    }
    out.push((
        "request/parse/typical",
        Some(Throughput::Elements(1)),
        // As the wasm reads a request: the text onto a tape, the request from the tape.
        Box::new(|| drop(black_box(read_request(black_box(TYPICAL), Lines::Required)))),
    ));
    {
        let (engine, req) = (e(), lines100.clone());
        out.push((
            "estimate/typed/lines100",
            Some(Throughput::Elements(100)),
            Box::new(move || drop(black_box(engine.estimate(black_box(&req))))),
        ));
    }
    {
        let engine = e();
        out.push((
            "estimate/json-text/lines100",
            Some(Throughput::Elements(100)),
            Box::new(move || drop(black_box(engine.estimate_text(black_box(LINES100))))),
        ));
    }
    {
        let (engine, visits) = (e(), year12.clone());
        out.push((
            "year/typed/12-visits",
            Some(Throughput::Elements(12)),
            Box::new(move || drop(black_box(engine.estimate_year(black_box(&visits))))),
        ));
    }
    {
        let engine = e();
        out.push((
            "year/json-text/12-visits",
            Some(Throughput::Elements(12)),
            Box::new(move || drop(black_box(engine.estimate_year_text(black_box(YEAR12))))),
        ));
    }
    out.push((
        "packs/with-defaults",
        None,
        Box::new(|| drop(black_box(Engine::with_defaults().unwrap()))),
    ));
    out.push((
        "packs/from-texts",
        None,
        Box::new(|| drop(black_box(Engine::from_pack_texts(black_box(&PACKS)).unwrap()))),
    ));
    out.push((
        "packs/json-parse-only",
        None,
        Box::new(|| {
            for text in PACKS {
                drop(black_box(parse_text(black_box(text), usize::MAX).unwrap()));
            }
        }),
    ));
    out
}

fn benches(c: &mut Criterion) {
    for (id, throughput, mut body) in bodies() {
        let (group, name) = id.rsplit_once('/').unwrap();
        let mut g = c.benchmark_group(group);
        if let Some(t) = throughput {
            g.throughput(t);
        }
        g.bench_function(BenchmarkId::from_parameter(name), |b| b.iter(&mut body));
        g.finish();
    }
}

criterion_group! {
    name = estimate;
    // A shared 2-core machine: more samples over a longer window than the default, so the
    // median is stable; --quick (bench/run.sh) cuts this down.
    config = Criterion::default()
        .sample_size(60)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3));
    targets = benches
}

/// `YIBAO_TIME=<id>[,<id>…]`: time each body in batches sized to ~10 ms after a warm-up, and
/// print one JSON line per id with the median and best batch in ns per call. bench/node.mjs
/// runs this right before timing the same call inside WebAssembly, so the wasm/native ratio is
/// taken under the same load on a shared machine.
fn time_batches(ids: &str) {
    let rounds: usize = std::env::var("YIBAO_ROUNDS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(21);
    for (id, _, mut body) in bodies() {
        if !ids.split(',').any(|want| want == id) {
            continue;
        }
        let mut n = 1u32;
        let warm = std::time::Instant::now();
        while warm.elapsed() < Duration::from_millis(200) {
            let t = std::time::Instant::now();
            for _ in 0..n {
                body();
            }
            if t.elapsed() < Duration::from_millis(5) {
                n *= 2;
            }
        }
        let mut per_call: Vec<f64> = (0..rounds)
            .map(|_| {
                let t = std::time::Instant::now();
                for _ in 0..n {
                    body();
                }
                t.elapsed().as_nanos() as f64 / f64::from(n)
            })
            .collect();
        per_call.sort_by(f64::total_cmp);
        println!(
            "{{\"id\":\"{id}\",\"median\":{:.1},\"min\":{:.1},\"batch\":{n}}}",
            per_call[per_call.len() / 2],
            per_call[0]
        );
    }
}

fn main() {
    if let Ok(ids) = std::env::var("YIBAO_TIME") {
        time_batches(&ids);
        return;
    }
    if let Ok(spec) = std::env::var("YIBAO_PROFILE") {
        let (name, n) = spec.split_once(':').unwrap_or((spec.as_str(), "1000"));
        let n: u64 = n.parse().expect("YIBAO_PROFILE=<id>:<iterations>");
        let mut found = false;
        for (id, _, mut body) in bodies() {
            if id == name {
                found = true;
                for _ in 0..n {
                    body();
                }
            }
        }
        if !found {
            let ids: Vec<_> = bodies().into_iter().map(|(id, _, _)| id).collect();
            panic!("unknown benchmark {name}; one of {ids:?}");
        }
        return;
    }
    estimate();
    Criterion::default().configure_from_args().final_summary();
}
