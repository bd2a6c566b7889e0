// The journey property's own model of a person's answers (tests/browser/journeys.test.mjs): what
// they chose and typed, what the URL fragment must hold for it (www/README.md's URL table), and
// the requests those answers mean (docs/contract.md) — built here, never through the page's
// state.js or request.js, so a bug there cannot agree with itself.

/** The places the journeys choose from: two packs (one with national-floor diseases) and one without. */
export const REGIONS = [
  { code: "441900", province: "440000", pack: true },
  { code: "653200", province: "650000", pack: true },
  { code: "110000", province: "110000", pack: false },
];
export const FILING_PLACES = [
  { code: "441900", province: "440000" },
  { code: "430000", province: "430000" },
  { code: "310000", province: "310000" },
];
export const VISIT_PLACES = [
  { code: "441900", province: "440000" },
  { code: "430100", province: "430000" },
  { code: "310000", province: "310000" },
];
export const CATEGORIES = ["retired_relocated", "stationed_worker", "referral", "other_temporary"];
export const DATES = ["2025-02-15", "2025-06-10", "2025-11-20"];
export const AMOUNTS = ["1200", "3,000", "500", "80.5", ""];
/** What a person types for a number → the URL's value (ratios as ratios, "无" as the field's none). */
export const TYPED = {
  ratio: [["70", "0.7"], ["85%", "0.85"], ["0.6", "0.6"]],
  deductible: [["300", "300"], ["1,000", "1000"]],
  annualLimit: [["5000", "5000"], ["20000", "20000"]],
};
export const NONE = { deductible: "0", annualLimit: "none" };
const TERM_KEYS = { ratio: "tr", deductible: "td", annualLimit: "tl" };

export function today() {
  const d = new Date();
  const pad = (n) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The answers of a new estimate (开始试算): nothing chosen, the visit dated today. */
export function freshAnswers() {
  return {
    region: "", scheme: "employee", status: "working",
    filed: "", category: "", filingPlace: "", filingStart: "",
    disease: "", recognized: "unknown",
    visitDate: today(), visitPlace: "", level: "", networked: "",
    A: "", B: "", C: "",
    terms: {}, // the visit's disease's numbers: { ratio, deductible, annualLimit } as URL values
    visits: null, // the year's visits once the year view has been opened
    yearRec: {}, // the year's other diseases: id → "yes" | "no"
    yearTerms: {}, // the year's other diseases: id → { ratio, deductible, annualLimit }
  };
}

/** Is there a pack for the region (the engine's regions, not the page's). */
export function hasPack(engine, region) {
  return engine.regions().some((r) => r.code === region);
}

/** Does a visit for this disease take the person's numbers: no pack, or a national disease the pack only lists as national. */
export function asksNumbers(engine, region, date, disease) {
  if (!hasPack(engine, region)) return true;
  const listed = engine.diseases(region, date).find((d) => d.id === disease);
  return Boolean(listed) && listed.provenance === "national";
}

const clean = (typed) => String(typed).replace(/,/g, "");
const placeOf = (a) => a.visitPlace || (a.filed === "1" ? a.filingPlace : "");

/** The visit's facts are all given (the page's steps ask for each before there is an answer). */
export function complete(a) {
  const filing = a.filed === "0" || (a.filed === "1" && a.category && a.filingPlace && a.filingStart);
  return Boolean(a.region && filing && a.disease && /^\d{4}-\d{2}-\d{2}$/.test(a.visitDate) && placeOf(a) && a.level);
}

function termsRequest(values) {
  const terms = {};
  for (const term of ["ratio", "deductible", "annualLimit"]) {
    const v = values && values[term];
    if (v) terms[term] = term === "annualLimit" && v === "none" ? null : v;
  }
  return Object.keys(terms).length ? terms : null;
}

function itemsOf(v) {
  return ["A", "B", "C"].map((cls) => ({ class: cls, amount: clean(v[cls]) })).filter((i) => i.amount !== "");
}

function common(a) {
  return {
    filing: a.filed === "1" ? { category: a.category, place: a.filingPlace, start: a.filingStart } : null,
    visit: {
      date: a.visitDate, place: placeOf(a), hospitalLevel: Number(a.level),
      networked: a.networked === "1" ? true : a.networked === "0" ? false : null, disease: a.disease,
    },
  };
}

/** The one visit's request, or null while a fact is missing. */
export function visitRequest(a) {
  if (!complete(a)) return null;
  const insured = { region: a.region, scheme: a.scheme, status: a.status };
  if (a.recognized !== "unknown") insured.recognition = { [a.disease]: a.recognized === "yes" };
  const terms = termsRequest(a.terms);
  if (terms) insured.terms = terms;
  return { insured, ...common(a), items: itemsOf(a) };
}

/** A disease of the year's recognition: the step's answer for the visit's disease, the year's for the others. */
export function recognitionOf(a, id) {
  return id === a.disease ? a.recognized : a.yearRec[id] || "unknown";
}

export function yearTermsOf(a, id) {
  return id === a.disease ? a.terms : a.yearTerms[id] || {};
}

const readyVisit = (v) => /^\d{4}-\d{2}-\d{2}$/.test(v.date) && v.disease && itemsOf(v).length;

/**
 * The year's requests (estimateYear) for the visits that are ready, in date order, with the row
 * each came from; null while the visit's facts are incomplete.
 */
export function yearRequests(engine, a) {
  if (!complete({ ...a, disease: a.disease || "x" }) || !a.visits) return null;
  const diseases = [...new Set(a.visits.map((v) => v.disease).filter(Boolean))];
  const insured = { region: a.region, scheme: a.scheme, status: a.status };
  const recognition = {};
  const byDisease = {};
  for (const id of diseases) {
    const known = recognitionOf(a, id);
    if (known !== "unknown") recognition[id] = known === "yes";
    const terms = asksNumbers(engine, a.region, a.visitDate, id) && termsRequest(yearTermsOf(a, id));
    if (terms) byDisease[id] = terms;
  }
  if (Object.keys(recognition).length) insured.recognition = recognition;
  if (Object.keys(byDisease).length) insured.termsByDisease = byDisease;
  const base = common(a);
  const rows = a.visits.map((v, i) => i).filter((i) => readyVisit(a.visits[i]))
    .sort((x, y) => (a.visits[x].date < a.visits[y].date ? -1 : a.visits[x].date > a.visits[y].date ? 1 : x - y));
  return {
    rows,
    requests: rows.map((i) => ({ insured, filing: base.filing, visit: { ...base.visit, date: a.visits[i].date, disease: a.visits[i].disease }, items: itemsOf(a.visits[i]) })),
  };
}

/**
 * What the fragment must hold for the answers given: key → value (one-off keys; a default the page
 * leaves out counts as held) and key → sorted list (repeated keys).
 */
export function expectedFragment(a) {
  const one = {};
  const put = (key, value) => { if (value) one[key] = value; };
  put("r", a.region);
  one.sc = a.scheme;
  one.es = a.status;
  put("f", a.filed);
  put("fc", a.category);
  put("fp", a.filingPlace);
  put("fs", a.filingStart);
  put("d", a.disease);
  one.rec = a.recognized;
  put("vd", a.visitDate);
  put("vp", a.visitPlace);
  put("hl", a.level);
  put("net", a.networked);
  put("qa", a.A);
  put("qb", a.B);
  put("qc", a.C);
  for (const [term, key] of Object.entries(TERM_KEYS)) put(key, a.terms[term]);
  const lists = {};
  if (a.visits) lists.yv = a.visits.map((v) => [v.date, v.disease, v.A, v.B, v.C].join("*"));
  lists.yr = Object.entries(a.yearRec).map(([id, v]) => `${id}*${v}`).sort();
  lists.tb = Object.entries(a.yearTerms).filter(([, t]) => Object.values(t).some(Boolean))
    .map(([id, t]) => [id, t.ratio || "", t.deductible || "", t.annualLimit || "", "", ""].join("*")).sort();
  return { one, lists };
}

/** The page leaves out a key whose value is the default. */
export const DEFAULTS = { sc: "employee", es: "working", rec: "unknown" };
