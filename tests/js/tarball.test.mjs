// The npm package as a newcomer gets it: `npm pack` of pkg/, installed from the tarball into a
// fresh project, then used from Node ESM, Node CommonJS, TypeScript (--strict, four module
// resolutions) and plain pages with the no-modules and web builds. Expected values come from
// the shared cases.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { compareEstimate, compareError, compareOutcome, loadCases } from "./compare.mjs";
import { bin, cargoVersion, contractCase, json, makeConsumer, ok, run } from "./consumer-project.mjs";
import { markdownTable } from "../../scripts/sizes.mjs";

const cases = loadCases("public.json");
const yearCase = loadCases("year.json")[0];
const example = contractCase();
const tsc = bin("tsc");
let app;

before(() => {
  app = makeConsumer();
});
after(() => app?.cleanup());

test("the tarball holds the six builds, the types and the README, and nothing else", () => {
  assert.equal(app.packed.filename, `yibao-policy-${cargoVersion()}.tgz`);
  const files = app.packed.files.map((f) => f.path).sort();
  const stray = files.filter(
    (f) => !/^(package\.json|README\.md|LICENSE|(bundler|node|web|no-modules|mvp|js)\/[\w.]+)$/.test(f) || /\.(rs|tgz|map)$|_bg\.wasm\.d\.ts$/.test(f),
  );
  assert.deepEqual(stray, []);
  for (const dir of ["bundler", "node", "web", "no-modules", "mvp"]) {
    for (const f of ["yibao_policy.js", "yibao_policy_bg.wasm", "yibao_policy.d.ts"]) {
      assert.ok(files.includes(`${dir}/${f}`), `${dir}/${f} is packed`);
    }
  }
  for (const f of ["yibao_policy.js", "yibao_policy.global.js", "yibao_policy.d.ts", "yibao_policy.global.d.ts"]) {
    assert.ok(files.includes(`js/${f}`), `js/${f} is packed`);
  }
  assert.ok(!files.some((f) => f.startsWith("js/") && f.endsWith(".wasm")), "the pure-JS build ships no .wasm");
});

test("package.json: name, version from Cargo.toml, exports that all exist, types, files, sideEffects", () => {
  const root = join(app.dir, "node_modules", "yibao-policy");
  const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
  assert.equal(pkg.name, "yibao-policy");
  assert.equal(pkg.version, cargoVersion());
  assert.ok(Array.isArray(pkg.files) && Array.isArray(pkg.sideEffects));
  const targets = [];
  const walk = (v) => (typeof v === "string" ? targets.push(v) : Object.values(v).forEach(walk));
  walk(pkg.exports);
  for (const f of [pkg.main, pkg.module, pkg.types, ...targets]) assert.ok(existsSync(join(root, f)), `${f} exists`);
});

test("the packaged README: disclaimer, every environment, this tarball's name, the sizes of what it ships", () => {
  const root = join(app.dir, "node_modules", "yibao-policy");
  const readme = readFileSync(join(root, "README.md"), "utf8");
  assert.match(readme, /试算结果仅供参考，以实际结算为准/);
  for (const topic of ["Vite", "webpack 5", "Node", "<script>", "web-view", "nationalFields", "messageZh"]) {
    assert.ok(readme.includes(topic), `README covers ${topic}`);
  }
  assert.ok(readme.includes(`npm install ./${app.packed.filename}`));
  assert.ok(readme.includes(markdownTable(root)), "the size table is that of the installed files");
});

test("the README's Node example, copied from the installed README, prints the contract example's figures", () => {
  const readme = readFileSync(join(app.dir, "node_modules", "yibao-policy", "README.md"), "utf8");
  const block = readme.match(/```js\n(\/\/ app\.mjs\n[\s\S]*?)```/)?.[1];
  assert.ok(block, "README has a ```js block starting with // app.mjs");
  writeFileSync(join(app.dir, "readme-app.mjs"), block);
  const printed = ok("node", ["readme-app.mjs"], app.dir).trim();
  const { mode, settlement } = example.expect;
  assert.equal(printed, `${mode} ${settlement.fundPays} ${settlement.patientPays}`);
  assert.ok(block.includes(`// ${printed}`), "the README shows what it prints");
});

test("Node ESM: import { Engine } from 'yibao-policy' answers every public case", () => {
  const out = json(ok("node", ["run-cases.mjs"], app.dir));
  assert.equal(out.version, cargoVersion());
  assert.equal(out.defaultEngine, true, "the default import is the module namespace");
  assert.equal(out.outcomes.length, cases.length);
  assert.deepEqual(cases.flatMap((c, i) => compareOutcome(c, out.outcomes[i])), []);
});

test("Node ESM: import { Engine } from 'yibao-policy/js' (pure JS) answers every public case", () => {
  const out = json(ok("node", ["run-cases.mjs", "yibao-policy/js"], app.dir));
  assert.equal(out.version, cargoVersion());
  assert.equal(out.outcomes.length, cases.length);
  assert.deepEqual(cases.flatMap((c, i) => compareOutcome(c, out.outcomes[i])), []);
});

test("Node CJS: require('yibao-policy') answers every public case from the node build", () => {
  const out = json(ok("node", ["run-cases.cjs"], app.dir));
  assert.match(out.resolved, /node_modules[/\\]yibao-policy[/\\]node[/\\]yibao_policy\.js$/);
  assert.deepEqual(cases.flatMap((c, i) => compareOutcome(c, out.outcomes[i])), []);
});

test("TypeScript --strict (nodenext, ESM and CJS): every method and shape type-checks and runs", () => {
  ok(tsc, ["-p", "tsconfig.node.json", "--strict"], app.dir);
  const esm = json(ok("node", ["out/typed.mjs"], app.dir));
  assert.deepEqual(esm.problems, [], "values match their declared types");
  assert.deepEqual(compareEstimate(example.expect, esm.estimate), []);
  assert.equal(esm.sameFromText, true, "a request as JSON text gives the same result");
  assert.equal(esm.directSettlement, example.expect.directSettlement);
  assert.deepEqual(esm.warnings, [{ code: "ITEM_NOT_IN_CATALOGUE", path: "items[0]" }]);
  assert.equal(esm.defaultImport, true);
  yearCase.expect.forEach((want, i) => assert.deepEqual(compareEstimate(want, esm.year[i]), [], `visit ${i}`));
  // Every insured region of the default packs (packs/*.json), as the engine embeds them: an
  // entry's `code`, or each of its `codes`.
  const packsDir = new URL("../../packs/", import.meta.url);
  const codes = readdirSync(packsDir).filter((f) => f.endsWith(".json"))
    .flatMap((f) => (JSON.parse(readFileSync(new URL(f, packsDir), "utf8")).regions || []).flatMap((r) => r.codes || [r.code]));
  assert.ok(codes.includes("450100") && codes.includes("653200"));
  assert.deepEqual(esm.regions.sort(), codes.sort());
  assert.ok(esm.diseases.includes(example.request.visit.disease));
  assert.equal(esm.catalogue, example.request.visit.place);
  // BRIEF §6: our names map one to one onto the national interface's.
  const s = example.expect.settlement;
  assert.deepEqual(
    [esm.national.medfee_sumamt, esm.national.hifp_pay, esm.national.psn_part_amt, esm.national.crt_payb_lmt_amt],
    [s.total, s.fundPays, s.patientPays, s.capRemaining],
  );
  assert.equal(esm.customFundPays, s.fundPays, "Engine.fromPacks with the default packs");
  assert.deepEqual(compareError({ code: "INVALID_INPUT", path: "items[0].amount" }, { isError: true, ...esm.error }), []);
  assert.equal(esm.error.name, "YibaoPolicyError");
  assert.ok(esm.packProblems.length > 0 && esm.packProblems.every((p) => p.pack === 0 && p.zh));

  const cjs = json(ok("node", ["out/typed.cjs"], app.dir));
  assert.equal(cjs.fundPays, s.fundPays);
  assert.deepEqual(cjs.error, { code: "INVALID_INPUT", path: "visit.date" });
});

for (const [config, what] of [
  ["tsconfig.bundler.json", "moduleResolution bundler (Vite, webpack): the default entry and yibao-policy/web"],
  ["tsconfig.node10.json", "moduleResolution node10, which ignores exports"],
]) {
  test(`TypeScript --strict --noEmit, ${what}`, () => {
    ok(tsc, ["-p", config, "--strict", "--noEmit"], app.dir);
  });
}

test("TypeScript: wrong uses fail type-checking, exactly on the lines marked // error", () => {
  const r = run(tsc, ["-p", "tsconfig.wrong.json", "--strict", "--noEmit"], app.dir);
  assert.notEqual(r.status, 0, "tsc must reject wrong.ts");
  const reported = new Set([...r.stdout.matchAll(/^wrong\.ts\((\d+),\d+\): error TS\d+/gm)].map((m) => Number(m[1])));
  const marked = readFileSync(join(app.dir, "wrong.ts"), "utf8")
    .split("\n")
    .flatMap((line, i) => (line.endsWith("// error") ? [i + 1] : []));
  assert.ok(marked.length >= 15);
  assert.deepEqual([...reported].sort((a, b) => a - b), marked, r.stdout);
});

// As the README says: copy the build's directory to the site, next to the page.
function vendor(build) {
  cpSync(join(app.dir, "node_modules", "yibao-policy", build), join(app.dir, "vendor", "yibao-policy", build), { recursive: true });
}
const page = (html, request) => `${html}?request=${encodeURIComponent(JSON.stringify(request))}`;

test("a plain <script> page (and a mini-program web-view page) with the no-modules build", () => {
  vendor("no-modules");
  const shown = json(ok("node", ["run-page.mjs", app.dir, page("script-page.html", example.request)], app.dir));
  assert.deepEqual(compareEstimate(example.expect, shown), []);

  const bad = cases.find((c) => c.expect.error);
  const refused = json(ok("node", ["run-page.mjs", app.dir, page("script-page.html", bad.request)], app.dir));
  assert.deepEqual(compareError(bad.expect.error, { isError: true, message: "-", ...refused.error }), []);
});

test("a plain <script type=module> page with the web build and init()", () => {
  vendor("web");
  const shown = json(ok("node", ["run-page.mjs", app.dir, page("module-page.html", example.request)], app.dir));
  assert.deepEqual(compareEstimate(example.expect, shown), []);
});
