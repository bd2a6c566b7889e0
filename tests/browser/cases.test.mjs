// Public cases driven through the page as a person would, in Chromium at 360 px: the amounts
// shown must be the contract's, read from shared/cases/public.json at test time.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { openBrowser, loadCases, decimal, ready } from "./harness.mjs";
import { assertShown, driveEstimate, readResult } from "./drive.mjs";

const cases = loadCases();
// Every public case with an expected settlement — all but the bad inputs, which have tests of
// their own in flows.test.mjs. A disease the insured place does not list is chosen under
// "my disease is not on the list", as a person would.
const driven = cases.filter((c) => c.expect.settlement);
let browser;

before(async () => { browser = await openBrowser(); });
after(async () => { await browser?.close(); });

test("at least five public cases are driven through the UI", () => {
  assert.ok(driven.length >= 5, `only ${driven.length} cases with settlements`);
});

for (const c of driven) {
  test(`UI shows the contract's amounts: ${c.name}`, async () => {
    const page = await browser.page();
    await page.goto(browser.url());
    await ready(page);
    await driveEstimate(page, c.request);
    const shown = await readResult(page);
    assertShown(shown, c.expect);
    // The breakdown visibly adds up: its total row is the total.
    const sumTotal = await page.getByTestId("breakdown-total").innerText();
    assert.equal(decimal(sumTotal.replace(/[^\d.]/g, "")), decimal(c.expect.settlement.total));
    assert.match(await page.getByTestId("notice").innerText(), /试算结果仅供参考，以实际结算为准/);
    await page.close();
    assert.deepEqual(browser.problems, []);
  });
}
