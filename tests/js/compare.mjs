// Compare a case's expectation with a result: every field the case gives, numbers as decimals.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

export function loadCases(name) {
  return JSON.parse(readFileSync(new URL(`../../../shared/cases/${name}`, import.meta.url), "utf8"));
}

const ORDER = [
  "CROSS_PROVINCE", "POLICY_IN_FORCE", "DISEASE_COVERED", "DISEASE_RECOGNIZED",
  "FILING_PRESENT", "FILING_PLACE", "FILING_DATES", "HOSPITAL_NETWORKED",
];

// Exact decimal comparison without floats: normalise "1234.50", "1234.5", 1234.5 to the same text.
export function decimalText(v) {
  if (typeof v !== "string" && typeof v !== "number") return null;
  const s = String(v);
  if (!/^-?\d+(\.\d+)?$/.test(s)) return null;
  let [int, frac = ""] = s.replace(/^-/, "").split(".");
  int = int.replace(/^0+(?=\d)/, "");
  frac = frac.replace(/0+$/, "");
  const sign = s.startsWith("-") && (int !== "0" || frac) ? "-" : "";
  return sign + int + (frac ? "." + frac : "");
}

function same(diffs, at, expect, actual) {
  const a = decimalText(expect);
  const b = decimalText(actual);
  const equal = a !== null && b !== null ? a === b : JSON.stringify(expect) === JSON.stringify(actual);
  if (!equal) diffs.push(`${at}: expected ${JSON.stringify(expect)}, got ${JSON.stringify(actual)}`);
  const amount = !at.endsWith(".ratio") && !at.endsWith(".bound") && (at.startsWith("settlement.") || at.startsWith("ytdAfter."));
  if (amount && typeof actual === "string" && !/^\d+\.\d{2}$/.test(actual)) {
    diffs.push(`${at}: amount ${actual} does not have exactly two decimals`);
  }
}

export function compareEstimate(expect, result) {
  const diffs = [];
  if ("mode" in expect) same(diffs, "mode", expect.mode, result.mode);
  if ("directSettlement" in expect) {
    same(diffs, "directSettlement", expect.directSettlement, result.eligibility?.directSettlement);
  }
  if (expect.checks) {
    const checks = result.eligibility?.checks ?? [];
    const codes = checks.map((c) => c.code);
    if (JSON.stringify(codes) !== JSON.stringify(ORDER)) diffs.push(`checks: not all eight in order: ${codes}`);
    for (const [code, status] of Object.entries(expect.checks)) {
      same(diffs, `checks.${code}`, status, checks.find((c) => c.code === code)?.status ?? null);
    }
  }
  for (const section of ["settlement", "ytdAfter"]) {
    // Amounts that cannot be known (no terms under the national baseline) are null.
    if (expect[section] === null && result[section] !== null) {
      diffs.push(`${section}: expected null, got ${JSON.stringify(result[section])}`);
    }
    for (const [k, v] of Object.entries(expect[section] ?? {})) {
      same(diffs, `${section}.${k}`, v, result[section]?.[k] ?? null);
    }
  }
  // The warnings a case lists must be among the result's (it may give more).
  const warnings = (result.eligibility?.warnings ?? []).map((w) => w.code);
  for (const code of expect.warnings ?? []) {
    if (!warnings.includes(code)) diffs.push(`warnings: expected ${code}, got ${JSON.stringify(warnings)}`);
  }
  return diffs;
}

// `error` is a thrown value, or its fields as another process reported them (with `isError`).
export function compareError(expect, error) {
  const diffs = [];
  if (!(error instanceof Error) && error.isError !== true) diffs.push("error: not an Error object");
  for (const k of ["code", "path"]) if (k in expect) same(diffs, `error.${k}`, expect[k], error[k]);
  if (!error.message) diffs.push("error.message (en) is empty");
  if (!error.messageZh) diffs.push("error.messageZh is empty");
  return diffs;
}

/** One case's outcome, `{ result }` or `{ error }`, against its expectation; differences named. */
export function compareOutcome(c, outcome) {
  let diffs;
  if (c.expect.error) {
    diffs = outcome.error ? compareError(c.expect.error, outcome.error) : ["expected an error, got a result"];
  } else if (outcome.error) {
    diffs = [`unexpected error ${outcome.error.code} ${outcome.error.path}: ${outcome.error.message}`];
  } else {
    diffs = compareEstimate(c.expect, outcome.result);
  }
  return diffs.map((d) => `[${c.name}] ${d}`);
}

const require = createRequire(import.meta.url);

/** The package's nodejs, web (initSync from bytes), MVP and pure-JS builds, each as a module. */
export async function builds() {
  const node = require("../../pkg/node/yibao_policy.js");
  const web = await import("../../pkg/web/yibao_policy.js");
  web.initSync({ module: readFileSync(new URL("../../pkg/web/yibao_policy_bg.wasm", import.meta.url)) });
  const mvp = await import("../../pkg/mvp/yibao_policy.js");
  mvp.initSync({ module: readFileSync(new URL("../../pkg/mvp/yibao_policy_bg.wasm", import.meta.url)) });
  const js = await import("../../pkg/js/yibao_policy.js");
  return { node, web, mvp, js };
}

/** What `run` answers, or what it throws. */
export function outcome(run) {
  try {
    return { result: run() };
  } catch (error) {
    return { error };
  }
}
