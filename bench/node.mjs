// The package benchmark (issue 5, part 2): our JS API (pkg/node) side by side with two peers
// computing the same estimates — GoRules ZEN on JDM graphs (bench/peers/zen/) and plain JS with
// decimal.js (bench/peers/decimaljs.mjs) — plus the wasm core without marshalling against
// native Rust, and cold starts. Prints one table.
//
//   scripts/build.sh && node bench/node.mjs [--quick] [--json bench/out/node.json]
//
// Every engine must first reproduce fundPays and patientPays on every public case it covers
// (and the year case, and agree with ours on the benchmark inputs); one that does not is
// printed with its failures and its times do not count.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import { dirname, join } from "node:path";
import { loadCases, loadFixtures, root } from "./fixtures.mjs";
import * as decimaljs from "./peers/decimaljs.mjs";

const require = createRequire(import.meta.url);
const args = process.argv.slice(2);
const QUICK = args.includes("--quick");
// --no-core: skip the wasm-core-vs-native rows (they build the criterion binary and bench/core-wasm).
const NO_CORE = args.includes("--no-core");
const jsonOut = args.includes("--json") ? args[args.indexOf("--json") + 1] : null;
const BUDGET_MS = QUICK ? 400 : 1500; // measuring time per engine per row
const WARMUP_MS = QUICK ? 150 : 400;
const COLD_RUNS = QUICK ? 5 : 15;

// How bench/run.sh runs cargo bench (see the note there): own target dir, panic=unwind.
const BENCH_CARGO_ENV = { CARGO_TARGET_DIR: join(root, "target", "bench"), CARGO_PROFILE_RELEASE_PANIC: "unwind" };

// ── Engines ───────────────────────────────────────────────────────────────────────────────
function loadOurs() {
  try {
    return require(join(root, "pkg", "node", "yibao_policy.js"));
  } catch (e) {
    console.error(`pkg/node cannot be loaded (${e.message.split("\n")[0]}): run scripts/build.sh first`);
    process.exit(1);
  }
}
const ours = loadOurs();
const engine = ours.Engine.withDefaults();
const fx = loadFixtures();
const typicalText = JSON.stringify(fx.typical);

let zenPeer = null, zenOne = null, zenVersion = null, zenWhyNot = null;
try {
  const { loadZen, createZenPeer, createZenOneExpression } = await import("./peers/zen.mjs");
  const zen = loadZen();
  zenVersion = zen.version;
  zenPeer = createZenPeer(zen);
  zenOne = createZenOneExpression(zen);
} catch (e) {
  zenWhyNot = e.message.split("\n")[0];
}

// ── Correctness gates ─────────────────────────────────────────────────────────────────────
const money = (v) => (v === null || v === undefined ? v : typeof v === "number" ? v.toFixed(2) : v);

/** Runs every public case and the year case; returns { label, ok, failures }. */
async function reproduce(name, estimate, estimateYear) {
  const failures = [];
  const pub = loadCases("public.json");
  let ok = 0;
  for (const c of pub) {
    let r, err;
    try {
      r = await estimate(c.request);
    } catch (e) {
      err = e;
    }
    if (c.expect.error) {
      if (err && err.code === c.expect.error.code && err.path === c.expect.error.path) ok++;
      else failures.push(`${c.name}: expected ${c.expect.error.code} at ${c.expect.error.path}, got ${err ? `${err.code} at ${err.path}` : "a result"}`);
      continue;
    }
    if (err) {
      failures.push(`${c.name}: threw ${err.code ?? ""} ${err.message}`);
      continue;
    }
    const want = c.expect.settlement, got = r.settlement;
    const diff = ["fundPays", "patientPays"].filter((k) => money(got[k]) !== want[k]);
    if (diff.length) failures.push(`${c.name}: ${diff.map((k) => `${k} ${money(got[k])} ≠ ${want[k]}`).join(", ")}`);
    else ok++;
  }
  let yearOk = 0, yearTotal = 0;
  for (const yc of loadCases("year.json")) {
    const results = await estimateYear(yc.visits);
    yc.expect.forEach((want, i) => {
      yearTotal++;
      const got = results[i].settlement;
      const diff = ["fundPays", "patientPays"].filter((k) => want.settlement[k] !== undefined && money(got[k]) !== want.settlement[k]);
      if (diff.length) failures.push(`${yc.name} visit ${i}: ${diff.map((k) => `${k} ${money(got[k])} ≠ ${want.settlement[k]}`).join(", ")}`);
      else yearOk++;
    });
  }
  // The benchmark inputs themselves: the same answers as ours.
  const mine = (r) => [money(r.settlement.fundPays), money(r.settlement.patientPays)].join("/");
  const agree = [];
  for (const key of ["typical", "lines100"]) {
    const [a, b] = [mine(engine.estimate(fx[key])), mine(await estimate(fx[key]))];
    if (a !== b) failures.push(`bench input ${key}: ${b} where ours is ${a}`);
    else agree.push(key);
  }
  const ya = engine.estimateYear(fx.year12).map(mine).join(" ");
  const yb = (await estimateYear(fx.year12)).map(mine).join(" ");
  if (ya !== yb) failures.push(`bench input year12: ${yb} where ours is ${ya}`);
  else agree.push("year12");
  const label = `${ok}/${pub.length} public, ${yearOk}/${yearTotal} year` + (agree.length === 3 ? "" : " (bench inputs differ)");
  return { name, label, ok: failures.length === 0, failures };
}

const gates = {
  ours: await reproduce("ours", (r) => engine.estimate(r), (v) => engine.estimateYear(v)),
  "decimal.js": await reproduce("decimal.js", (r) => decimaljs.estimate(r), (v) => decimaljs.estimateYear(v)),
};
if (typeof engine.settle === "function") gates["ours settle"] = await reproduce("ours settle", (r) => engine.settle(r), (v) => engine.estimateYear(v));
if (zenPeer) gates.ZEN = await reproduce("ZEN", (r) => zenPeer.estimate(r), (v) => zenPeer.estimateYear(v));

// ── Timing ────────────────────────────────────────────────────────────────────────────────
const now = process.hrtime.bigint;
const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))];

/** Per-call latencies (ns) of `fn` (sync or async) for ~BUDGET_MS after a warm-up. */
async function measure(fn, { isAsync = false, budgetMs = BUDGET_MS } = {}) {
  const call = isAsync ? async () => { await fn(); } : fn;
  const warmEnd = Number(now()) + WARMUP_MS * 1e6;
  while (Number(now()) < warmEnd) for (let i = 0; i < 16; i++) isAsync ? await call() : call();
  const samples = [];
  const start = now();
  const end = Number(start) + budgetMs * 1e6;
  while (Number(now()) < end || samples.length < 50) {
    const t = now();
    if (isAsync) await call(); else call();
    samples.push(Number(now() - t));
  }
  const wall = Number(now() - start);
  samples.sort((a, b) => a - b);
  return { p50: pct(samples, 50), p99: pct(samples, 99), opsPerSec: (samples.length / wall) * 1e9, n: samples.length };
}

/** ZEN's own `performance` figure for the same call (what its Rust core says it spent). */
async function measureZenSelfReported(req) {
  const warmEnd = Number(now()) + WARMUP_MS * 1e6;
  while (Number(now()) < warmEnd) await zenPeer.estimate(req);
  const samples = [];
  const end = Number(now()) + BUDGET_MS * 1e6;
  while (Number(now()) < end || samples.length < 50) samples.push(await zenPeer.engineTime(req));
  samples.sort((a, b) => a - b);
  return { p50: pct(samples, 50), p99: pct(samples, 99), opsPerSec: NaN, n: samples.length };
}

// ── The rows. Adding a row (or a lighter call of ours) is one line here. ─────────────────
const zen = (call) => (zenPeer ? { name: "ZEN", gate: "ZEN", isAsync: true, call } : null);
const dj = (call) => ({ name: "decimal.js", gate: "decimal.js", call });
// Issue 13's yardstick: ZEN's least cost, one expression node (no estimate, so no gate of its own).
const zen1 = (req) => (zenOne ? { name: "ZEN, one-expression graph", gate: "ZEN", isAsync: true, call: () => zenOne.evaluate(req) } : null);
const ROWS = [
  { op: "estimate, typical (object)", ours: () => engine.estimate(fx.typical),
    peers: [zen(() => zenPeer.estimate(fx.typical)), zenPeer && { name: "ZEN in-engine (self-reported)", gate: "ZEN", selfReported: fx.typical }, zen1(fx.typical), dj(() => decimaljs.estimate(fx.typical))] },
  { op: "estimate, typical (JSON text in)", ours: () => engine.estimate(typicalText), peers: [] },
  // The lighter call: `settle` returns the numbers (mode, statuses, settlement, ytdAfter) without
  // the words — what the peers return too. Rows whose `when` is false are skipped.
  { op: "settle, typical (numbers only)", when: () => typeof engine.settle === "function", gate: "ours settle", ours: () => engine.settle(fx.typical),
    peers: [zen(() => zenPeer.estimate(fx.typical)), zen1(fx.typical), dj(() => decimaljs.estimate(fx.typical))] },
  { op: "settle, typical (JSON text in)", when: () => typeof engine.settle === "function", gate: "ours settle", ours: () => engine.settle(typicalText), peers: [] },
  { op: "checkEligibility, typical", ours: () => engine.checkEligibility(fx.typical), peers: [] },
  { op: "estimate, 100 lines", ours: () => engine.estimate(fx.lines100),
    peers: [zen(() => zenPeer.estimate(fx.lines100)), dj(() => decimaljs.estimate(fx.lines100))] },
  { op: "estimateYear, 12 visits", ours: () => engine.estimateYear(fx.year12),
    peers: [zen(() => zenPeer.estimateYear(fx.year12)), dj(() => decimaljs.estimateYear(fx.year12))] },
];

// ── Run ───────────────────────────────────────────────────────────────────────────────────
const table = [];
const loadStart = os.loadavg()[0];
for (const row of ROWS) {
  if (row.when && !row.when()) continue;
  const oursGate = gates[row.gate ?? "ours"];
  const o = oursGate.ok ? await measure(row.ours) : null;
  const first = { op: row.op, ours: o, oursCases: oursGate.label, peer: null };
  const peers = row.peers.filter(Boolean);
  if (!peers.length) table.push(first);
  for (const [i, p] of peers.entries()) {
    const gate = gates[p.gate];
    const m = !gate.ok ? null : p.selfReported ? await measureZenSelfReported(p.selfReported) : await measure(p.call, { isAsync: p.isAsync });
    table.push({ ...(i === 0 ? first : { op: "", ours: o }), peer: { name: p.name, m, cases: gate.label, ok: gate.ok } });
  }
}

// The wasm core without marshalling against native Rust. The native side is the criterion
// binary's batch-timing mode (YIBAO_TIME), run right before the wasm probe for each row so both
// see the same load; the ratio is of the best batches (least disturbed by other processes).
// Criterion's own latest median is shown beside it.
const core = [];
let coreWhyNot = null;
try {
  if (NO_CORE) throw new Error("skipped (--no-core)");
  const { buildCoreWasm, loadCoreWasm, timeCore, CORE } = await import("./core-wasm.mjs");
  buildCoreWasm();
  const probe = await loadCoreWasm();
  const bin = nativeBenchBinary();
  const criterion = (id) => {
    const [group, name] = [id.slice(0, id.lastIndexOf("/")).replaceAll("/", "_"), id.slice(id.lastIndexOf("/") + 1)];
    const file = join(BENCH_CARGO_ENV.CARGO_TARGET_DIR, "criterion", group, name, "new", "estimates.json");
    return existsSync(file) ? JSON.parse(readFileSync(file, "utf8")).median.point_estimate : null;
  };
  const native = (id) => {
    const r = spawnSync(bin, [], { env: { ...process.env, YIBAO_TIME: id, YIBAO_ROUNDS: QUICK ? "11" : "31" }, encoding: "utf8" });
    if (r.status !== 0) throw new Error(`native ${id}: ${r.stderr.trim().split("\n").pop()}`);
    return JSON.parse(r.stdout.trim().split("\n").pop());
  };
  for (const [op, which, id] of [
    ["core estimate, typical (typed)", CORE.typed, "estimate/typed/typical"],
    ["core estimate, 100 lines (typed)", CORE.typed100, "estimate/typed/lines100"],
    ["core estimateYear, 12 visits (typed)", CORE.year12, "year/typed/12-visits"],
    ["core estimate from JSON text", CORE.jsonText, "estimate/json-text/typical"],
    ["core JSON text → JSON text", CORE.jsonTextToJson, "estimate/json-text-to-json/typical"],
    ["core settle, typical (typed)", CORE.settle, "settle/typed/typical"],
    ["core withDefaults (packs)", CORE.withDefaults, "packs/with-defaults"],
  ]) {
    const n = native(id);
    const t = timeCore(probe, which, QUICK ? { rounds: 11, batchMs: 10, warmupMs: 100 } : {});
    core.push({ op, id, wasm: t.p50, wasmMin: t.min, native: n.median, nativeMin: n.min, criterion: criterion(id) });
  }
} catch (e) {
  coreWhyNot = e.message.split("\n")[0];
}

/** The criterion bench executable (built by `cargo bench`; cargo is a no-op when up to date). */
function nativeBenchBinary() {
  const build = () => spawnSync("cargo", ["bench", "--bench", "estimate", "--no-run", "--message-format=json-render-diagnostics"], {
    cwd: root, encoding: "utf8", maxBuffer: 64 << 20, env: { ...process.env, ...BENCH_CARGO_ENV },
  });
  let r = build();
  if (r.status !== 0) {
    // src/ may be mid-edit by someone else: one retry a little later.
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20000);
    r = build();
  }
  if (r.status !== 0) throw new Error(`cargo bench --no-run failed: ${r.stderr.split("\n").find((l) => l.startsWith("error")) ?? ""}`);
  const exe = r.stdout.split("\n").filter((l) => l.includes('"executable"')).map((l) => JSON.parse(l)).filter((m) => m.target?.name === "estimate" && m.executable).pop();
  if (!exe) throw new Error("no bench executable");
  return exe.executable;
}

// Cold starts, each in a fresh process.
function cold(which) {
  const runs = [];
  for (let i = 0; i < COLD_RUNS; i++) {
    const r = spawnSync(process.execPath, [join(root, "bench", "cold.mjs"), which], { encoding: "utf8" });
    if (r.status !== 0) return { error: (r.stderr || r.stdout).trim().split("\n")[0] };
    runs.push(JSON.parse(r.stdout));
  }
  const med = (k) => { const v = runs.map((r) => r[k]).sort((a, b) => a - b); return v[v.length >> 1]; };
  return { load: med("load"), init: med("init"), first: med("first"), total: med("total"), initAgain: runs[0].initAgain == null ? null : med("initAgain") };
}
const colds = { "ours (node target)": cold("ours-node"), "ours (web target, initSync)": cold("ours-web") };
if (zenPeer) colds.ZEN = cold("zen");
colds["decimal.js"] = cold("decimaljs");
const loadEnd = os.loadavg()[0];

// ── Print ─────────────────────────────────────────────────────────────────────────────────
const us = (ns) => (ns == null || Number.isNaN(ns) ? "—" : ns >= 1e6 ? `${(ns / 1e6).toFixed(2)} ms` : `${(ns / 1e3).toFixed(ns < 1e4 ? 2 : 1)} µs`);
const ops = (x) => (x == null || Number.isNaN(x) ? "—" : x >= 1e4 ? `${(x / 1e3).toFixed(1)} k` : x.toFixed(0));
const ratio = (a, b) => {
  if (!a || !b) return "—";
  const r = a / b;
  return `${r.toFixed(r < 0.1 ? 3 : 2)} (${r < 1 ? `${(1 / r).toFixed(1)}× faster` : `${r.toFixed(1)}× slower`})`;
};
const cpu = os.cpus();
const machine = `${cpu[0].model}, ${cpu.length} logical CPUs, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.type()} ${os.release()}, Node ${process.version}` +
  (zenVersion ? `, @gorules/zen-engine ${zenVersion}` : "") + `, decimal.js ${require("decimal.js/package.json").version}`;
console.log(`machine: ${machine}`);
console.log(`load average (1 min) ${loadStart.toFixed(2)} → ${loadEnd.toFixed(2)}; ${QUICK ? "quick" : "full"} run, ${BUDGET_MS} ms per measurement, per-call hrtime samples, medians`);
if (zenWhyNot) console.log(`ZEN not run: ${zenWhyNot}`);

const head = ["operation", "ours p50", "ours p99", "ours ops/s", "peer", "peer p50", "peer p99", "ours/peer (p50)", "cases reproduced"];
const rows = table.map((r) => [
  r.op,
  r.op ? (r.ours ? us(r.ours.p50) : "not timed") : "",
  r.op ? (r.ours ? us(r.ours.p99) : "") : "",
  r.op ? (r.ours ? ops(r.ours.opsPerSec) : "") : "",
  r.peer ? r.peer.name : "",
  r.peer ? (r.peer.m ? us(r.peer.m.p50) : "not timed") : "",
  r.peer?.m ? us(r.peer.m.p99) : "",
  r.peer?.m && r.ours ? ratio(r.ours.p50, r.peer.m.p50) : "",
  r.peer ? r.peer.cases : r.op ? r.oursCases : "",
]);
rows.push("-");
for (const c of core) {
  const r = c.wasmMin / c.nativeMin;
  rows.push([c.op, us(c.wasm), "", ops(1e9 / c.wasm), "native Rust, same run", us(c.native), "",
    `${r.toFixed(2)}× native (best batches)`, `criterion median ${c.criterion ? us(c.criterion) : "—"}`]);
}
if (coreWhyNot) rows.push([`core wasm probe not run: ${coreWhyNot}`, "", "", "", "", "", "", "", ""]);
rows.push("-");
const oc = colds["ours (node target)"];
for (const [name, c] of Object.entries(colds)) {
  if (c.error) { rows.push([`cold start, ${name}`, "failed", "", "", "", "", "", "", c.error]); continue; }
  const isOurs = name.startsWith("ours");
  rows.push([
    `cold start, ${name}`,
    isOurs ? `${c.total.toFixed(1)} ms` : "", "", "",
    isOurs ? "" : name,
    isOurs ? "" : `${c.total.toFixed(1)} ms`, "",
    isOurs ? "" : ratio(oc.total, c.total),
    `load ${c.load.toFixed(1)} + init ${c.init.toFixed(1)} + first ${c.first.toFixed(1)} ms` + (c.initAgain != null ? `; init again ${c.initAgain.toFixed(1)} ms` : ""),
  ]);
}
const widths = head.map((h, i) => Math.max(h.length, ...rows.filter(Array.isArray).map((r) => String(r[i]).length)));
const line = (cells) => "| " + cells.map((c, i) => String(c).padEnd(widths[i])).join(" | ") + " |";
console.log(line(head));
console.log("|" + widths.map((w) => "-".repeat(w + 2)).join("|") + "|");
for (const r of rows) console.log(r === "-" ? "|" + widths.map((w) => " ".repeat(w + 2)).join("|") + "|" : line(r));
for (const g of Object.values(gates)) {
  if (!g.ok) console.log(`\n${g.name} did not reproduce every case — its times do not count:\n  ${g.failures.join("\n  ")}`);
}

if (jsonOut) {
  mkdirSync(dirname(jsonOut), { recursive: true });
  writeFileSync(jsonOut, JSON.stringify({ machine, quick: QUICK, loadStart, loadEnd, gates, table, core, colds, zenWhyNot, coreWhyNot }, null, 1));
}
