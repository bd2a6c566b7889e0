// The quick toolchain matrix (issue 23), each from the packed tarball in a fresh project, running
// every public case: Vite 8 and 7 (build, and the dev server), webpack 5, Rollup and esbuild
// building a page (opened in Chromium), and esbuild bundling a Node app (run away from
// node_modules). Where npm/README.md gives a recipe, the test runs the recipe as the installed
// README prints it; everywhere else the project has no configuration at all.
// scripts/toolchains.sh runs the heavy ones (Next.js, wrangler, Bun, Deno).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { assertCases, json, makeConsumer, ok, readmeBlock, repo, runReadmeCommands } from "./consumer-project.mjs";
import { launch, pageOutput, serve } from "./chromium.mjs";

// The matrix's time budget on CI's 2 cores (scripts/test.sh must stay under 30 minutes): measured
// at 33 s on this 2-core machine shared with other builds (2026-12-06); a toolchain that hangs
// fails at its own limit, and the whole file fails past the budget.
const BUDGET_MS = 240_000;
const each = { timeout: 120_000 };
const started = Date.now();
const vite8 = join(repo, "node_modules", "vite8");
const vite7 = join(repo, "node_modules", "vite");
let app;
let browser;

before(async () => {
  app = makeConsumer();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  app?.cleanup();
});

const packageFile = (...path) => readFileSync(join(app.dir, "node_modules", "yibao-policy", ...path));
const wasmIn = (dir) => readdirSync(dir).filter((f) => f.endsWith(".wasm"));

async function openBuilt(dir, page = "index.html") {
  const site = await serve(dir);
  try {
    return await pageOutput(browser, site.url + page);
  } finally {
    await site.stop();
  }
}

/** `vite dev` through Vite's Node API, the page opened in Chromium while it runs. */
async function openDev(vite, options) {
  const { createServer } = await import(pathToFileURL(join(vite, "dist", "node", "index.js")).href);
  const server = await createServer({
    root: join(app.dir, "vite"),
    logLevel: "error",
    server: { host: "127.0.0.1", port: 0 },
    ...options,
  });
  try {
    await server.listen();
    return await pageOutput(browser, server.resolvedUrls.local[0]);
  } finally {
    await server.close();
  }
}

function viteBuild(vite, outDir) {
  const project = join(app.dir, "vite");
  ok("node", [join(vite, "bin", "vite.js"), "build", "--logLevel", "warn", "--outDir", outDir], project);
  const assets = join(project, outDir, "assets");
  const wasm = wasmIn(assets);
  assert.equal(wasm.length, 1, `one wasm asset in ${readdirSync(assets)}`);
  assert.ok(readFileSync(join(assets, wasm[0])).equals(packageFile("web", "yibao_policy_bg.wasm")), "it is the web build's wasm");
  return join(project, outDir);
}

test("Vite 8, no config: vite build emits the wasm, and the built page answers every public case", each, async () => {
  assertCases(await openBuilt(viteBuild(vite8, "dist8")), "Vite 8 build");
});

test("Vite 8, no config: the vite dev page answers every public case", each, async () => {
  assertCases(await openDev(vite8, { configFile: false, cacheDir: "node_modules/.vite8" }), "Vite 8 dev");
});

test("Vite 7, no config: vite build emits the wasm, and the built page answers every public case", each, async () => {
  assertCases(await openBuilt(viteBuild(vite7, "dist7")), "Vite 7 build");
});

test("Vite 7 dev with the installed README's vite.config.js: the page answers every public case", each, async () => {
  writeFileSync(join(app.dir, "vite", "vite.config.js"), readmeBlock(app.dir, "// vite.config.js (Vite 7)"));
  try {
    assertCases(await openDev(vite7, { cacheDir: "node_modules/.vite7" }), "Vite 7 dev");
  } finally {
    rmSync(join(app.dir, "vite", "vite.config.js"));
  }
});

test("webpack 5, no config but the mode: the wasm is an asset, and the page answers every public case", each, async () => {
  const project = join(app.dir, "webpack");
  const assets = json(ok("node", ["build.cjs", join(repo, "node_modules", "webpack")], project));
  const wasm = wasmIn(join(project, "dist"));
  assert.equal(wasm.length, 1, `one wasm asset in ${assets}`);
  assert.ok(readFileSync(join(project, "dist", wasm[0])).equals(packageFile("web", "yibao_policy_bg.wasm")));
  assertCases(await openBuilt(project), "webpack 5");
});

test("Rollup with the installed README's config and commands: the page answers every public case", each, async () => {
  const project = join(app.dir, "rollup");
  writeFileSync(join(project, "rollup.config.mjs"), readmeBlock(app.dir, "// rollup.config.mjs"));
  runReadmeCommands(app.dir, "# Rollup", project);
  assertCases(await openBuilt(project), "Rollup");
});

test("esbuild, a page, with the installed README's commands: the page answers every public case", each, async () => {
  const project = join(app.dir, "esbuild");
  runReadmeCommands(app.dir, "# esbuild, a page", project);
  assertCases(await openBuilt(project), "esbuild page");
});

test("esbuild bundling a Node app, no config (CommonJS and ESM output): the bundle alone answers every public case", each, () => {
  const elsewhere = mkdtempSync(join(tmpdir(), "yibao-bundle-"));
  try {
    for (const [format, file] of [[[], "app.cjs"], [["--format=esm"], "app.mjs"]]) {
      ok(join(repo, "node_modules", ".bin", "esbuild"), ["node-app/app.mjs", "--bundle", "--platform=node", ...format, `--outfile=out/${file}`, "--log-level=warning"], app.dir);
      // Away from node_modules, with no .wasm beside it: the bundle carries the engine whole.
      cpSync(join(app.dir, "out", file), join(elsewhere, file));
      assert.ok(!readFileSync(join(elsewhere, file), "utf8").includes(app.dir), "no path into the project");
      assert.deepEqual(readdirSync(elsewhere).filter((f) => !f.startsWith("app.")), []);
      assertCases(json(ok("node", [file], elsewhere)), `esbuild --platform=node ${format.join(" ") || "(cjs)"}`);
    }
  } finally {
    rmSync(elsewhere, { recursive: true, force: true });
  }
});

test("Node, unbundled: ESM reads the .wasm beside its glue (node/index.mjs), CommonJS its own build", each, () => {
  const resolved = json(ok("node", ["--input-type=module", "-e", `
    import { createRequire } from "node:module";
    const require = createRequire(process.cwd() + "/");
    console.log(JSON.stringify({ esm: import.meta.resolve("yibao-policy"), cjs: require.resolve("yibao-policy") }));`], app.dir));
  assert.match(resolved.esm, /\/node_modules\/yibao-policy\/node\/index\.mjs$/);
  assert.match(resolved.cjs, /[/\\]node_modules[/\\]yibao-policy[/\\]node[/\\]yibao_policy\.js$/);
  assert.ok(existsSync(join(app.dir, "node_modules", "yibao-policy", "node", "yibao_policy_bg.wasm")));
});

test("the matrix stays within its time budget", () => {
  const spent = Date.now() - started;
  assert.ok(spent < BUDGET_MS, `the quick toolchain matrix took ${spent / 1000} s, over its ${BUDGET_MS / 1000} s budget`);
});
