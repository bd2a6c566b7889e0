// Type-checked with moduleResolution "bundler" and the DOM lib, as in a Vite or webpack project:
// the default entry (the self-initialising web build), "yibao-policy/web" with its init
// functions, the MVP build "yibao-policy/mvp" and the pure-JS build "yibao-policy/js", loaded
// only when needed.
import { Engine as BundlerEngine, type EstimateRequest, type EstimateResult } from "yibao-policy";
import init, { Engine, initSync, version, type InitOutput } from "yibao-policy/web";
import initMvp, { Engine as MvpEngine } from "yibao-policy/mvp";

export async function fallback(request: EstimateRequest): Promise<string> {
  await initMvp();
  const viaMvp: EstimateResult = MvpEngine.withDefaults().estimate(request);
  const js: typeof import("yibao-policy/js") = await import("yibao-policy/js");
  const viaJs: EstimateResult = js.Engine.withDefaults().estimate(request);
  return `${js.version()} ${viaMvp.settlement?.fundPays} ${viaJs.settlement?.patientPays}`;
}

export async function start(request: EstimateRequest, wasm: BufferSource): Promise<string> {
  const output: InitOutput = await init({ module_or_path: new URL("./yibao_policy_bg.wasm", import.meta.url) });
  initSync({ module: wasm });
  const engine = Engine.withDefaults();
  const result: EstimateResult = engine.estimate(request);
  const fromBundler: EstimateResult = BundlerEngine.withDefaults().estimate(request);
  engine.free();
  return `${version()} ${output.memory.buffer.byteLength} ${result.settlement?.fundPays} ${fromBundler.mode}`;
}
