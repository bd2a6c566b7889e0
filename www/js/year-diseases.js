// The year view's questions about each disease the year contains (issue 20): has the insured
// place recognised it (是 / 否 / 不知道 → insured.recognition), and — at a place without a pack,
// or for a national disease its pack does not price — the person's own numbers for it
// (→ insured.termsByDisease). The visit's own disease (`d`) keeps its answers where the steps
// put them (`rec`, `tr`…`tu`); every other disease has its own entries (`yr`, `tb`: state.js),
// so an old link means what it meant and no disease borrows another's numbers.
// `steps` is the steps' chunk (later.js: the fields, needsOwnTerms), which app.js hands the year
// view: imported here, it would split that chunk in two for every result link.
import { h } from "./dom.js";
import { t, pick } from "./i18n.js";
import { TERM_FIELDS, termsOf } from "./terms.js";

/** The diseases of the year's visits, each once, in the order they first appear. */
export function diseasesOf(visits) {
  return [...new Set(visits.map((v) => v.disease).filter(Boolean))];
}

const entryOf = (list, id) => (list || []).map((text) => text.split("*")).find((parts) => parts[0] === id);

/** "yes", "no" or "unknown": the step's answer for the visit's disease, the year's for the others. */
export function recognitionOf(state, id) {
  if (id === state.disease) return state.recognized;
  const entry = entryOf(state.yearRecognition, id);
  return entry && ["yes", "no"].includes(entry[1]) ? entry[1] : "unknown";
}

/** The disease's numbers as the state's term keys (termsRatio…), for terms.js and the fields. */
export function termsStateOf(state, id) {
  if (id === state.disease) return state;
  const entry = entryOf(state.yearTerms, id) || [];
  return Object.fromEntries(TERM_FIELDS.map((f, i) => [f.key, entry[i + 1] || ""]));
}

/** The state patch that records a recognition answer. */
function withRecognition(state, id, value) {
  if (id === state.disease) return { recognized: value };
  const others = (state.yearRecognition || []).filter((text) => text.split("*")[0] !== id);
  return { yearRecognition: value === "unknown" ? others : [...others, `${id}*${value}`] };
}

/** The state patch that records one of a disease's numbers. */
function withTerm(state, id, field, value) {
  if (id === state.disease) return { [field.key]: value };
  const values = TERM_FIELDS.map((f) => (f === field ? value : termsStateOf(state, id)[f.key]));
  const others = (state.yearTerms || []).filter((text) => text.split("*")[0] !== id);
  return { yearTerms: values.some(Boolean) ? [...others, [id, ...values].join("*")] : others };
}

/**
 * The year's `insured`: who, each disease's recognition as far as it is known, and the numbers
 * of each disease that needs them. No `terms` for "the others": a disease without its own
 * numbers waits for them (TERMS_NEEDED) rather than borrowing another's.
 */
export function yearInsured(steps, api, state, diseases) {
  const insured = { region: state.region, scheme: state.scheme, status: state.status };
  const recognition = {};
  const byDisease = {};
  for (const id of diseases) {
    const known = recognitionOf(state, id);
    if (known !== "unknown") recognition[id] = known === "yes";
    const terms = steps.needsOwnTerms(api, state.region, state.visitDate, id) && termsOf(termsStateOf(state, id));
    if (terms) byDisease[id] = terms;
  }
  if (Object.keys(recognition).length) insured.recognition = recognition;
  if (Object.keys(byDisease).length) insured.termsByDisease = byDisease;
  return insured;
}

/** Where an engine error about a disease's numbers is shown: its field in this card. */
export function termPathOf(errorPath) {
  const m = /insured\.termsByDisease\.(\w+)\.(\w+)/.exec(errorPath || "");
  return m ? `year.terms.${m[1]}.${m[2]}` : null;
}

/**
 * The card: one block per disease, its recognition and (where needed) its numbers. `answer(patch,
 * redraw)` records an answer; a pressed chip or a choice draws the card again.
 */
export function renderDiseases(steps, ctx, diseases, nameOf, answer) {
  const { state, api } = ctx;
  if (!diseases.length) return null;
  const block = (id) => {
    const name = nameOf(id);
    const terms = steps.needsOwnTerms(api, state.region, state.visitDate, id) ? termsStateOf(state, id) : null;
    return h("fieldset", { class: "year-disease", dataset: { testid: `year-disease-${id}` } },
      h("legend", null, name),
      steps.radioGroup({
        path: `year.recognition.${id}`, legend: t("year.recognized", { disease: name }), value: recognitionOf(state, id), compact: true,
        testid: `year-rec-${id}`, options: ["yes", "no", "unknown"].map((v) => ({ value: v, label: t(`recognized.${v}`) })),
        onChange: (v) => answer(withRecognition(ctx.state, id, v), true),
      }),
      terms ? [h("p", { class: "hint" }, t("year.termsFor", { disease: name })),
        TERM_FIELDS.filter((f) => steps.relevantTerm(state, f)).map((f) => steps.termField(f, terms[f.key],
          (v, pressed) => answer(withTerm(ctx.state, id, f, v), pressed), `year.terms.${id}.${f.term}`, `year-terms-${id}-${f.term}`))] : null);
  };
  return h("section", { class: "card year-diseases", "aria-labelledby": "year-diseases-title", dataset: { testid: "year-diseases" } },
    h("h2", { id: "year-diseases-title" }, t("year.diseasesTitle")),
    h("p", { class: "hint" }, t("year.diseasesLead")),
    diseases.map(block));
}

/** Which numbers a visit's amounts used, in words: the person's for its disease, or the pack's. */
export function numbersUsed(result, diseaseName) {
  if (!result.settlement) return t("year.termsNeeded", { disease: diseaseName });
  if (result.mode === "none") return null;
  if (result.trace.some((st) => st.provenance === "user")) return t("year.usedYours", { disease: diseaseName });
  return t("year.usedPolicy", { region: pick(result.policy.name) });
}
