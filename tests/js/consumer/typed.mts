// A TypeScript consumer (Node ESM, moduleResolution nodenext) that uses every method and every
// shape of the package's declarations. It is type-checked with --strict and then run: each
// helper below accepts exactly the type the declarations promise and checks at run time that
// the value really is of that type, so declarations and results cannot drift apart.
import { readFileSync } from "node:fs";
import yibao, { Engine, version } from "yibao-policy";
import type {
  CatalogueInfo, Check, CheckCode, DiseaseInfo, Eligibility, EligibilityRequest, ErrorCode,
  EstimateRequest, EstimateResult, Money, NationalField, PackInfo, PlaceInfo, PolicyPack,
  PricedLine, Provenance, Ratio, RegionInfo, Settlement, Share, Text, TraceStep,
  YibaoPolicyError, Ytd,
} from "yibao-policy";

const problems: string[] = [];
const fail = (at: string, v: unknown): void => void problems.push(`${at}: unexpected ${JSON.stringify(v)}`);
const str = (v: string, at: string): string => (typeof v === "string" ? v : (fail(at, v), v));
const num = (v: number, at: string): number => (typeof v === "number" ? v : (fail(at, v), v));
const bool = (v: boolean, at: string): boolean => (typeof v === "boolean" ? v : (fail(at, v), v));
const money = (v: Money, at: string): Money => (/^\d+\.\d{2}$/.test(v) ? v : (fail(at, v), v));
const ratio = (v: Ratio, at: string): Ratio => (/^(0|1)(\.\d+)?$/.test(v) ? v : (fail(at, v), v));
const nullable = <T,>(v: T | null, at: string, check: (v: T, at: string) => unknown): void => {
  if (v !== null) check(v, at);
};
const oneOf = <T extends string>(v: T, allowed: readonly T[], at: string): T => (allowed.includes(v) ? v : (fail(at, v), v));
const text = (v: Text, at: string): void => void (str(v.zh, `${at}.zh`), str(v.en, `${at}.en`));
const PROVENANCE: readonly Provenance[] = ["published", "reposted", "seed", "national", "user", "assumed"];
const share = (v: Share, at: string): void => void (ratio(v.value, `${at}.value`), oneOf(v.provenance, PROVENANCE, at));

function checkCheck(c: Check, at: string): CheckCode {
  oneOf(c.status, ["pass", "fail", "warn"], `${at}.status`);
  text(c.message, `${at}.message`);
  nullable(c.action, `${at}.action`, (a, p) => (str(a.code, `${p}.code`), text(a.message, `${p}.message`)));
  return c.code;
}

function checkEligibility(e: Eligibility, at: string): void {
  bool(e.directSettlement, `${at}.directSettlement`);
  const codes: CheckCode[] = e.checks.map((c, i) => checkCheck(c, `${at}.checks[${i}]`));
  if (codes.length !== 8) fail(`${at}.checks`, codes);
  for (const [i, w] of e.warnings.entries()) {
    str(w.code, `${at}.warnings[${i}].code`);
    str(w.path, `${at}.warnings[${i}].path`);
    text(w.message, `${at}.warnings[${i}].message`);
  }
}

function checkSettlement(s: Settlement, at: string): void {
  const amounts = [
    "total", "fullSelfPay", "overLimitSelfPay", "preSelfPay", "inScope", "deductible",
    "fundBeforeCap", "fundPays", "aboveCap", "coinsurance", "patientPays",
  ] as const;
  for (const k of amounts) money(s[k], `${at}.${k}`);
  ratio(s.ratio, `${at}.ratio`);
  nullable(s.capRemaining, `${at}.capRemaining`, money);
}

function checkLine(l: PricedLine, at: string): void {
  num(l.index, `${at}.index`);
  if (l.code !== undefined) str(l.code, `${at}.code`);
  nullable(l.name, `${at}.name`, text);
  oneOf(l.class, ["A", "B", "C"], `${at}.class`);
  bool(l.inCatalogue, `${at}.inCatalogue`);
  for (const k of ["amount", "fullSelfPay", "overLimitSelfPay", "preSelfPay", "inScope"] as const) money(l[k], `${at}.${k}`);
  nullable(l.share, `${at}.share`, ratio);
  nullable(l.shareSource, `${at}.shareSource`, (v, p) => oneOf(v, ["line", "item", "place", "fallback"], p));
  nullable(l.shareProvenance, `${at}.shareProvenance`, (v, p) => oneOf(v, PROVENANCE, p));
}

function checkEstimate(r: EstimateResult, at: string): EstimateResult {
  oneOf(r.mode, ["direct", "manual", "none"], `${at}.mode`);
  checkEligibility(r.eligibility, `${at}.eligibility`);
  // Null only for a region without a pack and no terms (then both are).
  nullable(r.settlement, `${at}.settlement`, checkSettlement);
  nullable(r.ytdAfter, `${at}.ytdAfter`, (ytd: Ytd, p) => {
    for (const k of ["deductiblePaid", "fundPaid", "fundPaidMonth", "fundPaidTotal"] as const) money(ytd[k], `${p}.${k}`);
  });
  r.trace.forEach((t: TraceStep, i) => {
    str(t.step, `${at}.trace[${i}].step`);
    nullable(t.value, `${at}.trace[${i}].value`, str);
    str(t.rule, `${at}.trace[${i}].rule`);
    nullable(t.provenance, `${at}.trace[${i}].provenance`, (v, p) => oneOf(v, PROVENANCE, p));
    text(t.note, `${at}.trace[${i}].note`);
  });
  str(r.policy.region, `${at}.policy.region`);
  text(r.policy.name, `${at}.policy.name`);
  str(r.policy.version, `${at}.policy.version`);
  bool(r.policy.inForce, `${at}.policy.inForce`);
  bool(r.policy.baseline, `${at}.policy.baseline`);
  nullable(r.policy.reviewedUntil, `${at}.policy.reviewedUntil`, str);
  r.lines.forEach((l, i) => checkLine(l, `${at}.lines[${i}]`));
  text(r.notice, `${at}.notice`);
  bool(r.usesAssumptions, `${at}.usesAssumptions`);
  return r;
}

// The test writes the shared cases and the default packs next to this file.
const { request } = JSON.parse(readFileSync("case.json", "utf8")) as { request: EstimateRequest };
const visits = JSON.parse(readFileSync("visits.json", "utf8")) as EstimateRequest[];
const packs = JSON.parse(readFileSync("packs.json", "utf8")) as Array<PolicyPack | string>;

const engine: Engine = Engine.withDefaults();
const estimate = checkEstimate(engine.estimate(request), "estimate");
const fromText = checkEstimate(engine.estimate(JSON.stringify(request)), "estimate(text)");
// A line neither in the catalogue nor classed: a warning, not an error (CONTRACT.md).
const warned = checkEstimate(engine.estimate({ ...request, items: [{ name: "自备药", amount: "10" }] }), "estimate(warned)");

const { items: _items, ...withoutItems } = request;
const eligibilityOnly: EligibilityRequest = withoutItems;
const eligibility: Eligibility = engine.checkEligibility(eligibilityOnly);
checkEligibility(eligibility, "checkEligibility");

const year: EstimateResult[] = engine.estimateYear(visits).map((r, i) => checkEstimate(r, `estimateYear[${i}]`));

const regions: RegionInfo[] = engine.regions();
regions.forEach((r, i) => {
  str(r.code, `regions[${i}].code`);
  text(r.name, `regions[${i}].name`);
  str(r.province, `regions[${i}].province`);
  r.versions.forEach((v, j) => (str(v.from, `regions[${i}].versions[${j}].from`), bool(v.open, `regions[${i}].versions[${j}].open`), oneOf(v.provenance, PROVENANCE, `regions[${i}].versions[${j}]`)));
});

const diseases: DiseaseInfo[] = engine.diseases(request.insured.region, request.visit.date);
diseases.forEach((d, i) => {
  str(d.id, `diseases[${i}].id`);
  text(d.name, `diseases[${i}].name`);
  nullable(d.pinyin, `diseases[${i}].pinyin`, str);
  oneOf(d.provenance, PROVENANCE, `diseases[${i}].provenance`);
  nullable(d.pool, `diseases[${i}].pool`, text);
});

const places: PlaceInfo[] = engine.places();
places.forEach((p, i) => {
  str(p.code, `places[${i}].code`);
  text(p.name, `places[${i}].name`);
  nullable(p.classBShare, `places[${i}].classBShare`, share);
  p.cities.forEach((c, j) => (str(c.code, `places[${i}].cities[${j}].code`), text(c.name, `places[${i}].cities[${j}].name`)));
});

const catalogue: CatalogueInfo = engine.catalogue(request.visit.place);
str(catalogue.place, "catalogue.place");
text(catalogue.name, "catalogue.name");
share(catalogue.classBShare, "catalogue.classBShare");
bool(catalogue.defaulted, "catalogue.defaulted");
catalogue.items.forEach((it, i) => {
  const at = `catalogue.items[${i}]`;
  str(it.code, `${at}.code`);
  text(it.name, `${at}.name`);
  oneOf(it.class, ["A", "B", "C"], `${at}.class`);
  oneOf(it.provenance, PROVENANCE, `${at}.provenance`);
  nullable(it.selfPayRatio, `${at}.selfPayRatio`, share);
  nullable(it.shareSource, `${at}.shareSource`, (v, p) => oneOf(v, ["item", "place", "fallback"], p));
  nullable(it.ceilingAmount, `${at}.ceilingAmount`, money);
});

const national: NationalField[] = engine.nationalFields(request);
national.forEach((f, i) => (str(f.ours, `national[${i}].ours`), str(f.field, `national[${i}].field`), text(f.name, `national[${i}].name`), nullable(f.value, `national[${i}].value`, str)));

const loaded: PackInfo[] = engine.packs();
loaded.forEach((p, i) => (str(p.id, `packs[${i}].id`), str(p.version, `packs[${i}].version`)));
const custom = Engine.fromPacks(packs);
const customEstimate = checkEstimate(custom.estimate(request), "fromPacks.estimate");
custom.free();

// Errors: a real Error with typed fields.
function caught(run: () => unknown): YibaoPolicyError | null {
  try {
    run();
    return null;
  } catch (e) {
    if (!(e instanceof Error)) throw e;
    return e as YibaoPolicyError;
  }
}
const bad = caught(() => engine.estimate({ ...request, items: [{ amount: "12.345" }] }));
const badCode: ErrorCode | undefined = bad?.code;
const invalidPack = caught(() => Engine.fromPacks([{ format: "yibao-policy-pack/1", id: "broken", version: "0" }]));
const packProblems = (invalidPack?.problems ?? []).map((p) => ({ pack: num(p.pack, "problem.pack"), path: str(p.path, "problem.path"), zh: str(p.messageZh, "problem.messageZh") }));

console.log(JSON.stringify({
  version: version(),
  defaultImport: yibao.Engine === Engine,
  estimate,
  sameFromText: JSON.stringify(fromText) === JSON.stringify(estimate),
  directSettlement: eligibility.directSettlement,
  warnings: warned.eligibility.warnings.map((w) => ({ code: w.code, path: w.path })),
  year,
  regions: regions.map((r) => r.code),
  diseases: diseases.map((d) => d.id),
  places: places.length,
  catalogue: catalogue.place,
  national: Object.fromEntries(national.map((f) => [f.field, f.value])),
  packs: loaded.map((p) => p.id),
  customFundPays: customEstimate.settlement?.fundPays ?? null,
  error: bad && { name: bad.name, code: badCode, path: bad.path, message: bad.message, messageZh: bad.messageZh },
  packProblems,
  problems,
}));
