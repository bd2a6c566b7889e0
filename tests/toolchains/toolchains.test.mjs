// The heavy toolchain matrix (issue 23), run by scripts/toolchains.sh, not scripts/test.sh: each
// from the packed tarball in a fresh project, every public case, as npm/README.md shows it.
//   Bun 1.4 — the runtime (ESM, CommonJS), `bun build --target=bun`, `bun build` for a page
//   Deno 2 — `deno run` with no permission at all, `deno check`
//   wrangler 4 — `wrangler dev` (workerd), under Node 22 from the npm `node` package
//   Next.js 16 (Turbopack) — `next build`, `next start`: a route handler, a client component's
//   server rendering, and the same component in Chromium
// The tools are tests/toolchains/package.json's (scripts/toolchains.sh installs them); Next.js
// and React are installed into the Next.js project itself, at the versions below.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { assertCases, json, makeConsumer, ok, readmeBlock, repo, run, runReadmeCommands } from "../js/consumer-project.mjs";
import { launch, pageOutput, serve } from "../js/chromium.mjs";
import { compareOutcome, loadCases } from "../js/compare.mjs";

const NEXT = { next: "16.5.0", react: "19.3.1", "react-dom": "19.3.1" };
const tools = fileURLToPath(new URL("./node_modules/", import.meta.url));
const bin = (name) => join(tools, ".bin", name);
const node22 = join(tools, "node", "bin"); // wrangler 4 needs Node >= 22.12
const quiet = { NEXT_TELEMETRY_DISABLED: "1", WRANGLER_SEND_METRICS: "false", CLOUDFLARE_CF_FETCH_ENABLED: "false" };
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

const freePort = () =>
  new Promise((ok) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
  });

/**
 * Starts a server process (its own process group, so that it and its children are stopped
 * together), waits until `url` answers 200, returns the body and a stop().
 */
async function startAndFetch(cmd, args, cwd, env, url, timeoutMs = 180_000) {
  const child = spawn(cmd, args, { cwd, env: { ...process.env, ...quiet, ...env }, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  let log = "";
  child.stdout.on("data", (d) => (log += d));
  child.stderr.on("data", (d) => (log += d));
  const stop = () => {
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {}
  };
  const deadline = Date.now() + timeoutMs;
  try {
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`${cmd} exited ${child.exitCode}`);
      const res = await fetch(url).catch(() => null);
      if (res?.status === 200) return { body: await res.text(), stop, log: () => log };
      await new Promise((r) => setTimeout(r, 500));
    }
    throw new Error(`no answer from ${url} in ${timeoutMs / 1000} s`);
  } catch (e) {
    stop();
    throw new Error(`${e.message}\n${log}`);
  }
}

test("Bun: the runtime (ESM, CommonJS) and `bun build --target=bun` answer every public case, no config", { timeout: 180_000 }, () => {
  assertCases(json(ok(bin("bun"), ["node-app/app.mjs"], app.dir)), "bun app.mjs");
  const cjs = json(ok(bin("bun"), ["run-cases.cjs"], app.dir));
  assert.deepEqual(loadCases("public.json").flatMap((c, i) => compareOutcome(c, cjs.outcomes[i])), [], "bun run-cases.cjs");

  const elsewhere = mkdtempSync(join(tmpdir(), "yibao-bun-"));
  try {
    ok(bin("bun"), ["build", "node-app/app.mjs", "--target=bun", `--outfile=${join(elsewhere, "app.js")}`], app.dir);
    assert.deepEqual(readdirSync(elsewhere), ["app.js"], "one file, no .wasm beside it");
    assert.ok(!readFileSync(join(elsewhere, "app.js"), "utf8").includes(app.dir), "no path into the project");
    assertCases(json(ok(bin("bun"), ["app.js"], elsewhere)), "bun build --target=bun, run away from node_modules");
  } finally {
    rmSync(elsewhere, { recursive: true, force: true });
  }
});

test("Bun's bundler, a page, with the installed README's commands: the page answers every public case in Chromium", { timeout: 180_000 }, async () => {
  const project = join(app.dir, "bun");
  runReadmeCommands(app.dir, "# Bun, a page", project, [join(tools, ".bin")]);
  const site = await serve(project);
  try {
    assertCases(await pageOutput(browser, site.url + "index.html"), "bun build (page)");
  } finally {
    await site.stop();
  }
});

test("Deno: `deno run` with no permission answers every public case; `deno check` accepts the types", { timeout: 180_000 }, () => {
  // No --allow-read, no --allow-net: the package needs none (Deno imports the .wasm itself).
  const r = run(bin("deno"), ["run", "--no-prompt", "node-app/app.mjs"], app.dir);
  assert.equal(r.status, 0, r.stderr);
  assertCases(json(r.stdout), "deno run");
  writeFileSync(
    join(app.dir, "deno-typed.ts"),
    `import { Engine, type EstimateResult } from "yibao-policy";\n` +
      `const result: EstimateResult = Engine.withDefaults().estimate({} as Parameters<Engine["estimate"]>[0]);\n` +
      `const fundPays: string | undefined = result.settlement?.fundPays;\nconsole.log(fundPays);\n`,
  );
  ok(bin("deno"), ["check", "deno-typed.ts"], app.dir);
});

test("wrangler 4 dev (workerd), no config beyond name, main and date: the worker answers every public case", { timeout: 300_000 }, async () => {
  const port = await freePort();
  const worker = join(app.dir, "worker");
  const { body, stop } = await startAndFetch(
    bin("wrangler"),
    ["dev", "--ip", "127.0.0.1", "--port", String(port), "--log-level", "warn"],
    worker,
    { PATH: `${node22}:${process.env.PATH}` },
    `http://127.0.0.1:${port}/`,
  );
  try {
    assertCases(JSON.parse(body), "wrangler dev");
  } finally {
    stop();
  }
});

test("Next.js 16 (Turbopack), no next.config: next build, next start; route handler, server rendering and the browser answer every public case", { timeout: 900_000 }, async () => {
  const tmp = mkdtempSync(join(tmpdir(), "yibao-next-"));
  try {
    writeFileSync(join(tmp, "package.json"), JSON.stringify({ name: "next-consumer", private: true }));
    const deps = Object.entries(NEXT).map(([name, version]) => `${name}@${version}`);
    ok("npm", ["install", app.tarball, ...deps, "--no-audit", "--no-fund", "--prefer-offline"], tmp);
    cpSync(join(repo, "tests", "js", "consumer", "next"), tmp, { recursive: true });
    for (const f of ["cases.js", "outcomes.js"]) cpSync(join(app.dir, f), join(tmp, f));

    const built = run(join(tmp, "node_modules", ".bin", "next"), ["build"], tmp);
    assert.equal(built.status, 0, `${built.stdout}\n${built.stderr}`);
    assert.doesNotMatch(built.stdout + built.stderr, /yibao/i, "the build says nothing about the package");

    const port = await freePort();
    const base = `http://127.0.0.1:${port}/`;
    const { stop } = await startAndFetch(join(tmp, "node_modules", ".bin", "next"), ["start", "-p", String(port), "-H", "127.0.0.1"], tmp, {}, base + "api/cases");
    try {
      assertCases(await (await fetch(base + "api/cases")).json(), "Next.js route handler");
      // The server-rendered HTML, before any script runs.
      const html = await (await fetch(base)).text();
      const ssr = html.match(/<pre id="ssr">([^<]*)<\/pre>/)?.[1];
      assert.ok(ssr, "the page has the server-rendered #ssr");
      const text = ssr.replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
      assertCases(JSON.parse(text), "Next.js server rendering of the client component");
      assertCases(await pageOutput(browser, base), "Next.js client component in Chromium");
    } finally {
      stop();
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
});
