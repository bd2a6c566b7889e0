// The wasm "core batch" probe: builds bench/core-wasm (the engine's typed calls looped inside
// WebAssembly, no JS marshalling), optimises it as the size-first builds are (wasm-opt -Oz; the package's
// bundler/node/web builds use opt-level 3 and -O3 since: Cargo.toml, `npm` profile), and times it
// in Node. Used by bench/node.mjs; on its own: `node bench/core-wasm.mjs`.
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { root } from "./fixtures.mjs";

const targetDir = join(root, "target", "bench-core-wasm");
const raw = join(targetDir, "wasm32-unknown-unknown", "release", "yibao_bench_core.wasm");
const optimised = join(targetDir, "yibao_bench_core.opt.wasm");

export const CORE = {
  typed: 0,
  typed100: 1,
  year12: 2,
  jsonText: 3,
  jsonTextToJson: 4,
  withDefaults: 5,
  settle: 6,
};

/** Build (cargo is incremental: a no-op when nothing changed) and wasm-opt the probe. */
export function buildCoreWasm({ quiet = true } = {}) {
  const dir = join(root, "bench", "core-wasm");
  // Resolve exactly the versions the package is built with.
  copyFileSync(join(root, "Cargo.lock"), join(dir, "Cargo.lock"));
  const stdio = quiet ? ["ignore", "ignore", "pipe"] : "inherit";
  execFileSync(
    "cargo",
    ["build", "--release", "--target", "wasm32-unknown-unknown", "--manifest-path", join(dir, "Cargo.toml")],
    { cwd: root, env: { ...process.env, CARGO_TARGET_DIR: targetDir }, stdio },
  );
  if (!existsSync(optimised) || statSync(optimised).mtimeMs < statSync(raw).mtimeMs) {
    // The size-first builds' flags (Cargo.toml [package.metadata.wasm-pack.profile.release]).
    execFileSync(
      join(root, "node_modules", ".bin", "wasm-opt"),
      [
        "-Oz", "--low-memory-unused", "--flatten", "--rereloop", "-Oz", "-Oz",
        "--enable-bulk-memory", "--enable-nontrapping-float-to-int", raw, "-o", optimised,
      ],
      { stdio },
    );
  }
  return optimised;
}

/** Instantiate with every import stubbed (the facade's wasm-bindgen imports are never called). */
export async function loadCoreWasm(path = optimised) {
  const module = await WebAssembly.compile(readFileSync(path));
  const imports = {};
  for (const imp of WebAssembly.Module.imports(module)) {
    imports[imp.module] ??= {};
    if (imp.kind === "function") {
      imports[imp.module][imp.name] = () => {
        throw new Error(`core-wasm probe called import ${imp.module}.${imp.name}`);
      };
    }
  }
  const instance = await WebAssembly.instantiate(module, imports);
  const { bench_prepare, bench_run } = instance.exports;
  const check = bench_prepare();
  if (check !== 400350) throw new Error(`core-wasm probe: typical fund payment ${check} fen, expected 400350`);
  return { run: bench_run, bytes: readFileSync(path).length };
}

/**
 * Median ns per call of `which` over `rounds` rounds of batches sized to ~`batchMs` each.
 * Returns { p50, min, samples } in ns per call.
 */
export function timeCore(core, which, { rounds = 31, batchMs = 20, warmupMs = 200 } = {}) {
  // Warm up (tier-up of the wasm code) and size the batch.
  let n = 1;
  const t0 = process.hrtime.bigint();
  while (Number(process.hrtime.bigint() - t0) < warmupMs * 1e6) {
    const s = process.hrtime.bigint();
    core.run(which, n);
    const ns = Number(process.hrtime.bigint() - s);
    if (ns < batchMs * 1e6 / 2) n *= 2;
  }
  const samples = [];
  for (let r = 0; r < rounds; r++) {
    const s = process.hrtime.bigint();
    core.run(which, n);
    samples.push(Number(process.hrtime.bigint() - s) / n);
  }
  samples.sort((a, b) => a - b);
  return { p50: samples[samples.length >> 1], min: samples[0], batch: n, samples };
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  buildCoreWasm({ quiet: false });
  const core = await loadCoreWasm();
  console.log(`core-wasm probe: ${(core.bytes / 1024).toFixed(1)} KB after wasm-opt -Oz`);
  for (const [name, which] of Object.entries(CORE)) {
    const t = timeCore(core, which);
    console.log(`${name.padEnd(16)} p50 ${(t.p50 / 1000).toFixed(2).padStart(9)} µs   min ${(t.min / 1000).toFixed(2).padStart(9)} µs   (batch ${t.batch})`);
  }
}
