// A Node CommonJS consumer as npm/README.md shows it (see run-cases.mjs).
const { readFileSync } = require("node:fs");
const { Engine, version } = require("yibao-policy");

const cases = JSON.parse(readFileSync("cases.json", "utf8"));
const engine = Engine.withDefaults();
const outcomes = cases.map((c) => {
  try {
    return { result: engine.estimate(c.request) };
  } catch (e) {
    return { error: { isError: e instanceof Error, code: e.code, path: e.path, message: e.message, messageZh: e.messageZh } };
  }
});
console.log(JSON.stringify({ version: version(), resolved: require.resolve("yibao-policy"), outcomes }));
