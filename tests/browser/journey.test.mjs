// Issue 11, points 6–12: dates checked where they are typed, a result whose answer fits the
// first screen, a year at a glance, navigation that agrees with the back button, state in the
// fragment only, the simple page built from the same modules, one provenance everywhere — and
// screenshots at 360 px of every mode and of the year for a person to look at.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createRequire } from "node:module";
import { openBrowser, loadCases, caseNamed, decimal, shownAmount, ready, outputDir, wwwDir, servedAs, builtFrom } from "./harness.mjs";
import { queryFor, hashFor, readResult } from "./drive.mjs";
import { contrastFailures, unlabelledControls } from "./a11y.mjs";

const require = createRequire(import.meta.url);
const { Engine } = require("../../pkg/node/yibao_policy.js");
const engine = Engine.withDefaults();
const cases = loadCases();
const base = caseNamed(cases, "long-term filing, class A only");
let browser;

before(async () => { browser = await openBrowser(); });
after(async () => { await browser?.close(); });

async function open(query, size) {
  const page = await browser.page(size);
  await page.goto(browser.url(query));
  await ready(page);
  return page;
}
const radio = (page, testid, value) => page.locator(`[data-testid="${testid}"] input[value="${value}"]`).check();
const heading = (page, name) => page.getByRole("heading", { level: 1, name }).waitFor();
const fieldError = (page, path) => page.locator(`[data-path="${path}"] .field-error:not([hidden])`);

test("6. dates are checked at the field where they are typed; a temporary filing has no 长期有效", async () => {
  const page = await open("#p=filing&t=estimate&r=653200&f=1&fc=stationed_worker&fp=441900");
  await page.getByTestId("filing-start").fill("2025-06-01");
  await page.getByTestId("filing-end").fill("2025-01-01");
  await fieldError(page, "filing.end").waitFor();
  assert.match(await fieldError(page, "filing.end").innerText(), /早于|before/);
  await page.getByTestId("next").click();
  await heading(page, "备案信息"); // not let through to a later page full of nothing red
  await page.getByTestId("filing-start").fill("2025-01-01");
  await page.getByTestId("filing-end").fill("2025-03-31");
  await fieldError(page, "filing.end").waitFor({ state: "detached" });
  await page.getByTestId("next").click();
  await heading(page, "病种");
  // A visit outside the filing period: said at the visit date, on the visit step.
  await page.getByTestId("stepper-visit").click();
  await page.getByTestId("visit-date").fill("2025-06-10");
  await fieldError(page, "visit.date").waitFor();
  assert.match(await fieldError(page, "visit.date").innerText(), /有效期/);
  // A temporary filing without an end date is never called open-ended.
  const temp = { ...base.request, filing: { category: "other_temporary", place: "441900", start: "2025-01-01" } };
  await page.goto(browser.url(hashFor(temp, { page: "filing" })));
  await ready(page);
  assert.doesNotMatch(await page.locator("main").innerText(), /长期有效/);
  assert.match(await page.locator('[data-path="filing.end"]').innerText(), /临时/);
  await page.goto(browser.url(hashFor(temp)));
  await ready(page);
  await page.getByTestId("verdict").waitFor();
  assert.doesNotMatch(await page.locator("main").innerText(), /长期有效/);
  await page.close();
  assert.deepEqual(browser.problems, []);
});

test("7. the verdict, the amounts and the next step fit the first screen at 360 × 740; passed checks fold", async () => {
  for (const name of ["long-term filing, class A only", "not filed", "before opening"]) {
    const c = caseNamed(cases, name);
    const page = await open(hashFor(c.request), { width: 360, height: 740 });
    for (const id of ["verdict", "fund-pays", "patient-pays", "first-step"]) {
      const box = await page.getByTestId(id).boundingBox();
      assert.ok(box && box.y + box.height <= 740, `${name}: ${id} ends at ${box && box.y + box.height}`);
    }
    const statuses = c.expect.checks || Object.fromEntries(engine.checkEligibility(c.request).checks.map((k) => [k.code, k.status]));
    const passed = Object.values(statuses).filter((s) => s === "pass").length;
    const fold = page.getByTestId("checks-passed");
    assert.match(await fold.locator("summary").innerText(), new RegExp(`8 项检查通过 ${passed} 项`));
    for (const [code, status] of Object.entries(statuses)) {
      const item = page.locator(`[data-testid=checks] li[data-code=${code}]`);
      assert.equal(await item.isVisible(), status !== "pass", `${name}: ${code} ${status}`);
    }
    // Quick mode's own lines are not "missing from the catalogue".
    assert.equal(await page.locator('[data-code="ITEM_NOT_IN_CATALOGUE"]').count(), 0, name);
    await page.close();
  }
  const check = await open(hashFor(base.request, { extra: { t: "check" } }));
  assert.equal(await check.locator('[data-code^="ITEM_"], [data-code="CATALOGUE_DEFAULTED"]').count(), 0);
  await check.close();
  assert.deepEqual(browser.problems, []);
});

test("8. a year at a glance: visits added by hand, per visit and for the year, the cap, the year in the URL", async () => {
  const dongguan = caseNamed(cases, "Dongguan employee hypertension");
  const req = dongguan.request;
  const page = await open(hashFor(req));
  const loaded = [];
  page.on("request", (r) => loaded.push(new URL(r.url()).pathname));
  await page.getByTestId("open-year").click();
  await heading(page, "一年看病");
  assert.ok(loaded.includes(servedAs(builtFrom("js/year.js"))), `the year's code is fetched when used: ${loaded}`);
  const visits = [["2025-01-15", "hypertension", "600"], ["2025-02-10", "diabetes", "1200"], ["2025-03-10", "hypertension", "6000"]];
  for (const [i, [date, disease, amount]] of visits.entries()) {
    if (i > 0 || (await page.getByTestId("year-visit-0-date").count()) === 0) await page.getByTestId("add-visit").click();
    await page.getByTestId(`year-visit-${i}-date`).fill(date);
    await page.getByTestId(`year-visit-${i}-disease`).selectOption(disease);
    await page.getByTestId(`year-visit-${i}-A`).fill(amount);
  }
  const requests = visits.map(([date, disease, amount]) => ({ ...req, visit: { ...req.visit, date, disease }, items: [{ class: "A", amount }], ytd: undefined }));
  const expected = engine.estimateYear(requests);
  const fen = (s) => BigInt(decimal(s).replace(".", ""));
  const sum = (key) => expected.reduce((a, r) => a + fen(r.settlement[key]), 0n);
  const yuan = (f) => `${f / 100n}.${String(f % 100n).padStart(2, "0")}`;
  await page.getByTestId("year-total-fund").filter({ hasText: Number(yuan(sum("fundPays"))).toLocaleString("en-US", { minimumFractionDigits: 2 }) }).waitFor();
  for (const [i, r] of expected.entries()) {
    assert.equal(shownAmount(await page.getByTestId(`year-visit-${i}-fund`).innerText()), decimal(r.settlement.fundPays), `visit ${i + 1} fund`);
    assert.equal(shownAmount(await page.getByTestId(`year-visit-${i}-patient`).innerText()), decimal(r.settlement.patientPays), `visit ${i + 1} patient`);
    const capped = fen(r.settlement.aboveCap) > 0n;
    assert.equal(await page.getByTestId(`year-visit-${i}-cap`).count(), capped ? 1 : 0, `visit ${i + 1} cap`);
  }
  assert.ok(expected.some((r) => fen(r.settlement.aboveCap) > 0n), "the shared hypertension/diabetes limit is reached in this year");
  assert.equal(shownAmount(await page.getByTestId("year-total-patient").innerText()), yuan(sum("patientPays")));
  // As on the result page: what the person pays comes first, and the year says it is no settlement.
  const first = (a, b) => page.evaluate(([x, y]) => Boolean(document.querySelector(`[data-testid="${x}"]`)
    .compareDocumentPosition(document.querySelector(`[data-testid="${y}"]`)) & Node.DOCUMENT_POSITION_FOLLOWING), [a, b]);
  assert.ok(await first("year-visit-0-patient", "year-visit-0-fund"), "a visit shows what the person pays first");
  assert.ok(await first("year-total-patient", "year-total-fund"), "the year shows what the person pays first");
  assert.match(await page.getByTestId("year-notice").innerText(), /试算结果仅供参考/);
  assert.deepEqual(await contrastFailures(page), []);
  assert.deepEqual(await unlabelledControls(page), []);
  // The year lives in the URL (fragment): a reload shows it again.
  assert.match(page.url(), /#.*yv=/);
  await page.reload();
  await ready(page);
  assert.equal(shownAmount(await page.getByTestId("year-visit-2-fund").innerText()), decimal(expected[2].settlement.fundPays));
  // The first estimate does not carry the year's code (its mark is `add-visit`: `estimateYear` is
  // also a name in js/engine-loader.js's table of the page build's calls).
  assert.doesNotMatch(readFileSync(join(wwwDir, "vendor/app.js"), "utf8"), /add-visit/);
  await page.close();
  assert.deepEqual(browser.problems, []);
});

test("9. navigation: 上一步 and the back button agree; starting over asks first; embedded pages drop the header and share a link that opens", async () => {
  const page = await open("");
  await page.getByTestId("start-estimate").click();
  await page.getByTestId("insured-province").selectOption("650000");
  await page.getByTestId("insured-region").selectOption("653200");
  await page.getByTestId("next").click();
  await radio(page, "filed", "no");
  await page.getByTestId("next").click();
  await heading(page, "病种");
  await page.getByTestId("back").click();
  await heading(page, "备案信息");
  await page.goBack();
  await heading(page, "参保信息"); // back again goes further back, never forward
  // Start over with answers given: asked first; cancel keeps them.
  await page.goto(browser.url(hashFor(base.request)));
  await ready(page);
  await page.getByTestId("restart").click();
  const dialog = page.getByTestId("confirm-dialog");
  await dialog.waitFor();
  assert.equal(await page.evaluate(() => document.activeElement.dataset.testid), "confirm-cancel", "focus is in the dialog");
  await dialog.getByTestId("confirm-cancel").click();
  assert.equal((await readResult(page)).fundPays, decimal(base.expect.settlement.fundPays));
  await page.locator(".brand").click();
  await page.getByTestId("start-estimate").click();
  await dialog.waitFor();
  await dialog.getByTestId("confirm-ok").click();
  await heading(page, "参保信息");
  assert.equal(await page.getByTestId("insured-region").inputValue(), "");
  // Embedded: no header of our own; the copied link opens the same estimate outside the host.
  await page.goto(browser.url(hashFor(base.request, { extra: { embed: "miniprogram" } })));
  await ready(page);
  assert.equal(await page.locator(".site-header").count(), 0);
  const link = await page.getByTestId("share-url").inputValue();
  assert.doesNotMatch(link, /embed=/);
  assert.ok(link.startsWith(browser.origin), link);
  await page.goto(link);
  await ready(page);
  assert.equal(await page.locator(".site-header").count(), 1);
  assert.equal((await readResult(page)).fundPays, decimal(base.expect.settlement.fundPays));
  await page.close();
  assert.deepEqual(browser.problems, []);
});

test("10. the state lives in the fragment; an old query link opens and moves there at once", async () => {
  const page = await browser.page();
  const sent = [];
  page.on("request", (r) => sent.push(r.url()));
  await page.goto(browser.url(queryFor(base.request)));
  await ready(page);
  assert.equal(new URL(page.url()).search, "", page.url());
  assert.match(new URL(page.url()).hash, /r=653200/);
  assert.equal((await readResult(page)).fundPays, decimal(base.expect.settlement.fundPays));
  sent.length = 0;
  await page.getByTestId("stepper-costs").click();
  await page.getByTestId("amount-A").fill("20000");
  await page.getByTestId("stepper-result").click();
  await page.reload();
  await ready(page);
  assert.equal(new URL(page.url()).search, "");
  assert.match(page.url(), /#.*qa=20000/);
  for (const url of sent) assert.doesNotMatch(new URL(url).search, /qa=|d=|r=/, url);
  assert.match(await page.getByTestId("share-url").inputValue(), /^[^?]*#/);
  await page.close();
  assert.deepEqual(browser.problems, []);
});

test("11. the simple page: built from the page's modules, with the assumed-parameter warning and thousands separators", async () => {
  const page = await browser.page();
  const scripts = [];
  page.on("request", (r) => { if (r.resourceType() === "script") scripts.push(new URL(r.url()).pathname); });
  await page.goto(browser.url(`legacy.html${hashFor(base.request)}`));
  await ready(page);
  assert.ok(scripts.includes(servedAs("vendor/legacy.js")), scripts.join(" "));
  assert.ok(!scripts.includes("/js/legacy/lite.js"), scripts.join(" "));
  assert.match(await page.getByTestId("fund-pays").innerText(), /7,500\.00/);
  await page.getByTestId("assumptions").waitFor();
  // The same reading of a link as the main page: an unknown line kind is dropped, not counted.
  const odd = `${hashFor({ ...base.request, items: [{ class: "A", amount: "1000", name: "x" }] })}&li=x*A*500`;
  await page.goto(browser.url(`legacy.html${odd}`));
  await ready(page);
  const lite = shownAmount(await page.getByTestId("total").innerText());
  const main = await browser.page();
  await main.goto(browser.url(odd));
  await ready(main);
  assert.equal(lite, (await readResult(main)).total);
  await main.close();
  await page.close();
  assert.deepEqual(browser.problems, []);
});

test("12. the ratio's badge says what the trace says (Hotan's seeded 75 % is 政策原文)", async () => {
  const page = await open(hashFor(base.request));
  await page.locator("[data-testid=trace] summary").click();
  const traced = await page.locator('[data-testid=trace] li[data-step="ratio"] .badge').getAttribute("data-provenance");
  assert.equal(traced, "seed");
  const badges = await page.locator("[data-testid=numbers] .badge").evaluateAll((els) => els.map((e) => e.dataset.provenance));
  assert.ok(!badges.includes("assumed"), `headline badges ${badges}`);
  assert.ok(badges.includes(traced), `headline badges ${badges}`);
  await page.close();
  assert.deepEqual(browser.problems, []);
});

test("screenshots at 360 px: the result in each mode and the year, in Chinese and English", async () => {
  const shots = [
    ["direct", hashFor(base.request)], ["manual", hashFor(caseNamed(cases, "not filed").request)],
    ["none", hashFor(caseNamed(cases, "lupus is not").request)],
  ];
  const d = caseNamed(cases, "Dongguan employee hypertension").request;
  const year = `${hashFor(d, { page: "year" })}&yv=2025-01-15*hypertension*600**&yv=2025-02-10*diabetes*1200**&yv=2025-03-10*hypertension*6000**`;
  for (const lang of ["zh", "en"]) {
    const page = await browser.page({ width: 360, height: 740 });
    for (const [name, hash] of [...shots, ["year", year]]) {
      await page.goto(browser.url(lang === "en" ? `${hash}&lang=en` : hash));
      await ready(page);
      await page.screenshot({ path: join(outputDir, `journey-360-${name}-${lang}.png`) });
      await page.screenshot({ path: join(outputDir, `journey-360-${name}-${lang}-full.png`), fullPage: true });
    }
    await page.close();
  }
  assert.deepEqual(browser.problems, []);
});
