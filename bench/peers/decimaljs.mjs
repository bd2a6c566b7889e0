// Peer (b): the same estimate in plain JavaScript with decimal.js, written the way a front-end
// developer would — the Hotan and Dongguan parameters (docs/rules.md) as object literals, the
// eight checks as booleans, docs/calculation.md §5 as a dozen lines of Decimal arithmetic. No explanation, no
// messages, no provenance: `mode`, the settlement amounts and `ytdAfter` only.
//
//   import { estimate, estimateYear } from "./peers/decimaljs.mjs";
//   estimate(request)  → { mode, settlement: { total, …, fundPays, patientPays }, ytdAfter }
//   throws { code, path } on the bad inputs the public cases try.
import Decimal from "decimal.js";
import { chainYear } from "./year.mjs";

const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
const ZERO = new D(0);
const fen = (x) => x.toDecimalPlaces(2, D.ROUND_HALF_UP);
const money = (x) => x.toFixed(2);

// ── Insured places (参保地政策) ───────────────────────────────────────────────────────────
// ratio: by person ("working" | "retired" | "resident"), optionally by hospital level 1–3.
const LONG_TERM = { retired_relocated: "0", long_term_resident: "0", stationed_worker: "0" };
const REGIONS = {
  "653200": {
    opens: "2025-01-01",
    unfiled: "0.20",
    reductions: { ...LONG_TERM, referral: "0.10", emergency: "0.10", other_temporary: "0.20" },
    overall: null,
    diseases: {
      cancer_outpatient: { ratio: { working: "0.75", retired: "0.75", resident: "0.75" }, limit: "cancer_outpatient", annual: { employee: "100000", resident: "100000" } },
      dialysis: { ratio: { working: "0.85", retired: "0.90", resident: "0.80" }, limit: "dialysis", annual: { employee: "70000", resident: "70000" } },
      transplant_antirejection: { ratio: { working: "0.80", retired: "0.85", resident: "0.75" }, limit: "transplant_antirejection", annual: { employee: "60000", resident: "60000" } },
      hemophilia: { ratio: { working: "0.80", retired: "0.85", resident: "0.75" }, limit: "hemophilia", annual: { employee: "50000", resident: "50000" } },
      aplastic_anemia: { ratio: { working: "0.80", retired: "0.85", resident: "0.70" }, limit: "aplastic_anemia", annual: { employee: "40000", resident: "40000" } },
      sle: { ratio: { working: "0.75", retired: "0.80", resident: "0.65" }, deductible: { group: "sle", amount: "200" }, limit: "sle", annual: { employee: "15000", resident: "15000" } },
    },
  },
  "441900": {
    opens: "2025-01-01",
    unfiled: "0.20",
    reductions: { ...LONG_TERM, referral: "0.10", emergency: "0.05", other_temporary: "0.15" },
    overall: { employee: "600000", resident: "400000" },
    diseases: {
      hypertension: { ratio: { working: ["0.85", "0.80", "0.75"], retired: ["0.90", "0.85", "0.80"], resident: ["0.75", "0.70", "0.65"] }, deductible: { group: "chronic_basic", amount: "300" }, limit: "chronic_basic", annual: { employee: "4000", resident: "3000" } },
      diabetes: { ratio: { working: ["0.85", "0.80", "0.75"], retired: ["0.90", "0.85", "0.80"], resident: ["0.75", "0.70", "0.65"] }, deductible: { group: "chronic_basic", amount: "300" }, limit: "chronic_basic", annual: { employee: "4000", resident: "3000" } },
      dialysis: { ratio: { working: "0.90", retired: "0.90", resident: "0.85" }, limit: "dialysis", monthly: { employee: "6000", resident: "5000" } },
      transplant_antirejection: { ratio: { working: "0.85", retired: "0.90", resident: "0.80" }, limit: "transplant_antirejection", annual: { employee: "80000", resident: "80000" } },
      cancer_outpatient: { ratio: { working: "0.85", retired: "0.90", resident: "0.80" }, limit: "cancer_outpatient" },
    },
  },
};
const KNOWN_DISEASES = new Set(Object.values(REGIONS).flatMap((r) => Object.keys(r.diseases)));

// ── Treatment places (就医地目录) ──────────────────────────────────────────────────────────
const CLASS_B_SHARE = { "110000": "0.10", "310000": "0.10", "330000": "0.10", "430000": "0.10", "440000": "0.05", "510000": "0.08", "610000": "0.10", "650000": "0.10" };
const FALLBACK_SHARE = "0.10";
const CATALOGUE = {
  metformin: { class: "A" }, amlodipine: { class: "A" }, insulin_glargine: { class: "B" },
  tacrolimus: { class: "B" }, ciclosporin: { class: "A" }, trastuzumab: { class: "B", share: "0.20" },
  paclitaxel: { class: "A" }, epoetin: { class: "B" }, hemodialysis: { class: "A" },
  factor_viii: { class: "B" }, hydroxychloroquine: { class: "B" }, multivitamin: { class: "C" },
};

function bad(code, path) {
  const e = new Error(`${code} at ${path}`);
  e.code = code;
  e.path = path;
  return e;
}

const MONEY = /^\d{1,9}(\.\d{1,2})?$/;
function amount(v, path) {
  const text = typeof v === "number" ? String(v) : v;
  if (typeof text !== "string" || !MONEY.test(text)) throw bad("INVALID_INPUT", path);
  const d = new D(text);
  if (d.gt(100000000)) throw bad("INVALID_INPUT", path);
  return d;
}

const contains = (filed, place) =>
  filed.endsWith("0000") ? filed.slice(0, 2) === place.slice(0, 2)
  : filed.endsWith("00") ? filed.slice(0, 4) === place.slice(0, 4)
  : filed === place;

/**
 * One visit. Year-to-date figures come from the request's `ytd` (fundPaidTotal defaults to
 * fundPaid) or, when it has none, from `acc` — the running accumulators of estimateYear.
 */
export function estimate(req, acc) {
  const { insured, filing, visit, items } = req;
  const region = REGIONS[insured.region];
  if (!region) throw bad("UNKNOWN_REGION", "insured.region");
  if (!KNOWN_DISEASES.has(visit.disease)) throw bad("UNKNOWN_DISEASE", "visit.disease");
  const who = insured.scheme === "resident" ? "resident" : (insured.status ?? "working");
  const scheme = insured.scheme === "resident" ? "resident" : "employee";
  const disease = region.diseases[visit.disease];
  const groups = {
    deductible: disease?.deductible?.group ?? disease?.limit ?? `disease:${visit.disease}`,
    limit: disease?.limit ?? `disease:${visit.disease}`,
  };
  const ytd = req.ytd ?? (acc ? {
    deductiblePaid: acc.deductible[groups.deductible], fundPaid: acc.limit[groups.limit],
    fundPaidMonth: acc.month[`${groups.limit}/${visit.date.slice(0, 7)}`], fundPaidTotal: acc.total,
  } : {});
  const ytdDeductible = new D(ytd.deductiblePaid ?? 0);
  const ytdFund = new D(ytd.fundPaid ?? 0);
  const ytdMonth = new D(ytd.fundPaidMonth ?? 0);
  const ytdTotal = new D(ytd.fundPaidTotal ?? ytd.fundPaid ?? 0);

  // Lines: class, price ceiling, class B share (line's own, else item's, else the place's).
  const province = visit.place.slice(0, 2) + "0000";
  const placeShare = CLASS_B_SHARE[province] ?? FALLBACK_SHARE;
  let total = ZERO, full = ZERO, over = ZERO, pre = ZERO;
  items.forEach((item, i) => {
    const amt = amount(item.amount, `items[${i}].amount`);
    const listed = item.code ? CATALOGUE[item.code] : undefined;
    const cls = item.class ?? listed?.class ?? "C";
    total = total.plus(amt);
    if (cls === "C") {
      full = full.plus(amt);
      return;
    }
    const within = item.ceilingAmount != null ? D.min(amt, new D(item.ceilingAmount)) : amt;
    over = over.plus(amt.minus(within));
    if (cls === "B") {
      const share = item.selfPayRatio ?? listed?.share ?? placeShare;
      pre = pre.plus(fen(within.times(share)));
    }
  });
  const inScope = total.minus(full).minus(over).minus(pre);

  // The eight checks.
  const date = visit.date;
  const crossProvince = insured.region.slice(0, 2) !== visit.place.slice(0, 2);
  const inForce = date >= region.opens;
  const covered = disease !== undefined;
  const recognized = !insured.recognizedDiseases || insured.recognizedDiseases.includes(visit.disease);
  const emergency = filing?.category === "emergency";
  const filed = !!filing;
  const placeOk = filed && (emergency || !filing.place || contains(filing.place, visit.place));
  const datesOk = filed && (emergency || !filing.start || (filing.start <= date && (!filing.end || date <= filing.end)));
  const networked = visit.networked ?? true;
  const mode = !crossProvince || !inForce || !covered || !recognized ? "none"
    : filed && placeOk && datesOk && networked ? "direct" : "manual";

  let deductible = ZERO, ratio = ZERO, cap = null;
  if (mode !== "none") {
    if (disease.deductible) {
      const left = D.max(0, new D(disease.deductible.amount).minus(ytdDeductible));
      deductible = D.min(inScope, left);
    }
    const r = disease.ratio[who];
    const base = new D(Array.isArray(r) ? r[visit.hospitalLevel - 1] : r);
    const reduction = filed && placeOk && datesOk ? region.reductions[filing.category] : region.unfiled;
    ratio = D.max(0, base.minus(reduction));
    const rooms = [];
    if (disease.annual) rooms.push(D.max(0, new D(disease.annual[scheme]).minus(ytdFund)));
    if (disease.monthly) rooms.push(D.max(0, new D(disease.monthly[scheme]).minus(ytdMonth)));
    if (region.overall) rooms.push(D.max(0, new D(region.overall[scheme]).minus(ytdTotal)));
    if (rooms.length) cap = D.min(...rooms);
  }
  const fundBeforeCap = fen(inScope.minus(deductible).times(ratio));
  const fundPays = cap ? D.min(fundBeforeCap, cap) : fundBeforeCap;
  const patientPays = total.minus(fundPays);
  return {
    mode,
    settlement: {
      total: money(total), fullSelfPay: money(full), overLimitSelfPay: money(over), preSelfPay: money(pre),
      inScope: money(inScope), deductible: money(deductible), ratio: ratio.toString(),
      fundBeforeCap: money(fundBeforeCap), capRemaining: cap ? money(cap) : null, fundPays: money(fundPays),
      aboveCap: money(fundBeforeCap.minus(fundPays)), coinsurance: money(inScope.minus(deductible).minus(fundBeforeCap)),
      patientPays: money(patientPays),
    },
    ytdAfter: {
      deductiblePaid: money(ytdDeductible.plus(deductible)), fundPaid: money(ytdFund.plus(fundPays)),
      fundPaidMonth: money(ytdMonth.plus(fundPays)), fundPaidTotal: money(ytdTotal.plus(fundPays)),
    },
    groups,
  };
}

/** A person's visits in date order, carrying the year-to-date figures (docs/contract.md). */
export function estimateYear(visits) {
  return chainYear(visits, estimate);
}
