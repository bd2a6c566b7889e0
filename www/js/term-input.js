// What a person types for their own terms ("70", "70%", "0.7", "无", "不知道") ↔ the URL's values
// (ratios: "0.7"; tl=none), for the form that asks (flow/own-terms.js, the simple page). Apart
// from terms.js (the URL's values → the request) so that a result link, which only reads the
// values, does not fetch this.
import { cleanAmount } from "./money.js";
import { TERM_FIELDS } from "./terms.js";

const NONE_WORDS = /^(无|没有|沒有|none|no|nil|不设|不封顶|无限额)$/i;
const UNKNOWN_WORDS = /^(不知道|不清楚|unknown|don'?t know|\?|？)$/i;

/** Percent text "70" / "70%" / "70.5" → ratio text "0.7" / "0.705", exactly (no floats). */
export function percentToRatio(text) {
  const m = /^(\d+)(?:\.(\d+))?$/.exec(text);
  if (!m) return null;
  const digits = `${m[1]}${m[2] || ""}`;
  const point = m[1].length - 2; // dividing by 100 moves the point two places left
  const padded = point < 1 ? `${"0".repeat(1 - point)}${digits}` : digits;
  const at = Math.max(point, 1);
  let whole = padded.slice(0, at).replace(/^0+(?=\d)/, "");
  let frac = padded.slice(at).replace(/0+$/, "");
  if (!whole) whole = "0";
  return frac ? `${whole}.${frac}` : whole;
}

/** Ratio text "0.7" → percent text "70" (for showing a link's value in the field). */
export function ratioToPercent(ratio) {
  const m = /^(\d+)(?:\.(\d+))?$/.exec(ratio || "");
  if (!m) return ratio || "";
  const frac = (m[2] || "").padEnd(2, "0");
  const whole = `${m[1]}${frac.slice(0, 2)}`.replace(/^0+(?=\d)/, "");
  const rest = frac.slice(2).replace(/0+$/, "");
  return rest ? `${whole}.${rest}` : whole;
}

/**
 * What a person typed → the state's (URL's) value: "" for not known, the field's "none" value,
 * a ratio for a percentage, the amount for money. Anything unreadable is kept as typed, so the
 * engine's message explains it beside the field.
 */
export function typedToValue(field, typed) {
  const text = cleanAmount(typed).replace(/％/g, "%");
  if (!text || UNKNOWN_WORDS.test(text)) return "";
  if (NONE_WORDS.test(text)) return field.none === null ? text : field.none;
  if (field.kind !== "ratio") return text;
  // "0.7" is a fraction written as such (70 %), not 0.7 %: nobody's ratio or reduction is under
  // one percent, and notices write both forms. "0.7%" and "70" stay percentages.
  const fraction = /^0?\.(\d*[1-9]\d*)$/.exec(text);
  if (fraction) return `0.${fraction[1].replace(/0+$/, "")}`;
  const ratio = percentToRatio(text.replace(/%$/, ""));
  return ratio === null ? text : ratio;
}

/** The state's value as shown in the field (a ratio as a percentage; "none" in words). */
export function valueToTyped(field, value, noneWord) {
  if (!value) return "";
  if (value === "none" && field.none === "none") return noneWord;
  if (field.kind !== "ratio") return value;
  const percent = ratioToPercent(value);
  // Under one percent, "0.7" would be read back as 70 %: keep the sign so it means what it meant.
  return /^0\.\d+$/.test(percent) ? `${percent}%` : percent;
}

/** The state without any terms, the year's diseases' too (a pack region chosen: numbers typed for another place do not apply). */
export function withoutTerms() {
  const patch = { yearTerms: [] };
  for (const f of TERM_FIELDS) patch[f.key] = "";
  return patch;
}
