// The default packs written from published notices (issue 22): the hand-worked cases of
// tests/cases/notices.json — the two 南宁 examples first (50.00 and 146.75, as the notices print
// them) — through the npm package's embedded defaults, in the nodejs, web, MVP and pure-JS builds.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { compareOutcome, builds, outcome } from "./compare.mjs";

const cases = JSON.parse(readFileSync(new URL("../cases/notices.json", import.meta.url), "utf8"));

for (const [name, mod] of Object.entries(await builds())) {
  test(`the notices' cases through the ${name} build's defaults`, () => {
    const engine = mod.Engine.withDefaults();
    assert.ok(cases.length >= 4);
    const failures = cases.flatMap((c) => compareOutcome(c, outcome(() => engine.estimate(c.request))));
    assert.deepEqual(failures, []);
    assert.equal(engine.estimate(cases[0].request).settlement.fundPays, "50.00");
    assert.equal(engine.estimate(cases[1].request).settlement.fundPays, "146.75");
  });
}
