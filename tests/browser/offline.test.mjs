// After one visit the page works with no network at all (dist/sw.js, from www/offline/), a new
// build's worker replaces the old caches, and the worker keeps no health data: nothing with a
// query string or a fragment ever enters its caches, and it logs nothing. The year view and the
// pure-JS engine are not precached (every first visit would download them) but kept once used.
import { test } from "node:test";
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openBrowser, loadCases, caseNamed, decimal, siteDir, servedAs, builtFrom } from "./harness.mjs";
import { hashFor, queryFor, readResult } from "./drive.mjs";

const cases = loadCases();
const base = caseNamed(cases, "contract example with ceilings");
const unfiled = caseNamed(cases, "not filed");

/** Waits until the page is controlled by an active worker; returns the cache names and their URLs. */
async function controlled(page) {
  await page.waitForFunction(() => Boolean(navigator.serviceWorker.controller), null, { timeout: 15000 });
  return page.evaluate(async () => {
    const out = {};
    for (const name of await caches.keys()) out[name] = (await (await caches.open(name)).keys()).map((r) => r.url);
    return out;
  });
}

test("after one visit the estimate shows with the network cut, and no answer enters a cache", async () => {
  const browser = await openBrowser({ serviceWorkers: "allow" });
  try {
    const page = await browser.page();
    await page.goto(browser.url(hashFor(base.request)));
    await page.getByTestId("fund-pays").waitFor();
    const cached = await controlled(page);

    await browser.context.setOffline(true);
    await page.reload();
    await page.getByTestId("fund-pays").waitFor();
    assert.equal((await readResult(page)).fundPays, decimal(base.expect.settlement.fundPays));
    // Another person's answers, never seen online, as an old query link (the page moves them
    // into the fragment): the page is the cached one, the engine local, the query not cached.
    const other = await browser.page();
    await other.goto(browser.url(queryFor(unfiled.request, { extra: { nf: "1", utm_source: "chat" } })));
    await other.getByTestId("fund-pays").waitFor();
    assert.equal((await readResult(other)).fundPays, decimal(unfiled.expect.settlement.fundPays));
    assert.equal(new URL(other.url()).search, "?utm_source=chat", "the answers left the query for the fragment");
    assert.match(new URL(other.url()).hash, /(^#|&)nf=1(&|$)/);
    await browser.context.setOffline(false);

    const names = Object.keys(cached);
    assert.equal(names.length, 1, names.join(", "));
    const urls = Object.values(cached).flat();
    const precache = /const PRECACHE = (\[.*\]);/.exec(readFileSync(join(siteDir, "sw.js"), "utf8"))[1];
    assert.deepEqual(urls.map((u) => new URL(u).pathname.slice(1)).sort(), JSON.parse(precache).sort());
    for (const url of urls) assert.equal(new URL(url).search + new URL(url).hash, "", url);
    // Still only the build's fixed list after the offline visits.
    assert.deepEqual(await controlled(other), cached);
    assert.deepEqual(browser.problems, []);
  } finally {
    await browser.close();
  }
});

test("the worker logs nothing and writes at run time only its on-use files", () => {
  const sw = readFileSync(join(siteDir, "sw.js"), "utf8");
  assert.doesNotMatch(sw, /console\./);
  // Two writes: the install stores the precache list under its own URLs (each the page's
  // hand-over of the .wasm or a download), the fetch handler an on-use file.
  assert.equal(sw.match(/\.put\(/g).length, 2);
  assert.match(sw, /const responses = PRECACHE\.map\(\(path\) => \{\s*const url = new URL\(path, SCOPE\)\.href;[^]*\.then\(\(response\) => \[url, response\]\)[^]*cache\.put\(url, response\)/);
  // The one put is reached only for a URL of the build's ON_USE list, checked query-less first.
  assert.match(sw, /if \(url\.origin !== SCOPE\.origin \|\| url\.search\) return;[^]*ON_USE_URLS\.has\(url\.href\) \? fetchAndKeep\(request\)/);
  const list = (name) => JSON.parse(new RegExp(`const ${name} = (\\[.*\\]);`).exec(sw)[1]);
  // (the main page's glue file too: the page carries the glue inline, the file is its fallback;
  // and the year view's stylesheet, which comes with its code)
  const lazy = [builtFrom("js/year.js"), "css/year.css", "vendor/yibao-policy/js/yibao_policy.js", "vendor/yibao-policy/js/yibao_policy.global.js", "vendor/yibao-policy/yibao_policy.js"].map((p) => servedAs(p).slice(1));
  assert.deepEqual(list("ON_USE"), [...lazy].sort());
  for (const path of lazy) assert.ok(!list("PRECACHE").includes(path), `${path} is not precached`);
});

test("the year view, once opened, opens again with the network cut; its code was not precached", async () => {
  const browser = await openBrowser({ serviceWorkers: "allow" });
  const year = servedAs(builtFrom("js/year.js"));
  const pathsIn = (cached) => Object.values(cached).flat().map((u) => new URL(u).pathname);
  try {
    const page = await browser.page();
    await page.goto(browser.url(hashFor(base.request)));
    await page.getByTestId("fund-pays").waitFor();
    assert.ok(!pathsIn(await controlled(page)).includes(year));
    await page.getByTestId("open-year").click();
    await page.waitForFunction(() => document.documentElement.dataset.year === "ready");
    const cached = pathsIn(await controlled(page));
    assert.ok(cached.includes(year), "kept when used");
    for (const url of Object.values(await controlled(page)).flat()) assert.equal(new URL(url).search + new URL(url).hash, "", url);

    await browser.context.setOffline(true);
    const again = await browser.page();
    await again.goto(browser.url(hashFor(base.request, { page: "year" })));
    await again.waitForFunction(() => document.documentElement.dataset.year === "ready");
    assert.equal(await again.getByTestId("year-total-fund").count() + await again.getByTestId("add-visit").count() > 0, true);
    await browser.context.setOffline(false);
    assert.deepEqual(browser.problems, []);
  } finally {
    await browser.close();
  }
});

test("a new build's worker takes over and deletes the old cache", async () => {
  // A copy of dist/ stands for the host, so a "new build" can be deployed onto it.
  const host = mkdtempSync(join(tmpdir(), "yibao-site-"));
  cpSync(siteDir, host, { recursive: true });
  const browser = await openBrowser({ serviceWorkers: "allow", rootDir: host });
  try {
    const page = await browser.page();
    await page.goto(browser.url(queryFor(base.request)));
    await page.getByTestId("fund-pays").waitFor();
    const [before] = Object.keys(await controlled(page));
    const sw = join(host, "sw.js");
    const next = readFileSync(sw, "utf8").replace(/const VERSION = "(\w+)";/, 'const VERSION = "$1next";');
    writeFileSync(sw, next);
    rmSync(`${sw}.br`, { force: true });
    rmSync(`${sw}.gz`, { force: true });
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
    const replaced = async () => {
      const keys = await page.evaluate(() => caches.keys());
      return keys.length === 1 && keys[0] !== before;
    };
    for (let i = 0; i < 150 && !(await replaced()); i++) await page.waitForTimeout(100);
    await page.reload();
    await page.getByTestId("fund-pays").waitFor();
    assert.equal((await readResult(page)).fundPays, decimal(base.expect.settlement.fundPays));
    assert.deepEqual(await page.evaluate(() => caches.keys()), [`${before}next`]);
    assert.deepEqual(browser.problems, []);
  } finally {
    await browser.close();
    rmSync(host, { recursive: true, force: true });
  }
});
