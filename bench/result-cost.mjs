// What the estimate result's objects and strings cost to create in JS (issue 13, step 3): the
// estimate itself against re-creating its result by several means, one process, p50 of rounds.
//
//   node bench/result-cost.mjs [pkg/node]
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import { loadFixtures, root } from "./fixtures.mjs";

const require = createRequire(import.meta.url);
const dir = resolve(process.argv[2] ?? join(root, "pkg", "node"));
const engine = require(join(dir, "yibao_policy.js")).Engine.withDefaults();
const fx = loadFixtures();
const result = engine.estimate(fx.typical);
const text = JSON.stringify(result);
const settleText = JSON.stringify(engine.settle(fx.typical));
const ascii = text.replace(/[\u0080-\uffff]/g, (c) => "\\u" + c.charCodeAt(0).toString(16).padStart(4, "0"));

// Every string of the result, as UTF-8 bytes in one buffer (as wasm memory holds them).
const strings = [];
(function walk(v) {
  if (typeof v === "string") strings.push(v);
  else if (Array.isArray(v)) v.forEach(walk);
  else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) walk(x);
})(result);
const enc = new TextEncoder(), dec = new TextDecoder("utf-8", { ignoreBOM: true, fatal: true });
const parts = strings.map((s) => enc.encode(s));
const bytes = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
const spans = [];
let at = 0;
for (const p of parts) { bytes.set(p, at); spans.push([at, at + p.length]); at += p.length; }
const nonAscii = strings.filter((s) => /[^\x00-\x7f]/.test(s));

const rows = {
  "estimate(typical)": () => engine.estimate(fx.typical),
  "settle(typical)": () => engine.settle(fx.typical),
  "JSON.parse(settle's result text)": () => JSON.parse(settleText),
  "JSON.parse(result text, UTF-8)": () => JSON.parse(text),
  "JSON.parse(result text, ASCII \\u escapes)": () => JSON.parse(ascii),
  [`TextDecoder × ${strings.length} strings`]: () => { for (const [a, b] of spans) dec.decode(bytes.subarray(a, b)); },
  [`TextDecoder × ${nonAscii.length} non-ASCII strings only`]: () => { for (const [a, b] of spans) if (b - a > 0 && bytes[a] > 0x7f) dec.decode(bytes.subarray(a, b)); },
  "JSON.stringify(request)": () => JSON.stringify(fx.typical),
};
const now = process.hrtime.bigint;
const p50 = (fn, ms) => { const s = []; const end = Number(now()) + ms * 1e6; while (Number(now()) < end || s.length < 30) { const t = now(); fn(); s.push(Number(now() - t)); } s.sort((a, b) => a - b); return s[s.length >> 1]; };
for (const fn of Object.values(rows)) for (let i = 0; i < 3000; i++) fn();
const got = Object.fromEntries(Object.keys(rows).map((k) => [k, []]));
for (let r = 0; r < 7; r++) for (const [k, fn] of Object.entries(rows)) got[k].push(p50(fn, 100));
const med = (a) => [...a].sort((x, y) => x - y)[a.length >> 1];
console.log(`result: ${strings.length} strings (${nonAscii.length} non-ASCII), text ${Buffer.byteLength(text)} B UTF-8, ${ascii.length} B ASCII`);
const est = med(got["estimate(typical)"]);
for (const k of Object.keys(rows)) console.log(k.padEnd(44), (med(got[k]) / 1e3).toFixed(2).padStart(8), "µs", (100 * med(got[k]) / est).toFixed(0).padStart(5), "% of estimate");
