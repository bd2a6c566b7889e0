// Builds the ZEN peer's JDM decision graphs (bench/peers/zen/<region>.json): the Hotan and
// Dongguan policy (docs/rules.md) the way a GoRules user would model it in the JDM editor —
// decision tables for every lookup (class B share by treatment province, catalogue class by item,
// ratio by disease/person/hospital level, reduction by filing category, deductible and limits by
// disease and scheme), expression nodes for the checks and the docs/calculation.md §5 arithmetic, and a switch
// that sends bad input straight to the output. One graph per insured region, as our packs are.
//
// The graphs are data: this script only saves typing UUIDs. `node bench/peers/zen/build.mjs`
// rewrites them; bench/node.mjs checks them against every public case before timing them.
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const q = (s) => JSON.stringify(s); // a string literal in ZEN's expression language

// ── Treatment-place side (the same in both graphs) ─────────────────────────────────────────
const CLASS_B_SHARE = [["44", "0.05"], ["51", "0.08"], ["11", "0.10"], ["31", "0.10"], ["33", "0.10"], ["43", "0.10"], ["61", "0.10"], ["65", "0.10"]];
const FALLBACK_SHARE = "0.10";
const CATALOGUE = [
  ["metformin", "A"], ["amlodipine", "A"], ["insulin_glargine", "B"], ["tacrolimus", "B"],
  ["ciclosporin", "A"], ["trastuzumab", "B", "0.20"], ["paclitaxel", "A"], ["epoetin", "B"],
  ["hemodialysis", "A"], ["factor_viii", "B"], ["hydroxychloroquine", "B"], ["multivitamin", "C"],
];
const ALL_DISEASES = ["cancer_outpatient", "dialysis", "transplant_antirejection", "hemophilia", "aplastic_anemia", "sle", "hypertension", "diabetes"];

// ── Insured places ──────────────────────────────────────────────────────────────────────────
// ratio rows: [diseases, who ("working" | "retired" | "resident" | "" = any), level ("" = any), ratio]
const REGIONS = {
  "653200-hotan": {
    name: "和田地区 Hotan (653200)",
    opens: "2025-01-01",
    ratio: [
      [["cancer_outpatient"], "", "", "0.75"],
      ...byWho(["dialysis"], "0.85", "0.90", "0.80"),
      ...byWho(["transplant_antirejection"], "0.80", "0.85", "0.75"),
      ...byWho(["hemophilia"], "0.80", "0.85", "0.75"),
      ...byWho(["aplastic_anemia"], "0.80", "0.85", "0.70"),
      ...byWho(["sle"], "0.75", "0.80", "0.65"),
    ],
    reductions: { referral: "0.10", emergency: "0.10", other_temporary: "0.20", unfiled: "0.20" },
    // [disease, scheme ("" = any), deductible group, deductible, limit group, annual, monthly, overall]
    terms: [
      ["cancer_outpatient", "", "none", "0", "cancer_outpatient", "100000", null, null],
      ["dialysis", "", "none", "0", "dialysis", "70000", null, null],
      ["transplant_antirejection", "", "none", "0", "transplant_antirejection", "60000", null, null],
      ["hemophilia", "", "none", "0", "hemophilia", "50000", null, null],
      ["aplastic_anemia", "", "none", "0", "aplastic_anemia", "40000", null, null],
      ["sle", "", "sle", "200", "sle", "15000", null, null],
    ],
  },
  "441900-dongguan": {
    name: "东莞市 Dongguan (441900)",
    opens: "2025-01-01",
    ratio: [
      ...["1", "2", "3"].flatMap((level, i) => [
        [["hypertension", "diabetes"], "working", level, ["0.85", "0.80", "0.75"][i]],
        [["hypertension", "diabetes"], "retired", level, ["0.90", "0.85", "0.80"][i]],
        [["hypertension", "diabetes"], "resident", level, ["0.75", "0.70", "0.65"][i]],
      ]),
      ...byWho(["dialysis"], "0.90", "0.90", "0.85"),
      ...byWho(["transplant_antirejection"], "0.85", "0.90", "0.80"),
      ...byWho(["cancer_outpatient"], "0.85", "0.90", "0.80"),
    ],
    reductions: { referral: "0.10", emergency: "0.05", other_temporary: "0.15", unfiled: "0.20" },
    terms: [
      ["hypertension", "employee", "chronic_basic", "300", "chronic_basic", "4000", null, "600000"],
      ["hypertension", "resident", "chronic_basic", "300", "chronic_basic", "3000", null, "400000"],
      ["diabetes", "employee", "chronic_basic", "300", "chronic_basic", "4000", null, "600000"],
      ["diabetes", "resident", "chronic_basic", "300", "chronic_basic", "3000", null, "400000"],
      ["dialysis", "employee", "none", "0", "dialysis", null, "6000", "600000"],
      ["dialysis", "resident", "none", "0", "dialysis", null, "5000", "400000"],
      ["transplant_antirejection", "employee", "none", "0", "transplant_antirejection", "80000", null, "600000"],
      ["transplant_antirejection", "resident", "none", "0", "transplant_antirejection", "80000", null, "400000"],
      ["cancer_outpatient", "employee", "none", "0", "cancer_outpatient", null, null, "600000"],
      ["cancer_outpatient", "resident", "none", "0", "cancer_outpatient", null, null, "400000"],
    ],
  },
};

function byWho(diseases, working, retired, resident) {
  return [[diseases, "working", "", working], [diseases, "retired", "", retired], [diseases, "resident", "", resident]];
}

// ── JDM helpers ─────────────────────────────────────────────────────────────────────────────
let x = 0;
const node = (id, type, name, content) => ({ id, type, name, position: { x: (x += 260), y: 200 }, ...(content ? { content } : {}) });
const expressions = (id, name, exprs, { passThrough = true } = {}) =>
  node(id, "expressionNode", name, {
    expressions: Object.entries(exprs).map(([key, value], i) => ({ id: `${id}-${i}`, key, value })),
    passThrough, inputField: null, outputPath: null, executionMode: "single",
  });
/** A first-hit decision table: `inputs` [[name, field]], `outputs` [[name, field]], rows of cells. */
function table(id, name, inputs, outputs, rows, attrs = {}) {
  const ins = inputs.map(([n, field], i) => ({ id: `${id}-in${i}`, name: n, field }));
  const outs = outputs.map(([n, field], i) => ({ id: `${id}-out${i}`, name: n, field }));
  const rules = rows.map((cells, r) => {
    const rule = { _id: `${id}-r${r}` };
    ins.forEach((c, i) => (rule[c.id] = cells[i]));
    outs.forEach((c, i) => (rule[c.id] = cells[ins.length + i]));
    return rule;
  });
  return node(id, "decisionTableNode", name, {
    hitPolicy: "first", inputs: ins, outputs: outs, rules,
    passThrough: true, inputField: null, outputPath: null, executionMode: "single", ...attrs,
  });
}
const lit = (v) => (v === null ? "null" : String(v)); // numbers in ZEN are decimals: "0.05" is exact
const oneOf = (list) => list.map(q).join(", ");

function graph(region) {
  x = 0;
  const p = REGIONS[region];
  const covered = [...new Set(p.ratio.flatMap((r) => r[0]))];
  const nodes = [
    node("request", "inputNode", "Request"),
    expressions("validate", "Validate the request", {
      // Arithmetic, not matches(): ZEN compiles a regex on every call (≈200 µs here).
      amounts: "map(items, isNumeric(string(#.amount)) ? number(#.amount) : -1)",
      badAmount: "filter([0..len(items) - 1], $.amounts[#] < 0 or $.amounts[#] > 100000000 or $.amounts[#] != round($.amounts[#], 2))[0]",
      error: `$.badAmount != null ? { code: 'INVALID_INPUT', path: 'items[' + string($.badAmount) + '].amount' } : (not (visit.disease in [${oneOf(ALL_DISEASES)}]) ? { code: 'UNKNOWN_DISEASE', path: 'visit.disease' } : null)`,
    }),
    node("route", "switchNode", "Bad input?", {
      hitPolicy: "first",
      statements: [{ id: "route-error", condition: "error != null" }, { id: "route-ok", condition: "" }],
    }),
    table("share", "Class B self-pay share at the treatment place (就医地)",
      [["province", "visit.place[0:1]"]], [["placeShare", "placeShare"]],
      [...CLASS_B_SHARE.map(([prov, share]) => [q(prov), share]), ["", FALLBACK_SHARE]]),
    table("catalogue", "Catalogue class of each line (就医地目录)",
      [["code", "code"]], [["catClass", "catClass"], ["catShare", "catShare"]],
      [...CATALOGUE.map(([code, cls, share]) => [q(code), q(cls), share ?? "null"]), ["", "null", "null"]],
      { inputField: "items", outputPath: "lines", executionMode: "loop" }),
    expressions("lines", "Split the lines (docs/calculation.md §5 steps 1–5)", {
      priced: "map(lines, { amount: number(#.amount), cls: #.class ?? #.catClass ?? 'C', ceiling: #.ceilingAmount == null ? null : number(#.ceilingAmount), share: number(#.selfPayRatio ?? #.catShare ?? placeShare) })",
      total: "sum(map($.priced, #.amount))",
      fullSelfPay: "sum(map($.priced, #.cls == 'C' ? #.amount : 0))",
      overLimitSelfPay: "sum(map($.priced, #.cls != 'C' and #.ceiling != null ? max([0, #.amount - #.ceiling]) : 0))",
      preSelfPay: "sum(map($.priced, #.cls == 'B' ? round((#.ceiling == null ? #.amount : min([#.amount, #.ceiling])) * #.share, 2) : 0))",
      inScope: "$.total - $.fullSelfPay - $.overLimitSelfPay - $.preSelfPay",
    }),
    expressions("checks", "The eight checks and the mode", {
      crossProvince: "insured.region[0:1] != visit.place[0:1]",
      inForce: `date(visit.date) >= date(${q(p.opens)})`,
      covered: `visit.disease in [${oneOf(covered)}]`,
      recognized: "insured.recognizedDiseases == null or visit.disease in insured.recognizedDiseases",
      filed: "filing != null",
      emergency: "filing.category == 'emergency'",
      placeOk: "$.filed and ($.emergency or filing.place == null or (endsWith(filing.place, '0000') ? filing.place[0:1] == visit.place[0:1] : (endsWith(filing.place, '00') ? filing.place[0:3] == visit.place[0:3] : filing.place == visit.place)))",
      datesOk: "$.filed and ($.emergency or filing.start == null or (date(filing.start) <= date(visit.date) and (filing.end == null or date(visit.date) <= date(filing.end))))",
      networked: "visit.networked ?? true",
      mode: "not ($.crossProvince and $.inForce and $.covered and $.recognized) ? 'none' : ($.filed and $.placeOk and $.datesOk and $.networked ? 'direct' : 'manual')",
      filingValid: "$.filed and $.placeOk and $.datesOk",
      who: "insured.scheme == 'resident' ? 'resident' : (insured.status ?? 'working')",
      scheme: "insured.scheme == 'resident' ? 'resident' : 'employee'",
    }),
    table("ratio", "Ratio by disease, person and hospital level (参保地)",
      [["disease", "visit.disease"], ["who", "who"], ["level", "visit.hospitalLevel"]], [["baseRatio", "baseRatio"]],
      [...p.ratio.map(([ds, who, level, r]) => [oneOf(ds), who ? q(who) : "", level, r]), ["", "", "", "0"]]),
    table("reduction", "Reduction by filing category",
      [["filingValid", "filingValid"], ["category", "filing.category"]], [["reduction", "reduction"]],
      [
        ["true", oneOf(["retired_relocated", "long_term_resident", "stationed_worker"]), "0"],
        ["true", q("referral"), p.reductions.referral],
        ["true", q("emergency"), p.reductions.emergency],
        ["true", q("other_temporary"), p.reductions.other_temporary],
        ["", "", p.reductions.unfiled],
      ]),
    table("terms", "Deductible and limits by disease and scheme",
      [["disease", "visit.disease"], ["scheme", "scheme"]],
      [["dGroup", "dGroup"], ["dAmount", "dAmount"], ["lGroup", "lGroup"], ["annualLimit", "annualLimit"], ["monthlyLimit", "monthlyLimit"], ["overall", "overall"]],
      [
        ...p.terms.map(([d, scheme, dg, da, lg, an, mo, ov]) => [q(d), scheme ? q(scheme) : "", q(dg), da, q(lg), lit(an), lit(mo), lit(ov)]),
        ["", "", "'disease:' + visit.disease", "0", "'disease:' + visit.disease", "null", "null", "null"],
      ]),
    expressions("settle", "Settle (docs/calculation.md §5 steps 6–11)", {
      mode: "mode",
      ytdDeductible: "number(ytd.deductiblePaid ?? acc.deductible[dGroup] ?? 0)",
      ytdFund: "number(ytd.fundPaid ?? acc.limit[lGroup] ?? 0)",
      ytdMonth: "number(ytd.fundPaidMonth ?? acc.month[lGroup + '/' + visit.date[0:6]] ?? 0)",
      ytdTotal: "number(ytd.fundPaidTotal ?? ytd.fundPaid ?? acc.total ?? 0)",
      "settlement.total": "total",
      "settlement.fullSelfPay": "fullSelfPay",
      "settlement.overLimitSelfPay": "overLimitSelfPay",
      "settlement.preSelfPay": "preSelfPay",
      "settlement.inScope": "inScope",
      "settlement.deductible": "mode == 'none' ? 0 : min([inScope, max([0, dAmount - $.ytdDeductible])])",
      "settlement.ratio": "mode == 'none' ? 0 : max([0, baseRatio - reduction])",
      "settlement.fundBeforeCap": "round((inScope - $.settlement.deductible) * $.settlement.ratio, 2)",
      rooms: "mode == 'none' ? [] : filter([annualLimit == null ? null : max([0, annualLimit - $.ytdFund]), monthlyLimit == null ? null : max([0, monthlyLimit - $.ytdMonth]), overall == null ? null : max([0, overall - $.ytdTotal])], # != null)",
      "settlement.capRemaining": "len($.rooms) == 0 ? null : min($.rooms)",
      "settlement.fundPays": "$.settlement.capRemaining == null ? $.settlement.fundBeforeCap : min([$.settlement.fundBeforeCap, $.settlement.capRemaining])",
      "settlement.aboveCap": "$.settlement.fundBeforeCap - $.settlement.fundPays",
      "settlement.coinsurance": "inScope - $.settlement.deductible - $.settlement.fundBeforeCap",
      "settlement.patientPays": "total - $.settlement.fundPays",
      "ytdAfter.deductiblePaid": "$.ytdDeductible + $.settlement.deductible",
      "ytdAfter.fundPaid": "$.ytdFund + $.settlement.fundPays",
      "ytdAfter.fundPaidMonth": "$.ytdMonth + $.settlement.fundPays",
      "ytdAfter.fundPaidTotal": "$.ytdTotal + $.settlement.fundPays",
      "groups.deductible": "dGroup",
      "groups.limit": "lGroup",
    }, { passThrough: false }),
    node("response", "outputNode", "Response"),
  ];
  const chain = ["share", "catalogue", "lines", "checks", "ratio", "reduction", "terms", "settle", "response"];
  const edges = [
    { id: "e-request-validate", sourceId: "request", targetId: "validate", type: "edge" },
    { id: "e-validate-route", sourceId: "validate", targetId: "route", type: "edge" },
    { id: "e-route-error", sourceId: "route", sourceHandle: "route-error", targetId: "response", type: "edge" },
    { id: "e-route-ok", sourceId: "route", sourceHandle: "route-ok", targetId: "share", type: "edge" },
    ...chain.slice(1).map((to, i) => ({ id: `e-${chain[i]}-${to}`, sourceId: chain[i], targetId: to, type: "edge" })),
  ];
  return { contentType: "application/vnd.gorules.decision", name: p.name, nodes, edges };
}

for (const region of Object.keys(REGIONS)) {
  writeFileSync(join(here, `${region}.json`), JSON.stringify(graph(region), null, 1) + "\n");
  console.log(`bench/peers/zen/${region}.json`);
}
