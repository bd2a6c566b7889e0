// The national floor through the page (issue 19): a Hotan employee with hypertension, treated in
// Dongguan. Hotan's pack neither lists nor excludes hypertension, one of the national five: the
// disease list offers it (marked `national`), DISEASE_COVERED warns, the costs step asks the
// person's own numbers for it, and without them the result gives the checks and TERMS_NEEDED in
// place of amounts. With a ratio, the amounts are the engine's for the test's own request, and the
// trace says what the engine says (the person was asked: "未填写起付线", not the pack's words).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { createRequire } from "node:module";
import { openBrowser, ready, outputDir, shownAmount, decimal } from "./harness.mjs";
import { hashFor } from "./drive.mjs";
import { groupedNote } from "./notes.mjs";

const require = createRequire(import.meta.url);
const { Engine } = require("../../pkg/node/yibao_policy.js");
const engine = Engine.withDefaults();
let browser;

before(async () => { browser = await openBrowser(); });
after(async () => { await browser?.close(); });

const HOTAN_HYPERTENSION = {
  insured: { region: "653200", scheme: "employee", status: "working" },
  filing: { category: "stationed_worker", place: "441900", start: "2025-01-01" },
  visit: { date: "2025-06-10", place: "441900", hospitalLevel: 3, networked: true, disease: "hypertension" },
  items: [{ class: "A", amount: "1000" }],
};

const radio = (page, testid, value) => page.locator(`[data-testid="${testid}"] input[value="${value}"]`).check();
const heading = (page, name) => page.getByRole("heading", { level: 1, name }).waitFor();
const statuses = (page) => page.locator("[data-testid=checks] li.check").evaluateAll((lis) => Object.fromEntries(lis.map((li) => [li.dataset.code, li.dataset.status])));

test("the engine's floor: Hotan lists hypertension as national, warns DISEASE_COVERED and needs terms", () => {
  const listed = engine.diseases("653200", "2025-06-10").find((d) => d.id === "hypertension");
  assert.equal(listed && listed.provenance, "national");
  const r = engine.estimate(HOTAN_HYPERTENSION);
  assert.equal(r.settlement, null);
  assert.equal(r.eligibility.checks.find((c) => c.code === "DISEASE_COVERED").status, "warn");
  assert.ok(r.eligibility.warnings.some((w) => w.code === "TERMS_NEEDED"));
});

test("Hotan → hypertension in Dongguan, walked through: asked for the numbers, the checks without them, the amounts with them", async () => {
  const page = await browser.page();
  await page.goto(browser.url(""));
  await ready(page);
  await page.getByTestId("start-estimate").click();
  await page.getByTestId("insured-province").selectOption("650000");
  await page.getByTestId("insured-region").selectOption("653200");
  await radio(page, "scheme", "employee");
  await page.getByTestId("next").click();
  await radio(page, "filed", "yes");
  await radio(page, "category", "stationed_worker");
  await page.getByTestId("filing-place-province").selectOption("440000");
  await page.getByTestId("filing-place-city").selectOption("441900");
  await page.getByTestId("filing-start").fill("2025-01-01");
  await page.getByTestId("next").click();
  await heading(page, "病种");
  // Hypertension is in Hotan's list (the national floor), not hidden under "not listed".
  const row = page.locator('[data-testid="disease-list"] label.radio').filter({ has: page.locator('input[value="hypertension"]') });
  assert.match(await row.innerText(), /国家/, "the row says the disease is the national list's");
  await radio(page, "disease-list", "hypertension");
  await page.getByTestId("next").click();
  await heading(page, "就医信息");
  await page.getByTestId("visit-date").fill("2025-06-10");
  await radio(page, "level", "3");
  await radio(page, "networked", "1");
  await page.getByTestId("next").click();
  await heading(page, "费用");
  // The costs step asks the person's numbers for hypertension, and says why (Hotan's policy does not give them).
  const terms = page.getByTestId("terms");
  await terms.waitFor();
  assert.match(await terms.innerText(), /和田地区/);
  assert.match(await terms.innerText(), /高血压/);
  // The live bar says what the result's verdict says: probably, to be confirmed.
  const liveStatus = page.locator("[data-testid=live] .live-status");
  assert.match(await liveStatus.innerText(), /大概率/);
  await page.screenshot({ path: join(outputDir, "floor-asks-terms-zh-360.png"), fullPage: true });
  // Not known yet: the verdict and the checks, and which numbers the amounts need.
  await page.getByTestId("terms-unknown-all").click();
  await page.getByTestId("verdict").waitFor();
  const check = engine.checkEligibility({ insured: HOTAN_HYPERTENSION.insured, filing: HOTAN_HYPERTENSION.filing, visit: HOTAN_HYPERTENSION.visit });
  assert.equal(await page.getByTestId("verdict").getAttribute("data-mode"), check.mode);
  assert.deepEqual(await statuses(page), Object.fromEntries(check.checks.map((c) => [c.code, c.status])));
  assert.equal((await statuses(page)).DISEASE_COVERED, "warn");
  await page.getByTestId("terms-needed").waitFor();
  assert.equal(await page.getByTestId("fund-pays").count(), 0);
  assert.ok((await page.locator("[data-testid=checks] .warnings li").evaluateAll((lis) => lis.map((li) => li.dataset.code))).includes("TERMS_NEEDED"));
  await page.screenshot({ path: join(outputDir, "floor-terms-needed-zh-360.png"), fullPage: true });
  // Costs but still no numbers: TERMS_NEEDED, no amounts.
  await page.getByTestId("terms-enter").click();
  await heading(page, "费用");
  await page.getByTestId("amount-A").fill("1000");
  const live = page.getByTestId("live-terms-needed");
  await live.waitFor();
  await page.getByTestId("next").click();
  await page.getByTestId("terms-needed").waitFor();
  assert.equal(await page.getByTestId("fund-pays").count(), 0);
  // With a ratio: the engine's amounts for the test's own request, the numbers marked as the person's.
  await page.getByTestId("terms-enter").click();
  await page.getByTestId("terms-ratio").fill("60");
  await page.getByTestId("live-fund").waitFor();
  assert.match(await liveStatus.innerText(), /大概率/);
  await page.getByTestId("next").click();
  await page.getByTestId("fund-pays").waitFor();
  const own = { ...HOTAN_HYPERTENSION, insured: { ...HOTAN_HYPERTENSION.insured, terms: { ratio: "0.6" } } };
  const r = engine.estimate(own);
  assert.equal(shownAmount(await page.getByTestId("fund-pays").innerText()), decimal(r.settlement.fundPays));
  assert.equal(shownAmount(await page.getByTestId("patient-pays").innerText()), decimal(r.settlement.patientPays));
  assert.equal((await statuses(page)).DISEASE_COVERED, "warn");
  // The verdict says "probably; confirm with the insured place": the one next step under the
  // numbers is that confirmation (the check's own action), not "show your card at the counter".
  const covered = r.eligibility.checks.find((c) => c.code === "DISEASE_COVERED");
  const first = await page.getByTestId("first-step").innerText();
  assert.ok(first.includes(covered.action.message.zh.slice(0, 12)), first);
  assert.doesNotMatch(first, /出示医保卡/);
  await page.getByTestId("your-terms").waitFor();
  assert.match(await page.getByTestId("your-terms").innerText(), /60%/);
  // The trace is the engine's, word for word: the person was asked, and left these blank.
  await page.getByTestId("trace").locator("summary").click();
  for (const step of r.trace) {
    const note = await page.locator(`[data-testid=trace] li[data-step="${step.step}"] .trace-note`).innerText();
    assert.equal(note, groupedNote(step.note.zh), step.step);
  }
  assert.match(await page.getByTestId("trace").innerText(), /未填写起付线/);
  await page.screenshot({ path: join(outputDir, "floor-terms-zh-360.png"), fullPage: true });
  await page.close();
  assert.deepEqual(browser.problems, []);
});

test("a pack's own assumption in the trace is the engine's note, word for word (no rewrite on the page)", async () => {
  const cancer = { ...HOTAN_HYPERTENSION, visit: { ...HOTAN_HYPERTENSION.visit, disease: "cancer_outpatient" } };
  const r = engine.estimate(cancer);
  assert.ok(r.trace.some((s) => s.provenance === "assumed" && s.step === "deductible"), "Hotan's cancer deductible is the pack's assumption");
  for (const lang of ["zh", "en"]) {
    const page = await browser.page();
    await page.goto(browser.url(hashFor(cancer, { extra: { lang } })));
    await ready(page);
    await page.getByTestId("trace").locator("summary").click();
    for (const step of r.trace) {
      const note = await page.locator(`[data-testid=trace] li[data-step="${step.step}"] .trace-note`).innerText();
      assert.equal(note, groupedNote(step.note[lang], lang), `${lang} ${step.step}`);
    }
    await page.close();
  }
  assert.deepEqual(browser.problems, []);
});
