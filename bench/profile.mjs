// Profiles behind BENCHMARKS.md's "what dominates" (issue 5, part 5). Wall-clock time on this
// shared 2-core machine is noisy, so the native side counts instructions with callgrind, which
// is repeatable; the JS side samples V8's CPU profiler on the names-kept web build.
//
//   scripts/build.sh && node bench/profile.mjs [native] [js] [core] [--reuse]
//
// native — valgrind --tool=callgrind on the criterion binary in profiling mode
//          (YIBAO_PROFILE=<bench id>:<n>, built with line tables into target/bench-profile/),
//          run with n and with 0 iterations; the difference / n is the cost of one call, split
//          by the source file the instructions come from (so inlined code counts where written)
//          and, inclusively, by our functions.
// js     — the JS API `engine.estimate(request)` in a loop under node:inspector's CPU profiler,
//          on target/bench-names (the package's web build with function names), self time
//          grouped: core Rust, serde-wasm-bindgen, JS glue, V8 builtins (JSON.stringify…), GC.
// core   — the same for the wasm core probe (bench/core-wasm, no marshalling), to set against
//          the native split.
import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import { join } from "node:path";
import { loadFixtures, root } from "./fixtures.mjs";
import { buildNamed } from "./names.mjs";

const what = process.argv.slice(2).filter((a) => !a.startsWith("--"));
const REUSE = process.argv.includes("--reuse"); // re-read bench/out/callgrind.*.out instead of re-running valgrind
const want = (k) => what.length === 0 || what.includes(k);
const outDir = join(root, "bench", "out");
mkdirSync(outDir, { recursive: true });
const fmt = (n) => Math.round(n).toLocaleString("en-US");

// ── native: callgrind ─────────────────────────────────────────────────────────────────────
function profileBinary() {
  const r = spawnSync("cargo", ["bench", "--bench", "estimate", "--no-run", "--message-format=json-render-diagnostics"], {
    cwd: root, encoding: "utf8", maxBuffer: 64 << 20,
    env: { ...process.env, CARGO_TARGET_DIR: join(root, "target", "bench-profile"), CARGO_PROFILE_BENCH_DEBUG: "line-tables-only", CARGO_PROFILE_RELEASE_DEBUG: "line-tables-only", CARGO_PROFILE_RELEASE_PANIC: "unwind" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  if (r.status !== 0) {
    console.error(r.stderr.split("\n").filter((l) => /^(error|\s+-->)/.test(l)).slice(0, 6).join("\n"));
    throw new Error("cargo bench --no-run failed (is src/ mid-edit?)");
  }
  const out = r.stdout;
  for (const line of out.split("\n").reverse()) {
    if (!line.startsWith("{")) continue;
    const m = JSON.parse(line);
    if (m.reason === "compiler-artifact" && m.target?.name === "estimate" && m.executable) return m.executable;
  }
  throw new Error("no bench executable");
}

/** callgrind_annotate lines → Map(key → Ir). */
function annotate(file, inclusive) {
  const text = execFileSync("callgrind_annotate", [`--inclusive=${inclusive ? "yes" : "no"}`, "--threshold=100", "--auto=no", file], { encoding: "utf8", maxBuffer: 256 << 20 });
  const rows = new Map();
  let total = 0;
  for (const line of text.split("\n")) {
    const m = /^\s*([\d,]+)\s+\(\s*[\d.]+%\)\s+(.*)$/.exec(line);
    if (!m) continue;
    const ir = Number(m[1].replaceAll(",", ""));
    if (m[2].startsWith("PROGRAM TOTALS")) { total = ir; continue; }
    const key = m[2].replace(/\s+\[[^\]]*\]$/, "");
    rows.set(key, (rows.get(key) ?? 0) + ir);
  }
  return { rows, total };
}

function bucketOfFile(key) {
  const m = /^(.*?\.(?:rs|c|S|h)|\?\?\?):(.*)$/.exec(key);
  const file = m ? m[1] : "???";
  const fn = m ? m[2] : key;
  if (/malloc\.c|\/malloc\//.test(file) || /^(malloc|free|realloc|_int_)/.test(fn)) return "allocator (glibc malloc/free/realloc)";
  if (/\.S$/.test(file) || /^__mem|^memcpy|^memmove|^memcmp|^memset/.test(fn)) return "memcpy/memcmp (libc)";
  if (/rust_decimal/.test(file)) return "rust_decimal (arithmetic, to_string)";
  if (/\/sha2-|\/digest-|\/block-buffer-/.test(file)) return "sha2 (SHA-256 of the packs)";
  if (/library\/(core|alloc)\/src\/fmt|library\/alloc\/src\/string\.rs|library\/core\/src\/fmt/.test(file)) return "core::fmt (format!, Display, String writes)";
  const ours = /(?:^|\/work\/main\/)src\/(.*)$/.exec(file);
  if (ours) return `ours: src/${ours[1]}`;
  if (/library\/alloc/.test(file)) return "alloc (Vec, String, BTreeMap, clone/drop)";
  if (/library\/core/.test(file)) return "core (iterators, slices, ptr::drop)";
  if (/library\/std/.test(file)) return "std";
  if (/benches\/estimate\.rs/.test(file)) return "bench harness";
  const crate = /registry\/src\/[^/]+\/([A-Za-z0-9_-]+?)-\d+\.\d+/.exec(file);
  if (crate) return `crate ${crate[1]}`;
  if (/RawVec|raw_vec|Vec<|__rust_alloc|__rust_dealloc|__rust_realloc/.test(fn)) return "alloc (Vec, String, BTreeMap, clone/drop)";
  return file === "???" ? `unknown (${fn.slice(0, 40)})` : file;
}

function callgrind(bin, id, n) {
  const run = (iters) => {
    const file = join(outDir, `callgrind.${id.replaceAll("/", "_")}.${iters}.out`);
    if (REUSE && existsSync(file)) return file;
    const r = spawnSync("valgrind", ["--tool=callgrind", `--callgrind-out-file=${file}`, bin], {
      env: { ...process.env, YIBAO_PROFILE: `${id}:${iters}` }, encoding: "utf8",
    });
    if (r.status !== 0) throw new Error(`callgrind ${id}: ${r.stderr.split("\n").slice(-5).join(" ")}`);
    return file;
  };
  const [a, b] = [run(n), run(0)];
  const [sa, sb] = [annotate(a, false), annotate(b, false)];
  const [ia, ib] = [annotate(a, true), annotate(b, true)];
  const per = (sa.total - sb.total) / n;
  const buckets = new Map();
  for (const [k, v] of sa.rows) {
    const d = (v - (sb.rows.get(k) ?? 0)) / n;
    if (d <= 0) continue;
    const bk = bucketOfFile(k);
    buckets.set(bk, (buckets.get(bk) ?? 0) + d);
  }
  // Inclusive, our functions only (the symbol, wherever its instructions were inlined from).
  const incl = new Map();
  for (const [k, v] of ia.rows) {
    const m = /^(?:.*?\.(?:rs|c|S|h)|\?\?\?):(yibao_policy::.*|core::ptr::drop_in_place<yibao_policy::.*)$/.exec(k);
    if (!m || /'\d+$/.test(m[1])) continue; // recursion cycles would count twice
    const d = (v - (ib.rows.get(k) ?? 0)) / n;
    if (d <= 0) continue;
    incl.set(m[1], Math.max(incl.get(m[1]) ?? 0, d));
  }
  return { id, per, buckets: [...buckets].sort((x, y) => y[1] - x[1]), inclusive: [...incl].sort((x, y) => y[1] - x[1]) };
}

// ── JS: V8 CPU profiles ───────────────────────────────────────────────────────────────────
/** Rust's legacy mangling (_ZN…E), as the raw cargo output's name section has it. */
function demangle(name) {
  const m = /^_?_ZN(.*)E$/.exec(name);
  if (!m) return name;
  const parts = [];
  let rest = m[1];
  while (rest.length) {
    const len = /^(\d+)/.exec(rest);
    if (!len) break;
    rest = rest.slice(len[1].length);
    parts.push(rest.slice(0, Number(len[1])));
    rest = rest.slice(Number(len[1]));
  }
  return parts.join("::").replace(/\$LT\$/g, "<").replace(/\$GT\$/g, ">").replace(/\$u20\$/g, " ").replace(/\$RF\$/g, "&").replace(/\.\./g, "::").replace(/\$C\$/g, ",");
}

function crateOfWasm(raw) {
  let name = demangle(raw);
  if (/^_R/.test(name)) {
    // v0 mangling: enough to tell the crate.
    if (/\d+dlmalloc/.test(name)) name = "dlmalloc::";
    else if (/12rust_decimal/.test(name)) name = "rust_decimal::";
    else if (/12yibao_policy/.test(name)) name = "yibao_policy::";
    else if (/3fmt/.test(name)) name = "core::fmt::";
    else name = "core::";
  }
  if (/serde_wasm_bindgen/.test(name)) return "wasm: serde-wasm-bindgen (result → JS objects)";
  if (/yibao_policy::wasm::|externref shim|multivalue shim/.test(name)) return "wasm: facade (src/wasm: from_js/to_js, export shims)";
  if (/yibao_policy::json::/.test(name)) return "wasm: our JSON parser (request text)";
  if (/yibao_policy::(trace|wording|text)/.test(name)) return "wasm: explanation (trace, wording)";
  if (/yibao_policy::/.test(name)) return "wasm: core (yibao_policy)";
  if (/dlmalloc|__rust_alloc|__rust_dealloc|__rust_realloc/.test(name)) return "wasm: allocator (dlmalloc)";
  if (/rust_decimal/.test(name)) return "wasm: rust_decimal";
  if (/core::fmt|alloc::fmt|Display>::fmt|Write>::write_str/.test(name)) return "wasm: core::fmt";
  if (/wasm_bindgen|js_sys|__wbindgen/.test(name)) return "wasm: wasm-bindgen runtime";
  if (/^(memcpy|memmove|memset|memcmp|__multi3|compiler_builtins)/.test(name)) return "wasm: compiler_builtins (memcpy, i128)";
  return "wasm: core/alloc/std";
}
function groupOf(frame) {
  const { functionName: f, url } = frame;
  // V8 shares one wasm→JS wrapper per signature and names it after the first import it was made
  // for (e.g. "wasm-to-js:ii:n-js_sys::Error::new…" also serves every (ptr, len) → string import).
  if (f.startsWith("wasm-to-js:")) return "wasm→JS import wrappers (named after one import of the signature)";
  if (url.startsWith("wasm://")) return crateOfWasm(f);
  if (f === "(garbage collector)") return "V8: garbage collector";
  if (f === "(program)" || f === "(idle)" || f === "(root)") return "V8: (program)";
  if (/yibao_policy\.js$|named-glue\.mjs$/.test(url)) return /^__wbg_|^__wbindgen/.test(f) ? `JS glue: imports called from wasm (${f.replace(/_[0-9a-f]{16}$/, "")})` : `JS glue: ${f || "(anonymous)"}`;
  if (!url) return `V8 builtin: ${f || "(anonymous)"}`;
  return "JS: the bench loop, with the glue TurboFan inlined into it";
}

async function cpuProfile(label, body, ms = 3000) {
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.setSamplingInterval", { interval: 50 });
  const end = Date.now() + 300;
  while (Date.now() < end) body(); // warm up
  await session.post("Profiler.start");
  let calls = 0;
  const stop = Date.now() + ms;
  while (Date.now() < stop) { body(); calls++; }
  const { profile } = await session.post("Profiler.stop");
  session.disconnect();
  const self = new Map();
  const dt = new Map();
  for (let i = 0; i < profile.samples.length; i++) dt.set(profile.samples[i], (dt.get(profile.samples[i]) ?? 0) + (profile.timeDeltas[i + 1] ?? 0));
  let total = 0;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const fns = new Map();
  for (const [id, t] of dt) {
    const frame = byId.get(id).callFrame;
    const g = groupOf(frame);
    self.set(g, (self.get(g) ?? 0) + t);
    const f = `${demangle(frame.functionName).replace(/::h[0-9a-f]{16}$/, "") || "(anonymous)"}${frame.url.startsWith("wasm://") ? " [wasm]" : ""}`;
    fns.set(f, (fns.get(f) ?? 0) + t);
    total += t;
  }
  writeFileSync(join(outDir, `${label}.cpuprofile`), JSON.stringify(profile));
  const perCall = (total / calls) ; // µs of samples per call
  return {
    label, calls, perCallUs: perCall,
    groups: [...self].sort((a, b) => b[1] - a[1]).map(([g, t]) => [g, t / calls, t / total]),
    functions: [...fns].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([f, t]) => [f, t / calls, t / total]),
  };
}

// ── Run and print ─────────────────────────────────────────────────────────────────────────
const report = {};
if (want("native")) {
  const bin = REUSE ? "(reused bench/out/callgrind.*.out)" : profileBinary();
  console.log(`## Native instruction counts (callgrind; ${bin.replace(root + "/", "")})\n`);
  report.native = [];
  for (const [id, n] of [["estimate/typed/typical", 2000], ["settle/typed/typical", 5000], ["estimate/json-text-to-json/typical", 1000], ["year/typed/12-visits", 200], ["packs/with-defaults", 50]]) {
    const r = callgrind(bin, id, n);
    report.native.push(r);
    console.log(`### ${id}: ${fmt(r.per)} instructions per call\n`);
    console.log("| where the instructions are (source file, inlined code counted where written) | per call | share |\n|---|---|---|");
    for (const [k, v] of r.buckets.slice(0, 14)) console.log(`| ${k} | ${fmt(v)} | ${((100 * v) / r.per).toFixed(1)}% |`);
    console.log("\n| our function (inclusive) | per call | share |\n|---|---|---|");
    for (const [k, v] of r.inclusive.slice(0, 14)) console.log(`| ${k.replace(/::h[0-9a-f]{16}$/, "").replaceAll("|", "\\|").slice(0, 100)} | ${fmt(v)} | ${((100 * v) / r.per).toFixed(1)}% |`);
    console.log("");
  }
}

const fx = loadFixtures();
if (want("js")) {
  const { glue, wasm } = buildNamed();
  // The glue is an ES module; import a copy next to its wasm.
  const copy = join(outDir, "named-glue.mjs");
  copyFileSync(glue, copy);
  const mod = await import(copy);
  mod.initSync({ module: readFileSync(wasm) });
  const engine = mod.Engine.withDefaults();
  const typicalText = JSON.stringify(fx.typical);
  console.log(`## JS API, V8 CPU profile (names-kept web build; self time per call)\n`);
  report.js = [];
  for (const [label, body] of [
    ["js-estimate-typical", () => engine.estimate(fx.typical)],
    ["js-estimate-typical-text", () => engine.estimate(typicalText)],
    ...(typeof engine.settle === "function" ? [["js-settle-typical", () => engine.settle(fx.typical)]] : []),
  ]) {
    const r = await cpuProfile(label, body);
    report.js.push(r);
    console.log(`### ${label}: ${r.perCallUs.toFixed(1)} µs sampled per call (${r.calls} calls)\n`);
    console.log("| where | µs per call | share |\n|---|---|---|");
    for (const [g, us, share] of r.groups.slice(0, 16)) console.log(`| ${g} | ${us.toFixed(2)} | ${(100 * share).toFixed(1)}% |`);
    console.log("\n| function (self) | µs per call | share |\n|---|---|---|");
    for (const [f, us, share] of r.functions.slice(0, 15)) console.log(`| ${f.replaceAll("|", "\\|").slice(0, 110)} | ${us.toFixed(2)} | ${(100 * share).toFixed(1)}% |`);
    console.log("");
  }
}

if (want("core")) {
  const { buildCoreWasm, CORE } = await import("./core-wasm.mjs");
  const opt = buildCoreWasm();
  const named = opt.replace(/\.opt\.wasm$/, ".named.wasm");
  execFileSync(join(root, "node_modules", ".bin", "wasm-opt"),
    ["-Oz", "-g", "--enable-bulk-memory", "--enable-nontrapping-float-to-int", opt.replace("yibao_bench_core.opt.wasm", "wasm32-unknown-unknown/release/yibao_bench_core.wasm"), "-o", named]);
  const module = await WebAssembly.compile(readFileSync(named));
  const imports = {};
  for (const imp of WebAssembly.Module.imports(module)) (imports[imp.module] ??= {})[imp.name] = () => { throw new Error(imp.name); };
  const { exports } = await WebAssembly.instantiate(module, imports);
  exports.bench_prepare();
  console.log(`## wasm core probe, V8 CPU profile (typed estimate, no marshalling; self time per call)\n`);
  const r = await cpuProfile("core-typed-typical", () => exports.bench_run(CORE.typed, 100));
  r.perCallUs /= 100;
  r.groups = r.groups.map(([g, us, s]) => [g, us / 100, s]);
  report.core = r;
  console.log(`### core typed estimate: ${r.perCallUs.toFixed(2)} µs sampled per call\n`);
  console.log("| where | µs per call | share |\n|---|---|---|");
  for (const [g, us, share] of r.groups.slice(0, 12)) console.log(`| ${g} | ${us.toFixed(2)} | ${(100 * share).toFixed(1)}% |`);
  console.log("\n| function (self) | µs per call | share |\n|---|---|---|");
  for (const [f, us, share] of r.functions.slice(0, 15)) console.log(`| ${f.replaceAll("|", "\\|").slice(0, 110)} | ${(us / 100).toFixed(2)} | ${(100 * share).toFixed(1)}% |`);
}
writeFileSync(join(outDir, "profile.json"), JSON.stringify(report, null, 1));
