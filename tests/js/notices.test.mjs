// The default packs written from published notices (issue 22): the hand-worked cases of
// tests/cases/notices.json — the two 南宁 examples first (50.00 and 146.75, as the notices print
// them) — through the npm package's embedded defaults, in the nodejs, web, MVP and pure-JS builds.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { compareOutcome } from "./compare.mjs";

const require = createRequire(import.meta.url);
const cases = JSON.parse(readFileSync(new URL("../cases/notices.json", import.meta.url), "utf8"));

async function builds() {
  const node = require("../../pkg/node/yibao_policy.js");
  const web = await import("../../pkg/web/yibao_policy.js");
  web.initSync({ module: readFileSync(new URL("../../pkg/web/yibao_policy_bg.wasm", import.meta.url)) });
  const mvp = await import("../../pkg/mvp/yibao_policy.js");
  mvp.initSync({ module: readFileSync(new URL("../../pkg/mvp/yibao_policy_bg.wasm", import.meta.url)) });
  const js = await import("../../pkg/js/yibao_policy.js");
  return { node, web, mvp, js };
}

function outcome(run) {
  try {
    return { result: run() };
  } catch (error) {
    return { error };
  }
}

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
