// What a person does on the page, for the journey property (tests/browser/journeys.test.mjs):
// each action is chosen at random among those the current page offers, done in Chromium as a
// person would (a tap, a choice, typing), and applied to the test's own model of the answers
// (journey-model.mjs). An action carries a plain description, so a failing journey can be read
// and replayed.
import {
  REGIONS, FILING_PLACES, VISIT_PLACES, CATEGORIES, DATES, AMOUNTS, TYPED, NONE,
  hasPack, asksNumbers, freshAnswers,
} from "./journey-model.mjs";

const STEPS = ["insured", "filing", "disease", "visit", "costs"];

const radio = (page, testid, value) => page.locator(`[data-testid="${testid}"] input[value="${value}"]`).check();
const pickOne = (rnd, list) => list[Math.floor(rnd() * list.length)];

/**
 * A choice in a picker, as a person makes it: only when it changes something (Playwright's
 * selectOption fires `change` even for the option already shown; a browser does not).
 */
async function choose(page, testid, value) {
  const select = page.getByTestId(testid);
  if ((await select.inputValue()) !== value) await select.selectOption(value);
}

async function choosePlace(page, testid, place) {
  await choose(page, `${testid}-province`, place.province);
  if (place.code !== place.province) await choose(page, `${testid}-city`, place.code);
}

/** The place the visit step shows: the person's choice, else the filing place it follows. */
const shownPlace = (a) => a.visitPlace || (a.filed === "1" ? a.filingPlace : "");

/** The actions of a step page, each { describe, run(page), apply(model) }. */
function stepActions(engine, m, step, rnd) {
  const a = m.answers;
  const out = [];
  // `need`: it answers something the estimate still lacks (a person fills those in first).
  const add = (describe, run, apply, need = false) => out.push({ describe, run, apply, need });
  if (step === "insured") {
    const r = pickOne(rnd, REGIONS);
    add(`insured place ${r.code}`, async (page) => {
      await choose(page, "insured-province", r.province);
      // A municipality is chosen with the province picker alone.
      if (r.code !== r.province) await choose(page, "insured-region", r.code);
    }, () => {
      if (r.code === a.region) return;
      // A place with a pack answers with its own policy: numbers typed for another place are dropped (www/README.md).
      if (hasPack(engine, r.code)) { a.terms = {}; a.yearTerms = {}; }
      a.region = r.code;
    }, !a.region);
    const scheme = pickOne(rnd, ["employee", "resident"]);
    add(`scheme ${scheme}`, (page) => radio(page, "scheme", scheme), () => { a.scheme = scheme; });
    if (a.scheme === "employee") {
      const status = pickOne(rnd, ["working", "retired"]);
      add(`status ${status}`, (page) => radio(page, "status", status), () => { a.status = status; });
    }
  }
  if (step === "filing") {
    const filed = pickOne(rnd, ["yes", "no"]);
    add(`filed ${filed}`, (page) => radio(page, "filed", filed), () => { a.filed = filed === "yes" ? "1" : "0"; }, !a.filed);
    if (a.filed === "1") {
      const category = pickOne(rnd, CATEGORIES);
      add(`category ${category}`, (page) => radio(page, "category", category), () => { a.category = category; }, !a.category);
      const place = pickOne(rnd, FILING_PLACES);
      add(`filing place ${place.code}`, (page) => choosePlace(page, "filing-place", place), () => { a.filingPlace = place.code; }, !a.filingPlace);
      const start = pickOne(rnd, ["2025-01-01", "2025-03-01"]);
      add(`filing start ${start}`, (page) => page.getByTestId("filing-start").fill(start), () => { a.filingStart = start; }, !a.filingStart);
    }
  }
  if (step === "disease") {
    const listed = a.region && /^\d{4}-\d{2}-\d{2}$/.test(a.visitDate) ? engine.diseases(a.region, a.visitDate) : [];
    // Without an insured place the step asks for one first (its list comes from the place).
    if (listed.length) {
      const d = pickOne(rnd, listed).id;
      add(`disease ${d}`, (page) => radio(page, "disease-list", d), () => { a.disease = d; }, !a.disease);
      const rec = pickOne(rnd, ["yes", "no", "unknown"]);
      add(`recognised ${rec}`, (page) => radio(page, "recognized", rec), () => { a.recognized = rec; });
    }
  }
  if (step === "visit") {
    const date = pickOne(rnd, DATES);
    add(`visit date ${date}`, (page) => page.getByTestId("visit-date").fill(date), () => { a.visitDate = date; });
    const place = pickOne(rnd, VISIT_PLACES);
    add(`visit place ${place.code}`, (page) => choosePlace(page, "visit-place", place), () => { if (place.code !== shownPlace(a)) a.visitPlace = place.code; }, !shownPlace(a));
    const level = pickOne(rnd, ["1", "2", "3"]);
    add(`hospital level ${level}`, (page) => radio(page, "level", level), () => { a.level = level; }, !a.level);
    const net = pickOne(rnd, ["1", "0", "u"]);
    add(`networked ${net}`, (page) => radio(page, "networked", net), () => { a.networked = net; });
  }
  if (step === "costs") {
    const cls = pickOne(rnd, ["A", "B", "C"]);
    const none = !a.A && !a.B && !a.C;
    const amount = pickOne(rnd, none ? AMOUNTS.filter(Boolean) : AMOUNTS);
    add(`class ${cls} amount "${amount}"`, (page) => page.getByTestId(`amount-${cls}`).fill(amount), () => { a[cls] = amount; }, none);
    if (a.region && a.disease && asksNumbers(engine, a.region, a.visitDate, a.disease)) {
      const term = termAction(rnd, (term) => `terms-${term}`);
      add(`own number ${term.describe}`, term.run, () => { a.terms = { ...a.terms, [term.term]: term.value }; });
      // Without a ratio there are no amounts: someone who has their numbers types it.
      if (!a.terms.ratio) {
        const [typed, value] = pickOne(rnd, TYPED.ratio);
        add(`own number ratio typed "${typed}"`, (page) => page.getByTestId("terms-ratio").fill(typed), () => { a.terms = { ...a.terms, ratio: value }; }, true);
      }
    }
  }
  return out;
}

/** Typing one of the person's numbers, or pressing 无 / 不知道 beside it. */
function termAction(rnd, testidOf) {
  const term = pickOne(rnd, ["ratio", "deductible", "annualLimit"]);
  const how = pickOne(rnd, term === "ratio" ? ["type", "type", "unknown"] : ["type", "none", "unknown"]);
  const id = testidOf(term);
  if (how === "type") {
    const [typed, value] = pickOne(rnd, TYPED[term]);
    return { term, value, describe: `${term} typed "${typed}"`, run: (page) => page.getByTestId(id).fill(typed) };
  }
  const value = how === "none" ? NONE[term] : "";
  return { term, value, describe: `${term} ${how === "none" ? "无" : "不知道"}`, run: (page) => page.getByTestId(`${id}-${how}`).click() };
}

/** The year view's actions: visits added, removed, changed; each disease's answers. */
function yearActions(engine, m, rnd) {
  const a = m.answers;
  const out = [];
  const add = (describe, run, apply) => out.push({ describe, run, apply });
  if (!a.visits) return out;
  const n = a.visits.length;
  add("add a visit", (page) => page.getByTestId("add-visit").click(), () => {
    const last = a.visits[a.visits.length - 1] || {};
    a.visits.push({ date: "", disease: last.disease || a.disease, A: "", B: "", C: "" });
  });
  const i = Math.floor(rnd() * n);
  if (n > 1) {
    add(`delete visit ${i + 1}`, (page) => page.getByTestId(`year-visit-${i}`).getByRole("button", { name: /删除这次|Remove/ }).click(), () => { a.visits.splice(i, 1); });
  }
  const listed = engine.diseases(a.region, a.visitDate);
  if (listed.length) {
    const d = pickOne(rnd, listed).id;
    add(`visit ${i + 1} disease ${d}`, (page) => choose(page, `year-visit-${i}-disease`, d), () => { a.visits[i].disease = d; });
  }
  const date = pickOne(rnd, DATES);
  add(`visit ${i + 1} date ${date}`, (page) => page.getByTestId(`year-visit-${i}-date`).fill(date), () => { a.visits[i].date = date; });
  const cls = pickOne(rnd, ["A", "C"]);
  const amount = pickOne(rnd, AMOUNTS);
  add(`visit ${i + 1} class ${cls} "${amount}"`, (page) => page.getByTestId(`year-visit-${i}-${cls}`).fill(amount), () => { a.visits[i][cls] = amount; });
  const diseases = [...new Set(a.visits.map((v) => v.disease).filter(Boolean))];
  if (diseases.length) {
    const id = pickOne(rnd, diseases);
    const rec = pickOne(rnd, ["yes", "no", "unknown"]);
    add(`${id} recognised ${rec} (year)`, (page) => radio(page, `year-rec-${id}`, rec), () => {
      if (id === a.disease) a.recognized = rec;
      else if (rec === "unknown") delete a.yearRec[id];
      else a.yearRec[id] = rec;
    });
    if (asksNumbers(engine, a.region, a.visitDate, id)) {
      const term = termAction(rnd, (t) => `year-terms-${id}-${t}`);
      add(`${id} own number ${term.describe} (year)`, term.run, () => {
        if (id === a.disease) a.terms = { ...a.terms, [term.term]: term.value };
        else a.yearTerms[id] = { ...(a.yearTerms[id] || {}), [term.term]: term.value };
      });
    }
  }
  return out;
}

/** The moves every page offers: 下一步, 上一步, the browser's back and forward, the stepper, the language, reload. */
function moves(m, p) {
  const out = [];
  const add = (describe, run, apply = () => {}) => out.push({ describe, run, apply });
  if (STEPS.includes(p)) {
    // A person mostly goes on: 下一步 weighs as much as four other moves.
    for (let k = 0; k < 4; k += 1) add("下一步", (page) => page.getByTestId("next").click());
    if (p !== "insured") add("上一步", (page) => page.getByTestId("back").click());
  }
  if (p !== "home") add("browser back", (page) => page.goBack());
  add("browser forward", (page) => page.goForward());
  if (STEPS.includes(p) || p === "result" || p === "year") {
    for (const step of [...STEPS, "result"]) if (step !== p) add(`stepper → ${step}`, (page) => page.getByTestId(`stepper-${step}`).click());
  }
  add("switch language", (page) => page.getByTestId("lang-switch").click());
  add("reload", (page) => page.reload());
  return out;
}

/** The action to take next: the page's own first (answers, the year's), else a move. */
export function chooseAction(engine, m, p, rnd, { resumable, yearLink }) {
  if (!m.started) {
    return { describe: "开始试算 (费用试算)", run: (page) => page.getByTestId("start-estimate").click(), apply: () => { m.started = true; m.answers = freshAnswers(); } };
  }
  const own = STEPS.includes(p) ? stepActions(engine, m, p, rnd) : p === "year" ? yearActions(engine, m, rnd) : [];
  if (p === "result" && yearLink) {
    own.push({
      describe: "一年看病 (open the year)", run: (page) => page.getByTestId("open-year").click(),
      apply: () => {
        const a = m.answers;
        // The visit already described is the year's first.
        if (!a.visits || !a.visits.length) a.visits = [{ date: a.visitDate, disease: a.disease, A: a.A, B: a.B, C: a.C }];
      },
    });
  }
  if (p === "home" && resumable) own.push({ describe: "继续上次的填写", run: (page) => page.getByText(/继续上次的填写|Continue where you left off/).click(), apply: () => {} });
  const needed = own.filter((act) => act.need);
  if (needed.length && rnd() < 0.8) return pickOne(rnd, needed);
  const move = moves(m, p);
  // Mostly what the page asks (on the result: the year, when it is offered), sometimes a move.
  const share = p === "result" ? 0.4 : p === "year" ? 0.75 : 0.6;
  const list = own.length && rnd() < share ? own : move;
  return pickOne(rnd, list);
}
