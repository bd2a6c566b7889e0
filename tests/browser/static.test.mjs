// The page loads its modules as one bundle (vendor/app.js, built from js/main.js by
// scripts/build.sh), preloads the engine's glue and starts its .wasm early; these checks keep
// index.html and the build in step.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { bundleOf } from "../../scripts/metafile.mjs";

const www = join(dirname(fileURLToPath(import.meta.url)), "../../www");

test("index.html runs the bundle, preloads the engine's glue and starts its wasm with a fetch, never a preload", () => {
  const html = readFileSync(join(www, "index.html"), "utf8");
  assert.match(html, /<script type="module" src="vendor\/app\.js"><\/script>/);
  assert.match(html, /<link rel="modulepreload" href="vendor\/yibao-policy\/yibao_policy\.js">/);
  // WebKit never hands a preloaded .wasm to the fetch() that compiles it: it would download it twice.
  assert.doesNotMatch(html, /<link[^>]*\.wasm/);
  // The early download is the first script: it runs with the page's first bytes.
  const scripts = [...html.matchAll(/<script[^>]*src="([^"]+)"/g)].map((m) => m[1]);
  assert.equal(scripts[0], "js/engine-early.js");
  assert.ok(html.indexOf("js/engine-early.js") < html.indexOf("<link rel=\"stylesheet\""));
  assert.match(readFileSync(join(www, "js/engine-early.js"), "utf8"), /fetch\("vendor\/yibao-policy\/yibao_policy_bg\.wasm"/);
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
  const bundle = bundleOf(www);
  const [later, year, english] = ["js/later.js", "js/year.js", "js/strings/en.js"].map((s) => bundle.outputOf(s));
  const shared = bundle.staticImports("vendor/app.js");
  // The chunks app.js imports go inline with it in the built page (scripts/dist.mjs; tests/browser/delivery.test.mjs).
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
    // (Not `estimateYear`: the call's name is in js/engine-loader.js's table of the page build's calls.)
    assert.doesNotMatch(code, /disease-search|cost-mode|filing-place|add-visit/);
  }
  assert.match(read(later), /disease-search[^]*cost-mode/);
  assert.match(read(year), /add-visit[^]*estimateYear|estimateYear[^]*add-visit/);
});
