// What a person meets besides the happy path: failed checks with the right next step, bad
// input explained beside its field in both languages, a link that reopens the same estimate,
// the English switch, pinyin search, what-if, the trace and the national field names.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { openBrowser, loadCases, caseNamed, decimal, shownAmount, ready } from "./harness.mjs";
import { driveEstimate, driveCheck, readResult } from "./drive.mjs";

const require = createRequire(import.meta.url);
const { Engine } = require("../../pkg/node/yibao_policy.js");
const engine = Engine.withDefaults();
const cases = loadCases();
const base = caseNamed(cases, "long-term filing, class A only");
let browser;
let baseUrl; // the share link of the base case, made once by driving the UI

before(async () => {
  browser = await openBrowser();
  const page = await browser.page();
  await page.goto(browser.url());
  await ready(page);
  await driveEstimate(page, base.request);
  baseUrl = await page.getByTestId("share-url").inputValue();
  await page.close();
});
after(async () => { await browser?.close(); });

async function open(query) {
  const page = await browser.page();
  await page.goto(query.startsWith("http") ? query : browser.url(query));
  await ready(page);
  return page;
}

const failures = [
  ["not filed", "FILING_PRESENT", "FILE_ONLINE"],
  ["filing for Hunan but treated in Sichuan", "FILING_PLACE", "CHANGE_FILING_PLACE"],
  ["visit before opening date", "POLICY_IN_FORCE", "ASK_INSURED_PLACE"],
  ["treated inside Xinjiang", "CROSS_PROVINCE", "USE_PROVINCIAL"],
  ["lupus is not on Dongguan's list", "DISEASE_COVERED", "ASK_INSURED_PLACE"],
];

for (const [name, check, action] of failures) {
  test(`eligibility check: ${name} → ${check} fails with its next step`, async () => {
    const c = caseNamed(cases, name);
    const page = await open("");
    await driveCheck(page, c.request);
    const item = page.locator(`[data-testid=checks] li[data-code=${check}]`);
    assert.equal(await item.getAttribute("data-status"), "fail");
    const next = page.getByTestId(`action-${check}`);
    assert.equal(await next.getAttribute("data-action"), action);
    const expected = engine.checkEligibility(c.request).checks.find((k) => k.code === check).action.message.zh;
    assert.ok((await next.innerText()).includes(expected), "the engine's next step is shown in Chinese");
    // The check flow asks for no costs, and offers to go on to them.
    assert.equal(await page.getByTestId("fund-pays").count(), 0);
    await page.getByTestId("continue-costs").waitFor();
    await page.close();
    assert.deepEqual(browser.problems, []);
  });
}

test("not filed: the next step links to the filing guide", async () => {
  const c = caseNamed(cases, "not filed");
  const page = await open("");
  await driveCheck(page, c.request);
  await page.getByTestId("action-FILING_PRESENT").getByRole("link").click();
  await page.getByRole("heading", { level: 1, name: "备案须知" }).waitFor();
  assert.match(await page.locator("main").innerText(), /国家医保服务平台/);
  await page.goBack();
  await page.getByTestId("checks").waitFor();
  await page.close();
  assert.deepEqual(browser.problems, []);
});

for (const name of ["Bad input: negative amount", "Bad input: three decimals"]) {
  test(`${name}: the engine's message appears beside the amount, in Chinese and English`, async () => {
    const c = caseNamed(cases, name);
    let thrown;
    try { engine.estimate(c.request); } catch (e) { thrown = e; }
    assert.equal(thrown.path, c.expect.error.path);
    const page = await open(baseUrl.replace("p=result", "p=costs"));
    const field = page.locator('[data-path="quick.A"]');
    await page.getByTestId("amount-A").fill(String(c.request.items[0].amount));
    await field.locator(".field-error").filter({ hasText: thrown.messageZh }).waitFor();
    assert.equal(await page.getByTestId("amount-A").getAttribute("aria-invalid"), "true");
    await page.getByTestId("lang-switch").click();
    await field.locator(".field-error").filter({ hasText: thrown.message }).waitFor();
    // Fixing it brings the estimate straight back, with no submit.
    await page.getByTestId("amount-A").fill("10000");
    await page.getByTestId("live-fund").filter({ hasText: "7,500.00" }).waitFor();
    assert.equal(await field.locator(".field-error").isHidden(), true);
    await page.close();
    assert.deepEqual(browser.problems, []);
  });
}

test("Bad input: unknown region in a link is explained at the insured place, not a blank page", async () => {
  const c = caseNamed(cases, "unknown region");
  const page = await open(baseUrl.replace("r=653200", `r=${c.request.insured.region}`));
  const box = page.getByTestId("result-error");
  assert.equal(await box.getAttribute("data-code"), c.expect.error.code);
  assert.equal(await box.getAttribute("data-path"), c.expect.error.path);
  await box.getByRole("link").click();
  await page.locator('[data-path="insured.region"] .field-error:not([hidden])').waitFor();
  await page.close();
  assert.deepEqual(browser.problems, []);
});

test("a step with a missing answer says what is missing, beside it, and keeps focus there", async () => {
  const page = await open("?p=insured");
  await page.getByTestId("next").click();
  const field = page.locator('[data-path="insured.province"]');
  await field.locator(".field-error").filter({ hasText: "请选择参保地" }).waitFor();
  assert.equal(await page.evaluate(() => document.activeElement.dataset.testid), "insured-province");
  assert.match(page.url(), /p=insured/);
  await page.getByTestId("insured-province").selectOption("650000");
  assert.equal(await field.locator(".field-error").isHidden(), true);
  // Every prefecture of the province is offered (the division list), the packs' ones marked.
  assert.ok(await page.locator('[data-testid=insured-region] option').count() > 10);
  await page.getByTestId("insured-region").selectOption("653200");
  await page.getByTestId("next").click();
  await page.getByRole("heading", { level: 1, name: "备案信息" }).waitFor();
  await page.close();
  assert.deepEqual(browser.problems, []);
});

test("a shared link reproduces the estimate, and the back button walks the steps", async () => {
  const page = await open(baseUrl);
  const shown = await readResult(page);
  assert.equal(shown.fundPays, decimal(base.expect.settlement.fundPays));
  assert.equal(shown.patientPays, decimal(base.expect.settlement.patientPays));
  assert.equal(page.url(), baseUrl);
  await page.getByTestId("stepper-visit").click();
  await page.getByRole("heading", { level: 1, name: "就医信息" }).waitFor();
  await page.goBack();
  await page.getByTestId("verdict").waitFor();
  await page.close();
  assert.deepEqual(browser.problems, []);
});

test("the English switch translates the page and keeps the numbers and the URL state", async () => {
  const page = await open(baseUrl);
  const zh = await readResult(page);
  await page.getByTestId("lang-switch").click();
  await page.getByRole("heading", { level: 1, name: "Your estimate" }).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), "en");
  assert.match(await page.getByTestId("verdict").innerText(), /Direct settlement possible/);
  assert.match(await page.getByTestId("notice").innerText(), /estimate for reference only/);
  assert.match(await page.getByTestId("fund-pays").innerText(), /^¥/);
  assert.deepEqual(await readResult(page), zh);
  assert.match(page.url(), /lang=en/);
  await page.reload();
  await ready(page);
  await page.getByRole("heading", { level: 1, name: "Your estimate" }).waitFor();
  await page.getByTestId("lang-switch").click();
  await page.getByRole("heading", { level: 1, name: "试算结果" }).waitFor();
  await page.close();
  assert.deepEqual(browser.problems, []);
});

test("diseases are found by pinyin initials, whole pinyin and Chinese", async () => {
  const page = await open("?p=disease&r=441900&vd=2025-06-10");
  const visible = async () => page.locator('[data-testid="disease-list"] .radio:visible').allInnerTexts();
  for (const [query, name] of [["gxy", "高血压"], ["tnb", "糖尿病"], ["gaoxueya", "高血压"], ["透析", "肾透析"]]) {
    await page.getByTestId("disease-search").fill(query);
    const shown = await visible();
    assert.equal(shown.length, 1, `${query} → ${shown}`);
    assert.match(shown[0], new RegExp(name));
  }
  await page.getByTestId("disease-search").fill("");
  assert.ok((await visible()).length >= 5);
  await page.close();
  assert.deepEqual(browser.problems, []);
});

test("what-if compares the same visit unfiled and under temporary filings", async () => {
  const page = await open(baseUrl);
  const fund = async (key) => shownAmount(await page.getByTestId(`whatif-${key}-fund`).innerText());
  assert.equal(await fund("unfiled"), decimal(caseNamed(cases, "not filed").expect.settlement.fundPays));
  assert.equal(await fund("referral"), decimal(caseNamed(cases, "referral filing").expect.settlement.fundPays));
  assert.equal(await fund("longTerm"), decimal(base.expect.settlement.fundPays));
  assert.equal(await page.locator('[data-scenario="longTerm"]').getAttribute("class"), "scenario current");
  await page.close();
  assert.deepEqual(browser.problems, []);
});

test("the trace marks assumed parameters, and national field names come on request", async () => {
  const page = await open(baseUrl);
  await page.getByTestId("assumptions").waitFor();
  await page.locator("[data-testid=trace] summary").click();
  assert.ok(await page.locator('[data-testid=trace] [data-provenance="assumed"]').count() > 0);
  assert.ok(await page.locator('[data-testid=trace] [data-provenance="seed"]').count() > 0);
  assert.match(await page.getByTestId("trace").innerText(), /653200\/2025-01-01\/cancer_outpatient\/ratio/);
  assert.equal(await page.getByTestId("national-table").count(), 0);
  await page.getByTestId("national-toggle").click();
  const table = await page.getByTestId("national-table").innerText();
  assert.match(table, /hifp_pay/);
  assert.match(table, /psn_part_amt/);
  assert.match(page.url(), /nf=1/);
  await page.close();
  assert.deepEqual(browser.problems, []);
});
