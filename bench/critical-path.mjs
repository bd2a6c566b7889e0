// Bytes on the critical path of the demo page (issue 12): every response the page receives from
// navigation until the first estimate is on screen, for the public "contract example" as a deep
// link to the result page, in headless Chromium — once as is, and once per simulated old browser
// (WebAssembly missing; compilation refused). Then a pause: anything fetched after the first
// estimate is listed separately (a modern browser must fetch nothing more at all).
//
//   scripts/build.sh && node bench/critical-path.mjs [--runs 5] [--root www] [--modern-only] [--json out.json]
//
// Bytes are the response bodies as served by scripts/serve.mjs (uncompressed) and gzip -9 of
// them (as a static host would send them). A fresh profile per run: cold cache. With --runs N
// each scenario runs N times; the time (the page's own "yibao:first-estimate" mark, ms after
// navigation) is the median. --root serves another copy of the page (e.g. an older commit's).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { gzipSync } from "node:zlib";
import { startServer } from "../scripts/serve.mjs";
import { launchChromium } from "../tests/browser/harness.mjs";
import { queryFor } from "../tests/browser/drive.mjs";
import { root } from "./fixtures.mjs";

const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const jsonOut = option("--json", null);
const RUNS = Number(option("--runs", 1));
const wwwDir = option("--root", join(root, "www"));
const MODERN_ONLY = args.includes("--modern-only");
const cases = JSON.parse(readFileSync(join(root, "..", "shared", "cases", "public.json"), "utf8"));
const example = cases.find((c) => c.name.includes("contract example with ceilings"));
const scenarios = [
  { name: "modern browser", init: null },
  { name: "no WebAssembly", init: () => { delete globalThis.WebAssembly; } },
  {
    name: "compilation refused",
    init: () => {
      const refuse = () => Promise.reject(new WebAssembly.CompileError("refused (simulated CSP)"));
      WebAssembly.compile = refuse;
      WebAssembly.instantiate = refuse;
      WebAssembly.compileStreaming = refuse;
      WebAssembly.instantiateStreaming = refuse;
    },
  },
];

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

async function measure(origin, scenario) {
  const profile = mkdtempSync(join(tmpdir(), "yibao-critical-"));
  const context = await launchChromium(profile);
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    if (scenario.init) await page.addInitScript(scenario.init);
    const seen = [];
    let shown = false;
    page.on("response", async (res) => {
      const before = !shown;
      const body = await res.body().catch(() => null);
      if (body) seen.push({ path: new URL(res.url()).pathname, raw: body.length, gzip: gzipSync(body, { level: 9 }).length, before });
    });
    await page.goto(`${origin}/${queryFor(example.request)}`);
    await page.getByTestId("fund-pays").waitFor({ timeout: 60000 });
    shown = true;
    const fund = (await page.getByTestId("fund-pays").innerText()).replace(/[^\d.]/g, "");
    if (fund !== example.expect.settlement.fundPays) throw new Error(`${scenario.name}: fund pays ${fund}`);
    const firstEstimate = await page.evaluate(() => performance.getEntriesByName("yibao:first-estimate")[0]?.startTime ?? null);
    await page.waitForTimeout(1500);
    const sum = (list, k) => list.reduce((n, r) => n + r[k], 0);
    const before = seen.filter((r) => r.before), after = seen.filter((r) => !r.before);
    return { name: scenario.name, firstEstimate, files: before, raw: sum(before, "raw"), gzip: sum(before, "gzip"), later: after };
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

const server = await startServer({ rootDir: wwwDir, listenPort: 0 });
const origin = `http://127.0.0.1:${server.address().port}`;
const out = [];
try {
  for (const s of MODERN_ONLY ? scenarios.slice(0, 1) : scenarios) {
    try {
      const runs = [];
      for (let r = 0; r < RUNS; r++) runs.push(await measure(origin, s));
      const times = runs.map((x) => x.firstEstimate).sort((a, b) => a - b);
      out.push({ ...runs[0], firstEstimate: times[times.length >> 1], times });
    } catch (e) {
      out.push({ name: s.name, error: String(e.message).split("\n")[0] });
    }
  }
} finally {
  await new Promise((ok) => server.close(ok));
}

console.log(`| scenario | first estimate (median of ${RUNS}) | files before the first estimate | raw | gzip -9 | fetched after it |`);
console.log("|---|---:|---|---:|---:|---|");
for (const o of out) {
  if (o.error) { console.log(`| ${o.name} | no estimate: ${o.error} | | | | |`); continue; }
  const files = o.files.map((f) => `${f.path === "/" ? "index.html" : f.path.replace(/^\/(vendor\/)?/, "")} ${kb(f.raw)}`).join(", ");
  console.log(`| ${o.name} | ${o.firstEstimate == null ? "—" : `${o.firstEstimate.toFixed(0)} ms`} | ${o.files.length}: ${files} | ${kb(o.raw)} | ${kb(o.gzip)} | ${o.later.map((f) => f.path).join(", ") || "nothing"} |`);
}
if (jsonOut) {
  mkdirSync(dirname(jsonOut), { recursive: true });
  writeFileSync(jsonOut, JSON.stringify(out, null, 1));
}
