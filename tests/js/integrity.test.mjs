// Pack integrity through the JS API (pinned manifests) and `settle`, the numbers-only fast path.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { loadCases } from "./compare.mjs";

const { Engine } = createRequire(import.meta.url)("../../pkg/node/yibao_policy.js");
const packText = (name) => readFileSync(new URL(`../../packs/${name}`, import.meta.url), "utf8");
// Every pack in packs/, by file name: what the engine embeds (build.rs).
const texts = readdirSync(new URL("../../packs/", import.meta.url)).filter((f) => f.endsWith(".json")).sort().map(packText);

test("packs carry a version and a sha256 digest, the same for the file text and the parsed object", () => {
  const fromText = Engine.fromPacks(texts).packs();
  const fromObjects = Engine.fromPacks(texts.map((t) => JSON.parse(t))).packs();
  assert.equal(fromText.length, texts.length);
  assert.ok(fromText.some((p) => p.id === "cn-450000-guangxi"), "the packs written from notices are there");
  for (const p of fromText) assert.match(p.digest, /^sha256:[0-9a-f]{64}$/);
  assert.deepEqual(fromObjects, fromText);
  assert.deepEqual(Engine.withDefaults().packs(), fromText, "the embedded defaults are the files in packs/");
});

test("a pinned manifest accepts exactly its packs and refuses a tampered one", () => {
  const manifest = Object.fromEntries(Engine.withDefaults().packs().map((p) => [p.id, p.digest]));
  const pinned = Engine.fromPacks(texts, { manifest });
  assert.equal(pinned.estimate(loadCases("public.json")[1].request).settlement.fundPays, "4003.50");

  const tampered = JSON.parse(packText("653200-hotan.json"));
  tampered.regions[0].versions[0].diseases.cancer_outpatient.ratio.value = "0.95";
  assert.throws(
    () => Engine.fromPacks([tampered, packText("441900-dongguan.json"), packText("places.json")], { manifest }),
    (e) => e instanceof Error && e.code === "INVALID_POLICY" && e.problems[0].pack === 0 && /tampered/.test(e.message),
  );
  // The same tampered pack loads when nothing is pinned: pinning is the host's choice.
  assert.equal(Engine.fromPacks([tampered, packText("places.json")]).estimate(loadCases("public.json")[0].request).settlement.fundPays, "9500.00");
  assert.throws(() => Engine.fromPacks(texts, { manifest: { x: "md5:1" } }), (e) => e.code === "INVALID_INPUT");
  assert.throws(() => Engine.fromPacks([]), (e) => e.code === "INVALID_POLICY");
});

test("settle gives the numbers of estimate for every public case, without the words", () => {
  const engine = Engine.withDefaults();
  for (const c of loadCases("public.json")) {
    if (c.expect.error) {
      assert.throws(() => engine.settle(c.request), (e) => e.code === c.expect.error.code && e.path === c.expect.error.path);
      continue;
    }
    const full = engine.estimate(c.request);
    const lean = engine.settle(c.request);
    assert.equal(lean.mode, full.mode, c.name);
    assert.equal(lean.directSettlement, full.eligibility.directSettlement, c.name);
    assert.deepEqual(lean.settlement, full.settlement, c.name);
    assert.deepEqual(lean.ytdAfter, full.ytdAfter, c.name);
    assert.deepEqual(lean.checks, Object.fromEntries(full.eligibility.checks.map((k) => [k.code, k.status])), c.name);
    assert.deepEqual(lean.checks, c.expect.checks, c.name);
    assert.equal(lean.trace, undefined);
  }
});
