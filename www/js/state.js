// All of a person's answers live in the URL query, so a shared link or a reopened mini-program
// page shows the same estimate. Short keys keep links short enough to paste into a chat.

/** URL key → state field. Order here is the order in the URL. */
const KEYS = [
  ["p", "page"], ["t", "task"], ["lang", "lang"], ["embed", "embed"],
  ["rp", "regionProvince"], ["r", "region"], ["sc", "scheme"], ["es", "status"],
  ["f", "filed"], ["fc", "category"], ["fp", "filingPlace"], ["fs", "filingStart"], ["fe", "filingEnd"],
  ["d", "disease"], ["rec", "recognized"],
  ["vd", "visitDate"], ["vp", "visitPlace"], ["hl", "level"], ["net", "networked"],
  ["cm", "costMode"], ["qa", "amountA"], ["qb", "amountB"], ["qc", "amountC"],
  ["yd", "ytdDeductible"], ["yf", "ytdFund"], ["ym", "ytdMonth"], ["yt", "ytdTotal"],
  ["nf", "national"],
];

export const PAGES = ["home", "guide", "insured", "filing", "disease", "visit", "costs", "result"];
export const STEPS = {
  estimate: ["insured", "filing", "disease", "visit", "costs", "result"],
  check: ["insured", "filing", "disease", "visit", "result"],
};

const DEFAULTS = {
  page: "home", task: "estimate", lang: "zh", embed: "",
  regionProvince: "", region: "", scheme: "employee", status: "working",
  filed: "", category: "", filingPlace: "", filingStart: "", filingEnd: "",
  disease: "", recognized: "unknown",
  visitDate: "", visitPlace: "", level: "", networked: "1",
  costMode: "quick", amountA: "", amountB: "", amountC: "",
  ytdDeductible: "", ytdFund: "", ytdMonth: "", ytdTotal: "",
  national: "",
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

export function parseState(search) {
  const params = new URLSearchParams(search);
  const state = { ...DEFAULTS, lines: [] };
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
  if (state.networked !== "0") state.networked = "1";
  state.lines = params.getAll("li").map(lineFromText).filter(Boolean);
  // Opening the flow without a date means "today"; it is then written into the URL so the
  // link keeps giving the same answer tomorrow.
  if (!state.visitDate && state.page !== "home" && state.page !== "guide") state.visitDate = today();
  return state;
}

export function stateToQuery(state) {
  const params = new URLSearchParams();
  for (const [key, field] of KEYS) {
    const value = state[field];
    if (value !== undefined && value !== "" && value !== DEFAULTS[field]) params.set(key, value);
  }
  for (const line of state.lines) params.append("li", lineToText(line));
  const text = params.toString();
  return text ? `?${text}` : "";
}

/** The state for a fresh start of a task, keeping only the language and embedding. */
export function freshState(current, task) {
  return { ...DEFAULTS, lines: [], lang: current.lang, embed: current.embed, task, page: "insured", visitDate: today() };
}

export function stepsFor(state) {
  return STEPS[state.task];
}

export function isEmbedded(state) {
  return state.embed === "miniprogram" || (typeof window !== "undefined" && window.__wxjs_environment === "miniprogram");
}
