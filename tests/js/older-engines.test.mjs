// The builds for older engines (issue 12): the MVP .wasm really is MVP, the main .wasm needs
// exactly the features the READMEs state, and the pure-JS build (wasm2js) answers exactly as the
// WebAssembly build does — also after its memory has grown, and with no WebAssembly at all.
// (Every public and year case through pkg/mvp and pkg/js: cases.test.mjs.)
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import vm from "node:vm";
import { compareOutcome, loadCases } from "./compare.mjs";
import { repo } from "./consumer-project.mjs";

const require = createRequire(import.meta.url);
const pkg = join(repo, "pkg");
const WASM_OPT = join(repo, "node_modules", ".bin", "wasm-opt"); // npm's binaryen, never Debian's
const publicCases = loadCases("public.json");
const yearCases = loadCases("year.json");

/** Does `wasm-opt` accept the module with only these features, once its target_features section
 *  (which would re-enable what it names) is stripped? (`strip: false` for a module without one.) */
function validates(wasm, features, { strip = true } = {}) {
  const dir = mkdtempSync(join(tmpdir(), "yibao-features-"));
  try {
    const copy = strip ? join(dir, "stripped.wasm") : wasm;
    if (strip) execFileSync(WASM_OPT, ["--strip-target-features", wasm, "-o", copy]);
    execFileSync(WASM_OPT, ["-q", "--mvp-features", ...features.map((f) => `--enable-${f}`), copy, "-o", join(dir, "out.wasm")], { stdio: "pipe" });
    return true;
  } catch (e) {
    if (e.status === undefined) throw e;
    return false;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// What the main .wasm needs beyond MVP, as README.md, npm/README.md and www/README.md state
// (memory.copy and memory.fill are binaryen's "bulk-memory-opt", part of bulk memory in browsers).
const MAIN_NEEDS = { "reference-types": "reference types", multivalue: "multi-value", "sign-ext": "sign extension", "bulk-memory-opt": "bulk memory" };

test("the MVP .wasm validates with MVP features only — and the same check refuses the main .wasm", () => {
  assert.equal(validates(join(pkg, "mvp", "yibao_policy_bg.wasm"), []), true, "pkg/mvp/yibao_policy_bg.wasm uses a post-MVP feature");
  // The main .wasm has no target_features section (wasm-opt strips it: Cargo.toml).
  assert.equal(validates(join(pkg, "web", "yibao_policy_bg.wasm"), [], { strip: false }), false);
});

test("the main .wasm needs exactly the features the READMEs state", () => {
  const wasm = join(pkg, "web", "yibao_policy_bg.wasm");
  const all = Object.keys(MAIN_NEEDS);
  assert.equal(validates(wasm, all, { strip: false }), true, `needs more than ${all.join(", ")}`);
  for (const f of all) assert.equal(validates(wasm, all.filter((x) => x !== f), { strip: false }), false, `does not use ${f} any more`);
  for (const file of ["README.md", "npm/README.md", "www/README.md"]) {
    const text = readFileSync(join(repo, file), "utf8").toLowerCase().replace(/\s+/g, " ");
    for (const name of Object.values(MAIN_NEEDS)) assert.ok(text.includes(name), `${file} names ${name}`);
  }
});

function outcome(run) {
  try {
    return { result: run() };
  } catch (e) {
    return { error: { code: e.code, path: e.path, message: e.message, messageZh: e.messageZh, name: e.name } };
  }
}

/** Everything the API answers for the cases, and a 1000-line request that grows memory. */
function answers(Engine) {
  const engine = Engine.withDefaults();
  const contract = publicCases.find((c) => c.name.includes("contract example")).request;
  const big = { ...contract, items: Array.from({ length: 1000 }, (_, i) => ({ ...contract.items[i % contract.items.length], name: `药品 ${i} ${"x".repeat(150)}` })) };
  const out = [];
  for (let round = 0; round < 3; round++) {
    for (const c of publicCases) {
      for (const method of ["estimate", "settle", "checkEligibility", "nationalFields"]) out.push(outcome(() => engine[method](c.request)));
    }
    for (const c of yearCases) out.push(outcome(() => engine.estimateYear(c.visits)));
    out.push(outcome(() => engine.estimate(big)));
  }
  out.push(outcome(() => [engine.regions(), engine.places(), engine.packs(), engine.catalogue(contract.visit.place), engine.diseases(contract.insured.region, contract.visit.date)]));
  out.push(outcome(() => Engine.fromPacks(["{}"])));
  return out;
}

test("the pure-JS build answers exactly as the WebAssembly build, also after its memory grows", async () => {
  // Engines since 2023 have ArrayBuffer.prototype.detached (Node 20 does not): wasm-bindgen's glue
  // then trusts it, and a grown wasm2js memory never detaches its old buffer.
  if (!("detached" in ArrayBuffer.prototype)) {
    Object.defineProperty(ArrayBuffer.prototype, "detached", {
      configurable: true,
      get() { try { new Uint8Array(this); return false; } catch { return true; } },
    });
  }
  try {
    const js = await import(join(pkg, "js", "yibao_policy.js"));
    const wasm = require(join(pkg, "node", "yibao_policy.js"));
    assert.equal(js.version(), wasm.version());
    const [a, b] = [answers(js.Engine), answers(wasm.Engine)];
    assert.equal(a.length, b.length);
    const differing = a.flatMap((x, i) => (JSON.stringify(x) === JSON.stringify(b[i]) ? [] : [i]));
    assert.deepEqual(differing, []);
  } finally {
    delete ArrayBuffer.prototype.detached;
  }
});

test("the pure-JS builds call no eval or Function and never touch WebAssembly", () => {
  for (const f of ["yibao_policy.js", "yibao_policy.global.js"]) {
    const code = readFileSync(join(pkg, "js", f), "utf8");
    assert.doesNotMatch(code, /\beval\s*\(|\bFunction\s*\(/, f);
    assert.doesNotMatch(code, /WebAssembly/, f);
  }
});

test("the classic-script build defines yibaoPolicyJs and answers every public case without WebAssembly", () => {
  const context = vm.createContext({ TextDecoder, TextEncoder, cases: JSON.stringify(publicCases) });
  vm.runInContext("delete globalThis.WebAssembly", context);
  vm.runInContext(readFileSync(join(pkg, "js", "yibao_policy.global.js"), "utf8"), context, { filename: "yibao_policy.global.js" });
  const outcomes = JSON.parse(vm.runInContext(`
    const engine = yibaoPolicyJs.Engine.withDefaults();
    JSON.stringify(JSON.parse(cases).map((c) => {
      try { return { result: engine.estimate(c.request) }; }
      catch (e) { return { error: { isError: e instanceof Error, code: e.code, path: e.path, message: e.message, messageZh: e.messageZh } }; }
    }));`, context));
  assert.equal(typeof context.WebAssembly, "undefined");
  assert.deepEqual(publicCases.flatMap((c, i) => compareOutcome(c, outcomes[i])), []);
});

test("the pages' probe module compiles with reference types and is refused without them; both pages use the same", async () => {
  const { PROBE, wasmRuns } = await import(join(repo, "www", "js", "engine-loader.js"));
  const legacy = readFileSync(join(repo, "www", "js", "legacy", "engine-loader.js"), "utf8");
  assert.deepEqual(JSON.parse(legacy.match(/var PROBE = (\[[\d, ]+\]);/)[1]), PROBE);
  // The main page's early download (js/engine-early.js) runs the same probe before any module.
  const early = readFileSync(join(repo, "www", "js", "engine-early.js"), "utf8");
  assert.deepEqual(JSON.parse(early.match(/var probe = new Uint8Array\((\[[\d, ]+\])\);/)[1]), PROBE);
  assert.equal(await wasmRuns(), true, "Node 20 runs it");
  const dir = mkdtempSync(join(tmpdir(), "yibao-probe-"));
  try {
    const file = join(dir, "probe.wasm");
    writeFileSync(file, Uint8Array.from(PROBE));
    assert.equal(validates(file, ["reference-types"], { strip: false }), true);
    assert.equal(validates(file, [], { strip: false }), false, "an engine without reference types refuses the probe");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
