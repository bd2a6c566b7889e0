// A names-kept copy of the web build, for twiggy (bench/sizes.mjs) and for CPU profiles that
// show Rust function names (bench/profile.mjs): `wasm-bindgen --keep-debug --target web` on the
// wasm cargo built for scripts/build.sh, then `wasm-opt -Oz -g` with the package's flags — the
// shipped web .wasm plus a "function names" section. Output in target/bench-names/:
// yibao_policy.js (glue) and named.wasm.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { root } from "./fixtures.mjs";

export const namesDir = join(root, "target", "bench-names");
export const rawWasm = join(root, "target", "wasm32-unknown-unknown", "release", "yibao_policy.wasm");

export function buildNamed() {
  if (!existsSync(rawWasm)) throw new Error(`${rawWasm} is missing: run scripts/build.sh first`);
  mkdirSync(namesDir, { recursive: true });
  const opts = { cwd: root, stdio: ["ignore", "ignore", "inherit"] };
  execFileSync("wasm-bindgen", ["--keep-debug", "--target", "web", "--out-dir", namesDir, rawWasm], opts);
  const named = join(namesDir, "named.wasm");
  execFileSync(join(root, "node_modules", ".bin", "wasm-opt"),
    ["-Oz", "-g", "--enable-bulk-memory", "--enable-nontrapping-float-to-int", join(namesDir, "yibao_policy_bg.wasm"), "-o", named], opts);
  return { glue: join(namesDir, "yibao_policy.js"), wasm: named };
}
