// Issue 10 on the page: an insured place without a policy pack (the national baseline). A
// Beijing person with hypertension filed to Shanghai, walked through with their own numbers and
// without any (eligibility only), in Chinese and English; bad numbers beside their field; the
// additions.json cases the page can express; links that carry the numbers. Expectations come
// from shared/cases/additions.json at test time.
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { browserForFile, loadCases, decimal, ready, outputDir, servedAs } from "./harness.mjs";
import { driveEstimate, driveCheck, readResult, hashFor, fillTerms } from "./drive.mjs";
import { contrastFailures, unlabelledControls } from "./a11y.mjs";

const additions = loadCases("additions.json");
const beijing = additions.find((c) => c.request.insured.region === "110000" && c.request.visit.place === "310000" &&
  c.request.visit.disease === "hypertension" && c.expect.settlement);
const browser = browserForFile();
const open = browser.open;

function assertAmounts(shown, c) {
  const s = c.expect.settlement;
  assert.equal(shown.fundPays, decimal(s.fundPays), "fund pays");
  assert.equal(shown.patientPays, decimal(s.patientPays), "patient pays");
  assert.equal(shown.total, decimal(s.total), "total");
  assert.equal(shown.mode, c.expect.mode);
  assert.deepEqual(shown.checks, c.expect.checks);
}

/** The warning codes the checklist shows. */
async function shownWarnings(page) {
  return page.locator("[data-testid=checks] .warnings li").evaluateAll((lis) => lis.map((li) => li.dataset.code));
}

test("the Beijing case exists in additions.json", () => {
  assert.ok(beijing, "a 110000 → 310000 hypertension case with a settlement");
  assert.ok(beijing.request.insured.terms.ratio);
});

for (const lang of ["zh", "en"]) {
  const words = lang === "zh"
    ? { user: "您填写的", known: /五种门诊慢特病/, needed: /算金额还需要参保地的几个数字/, where: /12393/ }
    : { user: "Your figure", known: /five national outpatient special diseases/, needed: /The amounts need a few numbers/, where: /12393/ };

  test(`${lang}: Beijing → Shanghai hypertension with the person's own numbers`, async () => {
    const page = await open(lang === "en" ? "#lang=en" : "");
    await page.getByTestId("start-estimate").click();
    await page.getByTestId("insured-province").selectOption("110000");
    // A municipality is its own insured place: no second picker, and what is known is said.
    assert.equal(await page.getByTestId("insured-region").count(), 0);
    assert.match(await page.getByTestId("baseline-note").innerText(), words.known);
    // The rest as a person fills it, numbers typed as percentages on the costs step.
    await page.goto(browser.url(lang === "en" ? "#lang=en" : ""));
    await ready(page);
    await driveEstimate(page, beijing.request);
    assertAmounts(await readResult(page), beijing);
    // The person's numbers are marked as theirs: the ratio, their card, the breakdown, the trace.
    assert.match(await page.getByTestId("numbers").innerText(), new RegExp(words.user));
    const yours = await page.getByTestId("your-terms").innerText();
    assert.match(yours, /70%/);
    assert.equal(await page.locator("[data-testid=your-terms] [data-provenance=user]").count(), Object.keys(beijing.request.insured.terms).length);
    assert.ok(await page.locator("[data-testid=breakdown] [data-provenance=user]").count() >= 1);
    assert.ok(await page.locator("[data-testid=trace] [data-provenance=user]").count() >= 3);
    // The link carries the numbers as ratios.
    const url = new URL(page.url());
    const params = new URLSearchParams(url.hash.slice(1));
    assert.equal(params.get("tr"), "0.7");
    assert.equal(decimal(params.get("td")), decimal(beijing.request.insured.terms.deductible));
    assert.equal(decimal(params.get("tl")), decimal(beijing.request.insured.terms.annualLimit));
    await page.screenshot({ path: join(outputDir, `baseline-terms-${lang}-360.png`), fullPage: true });
    await page.close();
    assert.deepEqual(browser.problems, []);
  });

  test(`${lang}: Beijing → Shanghai without any numbers: the eligibility answer, and which numbers are needed`, async () => {
    const page = await open(lang === "en" ? "#lang=en" : "");
    const { terms, ...insured } = beijing.request.insured;
    const req = { ...beijing.request, insured };
    // "I don't know any yet", pressed on the costs step before any cost is entered.
    await page.getByTestId("start-estimate").click();
    await driveCheckSteps(page, req);
    assert.match(await page.getByTestId("terms").innerText(), words.where);
    await page.getByTestId("terms-unknown-all").click();
    await page.getByTestId("verdict").waitFor();
    assert.equal(await page.getByTestId("verdict").getAttribute("data-mode"), beijing.expect.mode);
    assert.match(await page.getByTestId("terms-needed").innerText(), words.needed);
    assert.match(await page.getByTestId("terms-needed").innerText(), words.where);
    assert.equal(await page.getByTestId("fund-pays").count(), 0, "no amounts without the numbers");
    const checks = {};
    for (const li of await page.locator("[data-testid=checks] li.check").all()) checks[await li.getAttribute("data-code")] = await li.getAttribute("data-status");
    assert.deepEqual(checks, beijing.expect.checks);
    assert.ok((await shownWarnings(page)).includes("TERMS_NEEDED"));
    // The same person with costs but no numbers (an estimate): verdict and checks, no amounts.
    await page.goto(browser.url(hashFor(req, { extra: lang === "en" ? { lang: "en" } : {} })));
    await ready(page);
    assert.equal(await page.getByTestId("verdict").getAttribute("data-mode"), beijing.expect.mode);
    assert.match(await page.getByTestId("terms-needed").innerText(), words.needed);
    assert.equal(await page.getByTestId("fund-pays").count(), 0);
    await page.screenshot({ path: join(outputDir, `baseline-no-terms-${lang}-360.png`), fullPage: true });
    // Entering the numbers from there gives the amounts.
    await page.getByTestId("terms-enter").click();
    await fillTerms(page, terms);
    await page.getByTestId("next").click();
    assertAmounts(await readResult(page), beijing);
    await page.close();
    assert.deepEqual(browser.problems, []);
  });
}

/** Insured, filing, disease and visit steps, ending on the costs step. */
async function driveCheckSteps(page, req) {
  await page.getByTestId("insured-province").selectOption(req.insured.region.slice(0, 2) + "0000");
  if (!/0000$/.test(req.insured.region)) await page.getByTestId("insured-region").selectOption(req.insured.region);
  await page.getByTestId("next").click();
  const f = req.filing;
  await page.locator(`[data-testid="filed"] input[value="yes"]`).check();
  await page.locator(`[data-testid="category"] input[value="${f.category}"]`).check();
  await page.getByTestId("filing-place-province").selectOption(f.place);
  await page.getByTestId("filing-start").fill(f.start);
  await page.getByTestId("next").click();
  await page.locator(`[data-testid="disease-list"] input[value="${req.visit.disease}"]`).check();
  await page.getByTestId("next").click();
  await page.getByTestId("visit-date").fill(req.visit.date);
  await page.locator(`[data-testid="level"] input[value="${req.visit.hospitalLevel}"]`).check();
  await page.locator(`[data-testid="networked"] input[value="1"]`).check();
  await page.getByTestId("next").click();
  await page.getByTestId("terms").waitFor();
}

test("eligibility check task for Beijing: direct, with the numbers the amounts would need", async () => {
  const page = await open("#lang=en");
  const { terms, ...insured } = beijing.request.insured;
  await driveCheck(page, { ...beijing.request, insured });
  assert.equal(await page.getByTestId("verdict").getAttribute("data-mode"), beijing.expect.mode);
  assert.match(await page.getByTestId("terms-needed").innerText(), /Reimbursement ratio/);
  await page.close();
  assert.deepEqual(browser.problems, []);
});

const BAD = [
  { name: "ratio 1.2 (typed 120)", field: "ratio", typed: "120", zh: /比例不能超过1/, en: /^Ratio must not exceed 1/ },
  { name: "three decimals", field: "deductible", typed: "300.555", zh: /最多2位小数/, en: /more than 2 decimals/, ratio: "70" },
  { name: "missing ratio", field: "ratio", typed: "", zh: /缺少必填项/, en: /^Required field .ratio. is missing/, deductible: "300" },
];

for (const bad of BAD) {
  test(`bad numbers beside their field in both languages, nothing else lost: ${bad.name}`, async () => {
    const hash = hashFor(beijing.request, { page: "costs" }).replace(/&t[rdl]=[^&]*/g, "");
    const page = await open(hash);
    if (bad.ratio) await page.getByTestId("terms-ratio").fill(bad.ratio);
    if (bad.deductible) await page.getByTestId("terms-deductible").fill(bad.deductible);
    if (bad.typed) await page.getByTestId(`terms-${bad.field}`).fill(bad.typed);
    await page.getByTestId("terms-annualLimit").fill("5000");
    const field = page.locator(`[data-path="insured.terms.${bad.field}"]`);
    const error = field.locator(":scope > .field-error");
    await error.waitFor({ state: "visible" });
    assert.match(await error.innerText(), bad.zh);
    assert.equal(await page.locator("#main .field-error:visible").count(), 1, "only that field is marked");
    // Switching the language keeps every answer and says it again in English, at the same field.
    await page.getByTestId("lang-switch").click();
    await page.waitForFunction(() => document.documentElement.lang === "en"); // English is fetched on first use
    await error.waitFor({ state: "visible" });
    assert.match(await error.innerText(), bad.en);
    assert.equal(await page.getByTestId("terms-annualLimit").inputValue(), "5000");
    if (bad.ratio) assert.equal(await page.getByTestId("terms-ratio").inputValue(), bad.ratio);
    if (bad.typed) assert.equal(await page.getByTestId(`terms-${bad.field}`).inputValue(), bad.typed);
    assert.equal(await page.getByTestId("amount-A").inputValue(), String(beijing.request.items.find((i) => i.class === "A").amount));
    // The checks still answer; the next step is held until the number is fixed.
    await page.getByTestId("next").click();
    assert.equal(await page.locator("h1").first().innerText(), "Costs");
    await page.close();
    assert.deepEqual(browser.problems, []);
  });
}

// additions.json through the UI: every case whose insured place a person can pick (the picker
// offers provinces, prefectures and pools; a county code or numbers for a place with a pack are
// only reachable by a link, below).
const throughUi = additions.filter((c) => c.expect.mode && /00$/.test(c.request.insured.region) &&
  !(c.expect.warnings || []).includes("TERMS_IGNORED"));
const byLink = additions.filter((c) => c.expect.mode && !throughUi.includes(c));

test("additions.json: most cases go through the UI, the rest through links", () => {
  assert.ok(throughUi.length >= 7, `only ${throughUi.length}`);
  assert.ok(byLink.length >= 1);
});

async function assertCase(page, c) {
  if (c.expect.settlement) {
    assertAmounts(await readResult(page), c);
  } else {
    assert.equal(await page.getByTestId("verdict").getAttribute("data-mode"), c.expect.mode);
    assert.equal(await page.getByTestId("fund-pays").count(), 0);
    await page.getByTestId("terms-needed").waitFor();
  }
  const warnings = await shownWarnings(page);
  for (const code of c.expect.warnings || []) assert.ok(warnings.includes(code), `${code} shown (${warnings})`);
  // A warned opening or disease check reads "probably; confirm with your insured place".
  for (const code of ["POLICY_IN_FORCE", "DISEASE_COVERED"]) {
    if (c.expect.checks[code] !== "warn") continue;
    assert.match(await page.locator(`[data-testid=checks] li[data-code=${code}]`).innerText(), /大概率可以，请向参保地确认/);
  }
}

for (const c of throughUi) {
  test(`UI: ${c.name}`, async () => {
    const page = await open();
    await driveEstimate(page, c.request);
    await assertCase(page, c);
    await page.close();
    assert.deepEqual(browser.problems, []);
  });
}

for (const c of byLink) {
  test(`link: ${c.name}`, async () => {
    const page = await open(hashFor(c.request));
    await page.getByTestId("verdict").waitFor();
    await assertCase(page, c);
    await page.close();
    assert.deepEqual(browser.problems, []);
  });
}

test("a link with tr/td/tl reproduces the estimate and never fetches the division list", async () => {
  const page = await browser.page();
  const fetched = [];
  page.on("request", (r) => fetched.push(new URL(r.url()).pathname));
  await page.goto(browser.url(hashFor(beijing.request)));
  await ready(page);
  assertAmounts(await readResult(page), beijing);
  assert.ok(!fetched.includes(servedAs("data/divisions.json")), "the result link does not wait for the picker's data");
  // The engine's glue travels inline in the built page (scripts/dist.mjs): not fetched after it.
  assert.ok(!fetched.includes(servedAs("vendor/yibao-policy/yibao_policy.js")), `the glue is not fetched: ${fetched}`);
  // Stated "no limit" (tl=none) and "no deductible" (td=0) as a link.
  const noLimit = additions.find((c) => c.request.insured.terms && c.request.insured.terms.annualLimit === null && c.expect.settlement);
  await page.goto(browser.url(hashFor(noLimit.request)));
  await page.reload();
  await ready(page);
  assert.match(page.url(), /tl=none/);
  assertAmounts(await readResult(page), noLimit);
  await page.close();
  assert.deepEqual(browser.problems, []);
});

test("the mini-program bridge carries the person's numbers, and says when the amounts wait for them", async () => {
  const { terms, ...insured } = beijing.request.insured;
  for (const req of [beijing.request, { ...beijing.request, insured }]) {
    const page = await browser.page();
    await page.addInitScript(() => {
      window.__posted = [];
      window.wx = { miniProgram: { postMessage: (m) => window.__posted.push(m) } };
    });
    await page.goto(browser.url(hashFor(req, { extra: { embed: "miniprogram" } })));
    await page.waitForFunction(() => window.__posted.length > 0);
    const { data } = (await page.evaluate(() => window.__posted))[0];
    assert.equal(data.mode, beijing.expect.mode);
    assert.equal(data.baseline, true);
    if (req === beijing.request) {
      assert.deepEqual(data.terms, terms);
      assert.deepEqual(data.request.insured.terms, terms);
      assert.equal(data.termsNeeded, false);
      assert.equal(decimal(data.fundPays), decimal(beijing.expect.settlement.fundPays));
      assert.match(data.query, /tr=0\.7/);
    } else {
      assert.equal(data.terms, null);
      assert.equal(data.termsNeeded, true);
      assert.equal(data.fundPays, null);
      assert.doesNotMatch(data.query, /tr=/);
    }
    await page.close();
  }
  assert.deepEqual(browser.problems, []);
});

test("the simple page carries the same numbers: a link's amounts, bad numbers beside their field, the eligibility without them", async () => {
  const page = await browser.page();
  await page.goto(browser.url(`legacy.html${hashFor(beijing.request)}`));
  await ready(page);
  const fund = page.getByTestId("fund-pays");
  await fund.waitFor();
  assert.equal(decimal((await fund.innerText()).replace(/[^\d.]/g, "")), decimal(beijing.expect.settlement.fundPays));
  assert.match(await page.getByTestId("your-terms").innerText(), /70%.*您填写的/);
  // The numbers as typed on the simple page, read the same way as on the main page.
  assert.equal(await page.locator("#lite-termsRatio").inputValue(), "70");
  await page.locator("#lite-termsRatio").fill("120");
  const error = page.locator('[data-path="insured.terms.ratio"] .field-error');
  await error.waitFor({ state: "visible" });
  assert.match(await error.innerText(), /比例不能超过1/);
  assert.equal(await page.locator("#lite-termsDeductible").inputValue(), String(beijing.request.insured.terms.deductible));
  // "不知道" for every number: the eligibility answer without amounts.
  for (const id of ["termsRatio", "termsDeductible", "termsLimit"]) await page.locator(`#lite-${id}`).fill("不知道");
  await page.waitForFunction(() => !/tr=|td=|tl=/.test(location.hash));
  assert.equal(await page.getByTestId("verdict").getAttribute("data-mode"), beijing.expect.mode);
  assert.equal(await page.getByTestId("fund-pays").count(), 0);
  assert.ok(await page.locator('[data-code="TERMS_NEEDED"]').count());
  await page.close();
  assert.deepEqual(browser.problems, []);
});

// Each disease its own numbers (issue 20): the step's tr/td/tl are hypertension's (d), so the
// diabetes visit waits for diabetes's (tb) rather than borrowing them, and the year's sums with it.
test("the year view of a place without a pack: amounts with each disease's own numbers, none without them", async () => {
  const visits = "&yv=2025-01-15*hypertension*600**&yv=2025-02-10*diabetes*1200**";
  const base = hashFor(beijing.request, { page: "year" }).replace(/&t[rdl]=[^&]*/g, "");
  const page = await open(`${base}${visits}`);
  await page.getByTestId("year-terms-needed").waitFor();
  assert.equal(await page.getByTestId("year-total-fund").count(), 0, "no yearly sums without the numbers");
  // Hypertension's numbers only: its visit has amounts, the diabetes visit and the sums wait.
  await page.goto(browser.url(`${hashFor(beijing.request, { page: "year" })}${visits}`));
  await page.reload();
  await ready(page);
  await page.getByTestId("year-visit-0-fund").waitFor();
  await page.getByTestId("year-terms-needed").waitFor();
  assert.equal(await page.getByTestId("year-visit-1-fund").count(), 0, "diabetes does not borrow hypertension's numbers");
  assert.equal(await page.getByTestId("year-total-fund").count(), 0);
  // With diabetes's own numbers too: every visit and the year's sums.
  await page.goto(browser.url(`${hashFor(beijing.request, { page: "year" })}${visits}&tb=diabetes*0.6*500*none**`));
  await page.reload();
  await ready(page);
  await page.getByTestId("year-total-fund").waitFor();
  assert.equal(await page.getByTestId("year-terms-needed").count(), 0);
  assert.equal(await page.getByTestId("year-visit-1-fund").count(), 1);
  await page.close();
  assert.deepEqual(browser.problems, []);
});

test("the numbers' step and the result without numbers: every control named, AA contrast, in both languages", async () => {
  const { terms, ...insured } = beijing.request.insured;
  for (const lang of ["zh", "en"]) {
    for (const hash of [hashFor(beijing.request, { page: "costs", extra: { lang } }), hashFor({ ...beijing.request, insured }, { extra: { lang } })]) {
      const page = await open(hash);
      await page.locator("[data-testid=terms], [data-testid=terms-needed]").first().waitFor();
      assert.deepEqual(await unlabelledControls(page), [], hash);
      assert.deepEqual(await contrastFailures(page), [], hash);
      await page.close();
    }
  }
  assert.deepEqual(browser.problems, []);
});
