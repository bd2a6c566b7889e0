// Issue 11, points 1–5: the page must never give a wrong answer — the visit place follows the
// filing, the what-if agrees with the headline, manual mode says "pay first, claim later",
// verdicts say what is known and what to ask, and an unknown hospital is not a networked one.
// Also (issue 13 leftovers): an unknown disease id in a hand-edited link, the English live bar.
import { test } from "node:test";
import assert from "node:assert/strict";
import { browserForFile, packageEngine, loadCases, caseNamed, decimal, shownAmount, ready } from "./harness.mjs";
import { queryFor, readResult } from "./drive.mjs";

const engine = packageEngine();
const cases = loadCases();
const browser = browserForFile();
const open = browser.open;

const radio = (page, testid, value) => page.locator(`[data-testid="${testid}"] input[value="${value}"]`).check();
const heading = (page, name) => page.getByRole("heading", { level: 1, name }).waitFor();

test("1. the visit place follows the filing place (province and city): a Hotan employee filed to 东莞 is settled directly", async () => {
  const c = caseNamed(cases, "long-term filing, class A only");
  const req = c.request;
  assert.equal(req.filing.place, "441900");
  const page = await open("");
  await page.getByTestId("start-estimate").click();
  await page.getByTestId("insured-province").selectOption("650000");
  await page.getByTestId("insured-region").selectOption(req.insured.region);
  await page.getByTestId("next").click();
  await radio(page, "filed", "yes");
  await radio(page, "category", req.filing.category);
  // As a person does it: the province first, then the city.
  await page.getByTestId("filing-place-province").selectOption("440000");
  await page.getByTestId("filing-place-city").selectOption("441900");
  await page.getByTestId("filing-start").fill(req.filing.start);
  await page.getByTestId("next").click();
  await page.locator(`[data-testid="disease-list"] input[value="${req.visit.disease}"]`).check();
  await page.getByTestId("next").click();
  await heading(page, "就医信息");
  assert.equal(await page.getByTestId("visit-place-province").inputValue(), "440000");
  assert.equal(await page.getByTestId("visit-place-city").inputValue(), "441900", "the visit place is the filed city");
  await page.getByTestId("visit-date").fill(req.visit.date);
  await radio(page, "level", String(req.visit.hospitalLevel));
  await radio(page, "networked", "1");
  await page.getByTestId("next").click();
  await page.getByTestId("amount-A").fill(String(req.items[0].amount));
  await page.getByTestId("next").click();
  const shown = await readResult(page);
  assert.equal(shown.mode, "direct");
  assert.match(await page.getByTestId("verdict").innerText(), /直接结算/);
  assert.doesNotMatch(await page.getByTestId("verdict").innerText(), /不能/);
  assert.equal(shown.fundPays, decimal(c.expect.settlement.fundPays));
  assert.match(await page.getByTestId("fund-pays").innerText(), /7,500\.00/);
  // Changing the filed city later moves the visit with it (the person never chose it).
  await page.getByTestId("stepper-filing").click();
  await page.getByTestId("filing-place-city").selectOption("440100");
  await page.getByTestId("stepper-visit").click();
  assert.equal(await page.getByTestId("visit-place-city").inputValue(), "440100");
  await page.close();
  assert.deepEqual(browser.problems, []);
});

test("1. a visit place coarser than the filed city is asked about, not assumed", async () => {
  const req = caseNamed(cases, "long-term filing, class A only").request;
  const coarse = { ...req, visit: { ...req.visit, place: "440000" } };
  const page = await open(queryFor(coarse));
  assert.equal(await page.getByTestId("verdict").count(), 0, "no verdict on an assumed place");
  await page.getByTestId("not-ready").waitFor();
  assert.match(await page.getByTestId("not-ready").innerText(), /东莞|城市/);
  await page.getByTestId("stepper-visit").click();
  const error = page.locator('[data-path="visit.place"] .field-error:not([hidden])');
  await error.waitFor();
  assert.match(await error.innerText(), /城市/);
  await page.getByTestId("visit-place-city").selectOption("441900");
  await page.getByTestId("live-fund").filter({ hasText: "7,500.00" }).waitFor();
  await page.close();
  assert.deepEqual(browser.problems, []);
});

test("2. the what-if row for the person's own answers is the headline, from the same request", async () => {
  for (const name of ["filing for Hunan but treated in Sichuan", "emergency counts as filed", "referral filing", "long-term filing, class A only"]) {
    const c = caseNamed(cases, name);
    const page = await open(queryFor(c.request));
    const shown = await readResult(page);
    const current = page.locator(".scenario.current");
    assert.equal(await current.count(), 1, `${name}: one row is the person's own`);
    assert.equal(await current.getAttribute("data-mode"), shown.mode, `${name}: mode`);
    assert.equal(shownAmount(await current.locator(".fund").innerText()), shown.fundPays, `${name}: fund`);
    assert.equal(shown.fundPays, decimal(c.expect.settlement.fundPays), name);
    await page.close();
  }
  assert.deepEqual(browser.problems, []);
});

test("3. manual mode: pay the whole bill at the counter, claim about the fund's share back, end up paying the rest", async () => {
  const c = caseNamed(cases, "not filed");
  assert.equal(c.expect.mode, "manual");
  const page = await open(queryFor(c.request));
  const rows = page.locator("[data-testid=numbers] .number");
  const first = rows.first();
  assert.match(await first.innerText(), /先|counter/);
  assert.equal(shownAmount(await first.locator(".number-value").innerText()), decimal(c.expect.settlement.total));
  assert.equal(await first.locator(".number-value").getAttribute("data-testid"), "counter-pays");
  const fund = page.getByTestId("fund-pays").locator("xpath=ancestor::*[contains(@class,'number')][1]");
  assert.match(await fund.innerText(), /报|claim/);
  const patient = page.getByTestId("patient-pays").locator("xpath=ancestor::*[contains(@class,'number')][1]");
  assert.match(await patient.innerText(), /最后|in the end/);
  const { fundPays, patientPays } = await readResult(page);
  assert.equal(fundPays, decimal(c.expect.settlement.fundPays));
  assert.equal(patientPays, decimal(c.expect.settlement.patientPays));
  // The fix that matters comes first, with what it is worth.
  const step = page.getByTestId("first-step");
  const text = await step.innerText();
  assert.match(text, /备案/);
  assert.match(text, /直接结算/);
  const filed = engine.estimate({ ...c.request, filing: { category: "other_temporary", place: c.request.visit.place, start: c.request.visit.date } });
  assert.equal(filed.mode, "direct");
  assert.ok(text.includes(Number(filed.settlement.fundPays).toLocaleString("en-US", { minimumFractionDigits: 2 })), text);
  const box = await step.boundingBox();
  const checks = await page.getByTestId("checks").boundingBox();
  assert.ok(box.y < checks.y, "the first next step comes before the checklist");
  // The live estimate under the steps: the whole bill at the counter first, then the end.
  await page.goto(browser.url(queryFor(c.request, { page: "costs" })));
  await ready(page);
  const live = page.getByTestId("live").locator(".live-numbers strong");
  await live.first().waitFor();
  assert.deepEqual(await live.evaluateAll((els) => els.map((e) => e.dataset.testid)), ["live-counter", "live-patient"]);
  assert.equal(shownAmount(await page.getByTestId("live-counter").innerText()), decimal(c.expect.settlement.total));
  // Direct mode: what is paid at the counter comes first too.
  const direct = caseNamed(cases, "long-term filing, class A only");
  await page.goto(browser.url(queryFor(direct.request)));
  await ready(page);
  assert.equal(await page.locator("[data-testid=numbers] .number .number-value").first().getAttribute("data-testid"), "patient-pays");
  assert.match(await page.locator("[data-testid=numbers] .number").first().innerText(), /窗口|counter/);
  await page.close();
  assert.deepEqual(browser.problems, []);
});

test("4. no over-absolute verdicts: a same-province visit and an unlisted disease say what is known and what to ask", async () => {
  const same = caseNamed(cases, "treated inside Xinjiang");
  let page = await open(queryFor(same.request));
  let verdict = await page.getByTestId("verdict").innerText();
  assert.doesNotMatch(verdict, /不予支付|全部自己付/);
  assert.match(verdict, /省内/);
  assert.doesNotMatch(await page.locator("main").innerText(), /需要全部自己付/);
  await page.close();

  const lupus = caseNamed(cases, "lupus is not on Dongguan's list");
  page = await open(queryFor(lupus.request));
  verdict = await page.getByTestId("verdict").innerText();
  assert.doesNotMatch(verdict, /不予支付|全部自己付/);
  assert.match(verdict, /问/);
  assert.match(verdict, /红斑狼疮/);
  const body = await page.locator("main").innerText();
  assert.doesNotMatch(body, /\bsle\b/, "the disease is named, never shown by its id");
  await page.getByTestId("lang-switch").click();
  await page.waitForFunction(() => document.documentElement.lang === "en"); // English is fetched on first use
  assert.doesNotMatch(await page.locator("main").innerText(), /\bsle\b|pays nothing/);
  await page.close();
  assert.deepEqual(browser.problems, []);
});

test("5. networked hospital: asked, with 不知道 as an answer (net=u), and how to check", async () => {
  const c = caseNamed(cases, "long-term filing, class A only");
  // A link that does not say (as every link made before this question could be answered).
  const page = await open(queryFor(c.request, { page: "visit" }).replace("&net=1", ""));
  const group = page.locator('[data-testid="networked"]');
  assert.equal(await group.locator("input:checked").count(), 0, "no answer is assumed");
  assert.match(await group.innerText(), /不知道/);
  assert.match(await group.innerText(), /定点医疗机构查询/);
  assert.match(await group.innerText(), /国家医保服务平台/);
  await radio(page, "networked", "u");
  await page.waitForFunction(() => /net=u/.test(location.href));
  await page.getByTestId("stepper-result").click();
  const check = page.locator("[data-testid=checks] li[data-code=HOSPITAL_NETWORKED]");
  assert.equal(await check.getAttribute("data-status"), "warn");
  assert.match(await check.innerText(), /定点医疗机构查询/);
  // "Can settle directly" only at a networked hospital: the verdict says so, and the first step
  // is checking the hospital, not "show your card at the counter".
  assert.equal(await page.getByTestId("verdict").getAttribute("data-mode"), "direct");
  assert.match(await page.getByTestId("verdict-if-networked").innerText(), /先全额垫付/);
  assert.match(await page.getByTestId("first-step").innerText(), /定点医疗机构查询/);
  await page.close();
  assert.deepEqual(browser.problems, []);
});

test("a hand-edited link with an unknown disease id says so plainly, in both languages, never with the raw id", async () => {
  const c = caseNamed(cases, "contract example with ceilings");
  const typo = "cancer_outpatinet";
  const request = { ...c.request, visit: { ...c.request.visit, disease: typo } };
  // The engine's own answer is the error this message stands for.
  assert.throws(() => engine.estimate(request), (e) => e.code === "UNKNOWN_DISEASE");
  for (const [lang, plain] of [["zh", /链接里的病种无法识别/], ["en", /not one we know/]]) {
    const page = await open(queryFor(request, { extra: { lang } }));
    const box = page.getByTestId("result-error");
    await box.waitFor();
    assert.equal(await box.getAttribute("data-code"), "UNKNOWN_DISEASE");
    const text = await box.innerText();
    assert.match(text, plain);
    assert.ok(!text.includes(typo), text);
    await page.close();
  }
  assert.deepEqual(browser.problems, []);
});

test("in English the live estimate bar stays small on a phone: the verdict on one line, the button beside the numbers", async () => {
  const c = caseNamed(cases, "contract example with ceilings");
  const page = await browser.page();
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto(browser.url(queryFor(c.request, { page: "costs", extra: { lang: "en" } })));
  await ready(page);
  await page.getByTestId("live-fund").waitFor();
  const bar = await page.getByTestId("live").boundingBox();
  assert.ok(bar.height <= 740 * 0.2, `the live bar is ${bar.height} px of a 740-px screen`);
  const verdict = await page.locator("[data-testid=live] .live-status").boundingBox();
  const see = await page.getByTestId("live-see").boundingBox();
  assert.ok(verdict.height < 40, `the verdict wraps: ${verdict.height} px`);
  assert.ok(see.x + see.width <= 360, "the button fits the screen");
  await page.close();
  assert.deepEqual(browser.problems, []);
});
