// The page's own .wasm (www/vendor/yibao-policy/, built by scripts/build.sh without the
// `maintainer` feature: the default packs compiled in as data, only the exports www/ calls)
// answers exactly as the package's full engine: every case, every call the page makes, compared
// whole — messages, trace and errors included — against pkg/node. The page's build reads requests
// as JSON text only; the page makes it (www/js/request-text.js), so its answer to that text is
// held to the package's answer to the object.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { loadCases } from "./compare.mjs";
import { requestText } from "../../www/js/request-text.js";
import { PAGE_CALLS, named } from "../../www/js/engine-loader.js";

const require = createRequire(import.meta.url);
const full = require("../../pkg/node/yibao_policy.js");
const page = await import("../../www/vendor/yibao-policy/yibao_policy.js");
page.initSync({ module: readFileSync(new URL("../../www/vendor/yibao-policy/yibao_policy_bg.wasm", import.meta.url)) });

// What www/js calls (engine.js, engine-loader.js, year.js), through the page build's one entry
// point `call(op, …)` (js/engine-loader.js names them): nothing more is exported.
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
const ours = named(page);
const theirs = full.Engine.withDefaults();
const same = (what, run) => assert.deepEqual(outcome(() => run(ours)), outcome(() => run(theirs)), what);
// A request call: the page's build given the text the page makes, the package given the object.
const sameCall = (what, call, request) =>
  assert.deepEqual(
    outcome(() => ours[call](requestText(request))),
    outcome(() => theirs[call](request)),
    what,
  );

test("the page build exports what the page calls, and not the maintainer's calls", () => {
  // One function, no class: call(op, a, b), op an index in PAGE_CALLS (the first call makes the engine).
  const exported = Object.keys(page).filter((k) => !["default", "initSync"].includes(k)).sort();
  assert.deepEqual(exported, ["call"]);
  assert.deepEqual([...PAGE_CALLS].sort(), PAGE_METHODS);
  assert.deepEqual(Object.keys(ours).sort(), PAGE_METHODS);
  // The package keeps them.
  for (const m of ["settle", "packs", ...PAGE_METHODS]) assert.equal(typeof full.Engine.prototype[m], "function", m);
  assert.equal(typeof full.Engine.fromPacks, "function");
});

test("every public and additions case: estimate, checkEligibility and nationalFields as the full engine", () => {
  assert.ok(cases.length >= 27, `${cases.length} cases`);
  for (const c of cases) {
    for (const call of ["estimate", "checkEligibility", "nationalFields"]) {
      sameCall(`${c.name ?? c.id}: ${call}`, call, c.request);
      same(`${c.name ?? c.id}: ${call} from text`, (engine) => engine[call](JSON.stringify(c.request)));
    }
  }
});

test("every year case: estimateYear as the full engine", () => {
  assert.ok(years.length >= 1);
  for (const c of years) {
    sameCall(c.name ?? c.id, "estimateYear", c.visits ?? c.request);
    same(`${c.name ?? c.id} from text`, (engine) => engine.estimateYear(JSON.stringify(c.visits ?? c.request)));
  }
});

test("the page's text keeps what the package's engine makes of an object: non-finite numbers, too many lines or visits", () => {
  const base = cases[0].request;
  const line = base.items[0];
  const odd = [
    { ...base, visit: { ...base.visit, hospitalLevel: NaN } },
    { ...base, items: [{ ...line, amount: Infinity }] },
    { ...base, items: [{ ...line, amount: -Infinity }] },
    { ...base, items: Array.from({ length: 1500 }, () => line) },
    { ...base, items: "none" },
    null,
    undefined,
    [base],
  ];
  for (const [i, request] of odd.entries()) {
    for (const call of ["estimate", "checkEligibility", "nationalFields"]) sameCall(`odd request ${i}: ${call}`, call, request);
  }
  const visit = years[0].visits ?? years[0].request;
  for (const visits of [Array.from({ length: 1200 }, () => visit[0]), [{ ...visit[0], items: Array.from({ length: 1001 }, () => line) }], {}, "x"]) {
    sameCall(`odd year of ${visits.length}`, "estimateYear", visits);
  }
  // Each of these is refused with its path, as the package refuses it.
  assert.equal(outcome(() => ours.estimate(requestText(odd[3]))).error.path, "items");
});

test("the page's build refuses a request that is not JSON text, with a typed error", () => {
  for (const call of ["estimate", "checkEligibility", "nationalFields", "estimateYear"]) {
    const { error } = outcome(() => ours[call]({ insured: {} }));
    assert.equal(error.code, "INVALID_INPUT", call);
    assert.equal(error.path, "", call);
    assert.match(error.messageZh, /JSON 文本/);
    assert.match(error.message, /JSON text/);
  }
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
  // Arguments that are not strings: the same typed refusal, for the same argument.
  for (const [region, date] of [[undefined, undefined], ["110100", 20250101], [653200, "2025-01-01"]]) {
    same(`diseases ${region} ${date}`, (engine) => engine.diseases(region, date));
  }
  for (const place of [undefined, null, 110000]) same(`catalogue ${place}`, (engine) => engine.catalogue(place));
});

test("the page build is smaller than the package's", () => {
  const size = (url) => readFileSync(new URL(url, import.meta.url)).length;
  assert.ok(size("../../www/vendor/yibao-policy/yibao_policy_bg.wasm") < size("../../pkg/web/yibao_policy_bg.wasm"));
});
