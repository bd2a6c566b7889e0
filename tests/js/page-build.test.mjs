// The page's own .wasm (www/vendor/yibao-policy/, built by scripts/build.sh without the
// `maintainer` feature: the default packs compiled in as data, only the exports www/ calls)
// answers exactly as the package's full engine: every case, every call the page makes, compared
// whole — messages, trace and errors included — against pkg/node.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { loadCases } from "./compare.mjs";

const require = createRequire(import.meta.url);
const full = require("../../pkg/node/yibao_policy.js");
const page = await import("../../www/vendor/yibao-policy/yibao_policy.js");
page.initSync({ module: readFileSync(new URL("../../www/vendor/yibao-policy/yibao_policy_bg.wasm", import.meta.url)) });

// What www/js calls (engine.js, engine-loader.js, year.js): nothing more is exported.
const PAGE_METHODS = ["catalogue", "checkEligibility", "diseases", "estimate", "estimateYear", "nationalFields", "places", "regions"];

function outcome(run) {
  try {
    return { result: run() };
  } catch (e) {
    return { error: { name: e.name, code: e.code, path: e.path, message: e.message, messageZh: e.messageZh } };
  }
}

const cases = [...loadCases("public.json"), ...loadCases("additions.json")];
const years = loadCases("year.json");
const ours = page.Engine.withDefaults();
const theirs = full.Engine.withDefaults();
const same = (what, run) => assert.deepEqual(outcome(() => run(ours)), outcome(() => run(theirs)), what);

test("the page build exports what the page calls, and not the maintainer's calls", () => {
  const methods = Object.getOwnPropertyNames(page.Engine.prototype).filter((m) => m !== "constructor" && m !== "free" && !m.startsWith("__"));
  assert.deepEqual(methods.sort(), PAGE_METHODS);
  assert.equal(typeof page.Engine.withDefaults, "function");
  assert.equal(page.Engine.fromPacks, undefined);
  assert.equal(page.version, undefined);
  // The package keeps them.
  for (const m of ["settle", "packs", ...PAGE_METHODS]) assert.equal(typeof full.Engine.prototype[m], "function", m);
  assert.equal(typeof full.Engine.fromPacks, "function");
});

test("every public and additions case: estimate, checkEligibility and nationalFields as the full engine", () => {
  assert.ok(cases.length >= 27, `${cases.length} cases`);
  for (const c of cases) {
    for (const call of ["estimate", "checkEligibility", "nationalFields"]) {
      same(`${c.name ?? c.id}: ${call}`, (engine) => engine[call](c.request));
      same(`${c.name ?? c.id}: ${call} from text`, (engine) => engine[call](JSON.stringify(c.request)));
    }
  }
});

test("every year case: estimateYear as the full engine", () => {
  assert.ok(years.length >= 1);
  for (const c of years) same(c.name ?? c.id, (engine) => engine.estimateYear(c.visits ?? c.request));
});

test("the pickers' data: regions, places, diseases and catalogues as the full engine", () => {
  same("regions", (engine) => engine.regions());
  same("places", (engine) => engine.places());
  const regions = theirs.regions().map((r) => r.code).concat(["653221", "110000", "110105", "710000", "x"]);
  for (const region of regions) {
    for (const date of ["2024-12-31", "2025-01-01", "2025-06-10", "2026-01-01", "2025-02-30"]) {
      same(`diseases ${region} ${date}`, (engine) => engine.diseases(region, date));
    }
  }
  const places = theirs.places().flatMap((p) => [p.code, ...(p.cities ?? []).map((c) => c.code)]).concat(["110000", "999999", ""]);
  for (const place of places) same(`catalogue ${place}`, (engine) => engine.catalogue(place));
});

test("the page build is smaller than the package's", () => {
  const size = (url) => readFileSync(new URL(url, import.meta.url)).length;
  assert.ok(size("../../www/vendor/yibao-policy/yibao_policy_bg.wasm") < size("../../pkg/web/yibao_policy_bg.wasm"));
});
