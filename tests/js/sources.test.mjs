// The sources the page shows under a published or reposted step of the explanation
// (www/data/sources.json, written by scripts/sources.mjs from the packs): every such step of the
// cases' results finds its source by the rule id the engine gives it, a published one with the
// address to open, and the quote shown is the one that writes the step's figure (大理's source
// quotes "900元", "50%", its 10万 ceiling, its cut and its dialysis bundle: each step its own).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { loadCases } from "./compare.mjs";
import { shownSource } from "../../www/js/result/sources.js";
import { written } from "../../scripts/sources.mjs";

const require = createRequire(import.meta.url);
const { Engine } = require("../../pkg/node/yibao_policy.js");
const data = JSON.parse(readFileSync(new URL("../../www/data/sources.json", import.meta.url), "utf8"));
const notices = JSON.parse(readFileSync(new URL("../cases/notices.json", import.meta.url), "utf8"));

/** The published and reposted steps of every case's result, once per rule and step. */
function shownSteps() {
  const engine = Engine.withDefaults();
  const steps = new Map();
  for (const c of [...notices, ...loadCases("public.json")]) {
    let result;
    try { result = engine.estimate(c.request); } catch { continue; }
    for (const s of result.trace) {
      if (s.provenance === "published" || s.provenance === "reposted") steps.set(`${s.step} ${s.rule}`, s);
    }
  }
  return [...steps.values()];
}

/** How a notice writes the step's figure (scripts/sources.mjs's reading): a ratio or cut as "50%"
 * / "10个百分点", money as its number or in 万 ("10万"). Steps whose value is not the parameter
 * itself (the ratio after cuts, the deductible counted now, a limit grown from several) are not
 * compared. */
function writtenForms(step) {
  if (step.step === "baseRatio" || step.step === "reduction") return written(step.value, true);
  if (/^(annualLimit|monthlyLimit|overallCeiling)$/.test(step.step) && !/\/(growing|ranked)$/.test(step.rule)) {
    return written(step.value, false);
  }
  return null;
}

test("every published or reposted step of the cases shows its own source, quoting its figure", () => {
  const steps = shownSteps();
  assert.ok(steps.length >= 40, `only ${steps.length} steps`);
  const failures = [];
  let compared = 0;
  for (const step of steps) {
    const shown = shownSource(data, step.rule);
    if (!shown) {
      failures.push(`${step.rule}: no source`);
      continue;
    }
    if (!shown.quote) failures.push(`${step.rule}: no quote`);
    if (step.provenance === "published" && !shown.address) failures.push(`${step.rule}: published without an address`);
    const forms = step.value === null ? null : writtenForms(step);
    if (forms) {
      compared += 1;
      if (!forms.some((f) => shown.quote.includes(f))) failures.push(`${step.step} ${step.rule}: ${step.value} not in ${shown.quote}`);
    }
  }
  assert.deepEqual(failures, []);
  assert.ok(compared >= 25, `only ${compared} figures compared`);
});

test("大理: the ratio, the ceiling and the cut each quote their own sentence of the one source", () => {
  const at = "532900/2023-01-01";
  assert.match(shownSource(data, `${at}/cancer_outpatient/ratio/resident`).quote, /^“50%”$/);
  assert.match(shownSource(data, `${at}/overallCeiling/resident`).quote, /10万元\/人\/年/);
  assert.match(shownSource(data, `${at}/reductions/other_temporary`).quote, /转诊转院的 10%/);
  // "No annual limit of its own": the sentence about the limit it shares.
  assert.match(shownSource(data, `${at}/limits/special/annual`).quote, /最高支付限额/);
  // A source of one quote: that one.
  assert.match(shownSource(data, "620600/2023-01-01/limits/chronic/annual/growing").quote, /多一种慢性病多300元/);
});
