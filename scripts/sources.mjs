// The sources of the default packs' published and reposted figures, for the page: the page's
// .wasm carries no sources (src/policy/compact.rs), so the explanation fetches this one static
// file when a step's figure is published or reposted — the same file for everyone, so the request
// says nothing about the person (no region, no disease).
//
//   node scripts/sources.mjs          write www/data/sources.json from packs/*.json
//   node scripts/sources.mjs --check  exit 1 if the file differs from what packs/ give
//
// The file: { "texts": [source, …], "rules": { "<rule id>": index into texts }, "quote": { "<rule
// id>": index of the quote to show } }, a rule id as the engine's trace names the parameter
// (docs/pack-format.md "Rule ids"). A source may quote several sentences (大理's: "900元", "50%",
// the 10万 ceiling…); the page shows the one holding the figure, as the notice writes it — the
// first where `quote` says nothing.
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const OUT = join(root, "www/data/sources.json");
const SHOWN = new Set(["published", "reposted"]);

/** Every parameter (and "no deductible" group) under `node` whose provenance is shown with its source, as [rule path, param]. */
function params(node, path, out) {
  if (Array.isArray(node)) {
    // Age bands and schedule steps: the trace names an arm by its first age or month.
    for (const arm of node) {
      const first = arm && (arm.fromAge ?? arm.fromMonth);
      if (first !== undefined) params(arm, path.concat(String(first)), out);
    }
    return out;
  }
  if (!node || typeof node !== "object") return out;
  if (SHOWN.has(node.provenance) && typeof node.source === "string" && ("value" in node || node.kind === "none")) out.push([path, node]);
  for (const [k, v] of Object.entries(node)) {
    if (k === "source" || k === "name" || k === "value") continue;
    params(v, path.concat(k), out);
  }
  return out;
}

/** The keys of a version's path the trace leaves out: a deductible's and the overall ceiling's
 * `amount`, a cut's `points` (its other forms, `factor`, `selfPayFirst`, `ratio`, stay). */
const UNNAMED = { deductibles: "amount", overallCeiling: "amount", reductions: "points", unfiledReduction: "points" };

/** The rule id of a version's parameter at `keys` (pack path inside the version). */
function ruleOf(prefix, keys) {
  const [head, ...rest] = keys;
  if (head === "diseases") return [prefix, ...rest].join("/");
  return [prefix, head, ...rest.filter((k) => k !== UNNAMED[head])].join("/");
}

/** A limit that grows with the recognised diseases, or a ranked one, is one step of the trace
 * (`…/annual/growing`) made of several parameters: the step takes the first one's source. */
function shapeOf(rule) {
  const m = rule.match(/^(.*\/(?:growing|ranked))\//);
  return m ? m[1] : null;
}

/** How a notice writes a figure (as tests/notices.rs reads them): a ratio as "70%" or "20个百分点",
 * money as its number or in 万 ("10万"), a zero as "0" or "不设". */
export function written(value, ratio) {
  const d = Number(value);
  const plain = (x) => String(Number(x.toFixed(4)));
  if (ratio) return [`${plain(d * 100)}%`, `${plain(d * 100)}个百分点`];
  if (d === 0) return ["0", "不设"];
  return d >= 10000 ? [plain(d), `${plain(d / 10000)}万`] : [plain(d)];
}

/** Whether `token` stands in `text` as a number of its own (not inside a longer one). */
function hasNumber(text, token) {
  for (let i = text.indexOf(token); i >= 0; i = text.indexOf(token, i + 1)) {
    if (!/[0-9.]/.test(text[i - 1] || "") && !/[0-9]/.test(text[i + token.length] || "")) return true;
  }
  return false;
}

const RATIO_KEYS = new Set(["ratio", "reductions", "unfiledReduction", "factor", "points", "selfPayFirst", "classBShare", "shares"]);

/** Which of the source's quotes (“…”, as the page reads them) to show: the first that writes the
 * figure; for "no such limit" (null), the first that speaks of a limit; else the first. */
function quoteIndex(keys, param) {
  const quotes = [...param.source.matchAll(/“([^”]*)”/g)].map((m) => m[1]);
  if (quotes.length < 2) return 0;
  let i;
  if (param.value === null) i = quotes.findIndex((q) => /限额|封顶/.test(q));
  else if (typeof param.value === "string" || typeof param.value === "number") {
    const forms = written(param.value, keys.some((k) => RATIO_KEYS.has(k)));
    i = quotes.findIndex((q) => forms.some((f) => hasNumber(q, f)));
  }
  return i > 0 ? i : 0;
}

export function sources() {
  const texts = [];
  const rules = {};
  const quote = {};
  const files = readdirSync(join(root, "packs")).filter((f) => f.endsWith(".json")).sort();
  for (const file of files) {
    const pack = JSON.parse(readFileSync(join(root, "packs", file), "utf8"));
    // An entry of several `codes` is one region per code, each with the same versions.
    for (const region of pack.regions || []) {
      for (const [code, version] of (region.codes || [region.code]).flatMap((c) => region.versions.map((v) => [c, v]))) {
        const prefix = `${code}/${version.from}`;
        for (const [keys, param] of params(version, [], [])) {
          let i = texts.indexOf(param.source);
          if (i < 0) i = texts.push(param.source) - 1;
          const rule = ruleOf(prefix, keys);
          const q = quoteIndex(keys, param);
          for (const id of [rule, shapeOf(rule)]) {
            if (!id || id in rules) continue;
            rules[id] = i;
            if (q) quote[id] = q;
          }
        }
      }
    }
  }
  return `${JSON.stringify({ texts, rules, quote })}\n`;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split("/").pop())) {
  const text = sources();
  if (process.argv.includes("--check")) {
    let old = "";
    try { old = readFileSync(OUT, "utf8"); } catch { /* missing: differs */ }
    if (old !== text) {
      console.error("www/data/sources.json is stale: run node scripts/sources.mjs");
      process.exit(1);
    }
  } else {
    writeFileSync(OUT, text);
  }
}
