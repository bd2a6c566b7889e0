// Same-process A/B of two Node builds of the package (issue 13): loads both, alternates them row
// by row in rounds and prints each row's p50 and the after ÷ before ratio (median of the rounds'
// ratios). The machine is shared, so only ratios from one process are worth comparing.
//
//   wasm-pack build --profile npm --target nodejs --out-dir <dir> --out-name yibao_policy --no-pack
//   (`--profile npm`: the package's speed-built profile, Cargo.toml; `--release` is the size-first one)
//   node bench/ab.mjs <before dir> <after dir> [rounds=7] [ms per build per row=150]
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import { loadFixtures } from "./fixtures.mjs";

const require = createRequire(import.meta.url);
const [beforeDir, afterDir, roundsArg, msArg] = process.argv.slice(2);
if (!beforeDir || !afterDir) {
  console.error("usage: node bench/ab.mjs <before dir> <after dir> [rounds] [ms]");
  process.exit(2);
}
const ROUNDS = Number(roundsArg ?? 7), MS = Number(msArg ?? 150);
const modules = [beforeDir, afterDir].map((d) => require(join(resolve(d), "yibao_policy.js")));
const builds = modules.map((m) => m.Engine.withDefaults());
const fx = loadFixtures();
const text = JSON.stringify(fx.typical);
const rows = {
  "settle, typical": (e) => e.settle(fx.typical),
  "estimate, typical": (e) => e.estimate(fx.typical),
  "checkEligibility": (e) => e.checkEligibility(fx.typical),
  "estimate, JSON text in": (e) => e.estimate(text),
  "estimate, 100 lines": (e) => e.estimate(fx.lines100),
  "estimateYear, 12 visits": (e) => e.estimateYear(fx.year12),
  "nationalFields": (e) => e.nationalFields(fx.typical),
  "regions()": (e) => e.regions(),
  // The packs read at start-up (their JSON goes through the same parser as requests).
  "withDefaults()": (e) => { const x = modules[builds.indexOf(e)].Engine.withDefaults(); x.free(); return x.regions ? "engine" : null; },
};
const only = process.env.AB_ROWS ? process.env.AB_ROWS.split(",") : null;
const now = process.hrtime.bigint;
function p50(fn) {
  const end = Number(now()) + MS * 1e6;
  const s = [];
  while (Number(now()) < end || s.length < 30) {
    const t = now();
    fn();
    s.push(Number(now() - t));
  }
  s.sort((a, b) => a - b);
  return s[s.length >> 1];
}
const median = (a) => [...a].sort((x, y) => x - y)[a.length >> 1];
// Both builds must give the same results on every row before any timing counts.
for (const [name, fn] of Object.entries(rows)) {
  const [a, b] = builds.map((e) => JSON.stringify(fn(e)));
  if (a !== b) { console.error(`results differ: ${name}`); process.exit(1); }
}
console.log(`rounds ${ROUNDS} × ${MS} ms per build per row; p50 µs (median of rounds)`);
console.log("row".padEnd(26), "before".padStart(9), "after".padStart(9), "after÷before".padStart(13));
for (const [name, fn] of Object.entries(rows)) {
  if (only && !only.some((o) => name.startsWith(o))) continue;
  for (const e of builds) for (let i = 0; i < 2000; i++) fn(e); // warm both
  const a = [], b = [], r = [];
  for (let k = 0; k < ROUNDS; k++) {
    const [x, y] = k % 2 ? [p50(() => fn(builds[1])), p50(() => fn(builds[0]))].reverse() : [p50(() => fn(builds[0])), p50(() => fn(builds[1]))];
    a.push(x); b.push(y); r.push(y / x);
  }
  console.log(name.padEnd(26), (median(a) / 1e3).toFixed(2).padStart(9), (median(b) / 1e3).toFixed(2).padStart(9), median(r).toFixed(3).padStart(13));
}
