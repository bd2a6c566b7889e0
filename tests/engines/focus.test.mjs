// Tabbing through every question step on a 360-px phone screen (WebKit: its narrowest window,
// 447 px; its window managed by openbox, so that it is the active one, as a person's is;
// Firefox: in a tab opened over BiDi, which has the focus, tests/engines/browsers.mjs),
// each control that takes the focus is fully on screen and clear of the sticky estimate bar at
// the bottom (issue 24: the bar covered the 三级医院 option and half of 上一步/查看结果; the page
// keeps the bar's height as its scroll-padding-bottom, css/later.css).
import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { mkdirSync } from "node:fs";
import { ENGINES, openSession, stopEngines } from "./browsers.mjs";
import { serve, assertHealthy } from "./site.mjs";
import { caseNamed, loadCases, outputDir } from "../browser/harness.mjs";
import { hashFor } from "../browser/drive.mjs";

// A whole request in the link: every step shows its answers and the bar its numbers (its tallest).
const full = caseNamed(loadCases(), "Hotan employee, cancer radio/chemo in Dongguan");
const STEPS = ["insured", "filing", "disease", "visit", "costs"];
const MAX_TABS = 80;
mkdirSync(outputDir, { recursive: true });

after(() => stopEngines());

/**
 * Where the focused control is, against the screen and the bar, once the browser has scrolled
 * (two frames: the page's own correction runs in the first); null when nothing is focused.
 */
async function focusedPlace() {
  await new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)));
  if (!document.hasFocus()) return { left: true }; // Tab went on into the browser's toolbar
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const r = el.getBoundingClientRect();
  const bar = document.querySelector("[data-testid=live]");
  const b = bar ? bar.getBoundingClientRect() : null;
  // The bar covers what is under it when it sits at the bottom of the screen (a phone's layout).
  const covers = b && !bar.contains(el) && b.top < innerHeight && b.bottom >= innerHeight - 1 ? b.top : innerHeight;
  const name = `${el.tagName.toLowerCase()}${el.dataset.testid ? `[${el.dataset.testid}]` : ""}${el.value && el.type === "radio" ? `=${el.value}` : ""} "${(el.labels?.[0] || el).innerText?.trim().split("\n")[0].slice(0, 30) ?? ""}"`;
  const step = document.querySelector(".step")?.dataset.step;
  const visible = r.top >= 0 && r.left >= 0 && r.right <= innerWidth + 0.5 && r.bottom <= covers + 0.5;
  return { name, visible, top: Math.round(r.top), bottom: Math.round(r.bottom), limit: Math.round(covers), step };
}

for (const engine of ENGINES) {
  describe(engine, () => {
    let site;
    let page;
    before(async () => {
      site = await serve();
      page = await openSession(engine, { width: 360, height: 740 });
    });
    after(async () => {
      await page?.close();
      await site?.close();
    });

    for (const step of STEPS) {
      test(`${step}: every control Tab reaches is fully visible, none under the estimate bar`, async () => {
        // Firefox's Tab goes on from the page's last control into its toolbar, and that tab does
        // not get the focus back: each step in a new tab (the other engines wrap around).
        await page.newTab?.();
        await page.goto("about:blank");
        await page.goto(site.url(hashFor(full.request, { page: step })));
        await page.waitFor((s) => Boolean(document.querySelector(`.step[data-step="${s}"]`) && document.querySelector("[data-testid=live] .live-numbers")), [step], { what: `the ${step} step with the bar's numbers` });
        const width = await page.evaluate(() => innerWidth);
        const seen = [];
        const hidden = [];
        for (let i = 0; i < MAX_TABS; i++) {
          await page.press("Tab");
          const place = await page.evaluate(focusedPlace);
          if (!place) continue;
          if (place.left) break; // around again, by way of the browser's own controls
          if (place.step !== step) break; // the link to the result page, or a step in the list
          if (seen.includes(place.name) && seen[0] === place.name) break; // around again
          seen.push(place.name);
          if (!place.visible) hidden.push(place);
        }
        if (hidden.length) await page.screenshot(join(outputDir, `focus-${engine}-${step}.png`));
        if (!hidden.length && step === "costs") await page.screenshot(join(outputDir, `focus-${engine}-costs-ok.png`));
        assert.ok(seen.length >= 3, `${engine} ${step} (${width} px): Tab reached ${seen.join(", ")}`);
        assert.ok(seen.some((n) => n.includes("[next]")), `${engine} ${step}: Tab reached the next button: ${seen.join(", ")}`);
        assert.deepEqual(hidden, [], `${engine} ${step} (${width} px wide): focused but hidden`);
        await assertHealthy(page);
      });
    }
  });
}
