// The division data the page's pickers read (www/data/divisions.json) and the Rust core embeds
// (generated/divisions.tsv) must be exactly what scripts/divisions.mjs makes from the installed package.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { english, stale } from "../../scripts/divisions.mjs";

const data = JSON.parse(readFileSync(new URL("../../www/data/divisions.json", import.meta.url), "utf8"));
const all = data.provinces.flatMap((p) => [p, ...p.regions]);
const find = (code) => all.find((d) => d.code === code);

test("the committed division files are what the generator makes from the package", () => {
  assert.deepEqual(stale(), []);
});

test("every mainland province, the Corps, and nothing outside the mainland", () => {
  const prefixes = data.provinces.map((p) => p.code.slice(0, 2));
  const mainland = ["11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
    "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65", "66"];
  assert.deepEqual(prefixes, mainland);
  assert.equal(find("660000").zh, "新疆生产建设兵团");
});

test("prefectures and province-administered county-level pools, with English or pinyin names", () => {
  assert.equal(find("653200").zh, "和田地区");
  assert.equal(find("441900").zh, "东莞市");
  for (const [code, zh] of [["429004", "仙桃市"], ["419001", "济源市"], ["469001", "五指山市"], ["429021", "神农架林区"]]) {
    assert.equal(find(code)?.zh, zh, code);
    assert.equal(find(code)?.pool, true, `${code} pools on its own`);
  }
  // The "xx9000" headings of those pools are not divisions.
  assert.equal(find("429000"), undefined);
  assert.ok(all.length > 390, `${all.length} divisions`);
  for (const d of all) assert.match(d.en, /^[A-Z][A-Za-zü' ]+$/, `${d.code} ${d.en}`);
  assert.equal(english("恩施土家族苗族自治州"), "Enshi Tujia and Miao Autonomous Prefecture");
  assert.equal(english("内蒙古自治区"), "Inner Mongolia Autonomous Region");
  // 陕西 and 山西 are both "shanxi" in plain pinyin; the official spelling keeps them apart.
  assert.equal(english("陕西省"), "Shaanxi Province");
  assert.equal(english("山西省"), "Shanxi Province");
  assert.equal(english("新疆维吾尔自治区"), "Xinjiang Uygur Autonomous Region");
  assert.equal(english("西安市"), "Xi'an");
});
