// A Node ESM consumer as npm/README.md shows it: every public case through the package's main
// entry (or the entry named as the argument, e.g. yibao-policy/js), printed as JSON for the test
// to compare with the cases' expectations.
import { readFileSync } from "node:fs";
import yibao, { Engine as MainEngine, version as mainVersion } from "yibao-policy";

const entry = process.argv[2];
const { Engine, version } = entry ? await import(entry) : { Engine: MainEngine, version: mainVersion };
const cases = JSON.parse(readFileSync("cases.json", "utf8"));
const engine = Engine.withDefaults();
const outcomes = cases.map((c) => {
  try {
    return { result: engine.estimate(c.request) };
  } catch (e) {
    return { error: { isError: e instanceof Error, code: e.code, path: e.path, message: e.message, messageZh: e.messageZh } };
  }
});
console.log(JSON.stringify({ version: version(), defaultEngine: yibao.Engine === Engine, outcomes }));
