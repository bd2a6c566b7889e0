// The page's bytes per file on the way to the first estimate (issue 13): the public "contract
// example" opened as a result deep link in headless Chromium, every file the page receives from
// navigation until its first estimate is on screen (the page's "yibao:first-estimate" mark,
// compared with each file's resource-timing responseEnd), and what it fetches within a second
// after. Sizes are of the files on disk: raw and brotli
// (node:zlib, quality 11, as a host pre-compresses them). Also the home page's files before its
// first contentful paint.
//
//   scripts/build.sh && node bench/page-bytes.mjs [--root www] [--lang zh|en] [--phone] [--json out.json]
//
// --root serves another copy of the page (e.g. an older commit's www/ with its own vendor/).
// --phone throttles as issue 13's profile (4× CPU, 400 ms round trip, 400 kbit/s down) and reports
// the times too; scripts/serve.mjs sends files uncompressed, so the raw column is what travels.
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliCompressSync, constants } from "node:zlib";
import { startServer } from "../scripts/serve.mjs";
import { hashFor } from "../tests/browser/drive.mjs";
import { launchChromium } from "../tests/browser/harness.mjs";
import { root } from "./fixtures.mjs";

const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const wwwDir = option("--root", join(root, "www"));
const lang = option("--lang", "zh");
const jsonOut = option("--json", null);
const PHONE = args.includes("--phone");
const cases = JSON.parse(readFileSync(join(root, "..", "shared", "cases", "public.json"), "utf8"));
const example = cases.find((c) => c.name.includes("contract example with ceilings"));

function sizes(path) {
  const file = join(wwwDir, path === "/" ? "index.html" : decodeURIComponent(path));
  if (!statSync(file, { throwIfNoEntry: false })) return { raw: 0, brotli: 0 };
  const body = readFileSync(file);
  return { raw: body.length, brotli: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length };
}

/**
 * Opens `hash`, waits for the performance entry `mark`, and lists the files the page had received
 * in full by then (resource timing's responseEnd) and those it fetched within a second after.
 */
async function measure(context, origin, hash, mark, selector) {
  const page = await context.newPage();
  await page.setViewportSize({ width: 360, height: 740 });
  if (PHONE) {
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 400, downloadThroughput: 50000, uploadThroughput: 50000 });
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  }
  // When the home page's entries, a result's skeleton and its amounts first appear (an older page
  // has no skeleton and no "yibao:first-screen" mark).
  await page.addInitScript(() => {
    const seen = {};
    window.__seen = seen;
    new MutationObserver(() => {
      for (const id of ["start-estimate", "result-skeleton", "fund-pays"]) {
        if (!seen[id] && document.querySelector(`[data-testid="${id}"]`)) seen[id] = Math.round(performance.now());
      }
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto(`${origin}/${hash}`);
  await page.waitForFunction((name) => performance.getEntriesByName(name).length > 0, mark, { timeout: 60000 });
  await page.waitForSelector(selector, { timeout: 60000 });
  await page.waitForTimeout(1000);
  const entries = await page.evaluate((name) => {
    const at = performance.getEntriesByName(name)[0].startTime;
    const fcp = performance.getEntriesByName("first-contentful-paint")[0];
    const screen = performance.getEntriesByName("yibao:first-screen")[0];
    return { at, fcp: fcp && fcp.startTime, screen: screen && screen.startTime, seen: window.__seen, files: performance.getEntriesByType("resource").map((r) => ({ url: r.name, end: r.responseEnd })) };
  }, mark);
  await page.close();
  const own = entries.files.filter((f) => f.url.startsWith(`${origin}/`));
  const list = (after) => [...new Set(own.filter((f) => (f.end > entries.at) === after).map((f) => new URL(f.url).pathname))]
    .map((path) => ({ path, ...sizes(path) }));
  return { at: Math.round(entries.at), fcp: Math.round(entries.fcp), screen: entries.screen && Math.round(entries.screen), seen: entries.seen, before: [{ path: "/", ...sizes("/") }, ...list(false)], after: list(true) };
}

function print(title, files) {
  console.log(`\n${title}`);
  let raw = 0;
  let brotli = 0;
  for (const f of files) {
    console.log(`  ${f.path.padEnd(48)} ${String(f.raw).padStart(8)} ${String(f.brotli).padStart(8)}`);
    raw += f.raw;
    brotli += f.brotli;
  }
  console.log(`  ${"total (raw, brotli bytes)".padEnd(48)} ${String(raw).padStart(8)} ${String(brotli).padStart(8)}`);
  return { files, raw, brotli };
}

const server = await startServer({ rootDir: wwwDir, listenPort: 0 });
const origin = `http://127.0.0.1:${server.address().port}`;
const profile = mkdtempSync(join(tmpdir(), "yibao-bytes-"));
const context = await launchChromium(profile);
try {
  const extra = lang === "en" ? { lang: "en" } : {};
  const result = await measure(context, origin, hashFor(example.request, { extra }), "yibao:first-estimate", "[data-testid=fund-pays]");
  const home = await measure(context, origin, lang === "en" ? "#lang=en" : "", "first-contentful-paint", "[data-testid=start-estimate]");
  const report = {
    root: wwwDir,
    lang,
    resultBeforeEstimate: print(`result deep link (${lang}): received before the first estimate (${result.at} ms; first contentful paint ${result.fcp} ms, skeleton ${result.seen["result-skeleton"] || "-"} ms, amounts ${result.seen["fund-pays"]} ms; ${PHONE ? "phone profile" : "no throttling"})`, result.before),
    resultAfterEstimate: print("result deep link: received within 1 s after it", result.after),
    homeBeforePaint: print(`home page (${lang}): received before the first contentful paint (${home.at} ms; its entries drawn at ${home.seen["start-estimate"]} ms)`, home.before),
  };
  if (jsonOut) writeFileSync(jsonOut, `${JSON.stringify(report, null, 2)}\n`);
} finally {
  await context.close();
  await new Promise((ok) => server.close(ok));
  rmSync(profile, { recursive: true, force: true });
}
