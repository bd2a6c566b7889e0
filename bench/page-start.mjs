// Engine.withDefaults() of the page's own .wasm (www/vendor/yibao-policy/, the default packs
// compiled in as data) against the package's web build (pkg/web/, packs read from JSON and
// validated), in one process, alternating. "first" is the first call in a fresh instance (each
// round imports the glue again under another URL, so a new module and memory); "warm" the median
// of many calls in one instance. A benchmark, not a test: nothing is asserted.
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

async function fresh(dir, round) {
  const glue = await import(new URL(`yibao_policy.js?round=${round}`, dir).href);
  const bytes = readFileSync(new URL("yibao_policy_bg.wasm", dir));
  const t0 = performance.now();
  glue.initSync({ module: bytes });
  const t1 = performance.now();
  const engine = glue.Engine.withDefaults();
  const t2 = performance.now();
  return { glue, engine, init: t1 - t0, first: t2 - t1 };
}

const results = Object.fromEntries(Object.keys(builds).map((k) => [k, { init: [], first: [], warm: [] }]));
for (let round = 0; round < ROUNDS; round++) {
  for (const [name, dir] of Object.entries(builds)) {
    const { glue, engine, init, first } = await fresh(dir, round);
    engine.free();
    results[name].init.push(init);
    results[name].first.push(first);
    const times = [];
    for (let i = 0; i < 200; i++) {
      const t = performance.now();
      glue.Engine.withDefaults().free();
      times.push(performance.now() - t);
    }
    results[name].warm.push(median(times));
  }
}

console.log(`Engine.withDefaults(), ${ROUNDS} rounds alternating; Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model}, load ${loadavg()[0].toFixed(1)}`);
console.log("build                  compile+instantiate  first withDefaults  warm withDefaults (median)");
for (const [name, r] of Object.entries(results)) {
  const ms = (x) => `${x.toFixed(3)} ms`.padStart(10);
  console.log(`${name.padEnd(22)} ${ms(median(r.init)).padStart(19)}  ${ms(median(r.first)).padStart(18)}  ${ms(median(r.warm)).padStart(26)}`);
}
