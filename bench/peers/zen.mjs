// Peer (a): GoRules ZEN (`@gorules/zen-engine`, the native Node binding) evaluating the JDM
// graphs in bench/peers/zen/ — one per insured region, picked by `insured.region` the way a
// host picks a decision by key. ZEN's Node API is asynchronous only (`evaluate` returns a
// Promise), so every call here is awaited.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { chainYearAsync } from "./year.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
export const GRAPHS = { "653200": "653200-hotan.json", "441900": "441900-dongguan.json" };

/** Loads the native binding; throws with the reason if it cannot (reported by bench/node.mjs). */
export function loadZen() {
  const zen = require("@gorules/zen-engine");
  const version = require("@gorules/zen-engine/package.json").version;
  return { zen, version };
}

const money = (v) => (v === null || v === undefined ? v : Number(v).toFixed(2));

export function createZenPeer({ zen } = loadZen()) {
  const engine = new zen.ZenEngine();
  const decisions = {};
  for (const [region, file] of Object.entries(GRAPHS)) {
    // ZenDecisionContent compiles every expression once, up front; a plain Buffer would be
    // recompiled on every evaluate (≈2× slower) — give ZEN its fast path.
    const content = new zen.ZenDecisionContent(readFileSync(join(here, "zen", file)));
    decisions[region] = engine.createDecision(content);
  }
  async function evaluate(req, acc) {
    const decision = decisions[req.insured?.region];
    if (!decision) throw Object.assign(new Error("UNKNOWN_REGION"), { code: "UNKNOWN_REGION", path: "insured.region" });
    const response = await decision.evaluate(acc ? { ...req, acc } : req);
    if (response.result.error) throw Object.assign(new Error(response.result.error.code), response.result.error);
    return response;
  }
  const estimate = async (req, acc) => (await evaluate(req, acc)).result;
  return {
    estimate,
    /** ZEN's own report of its evaluation time (`performance`, e.g. "101.2µs"), in ns. */
    async engineTime(req) {
      const { performance } = await evaluate(req);
      const m = /^([\d.]+)\s*(ns|µs|us|ms|s)$/.exec(performance);
      return m ? Number(m[1]) * { ns: 1, µs: 1e3, us: 1e3, ms: 1e6, s: 1e9 }[m[2]] : NaN;
    },
    estimateYear: (visits) => chainYearAsync(visits, estimate),
    /** ZEN hands numbers back as JS numbers: as the contract's two-decimal strings, for checks. */
    normalise(result) {
      const s = result.settlement;
      const settlement = Object.fromEntries(Object.entries(s).map(([k, v]) => [k, k === "ratio" ? String(v) : money(v)]));
      const ytdAfter = Object.fromEntries(Object.entries(result.ytdAfter).map(([k, v]) => [k, money(v)]));
      return { mode: result.mode, settlement, ytdAfter };
    },
    dispose: () => engine.dispose(),
  };
}

/** ZEN's floor, the yardstick of issue 13: a graph of one expression node (the sum of the
 *  request's amounts × 0.75), compiled once and awaited like the full graphs. It computes no
 *  estimate, so it has no correctness gate; it is what any ZEN decision costs at the least. */
export function createZenOneExpression({ zen } = loadZen()) {
  const engine = new zen.ZenEngine();
  const decision = engine.createDecision(new zen.ZenDecisionContent(readFileSync(join(here, "zen", "one-expression.json"))));
  return { evaluate: async (req) => (await decision.evaluate(req)).result, dispose: () => engine.dispose() };
}
