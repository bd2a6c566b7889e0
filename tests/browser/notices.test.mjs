// Issue 22 on the page: a 广西 patient under the default pack written from published notices. The
// two 南宁 worked examples (tests/cases/notices.json: 50.00 and 146.75, as the notices print them)
// driven through the steps and opened from their result links; the explanation shows a published
// figure's source as a link the person can open and a reposted one as its quote and site, without
// a link; 360 px screenshots in Chinese and English (test-output/notices-*-360.png).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { openBrowser, decimal, ready, outputDir, repo } from "./harness.mjs";
import { driveEstimate, readResult, hashFor } from "./drive.mjs";

const cases = JSON.parse(readFileSync(join(repo, "tests/cases/notices.json"), "utf8"));
const [retiree, resident, after2022, liuzhou] = cases;
let browser;

before(async () => { browser = await openBrowser(); });
after(async () => { await browser?.close(); });

function assertAmounts(shown, c) {
  const s = c.expect.settlement;
  assert.equal(shown.fundPays, decimal(s.fundPays), `${c.name}: fund pays`);
  assert.equal(shown.patientPays, decimal(s.patientPays), `${c.name}: patient pays`);
  assert.equal(shown.total, decimal(s.total), `${c.name}: total`);
  assert.equal(shown.mode, c.expect.mode);
}

for (const c of [retiree, resident]) {
  test(`the 南宁 example through the steps: ${c.name}`, async () => {
    const page = await browser.page();
    await page.goto(browser.url());
    await ready(page);
    await driveEstimate(page, c.request);
    assertAmounts(await readResult(page), c);
    await page.close();
    assert.deepEqual(browser.problems, []);
  });
}

for (const lang of ["zh", "en"]) {
  test(`${lang}: a 南宁 resident's result link — 146.75, and each reposted figure's quote and site without a link`, async () => {
    const page = await browser.page();
    await page.goto(browser.url(hashFor(resident.request, { extra: lang === "en" ? { lang: "en" } : {} })));
    await ready(page);
    await page.getByTestId("verdict").waitFor();
    assertAmounts(await readResult(page), resident);
    await page.locator("[data-testid=trace] summary").click();
    const ratio = page.locator("[data-testid=trace] li[data-step=baseRatio]");
    assert.equal(await ratio.locator("[data-provenance]").getAttribute("data-provenance"), "reposted");
    const source = ratio.getByTestId("source");
    await source.locator("span").first().waitFor();
    assert.match(await source.innerText(), /55%/);
    assert.match(await source.innerText(), /yunnanlong\.com/);
    assert.equal(await ratio.getByTestId("source-link").count(), 0, "a reposted figure has no link");
    await page.screenshot({ path: join(outputDir, `notices-nanning-resident-${lang}-360.png`), fullPage: true });
    await page.getByTestId("trace").screenshot({ path: join(outputDir, `notices-nanning-trace-${lang}-360.png`) });
    await page.close();
    assert.deepEqual(browser.problems, []);
  });

  test(`${lang}: a 柳州 patient under the 2022 table — the published figure's source is a link`, async () => {
    const page = await browser.page();
    await page.goto(browser.url(hashFor(liuzhou.request, { extra: lang === "en" ? { lang: "en" } : {} })));
    await ready(page);
    await page.getByTestId("verdict").waitFor();
    assertAmounts(await readResult(page), liuzhou);
    await page.locator("[data-testid=trace] summary").click();
    const limit = page.locator("[data-testid=trace] li[data-step=annualLimit]");
    assert.equal(await limit.locator("[data-provenance]").getAttribute("data-provenance"), "published");
    const link = limit.getByTestId("source-link");
    await link.waitFor();
    assert.equal(await link.getAttribute("href"), "http://m.gxbssyy.com/service_ybzc/2025/0201821005593.htm");
    assert.equal(await link.getAttribute("rel"), "noopener noreferrer");
    assert.match(await limit.getByTestId("source").innerText(), /高血压病\(非高危\)｜0｜600｜50%/);
    await page.screenshot({ path: join(outputDir, `notices-liuzhou-${lang}-360.png`), fullPage: true });
    await page.getByTestId("trace").screenshot({ path: join(outputDir, `notices-liuzhou-trace-${lang}-360.png`) });
    await page.screenshot({ path: join(outputDir, `notices-liuzhou-top-${lang}-360.png`) });
    await page.close();
    assert.deepEqual(browser.problems, []);
  });
}

test("the same visit after 2022-06-01 takes the 2022 table: 100.00", async () => {
  const page = await browser.page();
  await page.goto(browser.url(hashFor(after2022.request)));
  await ready(page);
  await page.getByTestId("verdict").waitFor();
  assertAmounts(await readResult(page), after2022);
  await page.close();
});

// Every hand-worked case of the packs written from notices, opened from its result link: the page
// shows the case's amounts and mode, or (where the amounts wait for the person's numbers) none and
// the question for them. The links carry recognition and 武威's other recognised diseases (rec, ro).
test("every case of tests/cases/notices.json from its result link: the case's amounts", async () => {
  const page = await browser.page();
  for (const c of cases) {
    await page.goto(browser.url(hashFor(c.request)));
    await page.reload();
    await ready(page);
    await page.getByTestId("verdict").waitFor();
    assert.equal(await page.getByTestId("verdict").getAttribute("data-mode"), c.expect.mode, c.name);
    if (c.expect.settlement) {
      assertAmounts(await readResult(page), c);
    } else {
      await page.getByTestId("terms-needed").waitFor();
      assert.equal(await page.getByTestId("fund-pays").count(), 0, `${c.name}: no amounts`);
    }
  }
  await page.close();
  assert.deepEqual(browser.problems, []);
});

// A source that quotes several sentences (大理's): each step shows the one that writes its figure,
// and the steps the engine names by a shape (the shared ceiling, a cut in points, 武威's growing
// limit) find their source too.
test("大理 and 武威: each published step quotes its own sentence and links its source", async () => {
  const page = await browser.page();
  const dali = cases.find((c) => c.name.startsWith("大理 resident, cancer"));
  const wuwei = cases.find((c) => c.name.startsWith("武威 resident, hypertension, two"));
  for (const [c, steps] of [
    [dali, [["baseRatio", /“50%”/], ["overallCeiling", /10万元\/人\/年/], ["annualLimit", /最高支付限额/]]],
    [wuwei, [["baseRatio", /60%比例/], ["annualLimit", /多一种慢性病多300元/]]],
  ]) {
    await page.goto(browser.url(hashFor(c.request)));
    await page.reload();
    await ready(page);
    await page.getByTestId("verdict").waitFor();
    await page.locator("[data-testid=trace] summary").click();
    for (const [name, quote] of steps) {
      const step = page.locator(`[data-testid=trace] li[data-step=${name}]`);
      await step.getByTestId("source-link").waitFor();
      assert.match(await step.getByTestId("source").innerText(), quote, `${c.name}: ${name}`);
    }
  }
  await page.close();
  assert.deepEqual(browser.problems, []);
});
