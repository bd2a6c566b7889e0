// Issue 24.5: the home's first paint is its cards, drawn from the page's own bytes. The built page
// carries the home's first screen as markup (scripts/first-screen.mjs draws it with the app's own
// code at build time), shown only on a first visit to the home (js/boot-check.js, css/base.css),
// and the app draws the same over it when it starts. Its timing is a benchmark (bench/phone.mjs,
// BENCHMARKS.md "The phone profile"); tests/engines/download.test.mjs checks, in every engine on a
// slow line, that the first paint does not come before the cards.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { openBrowser, loadCases, caseNamed, outputDir } from "./harness.mjs";
import { hashFor } from "./drive.mjs";

const example = caseNamed(loadCases(), "contract example with ceilings");
let browser;

before(async () => { browser = await openBrowser(); });
after(async () => { await browser?.close(); });

/** A page served without its module scripts (the entry and the engine's glue): what its HTML alone shows. */
async function withoutCode() {
  const page = await browser.page();
  await page.route((url) => url.pathname === "/", async (route) => {
    const response = await route.fetch();
    const html = await response.text();
    const body = html.replace(/<script type="module">[^]*?<\/script>/g, "");
    assert.notEqual(body, html);
    const headers = response.headers();
    delete headers["content-encoding"];
    delete headers["content-length"];
    await route.fulfill({ response, body, headers });
  });
  return page;
}

/** A page served cut short at `marker`'s start (or, with `after`, its end), as a slow line delivers
 *  it part by part, the document closed there. */
async function cutAt(marker, after = false) {
  const page = await browser.page();
  await page.route((url) => url.pathname === "/", async (route) => {
    const response = await route.fetch();
    const html = await response.text();
    const found = html.indexOf(marker);
    assert.ok(found > 0, `no ${marker} in the page`);
    const at = after ? found + marker.length : found;
    const headers = response.headers();
    delete headers["content-encoding"];
    delete headers["content-length"];
    await route.fulfill({ response, body: `${html.slice(0, at)}</div></body></html>`, headers });
  });
  return page;
}

const shows = (page, selector) => page.locator(selector).first().isVisible();
const marked = (page) => page.evaluate(() => performance.getEntriesByName("yibao:first-screen").length);

test("the home's first screen in the built page is the home the app draws over it", async () => {
  const page = await browser.page();
  await page.goto(browser.url());
  await page.locator("main:not([data-first]) [data-testid=start-estimate]").waitFor();
  const { built, drawn, left } = await page.evaluate(async () => {
    const doc = new DOMParser().parseFromString(await (await fetch("./")).text(), "text/html");
    const built = [...doc.querySelectorAll("#app > [data-first]")].map((el) => { el.removeAttribute("data-first"); return el.outerHTML; });
    const drawn = [...document.querySelectorAll("#app > .header-slot, #app > main")].map((el) => el.outerHTML);
    return { built, drawn, left: document.querySelectorAll("[data-first]").length };
  });
  assert.equal(built.length, 2, "the header bar and <main>");
  assert.deepEqual(built, drawn);
  assert.equal(left, 0, "the app has drawn over the built first screen");
  await page.close();
  assert.deepEqual(browser.problems, []);
});

test("before any of the page's code has run, the home shows its cards, not a loading line, and its entries are links", async () => {
  const page = await withoutCode();
  await page.goto(browser.url());
  assert.equal(await shows(page, "[data-testid=start-estimate]"), true);
  assert.equal(await shows(page, "[data-testid=start-check]"), true);
  assert.equal(await page.locator("h1").innerText(), "跨省异地就医 · 门诊慢特病");
  assert.equal(await shows(page, "#app > .loading"), false, "no loading line");
  assert.equal(await marked(page), 1, "the first screen is marked where it is drawn");
  await page.screenshot({ path: join(outputDir, "home-first-screen-360.png") });
  // A tap before the app has started opens the step it would open (the app reads it when it starts).
  await page.getByTestId("start-estimate").click();
  assert.equal(new URL(page.url()).hash, "#p=insured");
  await page.close();
  assert.deepEqual(browser.problems, []);
});

// On a slow line the page arrives packet by packet, and the browser paints what it has: the built
// home must appear whole (its header bar never alone, above an empty page) and not before the
// script that marks it (the first paint is then never earlier than the mark: bench/phone.mjs).
test("the built home is shown whole or not at all: not the header bar alone, not before its mark", async () => {
  for (const [cut, after, what] of [['<main id="main"', false, "the header bar without the cards"], ["</main>", true, "the cards before the script after them"]]) {
    const page = await cutAt(cut, after);
    await page.goto(browser.url());
    assert.equal(await page.locator("#app > .header-slot[data-first]").count(), 1, what);
    assert.equal(await shows(page, "#app > [data-first]"), false, `${what}: nothing of it is shown`);
    assert.equal(await marked(page), 0, what);
    await page.close();
  }
  assert.deepEqual(browser.problems, []);
});

test("every other first visit hides the built home: a result, the guide, English, a mini-program", async () => {
  const links = [hashFor(example.request), "#p=guide", "#lang=en", "#embed=miniprogram", "?embed=miniprogram", "?lang=en", "#r=653200"];
  for (const link of links) {
    const page = await withoutCode();
    await page.goto(browser.url(link));
    assert.equal(await page.locator("[data-testid=start-estimate]").count(), 1, `${link}: the markup is there`);
    assert.equal(await shows(page, "[data-testid=start-estimate]"), false, `${link}: the built home is hidden`);
    assert.equal(await shows(page, "#app > [data-first]"), false, link);
    assert.equal(await marked(page), 0, link);
    await page.close();
  }
  // A home with answers in its link is drawn by the app (its 继续填写 link, its hrefs), at once.
  const page = await browser.page();
  await page.goto(browser.url("#r=653200"));
  await page.getByTestId("start-estimate").waitFor();
  assert.equal(await page.locator("[data-first]").count(), 0);
  await page.close();
  assert.deepEqual(browser.problems, []);
});
