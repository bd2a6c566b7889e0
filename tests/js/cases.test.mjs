// Every public, additions and year case through the nodejs build, the web build (initSync from
// bytes), the MVP build (initSync from its own .wasm) and the pure-JS build (yibao-policy/js).
import { test } from "node:test";
import assert from "node:assert/strict";
import { compareEstimate, compareOutcome, loadCases, builds, outcome } from "./compare.mjs";

const publicCases = loadCases("public.json");
// The national baseline, the person's terms, unknown networking and stale parameters.
const additionCases = loadCases("additions.json");
const yearCases = loadCases("year.json");

// Results must be data a page can keep, compare and post: plain objects and arrays of strings,
// numbers, booleans and null — no class instances, Maps or undefined.
function notPlain(value, at = "result") {
  if (value === null || ["string", "number", "boolean"].includes(typeof value)) return [];
  if (Array.isArray(value)) return value.flatMap((v, i) => notPlain(v, `${at}[${i}]`));
  if (typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.entries(value).flatMap(([k, v]) => notPlain(v, `${at}.${k}`));
  }
  return [`${at}: ${Object.prototype.toString.call(value)}`];
}

for (const [name, mod] of Object.entries(await builds())) {
  test(`public cases through the ${name} build`, () => {
    const engine = mod.Engine.withDefaults();
    assert.ok(publicCases.length >= 17);
    const failures = publicCases.flatMap((c) => compareOutcome(c, outcome(() => engine.estimate(c.request))));
    assert.deepEqual(failures, []);
  });

  test(`additions cases through the ${name} build`, () => {
    const engine = mod.Engine.withDefaults();
    assert.ok(additionCases.length >= 10);
    const failures = additionCases.flatMap((c) => compareOutcome(c, outcome(() => engine.estimate(c.request))));
    assert.deepEqual(failures, []);
  });

  test(`year cases through the ${name} build`, () => {
    const engine = mod.Engine.withDefaults();
    const failures = [];
    for (const c of yearCases) {
      const results = engine.estimateYear(c.visits);
      assert.equal(results.length, c.expect.length);
      c.expect.forEach((want, i) =>
        failures.push(...compareEstimate(want, results[i]).map((d) => `[${c.name}] visit ${i}: ${d}`)),
      );
    }
    assert.deepEqual(failures, []);
  });

  test(`${name} build: results are plain objects, with null where the contract shows null`, () => {
    const engine = mod.Engine.withDefaults();
    for (const c of [...publicCases, ...additionCases].filter((x) => !x.expect.error)) {
      const est = engine.estimate(c.request);
      assert.deepEqual(notPlain(est), [], c.name);
      for (const check of est.eligibility.checks) {
        assert.ok(check.action === null || typeof check.action === "object", `${c.name}: ${check.code}.action`);
        if (check.status === "pass") assert.equal(check.action, null, `${c.name}: ${check.code} passes, so no action`);
      }
      // CONTRACT.md: in "none" mode there is no cap, so capRemaining is null.
      if (c.expect.mode === "none") assert.equal(est.settlement.capRemaining, null, c.name);
      // Without terms under the baseline the amounts are null, never absent.
      if (c.expect.settlement === null) assert.ok(est.settlement === null && est.ytdAfter === null, c.name);
    }
    const d = publicCases[0].request;
    const info = [
      engine.checkEligibility(d), engine.estimateYear([d]), engine.regions(),
      engine.diseases(d.insured.region, d.visit.date), engine.places(), engine.catalogue(d.visit.place),
    ];
    assert.deepEqual(info.flatMap((v, i) => notPlain(v, `call ${i}`)), []);
  });

  test(`${name} build: without terms every call answers what it can`, () => {
    const engine = mod.Engine.withDefaults();
    const c = additionCases.find((x) => x.expect.warnings?.includes("TERMS_NEEDED"));
    const est = engine.estimate(c.request);
    assert.equal(est.policy.baseline, true);
    assert.equal(est.policy.version, "national-baseline");
    assert.equal(est.policy.name.zh, "苏州市");
    assert.ok(est.trace.some((t) => t.step === "terms" && t.value === null));
    const d = engine.settle(c.request);
    assert.equal(d.mode, c.expect.mode);
    assert.equal(d.settlement, null);
    assert.equal(d.ytdAfter, null);
    const e = engine.checkEligibility(c.request);
    assert.ok(e.warnings.some((w) => w.code === "TERMS_NEEDED" && w.path === "insured.terms"));
    const fields = engine.nationalFields(c.request);
    assert.deepEqual(fields.slice(0, 10).map((f) => f.value), Array(10).fill(null));
    assert.equal(fields.find((f) => f.field === "insuplc_admdvs").value, c.request.insured.region);
    const five = engine.diseases(c.request.insured.region, c.request.visit.date).map((x) => x.id);
    assert.deepEqual(five, ["hypertension", "diabetes", "cancer_outpatient", "dialysis", "transplant_antirejection"]);
    // The same person with terms: the amounts, marked as the person's own.
    const withTerms = structuredClone(c.request);
    withTerms.insured.terms = { ratio: "0.7", deductible: "0", annualLimit: null };
    const priced = engine.estimate(withTerms);
    assert.equal(priced.settlement.fundPays, "7000.00");
    assert.equal(priced.trace.find((t) => t.step === "baseRatio").provenance, "user");
  });

  test(`${name} build: amounts may be strings or numbers, requests objects or JSON text`, () => {
    const engine = mod.Engine.withDefaults();
    for (const c of publicCases.filter((x) => !x.expect.error)) {
      const asNumbers = structuredClone(c.request);
      for (const item of asNumbers.items) item.amount = Number(item.amount);
      const asText = JSON.stringify(c.request);
      const failures = [
        ...compareOutcome(c, outcome(() => engine.estimate(asNumbers))).map((d) => `numbers: ${d}`),
        ...compareOutcome(c, outcome(() => engine.estimate(asText))).map((d) => `text: ${d}`),
      ];
      assert.deepEqual(failures, []);
    }
  });
}
