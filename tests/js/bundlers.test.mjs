// Bundlers building a page from the packed and installed package, as the npm README shows:
// Vite 7 (production build and dev server) with "yibao-policy/web", and webpack 5 with the
// default entry. The built pages then run in Node (tests/js/consumer/run-page.mjs): no browser.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { compareEstimate } from "./compare.mjs";
import { contractCase, json, makeConsumer, ok, repo } from "./consumer-project.mjs";

const example = contractCase();
const vite = join(repo, "node_modules", "vite");
let app;

before(() => {
  app = makeConsumer();
});
after(() => app?.cleanup());

const packageFile = (...path) => readFileSync(join(app.dir, "node_modules", "yibao-policy", ...path));
const wasmIn = (dir) => readdirSync(dir).filter((f) => f.endsWith(".wasm"));

test("Vite 7 production build of a page importing yibao-policy/web, then the page runs", () => {
  const page = join(app.dir, "vite");
  ok("node", [join(vite, "bin", "vite.js"), "build", "--logLevel", "warn"], page);

  const assets = join(page, "dist", "assets");
  const wasm = wasmIn(assets);
  assert.equal(wasm.length, 1, `one wasm asset in ${readdirSync(assets)}`);
  assert.ok(readFileSync(join(assets, wasm[0])).equals(packageFile("web", "yibao_policy_bg.wasm")), "it is the package's wasm");
  const script = readdirSync(assets).find((f) => f.endsWith(".js"));
  assert.ok(readFileSync(join(assets, script), "utf8").includes(wasm[0]), "the bundle points at the wasm asset");

  const shown = json(ok("node", ["run-page.mjs", join(page, "dist"), "index.html"], app.dir));
  assert.deepEqual(compareEstimate(example.expect, shown), []);
});

test("Vite 7 dev server: with the README's config, init() finds the wasm inside the package", () => {
  const served = json(ok("node", ["dev-check.mjs", join(vite, "dist", "node", "index.js")], join(app.dir, "vite")));
  assert.match(served.glue, /\/node_modules\/yibao-policy\/web\/yibao_policy\.js$/);
  assert.equal(served.status, 200);
  assert.equal(served.type, "application/wasm");
  assert.equal(served.magic, "0061736d", "the response is a wasm module, not a fallback page");
});

test("webpack 5 with asyncWebAssembly builds the default entry (the bundler build), then the page runs", () => {
  const project = join(app.dir, "webpack");
  const assets = json(ok("node", ["build.cjs", join(repo, "node_modules", "webpack")], project));
  const wasm = wasmIn(join(project, "dist"));
  assert.equal(wasm.length, 1, `one wasm asset in ${assets}`);
  // "[hash].module.wasm" is webpack's name for a wasm module it imports itself (asyncWebAssembly):
  // the bundler build, not the web build's fetched asset or the node build's readFileSync.
  assert.match(wasm[0], /\.module\.wasm$/);
  assert.ok(readFileSync(join(project, "dist", wasm[0])).equals(packageFile("bundler", "yibao_policy_bg.wasm")));

  const shown = json(ok("node", ["run-page.mjs", project, "index.html"], app.dir));
  assert.deepEqual(compareEstimate(example.expect, shown), []);
});
