// A year at a glance: the person's visits of one year (date, disease, amounts by class) through
// engine.estimateYear, which carries deductibles and limits from visit to visit — per visit and
// for the year, what the fund pays, what the person pays, and where a limit is reached; for each
// disease the year contains, whether it is recognised and (where the person's numbers are needed)
// its own numbers (year-diseases.js), and per visit which numbers it used.
// A chunk of its own (chunks.js `year`), fetched when the year is opened, with its Chinese words;
// app.js hands it the steps' chunk (later.js), whose fields and words its questions share.
import { h, clear } from "./dom.js";
import { t, pick, money, errorText, addStrings } from "./i18n.js";
import { amountText, fenText, toFen, cleanAmount } from "./money.js";
import { buildRequest } from "./request.js";
import { emptyYearVisit } from "./state.js";
import { renderStepper } from "./flow/stepper.js";
import { worded, boundWord, noneReason } from "./result/summary.js";
import { diseaseName } from "./result/wording.js";
import { diseasesOf, yearInsured, renderDiseases, numbersUsed, termPathOf } from "./year-diseases.js";
import zhYear from "./strings/zh-year.js";

addStrings("zh", zhYear);

// Its styles come with it (css/year.css; the steps' fields it shares are styled by later.css,
// which comes with later.js): chunks.js hands the module over once they apply, as later.js's.
// The path is the page's (scripts/dist.mjs rewrites it to the hashed name).
export const styled = new Promise((resolve) => {
  const link = document.createElement("link");
  link.rel = "stylesheet";
  link.href = "css/year.css";
  link.onload = link.onerror = () => resolve();
  document.head.append(link);
});

/** How far the year's sums are known: exact only when every visit's is; one kind, or "about". */
function yearBound(results) {
  const kinds = new Set(results.map((r) => (r.mode === "manual" && r.settlement.bound === "exact" ? "about" : r.settlement.bound)).filter((b) => b !== "exact"));
  return kinds.size === 0 ? "exact" : kinds.size === 1 ? [...kinds][0] : "about";
}

/** The year view; `steps` is the steps' chunk (later.js), for the questions about each disease. */
export function renderYear(ctx, steps) {
  const { state, api } = ctx;

  // The visit the person already described is the year's first.
  let visits = state.yearVisits.length
    ? state.yearVisits
    : [{ date: state.visitDate, disease: state.disease, A: state.amountA, B: state.amountB, C: state.amountC }];
  const save = () => ctx.set({ yearVisits: visits });
  if (!state.yearVisits.length) save();

  const base = buildRequest({ ...state, disease: state.disease || (visits[0] && visits[0].disease) || "x", costMode: "quick" });
  const back = h("a", { class: "link", href: ctx.hrefTo("result"), on: { click: (e) => ctx.follow(e, "result") } }, t("year.back"));
  const head = [renderStepper(ctx, "result"), h("h1", { tabindex: "-1" }, t("year.title")), h("p", { class: "intro" }, t("year.intro"))];
  if (!base.request) {
    const step = base.missing[0].step;
    return h("div", { class: "flow year" }, head,
      h("p", { class: "callout warn" }, t("year.needSteps"), " ",
        h("a", { class: "link", href: ctx.hrefTo(step), on: { click: (e) => ctx.follow(e, step) } }, t("year.fill"))));
  }

  const list = h("ol", { class: "year-visits" });
  const undoSlot = h("div", { class: "year-undo-slot" });
  const diseaseSlot = h("div", { class: "year-diseases-slot" });
  const nameOf = (id) => diseaseName(ctx, id);
  const totals = h("section", { class: "card year-totals", "aria-live": "polite" });
  const cells = [];

  const requestOf = (v, insured) => {
    const items = ["A", "B", "C"].map((cls) => ({ class: cls, amount: cleanAmount(v[cls]) })).filter((i) => i.amount !== "");
    // Each visit's year-to-date comes from the ones before it (estimateYear), not from the form.
    const { ytd, ...request } = base.request;
    return { ...request, insured, visit: { ...request.visit, date: v.date, disease: v.disease }, items };
  };
  const ready = (v) => /^\d{4}-\d{2}-\d{2}$/.test(v.date) && v.disease && requestOf(v).items.length;

  /** Records an answer about a disease; a choice or a pressed chip draws the card again (focus kept). */
  function answer(patch, redraw) {
    ctx.set(patch);
    if (redraw) drawDiseases();
    compute();
  }

  // A bad number of a disease is shown beside its field too. The page's own error pass (app.js
  // refresh → showErrors) clears the fields it has no error for, so it is shown again after it.
  let termError = null;
  function markTermError() {
    for (const field of diseaseSlot.querySelectorAll("[data-path]")) {
      const slot = field.querySelector(":scope > .field-error");
      const text = termError && termError.path === field.dataset.path ? termError.text : "";
      if (!slot) continue;
      slot.textContent = text;
      slot.hidden = !text;
      field.classList.toggle("invalid", Boolean(text));
    }
  }
  ctx.onComputed = markTermError;

  function drawDiseases() {
    const active = document.activeElement && document.activeElement.id;
    clear(diseaseSlot).append(renderDiseases(steps, ctx, diseasesOf(visits), nameOf, answer) || "");
    const again = active && document.getElementById(active);
    if (again && diseaseSlot.contains(again)) again.focus();
  }

  function showVisit(i, result) {
    const s = result.settlement;
    const disease = nameOf(visits[i].disease);
    // Nothing payable: say why (not recognised, not listed…), not just "医保付 0".
    const reason = result.mode === "none" && noneReason(result.eligibility);
    const mode = h("p", { class: "year-mode", dataset: { testid: `year-visit-${i}-mode`, mode: result.mode } },
      reason ? t(`verdict.none.${reason}`, { disease }) : t(`result.mode.${result.mode}`));
    const used = numbersUsed(result, disease);
    const usedLine = used ? h("p", { class: "hint", dataset: { testid: `year-visit-${i}-numbers` } }, used) : null;
    if (!s) {
      // No numbers for this disease yet (a place without a pack, or a national disease the pack does not price).
      clear(cells[i].out).append(mode, usedLine);
      return false;
    }
    const above = toFen(s.aboveCap) || 0;
    const left = s.capRemaining === null ? null : Math.max(0, toFen(s.capRemaining) - toFen(s.fundPays));
    clear(cells[i].out).append(h("div", null,
      mode,
      // What the person pays at the counter first, as on the result page.
      h("p", { class: "year-amounts" },
        `${t("year.patient")} `, h("strong", { class: "patient", dataset: { testid: `year-visit-${i}-patient` } }, worded(result, true)),
        ` · ${t("year.fund")} `, h("strong", { class: "fund", dataset: { testid: `year-visit-${i}-fund` } }, worded(result))),
      toFen(s.deductible) > 0 ? h("p", { class: "hint", dataset: { testid: `year-visit-${i}-deductible` } }, t("year.deductible", { amount: money(amountText(s.deductible)) })) : null,
      above > 0 ? h("p", { class: "year-cap", dataset: { testid: `year-visit-${i}-cap` } }, "⚠ ", t("year.cap", { amount: money(fenText(above)) })) : null,
      left !== null && above === 0 ? h("p", { class: "hint" }, t("year.capLeft", { amount: money(fenText(left)) })) : null,
      usedLine));
    return true;
  }

  function compute() {
    // Date order, as estimateYear requires; results go back to the rows they came from.
    const order = visits.map((v, i) => i).filter((i) => ready(visits[i])).sort((a, b) => (visits[a].date < visits[b].date ? -1 : visits[a].date > visits[b].date ? 1 : a - b));
    cells.forEach((c) => { clear(c.out).append(h("p", { class: "hint" }, t("year.incomplete"))); });
    clear(totals);
    termError = null;
    markTermError();
    if (!order.length) return;
    // A year link opened before the engine has arrived: the page draws again when it comes.
    if (api.pending) {
      order.forEach((i) => clear(cells[i].out).append(h("p", { class: "hint", role: "status" }, t("app.loading"))));
      return;
    }
    const insured = yearInsured(steps, api, ctx.state, diseasesOf(visits));
    const r = api.attempt("estimateYear", order.map((i) => requestOf(visits[i], insured)));
    if (!r.ok) {
      termError = { path: termPathOf(r.error.path), text: errorText(r.error) };
      markTermError();
      const m = /^\[(\d+)\]/.exec(r.error.path || "");
      const row = m ? order[Number(m[1])] : order[0];
      clear(cells[row].out).append(h("p", { class: "field-error", role: "alert" }, errorText(r.error)));
      return;
    }
    const sum = { total: 0, fundPays: 0, patientPays: 0 };
    let waiting = false; // a visit without amounts (no numbers yet for its disease)
    r.value.forEach((result, k) => {
      if (!showVisit(order[k], result)) waiting = true;
      else for (const key of Object.keys(sum)) sum[key] += toFen(result.settlement[key]) || 0;
    });
    if (waiting) {
      totals.append(h("h2", null, t("year.yearTitle")), h("p", { class: "hint", dataset: { testid: "year-terms-needed" } }, t("terms.neededShort")));
      return;
    }
    // The sums are as far known as their visits: "最多" when any visit's fund is at most, …
    const bounded = { mode: "direct", settlement: { bound: yearBound(r.value) } };
    const word = (key) => (key === "total" ? "" : boundWord(bounded, key === "patientPays"));
    const row = (key, label, cls) => h("p", { class: "year-total-row" }, `${t(`year.${label}`)} `,
      h("strong", { class: cls, dataset: { testid: `year-total-${label}` } }, `${word(key) && `${word(key)} `}${money(fenText(sum[key]))}`));
    // Built with h(), whose children may be null: the DOM's own append would print "null".
    totals.append(h("div", null,
      h("h2", null, t("year.yearTitle"), " ", h("span", { class: "hint" }, t("year.yearLead", { n: order.length }))),
      row("total", "total", null), row("patientPays", "patient", "patient"), row("fundPays", "fund", "fund"),
      h("p", { class: "hint" }, t("year.sorted")),
      r.value.some((result) => result.usesAssumptions)
        ? h("p", { class: "callout assumed", dataset: { testid: "year-assumptions" } }, h("span", { "aria-hidden": "true" }, "⚠ "), t("year.assumed"))
        : null));
  }

  const update = (i, patch) => {
    const before = diseasesOf(visits).join();
    visits = visits.map((v, j) => (j === i ? { ...v, ...patch } : v));
    save();
    // A disease new to the year, or gone from it: its questions come or go.
    if (diseasesOf(visits).join() !== before) drawDiseases();
    compute();
  };

  /** Removes a visit, offering to undo it; focus goes to the undo, not to the page's body. */
  function remove(i) {
    const removed = visits[i];
    visits = visits.filter((_, j) => j !== i);
    save();
    draw();
    const undo = h("button", {
      type: "button", class: "secondary small", dataset: { testid: "year-undo" },
      on: {
        click: () => {
          visits = [...visits.slice(0, i), removed, ...visits.slice(i)];
          save();
          clear(undoSlot);
          draw();
          const date = list.querySelector(`[data-testid="year-visit-${i}-date"]`);
          if (date) date.focus();
        },
      },
    }, t("year.undo"));
    clear(undoSlot).append(h("p", { class: "callout year-undo", role: "status" }, t("year.removed", { n: i + 1 }), " ", undo));
    undo.focus();
  }

  function row(v, i) {
    const id = (k) => `year-${i}-${k}`;
    const field = (key, label, control) => h("div", { class: "field" }, h("label", { for: id(key) }, label), control);
    const input = (key, type) => h("input", {
      id: id(key), type, value: v[key] || "", inputMode: type === "text" ? "decimal" : undefined, autocomplete: "off",
      dataset: { testid: `year-visit-${i}-${key}` },
      on: { input: (e) => update(i, { [key]: e.target.value }) },
    });
    // One list for the year (the visit date's): lists change rarely, and a row must not
    // redraw under the person's fingers while a date is typed.
    const diseases = api.diseases(state.region, state.visitDate);
    const select = h("select", { id: id("disease"), dataset: { testid: `year-visit-${i}-disease` }, on: { change: (e) => update(i, { disease: e.target.value }) } },
      h("option", { value: "" }, t("choose")),
      diseases.map((d) => h("option", { value: d.id, selected: d.id === v.disease }, pick(d.name))));
    select.value = v.disease || "";
    const out = h("div", { class: "year-out" });
    cells[i] = { out };
    // Three amounts side by side on a phone: the unit goes in the label, not after the box.
    const amount = (cls) => h("div", { class: "field" }, h("label", { for: id(cls) }, t(`year.${cls}`)), input(cls, "text"));
    return h("li", { class: "card year-visit", dataset: { testid: `year-visit-${i}` } },
      h("h2", { class: "year-visit-title" }, t("year.visit", { n: i + 1 })),
      h("div", { class: "pair" }, field("date", t("year.date"), input("date", "date")), field("disease", t("year.disease"), select)),
      h("div", { class: "year-amounts-in" }, amount("A"), amount("B"), amount("C")),
      out,
      // Named by its words, then which visit (the name starts with what is on the button).
      visits.length > 1 ? h("button", { type: "button", class: "secondary small", on: { click: () => remove(i) } },
        t("year.remove"), h("span", { class: "visually-hidden" }, t("year.removeWhich", { n: i + 1 }))) : null);
  }

  function draw() {
    cells.length = 0;
    clear(list).append(...visits.map(row));
    drawDiseases();
    compute();
  }

  const add = h("button", {
    type: "button", class: "secondary", dataset: { testid: "add-visit" },
    on: {
      click: () => {
        const last = visits[visits.length - 1] || {};
        visits = [...visits, emptyYearVisit("", last.disease || state.disease)];
        save();
        clear(undoSlot);
        draw();
        const fresh = list.querySelector("li:last-child input");
        if (fresh) fresh.focus();
      },
    },
  }, t("year.add"));
  draw();
  // Every estimate says it is not a settlement, the year's too.
  const notice = h("p", { class: "notice strong", dataset: { testid: "year-notice" } }, t("app.notice"));
  return h("div", { class: "flow year" }, head, list, undoSlot, h("div", { class: "button-row" }, add), diseaseSlot, totals, notice, h("p", null, back));
}
