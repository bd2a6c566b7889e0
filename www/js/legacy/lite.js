// The simple page for old webviews (legacy.html): one form, no steps, over the no-modules build.
// Built by scripts/build.sh from the main page's own modules into one classic script
// (vendor/legacy.js, ES2015) — the same reading of links (state.js), the same requests
// (request.js), the same words (strings/), elements (dom.js) and number format (money.js) — so
// the two pages cannot drift apart.
import { parseState, stateToHash, linkState, fieldOfKey } from "../state.js";
import { h } from "../dom.js";
import { buildRequest, fieldPathOf, visitPlaceOf, factsNeeded } from "../request.js";
import { loadNoModulesEngine } from "../engine.js";
import { setLang, t, pick, money, errorText, paren, addLanguage } from "../i18n.js";
import chinese from "../strings/zh.js";
import chineseSteps from "../strings/zh-steps.js";
import chineseScreens from "../strings/zh-screens.js";
import english from "../strings/en.js";
import { amountText, percentText } from "../money.js";
import { boundWord, statusKey } from "../result/summary.js";
import { CATEGORIES } from "../flow/categories.js";
import { loadDivisions, loadedDivisions, pickerPlaces } from "../divisions.js";
import { TERM_FIELDS } from "../terms.js";
import { needsOwnTerms, termsAsked, termFields } from "../flow/own-terms.js";
import { typedToValue, valueToTyped } from "../term-input.js";

// One classic script for old webviews: both languages are in it, nothing is fetched on request.
addLanguage("zh", Object.assign({}, chinese, chineseSteps, chineseScreens)); // the filing categories are among the home's words
addLanguage("en", english);

const form = document.getElementById("lite-form");
const out = document.getElementById("lite-result");
const link = linkState(location);
let state = parseState(link.text);
let api = null;

function field(key, path, label, control) {
  control.id = `lite-${key}`;
  control.name = key;
  control.setAttribute("aria-describedby", `lite-${key}-err`);
  return h("div", { class: "field", "data-path": path }, [h("label", { for: control.id, text: label }), control,
    h("p", { class: "field-error", id: `lite-${key}-err`, hidden: true })]);
}

function select(key, path, label, options, value) {
  const s = h("select", {}, [h("option", { value: "", text: t("choose") })].concat(options.map((o) => h("option", { value: o[0], text: o[1] }))));
  s.value = value || "";
  return field(key, path, label, s);
}

function input(key, path, label, type, value) {
  const i = h("input", { type, value: value || "", inputmode: type === "text" ? "decimal" : null, autocomplete: "off" });
  return field(key, path, label, i);
}

function section(title, children) {
  return h("fieldset", { class: "card" }, [h("legend", { text: title })].concat(children));
}

/** Every insured place once the division list is here (the packs' regions until then). */
function regionOptions() {
  const loaded = loadedDivisions();
  if (!loaded) return api.regions().map((r) => [r.code, pick(r.name)]);
  const list = [];
  loaded.forEach((p) => {
    const name = pick({ zh: p.zh, en: p.en });
    if (!p.regions.length) list.push([p.code, name]);
    p.regions.forEach((r) => list.push([r.code, `${name} · ${pick({ zh: r.zh, en: r.en })}`]));
  });
  return list;
}

/** The person's own numbers, for a place without a pack or a national disease its pack does not price: the fields the main page asks (those the pack leaves to the person, this filing's). */
function termsSection() {
  if (!state.region || !needsOwnTerms(api, state.region, state.visitDate, state.disease)) return null;
  const fields = termFields(state, termsAsked(api, state.region, state.visitDate, state.disease)).shown;
  if (!fields.length) return null;
  return section(t("terms.title", { region: (regionOptions().find((o) => o[0] === state.region) || [0, state.region])[1] }), [
    h("p", { class: "hint", text: t("terms.unknownAll") }),
    h("ul", { class: "hint" }, ["notice", "app", "hotline"].map((k) => h("li", { text: t(`terms.where.${k}`) }))),
  ].concat(fields.map((f) => {
    const box = input(f.key, `insured.terms.${f.term}`, `${t(`terms.${f.term}`)}${f.kind === "ratio" ? "（%）" : `（${t("yuan")}）`}`, "text",
      valueToTyped(f, state[f.key], t("terms.noneWord")));
    box.insertBefore(h("p", { class: "hint", text: `${t(`terms.${f.term}.hint`)} ${f.none !== null ? `${t("terms.answer.none")} / ` : ""}${t("terms.answer.unknown")}` }), box.querySelector("input"));
    return box;
  })));
}

function placeOptions() {
  const list = [];
  // Every prefecture once the division list is here (as the main page's pickers), the engine's places until then.
  pickerPlaces(api.places()).forEach((p) => {
    list.push([p.code, pick(p.name)]);
    p.cities.forEach((c) => list.push([c.code, `${pick(p.name)} · ${pick(c.name)}`]));
  });
  return list;
}

/** The form's value of a state key, and how a choice writes back into the state. */
const FILING = (s) => (s.filed === "0" ? "none" : s.filed === "1" ? s.category : "");
const WRITE = {
  fc: (v) => (v === "none" ? { filed: "0", category: "" } : v ? { filed: "1", category: v } : { filed: "", category: "" }),
};
// The numbers are typed as on the main page ("70", "70%", "无", "不知道") and kept as ratios.
TERM_FIELDS.forEach((f) => { WRITE[f.key] = (v) => ({ [f.key]: typedToValue(f, v) }); });

function buildForm() {
  const places = placeOptions();
  const regions = regionOptions();
  const diseases = api.diseases(state.region || api.regions()[0].code, state.visitDate).map((d) => [d.id, pick(d.name)]);
  const cats = CATEGORIES.map(([id]) => [id, t(`category.${id}`)]);
  const lines = state.costMode === "detail" ? state.lines.length : 0;
  form.textContent = "";
  [
    section(t("step.insured"), [
      select("r", "insured.region", t("insured.region"), regions, state.region),
      select("sc", "insured.scheme", t("insured.scheme"), [["employee", t("scheme.employee")], ["resident", t("scheme.resident")]], state.scheme),
      select("es", "insured.status", t("insured.status"), [["working", t("status.working")], ["retired", t("status.retired")]], state.status),
    ]),
    termsSection(),
    section(t("step.filing"), [
      select("fc", "filing.category", t("filing.category"), [["none", t("filing.no")]].concat(cats), FILING(state)),
      select("fp", "filing.place", t("filing.place"), places, state.filingPlace),
      input("fs", "filing.start", t("filing.start"), "date", state.filingStart),
      input("fe", "filing.end", `${t("filing.end")} ${t("optional")}`, "date", state.filingEnd),
    ]),
    section(t("step.disease"), [
      select("d", "visit.disease", t("disease.list"), diseases, state.disease),
      select("rec", "insured.recognizedDiseases", t("disease.recognized"), ["yes", "no", "unknown"].map((v) => [v, t(`recognized.${v}`)]), state.recognized),
    ]),
    section(t("step.visit"), [
      input("vd", "visit.date", t("visit.date"), "date", state.visitDate),
      select("vp", "visit.place", t("visit.place"), places, visitPlaceOf(state)),
      select("hl", "visit.hospitalLevel", t("visit.level"), ["3", "2", "1"].map((v) => [v, t(`level.${v}`)]), state.level),
      select("net", "visit.networked", t("visit.networked"), [["1", t("networked.yes")], ["0", t("networked.no")], ["u", t("networked.unknown")]], state.networked),
    ]),
    section(t("step.costs"), [
      input("qa", "quick.A", t("costs.amountA"), "text", state.amountA),
      input("qb", "quick.B", t("costs.amountB"), "text", state.amountB),
      input("qc", "quick.C", t("costs.amountC"), "text", state.amountC),
      input("yd", "ytd.deductiblePaid", t("costs.ytdDeductible"), "text", state.ytdDeductible),
      input("yf", "ytd.fundPaid", t("costs.ytdFund"), "text", state.ytdFund),
      lines ? h("p", { class: "hint", text: t("lite.lines", { n: lines }) }) : null,
    ]),
  ].forEach((node) => { if (node) form.appendChild(node); });
}

function showError(path) {
  Array.prototype.forEach.call(form.querySelectorAll("[data-path]"), (f) => {
    const slot = f.querySelector(".field-error");
    const message = path && f.getAttribute("data-path") === path.path ? path.text : "";
    slot.textContent = message;
    if (message) slot.removeAttribute("hidden"); else slot.setAttribute("hidden", "");
  });
}

function syncUrl() {
  history.replaceState(null, "", `${location.pathname}${link.rest}${stateToHash(state)}`);
  document.getElementById("lite-full").href = `./${stateToHash(Object.assign({}, state, { page: "result" }))}`;
}

/** The eligibility alone: no costs yet, or no numbers for a place without a pack. */
function eligibilityOnly(built) {
  const { items, ...request } = built.request;
  const r = api.checkEligibility(request);
  return r.ok ? { ok: true, value: { eligibility: r.value, mode: null, settlement: null, notice: null } } : r;
}

function checklist(eligibility) {
  const warned = eligibility.warnings.filter((w) => /^TERMS_|PARAMETERS_/.test(w.code));
  return h("ul", { class: "checklist card" }, eligibility.checks.map((c) => h("li", { class: `check ${c.status}`, "data-code": c.code, "data-status": c.status }, [
    h("span", { class: "check-icon", "aria-hidden": "true", text: { pass: "✓", fail: "✗", warn: "!" }[c.status] }),
    h("div", {}, [h("p", { class: "check-message", text: `${pick(c.message)}（${t(`status.${statusKey(c)}`)}）` }),
      c.action ? h("p", { class: "next-step", text: `${t("result.nextStep")} ${pick(c.action.message)}` }) : null]),
  ])).concat(warned.map((w) => h("li", { class: "check warn", "data-code": w.code }, [h("p", { class: "check-message", text: pick(w.message) })]))));
}

function render() {
  out.textContent = "";
  syncUrl();
  // The facts its pack needs shape the request as on the main page (武威: the other recognised
  // diseases, not asked here, so left unknown).
  const built = buildRequest(state, factsNeeded(api, state.region, state.visitDate));
  if (!built.request) {
    const now = built.missing.filter((m) => m.now)[0];
    showError(now ? { path: now.path, text: t(now.key) } : null);
    out.appendChild(h("p", { class: "hint", text: t("lite.incomplete") }));
    return;
  }
  const r = built.request.items.length ? api.estimate(built.request) : eligibilityOnly(built);
  if (!r.ok) {
    showError({ path: fieldPathOf(r.error.path, built.itemPaths), text: errorText(r.error) });
    out.appendChild(h("p", { class: "callout fail", text: errorText(r.error) }));
    return;
  }
  showError(null);
  const result = r.value;
  const s = result.settlement;
  // The mode is the engine's (checkEligibility returns it too): one rule, in Rust.
  const mode = result.mode || result.eligibility.mode;
  // As on the main page: the fund's amount and the person's share worded by settlement.bound.
  const number = (cls, label, testid, amount, word) => h("div", { class: `number ${cls}` }, [h("p", { class: "number-label", text: label }),
    h("p", { class: "number-value", "data-testid": testid, text: `${word ? `${word} ` : ""}${money(amountText(amount))}` })]);
  // As on the main page: direct settlement holds only at a networked hospital.
  const ifNetworked = mode === "direct" && result.eligibility.checks.some((c) => c.code === "HOSPITAL_NETWORKED" && c.status === "warn")
    ? [h("p", { "data-testid": "verdict-if-networked", text: t("verdict.ifNetworked") })] : [];
  out.appendChild(h("div", { class: `verdict ${mode}`, "data-testid": "verdict", "data-mode": mode }, [h("p", { class: "verdict-title", text: t(`result.mode.${mode}`) })].concat(ifNetworked)));
  if (s) {
    const fund = boundWord(result);
    const patient = boundWord(result, true);
    const rows = mode === "manual"
      ? [number("counter", t("result.manual.counter"), "counter-pays", s.total), number("fund", t("result.manual.claim"), "fund-pays", s.fundPays, fund), number("patient", t("result.manual.end"), "patient-pays", s.patientPays, patient)]
      : [number("patient", t(`result.${mode}.${mode === "direct" ? "counter" : "patient"}`), "patient-pays", s.patientPays, patient), number("fund", t(`result.${mode}.fund`), "fund-pays", s.fundPays, fund)];
    out.appendChild(h("div", { class: "numbers" }, rows.concat([h("p", { class: "number-total" }, [`${t("result.total")} `, h("strong", { "data-testid": "total", text: money(amountText(s.total)) })])])));
  } else if (!built.request.items.length) {
    out.appendChild(h("p", { class: "hint", text: t("next.counterCheck") }));
  }
  const terms = built.request.insured.terms;
  if (s && terms && result.trace.some((st) => st.provenance === "user")) {
    out.appendChild(h("p", { class: "hint", "data-testid": "your-terms", text: `${t("terms.yoursTitle")}${t("colon")}${TERM_FIELDS.filter((f) => f.term in terms)
      .map((f) => `${t(`terms.${f.term}`)} ${terms[f.term] === null ? t("terms.annualLimit.none") : f.kind === "ratio" ? percentText(terms[f.term]) : money(amountText(terms[f.term]))}`).join(t("listSep"))}${paren(t("prov.user"))}` }));
  }
  if (result.usesAssumptions) out.appendChild(h("p", { class: "callout assumed", "data-testid": "assumptions", text: `⚠ ${t("lite.assumptions")}` }));
  out.appendChild(checklist(result.eligibility));
  out.appendChild(h("p", { class: "notice strong", "data-testid": "notice", text: result.notice ? pick(result.notice) : t("app.notice") }));
}

function onChange(e) {
  const key = e.target.name;
  const value = e.target.value.trim();
  // The form's fields are named by their URL keys (state.js), or by their state keys (the terms).
  state = Object.assign({}, state, WRITE[key] ? WRITE[key](value) : { [fieldOfKey(key)]: value });
  // A new region or date changes the disease list; a disease, whether its numbers are asked.
  if (e.type === "change" && (key === "r" || key === "vd" || key === "d")) buildForm();
  render();
}

function start() {
  setLang(state.lang);
  document.getElementById("lite-title").textContent = t("lite.title");
  const sw = document.getElementById("lite-lang");
  sw.textContent = t("app.switchLang");
  sw.setAttribute("lang", state.lang === "en" ? "zh-CN" : "en");
  sw.addEventListener("click", (e) => {
    e.preventDefault();
    state = Object.assign({}, state, { lang: state.lang === "en" ? "zh" : "en" });
    syncUrl();
    location.reload();
  });
  document.getElementById("lite-full").textContent = t("lite.full");
  out.textContent = t("app.loading");
  // The insured-place list is a static file: fetched beside the wasm, the form redrawn when it comes.
  const divisions = loadDivisions();
  loadNoModulesEngine(() => { out.textContent = t("app.loadingSlower"); }).then((engineApi) => {
    divisions.then(() => { buildForm(); render(); }, () => {});
    api = engineApi;
    buildForm();
    form.addEventListener("input", onChange);
    form.addEventListener("change", onChange);
    // Another link opened in the same page (only the fragment changed): read it afresh.
    window.addEventListener("hashchange", () => {
      state = parseState(linkState(location).text);
      buildForm();
      render();
    });
    render();
    document.documentElement.setAttribute("data-boot", "ready");
  }, (e) => {
    out.textContent = `${t("app.loadFailed")} ${e && e.message ? e.message : e}`;
  });
}

start();
