// Issue 20: a year with two diseases. The year view asks about each disease the year contains —
// recognised or not (insured.recognition) and, where the person's numbers are needed, each
// disease's own numbers (insured.termsByDisease) — and says which numbers each visit used.
//
// The Dongguan retiree's year is checked against an independent model written here from the
// pack's published parameters (packs/441900-dongguan.json, read as data: ratio by hospital level
// for retired employees, the deductible and the annual limit hypertension and diabetes share,
// the overall ceiling) — not against the engine.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { browserForFile, packageEngine, ready, repo, outputDir, shownAmount, decimal } from "./harness.mjs";
import { unlabelledControls, contrastFailures } from "./a11y.mjs";

const engine = packageEngine();
const browser = browserForFile();
const open = browser.open;

const fen = (text) => { const [y, f = ""] = String(text).split("."); return BigInt(y) * 100n + BigInt((f + "00").slice(0, 2)); };
const yuan = (f) => `${f / 100n}.${String(f % 100n).padStart(2, "0")}`;
/** Half up to the fen: a × r where r is a decimal text. */
function times(amountFen, ratio) {
  const [int, frac = ""] = ratio.split(".");
  const scale = 10n ** BigInt(frac.length);
  const r = BigInt(int + frac);
  return (amountFen * r * 2n + scale) / (2n * scale);
}

/**
 * The model: a Dongguan retired employee, every visit at a level-2 hospital in Changsha under a
 * valid long-term filing (no cut), both diseases recognised; class A costs in scope, class C
 * paid by the person. The two diseases share one deductible and one annual limit.
 */
function dongguanYear(visits) {
  const pack = JSON.parse(readFileSync(join(repo, "packs/441900-dongguan.json"), "utf8")).regions[0].versions[0];
  let deductibleLeft = fen(pack.deductibles.chronic_basic.amount.value);
  let limitLeft = fen(pack.limits.chronic_basic.annual.employee.value);
  let ceilingLeft = fen(pack.overallCeiling.employee.value);
  return visits.map(({ disease, A, C = "0" }) => {
    assert.equal(pack.diseases[disease].deductible, "chronic_basic");
    assert.equal(pack.diseases[disease].limit, "chronic_basic");
    const ratio = pack.diseases[disease].ratio.employee.retired.level2.value;
    const inScope = fen(A);
    const total = inScope + fen(C);
    const deductible = inScope < deductibleLeft ? inScope : deductibleLeft;
    deductibleLeft -= deductible;
    const before = times(inScope - deductible, ratio);
    const room = limitLeft < ceilingLeft ? limitLeft : ceilingLeft;
    const fund = before < room ? before : room;
    limitLeft -= fund;
    ceilingLeft -= fund;
    return { deductible, fund, patient: total - fund, aboveCap: before - fund, total };
  });
}

const VISITS = [
  { date: "2025-01-15", disease: "hypertension", A: "600" },
  { date: "2025-02-10", disease: "diabetes", A: "1200" },
  { date: "2025-04-20", disease: "hypertension", A: "2000", C: "200" },
  { date: "2025-07-01", disease: "diabetes", A: "3000" },
  { date: "2025-09-09", disease: "hypertension", A: "800" },
];
const yv = (visits) => visits.map((v) => `&yv=${v.date}*${v.disease}*${v.A}**${v.C || ""}`).join("");
// The visit the steps described is hypertension, recognised (rec=yes); diabetes is asked in the year.
const DONGGUAN = `#p=year&r=441900&sc=employee&es=retired&f=1&fc=retired_relocated&fp=430000&fs=2025-01-01&d=hypertension&rec=yes&vd=2025-01-15&vp=430100&hl=2&net=1${yv(VISITS)}`;

async function assertYear(page, expected) {
  const total = expected.reduce((a, v) => ({ fund: a.fund + v.fund, patient: a.patient + v.patient, total: a.total + v.total }), { fund: 0n, patient: 0n, total: 0n });
  await page.waitForFunction((want) => {
    const el = document.querySelector("[data-testid=year-total-fund]");
    return el && el.textContent.replace(/[^\d.]/g, "") === want;
  }, yuan(total.fund), { timeout: 5000 });
  for (const [i, v] of expected.entries()) {
    assert.equal(shownAmount(await page.getByTestId(`year-visit-${i}-fund`).innerText()), yuan(v.fund), `visit ${i + 1} fund`);
    assert.equal(shownAmount(await page.getByTestId(`year-visit-${i}-patient`).innerText()), yuan(v.patient), `visit ${i + 1} patient`);
    assert.equal(await page.getByTestId(`year-visit-${i}-cap`).count(), v.aboveCap > 0n ? 1 : 0, `visit ${i + 1}: the limit reached`);
    const deductible = page.getByTestId(`year-visit-${i}-deductible`);
    assert.equal(await deductible.count(), v.deductible > 0n ? 1 : 0, `visit ${i + 1}: the deductible`);
    if (v.deductible > 0n) assert.equal(shownAmount(await deductible.innerText()), yuan(v.deductible));
  }
  assert.equal(shownAmount(await page.getByTestId("year-total-total").innerText()), yuan(total.total));
  assert.equal(shownAmount(await page.getByTestId("year-total-patient").innerText()), yuan(total.patient));
  return total;
}

test("a Dongguan retiree with hypertension and diabetes, both recognised: visit by visit what the model says", async () => {
  const expected = dongguanYear(VISITS);
  // The model's year is the issue's: 7,800 in all, the shared limit (4,000) reached, 3,800 paid by the person.
  assert.ok(expected.some((v) => v.aboveCap > 0n) && expected.filter((v) => v.deductible > 0n).length === 1);
  const page = await open(DONGGUAN);
  // Diabetes is asked about in the year view (hypertension's answer is the step's: 已认定).
  const card = page.getByTestId("year-diseases");
  await card.waitFor();
  assert.equal(await page.locator('[data-testid="year-rec-hypertension"] input:checked').getAttribute("value"), "yes");
  assert.equal(await page.locator('[data-testid="year-rec-diabetes"] input:checked').getAttribute("value"), "unknown");
  await page.locator('[data-testid="year-rec-diabetes"] input[value="yes"]').check();
  const total = await assertYear(page, expected);
  assert.equal(yuan(total.fund), "4000.00");
  assert.equal(yuan(total.patient), "3800.00");
  // The answer is in the link, beside the step's: a reload shows the same year.
  const params = new URLSearchParams(new URL(page.url()).hash.slice(1));
  assert.deepEqual(params.getAll("yr"), ["diabetes*yes"]);
  assert.equal(params.get("rec"), "yes");
  await page.reload();
  await ready(page);
  await assertYear(page, expected);
  // Not recognised: the diabetes visits pay nothing, and say why.
  await page.locator('[data-testid="year-rec-diabetes"] input[value="no"]').check();
  await page.getByTestId("year-visit-1-mode").filter({ hasText: /认定/ }).waitFor();
  assert.equal(await page.getByTestId("year-visit-1-mode").getAttribute("data-mode"), "none");
  assert.equal(shownAmount(await page.getByTestId("year-visit-1-fund").innerText()), "0.00");
  assert.deepEqual(await unlabelledControls(page), []);
  assert.deepEqual(await contrastFailures(page), []);
  await page.close();
  assert.deepEqual(browser.problems, []);
});

// Beijing (no pack): each disease its own numbers; the visits say which numbers they used.
const BEIJING = "#p=year&r=110000&f=1&fc=stationed_worker&fp=310000&fs=2025-01-01&d=hypertension&vd=2025-03-10&vp=310000&hl=2&net=1"
  + "&tr=0.7&td=300&tl=5000&yv=2025-03-10*hypertension*1200**&yv=2025-06-10*diabetes*6000**";
const BEIJING_REQUEST = (v, insured) => ({
  insured: { region: "110000", scheme: "employee", status: "working", ...insured },
  filing: { category: "stationed_worker", place: "310000", start: "2025-01-01" },
  visit: { date: v.date, place: "310000", hospitalLevel: 2, networked: true, disease: v.disease },
  items: [{ class: "A", amount: v.A }],
});
const BEIJING_VISITS = [{ date: "2025-03-10", disease: "hypertension", A: "1200" }, { date: "2025-06-10", disease: "diabetes", A: "6000" }];

test("under the national baseline each disease has its own numbers: none borrowed, each visit says which it used", async () => {
  const page = await open(BEIJING);
  await page.getByTestId("year-diseases").waitFor();
  // An old link (the step's numbers only): diabetes does not borrow hypertension's.
  await page.getByTestId("year-visit-1-numbers").filter({ hasText: /糖尿病/ }).waitFor();
  assert.match(await page.getByTestId("year-visit-1-numbers").innerText(), /还没填/);
  assert.equal(await page.getByTestId("year-visit-1-fund").count(), 0);
  assert.match(await page.getByTestId("year-visit-0-numbers").innerText(), /高血压/);
  // The diabetes numbers, typed as a person reads them; a deductible without a ratio is said
  // beside the ratio's field (and stays said after the page's own error pass).
  await page.getByTestId("year-terms-diabetes-deductible").fill("500");
  const ratioError = page.locator('[data-path="year.terms.diabetes.ratio"] .field-error');
  await ratioError.waitFor({ state: "visible" });
  await page.waitForTimeout(400);
  assert.equal(await ratioError.isVisible(), true);
  assert.match(await ratioError.innerText(), /ratio|比例/);
  await page.getByTestId("year-terms-diabetes-ratio").fill("60");
  await ratioError.waitFor({ state: "hidden" });
  await page.getByTestId("year-terms-diabetes-annualLimit-none").click();
  const insured = {
    termsByDisease: { hypertension: { ratio: "0.7", deductible: "300", annualLimit: "5000" }, diabetes: { ratio: "0.6", deductible: "500", annualLimit: null } },
  };
  const expected = engine.estimateYear(BEIJING_VISITS.map((v) => BEIJING_REQUEST(v, insured)));
  await page.getByTestId("year-visit-1-fund").waitFor();
  for (const [i, r] of expected.entries()) {
    assert.equal(shownAmount(await page.getByTestId(`year-visit-${i}-fund`).innerText()), decimal(r.settlement.fundPays), `visit ${i + 1}`);
    assert.equal(shownAmount(await page.getByTestId(`year-visit-${i}-patient`).innerText()), decimal(r.settlement.patientPays), `visit ${i + 1}`);
    assert.match(await page.getByTestId(`year-visit-${i}-numbers`).innerText(), new RegExp(`您为“${i ? "糖尿病" : "高血压"}”填写`));
  }
  // Each disease its own deductible: the diabetes visit pays its own 500.
  assert.equal(shownAmount(await page.getByTestId("year-visit-1-deductible").innerText()), "500.00");
  const params = new URLSearchParams(new URL(page.url()).hash.slice(1));
  assert.deepEqual(params.getAll("tb"), ["diabetes*0.6*500*none**"]);
  assert.equal(params.get("tr"), "0.7", "hypertension's numbers stay the step's");
  await page.close();
  assert.deepEqual(browser.problems, []);
});

test("screenshots at 360 px: the year view with two diseases, in Chinese and English", async () => {
  for (const lang of ["zh", "en"]) {
    const page = await open(`${DONGGUAN}&yr=diabetes*yes&lang=${lang}`);
    await page.getByTestId("year-total-fund").waitFor();
    await page.screenshot({ path: join(outputDir, `year-two-diseases-${lang}-360.png`), fullPage: true });
    const baseline = await open(`${BEIJING}&tb=diabetes*0.6*500*none**&lang=${lang}`);
    await baseline.getByTestId("year-total-fund").waitFor();
    await baseline.screenshot({ path: join(outputDir, `year-two-diseases-baseline-${lang}-360.png`), fullPage: true });
    await page.close();
    await baseline.close();
  }
  assert.deepEqual(browser.problems, []);
});
