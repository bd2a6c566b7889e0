// All of a person's answers live in the URL fragment (#…), so a shared link or a reopened
// mini-program page shows the same estimate, while the answers — health data — never reach a
// server or its logs (a fragment is not sent). Links in the old query form (?…) are still read.
// Short keys keep links short enough to paste into a chat.

/** URL key → state field. Order here is the order in the URL. */
const KEYS = [
  ["p", "page"], ["t", "task"], ["lang", "lang"], ["embed", "embed"],
  ["rp", "regionProvince"], ["r", "region"], ["sc", "scheme"], ["es", "status"],
  // The person's own terms (regions without a pack): ratios as ratios ("0.7"), tl=none for "no limit".
  ["tr", "termsRatio"], ["td", "termsDeductible"], ["tl", "termsLimit"], ["tx", "termsReduction"], ["tu", "termsUnfiled"],
  // Facts only some packs need (asked only then): birth date, tier, recognised since, inpatient paid.
  ["bd", "birthDate"], ["ti", "tier"], ["rs", "recognizedSince"], ["yi", "ytdInpatient"],
  ["f", "filed"], ["fc", "category"], ["fp", "filingPlace"], ["fs", "filingStart"], ["fe", "filingEnd"],
  // ro: the other recognised diseases where a limit grows with them ("a*b", "none", "unsure").
  ["d", "disease"], ["rec", "recognized"], ["ro", "recognizedOthers"],
  ["vd", "visitDate"], ["vp", "visitPlace"], ["hl", "level"], ["net", "networked"],
  ["cm", "costMode"], ["qa", "amountA"], ["qb", "amountB"], ["qc", "amountC"],
  ["yd", "ytdDeductible"], ["yf", "ytdFund"], ["ym", "ytdMonth"], ["yt", "ytdTotal"],
  ["nf", "national"],
];
/**
 * Repeated keys: cost lines, the year's visits, and for each other disease of the year (not `d`,
 * whose answers are `rec` and `tr`…`tu`) whether it is recognised ("<id>*yes|no") and the
 * person's numbers for it ("<id>*<tr>*<td>*<tl>*<tx>*<tu>"); the last two are read by year.js.
 */
const LISTS = [["li", "lines"], ["yv", "yearVisits"], ["yr", "yearRecognition"], ["tb", "yearTerms"]];
const STATE_KEYS = new Set([...KEYS.map(([k]) => k), ...LISTS.map(([k]) => k)]);

/** The state field a URL key holds ("r" → "region"); the simple page's fields are named by them. */
export function fieldOfKey(key) {
  const found = KEYS.find(([k]) => k === key);
  return found ? found[1] : undefined;
}

export const PAGES = ["home", "guide", "insured", "filing", "disease", "visit", "costs", "result", "year"];
export const STEPS = {
  estimate: ["insured", "filing", "disease", "visit", "costs", "result"],
  check: ["insured", "filing", "disease", "visit", "result"],
};

const DEFAULTS = {
  page: "home", task: "estimate", lang: "zh", embed: "",
  regionProvince: "", region: "", scheme: "employee", status: "working",
  termsRatio: "", termsDeductible: "", termsLimit: "", termsReduction: "", termsUnfiled: "",
  filed: "", category: "", filingPlace: "", filingStart: "", filingEnd: "",
  disease: "", recognized: "unknown", recognizedOthers: "",
  // visitPlace "" follows the filing place; networked "" is unanswered (sent as not known).
  visitDate: "", visitPlace: "", level: "", networked: "",
  costMode: "quick", amountA: "", amountB: "", amountC: "",
  ytdDeductible: "", ytdFund: "", ytdMonth: "", ytdTotal: "",
  national: "",
  birthDate: "", tier: "", recognizedSince: "", ytdInpatient: "",
};

export function today() {
  const d = new Date();
  const pad = (n) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** A cost line of the detailed mode: a catalogue item, or a free line with its own class. */
export function emptyLine(kind) {
  return kind === "catalogue"
    ? { kind, code: "", amount: "" }
    : { kind: "free", name: "", cls: "A", amount: "", share: "", ceiling: "" };
}

// A line in the URL: "c*code*amount" or "f*class*amount*share*ceiling*name" (name last: free text).
function lineToText(line) {
  if (line.kind === "catalogue") return ["c", line.code, line.amount].join("*");
  return ["f", line.cls, line.amount, line.share, line.ceiling, line.name].join("*");
}

function lineFromText(text) {
  const parts = text.split("*");
  if (parts[0] === "c") return { kind: "catalogue", code: parts[1] || "", amount: parts[2] || "" };
  if (parts[0] === "f") {
    const cls = ["A", "B", "C"].includes(parts[1]) ? parts[1] : "A";
    return { kind: "free", cls, amount: parts[2] || "", share: parts[3] || "", ceiling: parts[4] || "", name: parts.slice(5).join("*") };
  }
  return null;
}

// A visit of the year view in the URL: "date*disease*A*B*C" (amounts by class).
function yearVisitToText(v) {
  return [v.date, v.disease, v.A, v.B, v.C].join("*");
}

function yearVisitFromText(text) {
  const [date = "", disease = "", A = "", B = "", C = ""] = text.split("*");
  return { date, disease, A, B, C };
}

export function emptyYearVisit(date = "", disease = "") {
  return { date, disease, A: "", B: "", C: "" };
}

/** "?a=1", "#a=1" or "a=1" → URLSearchParams. */
function paramsOf(text) {
  return new URLSearchParams(String(text || "").replace(/^[?#]/, ""));
}

/**
 * Where a page's state is read from: the fragment, or — for an old link — the query. Returns
 * { text, rest }: rest is the query without the state's keys (a host's own parameters, kept).
 */
export function linkState(loc) {
  const search = paramsOf(loc.search);
  const rest = new URLSearchParams();
  let moved = false;
  for (const [key, value] of search) {
    if (STATE_KEYS.has(key)) moved = true;
    else rest.append(key, value);
  }
  const restText = rest.toString() ? `?${rest}` : "";
  if (loc.hash && loc.hash.length > 1) return { text: loc.hash, rest: restText, moved };
  return { text: moved ? loc.search : "", rest: restText, moved };
}

export function parseState(text) {
  const params = paramsOf(text);
  const state = { ...DEFAULTS, lines: [], yearVisits: [] };
  for (const [key, field] of KEYS) {
    const value = params.get(key);
    if (value !== null) state[field] = value.trim();
  }
  if (!PAGES.includes(state.page)) state.page = "home";
  if (!STEPS[state.task]) state.task = "estimate";
  if (state.lang !== "en") state.lang = "zh";
  if (state.scheme !== "resident") state.scheme = "employee";
  if (state.status !== "retired") state.status = "working";
  if (!["yes", "no", "unknown"].includes(state.recognized)) state.recognized = "unknown";
  if (state.costMode !== "detail") state.costMode = "quick";
  if (!["1", "0", "u"].includes(state.networked)) state.networked = "";
  state.lines = params.getAll("li").map(lineFromText).filter(Boolean);
  state.yearVisits = params.getAll("yv").map(yearVisitFromText);
  state.yearRecognition = params.getAll("yr");
  state.yearTerms = params.getAll("tb");
  // Opening the flow without a date means "today"; it is then written into the URL so the
  // link keeps giving the same answer tomorrow.
  if (!state.visitDate && state.page !== "home" && state.page !== "guide") state.visitDate = today();
  return state;
}

/** The state as a URL fragment ("#p=result&r=…"), or "" for the defaults. */
export function stateToHash(state) {
  const params = new URLSearchParams();
  for (const [key, field] of KEYS) {
    const value = state[field];
    if (value !== undefined && value !== "" && value !== DEFAULTS[field]) params.set(key, value);
  }
  for (const line of state.lines || []) params.append("li", lineToText(line));
  for (const visit of state.yearVisits || []) params.append("yv", yearVisitToText(visit));
  for (const [key, field] of LISTS.slice(2)) for (const text of state[field] || []) params.append(key, text);
  const text = params.toString();
  return text ? `#${text}` : "";
}

/** Does the state hold answers a fresh start would throw away? */
export function hasAnswers(state) {
  return Boolean(state.region || state.regionProvince || state.termsRatio || state.filed || state.disease || state.amountA || state.amountB ||
    state.amountC || (state.lines && state.lines.length) || (state.yearVisits && state.yearVisits.length));
}

/** The state for a fresh start of a task, keeping only the language and embedding. */
export function freshState(current, task) {
  return { ...DEFAULTS, lines: [], yearVisits: [], lang: current.lang, embed: current.embed, task, page: "insured", visitDate: today() };
}

export function stepsFor(state) {
  return STEPS[state.task];
}

export function isEmbedded(state) {
  return state.embed === "miniprogram" || (typeof window !== "undefined" && window.__wxjs_environment === "miniprogram");
}
