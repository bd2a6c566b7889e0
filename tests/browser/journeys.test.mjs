// The journey property (issue 20): random sequences of what a person does — answer a field,
// 下一步, 上一步, the browser's back and forward, jump by the stepper, switch language, reload,
// open the year, add or delete a year visit, change a visit's disease, answer about each disease
// — driven in Chromium. The test keeps its own model of the answers given (journey-model.mjs)
// and builds its own requests from it (never through the page's state.js or request.js); after
// every action it checks that
//   1. the URL fragment still holds every answer given (www/README.md's keys), and
//   2. every amount on screen — the live bar, the result's numbers, each visit of the year and
//      the year's sums — is the engine's answer for the test's own request, worded by its bound.
//
// Seeded: the seed is printed; YIBAO_JOURNEY_SEED=<n> replays that one journey. A fixed budget
// (YIBAO_JOURNEY_SECONDS, 120 s by default: CI), more on demand; YIBAO_JOURNEY_STEPS actions per
// journey (60). A failure prints the journey that reproduces it.
//
// It fails on the page before the fixes it guards (www/ of each commit built in a scratch
// worktree against the same engine, this test copied in): on main 90cbd5f, seed 883334525 at
// action 44 ("filed no": live-patient "3,000.00 元" should say 约, issue 17.4); on 13f927d (17.4
// done, issue 20 not), seed 4050856218 at action 45 (the year view has no "recognised?" for
// dialysis), and with the year's per-disease actions left out, seed 507713805 at action 42 (a
// Hotan year, visit 1 turned to diabetes: "¥0.00" where the engine waits for diabetes's own
// numbers). The same journeys pass on this branch's build (the third with the same actions).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { openBrowser, ready, shownAmount, decimal } from "./harness.mjs";
import { visitRequest, yearRequests, expectedFragment, DEFAULTS } from "./journey-model.mjs";
import { chooseAction } from "./journey-actions.mjs";

const require = createRequire(import.meta.url);
const { Engine } = require("../../pkg/node/yibao_policy.js");
const engine = Engine.withDefaults();

const REPLAY = process.env.YIBAO_JOURNEY_SEED;
const SEED = REPLAY !== undefined ? Number(REPLAY) >>> 0 : (Math.random() * 2 ** 32) >>> 0;
const BUDGET_MS = Number(process.env.YIBAO_JOURNEY_SECONDS || 120) * 1000;
const STEPS_PER_JOURNEY = Number(process.env.YIBAO_JOURNEY_STEPS || 60);
const SETTLE_MS = 5000;
const STEP_PAGES = ["insured", "filing", "disease", "visit", "costs"];

let browser;
before(async () => { browser = await openBrowser(); });
after(async () => { await browser?.close(); });

/** mulberry32: a small seeded generator, the same sequence for the same seed. */
function generator(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

const WORDS = { zh: { atMost: "最多", atLeast: "至少", about: "约" }, en: { atMost: "at most", atLeast: "at least", about: "about" } };

/**
 * The word an amount is said with: the fund's by settlement.bound, the person's share the other
 * way round (CONTRACT.md); a claim at home is "约" even when exact (www/README.md).
 */
function wordFor(result, patient) {
  if (result.mode === "none") return null;
  let b = result.settlement.bound;
  if (result.mode === "manual" && b === "exact") b = "about";
  if (patient) b = { atMost: "atLeast", atLeast: "atMost" }[b] || b;
  return b === "exact" ? null : b;
}

/** A shown amount against the engine's: the same decimal, and the right word (or none) first. */
function amountProblem(name, text, amount, word, lang) {
  if (text === undefined) return `${name} is not shown (expected ${amount})`;
  if (shownAmount(text) !== decimal(amount)) return `${name} shows "${text}", the engine says ${amount}`;
  const start = text.trim().toLowerCase();
  const words = WORDS[lang === "en" ? "en" : "zh"];
  if (word && !start.startsWith(words[word])) return `${name} "${text}" should say ${words[word]} (${word})`;
  if (!word && Object.values(words).some((w) => start.startsWith(w))) return `${name} "${text}" says a bound for an exact amount`;
  return null;
}

function estimate(request) {
  try { return { value: engine.estimate(request) }; } catch (e) { return { error: e }; }
}

/** What the journeys reached: pages, and amounts compared with the engine's (printed at the end). */
const seen = { pages: {}, amounts: {} };

/** What is wrong on screen now, or null. */
function problems(snap, m) {
  const params = new URLSearchParams(snap.hash.replace(/^#/, ""));
  const p = params.get("p") || "home";
  const a = m.answers;
  const out = [];
  if (!a) return out;
  const texts = snap.texts;
  // 1. The fragment holds every answer given (the journey's first page, before its answers, holds none).
  const answersHere = p !== "home" || [...params.keys()].some((k) => k !== "p" && k !== "lang");
  if (answersHere) {
    const { one, lists } = expectedFragment(a);
    for (const [key, value] of Object.entries(one)) {
      const held = params.get(key) ?? DEFAULTS[key] ?? "";
      if (held !== value) out.push(`the fragment has ${key}=${JSON.stringify(held)}, the answer given was ${JSON.stringify(value)}`);
    }
    for (const [key, list] of Object.entries(lists)) {
      const held = key === "yv" ? params.getAll(key) : params.getAll(key).sort();
      if (JSON.stringify(held) !== JSON.stringify(list)) out.push(`the fragment has ${key}=${JSON.stringify(held)}, the answers given were ${JSON.stringify(list)}`);
    }
  }
  // 2. Every amount on screen is the engine's for the test's own request.
  const lang = snap.lang;
  const absent = (name, why) => { if (texts[name] !== undefined) out.push(`${name} shows "${texts[name]}", but ${why}`); };
  const amountOf = (name, amount, word) => {
    const problem = amountProblem(name, texts[name], amount, word, lang);
    if (problem) out.push(problem);
    else seen.amounts[`${p} ${word || "exact"}`] = (seen.amounts[`${p} ${word || "exact"}`] || 0) + 1;
  };
  if (STEP_PAGES.includes(p) || p === "result") {
    const req = visitRequest(a);
    const r = req && req.items.length ? estimate(req) : null;
    const live = STEP_PAGES.includes(p);
    const names = live
      ? { fund: "live-fund", patient: "live-patient", counter: "live-counter", needed: "live-terms-needed" }
      : { fund: "fund-pays", patient: "patient-pays", counter: "counter-pays", needed: "terms-needed" };
    if (!r || r.error) {
      absent(names.fund, r ? `the engine refuses the request (${r.error.message})` : "the answers are not complete");
      absent(names.patient, "no estimate is possible yet");
      if (!live && !r) { if (texts["not-ready"] === undefined) out.push("the result does not say what is missing"); }
    } else if (!r.value.settlement) {
      absent(names.fund, "the amounts wait for the person's numbers (TERMS_NEEDED)");
      if (texts[names.needed] === undefined) out.push(`${names.needed} is not shown, the engine says TERMS_NEEDED`);
    } else {
      const res = r.value;
      const s = res.settlement;
      if (live && res.mode === "manual") {
        amountOf(names.counter, s.total, null);
        amountOf(names.patient, s.patientPays, wordFor(res, true));
      } else {
        amountOf(names.fund, s.fundPays, wordFor(res, false));
        amountOf(names.patient, s.patientPays, wordFor(res, true));
        if (!live) {
          amountOf("total", s.total, null);
          if (res.mode === "manual") amountOf("counter-pays", s.total, null);
        }
      }
    }
  }
  if (p === "year" && a.visits) {
    const year = yearRequests(engine, a);
    if (!year) {
      absent("year-total-fund", "the visit's facts are not complete");
    } else {
      if (texts[`year-visit-${a.visits.length - 1}`] === undefined || texts[`year-visit-${a.visits.length}`] !== undefined) {
        out.push(`the year shows a different number of visits than the ${a.visits.length} given`);
      }
      let results = [];
      let refused = null;
      try { results = year.requests.length ? engine.estimateYear(year.requests) : []; } catch (e) { refused = e; }
      if (refused) {
        // A number the engine refuses (a limit without a ratio…): said, and no amounts.
        a.visits.forEach((v, i) => absent(`year-visit-${i}-fund`, `the engine refuses the year (${refused.message})`));
        absent("year-total-fund", "the engine refuses the year");
        if (!Object.values(texts).some((t) => t.includes(refused.messageZh || "\u0000") || t.includes(refused.message))) {
          if (!snap.alert) out.push(`the year does not say why there are no amounts: ${refused.message}`);
        }
        return out;
      }
      const sums = { fund: 0n, patient: 0n, total: 0n };
      let waiting = false;
      const fen = (t) => BigInt(decimal(t).replace(".", ""));
      results.forEach((res, k) => {
        const i = year.rows[k];
        if (!res.settlement) {
          waiting = true;
          absent(`year-visit-${i}-fund`, `visit ${i + 1} waits for its disease's numbers`);
          if (texts[`year-visit-${i}-numbers`] === undefined) out.push(`visit ${i + 1} does not say its numbers are needed`);
          return;
        }
        amountOf(`year-visit-${i}-fund`, res.settlement.fundPays, wordFor(res, false));
        amountOf(`year-visit-${i}-patient`, res.settlement.patientPays, wordFor(res, true));
        sums.fund += fen(res.settlement.fundPays);
        sums.patient += fen(res.settlement.patientPays);
        sums.total += fen(res.settlement.total);
      });
      a.visits.forEach((v, i) => { if (!year.rows.includes(i)) absent(`year-visit-${i}-fund`, `visit ${i + 1} is not complete`); });
      const yuan = (f) => `${f / 100n}.${String(f % 100n).padStart(2, "0")}`;
      if (!results.length) absent("year-total-fund", "no visit is complete");
      else if (waiting) { if (texts["year-terms-needed"] === undefined) out.push("the year's sums do not say they wait for numbers"); }
      else {
        for (const [key, name] of [["fund", "year-total-fund"], ["patient", "year-total-patient"], ["total", "year-total-total"]]) {
          if (texts[name] === undefined) out.push(`${name} is not shown`);
          else if (shownAmount(texts[name]) !== yuan(sums[key])) out.push(`${name} shows "${texts[name]}", the visits add up to ${yuan(sums[key])}`);
        }
      }
    }
  }
  return out;
}

async function snapshot(page) {
  return page.evaluate(() => {
    const texts = {};
    for (const el of document.querySelectorAll("main [data-testid]")) texts[el.dataset.testid] = el.innerText;
    const alert = [...document.querySelectorAll("main [role=alert], main .field-error:not([hidden])")].map((el) => el.innerText).join(" ");
    return { hash: location.hash, lang: document.documentElement.lang === "en" ? "en" : "zh", texts, alert };
  });
}

/** Waits until the page agrees with the model (debounced typing, chunks, the engine), else says how it does not. */
async function settle(page, m) {
  const until = Date.now() + SETTLE_MS;
  let last = [];
  for (;;) {
    const snap = await snapshot(page).catch(() => null);
    last = snap ? problems(snap, m) : ["the page is not there"];
    if (!last.length || Date.now() > until) return last;
    await page.waitForTimeout(100);
  }
}

async function runJourney(seed) {
  const rnd = generator(seed);
  const page = await browser.page();
  const m = { started: false, answers: null };
  const log = [];
  const fail = (what) => {
    throw new Error(`${what}\n\njourney seed ${seed}; replay: YIBAO_JOURNEY_SEED=${seed} node --test --test-concurrency=1 tests/browser/journeys.test.mjs\n`
      + log.map((d, i) => `  ${String(i + 1).padStart(2)}. ${d}`).join("\n"));
  };
  try {
    await page.goto(browser.url(""));
    await ready(page);
    for (let k = 0; k < STEPS_PER_JOURNEY; k += 1) {
      const p = new URLSearchParams(new URL(page.url()).hash.slice(1)).get("p") || "home";
      const shown = await page.evaluate(() => ({
        resumable: [...document.querySelectorAll("main a")].some((el) => /继续上次的填写|Continue where you left off/.test(el.textContent)),
        yearLink: Boolean(document.querySelector("[data-testid=open-year]")),
      }));
      const action = chooseAction(engine, m, p, rnd, shown);
      log.push(`${action.describe}   (on ${p})`);
      seen.pages[p] = (seen.pages[p] || 0) + 1;
      try {
        await action.run(page);
      } catch (e) {
        fail(`could not do it: ${action.describe} — ${String(e.message).split("\n")[0]}`);
      }
      action.apply(m);
      await ready(page).catch(() => fail("the page did not start again"));
      const wrong = await settle(page, m);
      if (wrong.length) fail(`after "${action.describe}":\n  - ${wrong.join("\n  - ")}`);
      if (browser.problems.length) fail(`the page reported: ${browser.problems.join("; ")}`);
    }
  } finally {
    await page.close();
  }
  return log.length;
}

test("journeys: the fragment keeps every answer, and every amount on screen is the engine's for the test's own request", async () => {
  console.log(`# journey seed ${SEED}${REPLAY !== undefined ? " (replay)" : ""}; budget ${BUDGET_MS / 1000} s, ${STEPS_PER_JOURNEY} actions a journey`);
  const started = Date.now();
  let journeys = 0;
  let actions = 0;
  do {
    actions += await runJourney((SEED + journeys * 0x9e3779b9) >>> 0);
    journeys += 1;
  } while (REPLAY === undefined && Date.now() - started < BUDGET_MS);
  console.log(`# ${journeys} journeys, ${actions} actions, every one checked, in ${Math.round((Date.now() - started) / 1000)} s`);
  console.log(`# actions taken on: ${JSON.stringify(seen.pages)}`);
  console.log(`# amounts found equal to the engine's (page, word): ${JSON.stringify(seen.amounts)}`);
  assert.ok(actions > 0);
  assert.deepEqual(browser.problems, []);
});
