// The site the engine tests open: dist/ (or a copy changed for one test) on a loopback server
// that records every request it answers, so that what reaches the network is counted the same
// way in every engine. The cases' expectations are read from shared/cases at test time.
import assert from "node:assert/strict";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startServer } from "../../scripts/serve.mjs";
import { decimal, shownAmount, siteDir } from "../browser/harness.mjs";

/**
 * Serves `rootDir` (dist/ unless a variant); `throttle` as scripts/serve.mjs takes it. `requests`
 * lists every path asked for, in order; `cut()` is the network gone (connections refused).
 */
export async function serve({ rootDir = siteDir, throttle = null } = {}) {
  if (!existsSync(join(rootDir, "sw.js"))) throw new Error("dist/ is missing: run scripts/build.sh first");
  const server = await startServer({ rootDir, listenPort: 0, throttle });
  const requests = [];
  server.on("request", (req) => requests.push(new URL(req.url, "http://x").pathname));
  const origin = `http://127.0.0.1:${server.address().port}`;
  let open = true;
  const cut = () => {
    if (!open) return Promise.resolve();
    open = false;
    const closed = new Promise((ok) => server.close(ok));
    server.closeAllConnections();
    return closed;
  };
  return { origin, requests, url: (path = "") => `${origin}/${path}`, cut, close: cut };
}

/**
 * A copy of dist/ with its index.html changed by `edit` (served uncompressed: its .br and .gz
 * are dropped), and `files` added at its root. Removed with `dispose()`.
 */
export function siteVariant(edit, files = {}) {
  const dir = mkdtempSync(join(tmpdir(), "yibao-variant-"));
  cpSync(siteDir, dir, { recursive: true });
  const page = join(dir, "index.html");
  const before = readFileSync(page, "utf8");
  const after = edit(before);
  assert.notEqual(after, before, "the variant changes the page");
  writeFileSync(page, after);
  rmSync(`${page}.br`, { force: true });
  rmSync(`${page}.gz`, { force: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return { dir, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

/** What the result page shows, read in the page: the amounts as decimals, the mode, the checks. */
export async function readShown(session) {
  await session.waitForSelector("[data-testid=fund-pays]");
  const raw = await session.evaluate(() => {
    const text = (id) => document.querySelector(`[data-testid=${id}]`).innerText;
    const checks = {};
    for (const li of document.querySelectorAll("[data-testid=checks] li.check")) checks[li.dataset.code] = li.dataset.status;
    return {
      fundPays: text("fund-pays"), patientPays: text("patient-pays"), total: text("total"),
      mode: document.querySelector("[data-testid=verdict]").dataset.mode, checks,
      notice: document.querySelector("[data-testid=notice]")?.innerText ?? "",
    };
  });
  return { ...raw, fundPays: shownAmount(raw.fundPays), patientPays: shownAmount(raw.patientPays), total: shownAmount(raw.total) };
}

/** The shown result against a case's expectation (amounts as decimals, never floats). */
export function assertCase(shown, c, label = c.name) {
  const s = c.expect.settlement;
  assert.equal(shown.fundPays, decimal(s.fundPays), `${label}: 医保支付`);
  assert.equal(shown.patientPays, decimal(s.patientPays), `${label}: 个人支付`);
  assert.equal(shown.total, decimal(s.total), `${label}: 费用合计`);
  assert.equal(shown.mode, c.expect.mode, `${label}: mode`);
  if (c.expect.checks) assert.deepEqual(shown.checks, c.expect.checks, `${label}: checks`);
  assert.match(shown.notice, /试算结果仅供参考/, `${label}: the notice`);
}

/**
 * Nothing went wrong on the page: no crash banner or boot failure, no console error where the
 * engine reports them (but those `expected`: the browser's own report of what a test provoked).
 */
export async function assertHealthy(session, { expected = null } = {}) {
  const shown = await session.evaluate(() => ({
    crash: document.getElementById("crash")?.innerText ?? null,
    failure: document.querySelector("[data-testid=boot-failure]")?.innerText ?? null,
  }));
  assert.deepEqual(shown, { crash: null, failure: null }, `${session.engine}: the page reports a problem`);
  assert.deepEqual(session.problems.filter((p) => !expected?.test(p)), [], `${session.engine}: console errors`);
}

export const isWasm = (path) => path.endsWith(".wasm");
