// Issue 13, the page's half: nothing but the numbers waits for the engine. With the .wasm held
// back, the home page and the question steps answer at once, a result link paints the shape of
// its answer (never a bare loading line), and the estimate fills it once the engine is released;
// English strings are fetched only when asked for. Expectations come from shared/cases.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { openBrowser, loadCases, caseNamed, decimal, ready, outputDir, servedAs, builtFrom } from "./harness.mjs";
import { hashFor, readResult } from "./drive.mjs";
import { contrastFailures, unlabelledControls } from "./a11y.mjs";

const cases = loadCases();
const example = caseNamed(cases, "contract example with ceilings");
const ENGLISH = servedAs(builtFrom("js/strings/en.js"));
const LATER = servedAs(builtFrom("js/later.js"));
let browser;

before(async () => { browser = await openBrowser(); });
after(async () => { await browser?.close(); });

/** A page whose .wasm requests wait until `release()` (the preload and the loader's fetch alike). */
async function heldPage() {
  const page = await browser.page();
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route("**/*.wasm", async (route) => {
    await held;
    await route.continue().catch(() => {}); // a request of a page already left is gone
  });
  return { page, release };
}

const booted = (page) => page.evaluate(() => document.documentElement.dataset.boot || "");
const bareLoadingLines = (page) => page.locator("#app p.loading").count();
const radio = (page, testid, value) => page.locator(`[data-testid="${testid}"] input[value="${value}"]`).check();

test("with the wasm held back: the home page and a question step answer, a result link shows its skeleton, then the estimate", async () => {
  const { page, release } = await heldPage();
  await page.goto(browser.url());
  await page.getByTestId("start-estimate").waitFor();
  assert.notEqual(await booted(page), "ready", "the engine is still held");
  assert.equal(await bareLoadingLines(page), 0);

  // A question step: every division from data/divisions.json, the answers go into the URL.
  await page.getByTestId("start-estimate").click();
  await page.locator("h1", { hasText: "参保信息" }).waitFor();
  await page.getByTestId("insured-province").selectOption("650000");
  await page.getByTestId("insured-region").selectOption("653200");
  await radio(page, "scheme", "resident");
  await page.waitForFunction(() => /r=653200/.test(location.hash) && /sc=resident/.test(location.hash));
  // Whether the place has a policy pack is the engine's to say: marked as loading, not guessed.
  await page.getByTestId("insured-pending").waitFor();
  assert.deepEqual(await unlabelledControls(page), []);
  assert.deepEqual(await contrastFailures(page), []);
  await page.getByTestId("next").click();
  await radio(page, "filed", "yes");
  assert.equal(await page.getByTestId("filing-place-province").isDisabled(), true, "the places come with the engine");
  assert.notEqual(await booted(page), "ready");

  // The result link: its skeleton is the first paint, before any wasm has arrived.
  await page.goto(browser.url(hashFor(example.request)));
  await page.getByTestId("result-skeleton").waitFor();
  await page.getByTestId("numbers-skeleton").waitFor();
  assert.match(await page.getByTestId("engine-loading").innerText(), /正在加载计算工具/);
  assert.equal(await bareLoadingLines(page), 0);
  assert.notEqual(await booted(page), "ready");
  const paints = await page.evaluate(() => performance.getEntriesByName("first-contentful-paint").length);
  assert.equal(paints, 1, "first contentful paint before the wasm");
  assert.deepEqual(await contrastFailures(page), []);
  assert.deepEqual(await unlabelledControls(page), []);
  await page.screenshot({ path: join(outputDir, "skeleton-360.png") });
  const box = await page.getByTestId("numbers-skeleton").boundingBox();

  release();
  await page.getByTestId("fund-pays").waitFor();
  assert.equal(await page.getByTestId("result-skeleton").count(), 0);
  const shown = await readResult(page);
  assert.equal(shown.fundPays, decimal(example.expect.settlement.fundPays));
  assert.equal(shown.patientPays, decimal(example.expect.settlement.patientPays));
  // The amounts take the skeleton's place: same top, so the screen does not jump.
  const numbers = await page.getByTestId("numbers").boundingBox();
  assert.ok(Math.abs(numbers.y - box.y) < 2, `numbers at ${numbers.y}, skeleton at ${box.y}`);
  await page.close();
  assert.deepEqual(browser.problems, []);
});

test("a result link requests only what its estimate needs: the steps' code after the estimate is shown", async () => {
  const { page, release } = await heldPage();
  const requested = [];
  page.on("request", (r) => requested.push(new URL(r.url()).pathname));
  await page.goto(browser.url(hashFor(example.request)));
  await page.getByTestId("result-skeleton").waitFor();
  // With the engine held back, anything the page asks for at start has been asked for by now.
  await page.waitForTimeout(500);
  const early = [...requested];
  for (const path of [LATER, ENGLISH, servedAs("data/divisions.json"), servedAs(builtFrom("js/year.js"))]) {
    assert.ok(!early.includes(path), `${path} requested before the estimate: ${early.join(" ")}`);
  }
  assert.deepEqual(early.filter((p) => p.endsWith(".css")), [], "the stylesheets are in the page");
  // Nor the code that only the pickers and the own-terms form and sections run: it comes with the
  // later chunk. Looked for in the page's scripts (the entry is inline in a built page) and every
  // script requested so far, by what that code names: the pickers' data file, the own-terms
  // sections' test ids (quoted: the page's CSS names them as classes) and the typed "no limit" word.
  const code = await page.evaluate(async (paths) => {
    const inline = [...document.scripts].map((s) => s.textContent).join("\n");
    const files = await Promise.all(paths.map((p) => fetch(p).then((r) => r.text())));
    return [inline, ...files].join("\n");
  }, early.filter((p) => p.endsWith(".js")));
  for (const marker of [/divisions(\.[0-9a-f]+)?\.json/, /"terms-needed"/, /"your-terms"/, /不封顶/]) {
    assert.doesNotMatch(code, marker, "code for the pickers or the person's own terms before the estimate");
  }
  release();
  await page.getByTestId("fund-pays").waitFor();
  // The sections below the estimate (pictures, what-if, trace) come after it, from the later chunk.
  await page.getByTestId("whatif").waitFor();
  const times = await page.evaluate((later) => ({
    estimate: performance.getEntriesByName("yibao:first-estimate")[0].startTime,
    later: performance.getEntriesByType("resource").filter((e) => new URL(e.name).pathname === later).map((e) => e.startTime),
  }), LATER);
  assert.equal(times.later.length, 1, "the later chunk is fetched once");
  assert.ok(times.later[0] >= times.estimate, `the later chunk at ${times.later[0]} ms, the estimate at ${times.estimate} ms`);
  await page.close();
  assert.deepEqual(browser.problems, []);
});

test("what is typed before the engine arrives stays, with the focus", async () => {
  const { page, release } = await heldPage();
  // The example's answers up to the costs, and quick entry with nothing typed yet.
  const answers = new URLSearchParams(hashFor(example.request, { page: "costs" }).slice(1));
  for (const key of ["li", "qa", "qb", "qc"]) answers.delete(key);
  answers.set("cm", "quick");
  await page.goto(browser.url(`#${answers}`));
  await page.getByTestId("costs-pending").waitFor();
  const field = page.getByTestId("amount-A");
  await field.click();
  await field.pressSequentially("1234");
  release();
  await ready(page);
  await page.waitForFunction(() => !document.querySelector("[data-testid=costs-pending]"));
  assert.equal(await field.inputValue(), "1234");
  assert.equal(await field.evaluate((el) => el === document.activeElement), true);
  await page.getByTestId("live-fund").waitFor();
  await page.close();
  assert.deepEqual(browser.problems, []);
});

test("English strings are fetched for lang=en only", async () => {
  let page = await browser.page();
  const fetched = [];
  page.on("request", (r) => fetched.push(new URL(r.url()).pathname));
  await page.goto(browser.url(hashFor(example.request)));
  await ready(page);
  await page.getByTestId("fund-pays").waitFor();
  await page.waitForTimeout(300);
  assert.ok(!fetched.includes(ENGLISH), "a Chinese page does not download English");

  await page.close();

  // A new document (a fragment-only change would not reload the page).
  page = await browser.page();
  page.on("request", (r) => fetched.push(new URL(r.url()).pathname));
  await page.goto(browser.url(hashFor(example.request, { extra: { lang: "en" } })));
  await ready(page);
  await page.getByTestId("fund-pays").waitFor();
  assert.ok(fetched.includes(ENGLISH));
  assert.equal(await page.getAttribute("html", "lang"), "en");
  assert.match(await page.getByTestId("lang-switch").innerText(), /中文/);

  // The switch fetches them too, on a page that started in Chinese.
  const other = await browser.page();
  const seen = [];
  other.on("request", (r) => seen.push(new URL(r.url()).pathname));
  await other.goto(browser.url());
  await ready(other);
  assert.ok(!seen.includes(ENGLISH));
  await other.getByTestId("lang-switch").click();
  await other.waitForFunction(() => document.documentElement.lang === "en" && /English|Outpatient/.test(document.querySelector("h1").textContent));
  assert.ok(seen.includes(ENGLISH));
  await page.close();
  await other.close();
  assert.deepEqual(browser.problems, []);
});

test("without WebAssembly the skeleton says the slower engine is coming, then the estimate", async () => {
  const page = await browser.page();
  await page.addInitScript(() => { delete globalThis.WebAssembly; });
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route(`**${servedAs("vendor/yibao-policy/js/yibao_policy.js")}`, async (route) => { await held; await route.continue(); });
  await page.goto(browser.url(hashFor(example.request)));
  await page.getByTestId("result-skeleton").waitFor();
  await page.getByTestId("engine-loading").filter({ hasText: "兼容版" }).waitFor();
  release();
  await page.getByTestId("fund-pays").waitFor();
  assert.equal((await readResult(page)).fundPays, decimal(example.expect.settlement.fundPays));
  await page.close();
  assert.deepEqual(browser.problems, []);
});
