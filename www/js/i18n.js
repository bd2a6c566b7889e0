// Simplified Chinese first, English on request. Page strings live in strings/; the engine's own
// messages come as { zh, en } and are picked with pick(). The Chinese table is installed by the
// page's entry (strings/zh.js, with addLanguage) before anything is drawn; the English table
// is fetched only when asked for (loadLanguage): a Chinese page never downloads it. Until it is
// here, t() answers in Chinese.
const TABLES = { zh: {}, en: null };
let lang = "zh";
let english = null;

/** Installs a language's table: Chinese by each page's entry, English by the simple page (which bundles it). */
export function addLanguage(name, table) {
  TABLES[name] = table;
}

/** Adds words to a language's table (strings/zh-steps.js, zh-year.js: with the code that shows them). */
export function addStrings(name, table) {
  TABLES[name] = Object.assign(TABLES[name] || {}, table);
}

/** Are the language's strings here (Chinese always is)? */
export function languageReady(name) {
  return name !== "en" || Boolean(TABLES.en);
}

/** Resolves once the language's strings are here; a failed load may be retried. */
export function loadLanguage(name) {
  if (name !== "en" || TABLES.en) return Promise.resolve();
  if (!english) {
    english = import("./strings/en.js").then((mod) => { TABLES.en = mod.default; });
    english.catch(() => { english = null; });
  }
  return english;
}

// The page avoids ?? and ?. so webviews from before Chrome 80 can still run it.
function firstDefined(...values) {
  return values.find((v) => v !== undefined && v !== null);
}

export function setLang(next) {
  lang = next === "en" ? "en" : "zh";
  document.documentElement.lang = lang === "en" ? "en" : "zh-CN";
}

export function getLang() {
  return lang;
}

/** A page string with {name} placeholders filled; falls back to Chinese, then to the key. */
export function t(key, params) {
  const template = firstDefined((TABLES[lang] || TABLES.zh)[key], TABLES.zh[key], key);
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (_, name) => firstDefined(params[name], "").toString());
}

/** Does the table have this key (for optional explanations)? */
export function has(key) {
  return key in (TABLES[lang] || TABLES.zh) || key in TABLES.zh;
}

/** The current language's side of an engine Text ({ zh, en }). */
export function pick(text) {
  if (!text) return "";
  if (typeof text === "string") return text;
  // The engine writes its English messages as clauses ("no policy data for …"); shown alone on
  // the page they are sentences.
  return lang === "en" && text.en ? sentence(text.en) : text.zh || text.en;
}

function sentence(s) {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

// Errors the page words itself: the engine's message names the raw id ("未知病种“hypertensoin”"),
// which means nothing to a person who opened a link someone edited by hand.
const OWN_WORDS = { UNKNOWN_DISEASE: "error.unknownDisease" };

/** An engine error's message in the current language. */
export function errorText(error) {
  const own = OWN_WORDS[error.code];
  if (own && has(own)) return t(own);
  return lang === "en" ? sentence(error.en) : error.zh;
}

/** "7,500.00 元" in Chinese, "¥7,500.00" in English. */
export function money(text) {
  return lang === "en" ? `¥${text}` : `${text} 元`;
}

/** The parts of a shown amount, so the number can be big and the unit small. */
export function moneyParts(text) {
  return lang === "en" ? { pre: "¥", num: text, post: "" } : { pre: "", num: text, post: " 元" };
}

/** Text in brackets, full-width in Chinese: "（成本）" / " (costs)". */
export function paren(text) {
  return lang === "en" ? ` (${text})` : `（${text}）`;
}
