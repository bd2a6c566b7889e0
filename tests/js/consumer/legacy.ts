// Type-checked with moduleResolution "node10" (the default for `"module": "commonjs"`), which
// ignores "exports": the top-level "types" and web/package.json must still lead to declarations.
import { Engine, type EstimateResult } from "yibao-policy";
import init, { Engine as WebEngine } from "yibao-policy/web";

export async function run(request: Parameters<Engine["estimate"]>[0]): Promise<EstimateResult> {
  await init();
  WebEngine.withDefaults().free();
  return Engine.withDefaults().estimate(request);
}
