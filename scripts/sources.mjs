// The sources of the default packs' published and reposted figures, for the page: the page's
// .wasm carries no sources (src/policy/compact.rs), so the explanation fetches this one static
// file when a step's figure is published or reposted — the same file for everyone, so the request
// says nothing about the person (no region, no disease).
//
//   node scripts/sources.mjs          write www/data/sources.json from packs/*.json
//   node scripts/sources.mjs --check  exit 1 if the file differs from what packs/ give
//
// The file: { "texts": [source, …], "rules": { "<rule id>": index into texts } }, a rule id as the
// engine's trace names the parameter (docs/pack-format.md "Rule ids").
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const OUT = join(root, "www/data/sources.json");
const SHOWN = new Set(["published", "reposted"]);

/** Every parameter (and "no deductible" group) under `node` whose provenance is shown with its source, as [rule path, param]. */
function params(node, path, out) {
  if (!node || typeof node !== "object" || Array.isArray(node)) return out;
  if (SHOWN.has(node.provenance) && typeof node.source === "string" && ("value" in node || node.kind === "none")) out.push([path, node]);
  for (const [k, v] of Object.entries(node)) {
    if (k === "source" || k === "name") continue;
    params(v, path.concat(k), out);
  }
  return out;
}

/** The rule id of a version's parameter at `keys` (pack path inside the version). */
function ruleOf(prefix, keys) {
  const [head, id, ...rest] = keys;
  if (head === "diseases") return [prefix, id, ...rest].join("/");
  if (head === "deductibles") return [prefix, "deductibles", id, ...rest.filter((k) => k !== "amount")].join("/");
  return [prefix, ...keys].join("/");
}

export function sources() {
  const texts = [];
  const rules = {};
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
          rules[ruleOf(prefix, keys)] = i;
        }
      }
    }
  }
  return `${JSON.stringify({ texts, rules })}\n`;
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
