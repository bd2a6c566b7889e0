// The benchmark inputs, built from the shared worked cases so every bench (criterion, the Node
// table, the wasm core loop, the peers) measures exactly the same requests.
//
//   typical  — public case "Hotan: contract example with ceilings and class B shares" (4 lines;
//              the issue calls it the typical 5-line request: it is the contract's own example)
//   lines100 — the same request with its lines repeated and varied to 100 lines
//   year12   — the year.json case padded to 12 visits in date order
//
// `node bench/fixtures.mjs` rewrites bench/fixtures/*.json (committed, so `cargo bench` can
// include_str! them without Node). Everything here is deterministic.
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";

const here = dirname(fileURLToPath(import.meta.url));
export const root = join(here, "..");
export const sharedCases = join(root, "..", "shared", "cases");

export const TYPICAL_CASE = "Hotan: contract example with ceilings and class B shares";

export function loadCases(file) {
  return JSON.parse(readFileSync(join(sharedCases, file), "utf8"));
}

const clone = (v) => JSON.parse(JSON.stringify(v));
const fen = (x) => (Math.round(x * 100) / 100).toFixed(2);

export function buildFixtures() {
  const pub = loadCases("public.json");
  const typicalCase = pub.find((c) => c.name === TYPICAL_CASE);
  if (!typicalCase) throw new Error(`public case not found: ${TYPICAL_CASE}`);
  const typical = clone(typicalCase.request);

  // 100 lines: cycle the four contract lines, vary the amounts (k fen steps) and, on the coded
  // line, the catalogue item (A, B with its own share, B with the place default, C, A).
  const codes = ["paclitaxel", "trastuzumab", "epoetin", "multivitamin", "metformin"];
  const lines100 = clone(typical);
  lines100.items = [];
  for (let k = 0; k < 100; k++) {
    const base = clone(typical.items[k % typical.items.length]);
    const step = Math.floor(k / typical.items.length);
    const amount = Number(base.amount) + step * 1.25;
    base.amount = typeof base.amount === "number" ? Number(fen(amount)) : fen(amount);
    if (base.code) base.code = codes[step % codes.length];
    lines100.items.push(base);
  }

  // 12 visits: the year case's first five (Jan–Mar), six more on the 12th of Apr–Sep repeating
  // those five visits' lines and diseases, then its last (Nov 30).
  const year = loadCases("year.json")[0].visits;
  const year12 = year.slice(0, 5).map(clone);
  for (let m = 4; m <= 9; m++) {
    const v = clone(year[(m - 4) % 5]);
    delete v.ytd;
    v.visit.date = `2025-${String(m).padStart(2, "0")}-12`;
    year12.push(v);
  }
  year12.push(clone(year[5]));
  if (year12.length !== 12) throw new Error("year12 must have 12 visits");
  return { typical, lines100, year12 };
}

export function loadFixtures() {
  const read = (n) => JSON.parse(readFileSync(join(here, "fixtures", `${n}.json`), "utf8"));
  return { typical: read("typical"), lines100: read("lines100"), year12: read("year12") };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  mkdirSync(join(here, "fixtures"), { recursive: true });
  for (const [name, value] of Object.entries(buildFixtures())) {
    writeFileSync(join(here, "fixtures", `${name}.json`), JSON.stringify(value, null, 1) + "\n");
    console.log(`bench/fixtures/${name}.json`);
  }
}
