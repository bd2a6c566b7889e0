// Type-checked with moduleResolution "bundler" and the DOM lib, as in a Vite or webpack project:
// the default entry (the bundler build) and "yibao-policy/web" with its init functions.
import { Engine as BundlerEngine, type EstimateRequest, type EstimateResult } from "yibao-policy";
import init, { Engine, initSync, version, type InitOutput } from "yibao-policy/web";

export async function start(request: EstimateRequest, wasm: BufferSource): Promise<string> {
  const output: InitOutput = await init({ module_or_path: new URL("./yibao_policy_bg.wasm", import.meta.url) });
  initSync({ module: wasm });
  const engine = Engine.withDefaults();
  const result: EstimateResult = engine.estimate(request);
  const fromBundler: EstimateResult = BundlerEngine.withDefaults().estimate(request);
  engine.free();
  return `${version()} ${output.memory.buffer.byteLength} ${result.settlement?.fundPays} ${fromBundler.mode}`;
}
