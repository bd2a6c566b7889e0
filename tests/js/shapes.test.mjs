// The hand-worked rule-shape cases (BRIEF §8, tests/cases/shapes.json and shapes-year.json) through
// the npm package: Engine.fromPacks with the test pack (tests/cases/packs/shapes.json), in the
// nodejs, web, MVP and pure-JS builds, and the TypeScript shapes of the new fields.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { compareEstimate, compareError, compareOutcome, builds, outcome } from "./compare.mjs";

const local = (name) => JSON.parse(readFileSync(new URL(`../cases/${name}`, import.meta.url), "utf8"));
const pack = local("packs/shapes.json");
const cases = local("shapes.json");
const years = local("shapes-year.json");

for (const [name, mod] of Object.entries(await builds())) {
  test(`rule-shape cases through the ${name} build`, () => {
    const engine = mod.Engine.fromPacks([pack]);
    assert.ok(cases.length >= 30);
    const failures = cases.flatMap((c) => compareOutcome(c, outcome(() => engine.estimate(c.request))));
    assert.deepEqual(failures, []);
  });

  test(`rule-shape year cases through the ${name} build`, () => {
    const engine = mod.Engine.fromPacks([JSON.stringify(pack)]);
    const failures = [];
    for (const c of years) {
      const got = outcome(() => engine.estimateYear(c.visits));
      if (c.expect.error) {
        failures.push(...(got.error ? compareError(c.expect.error, got.error) : ["expected an error"]).map((d) => `[${c.name}] ${d}`));
        continue;
      }
      assert.equal(got.result?.length, c.expect.length, c.name);
      c.expect.forEach((want, i) =>
        failures.push(...compareEstimate(want, got.result[i]).map((d) => `[${c.name}] visit ${i}: ${d}`)),
      );
    }
    assert.deepEqual(failures, []);
  });

  test(`${name} build: settle gives the new fields as estimate does, null where there is none`, () => {
    const engine = mod.Engine.fromPacks([pack]);
    for (const c of cases.filter((x) => !x.expect.error)) {
      const e = engine.estimate(c.request);
      const d = engine.settle(c.request);
      assert.deepEqual(d.settlement, e.settlement, c.name);
      assert.deepEqual(d.ytdAfter, e.ytdAfter, c.name);
    }
  });
}

test("a pack with a cut beyond the national ceiling for one key is refused at its path", async () => {
  const { node } = await builds();
  const bad = structuredClone(pack);
  const shenzhen = bad.regions.findIndex((r) => r.code === "440300");
  bad.regions[shenzhen].versions[0].reductions.emergency = { factor: { value: "0.85", provenance: "assumed" } };
  assert.throws(
    () => node.Engine.fromPacks([bad]),
    (e) =>
      e.code === "INVALID_POLICY" &&
      e.problems.some((p) => p.path === `regions[${shenzhen}].versions[0].reductions.emergency` && /beyond the national ceiling of 10 points/.test(p.message)),
  );
});

test("the TypeScript shapes declare the new request facts, accounts and settlement fields", () => {
  const types = readFileSync(new URL("../../pkg/node/yibao_policy.d.ts", import.meta.url), "utf8");
  for (const field of ["temporarySelfPay: Money", "admitted: Money", "aboveCostLimit: Money", "costRoom: Money | null",
    "costCounted: Money", "costCountedMonth: Money", "inpatientFundPaid: Money", "birthDate?: IsoDate | null",
    "age?: number | null", "tier?: string | null", "recognizedSince?: RecognizedSince | null"]) {
    assert.ok(types.includes(field), field);
  }
  for (const code of ["AGE_ASSUMED", "TIER_ASSUMED", "RECOGNITION_DATE_ASSUMED", "DISEASE_COUNT_ASSUMED", "INPATIENT_ASSUMED"]) {
    assert.ok(types.includes(`"${code}"`), code);
  }
});
