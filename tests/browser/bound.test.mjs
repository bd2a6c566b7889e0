// Issue 17 point 4: the headline does not overstate when a deductible or limit is "不知道". The
// engine says how far its amounts are known (settlement.bound, CONTRACT.md): the fund's amount is
// worded by it ("最多" / "至少" / "约") and the person's share, which is the total less the fund's,
// the other way round; the limit gauge does not say that no limit applies when the limit is not
// known; the what-if cards mark the cuts they assume. Which word goes with which bound is the
// contract's; every bound and cut comes from the engine for the test's own request.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { createRequire } from "node:module";
import { openBrowser, ready, outputDir, shownAmount, decimal } from "./harness.mjs";
import { hashFor } from "./drive.mjs";

const require = createRequire(import.meta.url);
const { Engine } = require("../../pkg/node/yibao_policy.js");
const engine = Engine.withDefaults();
let browser;

before(async () => { browser = await openBrowser(); });
after(async () => { await browser?.close(); });

/** The contract's words for the fund's amount; the person's share takes the opposite one. */
const WORDS = {
  zh: { atMost: "最多", atLeast: "至少", about: "约" },
  en: { atMost: "at most", atLeast: "at least", about: "about" },
};
const OPPOSITE = { atMost: "atLeast", atLeast: "atMost", about: "about" };

/** What a number's text must start with: its bound's word, or the amount itself when exact. */
function assertWorded(text, bound, lang, what) {
  const starts = text.trim();
  if (bound === "exact") {
    for (const word of Object.values(WORDS[lang])) assert.ok(!starts.toLowerCase().startsWith(word), `${what}: "${text}" is exact`);
    return;
  }
  assert.ok(starts.toLowerCase().startsWith(WORDS[lang][bound]), `${what}: "${text}" should start with ${WORDS[lang][bound]} (${bound})`);
}

// A Beijing employee (no pack) who knows the ratio only: deductible and limit taken as none.
const UNKNOWN = {
  insured: { region: "110000", scheme: "employee", status: "working", terms: { ratio: "0.7" } },
  filing: { category: "stationed_worker", place: "310000", start: "2025-01-01" },
  visit: { date: "2025-06-10", place: "310000", hospitalLevel: 2, networked: true, disease: "hypertension" },
  items: [{ class: "A", amount: "1200" }, { class: "B", amount: "300" }],
};
// Everything known but the cut of a temporary filing: taken at its national ceiling.
const CUT_ASSUMED = {
  ...UNKNOWN,
  insured: { ...UNKNOWN.insured, terms: { ratio: "0.7", deductible: "0", annualLimit: null } },
  filing: { category: "other_temporary", place: "310000", start: "2025-06-01" },
};
// Not filed, nothing but the ratio known: both kinds.
const UNFILED = { ...UNKNOWN, filing: null };

async function open(request, extra = {}, page = "result") {
  const tab = await browser.page();
  await tab.goto(browser.url(hashFor(request, { page, extra })));
  await ready(tab);
  return tab;
}

test("the engine gives the bounds these requests are chosen for", () => {
  assert.equal(engine.estimate(UNKNOWN).settlement.bound, "atMost");
  assert.equal(engine.estimate(CUT_ASSUMED).settlement.bound, "atLeast");
  assert.equal(engine.estimate(UNFILED).settlement.bound, "about");
});

for (const lang of ["zh", "en"]) {
  test(`${lang}: the big numbers say 最多 / 至少 / 约 by settlement.bound`, async () => {
    for (const request of [UNKNOWN, CUT_ASSUMED, UNFILED]) {
      const r = engine.estimate(request);
      const bound = r.settlement.bound;
      const page = await open(request, { lang });
      await page.getByTestId("fund-pays").waitFor();
      const fund = await page.getByTestId("fund-pays").innerText();
      const patient = await page.getByTestId("patient-pays").innerText();
      assert.equal(shownAmount(fund), decimal(r.settlement.fundPays));
      assert.equal(shownAmount(patient), decimal(r.settlement.patientPays));
      assertWorded(fund, bound, lang, `${r.mode} fund`);
      assertWorded(patient, OPPOSITE[bound], lang, `${r.mode} patient`);
      // The total and the amount paid first at the counter of a manual claim are exact.
      assertWorded(await page.getByTestId("total").innerText(), "exact", lang, "total");
      if (r.mode === "manual") assertWorded(await page.getByTestId("counter-pays").innerText(), "exact", lang, "counter");
      if (request === UNKNOWN) await page.screenshot({ path: join(outputDir, `bound-unknown-terms-${lang}-360.png`), fullPage: true });
      await page.close();
    }
    assert.deepEqual(browser.problems, []);
  });

  test(`${lang}: an exact estimate says none of the words`, async () => {
    const hotan = {
      insured: { region: "653200", scheme: "employee", status: "working" },
      filing: { category: "stationed_worker", place: "441900", start: "2025-01-01" },
      visit: { date: "2025-06-10", place: "441900", hospitalLevel: 3, networked: true, disease: "cancer_outpatient" },
      items: [{ class: "A", amount: "10000" }],
    };
    assert.equal(engine.estimate(hotan).settlement.bound, "exact");
    const page = await open(hotan, { lang });
    assertWorded(await page.getByTestId("fund-pays").innerText(), "exact", lang, "fund");
    assertWorded(await page.getByTestId("patient-pays").innerText(), "exact", lang, "patient");
    await page.close();
    assert.deepEqual(browser.problems, []);
  });

  test(`${lang}: the live bar words its amounts the same way`, async () => {
    const r = engine.estimate(UNKNOWN);
    const page = await open(UNKNOWN, { lang }, "costs");
    const fund = page.getByTestId("live-fund");
    await fund.waitFor();
    assert.equal(shownAmount(await fund.innerText()), decimal(r.settlement.fundPays));
    assertWorded(await fund.innerText(), r.settlement.bound, lang, "live fund");
    assertWorded(await page.getByTestId("live-patient").innerText(), OPPOSITE[r.settlement.bound], lang, "live patient");
    await page.close();
    assert.deepEqual(browser.problems, []);
  });

  test(`${lang}: the limit gauge does not say no limit applies when the limit is not known`, async () => {
    const r = engine.estimate(UNKNOWN);
    const limit = r.trace.find((s) => s.step === "annualLimit");
    assert.ok(limit && limit.value === null && limit.provenance === "assumed", "the engine took the unknown limit as none");
    const page = await open(UNKNOWN, { lang });
    const pictures = page.locator(".pictures");
    await pictures.waitFor();
    const text = await pictures.innerText();
    assert.doesNotMatch(text, /这次不涉及医保支付限额|No payment limit applies/i);
    assert.match(text, lang === "zh" ? /限额.*(不知道|没有填写)/ : /limit.*(not known|not entered)/i);
    await page.close();
    // Where the limit is known and none applies, the gauge may still say so (a stated "无").
    const stated = { ...UNKNOWN, insured: { ...UNKNOWN.insured, terms: { ratio: "0.7", deductible: "0", annualLimit: null } } };
    const page2 = await open(stated, { lang });
    await page2.locator(".pictures").waitFor();
    assert.match(await page2.locator(".pictures").innerText(), /这次不涉及医保支付限额|No payment limit applies/i);
    await page2.close();
    assert.deepEqual(browser.problems, []);
  });

  test(`${lang}: the what-if cards word their amounts by their bounds and mark their assumed cuts`, async () => {
    const page = await open(UNKNOWN, { lang });
    await page.getByTestId("whatif").waitFor();
    // The test's own variants, as the panel names them (www/README.md: the same visit under other filings).
    const filed = (category) => ({ category, place: UNKNOWN.visit.place, start: UNKNOWN.visit.date });
    const variants = { unfiled: null, referral: filed("referral"), temporary: filed("other_temporary") };
    let marked = 0;
    for (const [key, filing] of Object.entries(variants)) {
      const r = engine.estimate({ ...UNKNOWN, filing });
      const card = page.locator(`[data-testid=whatif] [data-scenario="${key}"]`);
      const fund = await card.getByTestId(`whatif-${key}-fund`).innerText();
      assert.equal(shownAmount(fund), decimal(r.settlement.fundPays), key);
      assertWorded(fund, r.settlement.bound, lang, `what-if ${key}`);
      const cut = r.trace.find((s) => s.step === "reduction");
      const assumedCut = cut && cut.provenance === "assumed" && Number(cut.value) > 0;
      assert.equal(await card.locator("[data-testid=whatif-cut] [data-provenance=assumed]").count(), assumedCut ? 1 : 0, `${key}: cut ${cut && cut.value} ${cut && cut.provenance}`);
      if (assumedCut) {
        marked += 1;
        const points = String(Math.round(Number(cut.value) * 100));
        assert.match(await card.getByTestId("whatif-cut").innerText(), new RegExp(points));
      }
    }
    assert.ok(marked >= 2, "the temporary and unfiled cuts are assumed here");
    await page.close();
    assert.deepEqual(browser.problems, []);
  });
}
