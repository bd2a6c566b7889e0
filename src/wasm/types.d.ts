
/** A decimal amount in yuan: a string ("1234.50") or a number, 0 to 100,000,000, at most two decimals. */
export type MoneyInput = string | number;
/** A ratio from 0 to 1 with at most four decimals: a string or a number. */
export type RatioInput = string | number;
/** An amount in a result: a string with exactly two decimals ("1234.50"). */
export type Money = string;
/** A ratio in a result, without trailing zeros ("0.8"). */
export type Ratio = string;
/** A 6-digit administrative division code, e.g. "653200". */
export type DivisionCode = string;
/** An ISO date, "YYYY-MM-DD". */
export type IsoDate = string;

export interface Text { zh: string; en: string; }

export type Scheme = "employee" | "resident";
export type EmployeeStatus = "working" | "retired";
export type FilingCategory =
  | "retired_relocated" | "long_term_resident" | "stationed_worker"
  | "referral" | "emergency" | "other_temporary";
export type ItemClass = "A" | "B" | "C";
/** Where a number came from: a seed article, a national rule, the person's own terms, or an assumption. */
export type Provenance = "seed" | "national" | "user" | "assumed";

/**
 * The person's own terms (`insured.terms`), for a region no pack covers (the national baseline);
 * ignored, with a TERMS_IGNORED warning, for a pack region. `null` is the same as absent, except
 * for `annualLimit`, where null states "no limit".
 */
export interface Terms {
  /** Required: the base ratio for this disease, 0..1. */
  ratio: RatioInput;
  /** This disease's annual deductible; "0" = none. Absent: 0 is assumed (TERMS_ASSUMED). */
  deductible?: MoneyInput | null;
  /** This disease's annual limit; null = stated: no limit. Absent: no limit assumed (TERMS_ASSUMED). */
  annualLimit?: MoneyInput | null;
  /**
   * For a valid temporary filing (referral, emergency, other_temporary), capped at the national
   * ceiling (0.10, 0.10, 0.20). Absent: the ceiling (TERMS_REDUCTION_ASSUMED). Long-term filers: 0.
   */
  reduction?: RatioInput | null;
  /** For a visit no valid filing covers (manual claim). Absent: 0.20 (TERMS_REDUCTION_ASSUMED). */
  unfiledReduction?: RatioInput | null;
}

export interface EstimateRequest {
  insured: {
    region: DivisionCode;
    scheme: Scheme;
    /** Default "working"; residents ignore it. */
    status?: EmployeeStatus;
    /** Absent: not known (DISEASE_RECOGNIZED warns). */
    recognizedDiseases?: string[] | null;
    /** Only for a region without a pack: without them the amounts are null (TERMS_NEEDED). */
    terms?: Terms | null;
  };
  /** Absent or null: not filed. */
  filing?: {
    category: FilingCategory;
    /** Province (xx0000) or city; optional for "emergency". */
    place?: DivisionCode;
    /** Optional for "emergency". */
    start?: IsoDate;
    /** Open-ended when absent. */
    end?: IsoDate | null;
  } | null;
  visit: {
    date: IsoDate;
    place: DivisionCode;
    hospitalLevel: 1 | 2 | 3;
    /** Default true (absent); null = not known (HOSPITAL_NETWORKED warns). */
    networked?: boolean | null;
    disease: string;
  };
  /** 1 to 1000 cost lines. */
  items: Array<{
    code?: string;
    name?: string;
    amount: MoneyInput;
    class?: ItemClass;
    selfPayRatio?: RatioInput;
    ceilingAmount?: MoneyInput;
  }>;
  /** Year-to-date figures before this visit; each defaults to 0 (fundPaidTotal to fundPaid). */
  ytd?: {
    deductiblePaid?: MoneyInput;
    fundPaid?: MoneyInput;
    fundPaidMonth?: MoneyInput;
    fundPaidTotal?: MoneyInput;
  };
}

/** For `checkEligibility`: the same request, cost lines optional. */
export type EligibilityRequest = Omit<EstimateRequest, "items"> & { items?: EstimateRequest["items"] };

export type CheckCode =
  | "CROSS_PROVINCE" | "POLICY_IN_FORCE" | "DISEASE_COVERED" | "DISEASE_RECOGNIZED"
  | "FILING_PRESENT" | "FILING_PLACE" | "FILING_DATES" | "HOSPITAL_NETWORKED";

export interface Check {
  code: CheckCode;
  status: "pass" | "fail" | "warn";
  message: Text;
  /** The next step the person can take, or null. */
  action: { code: string; message: Text } | null;
}

/**
 * A warning about the request or the parameters: the cost lines, a visit after the pack
 * version's `reviewedUntil` (PARAMETERS_MAY_BE_OUTDATED), and the person's terms (TERMS_*).
 */
export interface Warning { code: WarningCode | (string & {}); path: string; message: Text; }

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
  | "TERMS_IGNORED";

export interface Eligibility {
  directSettlement: boolean;
  /** Always all eight, in order. */
  checks: Check[];
  warnings: Warning[];
}

export interface Settlement {
  total: Money;
  fullSelfPay: Money;
  overLimitSelfPay: Money;
  preSelfPay: Money;
  inScope: Money;
  deductible: Money;
  ratio: Ratio;
  fundBeforeCap: Money;
  /** Null where no limit applies. */
  capRemaining: Money | null;
  fundPays: Money;
  aboveCap: Money;
  coinsurance: Money;
  patientPays: Money;
}

export interface Ytd {
  deductiblePaid: Money;
  fundPaid: Money;
  fundPaidMonth: Money;
  fundPaidTotal: Money;
}

export interface TraceStep {
  step: string;
  value: string | null;
  rule: string;
  /** Null for pure arithmetic. */
  provenance: Provenance | null;
  note: Text;
}

export interface PricedLine {
  index: number;
  code?: string;
  name: Text | null;
  class: ItemClass;
  inCatalogue: boolean;
  amount: Money;
  fullSelfPay: Money;
  overLimitSelfPay: Money;
  preSelfPay: Money;
  inScope: Money;
  share: Ratio | null;
  shareSource: "line" | "item" | "place" | "fallback" | null;
  shareProvenance: Provenance | null;
}

export interface EstimateResult {
  mode: "direct" | "manual" | "none";
  /** Complete in every case, with or without terms. */
  eligibility: Eligibility;
  /**
   * Null when the amounts cannot be known: a region without a pack (policy.baseline) whose
   * request has no `insured.terms`, in mode direct or manual (the warnings then include
   * TERMS_NEEDED). In mode "none" the none settlement is always given.
   */
  settlement: Settlement | null;
  /** Null exactly when `settlement` is. */
  ytdAfter: Ytd | null;
  /** Without terms: the catalogue's steps (total … inScope), then a "terms" step with value null. */
  trace: TraceStep[];
  policy: {
    /** The pack region answering (a county code resolves to its prefecture's pack), or the request's code. */
    region: DivisionCode;
    /** The division's official name (English may be pinyin); an unknown code's name is the code. */
    name: Text;
    /** The pack version's effective date, or "national-baseline". */
    version: IsoDate | "national-baseline";
    /** True when no pack covers the region: national rules and the person's own terms. */
    baseline: boolean;
    inForce: boolean;
    /** The version's parameters were checked up to this date; a later visit warns PARAMETERS_MAY_BE_OUTDATED. */
    reviewedUntil: IsoDate | null;
  };
  lines: PricedLine[];
  /** 试算结果仅供参考，以实际结算为准. */
  notice: Text;
  usesAssumptions: boolean;
}

export interface RegionInfo {
  code: DivisionCode;
  name: Text;
  province: DivisionCode;
  versions: Array<{ from: IsoDate; open: boolean; provenance: Provenance; reviewedUntil: IsoDate | null }>;
}

export interface DiseaseInfo {
  id: string;
  name: Text;
  pinyin: string | null;
  provenance: Provenance;
  pool: Text | null;
}

export interface Share { value: Ratio; provenance: Provenance; }

export interface PlaceInfo {
  code: DivisionCode;
  name: Text;
  classBShare: Share | null;
  cities: Array<{ code: DivisionCode; name: Text }>;
}

export interface CatalogueInfo {
  place: DivisionCode;
  name: Text;
  classBShare: Share;
  defaulted: boolean;
  items: Array<{
    code: string;
    name: Text;
    class: ItemClass;
    provenance: Provenance;
    selfPayRatio: Share | null;
    shareSource: "item" | "place" | "fallback" | null;
    ceilingAmount: Money | null;
  }>;
}

/** Without a settlement (a baseline region without terms) the ten amounts' values are null; the places are given. */
export interface NationalField { ours: string; field: string; name: Text; value: string | null; }

export interface PackInfo {
  id: string;
  version: string;
  /** "sha256:" and 64 hex digits, over the pack's canonical JSON (RFC 8785). */
  digest: string;
}

export interface FromPacksOptions {
  /** Pinned digests, pack id → "sha256:…": any other pack, or another digest, is refused. */
  manifest?: Record<string, string>;
}

/** `settle`: the numbers of an estimate without its messages, trace or line details. */
export interface Decision {
  mode: "direct" | "manual" | "none";
  directSettlement: boolean;
  /** Every check's status keyed by its code, in the contract's order. */
  checks: Record<CheckCode, "pass" | "fail" | "warn">;
  /** Null as in `EstimateResult.settlement` (a baseline region without terms). */
  settlement: Settlement | null;
  ytdAfter: Ytd | null;
}

/** A policy pack (see schema/pack.schema.json); validated when loaded. */
export interface PolicyPack { format: "yibao-policy-pack/1"; id: string; version: string; [key: string]: unknown; }

export type ErrorCode = "INVALID_INPUT" | "UNKNOWN_REGION" | "UNKNOWN_DISEASE" | "LIMIT_EXCEEDED" | "INVALID_POLICY";

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
