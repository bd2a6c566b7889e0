// The page's words: every string the Chinese tables have (the first screens', the home's, the
// steps', the year's) the English table has too, and no other, each with the same {placeholders} — so a key
// added in one language cannot silently fall back to Chinese (or to its key) in the other.
import { test } from "node:test";
import assert from "node:assert/strict";
import zh from "../../www/js/strings/zh.js";
import zhSteps from "../../www/js/strings/zh-steps.js";
import zhYear from "../../www/js/strings/zh-year.js";
import zhScreens from "../../www/js/strings/zh-screens.js";
import en from "../../www/js/strings/en.js";
import enSteps from "../../www/js/strings/en-steps.js";
import enYear from "../../www/js/strings/en-year.js";

const parts = { "zh.js": zh, "zh-screens.js": zhScreens, "zh-steps.js": zhSteps, "zh-year.js": zhYear };

test("no key is in two Chinese tables (each string lives once)", () => {
  const seen = new Map();
  for (const [file, table] of Object.entries(parts)) {
    for (const key of Object.keys(table)) {
      assert.ok(!seen.has(key), `${key} is in ${seen.get(key)} and ${file}`);
      seen.set(key, file);
    }
  }
});

test("the Chinese and English tables have the same keys", () => {
  const chinese = new Set(Object.values(parts).flatMap((t) => Object.keys(t)));
  const english = new Set(Object.keys(en));
  assert.deepEqual([...chinese].filter((k) => !english.has(k)).sort(), [], "in Chinese only");
  assert.deepEqual([...english].filter((k) => !chinese.has(k)).sort(), [], "in English only");
});

test("each Chinese file has its English file, key for key (the steps', the year's, the rest in en.js)", () => {
  const sorted = (t) => Object.keys(t).sort();
  assert.deepEqual(sorted(enSteps), sorted(zhSteps));
  assert.deepEqual(sorted(enYear), sorted(zhYear));
});

test("each string has the same placeholders in both languages", () => {
  const names = (text) => [...String(text).matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
  for (const table of Object.values(parts)) {
    for (const [key, text] of Object.entries(table)) {
      if (key in en) assert.deepEqual(names(en[key]), names(text), key);
    }
  }
});
