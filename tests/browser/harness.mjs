// Shared set-up for the page tests: the static server on a free loopback port, Debian's
// Chromium through playwright-core, and watchers that fail a test when the page logs an error
// or asks anything of another origin.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";
import { before, after } from "node:test";
import { chromium } from "playwright-core";
import { startServer } from "../../scripts/serve.mjs";
import { bundleOf } from "../../scripts/metafile.mjs";

const here = fileURLToPath(new URL(".", import.meta.url));
export const repo = resolve(here, "../..");
export const wwwDir = join(repo, "www");
/** The site as deployed (scripts/dist.mjs): hashed names, pre-compressed files, the offline worker. */
export const siteDir = join(repo, "dist");
export const outputDir = join(repo, "test-output");
export const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

/** The public cases, read at test time: expectations are never copied into the tests. */
export function loadCases(name = "public.json") {
  const dir = process.env.YIBAO_CASES_DIR || join(repo, "..", "shared", "cases");
  return JSON.parse(readFileSync(join(dir, name), "utf8"));
}

export function caseNamed(cases, fragment) {
  const found = cases.find((c) => c.name.includes(fragment));
  if (!found) throw new Error(`no public case named like "${fragment}"`);
  return found;
}

/** "7,500.00 元" or "¥7,500.00" → "7500.00"; compared as decimals, never floats. */
export function shownAmount(text) {
  return decimal(String(text).replace(/[^\d.\-]/g, ""));
}

export function decimal(value) {
  const [int, frac = ""] = String(value).split(".");
  return `${BigInt(int || "0")}.${frac.padEnd(2, "0")}`;
}

let names = null;
/** Where a file of www/ is served from in dist/ ("/assets/<name>.<hash>.<ext>"), by the build's
 *  own record (dist/names.json, scripts/dist.mjs): tests that watch or route a file by its name. */
export function servedAs(wwwPath) {
  names ??= JSON.parse(readFileSync(join(siteDir, "names.json"), "utf8"));
  if (!names[wwwPath]) throw new Error(`dist/ has no hashed copy of ${wwwPath}`);
  return `/${names[wwwPath]}`;
}

/** The file of www/vendor/ that esbuild built from a module of www/ ("js/later.js" →
 *  "vendor/chunks/later-<hash>.js"), by its metafile: chunk names carry esbuild's hash. */
export function builtFrom(source) {
  return bundleOf(wwwDir).outputOf(source);
}

/**
 * Debian's Chromium with the options that work on this machine (headless, no sandbox as root, no
 * background traffic), a 360-px-wide phone screen and a Chinese locale; `options` override them.
 * The page tests and the benchmarks (bench/) all launch it through here.
 */
export function launchChromium(profileDir, options = {}) {
  return chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    viewport: { width: 360, height: 760 },
    locale: "zh-CN",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    ...options,
  });
}

/** Service workers are blocked unless asked for: a worker answering from its cache would hide
 *  the requests that tests route or watch (tests/browser/offline.test.mjs asks for them). */
export async function openBrowser({ serviceWorkers = "block", rootDir = siteDir } = {}) {
  if (!existsSync(join(rootDir, "sw.js"))) throw new Error("dist/ is missing: run scripts/build.sh first");
  mkdirSync(outputDir, { recursive: true });
  const server = await startServer({ rootDir, listenPort: 0 });
  const origin = `http://127.0.0.1:${server.address().port}`;
  const profile = mkdtempSync(join(tmpdir(), "yibao-browser-"));
  const context = await launchChromium(profile, { serviceWorkers });
  const problems = [];
  const watch = (page) => {
    page.on("console", (m) => { if (m.type() === "error") problems.push(`console error on ${page.url()}: ${m.text()}`); });
    page.on("pageerror", (e) => problems.push(`page error on ${page.url()}: ${e.message}`));
    page.on("request", (r) => {
      const url = r.url();
      if (!url.startsWith(`${origin}/`) && !url.startsWith("data:")) problems.push(`request left the origin: ${url}`);
    });
    page.on("response", (r) => { if (r.status() >= 400) problems.push(`HTTP ${r.status()} for ${r.url()}`); });
  };
  context.pages().forEach(watch);
  context.on("page", watch);

  return {
    origin,
    context,
    problems,
    url: (query = "") => `${origin}/${query}`,
    async page({ width = 360, height = 760 } = {}) {
      const page = await context.newPage();
      page.setDefaultTimeout(10000);
      await page.setViewportSize({ width, height });
      return page;
    },
    async close() {
      await context.close();
      await new Promise((ok) => server.close(ok));
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * One browser for a test file: opened before its first test, closed after its last. `open(query)`
 * is a new page at `query` once the app has started; `problems` and `url` are the browser's.
 */
export function browserForFile(options) {
  let browser = null;
  before(async () => { browser = await openBrowser(options); });
  after(async () => { await browser?.close(); });
  return {
    get problems() { return browser.problems; },
    url: (query) => browser.url(query),
    page: (size) => browser.page(size),
    async open(query = "") {
      const page = await browser.page();
      await page.goto(browser.url(query));
      await ready(page);
      return page;
    },
  };
}

/** The npm package's Node build (pkg/node) with its default packs: the engine the page runs. */
export function packageEngine() {
  const { Engine } = createRequire(import.meta.url)("../../pkg/node/yibao_policy.js");
  return Engine.withDefaults();
}

/** Waits until the app (or the simple page) has started. */
export async function ready(page) {
  await page.waitForFunction(() => document.documentElement.dataset.boot === "ready", null, { timeout: 20000 });
}
