// How the page reads the numbers a person types for a place without a pack (www/js/term-input.js,
// www/js/terms.js): percentages to ratios without floats, "无" and "不知道" as different answers,
// the URL's values back into what the field shows. Plain Node: the modules have no DOM.
import { test } from "node:test";
import assert from "node:assert/strict";
import { TERM_FIELDS, termsOf } from "../../www/js/terms.js";
import { typedToValue, valueToTyped } from "../../www/js/term-input.js";

const field = (term) => TERM_FIELDS.find((f) => f.term === term);

test("a percentage, with or without %, becomes the ratio, digit for digit", () => {
  const ratio = field("ratio");
  for (const [typed, value] of [["70", "0.7"], ["70%", "0.7"], ["７０％", "0.7"], [" 5 ", "0.05"], ["100", "1"], ["70.5", "0.705"], ["120", "1.2"], ["0", "0"]]) {
    assert.equal(typedToValue(ratio, typed), value, typed);
  }
  // Unreadable text is passed on as typed, so the engine's message explains it at the field.
  assert.equal(typedToValue(ratio, "七十"), "七十");
});

test("a plain fraction like 0.7 is read as 70 %, a percent sign keeps it a percentage", () => {
  for (const f of TERM_FIELDS.filter((x) => x.kind === "ratio")) {
    for (const [typed, value] of [["0.7", "0.7"], [".7", "0.7"], ["0.70", "0.7"], ["０.８５", "0.85"], ["0.05", "0.05"],
      ["0.7%", "0.007"], ["0.7 %", "0.007"], ["70", "0.7"], ["70%", "0.7"], ["1", "0.01"], ["0.0", "0"], ["0", "0"]]) {
      assert.equal(typedToValue(f, typed), value, `${f.term}: ${typed}`);
    }
  }
  // Money is never a fraction of anything.
  assert.equal(typedToValue(field("deductible"), "0.5"), "0.5");
  // A link's 0.7 % is shown with its sign, so typing on from it does not turn it into 70 %.
  const ratio = field("ratio");
  assert.equal(valueToTyped(ratio, "0.007", "无"), "0.7%");
  assert.equal(typedToValue(ratio, valueToTyped(ratio, "0.007", "无")), "0.007");
});

test("无 (none) and 不知道 (not known) are different answers", () => {
  assert.equal(typedToValue(field("annualLimit"), "无"), "none");
  assert.equal(typedToValue(field("deductible"), "没有"), "0");
  assert.equal(typedToValue(field("reduction"), "none"), "0");
  for (const f of TERM_FIELDS) assert.equal(typedToValue(f, "不知道"), "", f.term);
  assert.equal(typedToValue(field("deductible"), "1,200元"), "1200");
});

test("the request's terms: a stated no-limit is null, an unknown one absent", () => {
  assert.equal(termsOf({ termsRatio: "", termsDeductible: "", termsLimit: "", termsReduction: "", termsUnfiled: "" }), undefined);
  assert.deepEqual(termsOf({ termsRatio: "0.7", termsDeductible: "0", termsLimit: "none", termsReduction: "", termsUnfiled: "0.15" }),
    { ratio: "0.7", deductible: "0", annualLimit: null, unfiledReduction: "0.15" });
  assert.deepEqual(termsOf({ termsRatio: "", termsDeductible: "300" }), { deductible: "300" }, "a missing ratio reaches the engine, which names it");
});

test("a link's values are shown as the person typed them", () => {
  assert.equal(valueToTyped(field("ratio"), "0.7", "无"), "70");
  assert.equal(valueToTyped(field("reduction"), "0.105", "无"), "10.5");
  assert.equal(valueToTyped(field("annualLimit"), "none", "无"), "无");
  assert.equal(valueToTyped(field("deductible"), "300", "无"), "300");
});
