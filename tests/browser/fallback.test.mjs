// Old phones (issue 12): where WebAssembly is missing, refused by the CSP, or the main module does
// not compile, both pages still show the public cases' amounts — through the pure-JS engine,
// fetched only then — and never an engine error. Where WebAssembly runs, that engine is never
// fetched. Expectations are read from shared/cases/public.json at test time.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { openBrowser, loadCases, caseNamed, decimal, shownAmount, ready, servedAs } from "./harness.mjs";
import { assertShown, driveEstimate, queryFor, readResult } from "./drive.mjs";

const cases = loadCases();
const driven = cases.filter((c) => c.expect.settlement);
// The simple page has no fields for this year's monthly or all-disease fund totals, and lists only
// the diseases the insured place covers.
const simple = driven.filter((c) => Object.keys(c.request.ytd || {}).every((k) => ["deductiblePaid", "fundPaid"].includes(k))
  && c.expect.checks?.DISEASE_COVERED !== "fail");
const example = caseNamed(cases, "contract example with ceilings");
// dist/ serves every file under a hashed name: the pure-JS engine as an ES module (main page) and
// as a classic script (simple page), and the two pages' .wasm files.
const JS_MODULE = servedAs("vendor/yibao-policy/js/yibao_policy.js");
const JS_GLOBAL = servedAs("vendor/yibao-policy/js/yibao_policy.global.js");
const JS_ENGINE = new Set([JS_MODULE, JS_GLOBAL]);
const WASM = [servedAs("vendor/yibao-policy/yibao_policy_bg.wasm"), servedAs("vendor/yibao-policy/no-modules/yibao_policy_bg.wasm")];
let browser;

before(async () => { browser = await openBrowser(); });
after(async () => { await browser?.close(); });

const noWebAssembly = () => { delete globalThis.WebAssembly; };

/** A page that records the engine files it fetches. */
async function pageWith(init) {
  const page = await browser.page();
  if (init) await page.addInitScript(init);
  const fetched = [];
  page.on("request", (r) => fetched.push(new URL(r.url()).pathname));
  return { page, fetched, jsEngine: () => fetched.filter((p) => JS_ENGINE.has(p)), wasm: () => fetched.filter((p) => p.endsWith(".wasm")) };
}

async function simpleAmounts(page, c) {
  await page.goto(browser.url(`legacy.html${queryFor(c.request)}`));
  await ready(page);
  return {
    fundPays: shownAmount(await page.getByTestId("fund-pays").innerText()),
    patientPays: shownAmount(await page.getByTestId("patient-pays").innerText()),
  };
}

test("the cases the simple page can express are most of the public ones", () => {
  assert.ok(simple.length >= driven.length - 3, `${simple.length} of ${driven.length}`);
});

for (const c of driven) {
  test(`no WebAssembly: the page shows the contract's amounts through the UI: ${c.name}`, async () => {
    const { page, jsEngine } = await pageWith(noWebAssembly);
    await page.goto(browser.url());
    await ready(page);
    await driveEstimate(page, c.request);
    const shown = await readResult(page);
    assertShown(shown, c.expect);
    assert.deepEqual(jsEngine(), [JS_MODULE]);
    await page.close();
    assert.deepEqual(browser.problems, []);
  });
}

test("no WebAssembly: the simple page shows the amounts of every case it can express", async () => {
  for (const c of simple) {
    const { page, jsEngine, wasm } = await pageWith(noWebAssembly);
    const shown = await simpleAmounts(page, c);
    assert.equal(shown.fundPays, decimal(c.expect.settlement.fundPays), c.name);
    assert.equal(shown.patientPays, decimal(c.expect.settlement.patientPays), c.name);
    assert.deepEqual(jsEngine(), [JS_GLOBAL], c.name);
    assert.deepEqual(wasm(), [], `${c.name}: nothing is downloaded for nothing`);
    await page.close();
  }
  assert.deepEqual(browser.problems, []);
});

// Chrome < 97 and Safari < 16 do not know 'wasm-unsafe-eval' and refuse any WebAssembly under
// the page's CSP; a CSP without it is what they enforce.
async function withoutWasmCsp(page) {
  await page.route(/\/(index\.html|legacy\.html)?(\?.*)?$/, async (route) => {
    const response = await route.fetch();
    const html = (await response.text()).replace(" 'wasm-unsafe-eval'", "");
    await route.fulfill({ response, body: html });
  });
}

// The main module downloads but does not compile (a broken or truncated file, an engine that
// lacks one of its features): the probe passes, the module fails.
async function brokenWasm(page) {
  await page.route("**/*.wasm", (route) => route.fulfill({ status: 200, contentType: "application/wasm", body: Buffer.from("\0asm\x01\0\0\0not a module") }));
}

for (const [what, prepare] of [
  ["WebAssembly refused by the CSP", withoutWasmCsp],
  ["the main module does not compile", brokenWasm],
]) {
  test(`${what}: both pages fall back to the pure-JS engine`, async () => {
    const { page, jsEngine } = await pageWith(null);
    await prepare(page);
    await page.goto(browser.url(queryFor(example.request)));
    await page.getByTestId("fund-pays").waitFor();
    assert.equal((await readResult(page)).fundPays, decimal(example.expect.settlement.fundPays));
    assert.equal(await page.getByTestId("boot-failure").count(), 0);
    assert.deepEqual(jsEngine(), [JS_MODULE]);
    const shown = await simpleAmounts(page, example);
    assert.equal(shown.fundPays, decimal(example.expect.settlement.fundPays));
    assert.deepEqual(jsEngine(), [JS_MODULE, JS_GLOBAL]);
    await page.close();
    assert.deepEqual(browser.problems, [], "no error is shown or logged");
  });
}

test("where WebAssembly runs, neither page fetches the pure-JS engine", async () => {
  const { page, jsEngine, wasm } = await pageWith(null);
  await page.goto(browser.url(queryFor(example.request)));
  await page.getByTestId("fund-pays").waitFor();
  await simpleAmounts(page, example);
  await page.waitForTimeout(300);
  assert.deepEqual(jsEngine(), []);
  assert.deepEqual(wasm(), WASM);
  await page.close();
  assert.deepEqual(browser.problems, []);
});
