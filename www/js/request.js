// From the page's answers to the engine's EstimateRequest (docs/contract.md), plus what is still
// unanswered. Unanswered choices are the page's own concern (a friendly "please choose");
// everything that is answered goes to the engine as typed, so its zh/en messages explain any
// bad value.
import { cleanAmount } from "./money.js";
import { termsOf } from "./terms.js";

/** The province of a division code: its first two digits and four zeros. */
export function provinceOf(code) {
  return code ? `${code.slice(0, 2)}0000` : "";
}

/**
 * Does a loaded pack answer for this code: its own code, or a county (a municipality's
 * district) under it — as the engine resolves them. The result's policy.baseline stays the
 * authority; this only decides what the form asks before there is a result.
 */
export function packRegionOf(regions, code) {
  if (!/^\d{6}$/.test(code || "")) return null;
  return regions.find((r) => code.startsWith(r.code.replace(/(00)+$/, ""))) || null;
}

/** The version in force on `date` for the region's pack (the first version before it opens). */
export function versionOf(api, region, date) {
  const pack = packRegionOf(api.regions(), region);
  const versions = pack ? pack.versions || [] : [];
  const inForce = versions.filter((v) => v.from <= (date || "9999"));
  return inForce[inForce.length - 1] || versions[0];
}

/** The facts the version in force on `date` splits on (none before the engine is in). */
export function factsNeeded(api, region, date) {
  if (api.pending) return new Set();
  const version = versionOf(api, region, date);
  return new Set((version && version.facts) || []);
}

const isCity = (code) => /^\d{6}$/.test(code || "") && !/0000$/.test(code);

/**
 * Where the visit is: the person's own choice, else the filing place (the visit is most often
 * where the filing is, and it must follow a filing place changed later).
 */
export function visitPlaceOf(state) {
  if (state.visitPlace) return state.visitPlace;
  return state.filed === "1" && state.category !== "emergency" ? state.filingPlace : "";
}

/** True while the visit place is the filing place followed, not a choice of the person. */
export function visitFollowsFiling(state) {
  return !state.visitPlace && Boolean(visitPlaceOf(state));
}

/**
 * Each missing answer: where it is shown (a data-path), which step holds it, and whether it is
 * shown at once (a question or a wrong date) or only after "next".
 */
function missingAnswers(state) {
  const missing = [];
  const need = (ok, path, step, key, now = false) => { if (!ok) missing.push({ path, step, key, now }); };
  const filedPlace = state.filed === "1" && state.category !== "emergency";
  // Shown at the first empty picker: the province, or the region once a province is chosen.
  need(state.region, state.regionProvince ? "insured.region" : "insured.province", "insured", "missing.region");
  need(state.filed, "filing.filed", "filing", "missing.filed");
  if (state.filed === "1") {
    need(state.category, "filing.category", "filing", "missing.category");
    if (state.category && state.category !== "emergency") {
      need(state.filingPlace, "filing.place", "filing", "missing.filingPlace");
      need(state.filingStart, "filing.start", "filing", "missing.filingStart");
    }
    // ISO dates compare as text; the engine would refuse it anyway, but later and elsewhere.
    const dated = /^\d{4}-\d{2}-\d{2}$/;
    need(!(dated.test(state.filingStart) && dated.test(state.filingEnd) && state.filingEnd < state.filingStart),
      "filing.end", "filing", "invalid.endBeforeStart", true);
  }
  need(state.disease, "visit.disease", "disease", "missing.disease");
  need(state.visitDate, "visit.date", "visit", "missing.visitDate");
  const place = visitPlaceOf(state);
  need(place, "visit.place", "visit", "missing.visitPlace");
  // Filed to a city, treated "somewhere in the province": whether the filing covers the visit
  // depends on the city, so ask rather than assume either answer.
  if (place && filedPlace && isCity(state.filingPlace)) {
    need(place !== provinceOf(state.filingPlace), "visit.place", "visit", "missing.visitCity", true);
  }
  need(state.level, "visit.hospitalLevel", "visit", "missing.level");
  return missing;
}

function filingOf(state) {
  if (state.filed !== "1" || !state.category) return null;
  const filing = { category: state.category };
  if (state.filingPlace) filing.place = state.filingPlace;
  if (state.filingStart) filing.start = state.filingStart;
  if (state.filingEnd) filing.end = state.filingEnd;
  return filing;
}

/** Cost lines with the data-path of the field each came from, so an error lands beside it. */
function itemsOf(state) {
  const items = [];
  const paths = [];
  if (state.costMode === "quick") {
    for (const cls of ["A", "B", "C"]) {
      const amount = cleanAmount(state[`amount${cls}`]);
      if (amount === "") continue;
      items.push({ class: cls, amount });
      paths.push(`quick.${cls}`);
    }
    return { items, paths };
  }
  state.lines.forEach((line, i) => {
    const amount = cleanAmount(line.amount);
    if (amount === "") return;
    if (line.kind === "catalogue") {
      if (!line.code) return;
      items.push({ code: line.code, amount });
    } else {
      const item = { class: line.cls, amount };
      if (line.name.trim()) item.name = line.name.trim();
      if (line.cls === "B" && line.share.trim()) item.selfPayRatio = cleanAmount(line.share);
      if (line.cls !== "C" && line.ceiling.trim()) item.ceilingAmount = cleanAmount(line.ceiling);
      items.push(item);
    }
    paths.push(`lines[${i}]`);
  });
  return { items, paths };
}

function ytdOf(state) {
  const ytd = {};
  const put = (key, typed) => { const v = cleanAmount(typed); if (v !== "") ytd[key] = v; };
  put("deductiblePaid", state.ytdDeductible);
  put("fundPaid", state.ytdFund);
  put("fundPaidMonth", state.ytdMonth);
  put("fundPaidTotal", state.ytdTotal);
  put("inpatientFundPaid", state.ytdInpatient);
  return Object.keys(ytd).length ? ytd : undefined;
}

/**
 * The recognised diseases, where the visit's is: the visit's alone, or — where the version in
 * force counts them (a limit growing with each) — with the others the person ticked on 病种 (ro:
 * "a*b", "none"); not answered or "unsure", only the visit's is known (`recognition`), so the
 * engine counts the others as unknown (DISEASE_COUNT_ASSUMED, a limit of at least).
 */
function recognisedOf(state, facts = new Set()) {
  const d = state.disease;
  const others = state.recognizedOthers;
  if (!facts.has("recognizedDiseases") || others === "none") return { recognizedDiseases: [d] };
  if (!others || others === "unsure") return { recognition: { [d]: true } };
  return { recognizedDiseases: [d, ...new Set(others.split("*").filter((id) => id && id !== d))] };
}

/**
 * { request, missing, itemPaths }: request is null while a choice is missing; its items are
 * empty when no amount is entered yet (then only eligibility can be checked). `facts`: those
 * the version in force needs (factsNeeded), where the page asks them.
 */
export function buildRequest(state, facts) {
  const missing = missingAnswers(state);
  const { items, paths } = itemsOf(state);
  if (missing.length) return { request: null, missing, itemPaths: paths };
  const request = {
    insured: { region: state.region, scheme: state.scheme, status: state.status },
    filing: filingOf(state),
    visit: {
      date: state.visitDate,
      place: visitPlaceOf(state),
      hospitalLevel: Number(state.level),
      // Unanswered or "不知道" is not known (docs/contract.md: null, a warned check), never "yes".
      networked: state.networked === "1" ? true : state.networked === "0" ? false : null,
      disease: state.disease,
    },
    items,
  };
  const terms = termsOf(state);
  if (terms) request.insured.terms = terms;
  if (state.recognized === "yes") Object.assign(request.insured, recognisedOf(state, facts));
  if (state.recognized === "no") request.insured.recognizedDiseases = [];
  // Asked only where the pack needs them (flow/facts.js); the engine ignores them elsewhere.
  if (state.birthDate) request.insured.birthDate = state.birthDate;
  if (state.tier) request.insured.tier = state.tier;
  if (state.recognizedSince && state.recognized !== "no") request.insured.recognizedSince = { [state.disease]: state.recognizedSince };
  const ytd = ytdOf(state);
  if (ytd) request.ytd = ytd;
  return { request, missing, itemPaths: paths };
}

/** Where an engine error path is shown on the page (items[1].amount → the field it came from). */
export function fieldPathOf(errorPath, itemPaths) {
  const m = /^items\[(\d+)\](?:\.(\w+))?$/.exec(errorPath || "");
  if (!m) return errorPath === "items" ? "items" : errorPath;
  const base = itemPaths[Number(m[1])] || "items";
  if (base.startsWith("quick.")) return base;
  const sub = { amount: "amount", selfPayRatio: "share", ceilingAmount: "ceiling", code: "code" }[m[2]] || "amount";
  return `${base}.${sub}`;
}

/** A visit date outside a filing period typed earlier: said at the date, not an error. */
export function visitDateNote(state) {
  if (state.filed !== "1" || state.category === "emergency" || !state.filingStart || !state.visitDate) return null;
  const outside = state.visitDate < state.filingStart || (state.filingEnd && state.visitDate > state.filingEnd);
  return outside ? { start: state.filingStart, end: state.filingEnd } : null;
}

/** The same visit with a filing that covers it: what filing (again) is worth. */
export function filedVariant(request) {
  const current = request.filing && request.filing.category;
  const category = current && current !== "emergency" ? current : "other_temporary";
  return { ...request, filing: { category, place: request.visit.place, start: request.visit.date } };
}
// The filing categories are read by the guide (screens.js's chunk) and the filing step (later.js's):
// named here, in a module of the entry, the bundle keeps them in a chunk the built page carries
// inline, not in a chunk of their own that the home would fetch only after its own chunk had come
// (scripts/dist.mjs checks that the home's chunk imports nothing else).
export { CATEGORIES } from "./flow/categories.js";
