// After one visit the page works with no network at all (dist/sw.js, from www/offline/), a new
// build's worker replaces the old caches, and the worker keeps no health data: nothing with a
// query string or a fragment ever enters its caches, and it logs nothing.
import { test } from "node:test";
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openBrowser, loadCases, caseNamed, decimal, siteDir } from "./harness.mjs";
import { queryFor, readResult } from "./drive.mjs";

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
    await page.goto(browser.url(queryFor(base.request, { extra: { nf: "1" } })) + "#trace");
    await page.getByTestId("fund-pays").waitFor();
    const cached = await controlled(page);

    await browser.context.setOffline(true);
    await page.reload();
    await page.getByTestId("fund-pays").waitFor();
    assert.equal((await readResult(page)).fundPays, decimal(base.expect.settlement.fundPays));
    // Another person's answers, never seen online: the page is the cached one, the engine local.
    const other = await browser.page();
    await other.goto(browser.url(queryFor(unfiled.request)));
    await other.getByTestId("fund-pays").waitFor();
    assert.equal((await readResult(other)).fundPays, decimal(unfiled.expect.settlement.fundPays));
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

test("the worker logs nothing and writes nothing to a cache at run time", () => {
  const sw = readFileSync(join(siteDir, "sw.js"), "utf8");
  assert.doesNotMatch(sw, /console\.|\.put\(/);
  assert.match(sw, /cache\.addAll\(/);
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
