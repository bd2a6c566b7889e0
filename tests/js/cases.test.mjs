// Every public and year case through the nodejs build and the web build (initSync from bytes).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { compareEstimate, compareError, loadCases } from "./compare.mjs";

const require = createRequire(import.meta.url);
const publicCases = loadCases("public.json");
const yearCases = loadCases("year.json");

async function builds() {
  const node = require("../../pkg/node/yibao_policy.js");
  const web = await import("../../pkg/web/yibao_policy.js");
  web.initSync({ module: readFileSync(new URL("../../pkg/web/yibao_policy_bg.wasm", import.meta.url)) });
  return { node, web };
}

for (const [name, mod] of Object.entries(await builds())) {
  test(`public cases through the ${name} build`, () => {
    const engine = mod.Engine.withDefaults();
    assert.ok(publicCases.length >= 17);
    const failures = [];
    for (const c of publicCases) {
      let outcome;
      try {
        outcome = { result: engine.estimate(c.request) };
      } catch (error) {
        outcome = { error };
      }
      if (c.expect.error) {
        if (!outcome.error) failures.push(`[${c.name}] expected an error, got a result`);
        else failures.push(...compareError(c.expect.error, outcome.error).map((d) => `[${c.name}] ${d}`));
      } else if (outcome.error) {
        failures.push(`[${c.name}] unexpected error ${outcome.error.code} ${outcome.error.path}: ${outcome.error.message}`);
      } else {
        failures.push(...compareEstimate(c.expect, outcome.result).map((d) => `[${c.name}] ${d}`));
      }
    }
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
}
