
// The JavaScript API's own declarations, written by hand: the `Engine` class and its methods are
// wasm-bindgen's (from src/wasm/mod.rs), and this file adds what only the JS side has — the
// error thrown, the options of `fromPacks`, the warning codes with what each means. Every shape
// of a request and a result (EstimateRequest, EstimateResult, Decision, Eligibility, …) is
// generated from the Rust types into generated/types.d.ts (tests/unit/typescript.rs), which
// the same declaration file includes: use those names here, never a copy of them.

/** For `checkEligibility`: the same request, cost lines optional. */
export type EligibilityRequest = Omit<EstimateRequest, "items"> & { items?: EstimateRequest["items"] };

/** The codes a `Warning` carries (a newer engine may add others, hence `Warning.code`'s `string`). */
export type WarningCode =
  | "ITEM_NOT_IN_CATALOGUE" | "ITEM_CLASS_DIFFERS" | "CATALOGUE_DEFAULTED" | "RECOGNIZED_DISEASE_UNKNOWN"
  | "PARAMETERS_MAY_BE_OUTDATED"
  /** A region without a pack and no terms: the amounts are null; the message says what to look up and where. */
  | "TERMS_NEEDED"
  /** A deductible or annual limit not entered: none assumed (path insured.terms.deductible / .annualLimit). */
  | "TERMS_ASSUMED"
  /** A reduction not entered: the national ceiling, or 0.20 without a valid filing. */
  | "TERMS_REDUCTION_ASSUMED"
  /** Terms given for a region a pack covers: the pack's policy is used. */
  | "TERMS_IGNORED"
  /** No birth date or age for a parameter split by age: the least favourable band (the message names the parameter). */
  | "AGE_ASSUMED"
  /** No tier for a parameter split by the region's tiers: the least favourable tier. */
  | "TIER_ASSUMED"
  /** No recognition date for a monthly quota scheduled by months since recognition: its smallest amount. */
  | "RECOGNITION_DATE_ASSUMED"
  /** Not all recognised diseases given for a growing or ranked limit: the visit's disease alone. */
  | "DISEASE_COUNT_ASSUMED"
  /** No inpatient fund payments for a limit shared with inpatient care: taken as 0 (the fund may pay less). */
  | "INPATIENT_ASSUMED";

export interface FromPacksOptions {
  /** Pinned digests, pack id → "sha256:…": any other pack, or another digest, is refused. */
  manifest?: Record<string, string>;
}

/** A policy pack (see schema/pack.schema.json); validated when loaded. */
export interface PolicyPack { format: "yibao-policy-pack/1"; id: string; version: string; [key: string]: unknown; }

/** What every method throws on bad input: a real Error with these fields. */
export interface YibaoPolicyError extends Error {
  name: "YibaoPolicyError";
  code: ErrorCode;
  /** The offending field, e.g. "items[2].amount" ("" for the whole input). */
  path: string;
  /** The message in Chinese; `message` is English. */
  messageZh: string;
  /** For INVALID_POLICY: every problem, with the pack's index in the list given. */
  problems?: Array<{ pack: number; path: string; message: string; messageZh: string }>;
}
