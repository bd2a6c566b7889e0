// Engine.withDefaults() of the page's own .wasm (www/vendor/yibao-policy/, the default packs
// compiled in as data) against the package's web build (pkg/web/, packs read from JSON and
// validated), in one process, alternating. "first" is the first call in a fresh instance (each
// round imports the glue again under another URL, so a new module and memory); "warm" the median
// of many calls in one instance. The page's build has no Engine class and no withDefaults: its first
// call makes its one engine (src/wasm/page.rs), so "first" is its first call (regions, a text it
// holds) and it has no "warm". A benchmark, not a test: nothing is asserted.
//
//   scripts/build.sh && node bench/page-start.mjs [--rounds N]
import { readFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";

const args = process.argv.slice(2);
const ROUNDS = args.includes("--rounds") ? Number(args[args.indexOf("--rounds") + 1]) : 15;
const builds = {
  "page (www/vendor)": new URL("../www/vendor/yibao-policy/", import.meta.url),
  "package (pkg/web)": new URL("../pkg/web/", import.meta.url),
};

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
// An engine made: the package's by withDefaults(), the page's by its first call.
const make = (glue) => (glue.Engine ? glue.Engine.withDefaults() : glue.call(4));
const drop = (engine) => engine?.free?.();

async function fresh(dir, round) {
  const glue = await import(new URL(`yibao_policy.js?round=${round}`, dir).href);
  const bytes = readFileSync(new URL("yibao_policy_bg.wasm", dir));
  const t0 = performance.now();
  glue.initSync({ module: bytes });
  const t1 = performance.now();
  const engine = make(glue);
  const t2 = performance.now();
  return { glue, engine, init: t1 - t0, first: t2 - t1 };
}

const results = Object.fromEntries(Object.keys(builds).map((k) => [k, { init: [], first: [], warm: [] }]));
for (let round = 0; round < ROUNDS; round++) {
  for (const [name, dir] of Object.entries(builds)) {
    const { glue, engine, init, first } = await fresh(dir, round);
    drop(engine);
    results[name].init.push(init);
    results[name].first.push(first);
    const times = [];
    for (let i = 0; glue.Engine && i < 200; i++) {
      const t = performance.now();
      drop(make(glue));
      times.push(performance.now() - t);
    }
    results[name].warm.push(times.length ? median(times) : NaN);
  }
}

console.log(`Engine.withDefaults() (the page: its first call), ${ROUNDS} rounds alternating; Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model}, load ${loadavg()[0].toFixed(1)}`);
// Round 1 is the cold start proper: later rounds reuse V8's compiled code for the same bytes.
console.log("build                  round 1: compile+instantiate, first withDefaults | median of rounds: the same | warm withDefaults (median)");
for (const [name, r] of Object.entries(results)) {
  const ms = (x) => (Number.isNaN(x) ? "—" : `${x.toFixed(3)} ms`);
  console.log(`${name.padEnd(22)} ${ms(r.init[0])}, ${ms(r.first[0])} | ${ms(median(r.init))}, ${ms(median(r.first))} | ${ms(median(r.warm))}`);
}
