// Issue 17: the page tells the truth off the main road — going back never loses an answer,
// detailed costs offer the catalogue of the place the visit follows, no "null" in the year, no
// contradictions on screen (the 不知道 chip, a ratio over 100 %, a pack's assumptions worded as
// the pack's, limits formatted, a removal that can be undone), and every prefecture within reach.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { browserForFile, packageEngine, loadCases, caseNamed, ready, wwwDir } from "./harness.mjs";
import { hashFor } from "./drive.mjs";
import { labelNotInName, unlabelledControls } from "./a11y.mjs";
import { groupedNote } from "./notes.mjs";

const engine = packageEngine();
const cases = loadCases();
// A Hotan employee filed (long term) to 东莞, visiting there: the usual road.
const base = caseNamed(cases, "long-term filing, class A only");
const divisions = JSON.parse(readFileSync(join(wwwDir, "data/divisions.json"), "utf8")).provinces;
const browser = browserForFile();
const open = browser.open;

/** The base case's answers as a link to `page`, with fields left out or added. */
function linkTo(page, { drop = [], extra = {} } = {}) {
  const params = new URLSearchParams(hashFor(base.request, { page, extra }).slice(1));
  for (const key of drop) params.delete(key);
  return `#${params}`;
}

const radio = (page, testid, value) => page.locator(`[data-testid="${testid}"] input[value="${value}"]`).check();
const heading = (page, name) => page.getByRole("heading", { level: 1, name }).waitFor();
const checked = (page, testid) => page.locator(`[data-testid="${testid}"] input:checked`).getAttribute("value");

test("1. 上一步 and the back button keep what was just typed on the step being left; back and forward lose nothing", async () => {
  // From the disease step on, as a person goes: the visit step is reached by 下一步.
  const page = await open(linkTo("disease", { drop: ["qa", "vp", "hl", "net"] }));
  await page.getByTestId("next").click();
  await heading(page, "就医信息");
  // The visit place followed the filing place (东莞); chosen by hand now: 广州. Level 二级.
  await page.getByTestId("visit-place-city").selectOption("440100");
  await radio(page, "level", "2");
  await radio(page, "networked", "1");
  await page.getByTestId("back").click();
  await heading(page, "病种");
  await page.getByTestId("next").click();
  await heading(page, "就医信息");
  assert.equal(await page.getByTestId("visit-place-city").inputValue(), "440100", "the visit place chosen by hand");
  assert.equal(await checked(page, "level"), "2", "the hospital level changed to 二级");
  assert.equal(await checked(page, "networked"), "1");
  await page.getByTestId("next").click();
  await heading(page, "费用");
  await page.getByTestId("amount-A").fill("10,000");
  await page.getByTestId("back").click();
  await heading(page, "就医信息");
  await page.getByTestId("next").click();
  await heading(page, "费用");
  assert.equal(await page.getByTestId("amount-A").inputValue(), "10,000", "the amount typed before 上一步");
  // The phone's back button, then forward: the same answers.
  await page.getByTestId("amount-B").fill("500");
  await page.goBack();
  await heading(page, "就医信息");
  assert.equal(await checked(page, "level"), "2");
  await page.goBack();
  await heading(page, "病种");
  await page.goForward();
  await heading(page, "就医信息");
  assert.equal(await page.getByTestId("visit-place-city").inputValue(), "440100");
  await page.goForward();
  await heading(page, "费用");
  assert.equal(await page.getByTestId("amount-A").inputValue(), "10,000");
  assert.equal(await page.getByTestId("amount-B").inputValue(), "500");
  // And the result is the one for what is on screen.
  await page.getByTestId("next").click();
  await page.getByTestId("verdict").waitFor();
  const hash = new URLSearchParams(new URL(page.url()).hash.slice(1));
  assert.deepEqual([hash.get("vp"), hash.get("hl"), hash.get("qa"), hash.get("qb")], ["440100", "2", "10,000", "500"]);
  await page.close();
  assert.deepEqual(browser.problems, []);
});

test("1b. another link opened in the same tab is read as it is (back returns to the first)", async () => {
  const page = await open(linkTo("result"));
  await page.getByTestId("verdict").waitFor();
  await page.evaluate((h) => { location.hash = h; }, linkTo("costs", { extra: { qa: "777" } }));
  await heading(page, "费用");
  assert.equal(await page.getByTestId("amount-A").inputValue(), "777");
  await page.goBack();
  await page.getByTestId("verdict").waitFor();
  assert.equal(new URLSearchParams(new URL(page.url()).hash.slice(1)).get("qa"), String(base.request.items[0].amount));
  await page.close();
  assert.deepEqual(browser.problems, []);
});

test("2. detailed costs offer the catalogue of the place the visit follows (the filing place)", async () => {
  const page = await open(linkTo("costs", { drop: ["vp", "qa"], extra: { cm: "detail" } }));
  const catalogue = engine.catalogue("441900");
  const text = await page.locator(".step-fields").innerText();
  assert.doesNotMatch(text, /请选择就医地/);
  assert.match(text, new RegExp(catalogue.name.zh));
  await page.getByTestId("add-catalogue-line").click();
  const options = await page.getByTestId("line-0-code").locator("option").evaluateAll((os) => os.map((o) => o.value).filter(Boolean));
  assert.deepEqual(options, catalogue.items.map((i) => i.code));
  await page.close();
  assert.deepEqual(browser.problems, []);
});

// A Beijing employee (no pack) with every number given: nothing assumed.
const OWN_TERMS = { tr: "0.7", td: "300", tl: "5000" };
const BEIJING = "#p=year&r=110000&f=1&fc=stationed_worker&fp=310000&fs=2025-01-01&d=hypertension&vd=2025-06-10&vp=310000&hl=2&net=1&qa=1200"
  + `&tr=${OWN_TERMS.tr}&td=${OWN_TERMS.td}&tl=${OWN_TERMS.tl}&yv=2025-03-10*hypertension*1200**&yv=2025-06-10*hypertension*6000**`;

test("3. a place without a pack: no literal null in the year totals when nothing was assumed", async () => {
  const page = await open(BEIJING);
  await page.getByTestId("year-total-patient").waitFor();
  const text = await page.locator("main").innerText();
  assert.doesNotMatch(text, /null|undefined|NaN/);
  assert.equal(await page.getByTestId("year-assumptions").count(), 0, "nothing assumed, nothing said");
  await page.close();
  assert.deepEqual(browser.problems, []);
});

const BEIJING_COSTS = "#p=costs&r=110000&f=1&fc=stationed_worker&fp=310000&fs=2025-01-01&d=hypertension&vd=2025-06-10&vp=310000&hl=2&net=1&qa=1200";

test("5a. the 不知道 chip is not pressed once a number is typed, and is again when the field is emptied", async () => {
  const page = await open(BEIJING_COSTS);
  const chip = page.getByTestId("terms-deductible-unknown");
  assert.equal(await chip.getAttribute("aria-pressed"), "true");
  await page.getByTestId("terms-deductible").fill("300");
  assert.equal(await chip.getAttribute("aria-pressed"), "false");
  assert.equal(await page.getByTestId("terms-deductible-none").getAttribute("aria-pressed"), "false");
  await page.getByTestId("terms-deductible").fill("无");
  assert.equal(await page.getByTestId("terms-deductible-none").getAttribute("aria-pressed"), "true");
  await page.getByTestId("terms-deductible").fill("");
  assert.equal(await chip.getAttribute("aria-pressed"), "true");
  await page.close();
  assert.deepEqual(browser.problems, []);
});

test("5b. a ratio of 170: the error, not 按 170% 计算 above it", async () => {
  const page = await open(BEIJING_COSTS);
  await page.getByTestId("terms-ratio").fill("170");
  const field = page.locator('[data-path="insured.terms.ratio"]');
  await field.locator(".field-error").waitFor({ state: "visible" });
  const text = await field.innerText();
  assert.doesNotMatch(text, /按 ?170% ?计算/);
  assert.match(text, /比例/);
  // Fixed: the echo comes back.
  await page.getByTestId("terms-ratio").fill("70");
  await field.locator(".field-error").waitFor({ state: "hidden" });
  assert.match(await field.innerText(), /按 70% 计算/);
  await page.close();
  assert.deepEqual(browser.problems, []);
});

test("5c. a pack region's trace: a number the pack assumes is the pack's assumption, never '未填写' (nobody was asked), in the engine's own words", async () => {
  // Every public case of a pack region whose trace has an assumed step.
  const packed = cases.filter((c) => c.request && c.expect && c.expect.settlement && !c.request.insured.terms)
    .map((c) => ({ c, r: (() => { try { return engine.estimate(c.request); } catch { return null; } })() }))
    .filter(({ r }) => r && r.policy && !r.policy.baseline && r.trace.some((s) => s.provenance === "assumed" &&
      ((s.step === "deductible" && Number(s.value) === 0) || (/Limit$|Ceiling$/.test(s.step) && s.value === null))));
  assert.ok(packed.length > 0, "some pack region's trace has an assumed deductible or limit");
  // The engine words them as the pack's (no deductible / no limit), not as the person's blank.
  for (const { r } of packed) for (const s of r.trace) assert.doesNotMatch(s.note.zh, /^未填写/, `${s.step}: ${s.note.zh}`);
  for (const lang of ["zh", "en"]) {
    const page = await open(hashFor(packed[0].c.request, { extra: { lang } }));
    await page.getByTestId("trace").locator("summary").click();
    const trace = await page.getByTestId("trace").innerText();
    assert.doesNotMatch(trace, /未填写|not entered|entered: none/);
    // The engine's notes are right (its trace round): the page shows them as they are.
    for (const s of packed[0].r.trace) {
      const note = await page.locator(`[data-testid=trace] li[data-step="${s.step}"] .trace-note`).innerText();
      assert.equal(note, groupedNote(s.note[lang], lang), `${lang} ${s.step}`);
    }
    await page.close();
  }
  assert.deepEqual(browser.problems, []);
});

test("5d. limits in the trace print formatted, as the amounts beside them do", async () => {
  for (const lang of ["zh", "en"]) {
    const page = await open(linkTo("result", { extra: { lang } }));
    await page.getByTestId("trace").locator("summary").click();
    const trace = await page.getByTestId("trace").innerText();
    assert.match(trace, /100,000\.00/);
    assert.doesNotMatch(trace, /\d{4}\.\d{2}/, "no amount of four digits or more without its separators");
    await page.close();
  }
  assert.deepEqual(browser.problems, []);
});

test("5e. 删除这次 in the year: named by its text, focus kept, and undone", async () => {
  const page = await open(BEIJING);
  await page.getByTestId("year-total-patient").waitFor();
  assert.deepEqual(await labelNotInName(page), []);
  const before = await page.getByTestId("year-total-total").innerText();
  await page.getByTestId("year-visit-0").getByRole("button", { name: /删除这次/ }).click();
  assert.equal(await page.locator("[data-testid^=year-visit-]").filter({ has: page.locator("h2") }).count(), 1);
  // Focus stays in the list of visits — on the undo — not dropped to the page's body.
  const focused = await page.evaluate(() => document.activeElement && document.activeElement.dataset.testid);
  assert.equal(focused, "year-undo");
  assert.notEqual(await page.getByTestId("year-total-total").innerText(), before);
  await page.getByTestId("year-undo").click();
  await page.getByTestId("year-visit-1").waitFor();
  assert.equal(await page.getByTestId("year-total-total").innerText(), before);
  assert.equal(await page.getByTestId("year-visit-0-date").inputValue(), "2025-03-10", "back in its place");
  assert.equal(await page.evaluate(() => document.activeElement && document.activeElement.dataset.testid), "year-visit-0-date");
  assert.deepEqual(await labelNotInName(page), []);
  assert.deepEqual(await unlabelledControls(page), []);
  await page.close();
  assert.deepEqual(browser.problems, []);
});

test("6a. the filing and visit pickers offer every prefecture of the province", async () => {
  const guangdong = divisions.find((p) => p.code === "440000").regions.map((r) => r.code);
  const page = await open(linkTo("filing"));
  const cities = (testid) => page.getByTestId(testid).locator("option").evaluateAll((os) => os.map((o) => o.value).filter(Boolean));
  await page.getByTestId("filing-place-city").locator("option[value='440600']").waitFor({ state: "attached" });
  assert.deepEqual(await cities("filing-place-city"), guangdong);
  await page.getByTestId("next").click();
  await page.getByTestId("next").click();
  await heading(page, "就医信息");
  assert.deepEqual(await cities("visit-place-city"), guangdong);
  // A prefecture without catalogue data is an answer like any other: 佛山.
  await page.getByTestId("visit-place-city").selectOption("440600");
  await page.getByTestId("next").click();
  await page.getByTestId("next").click();
  await page.getByTestId("verdict").waitFor();
  assert.equal(new URLSearchParams(new URL(page.url()).hash.slice(1)).get("vp"), "440600");
  await page.close();
  assert.deepEqual(browser.problems, []);
});

test("6b. a county code shows its prefecture in the pickers (和田县 653221 → 和田地区)", async () => {
  const page = await open("#p=insured&r=653221");
  await page.getByTestId("insured-region").locator("option[value='653200']").waitFor({ state: "attached" });
  assert.equal(await page.getByTestId("insured-region").inputValue(), "653200");
  await page.close();
  const visit = await open("#p=visit&r=441900&f=1&fc=stationed_worker&fp=653221&fs=2025-01-01&d=hypertension&vd=2025-06-10&hl=2&net=1");
  await visit.getByTestId("visit-place-city").locator("option[value='653200']").waitFor({ state: "attached" });
  assert.equal(await visit.getByTestId("visit-place-province").inputValue(), "650000");
  assert.equal(await visit.getByTestId("visit-place-city").inputValue(), "653200");
  await visit.close();
  assert.deepEqual(browser.problems, []);
});

test("6c. disease search finds 放化疗 where the list says 恶性肿瘤门诊治疗 (names and national names)", async () => {
  const listed = engine.diseases("653200", "2025-06-10").find((d) => d.id === "cancer_outpatient");
  assert.doesNotMatch(listed.name.zh, /放化疗/, "Hotan's own name has no 放化疗");
  const page = await open("#p=disease&r=653200&vd=2025-06-10");
  await page.getByTestId("disease-search").fill("放化疗");
  const row = page.locator('[data-testid="disease-list"] label.radio').filter({ has: page.locator('input[value="cancer_outpatient"]') });
  assert.equal(await row.isVisible(), true);
  assert.equal(await page.locator('[data-testid="disease-list"] label.radio:visible').count(), 1);
  await page.close();
  assert.deepEqual(browser.problems, []);
});

test("7. www/README.md does not pass the example's ratio, deductible and limit off as Beijing's notice", () => {
  const readme = readFileSync(join(wwwDir, "README.md"), "utf8");
  const example = /^.*tr=0\.7&td=300&tl=5000.*$/m.exec(readme);
  assert.ok(example, "the README still has the example link with a person's own numbers");
  const before = readme.slice(Math.max(0, example.index - 400), example.index);
  assert.doesNotMatch(before, /numbers of Beijing's notice|Beijing's notice/);
  assert.match(before, /illustrative/);
});
