// A TypeScript consumer in CommonJS (a .cts file: `import` compiles to `require`), so the
// package's "require" types are checked as well as its "import" ones.
import { readFileSync } from "node:fs";
import { Engine, type EstimateRequest, type EstimateResult, type YibaoPolicyError } from "yibao-policy";

const { request } = JSON.parse(readFileSync("case.json", "utf8")) as { request: EstimateRequest };
const engine = Engine.withDefaults();
const result: EstimateResult = engine.estimate(request);
let error: Pick<YibaoPolicyError, "code" | "path"> | null = null;
try {
  engine.estimate({ ...request, visit: { ...request.visit, date: "2025-02-30" } });
} catch (e) {
  const { code, path } = e as YibaoPolicyError;
  error = { code, path };
}
console.log(JSON.stringify({ fundPays: result.settlement?.fundPays, error }));
