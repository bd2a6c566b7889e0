// A year at a glance: the person's visits of one year (date, disease, amounts by class) through
// engine.estimateYear, which carries deductibles and limits from visit to visit — per visit and
// for the year, what the fund pays, what the person pays, and where a limit is reached.
// Loaded on demand; everything from the page comes in `kit` (see year-loader.js).
import STRINGS from "./strings.js";

export function renderYear(ctx, kit) {
  const { h, clear, pick, money, amountText, fenText, toFen, cleanAmount } = kit;
  const words = STRINGS[kit.getLang()] || STRINGS.zh;
  const w = (key, params) => words[key].replace(/\{(\w+)\}/g, (_, k) => String(params[k]));
  const { state, api } = ctx;

  // The visit the person already described is the year's first.
  let visits = state.yearVisits.length
    ? state.yearVisits
    : [{ date: state.visitDate, disease: state.disease, A: state.amountA, B: state.amountB, C: state.amountC }];
  const save = () => ctx.set({ yearVisits: visits });
  if (!state.yearVisits.length) save();

  // Written without object spread: esbuild would lower it (target es2017) into a helper chunk
  // shared with the first estimate's bundle, one more request on its path.
  const base = kit.buildRequest(Object.assign({}, state, { disease: state.disease || (visits[0] && visits[0].disease) || "x", costMode: "quick" }));
  const back = h("a", { class: "link", href: ctx.hrefTo("result"), on: { click: (e) => ctx.follow(e, "result") } }, words.back);
  const head = [kit.renderStepper(ctx, "result"), h("h1", { tabindex: "-1" }, words.title), h("p", { class: "intro" }, words.intro)];
  if (!base.request) {
    const step = base.missing[0].step;
    return h("div", { class: "flow year" }, head,
      h("p", { class: "callout warn" }, words.needSteps, " ",
        h("a", { class: "link", href: ctx.hrefTo(step), on: { click: (e) => ctx.follow(e, step) } }, words.fill)));
  }

  const list = h("ol", { class: "year-visits" });
  const totals = h("section", { class: "card year-totals", "aria-live": "polite" });
  const cells = [];

  const requestOf = (v) => {
    const items = ["A", "B", "C"].map((cls) => ({ class: cls, amount: cleanAmount(v[cls]) })).filter((i) => i.amount !== "");
    // Each visit's year-to-date comes from the ones before it (estimateYear), not from the form.
    const request = Object.assign({}, base.request, { visit: Object.assign({}, base.request.visit, { date: v.date, disease: v.disease }), items });
    delete request.ytd;
    return request;
  };
  const ready = (v) => /^\d{4}-\d{2}-\d{2}$/.test(v.date) && v.disease && requestOf(v).items.length;

  function compute() {
    // Date order, as estimateYear requires; results go back to the rows they came from.
    const order = visits.map((v, i) => i).filter((i) => ready(visits[i])).sort((a, b) => (visits[a].date < visits[b].date ? -1 : visits[a].date > visits[b].date ? 1 : a - b));
    cells.forEach((c) => { clear(c.out).append(h("p", { class: "hint" }, words.incomplete)); });
    if (!order.length) { clear(totals); return; }
    // A year link opened before the engine has arrived: the page draws again when it comes.
    if (api.pending) {
      order.forEach((i) => clear(cells[i].out).append(h("p", { class: "hint", role: "status" }, kit.t("app.loading"))));
      clear(totals);
      return;
    }
    const r = api.attempt("estimateYear", order.map((i) => requestOf(visits[i])));
    if (!r.ok) {
      const m = /^\[(\d+)\]/.exec(r.error.path || "");
      const row = m ? order[Number(m[1])] : order[0];
      clear(cells[row].out).append(h("p", { class: "field-error", role: "alert" }, kit.errorText(r.error)));
      clear(totals);
      return;
    }
    const sum = { total: 0, fundPays: 0, patientPays: 0 };
    let waiting = false; // a visit without amounts (a place without a pack, no numbers yet)
    const assumed = r.value.some((result) => result.usesAssumptions);
    r.value.forEach((result, k) => {
      const i = order[k];
      const s = result.settlement;
      if (!s) {
        // A place without a pack and no numbers entered: the mode, no amounts.
        waiting = true;
        clear(cells[i].out).append(h("p", { class: "year-mode" }, kit.t(`result.mode.${result.mode}`)), h("p", { class: "hint" }, kit.t("terms.neededShort")));
        return;
      }
      for (const key of Object.keys(sum)) sum[key] += toFen(s[key]) || 0;
      const above = toFen(s.aboveCap) || 0;
      const left = s.capRemaining === null ? null : Math.max(0, toFen(s.capRemaining) - toFen(s.fundPays));
      clear(cells[i].out).append(...[
        h("p", { class: "year-mode" }, kit.t(`result.mode.${result.mode}`)),
        // What the person pays at the counter first, as on the result page.
        h("p", { class: "year-amounts" },
          `${words.patient} `, h("strong", { class: "patient", dataset: { testid: `year-visit-${i}-patient` } }, money(amountText(s.patientPays))),
          ` · ${words.fund} `, h("strong", { class: "fund", dataset: { testid: `year-visit-${i}-fund` } }, money(amountText(s.fundPays)))),
        above > 0 ? h("p", { class: "year-cap", dataset: { testid: `year-visit-${i}-cap` } }, "⚠ ", w("cap", { amount: money(fenText(above)) })) : null,
        left !== null && above === 0 ? h("p", { class: "hint" }, w("capLeft", { amount: money(fenText(left)) })) : null,
      ].filter(Boolean));
    });
    if (waiting) {
      clear(totals).append(h("h2", null, words.yearTitle), h("p", { class: "hint", dataset: { testid: "year-terms-needed" } }, kit.t("terms.neededShort")));
      return;
    }
    clear(totals).append(
      h("h2", null, words.yearTitle, " ", h("span", { class: "hint" }, w("yearLead", { n: order.length }))),
      h("p", { class: "year-total-row" }, `${words.total} `, h("strong", { dataset: { testid: "year-total-total" } }, money(fenText(sum.total)))),
      h("p", { class: "year-total-row" }, `${words.patient} `, h("strong", { class: "patient", dataset: { testid: "year-total-patient" } }, money(fenText(sum.patientPays)))),
      h("p", { class: "year-total-row" }, `${words.fund} `, h("strong", { class: "fund", dataset: { testid: "year-total-fund" } }, money(fenText(sum.fundPays)))),
      h("p", { class: "hint" }, words.sorted),
      assumed ? h("p", { class: "callout assumed", dataset: { testid: "year-assumptions" } }, h("span", { "aria-hidden": "true" }, "⚠ "), words.assumed) : null);
  }

  const update = (i, patch) => {
    visits = visits.map((v, j) => (j === i ? Object.assign({}, v, patch) : v));
    save();
    compute();
  };

  function row(v, i) {
    const id = (k) => `year-${i}-${k}`;
    const field = (key, label, control) => h("div", { class: "field" }, h("label", { for: id(key) }, label), control);
    const input = (key, type) => h("input", {
      id: id(key), type, value: v[key] || "", inputMode: type === "text" ? "decimal" : undefined, autocomplete: "off",
      dataset: { testid: `year-visit-${i}-${key === "date" ? "date" : key}` },
      on: { input: (e) => update(i, { [key]: e.target.value }) },
    });
    // One list for the year (the visit date's): lists change rarely, and a row must not
    // redraw under the person's fingers while a date is typed.
    const diseases = api.diseases(state.region, state.visitDate);
    const select = h("select", { id: id("disease"), dataset: { testid: `year-visit-${i}-disease` }, on: { change: (e) => update(i, { disease: e.target.value }) } },
      h("option", { value: "" }, kit.t("choose")),
      diseases.map((d) => h("option", { value: d.id, selected: d.id === v.disease }, pick(d.name))));
    select.value = v.disease || "";
    const out = h("div", { class: "year-out" });
    cells[i] = { out };
    // Three amounts side by side on a phone: the unit goes in the label, not after the box.
    const amount = (cls) => h("div", { class: "field" }, h("label", { for: id(cls) }, words[cls]), input(cls, "text"));
    return h("li", { class: "card year-visit", dataset: { testid: `year-visit-${i}` } },
      h("h2", { class: "year-visit-title" }, w("visit", { n: i + 1 })),
      h("div", { class: "pair" }, field("date", words.date, input("date", "date")), field("disease", words.disease, select)),
      h("div", { class: "year-amounts-in" }, amount("A"), amount("B"), amount("C")),
      out,
      visits.length > 1 ? h("button", {
        type: "button", class: "secondary small", "aria-label": w("removeLabel", { n: i + 1 }),
        on: { click: () => { visits = visits.filter((_, j) => j !== i); save(); draw(); } },
      }, words.remove) : null);
  }

  function draw() {
    cells.length = 0;
    clear(list).append(...visits.map(row));
    compute();
  }

  const add = h("button", {
    type: "button", class: "secondary", dataset: { testid: "add-visit" },
    on: {
      click: () => {
        const last = visits[visits.length - 1] || {};
        visits = [...visits, kit.emptyYearVisit("", last.disease || state.disease)];
        save();
        draw();
        const fresh = list.querySelector("li:last-child input");
        if (fresh) fresh.focus();
      },
    },
  }, words.add);
  draw();
  // Every estimate says it is not a settlement, the year's too.
  const notice = h("p", { class: "notice strong", dataset: { testid: "year-notice" } }, kit.t("app.notice"));
  return h("div", { class: "flow year" }, head, list, h("div", { class: "button-row" }, add), totals, notice, h("p", null, back));
}
