// Bad input through the nodejs and web builds: every refusal is a real Error (never a
// WebAssembly.RuntimeError) with the documented code, the path of the field that was broken
// (CONTRACT.md "Errors") and a Chinese message; afterwards the same engine still answers the
// contract's example correctly. Expected paths are the fields each entry breaks.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { compareEstimate, loadCases } from "./compare.mjs";
import { contractCase } from "./consumer-project.mjs";

const require = createRequire(import.meta.url);
const example = contractCase();
const CODES = ["INVALID_INPUT", "UNKNOWN_REGION", "UNKNOWN_DISEASE", "LIMIT_EXCEEDED", "INVALID_POLICY"];
const pack = (f) => readFileSync(new URL(`../../packs/${f}`, import.meta.url), "utf8");
const PACKS = ["653200-hotan.json", "441900-dongguan.json", "places.json"].map(pack);

/** The example request with one field set (`undefined` deletes it); "items.0.amount" style paths. */
function withField(path, value, base = example.request) {
  const request = structuredClone(base);
  const keys = path.split(".");
  let o = request;
  for (const k of keys.slice(0, -1)) o = o[k] ??= {};
  if (value === undefined) delete o[keys.at(-1)];
  else o[keys.at(-1)] = value;
  return request;
}
/** "items.0.amount" → "items[0].amount", as error paths name fields. */
const fieldPath = (path) => path.replace(/\.(\d+)/g, "[$1]");
const show = (v) => (typeof v === "string" && v.length > 24 ? `"${v.slice(0, 12)}…" (${v.length})` : typeof v === "bigint" ? `${v}n` : String(JSON.stringify(v) ?? v));

// [label, call(engine, Engine), code or [codes], path]
const corpus = [];
const field = (path, values, code = "INVALID_INPUT") => {
  for (const v of values) corpus.push([`${path} = ${show(v)}`, (e) => e.estimate(withField(path, v)), code, fieldPath(path)]);
};

// Money: a string or a JSON number, 0 to 100,000,000, at most two decimals; plain digits only.
field("items.0.amount", [
  "NaN", NaN, Infinity, -Infinity, "Infinity", "1e5", "1E5", "１２", "12 ", " 12", "+12", "0x10", "1,000", "",
  -0.01, "-0.01", "1.005", 1.005, 1e-7, "100000000.01", 100000000.01, 1e21, true, {}, [], null, undefined,
]);
field("items.0.ceilingAmount", ["-1", NaN, "1.001"]);
field("ytd.deductiblePaid", ["1.001", "NaN"]);
field("ytd.fundPaid", [Infinity, -5]);
field("ytd.fundPaidMonth", ["abc", []]);
field("ytd.fundPaidTotal", [-1, true]);
// Ratios: 0 to 1, at most four decimals.
field("items.0.selfPayRatio", ["1.5", "0.12345", -0.1, NaN, "NaN", true]);
corpus.push(
  ["1e400 in a JSON text request", (e) => e.estimate(JSON.stringify(example.request).replace('"3200.00"', "1e400")), "INVALID_INPUT", "items[0].amount"],
  ["1e400 through JSON.parse (Infinity)", (e) => e.estimate(JSON.parse(JSON.stringify(example.request).replace('"3200.00"', "1e400"))), "INVALID_INPUT", "items[0].amount"],
  ["a BigInt amount", (e) => e.estimate(withField("items.0.amount", 10n)), "INVALID_INPUT", ""],
);

// Wrong types (and wrong values) for every field of the request.
field("insured", ["x", 5, [], true, undefined]);
field("insured.region", [653200, true, {}, "65320", "abcdef", undefined]);
field("insured.scheme", [1, "Employee", undefined]);
field("insured.status", [true, "old"]);
field("insured.recognizedDiseases", ["cancer_outpatient", {}]);
for (const v of [1, null]) {
  corpus.push([`insured.recognizedDiseases = [${v}]`, (e) => e.estimate(withField("insured.recognizedDiseases", [v])), "INVALID_INPUT", "insured.recognizedDiseases[0]"]);
}
field("filing", ["x", 5, []]);
field("filing.category", [5, "bogus", undefined]);
field("filing.place", [441900, "44190", undefined]);
field("filing.start", [20250101, "2025-13-01", "2025-02-30", undefined]);
field("filing.end", [false, "2024-12-31"]);
field("visit", ["x", undefined]);
field("visit.date", [20250610, "2025-6-10", "2025-02-29", "2025-06-10T00:00:00Z", new Date("2025-06-10"), undefined]);
field("visit.place", [441900, "4419000", undefined]);
field("visit.hospitalLevel", [4, 0, 3.5, true, "三", NaN, undefined]);
field("visit.networked", ["yes", 1]);
field("visit.disease", [7, [], undefined]);
field("items", [{}, "x", [], undefined]);
field("items.0", ["x", 5, null]);
field("items.0.code", [5, ["a"]]);
field("items.0.name", [5, {}]);
field("items.0.class", ["D", 1]);
field("ytd", ["x", 5]);
// The person's terms (CONTRACT.md): checked at their path wherever they are given.
field("insured.terms", ["x", 5, [], true]);
field("insured.terms.ratio", [1.2, "1.2", "0.12345", -0.1, "70%"]);
// A missing ratio only where the terms price the disease: a region no pack covers.
const baseline = withField("insured.region", "110000");
for (const v of [null, undefined]) {
  corpus.push([`insured.terms.ratio = ${show(v)} (baseline)`, (e) => e.estimate(withField("insured.terms.ratio", v, baseline)), "INVALID_INPUT", "insured.terms.ratio"]);
}
const withTerms = withField("insured.terms", { ratio: "0.7" });
for (const [key, values] of Object.entries({
  deductible: ["300.123", 300.123, -1, "abc", true, 1e9],
  annualLimit: ["5000.001", -1, "200000000", {}],
  reduction: ["1.5", "0.12345", false],
  unfiledReduction: [2, "x", []],
})) {
  for (const v of values) {
    const path = `insured.terms.${key}`;
    corpus.push([`${path} = ${show(v)}`, (e) => e.estimate(withField(path, v, withTerms)), "INVALID_INPUT", path]);
  }
}
for (const request of [5, [], "not json", null, undefined, true, () => 1]) {
  corpus.push([`the request is ${show(request)}`, (e) => e.estimate(request), "INVALID_INPUT", ""]);
}

// Unknown codes: outside the mainland and the Corps with no pack; no pack knows the disease.
field("insured.region", ["990000", "810000", "710000"], "UNKNOWN_REGION");
field("visit.disease", ["flu"], "UNKNOWN_DISEASE");

// Sizes: CONTRACT.md allows 1 to 1000 lines; strings and the request itself are bounded.
const lines = (n) => Array.from({ length: n }, () => ({ amount: "1", class: "A" }));
field("items", [lines(1001), lines(100_000)], "LIMIT_EXCEEDED");
field("items.0.name", ["名".repeat(201), "x".repeat(1_000_000)], "LIMIT_EXCEEDED");
field("items.0.code", ["c".repeat(65)], "LIMIT_EXCEEDED");
field("visit.disease", ["d".repeat(1_000_000)], "LIMIT_EXCEEDED");
field("insured.region", ["6".repeat(1_000_000)], "LIMIT_EXCEEDED");
field("insured.recognizedDiseases", [Array(101).fill("sle")], "LIMIT_EXCEEDED");
corpus.push(
  ["a request over 1 MiB (a 2 MiB name)", (e) => e.estimate(withField("items.0.name", "x".repeat(2 << 20))), "LIMIT_EXCEEDED", ""],
  ["JSON text over 1 MiB", (e) => e.estimate(JSON.stringify(example.request).padEnd(2 << 20)), "LIMIT_EXCEEDED", ""],
);

// Structure: nesting too deep to read, cycles, and keys that would touch prototypes.
const deep = (n) => {
  const root = {};
  let o = root;
  for (let i = 0; i < n; i++) o = o.a = {};
  return root;
};
// Nesting is bounded like sizes are: too deep for JavaScript's JSON.stringify, or for the parser.
const TOO_DEEP = "LIMIT_EXCEEDED";
corpus.push(
  ["an object nested 100,000 deep", (e) => e.estimate(withField("ytd.extra", deep(100_000))), TOO_DEEP, ""],
  ["an object nested 1,000 deep", (e) => e.estimate(withField("ytd.extra", deep(1000))), TOO_DEEP, ""],
  ["JSON text nested 100,000 deep", (e) => e.estimate(`{"insured":${"[".repeat(100_000)}${"]".repeat(100_000)}}`), TOO_DEEP, ""],
  ["a cycle", (e) => { const r = structuredClone(example.request); r.self = r; return e.estimate(r); }, "INVALID_INPUT", ""],
  ["region only on a JSON.parse'd __proto__", (e) => e.estimate(JSON.parse(JSON.stringify(example.request).replace('"region":"653200",', '"__proto__":{"region":"653200"},'))), "INVALID_INPUT", "insured.region"],
);

// The other methods.
const visit = (over) => ({ ...structuredClone(example.request), ...over });
corpus.push(
  ["checkEligibility, amount 'NaN'", (e) => e.checkEligibility(withField("items.0.amount", "NaN")), "INVALID_INPUT", "items[0].amount"],
  ["checkEligibility, unknown region", (e) => e.checkEligibility(withField("insured.region", "820000")), "UNKNOWN_REGION", "insured.region"],
  ["nationalFields, visit.date 2025-02-30", (e) => e.nationalFields(withField("visit.date", "2025-02-30")), "INVALID_INPUT", "visit.date"],
  ["estimateYear({})", (e) => e.estimateYear({}), "INVALID_INPUT", ""],
  ["estimateYear([])", (e) => e.estimateYear([]), "INVALID_INPUT", ""],
  ["estimateYear, out of date order", (e) => e.estimateYear([example.request, withField("visit.date", "2025-06-01")]), "INVALID_INPUT", "[1].visit.date"],
  ["estimateYear, another insured person", (e) => e.estimateYear([example.request, withField("insured.scheme", "resident")]), "INVALID_INPUT", "[1].insured"],
  ["estimateYear, visit 1 amount NaN", (e) => e.estimateYear([example.request, withField("items.0.amount", NaN)]), "INVALID_INPUT", "[1].items[0].amount"],
  ["estimateYear, 100,000 lines in visit 0", (e) => e.estimateYear([withField("items", lines(100_000))]), "LIMIT_EXCEEDED", "[0].items"],
  ["estimateYear, 1001 visits", (e) => e.estimateYear(Array.from({ length: 1001 }, (_, i) => visit({ visit: { ...example.request.visit, date: `2025-06-${String(1 + (i % 28)).padStart(2, "0")}` } }))), "LIMIT_EXCEEDED", ""],
  ['diseases("x", "y")', (e) => e.diseases("x", "y"), "INVALID_INPUT", "region"],
  ['diseases("653200", "y")', (e) => e.diseases("653200", "y"), "INVALID_INPUT", "date"],
  ["diseases(653200, …)", (e) => e.diseases(653200, "2025-06-10"), "INVALID_INPUT", "region"],
  ["diseases()", (e) => e.diseases(), "INVALID_INPUT", "region"],
  ['diseases("990000", …)', (e) => e.diseases("990000", "2025-06-10"), "UNKNOWN_REGION", "region"],
  ["catalogue(123)", (e) => e.catalogue(123), "INVALID_INPUT", "place"],
  ['catalogue("x")', (e) => e.catalogue("x"), "INVALID_INPUT", "place"],
  ["catalogue(null)", (e) => e.catalogue(null), "INVALID_INPUT", "place"],
);

function check(engine, call, code, path) {
  let error;
  try {
    call(engine);
    return ["no error"];
  } catch (e) {
    error = e;
  }
  const diffs = [];
  if (!(error instanceof Error)) diffs.push(`not an Error: ${String(error)}`);
  if (error instanceof WebAssembly.RuntimeError) diffs.push(`a WebAssembly.RuntimeError: ${error.message}`);
  if (!(Array.isArray(code) ? code : [code]).includes(error?.code)) diffs.push(`code ${error?.code}, expected ${code}`);
  if (error?.path !== path) diffs.push(`path ${JSON.stringify(error?.path)}, expected ${JSON.stringify(path)}`);
  if (error?.name !== "YibaoPolicyError") diffs.push(`name ${error?.name}`);
  if (!(typeof error?.message === "string" && error.message)) diffs.push("no English message");
  if (!/\p{Script=Han}/u.test(error?.messageZh ?? "")) diffs.push("no Chinese messageZh");
  return diffs;
}

const stillRight = (engine) => compareEstimate(example.expect, engine.estimate(example.request));

let webMemory;
async function builds() {
  const node = require("../../pkg/node/yibao_policy.js");
  const web = await import("../../pkg/web/yibao_policy.js");
  webMemory = web.initSync({ module: readFileSync(new URL("../../pkg/web/yibao_policy_bg.wasm", import.meta.url)) }).memory;
  return { node, web };
}

const { web, ...others } = await builds();
for (const [name, { Engine }] of Object.entries({ ...others, web })) {
  test(`${name} build: ${corpus.length} bad inputs throw typed errors; the engine still answers after each`, () => {
    const engine = Engine.withDefaults();
    const failures = [];
    for (const [label, call, code, path] of corpus) {
      for (const d of [...check(engine, call, code, path), ...stillRight(engine)]) failures.push(`${label}: ${d}`);
    }
    assert.deepEqual(failures, []);
  });

  test(`${name} build: NaN and Infinity are refused as numbers, not reported as missing fields`, () => {
    const engine = Engine.withDefaults();
    const message = (value) => {
      try {
        engine.estimate(withField("items.0.amount", value));
      } catch (e) {
        return e.message;
      }
    };
    const missing = message(undefined);
    for (const v of [NaN, Infinity, -Infinity]) assert.notEqual(message(v), missing, String(v));
  });

  test(`${name} build: __proto__ keys are plain keys; nothing is polluted`, () => {
    const engine = Engine.withDefaults();
    const text = JSON.stringify(example.request)
      .replace(/^\{/, '{"__proto__":{"polluted":1},')
      .replace('"insured":{', '"insured":{"__proto__":{"scheme":"resident"},')
      .replace('"items":[{', '"items":[{"__proto__":{"amount":"1"},');
    for (const request of [JSON.parse(text), text]) {
      assert.deepEqual(compareEstimate(example.expect, engine.estimate(request)), []);
    }
    assert.equal({}.polluted, undefined);
    assert.equal(Object.prototype.scheme, undefined);
  });

  test(`${name} build: Engine.fromPacks with broken packs throws INVALID_POLICY with problems[] paths`, () => {
    const hotan = JSON.parse(PACKS[0]);
    const mutate = (f) => {
      const p = structuredClone(hotan);
      f(p);
      return p;
    };
    // BRIEF §3: temporary categories may lower the ratio by at most 10 (referral) and 20 points.
    const tooLow = mutate((p) => {
      p.regions[0].versions[0].reductions.referral.value = "0.15";
      p.regions[0].versions[0].reductions.other_temporary.value = "0.25";
    });
    const cases = [
      ["a string", () => Engine.fromPacks("packs"), "", []],
      ["nothing", () => Engine.fromPacks(), "", []],
      ["reductions above the national ceilings", () => Engine.fromPacks([PACKS[2], tooLow]), "regions[0].versions[0].reductions.referral",
        [[1, "regions[0].versions[0].reductions.referral"], [1, "regions[0].versions[0].reductions.other_temporary"]]],
      ["no format, no id", () => Engine.fromPacks([PACKS[2], PACKS[1], mutate((p) => { p.format = "nope"; delete p.id; })]), "format",
        [[2, "format"], [2, "id"]]],
      ["JSON syntax", () => Engine.fromPacks(["{"]), "", [[0, ""]]],
      ["a number for a pack", () => Engine.fromPacks([PACKS[2], 5]), "", [[1, ""]]],
      ["the same region twice", () => Engine.fromPacks([PACKS[0], PACKS[0]]), "regions[0].code", [[1, "regions[0].code"]]],
      ["NaN for a reduction", () => Engine.fromPacks([mutate((p) => { p.regions[0].versions[0].reductions.referral.value = NaN; })]),
        "regions[0].versions[0].reductions.referral", [[0, "regions[0].versions[0].reductions.referral"]]],
    ];
    const engine = Engine.withDefaults();
    const failures = [];
    for (const [label, call, path, problems] of cases) {
      let error;
      try {
        call();
      } catch (e) {
        error = e;
      }
      const at = (p) => p.path.replace(/\.value$/, "");
      const got = (error?.problems ?? []).map((p) => [p.pack, at(p)]);
      const diffs = [
        ...check(null, () => { throw error; }, "INVALID_POLICY", error?.path).filter((d) => !d.startsWith("path")),
        ...(at({ path: error?.path ?? "" }) === path ? [] : [`path ${error?.path}, expected ${path}`]),
        ...problems.filter(([i, p]) => !got.some(([j, q]) => i === j && q === p)).map((p) => `no problem ${p}`),
        ...(error?.problems ?? []).filter((p) => !p.message || !/\p{Script=Han}/u.test(p.messageZh)).map((p) => `problem ${p.path} lacks messages`),
        ...stillRight(engine),
      ];
      failures.push(...diffs.map((d) => `${label}: ${d}`));
    }
    assert.deepEqual(failures, []);
    assert.deepEqual(stillRight(Engine.fromPacks(PACKS)), [], "the default packs, loaded at run time");
    assert.deepEqual(stillRight(Engine.fromPacks(PACKS.map((p) => JSON.parse(p)))), [], "the same packs as objects");
  });

  test(`${name} build: random mutations of every public case never escape as anything but typed errors`, () => {
    const engine = Engine.withDefaults();
    const requests = loadCases("public.json").map((c) => c.request);
    const odd = [null, undefined, NaN, -1, 0, 1, 3, 1.5, 1e308, "", "0", "1.00", "-0.00", "99999999.99", "100000000",
      "1e2", "２", "0.00001", true, [], {}, [1], "653200", "441900", "110000", "2024-02-29", "9999-12-31",
      "B", "emergency", "x".repeat(300), "\u0000", "\ud800", "🙂".repeat(70)];
    let seed = 20250610;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const pick = (a) => a[Math.floor(random() * a.length)];
    const paths = (o, p = []) => [p, ...(o && typeof o === "object" ? Object.keys(o).flatMap((k) => paths(o[k], [...p, k])) : [])];
    const failures = [];
    for (let i = 0; i < 3000 && failures.length < 5; i++) {
      const request = structuredClone(pick(requests));
      for (let m = 0; m <= random() * 3; m++) {
        const path = pick(paths(request).slice(1));
        const parent = path.slice(0, -1).reduce((o, k) => o[k], request);
        parent[path.at(-1)] = pick(odd);
      }
      const method = pick(["estimate", "checkEligibility", "nationalFields", "estimateYear"]);
      try {
        if (method === "estimateYear") engine.estimateYear([request, request]);
        else engine[method](request);
      } catch (e) {
        const typed = e instanceof Error && !(e instanceof WebAssembly.RuntimeError) && CODES.includes(e.code) && typeof e.path === "string" && e.messageZh;
        if (!typed) failures.push(`${method}(${JSON.stringify(request)}): ${e}`);
      }
    }
    assert.deepEqual(failures, []);
    assert.deepEqual(stillRight(engine), []);
  });
}

test("web build: huge strings are refused without first being copied into wasm memory", () => {
  const { Engine } = web;
  const engine = Engine.withDefaults();
  const before = webMemory.buffer.byteLength;
  const huge = "4".repeat(64 << 20);
  const failures = [
    ...check(engine, (e) => e.estimate(huge), "LIMIT_EXCEEDED", ""),
    ...check(engine, (e) => e.estimateYear(huge), "LIMIT_EXCEEDED", ""),
    ...check(engine, (e) => e.catalogue(huge), "LIMIT_EXCEEDED", "place"),
    ...check(engine, (e) => e.diseases(huge, "2025-06-10"), "LIMIT_EXCEEDED", "region"),
    ...check(null, () => Engine.fromPacks([huge]), "LIMIT_EXCEEDED", "[0]"),
    ...stillRight(engine),
  ];
  assert.deepEqual(failures, []);
  // Wasm memory never shrinks: a hostile string must not leave the page 64 MiB (or 256) heavier.
  assert.ok(webMemory.buffer.byteLength - before < 32 << 20, `memory grew by ${(webMemory.buffer.byteLength - before) >> 20} MiB`);
});
