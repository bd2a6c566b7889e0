// The page loads its modules as one bundle (vendor/app.js, built from js/main.js by
// scripts/build.sh) and preloads the engine; these checks keep index.html and the build in step.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { bundleOf } from "../../scripts/metafile.mjs";

const www = join(dirname(fileURLToPath(import.meta.url)), "../../www");

test("index.html runs the bundle and preloads the engine's glue and wasm", () => {
  const html = readFileSync(join(www, "index.html"), "utf8");
  assert.match(html, /<script type="module" src="vendor\/app\.js"><\/script>/);
  assert.match(html, /<link rel="modulepreload" href="vendor\/yibao-policy\/yibao_policy\.js">/);
  assert.match(html, /<link rel="preload" href="vendor\/yibao-policy\/yibao_policy_bg\.wasm" as="fetch" type="application\/wasm" crossorigin fetchpriority="low">/);
});

test("the bundle is built from the current sources and loads the engine from vendor/", () => {
  const bundle = join(www, "vendor/app.js");
  assert.ok(existsSync(bundle), "scripts/build.sh builds www/vendor/app.js");
  const text = readFileSync(bundle, "utf8");
  // The engine stays outside the bundle: its glue finds its .wasm next to itself.
  assert.match(text, /"\.\.\/vendor\/yibao-policy\/yibao_policy\.js"/);
  assert.doesNotMatch(text, /__wbg_init|wbg_rust_zst_array/);
});

test("the bundle is split: the first screen's code, then the rest, the year and English on demand", () => {
  const read = (path) => readFileSync(join(www, path), "utf8");
  const html = read("index.html");
  const bundle = bundleOf(www);
  const [later, year, english] = ["js/later.js", "js/year.js", "js/strings/en.js"].map((s) => bundle.outputOf(s));
  const shared = bundle.staticImports("vendor/app.js");
  // The chunks app.js imports are fetched beside it, not after it: the built page preloads them.
  assert.ok(html.includes("<!-- modulepreload: the chunks vendor/app.js imports -->"));
  assert.ok(shared.length >= 1 && shared.every((f) => /^vendor\/chunks\/chunk-\w+\.js$/.test(f)), shared.join(" "));
  const app = read("vendor/app.js");
  const first = [app, ...shared.map(read)];
  for (const file of shared) assert.ok(app.includes(`"./${file.slice("vendor/".length)}"`), file);
  // The three lazy parts are import()ed, each its own chunk; none is on the first path.
  const all = first.join("\n");
  for (const file of [later, year, english]) assert.match(all, new RegExp(`import\\("\\./(chunks/)?${file.split("/").pop().replace(".", "\\.")}"\\)`), file);
  // English page strings are only in their own chunk; the steps' and the year's code is not on the first path.
  const title = JSON.parse(JSON.stringify(read(english).match(/"app\.title":"([^"]+)"/)[1]));
  for (const code of first) {
    assert.ok(!code.includes(title), "the English title is not in the first screen's code");
    assert.doesNotMatch(code, /disease-search|cost-mode|filing-place|add-visit|estimateYear/);
  }
  assert.match(read(later), /disease-search[^]*cost-mode/);
  assert.match(read(year), /add-visit[^]*estimateYear|estimateYear[^]*add-visit/);
});
