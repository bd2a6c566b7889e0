// One cold start, in a fresh Node process: load the engine (for ours: read, compile and
// instantiate the .wasm), make it ready, run the first estimate. Prints one JSON line of ms:
// { load, init, first, total }. bench/node.mjs spawns this many times and takes medians.
//
//   node bench/cold.mjs ours-node | ours-web | zen | decimaljs
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { performance } from "node:perf_hooks";

const which = process.argv[2];
const require = createRequire(import.meta.url);
const request = JSON.parse(readFileSync(new URL("./fixtures/typical.json", import.meta.url), "utf8"));

const t0 = performance.now();
let t1, t2, result, again = null;
switch (which) {
  case "ours-node": {
    // The package's CommonJS node target: require() reads the .wasm and instantiates it.
    const { Engine } = require("../pkg/node/yibao_policy.js");
    t1 = performance.now();
    const engine = Engine.withDefaults();
    t2 = performance.now();
    result = engine.estimate(request).settlement.fundPays;
    again = () => { Engine.withDefaults(); };
    break;
  }
  case "ours-web": {
    // The web target as a browser page uses it, with the bytes read from disk (initSync).
    const web = await import("../pkg/web/yibao_policy.js");
    web.initSync({ module: readFileSync(new URL("../pkg/web/yibao_policy_bg.wasm", import.meta.url)) });
    t1 = performance.now();
    const engine = web.Engine.withDefaults();
    t2 = performance.now();
    result = engine.estimate(request).settlement.fundPays;
    break;
  }
  case "zen": {
    const { createZenPeer, loadZen } = await import("./peers/zen.mjs");
    const zen = loadZen(); // the native binding (.node)
    t1 = performance.now();
    const peer = createZenPeer(zen); // parses and compiles both graphs
    t2 = performance.now();
    result = (await peer.estimate(request)).settlement.fundPays.toFixed(2);
    break;
  }
  case "decimaljs": {
    const peer = await import("./peers/decimaljs.mjs");
    t1 = performance.now();
    t2 = t1; // nothing to prepare: the tables are object literals
    result = peer.estimate(request).settlement.fundPays;
    break;
  }
  default:
    console.error("usage: node bench/cold.mjs ours-node | ours-web | zen | decimaljs");
    process.exit(2);
}
const t3 = performance.now();
if (result !== "4003.50") {
  console.error(`${which}: first estimate paid ${result}, expected 4003.50`);
  process.exit(1);
}
// The same initialisation once more, now that its code has run once (for ours: V8 has compiled
// the wasm functions it lazily left for their first call) — the gap shows what cold costs.
let initAgain = null;
if (again) {
  const t4 = performance.now();
  again();
  initAgain = performance.now() - t4;
}
console.log(JSON.stringify({ which, load: t1 - t0, init: t2 - t1, first: t3 - t2, total: t3 - t0, initAgain }));
