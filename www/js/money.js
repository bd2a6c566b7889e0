// Display helpers for the engine's decimal strings. The engine does all settlement arithmetic;
// the page only formats its strings and, for the pictures, turns them into whole fen (integers,
// exact up to the contract's 100,000,000 yuan) so bar widths and the cap gauge never drift.

/** "1234.5" → 123450 (fen), or null when it is not a plain decimal. */
export function toFen(text) {
  if (text === null || text === undefined) return null;
  const m = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(String(text).trim());
  if (!m) return null;
  const fen = Number(m[2]) * 100 + Number((m[3] || "").padEnd(2, "0"));
  return m[1] ? -fen : fen;
}

/** 123450 → "1,234.50" (thousands separated, always two decimals). */
export function fenText(fen) {
  const sign = fen < 0 ? "-" : "";
  const abs = Math.abs(Math.round(fen));
  const yuan = Math.floor(abs / 100).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${sign}${yuan}.${String(abs % 100).padStart(2, "0")}`;
}

/** An engine amount ("7500.00") as shown: "7,500.00". */
export function amountText(text) {
  const fen = toFen(text);
  return fen === null ? "—" : fenText(fen);
}

/**
 * The amounts inside an engine sentence ("年度支付限额100000.00元") written as the page writes
 * amounts ("100,000.00"), so a note never prints a number differently from the figure beside it.
 * Only yuan with their two decimals are touched (never a date, a year or a code).
 */
export function groupAmounts(text) {
  return String(text).replace(/(^|[^\d.,])(\d{4,})\.(\d{2})(?!\d)/g, (all, before, yuan, fen) =>
    `${before}${yuan.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}.${fen}`);
}

/** A ratio string ("0.75") as a percentage without float noise: "75%". */
export function percentText(ratio) {
  const m = /^(\d+)(?:\.(\d{1,4}))?$/.exec(String(ratio === null || ratio === undefined ? "" : ratio));
  if (!m) return "—";
  const basis = Number(m[1]) * 10000 + Number((m[2] || "").padEnd(4, "0"));
  const whole = Math.floor(basis / 100);
  const frac = basis % 100;
  return frac ? `${whole}.${String(frac).padStart(2, "0").replace(/0$/, "")}%` : `${whole}%`;
}

/**
 * What a person typed into an amount field, made plain for the engine: full-width digits (from a
 * Chinese keyboard), thousands commas, spaces and a trailing 元 are forgiven; anything else is
 * passed on unchanged so the engine's own message explains it.
 */
export function cleanAmount(typed) {
  return String(typed === null || typed === undefined ? "" : typed)
    .replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\uFF0E\u3002]/g, ".")
    .replace(/[,，\s]/g, "")
    .replace(/元$/, "");
}
