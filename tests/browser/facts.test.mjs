// The facts only some packs need (issue 22): the page asks the birth date, the tier, the
// recognition date and this year's inpatient payments only when the version in force for the
// person's region on the visit date lists them (regions()[].versions[].facts), and the answers
// reach the request. A region whose pack needs none (Hotan, Dongguan, 广西, 汕尾) and a place
// without a pack ask none; a region that splits on age or tier (深圳 440300: 一档 70%, from 70 80%;
// 二档、三档 60%) asks it, and the result changes with the answer (the engine's own figures for
// the test's requests, through the package); a region whose limit is shared with inpatient care
// (大理 532900, 武威 620600) asks this year's inpatient payments on 费用; 武威's growing limit: a
// recognised visit is asked the person's other recognised diseases on 病种 (none answered: only the
// visit's is known, DISEASE_COUNT_ASSUMED).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createRequire } from "node:module";
import { openBrowser, ready, outputDir, shownAmount, decimal, repo } from "./harness.mjs";
import { hashFor, driveEstimate, readResult, assertShown } from "./drive.mjs";
import { parseState, stateToHash } from "../../www/js/state.js";
import { buildRequest } from "../../www/js/request.js";

const require = createRequire(import.meta.url);
const { Engine } = require("../../pkg/node/yibao_policy.js");
const engine = Engine.withDefaults();
let browser;

before(async () => { browser = await openBrowser(); });
after(async () => { await browser?.close(); });

const FACT_FIELDS = ["fact-birthDate", "fact-tier", "fact-recognizedSince", "fact-inpatient"];
const DATE = "2025-06-10";

/** The facts the version in force on `date` lists, as the engine says. */
function factsOf(code, date) {
  const region = engine.regions().find((r) => r.code === code);
  const versions = region ? region.versions.filter((v) => v.from <= date) : [];
  return versions.length ? versions[versions.length - 1].facts : [];
}

async function shownFacts(page, step) {
  await page.goto(browser.url(`#p=${step}&r=${page.region}&vd=${DATE}&d=${page.disease}&f=1&fc=stationed_worker&fp=441900&fs=2025-01-01`));
  await ready(page);
  await page.getByRole("heading", { level: 1 }).first().waitFor();
  // The step is drawn from the engine's lists: wait until they are in.
  await page.waitForFunction(() => !document.querySelector("[data-testid$=-pending]"));
  const shown = [];
  for (const id of FACT_FIELDS) if (await page.getByTestId(id).count()) shown.push(id);
  return shown;
}

test("the listings: every default region's versions say their facts, and the packs without tiers or ages need none", () => {
  for (const r of engine.regions()) {
    for (const v of r.versions) assert.ok(Array.isArray(v.facts), `${r.code} ${v.from}`);
  }
  assert.deepEqual(factsOf("653200", DATE), []);
  assert.deepEqual(factsOf("450100", DATE), []);
});

const OLD_LINK = "#p=result&r=653200&f=1&fc=stationed_worker&fp=441900&fs=2025-01-01&d=diabetes&vd=2025-06-10&vp=441900&hl=3&net=1&qa=1000";

test("the answers reach the request through new URL keys; an old link means what it meant", () => {
  const old = buildRequest(parseState(OLD_LINK)).request;
  for (const key of ["birthDate", "tier", "recognizedSince"]) assert.equal(old.insured[key], undefined, key);
  assert.equal(old.ytd, undefined);
  assert.equal(stateToHash(parseState(OLD_LINK)), OLD_LINK);
  const withFacts = parseState(`${OLD_LINK}&bd=1950-03-01&ti=2&rs=2025-01-20&rec=yes&yi=1200`);
  const req = buildRequest(withFacts).request;
  assert.equal(req.insured.birthDate, "1950-03-01");
  assert.equal(req.insured.tier, "2");
  assert.deepEqual(req.insured.recognizedSince, { diabetes: "2025-01-20" });
  assert.equal(req.ytd.inpatientFundPaid, "1200");
  // The keys survive the round trip, so a shared link keeps the answers.
  assert.deepEqual(buildRequest(parseState(stateToHash(withFacts))).request, req);
  // Not recognised: no recognition date is sent.
  assert.equal(buildRequest(parseState(`${OLD_LINK}&rs=2025-01-20&rec=no`)).request.insured.recognizedSince, undefined);
});

test("a region whose pack needs no fact, and a place without a pack, ask none on any step", async () => {
  for (const [region, disease] of [["653200", "cancer_outpatient"], ["450100", "diabetes"], ["110000", "diabetes"]]) {
    const page = await browser.page();
    page.region = region;
    page.disease = disease;
    for (const step of ["insured", "disease", "costs"]) {
      assert.deepEqual(await shownFacts(page, step), [], `${region} ${step}`);
    }
    await page.close();
  }
  assert.deepEqual(browser.problems, []);
});

/** The default regions whose version in force on DATE splits on age or tier. */
const splitting = engine.regions().filter((r) => factsOf(r.code, DATE).some((f) => f === "birthDate" || f === "tier"));

test("a region that splits on age or tier asks it, and the result changes with the answer", async () => {
  assert.ok(splitting.length, "a default pack splits on age or tier (深圳 440300)");
  const region = splitting[0];
  const facts = factsOf(region.code, DATE);
  // A disease whose ratio the pack states (深圳 leaves the deductible and the limit to the person:
  // they are given as terms, so the ratio alone makes the difference).
  const disease = engine.diseases(region.code, DATE).find((d) => !d.terms.includes("ratio"));
  assert.ok(disease, "a disease whose ratio the pack states");
  const terms = {};
  if (disease.terms.includes("deductible")) terms.deductible = "0";
  if (disease.terms.includes("annualLimit")) terms.annualLimit = "100000";
  const page = await browser.page();
  page.region = region.code;
  page.disease = disease.id;
  const shown = await shownFacts(page, "insured");
  if (facts.includes("birthDate")) assert.ok(shown.includes("fact-birthDate"), shown.join());
  if (facts.includes("tier")) {
    assert.ok(shown.includes("fact-tier"), shown.join());
    // The choices are the tiers the listing names for the version, by their names.
    const version = region.versions.filter((v) => v.from <= DATE).pop();
    assert.ok(version.tiers.length, "the listing names the tiers");
    const labels = await page.getByTestId("fact-tier").locator("label").allInnerTexts();
    for (const tier of version.tiers) assert.ok(labels.some((l) => l.includes(tier.name.zh)), `${tier.name.zh} in ${labels.join("|")}`);
  }
  await page.screenshot({ path: join(outputDir, "facts-insured-zh-360.png"), fullPage: true });
  // The same visit in tier 3 and tier 1, and in tier 1 aged 75 where the ratio also splits on age
  // (or by a person aged 40 and one aged 75): the engine's figures differ, and the page shows each.
  // Treated in another province than the insured place's.
  const [filed, treated] = region.code.startsWith("44") ? ["430000", "430100"] : ["441900", "441900"];
  const base = {
    insured: { region: region.code, scheme: "employee", status: "working", ...(Object.keys(terms).length ? { terms } : {}) },
    filing: { category: "stationed_worker", place: filed, start: "2025-01-01" },
    visit: { date: DATE, place: treated, hospitalLevel: 3, networked: true, disease: disease.id },
    items: [{ class: "A", amount: "1000" }],
  };
  const answers = !facts.includes("tier")
    ? [{ birthDate: "1985-01-01" }, { birthDate: "1950-01-01" }]
    : facts.includes("birthDate")
      ? [{ tier: "3" }, { tier: "1", birthDate: "1985-01-01" }, { tier: "1", birthDate: "1950-01-01" }]
      : [{ tier: "3" }, { tier: "1" }];
  const paid = [];
  for (const answer of answers) {
    const req = { ...base, insured: { ...base.insured, ...answer } };
    const r = engine.estimate(req);
    await page.goto(browser.url(hashFor(req)));
    await ready(page);
    await page.getByTestId("fund-pays").waitFor();
    assert.equal(shownAmount(await page.getByTestId("fund-pays").innerText()), decimal(r.settlement.fundPays), JSON.stringify(answer));
    paid.push(r.settlement.fundPays);
  }
  assert.equal(new Set(paid).size, paid.length, `the answer changes the result: ${paid.join(", ")}`);
  await page.close();
  assert.deepEqual(browser.problems, []);
});

/** The default regions whose version in force on DATE shares a limit with inpatient care. */
const sharing = engine.regions().filter((r) => factsOf(r.code, DATE).includes("inpatientFundPaid"));
const notices = JSON.parse(readFileSync(join(repo, "tests/cases/notices.json"), "utf8"));
const noticeCase = (start) => notices.find((c) => c.name.startsWith(start));

test("a region whose limit is shared with inpatient care asks this year's inpatient payments, and the answer reaches the result (大理, 武威)", async () => {
  assert.deepEqual(sharing.map((r) => r.code).sort(), ["532900", "620600"]);
  for (const region of sharing) {
    const page = await browser.page();
    page.region = region.code;
    page.disease = "cancer_outpatient";
    assert.deepEqual(await shownFacts(page, "costs"), ["fact-inpatient"], `${region.code} costs`);
    assert.deepEqual(await shownFacts(page, "insured"), [], `${region.code} insured`);
    await page.close();
  }
  // The hand-worked cases (tests/cases/notices.json) opened from their result links: the inpatient
  // payments given, the fund pays what the shared limit leaves; without them, more (taken as 0).
  for (const c of [noticeCase("大理 resident, cancer outpatient"), noticeCase("武威 resident, cancer outpatient")]) {
    const page = await browser.page();
    await page.goto(browser.url(hashFor(c.request)));
    await ready(page);
    await page.getByTestId("fund-pays").waitFor();
    assert.equal(shownAmount(await page.getByTestId("fund-pays").innerText()), decimal(c.expect.settlement.fundPays), c.name);
    // The limit's gauge counts the inpatient payments as used: nothing is left after this visit.
    const gauge = await page.getByTestId("gauge").innerText();
    const used = Number(c.request.ytd.inpatientFundPaid).toLocaleString("en-US", { minimumFractionDigits: 2 });
    assert.ok(gauge.replace(/\s+/g, " ").includes(`之前已用 ${used}`), `${c.name}: ${gauge}`);
    assert.match(gauge, /还剩\s*0\.00/, `${c.name}: ${gauge}`);
    const { inpatientFundPaid, ...rest } = c.request.ytd;
    const without = { ...c.request, ytd: rest };
    await page.goto(browser.url(hashFor(without)));
    await ready(page);
    await page.getByTestId("fund-pays").waitFor();
    const more = engine.estimate(without).settlement.fundPays;
    assert.ok(Number(more) > Number(c.expect.settlement.fundPays), `${c.name}: ${more}`);
    assert.equal(shownAmount(await page.getByTestId("fund-pays").innerText()), decimal(more), `${c.name} without inpatient payments`);
    await page.close();
  }
  assert.deepEqual(browser.problems, []);
});

/** 武威's hand-worked cases: hypertension recognised, 3000 already paid this year on the growing limit. */
const alone = noticeCase("武威 resident, hypertension alone");
const two = noticeCase("武威 resident, hypertension, two");

test("the other recognised diseases reach the request only where the version counts them (武威), and survive the link", () => {
  assert.ok(factsOf("620600", DATE).includes("recognizedDiseases"));
  const link = `#p=result&r=620600&sc=resident&f=1&fc=long_term_resident&fp=430000&fs=2025-01-01&d=hypertension&rec=yes&vd=${DATE}&vp=430100&hl=3&qa=1000&td=0&yf=3000`;
  const counted = new Set(["recognizedDiseases"]);
  const insured = (hash, facts) => buildRequest(parseState(hash), facts).request.insured;
  // Not answered or "not sure": only the visit's is known; "none": the visit's alone; ticked: with it.
  assert.deepEqual(insured(link, counted).recognition, { hypertension: true });
  assert.equal(insured(link, counted).recognizedDiseases, undefined);
  assert.deepEqual(insured(`${link}&ro=unsure`, counted).recognition, { hypertension: true });
  assert.deepEqual(insured(`${link}&ro=none`, counted).recognizedDiseases, ["hypertension"]);
  assert.deepEqual(insured(`${link}&ro=diabetes`, counted).recognizedDiseases, ["hypertension", "diabetes"]);
  // Where no version counts them (or the year view and the simple page, which pass no facts): as before.
  for (const facts of [undefined, new Set(["tier"])]) assert.deepEqual(insured(`${link}&ro=diabetes`, facts).recognizedDiseases, ["hypertension"]);
  assert.deepEqual(insured(`${link.replace("rec=yes", "rec=no")}&ro=diabetes`, counted).recognizedDiseases, []);
  const state = parseState(`${link}&ro=diabetes`);
  assert.match(stateToHash(state), /&rec=yes&ro=diabetes&/);
  assert.deepEqual(buildRequest(parseState(stateToHash(state)), counted).request, buildRequest(state, counted).request);
});

async function diseaseStep(page, region, disease, recognized) {
  await page.goto(browser.url(`#p=disease&r=${region}&vd=${DATE}&d=${disease}&rec=${recognized}&f=1&fc=stationed_worker&fp=441900&fs=2025-01-01`));
  await ready(page);
  await page.getByRole("heading", { level: 1 }).first().waitFor();
  await page.waitForFunction(() => !document.querySelector("[data-testid$=-pending]"));
}

test("武威's limit growing with each recognised disease: recognised, the page asks the others of the pool; 深圳 and 大理 do not", async () => {
  const page = await browser.page();
  await diseaseStep(page, "620600", "hypertension", "unknown");
  assert.equal(await page.getByTestId("fact-recognizedDiseases").count(), 0, "asked only once recognised");
  await page.locator('[data-testid="recognized"] input[value="yes"]').check();
  const asked = page.getByTestId("fact-recognizedDiseases");
  await asked.waitFor();
  assert.match(await asked.locator("legend").innerText(), /您还有哪些慢特病也已认定/);
  // The others of hypertension's pool (普通慢性病), then "none" and "not sure"; nothing ticked.
  assert.deepEqual(await asked.locator("input").evaluateAll((l) => l.map((i) => i.value)), ["diabetes", "none", "unsure"]);
  assert.equal(await asked.locator("input:checked").count(), 0);
  await page.screenshot({ path: join(outputDir, "facts-recognized-zh-360.png"), fullPage: true });
  // Ticking one clears "none" and "not sure", and the other way round.
  await asked.locator('input[value="unsure"]').check();
  await asked.locator('input[value="diabetes"]').check();
  assert.deepEqual(await asked.locator("input:checked").evaluateAll((l) => l.map((i) => i.value)), ["diabetes"]);
  assert.match(page.url(), /ro=diabetes/);
  await asked.locator('input[value="none"]').check();
  assert.deepEqual(await asked.locator("input:checked").evaluateAll((l) => l.map((i) => i.value)), ["none"]);
  // Not recognised: not asked.
  await page.locator('[data-testid="recognized"] input[value="no"]').check();
  await page.waitForFunction(() => !document.querySelector("[data-testid=fact-recognizedDiseases]"));
  // In English.
  await diseaseStep(page, "620600", "hypertension", "yes");
  await page.goto(page.url().replace("#", "#lang=en&"));
  await ready(page);
  await page.getByTestId("fact-recognizedDiseases").waitFor();
  assert.match(await page.getByTestId("fact-recognizedDiseases").innerText(), /Which other chronic or special diseases of yours are recognised too\?[\s\S]*Diabetes[\s\S]*Not sure/i);
  for (const [region, disease] of [["440300", "diabetes"], ["532900", "cancer_outpatient"], ["532900", "hypertension"]]) {
    await diseaseStep(page, region, disease, "yes");
    assert.ok(!factsOf(region, DATE).includes("recognizedDiseases"), region);
    assert.equal(await page.getByTestId("fact-recognizedDiseases").count(), 0, `${region} ${disease}`);
  }
  await page.close();
  assert.deepEqual(browser.problems, []);
});

test("武威, hypertension with diabetes also recognised and 3000 paid this year: the fund pays 300 (limit 3300); not answered, 0 and DISEASE_COUNT_ASSUMED", async () => {
  // Filled in as a person would, diabetes ticked: the hand-worked case.
  let page = await browser.page();
  await page.goto(browser.url(""));
  await ready(page);
  await driveEstimate(page, two.request);
  // The page also shows the checks the case leaves out: those it states, as stated.
  const shown = await readResult(page);
  assertShown(shown, { ...two.expect, checks: undefined });
  for (const [code, status] of Object.entries(two.expect.checks)) assert.equal(shown.checks[code], status, code);
  assert.equal(decimal(two.expect.settlement.fundPays), "300.00");
  assert.equal(await page.locator('[data-code="DISEASE_COUNT_ASSUMED"]').count(), 0);
  // The answer survives the result link and a reload.
  await page.reload();
  await ready(page);
  await page.getByTestId("fund-pays").waitFor();
  assert.equal(shownAmount(await page.getByTestId("fund-pays").innerText()), "300.00");
  await page.close();
  // Recognised, the other diseases not answered: only hypertension counts, the base 3000 is used
  // up (0.00, as the case with hypertension alone), and the result says the count was assumed.
  const { recognizedDiseases, ...rest } = two.request.insured;
  const unanswered = { ...two.request, insured: { ...rest, recognition: { hypertension: true } } };
  const r = engine.estimate(unanswered);
  assert.equal(r.settlement.fundPays, alone.expect.settlement.fundPays);
  assert.ok(r.eligibility.warnings.some((w) => w.code === "DISEASE_COUNT_ASSUMED"));
  page = await browser.page();
  await page.goto(browser.url(""));
  await ready(page);
  await driveEstimate(page, unanswered);
  assert.equal(shownAmount(await page.getByTestId("fund-pays").innerText()), decimal(alone.expect.settlement.fundPays));
  await page.locator('[data-code="DISEASE_COUNT_ASSUMED"]').first().waitFor();
  // A result link with rec=yes alone (an older link) means the same.
  await page.goto(browser.url(hashFor(unanswered)));
  await ready(page);
  await page.getByTestId("fund-pays").waitFor();
  assert.equal(shownAmount(await page.getByTestId("fund-pays").innerText()), "0.00");
  await page.locator('[data-code="DISEASE_COUNT_ASSUMED"]').first().waitFor();
  // The simple page, which does not ask the others, leaves them unknown too: the fund's amount
  // is worded "至少" (bound atLeast), not given as exact.
  await page.goto(browser.url(`legacy.html${hashFor(unanswered)}`));
  await ready(page);
  await page.getByTestId("fund-pays").waitFor();
  assert.match(await page.getByTestId("fund-pays").innerText(), /至少/);
  await page.close();
  assert.deepEqual(browser.problems, []);
});

// 大理's pack leaves only the emergency and unfiled cuts to the person: a long-term filing needs
// none of them, so 费用 has no section asking for the person's numbers (it said "请填下面这几项"
// over nothing but a folded "更多"; the simple page asked all five, the pack's own ratio among
// them); an emergency visit is asked its cut.
test("大理: 费用 and the simple page ask the person's numbers only where this filing's cut is theirs (emergency), not for a long-term filing", async () => {
  const c = noticeCase("大理 resident, cancer outpatient");
  const page = await browser.page();
  await page.goto(browser.url(hashFor(c.request, { page: "costs" })));
  await ready(page);
  await page.getByTestId("cost-mode").waitFor();
  assert.equal(await page.getByTestId("terms").count(), 0, "long-term: no numbers asked");
  const emergency = { ...c.request, filing: { category: "emergency" } };
  await page.goto(browser.url(hashFor(emergency, { page: "costs" })));
  await page.reload();
  await ready(page);
  await page.getByTestId("terms").waitFor();
  assert.equal(await page.getByTestId("terms-reduction").count(), 1, "emergency: its cut asked");
  assert.equal(await page.getByTestId("terms-ratio").count(), 0, "the pack's ratio is not asked");
  // The simple page asks the same: nothing for the long-term filing, the cut alone for an emergency.
  await page.goto(browser.url(`legacy.html${hashFor(c.request)}`));
  await ready(page);
  await page.getByTestId("fund-pays").waitFor();
  assert.equal(await page.locator("input[id^=lite-terms]").count(), 0, "simple page, long-term: no numbers asked");
  await page.goto(browser.url(`legacy.html${hashFor(emergency)}`));
  await page.reload();
  await ready(page);
  await page.locator("#lite-termsReduction").waitFor();
  assert.deepEqual(await page.locator("input[id^=lite-terms]").evaluateAll((els) => els.map((e) => e.id)), ["lite-termsReduction"]);
  await page.close();
  assert.deepEqual(browser.problems, []);
});
