// Fills the page in as a person would — clicks, choices, typing, step by step — from a case's
// request, and reads back what the result page shows.
import assert from "node:assert/strict";
import { decimal, shownAmount } from "./harness.mjs";

const province = (code) => `${code.slice(0, 2)}0000`;

async function next(page) {
  await page.getByTestId("next").click();
}

async function choosePlace(page, testid, code) {
  await page.getByTestId(`${testid}-province`).selectOption(province(code));
  if (code !== province(code)) await page.getByTestId(`${testid}-city`).selectOption(code);
}

async function radio(page, testid, value) {
  await page.locator(`[data-testid="${testid}"] input[value="${value}"]`).check();
}

async function insured(page, req) {
  // Every division is offered (www/data/divisions.json); a municipality or 兵团 is chosen whole.
  await page.getByTestId("insured-province").selectOption(province(req.insured.region));
  if (req.insured.region !== province(req.insured.region)) await page.getByTestId("insured-region").selectOption(req.insured.region);
  await radio(page, "scheme", req.insured.scheme);
  if (req.insured.scheme === "employee") await radio(page, "status", req.insured.status || "working");
  await next(page);
}

async function filing(page, req) {
  const f = req.filing;
  if (!f) {
    await radio(page, "filed", "no");
  } else {
    await radio(page, "filed", f.category === "emergency" ? "emergency" : "yes");
    if (f.category !== "emergency") await radio(page, "category", f.category);
    if (f.place) await choosePlace(page, "filing-place", f.place);
    if (f.start) await page.getByTestId("filing-start").fill(f.start);
    if (f.end) await page.getByTestId("filing-end").fill(f.end);
  }
  await next(page);
}

async function disease(page, req) {
  const listed = page.locator(`[data-testid="disease-list"] input[value="${req.visit.disease}"]`);
  if (await listed.count()) {
    await listed.check();
  } else {
    await page.getByText(/我的病种不在名单里|My disease is not on the list/).click();
    await page.locator(`[data-testid="disease-other"] input[value="${req.visit.disease}"]`).check();
  }
  const d = req.visit.disease;
  const rec = req.insured.recognizedDiseases;
  // The page's own form for a recognised visit whose other diseases are not known (facts.js).
  const known = req.insured.recognition && req.insured.recognition[d] === true;
  if (rec || known) await radio(page, "recognized", known || rec.includes(d) ? "yes" : "no");
  // Where the limit grows with the recognised diseases (武威), the others: ticked, or "none".
  const others = page.getByTestId("fact-recognizedDiseases");
  if (rec && rec.includes(d) && await others.count()) {
    const more = rec.filter((id) => id !== d);
    for (const id of more.length ? more : ["none"]) await others.locator(`input[value="${id}"]`).check();
  }
  await next(page);
}

async function visit(page, req) {
  await page.getByTestId("visit-date").fill(req.visit.date);
  await choosePlace(page, "visit-place", req.visit.place);
  await radio(page, "level", String(req.visit.hospitalLevel));
  await radio(page, "networked", req.visit.networked === false ? "0" : req.visit.networked === null ? "u" : "1");
  await next(page);
}

/** Quick mode takes one plain amount per class; anything richer goes line by line. */
function isQuick(items) {
  const plain = items.every((i) => !i.code && !i.name && i.selfPayRatio === undefined && i.ceilingAmount === undefined && i.class);
  return plain && new Set(items.map((i) => i.class)).size === items.length;
}

/** Ratio "0.70" → what a person types: "70" or "70%" (both are read as a percentage). */
export function typedPercent(ratio, withSign = false) {
  const [int, frac = ""] = String(ratio).split(".");
  const f = frac.padEnd(2, "0");
  const whole = `${int}${f.slice(0, 2)}`.replace(/^0+(?=\d)/, "");
  const rest = f.slice(2).replace(/0+$/, "");
  return `${rest ? `${whole}.${rest}` : whole}${withSign ? "%" : ""}`;
}

const TERM_KIND = { ratio: "ratio", deductible: "money", annualLimit: "money", reduction: "ratio", unfiledReduction: "ratio" };

/**
 * The person's own terms on the costs step (a place without a pack): typed as percentages, a
 * stated "no limit" (null) or zero by the "无" answer, an absent one left as "I don't know".
 */
export async function fillTerms(page, terms) {
  for (const [term, value] of Object.entries(terms)) {
    const input = page.getByTestId(`terms-${term}`);
    if (!(await input.isVisible())) await page.getByText(/更多（备案情况改变时的降低比例）|More \(reductions for other filings\)/).click();
    if (value === null || (Number(value) === 0 && term !== "ratio")) {
      await page.getByTestId(`terms-${term}-none`).click();
    } else {
      await input.fill(TERM_KIND[term] === "ratio" ? typedPercent(value, term === "ratio") : String(value));
    }
  }
}

async function costs(page, req) {
  if (req.insured.terms && (await page.getByTestId("terms").count())) await fillTerms(page, req.insured.terms);
  const items = req.items;
  if (isQuick(items)) {
    for (const item of items) await page.getByTestId(`amount-${item.class}`).fill(String(item.amount));
  } else {
    await radio(page, "cost-mode", "detail");
    // Detailed mode starts with one empty catalogue line; remove it and add lines in order.
    await page.getByRole("button", { name: /删除第 1 条|Remove line 1/ }).click();
    for (const [i, item] of items.entries()) {
      if (item.code) {
        await page.getByTestId("add-catalogue-line").click();
        await page.getByTestId(`line-${i}-code`).selectOption(item.code);
      } else {
        await page.getByTestId("add-free-line").click();
        if (item.name) await page.getByTestId(`line-${i}-name`).fill(item.name);
        await page.getByTestId(`line-${i}-class`).selectOption(item.class);
        if (item.selfPayRatio !== undefined || item.ceilingAmount !== undefined) {
          await page.locator(`[data-path="lines[${i}]"] details summary`).click();
        }
        if (item.selfPayRatio !== undefined) await page.getByTestId(`line-${i}-share`).fill(String(item.selfPayRatio));
        if (item.ceilingAmount !== undefined) await page.getByTestId(`line-${i}-ceiling`).fill(String(item.ceilingAmount));
      }
      await page.getByTestId(`line-${i}-amount`).fill(String(item.amount));
    }
  }
  const ytd = req.ytd || {};
  if (ytd.deductiblePaid !== undefined) await page.getByTestId("ytdDeductible").fill(String(ytd.deductiblePaid));
  if (ytd.fundPaid !== undefined) await page.getByTestId("ytdFund").fill(String(ytd.fundPaid));
  if (ytd.fundPaidMonth !== undefined || ytd.fundPaidTotal !== undefined) {
    await page.locator('[data-testid="ytd-more"] summary').click();
    if (ytd.fundPaidMonth !== undefined) await page.getByTestId("ytdMonth").fill(String(ytd.fundPaidMonth));
    if (ytd.fundPaidTotal !== undefined) await page.getByTestId("ytdTotal").fill(String(ytd.fundPaidTotal));
  }
  await next(page);
}

/** From the home page to the result page of an estimate. */
export async function driveEstimate(page, req) {
  await page.getByTestId("start-estimate").click();
  await insured(page, req);
  await filing(page, req);
  await disease(page, req);
  await visit(page, req);
  await costs(page, req);
  await page.getByTestId("verdict").waitFor();
}

/** From the home page to the eligibility check's result (no costs). */
export async function driveCheck(page, req) {
  await page.getByTestId("start-check").click();
  await insured(page, req);
  await filing(page, req);
  await disease(page, req);
  await visit(page, req);
  await page.getByTestId("checks").waitFor();
}

/** The result on screen against a case's expectation: the three amounts, the mode, the checks. */
export function assertShown(shown, expect) {
  const s = expect.settlement;
  assert.equal(shown.fundPays, decimal(s.fundPays), "医保支付");
  assert.equal(shown.patientPays, decimal(s.patientPays), "个人支付");
  assert.equal(shown.total, decimal(s.total), "费用合计");
  assert.equal(shown.mode, expect.mode);
  if (expect.checks) assert.deepEqual(shown.checks, expect.checks);
}

/** What the result page shows: amounts as decimals, the mode, and each check's status. */
export async function readResult(page) {
  const shown = {
    fundPays: shownAmount(await page.getByTestId("fund-pays").innerText()),
    patientPays: shownAmount(await page.getByTestId("patient-pays").innerText()),
    total: shownAmount(await page.getByTestId("total").innerText()),
    mode: await page.getByTestId("verdict").getAttribute("data-mode"),
    checks: {},
  };
  for (const li of await page.locator("[data-testid=checks] li.check").all()) {
    shown.checks[await li.getAttribute("data-code")] = await li.getAttribute("data-status");
  }
  return shown;
}

/** The page's URL for a request, using the parameters documented in www/README.md. */
export function queryFor(req, { page = "result", extra = {} } = {}) {
  const q = new URLSearchParams({ p: page, r: req.insured.region, sc: req.insured.scheme, es: req.insured.status || "working" });
  const f = req.filing;
  q.set("f", f ? "1" : "0");
  if (f) {
    q.set("fc", f.category);
    if (f.place) q.set("fp", f.place);
    if (f.start) q.set("fs", f.start);
    if (f.end) q.set("fe", f.end);
  }
  const v = req.visit;
  q.set("d", v.disease);
  q.set("vd", v.date);
  q.set("vp", v.place);
  q.set("hl", String(v.hospitalLevel));
  // CONTRACT.md: absent means networked; null is "not known" (net=u).
  q.set("net", v.networked === false ? "0" : v.networked === null ? "u" : "1");
  for (const item of req.items) {
    if (isQuick(req.items)) q.set(`q${item.class.toLowerCase()}`, String(item.amount));
    else if (item.code) q.append("li", `c*${item.code}*${item.amount}`);
    else q.append("li", ["f", item.class, item.amount, item.selfPayRatio ?? "", item.ceilingAmount ?? "", item.name ?? ""].join("*"));
  }
  if (!isQuick(req.items)) q.set("cm", "detail");
  const ytd = req.ytd || {};
  for (const [key, name] of [["yd", "deductiblePaid"], ["yf", "fundPaid"], ["ym", "fundPaidMonth"], ["yt", "fundPaidTotal"], ["yi", "inpatientFundPaid"]]) {
    if (ytd[name] !== undefined) q.set(key, String(ytd[name]));
  }
  // The person's own terms: ratios as ratios, a stated "no limit" as tl=none.
  const terms = req.insured.terms || {};
  for (const [key, name] of [["tr", "ratio"], ["td", "deductible"], ["tl", "annualLimit"], ["tx", "reduction"], ["tu", "unfiledReduction"]]) {
    if (name in terms) q.set(key, terms[name] === null ? "none" : String(terms[name]));
  }
  // The facts only some packs need (issue 22).
  const ins = req.insured;
  if (ins.birthDate) q.set("bd", ins.birthDate);
  if (ins.tier) q.set("ti", ins.tier);
  if (ins.recognizedSince && ins.recognizedSince[v.disease]) q.set("rs", ins.recognizedSince[v.disease]);
  // Recognition as the 病种 step answers it (rec), and the other recognised diseases (ro): the page
  // reads ro only where a limit grows with them (武威), as the typed journey ticks them only there.
  const rec = ins.recognizedDiseases;
  const known = ins.recognition ? ins.recognition[v.disease] : undefined;
  if (rec) q.set("rec", rec.includes(v.disease) ? "yes" : "no");
  else if (known !== undefined) q.set("rec", known ? "yes" : "no");
  if (rec && rec.includes(v.disease)) {
    const others = rec.filter((id) => id !== v.disease);
    q.set("ro", others.length ? others.join("*") : "none");
  }
  for (const [k, value] of Object.entries(extra)) q.set(k, value);
  return `?${q}`;
}

/** The same answers in the fragment form the page writes (#…), which never reaches a server. */
export function hashFor(req, opts) {
  return queryFor(req, opts).replace(/^\?/, "#");
}
