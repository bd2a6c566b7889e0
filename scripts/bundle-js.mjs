// The pure-JS build (`yibao-policy/js`): the MVP module as JavaScript (binaryen's wasm2js) behind
// wasm-bindgen's bundler glue, bundled by esbuild into
//   yibao_policy.js         an ES module: Engine, version (the same API as every other build)
//   yibao_policy.global.js  a classic script defining the global `yibaoPolicyJs` (old web-views)
// Plain ES2015 with no eval or new Function, so it runs under a CSP without 'unsafe-eval'.
// Usage: node scripts/bundle-js.mjs <bundler glue dir> <wasm2js output> <out dir>
import { buildSync } from "esbuild";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const [glueDir, wasmJs, out] = process.argv.slice(2);
if (!out) throw new Error("usage: node scripts/bundle-js.mjs <bundler glue dir> <wasm2js output> <out dir>");
const GLOBAL_NAME = "yibaoPolicyJs";

// wasm-bindgen makes a new view of memory only once the old one is detached, as growing a
// WebAssembly.Memory detaches its buffer. wasm2js grows memory by copying into a new ArrayBuffer
// and leaves the old one whole, so the glue would go on using the old copy (wrong answers after
// the first growth). Each memory view is re-made when its buffer is not the current one instead.
function patchGlue(glue) {
  let views = 0;
  const patched = glue.replace(
    /(function get\w+Memory0\(\) \{\s*if \()(cached\w+Memory0) === null \|\|[^{]*\) \{/g,
    (_, head, cache) => {
      views += 1;
      return `${head}${cache} === null || ${cache}.buffer !== wasm.memory.buffer) {`;
    },
  );
  const getters = (glue.match(/function get\w+Memory0\(\)/g) ?? []).length;
  if (views < 2 || views !== getters) {
    throw new Error(`bundle-js: patched ${views} of ${getters} memory views; has wasm-bindgen's glue changed?`);
  }
  return patched;
}

const work = mkdtempSync(join(tmpdir(), "yibao-js-"));
try {
  writeFileSync(join(work, "yibao_policy_bg.js"), patchGlue(readFileSync(join(glueDir, "yibao_policy_bg.js"), "utf8")));
  copyFileSync(wasmJs, join(work, "yibao_policy_bg.wasm.js"));
  const entry = readFileSync(join(glueDir, "yibao_policy.js"), "utf8");
  const from = 'import * as wasm from "./yibao_policy_bg.wasm";';
  if (!entry.includes(from)) throw new Error("bundle-js: the bundler entry no longer imports ./yibao_policy_bg.wasm");
  writeFileSync(join(work, "index.js"), entry.replace(from, 'import * as wasm from "./yibao_policy_bg.wasm.js";'));

  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const common = { entryPoints: [join(work, "index.js")], bundle: true, minify: true, target: "es2015", logLevel: "warning", legalComments: "none" };
  buildSync({ ...common, format: "esm", outfile: join(out, "yibao_policy.js") });
  buildSync({ ...common, format: "iife", globalName: GLOBAL_NAME, outfile: join(out, "yibao_policy.global.js") });
} finally {
  rmSync(work, { recursive: true, force: true });
}

for (const f of ["yibao_policy.js", "yibao_policy.global.js"]) {
  const code = readFileSync(join(out, f), "utf8");
  if (/\beval\s*\(|\bFunction\s*\(/.test(code)) throw new Error(`bundle-js: ${f} calls eval or Function: a CSP would refuse it`);
}
copyFileSync(join(glueDir, "yibao_policy.d.ts"), join(out, "yibao_policy.d.ts"));
writeFileSync(
  join(out, "yibao_policy.global.d.ts"),
  `// The classic script yibao_policy.global.js defines one global with the ES module's exports.\n` +
    `declare const ${GLOBAL_NAME}: typeof import("./yibao_policy.js");\n`,
);
