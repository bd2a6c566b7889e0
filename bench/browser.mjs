// The browser benchmark (issue 5, part 3): time from navigation to the first rendered estimate
// in headless Chromium (Debian's, through playwright-core), and the bytes the page transfers.
//
//   scripts/build.sh && node bench/browser.mjs [--quick] [--only desktop|phone|phone-cold] [--runs N] [--site www|dist] [--json bench/out/browser.json]
//
// The page (www/) marks `performance.mark("yibao:first-estimate")` once a result is on screen
// (www/js/app.js, after the result page is rendered); we open the typical request as a deep link
// to the result page, wait for the mark and for [data-testid=fund-pays], and read the mark's
// startTime (ms since navigation start). Each run uses a fresh browser profile (cold HTTP
// cache; the server also sends no-store). A minimal page (bench/page/) that only does
// init() + Engine.withDefaults() + estimate() gives the engine's own floor.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { dirname, extname, join, relative, resolve } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { chromium } from "playwright-core";
import { startServer } from "../scripts/serve.mjs";
import { CHROMIUM, launchChromium } from "../tests/browser/harness.mjs";
import { loadFixtures, root } from "./fixtures.mjs";
import { phoneRuns, printBudget, printPhone } from "./phone.mjs";

const args = process.argv.slice(2);
const QUICK = args.includes("--quick");
const jsonOut = args.includes("--json") ? args[args.indexOf("--json") + 1] : null;
const RUNS = QUICK ? 3 : 9;
// `--runs N`: the phone scenarios' runs (medians), e.g. to measure one change on a busy machine.
const PHONE_RUNS = args.includes("--runs") ? Number(args[args.indexOf("--runs") + 1]) : QUICK ? 1 : 3;
// "phone", "desktop", or "phone-cold": the phone profile's cold, compressed loads only (home page,
// guide and result deep link), what a change on the page's critical path is measured with.
const ONLY = args.includes("--only") ? args[args.indexOf("--only") + 1] : null;

const www = join(root, "www");
// The site as deployed: dist/ (scripts/dist.mjs) when built, else www/ as it is.
// `--site www` measures the sources as they are (no hashed names, no worker): the "before" of issue 13.
const site = args.includes("--site") ? resolve(root, args[args.indexOf("--site") + 1])
  : existsSync(join(root, "dist", "index.html")) ? join(root, "dist") : www;
const siteName = `${relative(root, site) || "."}/`;

// The deep link to the result page of the typical request (the contract example), written by the
// page's own www/js/state.js: the URL format is the page's business. This is the one place that
// builds it. The state lives in the fragment (`/#p=result&…`), which never reaches the server:
// the request is for the page alone, as a real deep link's is.
const typical = loadFixtures().typical;
async function resultLink() {
  const { parseState, stateToHash } = await import(join(www, "js", "state.js"));
  const f = typical.filing, v = typical.visit, i = typical.insured;
  const state = {
    ...parseState(""), page: "result", task: "estimate",
    regionProvince: `${i.region.slice(0, 2)}0000`, region: i.region, scheme: i.scheme, status: i.status ?? "working",
    filed: "1", category: f.category, filingPlace: f.place, filingStart: f.start,
    disease: v.disease, visitDate: v.date, visitPlace: v.place, level: String(v.hospitalLevel), costMode: "detail",
    lines: typical.items.map((it) => (it.code
      ? { kind: "catalogue", code: it.code, amount: String(it.amount) }
      : { kind: "free", cls: it.class, amount: String(it.amount), share: it.selfPayRatio ?? "", ceiling: it.ceilingAmount ?? "", name: it.name ?? "" })),
  };
  return `/${stateToHash(state)}`;
}

// The minimal page: the web build and nothing else.
function minimalPageDir() {
  const dir = join(root, "bench", "out", "page");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, "vendor"), { recursive: true });
  for (const f of ["yibao_policy.js", "yibao_policy_bg.wasm"]) copyFileSync(join(www, "vendor", "yibao-policy", f), join(dir, "vendor", f));
  copyFileSync(join(root, "bench", "page", "index.html"), join(dir, "index.html"));
  copyFileSync(join(root, "bench", "page", "main.js"), join(dir, "main.js"));
  writeFileSync(join(dir, "request.json"), JSON.stringify(typical));
  return dir;
}

const kinds = { ".wasm": "wasm", ".js": "JS", ".mjs": "JS", ".css": "CSS", ".html": "HTML" };
const gz = (b) => gzipSync(b, { level: 9 }).length;
const br = (b) => brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

async function runs({ dir, link, cpuThrottle = 1, mark, ready }) {
  const server = await startServer({ rootDir: dir, listenPort: 0 });
  const origin = `http://127.0.0.1:${server.address().port}`;
  const results = [];
  let transfer = null;
  try {
    for (let r = 0; r < RUNS; r++) {
      const profile = mkdtempSync(join(tmpdir(), "yibao-bench-"));
      const context = await launchChromium(profile);
      try {
        const page = context.pages()[0] ?? (await context.newPage());
        const errors = [];
        page.on("pageerror", (e) => errors.push(e.message));
        const responses = [];
        page.on("response", (res) => responses.push(res));
        if (cpuThrottle !== 1) {
          const cdp = await context.newCDPSession(page);
          await cdp.send("Emulation.setCPUThrottlingRate", { rate: cpuThrottle });
        }
        await page.goto(`${origin}${link}`, { waitUntil: "commit" });
        try {
          await page.waitForFunction((m) => performance.getEntriesByName(m).length > 0, mark, { timeout: 30000, polling: 5 });
        } catch (e) {
          const shown = await page.evaluate(() => document.body.innerText.slice(0, 300)).catch(() => "?");
          throw new Error(`no "${mark}" mark within 30 s (page errors: ${errors.join("; ") || "none"}); the page shows: ${shown.replace(/\s+/g, " ")}`);
        }
        await page.waitForSelector(ready, { timeout: 60000 });
        const t = await page.evaluate((m) => {
          const nav = performance.getEntriesByType("navigation")[0];
          const res = performance.getEntriesByType("resource");
          const wasm = res.find((e) => e.name.endsWith(".wasm"));
          const js = res.filter((e) => /\.m?js$/.test(new URL(e.name).pathname));
          const at = (name) => performance.getEntriesByName(name)[0]?.startTime ?? null;
          return {
            firstEstimate: performance.getEntriesByName(m)[0].startTime,
            responseEnd: nav.responseEnd,
            domContentLoaded: nav.domContentLoadedEventEnd,
            jsModules: js.length,
            // With the engine preloaded, the .wasm may be requested before any module: then none
            // of them held it up, and the column says so (null, not -Infinity).
            jsDone: (() => {
              const before = js.filter((e) => !wasm || e.startTime <= wasm.startTime).map((e) => e.responseEnd);
              return before.length ? Math.max(...before) : null;
            })(),
            wasmRequested: wasm ? wasm.startTime : null,
            wasmFetched: wasm ? wasm.responseEnd : null,
            // bench/page marks these; the demo page does not
            instantiated: at("bench:init"),
            engineReady: at("bench:engine"),
          };
        }, mark);
        const shown = (await page.locator(ready).innerText()).replace(/[^\d.]/g, "");
        if (Number(shown) !== 4003.5) throw new Error(`page shows fund pays ${shown}, expected 4003.50`);
        if (errors.length) throw new Error(`page errors: ${errors.join("; ")}`);
        results.push(t);
        if (!transfer) {
          transfer = [];
          for (const res of responses) {
            const url = new URL(res.url());
            if (url.origin !== origin || res.status() !== 200) continue;
            const body = await res.body().catch(() => null);
            if (!body) continue;
            const path = url.pathname.endsWith("/") ? "/index.html" : url.pathname;
            transfer.push({ path, kind: kinds[extname(path)] ?? "other", raw: body.length, gzip: gz(body), brotli: br(body) });
          }
        }
      } finally {
        await context.close();
        rmSync(profile, { recursive: true, force: true });
      }
    }
  } finally {
    await new Promise((ok) => server.close(ok));
  }
  const med = (k) => { const v = results.map((x) => x[k]).filter((x) => x != null).sort((a, b) => a - b); return v.length ? v[v.length >> 1] : null; };
  const all = results.map((x) => x.firstEstimate).sort((a, b) => a - b);
  const keys = ["firstEstimate", "responseEnd", "domContentLoaded", "jsModules", "jsDone", "wasmRequested", "wasmFetched", "instantiated", "engineReady"];
  return { ...Object.fromEntries(keys.map((k) => [k, med(k)])), min: all[0], max: all[all.length - 1], transfer };
}

const browserVersion = await (async () => {
  const b = await chromium.launch({ executablePath: CHROMIUM, args: ["--headless", "--no-sandbox", "--disable-gpu"] });
  const v = b.version();
  await b.close();
  return v;
})();

const link = await resultLink();
const fundPays = "[data-testid=fund-pays]";
const scenarios = [
  { name: `demo page (${siteName}), result deep link`, dir: site, link, mark: "yibao:first-estimate", ready: fundPays },
  { name: "demo page, 4× CPU throttle", dir: site, link, cpuThrottle: 4, mark: "yibao:first-estimate", ready: fundPays },
  { name: "minimal page (init + withDefaults + estimate)", dir: minimalPageDir(), link: "/", mark: "bench:first-estimate", ready: "#fund-pays" },
];
const phoneScenarios = [
  { name: "home page, compressed (br)", link: "/", compress: true },
  { name: "guide, compressed (br)", link: "/#p=guide", compress: true },
  { name: "result deep link, compressed (br)", link, compress: true, estimate: true, ready: fundPays },
  { name: "home page, uncompressed", link: "/", compress: false },
  { name: "result deep link, uncompressed", link, compress: false, estimate: true, ready: fundPays },
  { name: "result deep link, second visit, HTTP cache only (no service worker)", link, compress: true, estimate: true, ready: fundPays, repeat: "http-cache" },
  { name: "result deep link, second visit, service worker allowed", link, compress: true, estimate: true, ready: fundPays, repeat: "service-worker" },
];
const loadAtStart = loadavg()[0];
const out = [];
if (ONLY !== "phone" && ONLY !== "phone-cold") for (const s of scenarios) out.push({ name: s.name, ...(await runs(s)) });
const phone = [];
const coldOnly = ONLY === "phone-cold";
if (ONLY !== "desktop") for (const s of phoneScenarios.filter((x) => !coldOnly || (x.compress && !x.repeat))) phone.push({ name: s.name, ...(await phoneRuns({ dir: site, runs: PHONE_RUNS, ...s })) });

// ── Print ──────────────────────────────────────────────────────────────────────────────────
const ms = (x) => (x == null ? "—" : `${x.toFixed(1)} ms`);
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
if (out.length) {
  console.log(`Chromium ${browserVersion} (headless, ${CHROMIUM}), ${RUNS} cold runs each, medians; loopback server, no network throttling`);
  console.log(`| scenario | navigation → first rendered estimate | (min … max) | target ≤ 150 ms | HTML received | JS modules (before .wasm) loaded | DOMContentLoaded | .wasm requested | .wasm received | instantiated | withDefaults done |`);
  console.log(`|---|---|---|---|---|---|---|---|---|---|---|`);
  for (const o of out) {
    console.log(`| ${o.name} | ${ms(o.firstEstimate)} | ${ms(o.min)} … ${ms(o.max)} | ${o.firstEstimate <= 150 ? "met" : "missed"} | ${ms(o.responseEnd)} | ${o.jsModules ?? 0} by ${ms(o.jsDone)} | ${ms(o.domContentLoaded)} | ${ms(o.wasmRequested)} | ${ms(o.wasmFetched)} | ${ms(o.instantiated)} | ${ms(o.engineReady)} |`);
  }
  const page = out[0].transfer;
  const byKind = {};
  for (const t of page) {
    const k = (byKind[t.kind] ??= { files: 0, raw: 0, gzip: 0, brotli: 0 });
    k.files++; k.raw += t.raw; k.gzip += t.gzip; k.brotli += t.brotli;
  }
  const total = Object.values(byKind).reduce((a, k) => ({ files: a.files + k.files, raw: a.raw + k.raw, gzip: a.gzip + k.gzip, brotli: a.brotli + k.brotli }), { files: 0, raw: 0, gzip: 0, brotli: 0 });
  console.log(`\nBytes the demo page transfers for the first estimate (served files, compressed here: gzip -9, brotli 11):`);
  console.log(`| type | files | raw | gzip | brotli |`);
  console.log(`|---|---|---|---|---|`);
  for (const [k, v] of Object.entries(byKind).sort((a, b) => b[1].gzip - a[1].gzip)) console.log(`| ${k} | ${v.files} | ${kb(v.raw)} | ${kb(v.gzip)} | ${kb(v.brotli)} |`);
  console.log(`| total | ${total.files} | ${kb(total.raw)} | ${kb(total.gzip)} | ${kb(total.brotli)} |`);
  const wasm = page.find((t) => t.kind === "wasm");
  if (wasm) console.log(`\nweb .wasm: ${kb(wasm.raw)} raw, ${kb(wasm.gzip)} gzip, ${kb(wasm.brotli)} brotli — target ≤ 60 KB gzip: ${wasm.gzip <= 60 * 1024 ? "met" : "missed"}`);
}
if (phone.length) {
  printPhone(phone, PHONE_RUNS);
  console.log(`(site served: ${siteName}; 1-minute load average ${loadAtStart.toFixed(1)} at the start, ${loadavg()[0].toFixed(1)} at the end)`);
  const cold = phone.find((p) => p.estimate != null && p.name.includes("compressed (br)"));
  if (cold) printBudget(cold, site);
}

if (jsonOut) {
  mkdirSync(dirname(jsonOut), { recursive: true });
  writeFileSync(jsonOut, JSON.stringify({ browserVersion, runs: RUNS, scenarios: out, phoneRuns: PHONE_RUNS, phone }, null, 1));
}
