// A person's way through the steps, in any engine (a Session of browsers.mjs): clicks, choices
// and typed amounts, from the home page to the result. As tests/browser/drive.mjs does in
// Chromium, for a case that quick mode expresses (one plain amount per class).
import assert from "node:assert/strict";

const province = (code) => `${code.slice(0, 2)}0000`;
const id = (testid) => `[data-testid="${testid}"]`;

/** Quick mode takes one plain amount per class; anything richer goes line by line. */
export function isQuick(items) {
  const plain = items.every((i) => !i.code && !i.name && i.selfPayRatio === undefined && i.ceilingAmount === undefined && i.class);
  return plain && new Set(items.map((i) => i.class)).size === items.length;
}

async function choosePlace(page, testid, code) {
  await page.select(id(`${testid}-province`), province(code));
  if (code !== province(code)) await page.select(id(`${testid}-city`), code);
}

const radio = (page, testid, value) => page.click(`${id(testid)} input[value="${value}"]`);
const next = (page) => page.click(id("next"));

/** From the home page to the result page of `req` (a quick-mode request of a place with a pack). */
export async function driveTyped(page, req) {
  assert.ok(isQuick(req.items) && !req.insured.terms && !req.ytd, "a quick-mode case of a place with a pack");
  await page.click(id("start-estimate"));
  // 参保信息
  await page.select(id("insured-province"), province(req.insured.region));
  if (req.insured.region !== province(req.insured.region)) await page.select(id("insured-region"), req.insured.region);
  await radio(page, "scheme", req.insured.scheme);
  if (req.insured.scheme === "employee") await radio(page, "status", req.insured.status || "working");
  await next(page);
  // 备案信息
  const f = req.filing;
  if (!f) {
    await radio(page, "filed", "no");
  } else {
    await radio(page, "filed", f.category === "emergency" ? "emergency" : "yes");
    if (f.category !== "emergency") await radio(page, "category", f.category);
    if (f.place) await choosePlace(page, "filing-place", f.place);
    if (f.start) await page.setDate(id("filing-start"), f.start);
    if (f.end) await page.setDate(id("filing-end"), f.end);
  }
  await next(page);
  // 病种
  await radio(page, "disease-list", req.visit.disease);
  const rec = req.insured.recognizedDiseases;
  if (rec) await radio(page, "recognized", rec.includes(req.visit.disease) ? "yes" : "no");
  await next(page);
  // 就医信息
  await page.setDate(id("visit-date"), req.visit.date);
  await choosePlace(page, "visit-place", req.visit.place);
  await radio(page, "level", String(req.visit.hospitalLevel));
  await radio(page, "networked", req.visit.networked === false ? "0" : req.visit.networked === null ? "u" : "1");
  await next(page);
  // 费用: typed, key by key
  for (const item of req.items) await page.type(id(`amount-${item.class}`), String(item.amount));
  await next(page);
  await page.waitForSelector(id("verdict"));
}
