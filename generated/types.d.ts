// Generated from the Rust types by ts-rs (tests/unit/typescript.rs); do not edit.
// `UPDATE_TYPES=1 cargo test --lib typescript` writes it again.

/**
 * An amount as a request gives it: a string (`"1234.50"`) or a number, 0 to 100,000,000 yuan,
 * at most two decimals.
 */
export type MoneyInput = string | number;

/**
 * A ratio as a request gives it, 0 to 1 with at most four decimals: a string or a number.
 */
export type RatioInput = string | number;

/**
 * A 6-digit administrative division code (GB/T 2260), e.g. `"653200"`.
 */
export type DivisionCode = string;

/**
 * Year-to-date figures before this visit, as a request gives them; each defaults to 0
 * (`fundPaidTotal` to `fundPaid`).
 */
export type YtdInput = { [K in keyof Ytd]?: MoneyInput | null };

/**
 * Per disease: true = recognised (pass), false = not (fail), null or absent = not known (warn).
 */
export type Recognition = Record<string, boolean | null>;

/**
 * The person's terms for one disease each (`terms` serves the diseases not named).
 */
export type TermsByDisease = Record<string, Terms | null>;

/**
 * Per disease: the date the insured place recognised it (monthly quotas scheduled by months since).
 */
export type RecognizedSince = Record<string, IsoDate | null>;

/**
 * An ISO date, "YYYY-MM-DD".
 */
export type IsoDate = string;

/**
 * An amount in yuan; serialized as a string with exactly two decimals ("1234.50").
 */
export type Money = string;

/**
 * A reimbursement ratio or share in [0, 1]; serialized without trailing zeros ("0.8").
 */
export type Ratio = string;

/**
 * A message in 简体中文 and English.
 */
export type Text = { zh: string, en: string, };

export type Scheme = "employee" | "resident";

export type EmployeeStatus = "working" | "retired";

/**
 * The filing categories of docs/rules.md "Filing".
 */
export type FilingCategory = "retired_relocated" | "long_term_resident" | "stationed_worker" | "referral" | "emergency" | "other_temporary";

export type ItemClass = "A" | "B" | "C";

/**
 * Where a number came from (docs/rules.md "Provenance"): a notice, a copy of one, a seed article, a national rule,
 * the person's own terms, or an assumption. Ordered from the most certain to the least.
 */
export type Provenance = "published" | "reposted" | "seed" | "national" | "user" | "assumed";

/**
 * The person's own terms (`insured.terms`), for a region no pack covers (the national baseline),
 * a national disease its pack leaves out, or the fields a pack leaves to the person (`"terms"`);
 * a field the pack states is ignored, with a TERMS_IGNORED warning at its path. `null` is the
 * same as absent, except for `annualLimit`.
 */
export type Terms = { 
/**
 * The base ratio for this disease: required where no pack states it (INVALID_INPUT at this
 * path when the estimate needs it), unused where a pack does.
 */
ratio?: RatioInput | null, 
/**
 * This disease's annual deductible; `"0"` = none. Absent: 0 is assumed (TERMS_ASSUMED).
 */
deductible?: MoneyInput | null, 
/**
 * This disease's annual limit; null states "no limit". Absent: no limit is assumed
 * (TERMS_ASSUMED).
 */
annualLimit?: MoneyInput | null, 
/**
 * For a valid temporary filing (referral, emergency, other_temporary), capped at the national
 * ceiling (0.10, 0.10, 0.20). Absent: the ceiling (TERMS_REDUCTION_ASSUMED). Long-term
 * filers: always 0.
 */
reduction?: RatioInput | null, 
/**
 * For a visit no valid filing covers (manual claim). Absent: 0.20 (TERMS_REDUCTION_ASSUMED).
 */
unfiledReduction?: RatioInput | null, };

export type EstimateRequest = { insured: Insured, 
/**
 * Absent or null: not filed.
 */
filing?: Filing | null, visit: Visit, 
/**
 * 1 to 1000 cost lines.
 */
items: Array<Item>, ytd?: YtdInput | null, };

export type Insured = { region: DivisionCode, scheme: Scheme, 
/**
 * Default "working"; residents ignore it.
 */
status?: EmployeeStatus | null, 
/**
 * Absent or null: not known (the DISEASE_RECOGNIZED check warns).
 */
recognizedDiseases?: Array<string> | null, 
/**
 * Per disease: recognised (true), not (false), not known (null or absent). Give this or
 * `recognizedDiseases`, not both.
 */
recognition?: Recognition | null, 
/**
 * The person's own terms, for a disease no pack prices (docs/contract.md): a region without a
 * pack, or a national disease its pack does not list. Without them its amounts are null
 * (TERMS_NEEDED).
 */
terms?: Terms | null, 
/**
 * The person's terms for one disease each; `terms` serves the diseases not named here.
 */
termsByDisease?: TermsByDisease | null, 
/**
 * For parameters split by age (docs/calculation.md §4): the age on the visit date is worked out from it.
 * Wins over `age` when both are given.
 */
birthDate?: IsoDate | null, 
/**
 * Whole years, the same on every visit date (when the birth date is not given).
 */
age?: number | null, 
/**
 * A tier the region's pack defines (深圳 一档/二档/三档: "1", "2", "3").
 */
tier?: string | null, 
/**
 * Per disease, the date it was recognised (for monthly quotas scheduled by months since then).
 */
recognizedSince?: RecognizedSince | null, };

/**
 * A filing (备案). `place` and `start` may be left out for an emergency; no `end`: open-ended.
 */
export type Filing = { category: FilingCategory, 
/**
 * The province (`xx0000`) or city filed for.
 */
place?: DivisionCode | null, start?: IsoDate | null, end?: IsoDate | null, };

export type Visit = { date: IsoDate, place: DivisionCode, hospitalLevel: 1 | 2 | 3, 
/**
 * Absent: networked; null: the person does not know (HOSPITAL_NETWORKED warns).
 */
networked?: boolean | null, disease: string, };

/**
 * One cost line: an amount, and what the catalogue needs to classify it (its code, or its class).
 */
export type Item = { code?: string | null, name?: string | null, amount: MoneyInput, class?: ItemClass | null, selfPayRatio?: RatioInput | null, ceilingAmount?: MoneyInput | null, };

/**
 * The eight eligibility checks of docs/rules.md "Eligibility", in the order every result lists them.
 */
export type CheckCode = "CROSS_PROVINCE" | "POLICY_IN_FORCE" | "DISEASE_COVERED" | "DISEASE_RECOGNIZED" | "FILING_PRESENT" | "FILING_PLACE" | "FILING_DATES" | "HOSPITAL_NETWORKED";

export type CheckStatus = "pass" | "fail" | "warn";

/**
 * What the person can do about a check.
 */
export type Action = { code: string, message: Text, };

export type Check = { code: CheckCode, status: CheckStatus, message: Text, 
/**
 * The next step the person can take, or null (always null when the check passes).
 */
action: Action | null, };

/**
 * A warning attached to an estimate: it does not stop the estimate, but the user should know.
 */
export type Warning = { code: WarningCode | (string & {}), path: string, message: Text, };

export type Eligibility = { 
/**
 * How the visit can be settled, as the checks decide it (the same as the estimate's `mode`).
 */
mode: Mode, directSettlement: boolean, 
/**
 * Always all eight, in order.
 */
checks: Array<Check>, warnings: Array<Warning>, };

/**
 * How the visit can be settled (docs/contract.md "The eight checks and the mode", docs/calculation.md §3).
 */
export type Mode = "direct" | "manual" | "none";

/**
 * docs/contract.md: `exact` when every fact the calculation used was given; `atMost`
 * when only unknowns that can only lower the fund's payment were filled in (a deductible or limit
 * taken as none, inpatient payments taken as 0); `atLeast` when only cautious defaults were used
 * (a temporary cut at its national ceiling, the least favourable age band, tier or schedule
 * amount, one recognised disease for a growing or ranked limit); `about` when both kinds, or a
 * guess (the cut for a visit without a valid filing). Parameters a pack marks `assumed` do not change it: their provenance shows them.
 */
export type Bound = "exact" | "atMost" | "atLeast" | "about";

export type Settlement = { total: Money, fullSelfPay: Money, overLimitSelfPay: Money, preSelfPay: Money, inScope: Money, 
/**
 * The share of the in-scope cost a temporary visitor pays first (docs/calculation.md §5 a); 0 otherwise.
 */
temporarySelfPay: Money, 
/**
 * The least room left under the limits on in-scope cost; null when none applies.
 */
costRoom: Money | null, 
/**
 * The in-scope cost the fund's rules are applied to: what is left after the share paid
 * first, within `costRoom` (docs/calculation.md §5 b).
 */
admitted: Money, 
/**
 * The in-scope cost beyond `costRoom`, paid by the person.
 */
aboveCostLimit: Money, deductible: Money, ratio: Ratio, fundBeforeCap: Money, capRemaining: Money | null, fundPays: Money, aboveCap: Money, coinsurance: Money, patientPays: Money, 
/**
 * How the fund's amount relates to the truth, given what stood in for facts not given.
 */
bound: Bound, };

/**
 * Year-to-date figures before this visit; every field defaults to 0 (`inpatientFundPaid`: not
 * known, taken as 0 with a warning where a limit is shared with inpatient care).
 */
export type Ytd = { 
/**
 * Deductible taken in this visit's group, in its period (the year, or the month).
 */
deductiblePaid: Money, 
/**
 * Fund paid this year against this visit's limit (the disease's own or a shared pool).
 */
fundPaid: Money, 
/**
 * The same this calendar month.
 */
fundPaidMonth: Money, 
/**
 * Fund paid this year on all special diseases.
 */
fundPaidTotal: Money, 
/**
 * In-scope cost counted this year against this visit's limit (docs/calculation.md §6–7).
 */
costCounted: Money, 
/**
 * The same this calendar month.
 */
costCountedMonth: Money, 
/**
 * The fund's inpatient payments this year (for limits shared with inpatient care); in
 * `ytdAfter` always given (what the visit was estimated with).
 */
inpatientFundPaid: Money, };

export type TraceStep = { step: string, 
/**
 * The step's value as text (an amount, a ratio), or null where there is none (no cap).
 */
value: string | null, rule: string, 
/**
 * Where the parameter behind the step came from; null for pure arithmetic.
 */
provenance: Provenance | null, note: Text, };

/**
 * Where a line's class B share came from (docs/rules.md precedence).
 */
export type ShareSource = "line" | "item" | "place" | "fallback";

/**
 * One cost line, classified and split.
 */
export type PricedLine = { index: number, 
/**
 * The line's item code, when it gave one.
 */
code?: string, name: Text | null, class: ItemClass, inCatalogue: boolean, amount: Money, fullSelfPay: Money, overLimitSelfPay: Money, preSelfPay: Money, inScope: Money, 
/**
 * The class B share used, for class B lines.
 */
share: Ratio | null, shareSource: ShareSource | null, shareProvenance: Provenance | null, };

/**
 * The policy an estimate was made under.
 */
export type PolicyRef = { 
/**
 * The pack region answering (a county code resolves to its prefecture's pack), or the
 * request's code.
 */
region: DivisionCode, 
/**
 * The division's official name (English may be pinyin); an unknown code's name is the code.
 */
name: Text, 
/**
 * The version consulted (its effective date), or "national-baseline".
 */
version: IsoDate | "national-baseline", 
/**
 * Whether the region is answered under the national baseline (no pack covers it).
 */
baseline: boolean, 
/**
 * Whether that version is in force on the visit date (false before the opening date; under
 * the baseline, false before 2021-09-01).
 */
inForce: boolean, 
/**
 * The version's parameters were checked up to this date (null: not stated).
 */
reviewedUntil: IsoDate | null, };

/**
 * The result of `estimate` (docs/contract.md), plus the per-line breakdown and the notice.
 */
export type EstimateResult = { mode: Mode, eligibility: Eligibility, 
/**
 * Null when the amounts cannot be known: a region without a pack (`policy.baseline`) whose
 * request has no `insured.terms`, in mode direct or manual (the warnings then include
 * TERMS_NEEDED). In mode "none" the none settlement is always given.
 */
settlement: Settlement | null, 
/**
 * Null exactly when `settlement` is.
 */
ytdAfter: Ytd | null, 
/**
 * Every step with its rule id, provenance and note. Without terms: the catalogue's steps
 * (total … inScope), then a "terms" step with value null.
 */
trace: Array<TraceStep>, policy: PolicyRef, lines: Array<PricedLine>, 
/**
 * 试算结果仅供参考，以实际结算为准.
 */
notice: Text, 
/**
 * Whether any parameter behind the numbers is an illustrative assumption.
 */
usesAssumptions: boolean, };

/**
 * The numbers alone: what `settle` returns when the words are not wanted (what-if panels,
 * batch use). The same calculation as `estimate`, without messages, trace or line details.
 */
export type Decision = { mode: Mode, directSettlement: boolean, 
/**
 * Every check's status, keyed by its code, in the contract's order.
 */
checks: Record<CheckCode, CheckStatus>, 
/**
 * Null as in `EstimateResult.settlement` (a baseline region without terms).
 */
settlement: Settlement | null, ytdAfter: Ytd | null, };

/**
 * A request fact a version's rules split on (`VersionInfo.facts`): `birthDate` (or `age`),
 * `tier`, `recognizedSince`, `recognizedDiseases` (or `recognition`), `ytd.inpatientFundPaid`.
 */
export type RequestFact = "birthDate" | "tier" | "recognizedSince" | "recognizedDiseases" | "inpatientFundPaid";

/**
 * A field of `insured.terms` (`DiseaseInfo.terms`: those the person gives for a disease).
 */
export type TermField = "ratio" | "deductible" | "annualLimit" | "reduction" | "unfiledReduction";

/**
 * A tier a version defines: the id a request gives as `insured.tier`, and its name.
 */
export type TierInfo = { id: string, name: Text, };

export type VersionInfo = { from: IsoDate, open: boolean, provenance: Provenance, 
/**
 * Checked against the published policy up to this date (null: not stated).
 */
reviewedUntil: IsoDate | null, 
/**
 * The request facts the version's rules split on, so that a front end asks only these:
 * `birthDate` (age bands; `age` also accepted), `tier`, `recognizedSince` (scheduled quotas),
 * `recognizedDiseases` (limits that grow with, or are ranked over, the recognised diseases),
 * `inpatientFundPaid` (a limit shared with inpatient care). Empty when it splits on none.
 */
facts: Array<RequestFact>, 
/**
 * The tiers the version defines, in pack order (深圳 `1` 一档, `2` 二档, `3` 三档): the
 * choices when `facts` has `tier`. Empty when it defines none.
 */
tiers: Array<TierInfo>, };

export type RegionInfo = { code: DivisionCode, name: Text, 
/**
 * The province the region is in (`xx0000`).
 */
province: DivisionCode, versions: Array<VersionInfo>, };

export type DiseaseInfo = { id: string, name: Text, pinyin: string | null, provenance: Provenance, 
/**
 * The shared pool's name when the disease shares its limit with others.
 */
pool: Text | null, 
/**
 * The `insured.terms` fields the person gives for this disease on this date because no
 * pack states them: all five under the national baseline; `ratio`, `deductible` and
 * `annualLimit` for a national disease the region's pack does not list (the pack's cuts
 * stand); those the pack leaves to the person for a disease it prices in part; none for
 * a disease the pack prices fully. `reduction` and `unfiledReduction` too wherever the
 * pack leaves those cuts to the person.
 */
terms: Array<TermField>, };

export type Share = { value: Ratio, provenance: Provenance, };

export type CityInfo = { code: DivisionCode, name: Text, };

export type PlaceInfo = { code: DivisionCode, name: Text, 
/**
 * Null where the place has no share of its own (the national fallback then applies).
 */
classBShare: Share | null, cities: Array<CityInfo>, };

export type CatalogueEntry = { code: string, name: Text, class: ItemClass, provenance: Provenance, 
/**
 * The class B share that applies to this item at this place.
 */
selfPayRatio: Share | null, shareSource: ShareSource | null, ceilingAmount: Money | null, };

export type CatalogueInfo = { place: DivisionCode, name: Text, classBShare: Share, 
/**
 * True when the place has no catalogue data and the national fallback share is used.
 */
defaulted: boolean, items: Array<CatalogueEntry>, };

/**
 * One number of an estimate under the national settlement interface's name. Without a
 * settlement (a baseline region without terms) the ten amounts' values are null; the places are
 * given.
 */
export type NationalField = { 
/**
 * Our field name (camelCase).
 */
ours: string, 
/**
 * The national interface's field name.
 */
field: string, name: Text, value: string | null, };

/**
 * What identifies a loaded pack.
 */
export type PackInfo = { id: string, version: string, 
/**
 * `sha256:` and 64 hex digits, over the pack's canonical JSON (RFC 8785).
 */
digest: string, };

export type ErrorCode = "INVALID_INPUT" | "UNKNOWN_REGION" | "UNKNOWN_DISEASE" | "LIMIT_EXCEEDED" | "INVALID_POLICY";
