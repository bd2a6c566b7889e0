// Assemble one npm package from the four wasm-pack builds:
//   bundler/    ESM with the wasm imported as a module (webpack 5): the package's default entry
//   node/       CommonJS, and ESM (<out>/node-esm: scripts/build.sh) over the same .wasm; the
//               "node" condition picks one by "import"/"require"
//   web/        ESM with init()/initSync() (plain <script type="module">), plus two entries
//               that initialise it on import: index.js (the default entry: browsers, bundlers)
//               and workerd.js (Cloudflare Workers, which import the .wasm as a module)
//   no-modules/ a classic script defining the global `wasm_bindgen` (pages without modules, webviews)
//   mvp/        the web build's API over an MVP .wasm (engines older than the main .wasm needs)
//   js/         the pure-JS engine made from the MVP .wasm: an ES module and a classic script
//               (where WebAssembly is missing or refused); scripts/build-mvp.sh makes these two
// Usage: node scripts/assemble-pkg.mjs <wasm-pack out dir> <package dir>
import { readFileSync, writeFileSync, mkdirSync, rmSync, cpSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { withTable } from "./sizes.mjs";

const [from, to] = process.argv.slice(2);
if (!from || !to) throw new Error("usage: node scripts/assemble-pkg.mjs <from> <to>");
const cargo = readFileSync("Cargo.toml", "utf8");
const field = (name) => cargo.match(new RegExp(`^${name} = "([^"]*)"`, "m"))?.[1];
const version = field("version");
const json = (path, value) => writeFileSync(path, JSON.stringify(value, null, 2) + "\n");

rmSync(to, { recursive: true, force: true });
const dirs = { bundler: "bundler", nodejs: "node", web: "web", "no-modules": "no-modules", mvp: "mvp", js: "js" };
for (const [target, dir] of Object.entries(dirs)) {
  mkdirSync(join(to, dir), { recursive: true });
  for (const f of readdirSync(join(from, target))) {
    // wasm-pack's own package files are replaced below; *_bg.wasm.d.ts describes the raw wasm
    // exports, which no consumer imports.
    if (["package.json", ".gitignore", "README.md"].includes(f) || f.endsWith("_bg.wasm.d.ts")) continue;
    cpSync(join(from, target, f), join(to, dir, f), { recursive: true });
  }
}

// wasm-bindgen declares `[Symbol.dispose](): void` on Engine, but TypeScript's lib knows
// Symbol.dispose only from "esnext.disposable" on: a project with `"lib": ["es2022"]` and
// skipLibCheck off would fail on our declarations. Declare it the way @types/node does (the
// declarations merge, with each other and with the lib's).
const dispose = "interface SymbolConstructor { readonly dispose: unique symbol; }";
for (const dir of ["bundler", "node", "web", "mvp", "js"]) {
  const path = join(to, dir, "yibao_policy.d.ts");
  writeFileSync(path, readFileSync(path, "utf8") + `\ndeclare global {\n  ${dispose}\n}\n`);
}
const globalTypes = join(to, "no-modules", "yibao_policy.d.ts");
writeFileSync(globalTypes, readFileSync(globalTypes, "utf8") + `\n${dispose}\n`);

// Node ESM: wasm-bindgen's ESM glue for Node, which reads its .wasm from
// `new URL("yibao_policy_bg.wasm", import.meta.url)`. Server bundlers (Next.js's Turbopack,
// webpack) see that reference and ship the file with the bundle; the CommonJS glue's
// `${__dirname}/yibao_policy_bg.wasm` points wherever the bundle lands, where no .wasm is. It runs
// over the nodejs build's .wasm, made from the same cargo output by the same wasm-bindgen: checked
// here, so that a mismatch fails the build, not a user. wasm-opt keeps every export and may drop
// an unused import, so: the same exports, and no import the glue does not provide.
const esm = join(from, "node-esm");
const shape = (file) => {
  const m = new WebAssembly.Module(readFileSync(file));
  const list = (entries) => entries.map((e) => [e.module ?? "", e.name, e.kind].join(" ")).sort();
  return { imports: list(WebAssembly.Module.imports(m)), exports: list(WebAssembly.Module.exports(m)) };
};
const glueFor = shape(join(esm, "yibao_policy_bg.wasm"));
const shipped = shape(join(to, "node", "yibao_policy_bg.wasm"));
if (
  JSON.stringify(glueFor.exports) !== JSON.stringify(shipped.exports) ||
  shipped.imports.some((i) => !glueFor.imports.includes(i))
) {
  throw new Error("node-esm: the ESM glue does not fit the nodejs build's .wasm (imports or exports differ)");
}
const esmGlue = readFileSync(join(esm, "yibao_policy.js"), "utf8");
writeFileSync(join(to, "node", "yibao_policy.mjs"), esmGlue);
writeFileSync(
  join(to, "node", "yibao_policy.d.mts"),
  readFileSync(join(esm, "yibao_policy.d.ts"), "utf8") + `\ndeclare global {\n  ${dispose}\n}\n`,
);
// Bundlers building for Node (they set "module", plain Node does not: Turbopack, webpack,
// esbuild) move the glue away from its .wasm, and not all follow `new URL` to a file: Turbopack
// gives a client component rendered on the server the browser's URL of the asset (/_next/static/…),
// and esbuild copies nothing. For them the same glue takes the .wasm from a module of its own, as
// base64: nothing to trace, copy or configure. Plain Node, Bun and Deno read the file.
const exactlyOnce = (text, find, replace) => {
  if (text.split(find).length !== 2) throw new Error(`node-esm: expected ${JSON.stringify(find)} once in the glue`);
  return text.replace(find, () => replace);
};
let inline = exactlyOnce(esmGlue, "import { readFileSync } from 'node:fs';", 'import { wasmBytes } from "./yibao_policy_bg.wasm.mjs";');
inline = exactlyOnce(inline, "const wasmUrl = new URL('yibao_policy_bg.wasm', import.meta.url);\n", "");
inline = exactlyOnce(inline, "const wasmBytes = readFileSync(wasmUrl);\n", "");
writeFileSync(join(to, "node", "yibao_policy.inline.mjs"), inline);
const base64 = readFileSync(join(to, "node", "yibao_policy_bg.wasm")).toString("base64");
writeFileSync(
  join(to, "node", "yibao_policy_bg.wasm.mjs"),
  `// yibao_policy_bg.wasm as base64, for bundles that cannot carry the file (see ../package.json).\n` +
    `const base64 = "${base64}";\n` +
    `export const wasmBytes = typeof Buffer === "function" ? Buffer.from(base64, "base64") : Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));\n`,
);
// The entries add a default export (the module's namespace), as the CommonJS build has under
// `import yibao from`; the named exports are the glue's own, so none can be forgotten.
const withDefault = (from) =>
  `export * from "${from}";\nimport * as yibao from "${from}";\nexport default yibao;\n`;
writeFileSync(join(to, "node", "index.mjs"), withDefault("./yibao_policy.mjs"));
writeFileSync(join(to, "node", "bundled.mjs"), withDefault("./yibao_policy.inline.mjs"));
writeFileSync(join(to, "node", "index.d.mts"), withDefault("./yibao_policy.mjs"));

// The default entry everywhere but Node: the web build, initialised by top-level await before any
// importer runs, so `import { Engine } from "yibao-policy"` is ready as in Node, with no plugin or
// config. The glue fetches `new URL("yibao_policy_bg.wasm", import.meta.url)`, which Vite,
// webpack 5 and Turbopack emit as an asset (and Vite 8's dev pre-bundling points back into the
// package). It exports what the other default entries export — the names are read from the
// CommonJS build, so a new export cannot be forgotten — and not the glue's init functions.
const cjs = readFileSync(join(to, "node", "yibao_policy.js"), "utf8");
const names = [...cjs.matchAll(/^exports\.(\w+) = /gm)].map((m) => m[1]);
if (!names.includes("Engine")) throw new Error("node build: no `exports.Engine` found");
const reexport = `export { ${names.join(", ")} } from "./yibao_policy.js";\n`;
writeFileSync(join(to, "web", "index.js"), `import init from "./yibao_policy.js";\n\nawait init();\n${reexport}`);
// Cloudflare Workers (the "workerd" condition, which wrangler sets): workerd may not compile wasm
// from bytes ("Wasm code generation disallowed by embedder") or fetch a file: URL, so the .wasm is
// imported as a module — wrangler's bundler uploads it as one — and instantiated synchronously.
writeFileSync(
  join(to, "web", "workerd.js"),
  `import module from "./yibao_policy_bg.wasm";\nimport { initSync } from "./yibao_policy.js";\n\ninitSync({ module });\n${reexport}`,
);
// Their declarations: the bundler build's (the same API, and no DOM types, which the web glue's
// init functions would pull into projects without the "dom" lib).
cpSync(join(to, "bundler", "yibao_policy.d.ts"), join(to, "web", "index.d.ts"));

// Per-directory package.json files: "type" tells Node how to load each directory's .js (the
// package root is "type": "module"); "main"/"types" let resolvers that ignore "exports"
// (TypeScript's moduleResolution "node10", webpack 4) find `yibao-policy/web`.
json(join(to, "node", "package.json"), { type: "commonjs", main: "./yibao_policy.js", types: "./yibao_policy.d.ts" });
// Bundlers read "sideEffects" from the nearest package.json: the two entries that initialise the
// glue must not be skipped when only their re-exports are used.
json(join(to, "web", "package.json"), {
  type: "module",
  main: "./yibao_policy.js",
  types: "./yibao_policy.d.ts",
  sideEffects: ["./index.js", "./workerd.js"],
});
json(join(to, "no-modules", "package.json"), { type: "commonjs" });
json(join(to, "mvp", "package.json"), { type: "module", main: "./yibao_policy.js", types: "./yibao_policy.d.ts", sideEffects: false });
json(join(to, "js", "package.json"), { type: "module", main: "./yibao_policy.js", types: "./yibao_policy.d.ts" });

const bundled = { types: "./node/index.d.mts", default: "./node/bundled.mjs" };
const node = {
  module: bundled,
  bun: bundled,
  import: { types: "./node/index.d.mts", default: "./node/index.mjs" },
  require: { types: "./node/yibao_policy.d.ts", default: "./node/yibao_policy.js" },
};
const pkg = {
  name: "yibao-policy",
  version,
  description: field("description"),
  license: field("license"),
  keywords: ["medical-insurance", "医保", "异地就医", "跨省直接结算", "门诊慢特病", "wasm", "webassembly"],
  type: "module",
  // For tools that predate "exports".
  main: "./node/yibao_policy.js",
  module: "./bundler/yibao_policy.js",
  browser: "./bundler/yibao_policy.js",
  types: "./bundler/yibao_policy.d.ts",
  // Conditions are tried in order, first match wins. wrangler (Cloudflare Workers) sets "workerd":
  // the .wasm imported as a module. Deno sets "deno": the bundler build, whose .wasm import Deno
  // resolves itself (no --allow-read). "node": plain Node, Bun and TypeScript's node16/nodenext
  // read the file beside the glue ("import"/"require"); bundlers building for Node (Next.js,
  // webpack, esbuild --platform=node) also set "module", and Bun ("bun") bundles for itself: they
  // get the self-contained ESM build.
  // Everything else — bundlers building for browsers (Vite, webpack, Turbopack, Rollup, esbuild,
  // Bun), TypeScript's "bundler" — takes the self-initialising web entry. Each "types" sits beside
  // the file it describes, so ESM and CJS consumers get declarations of their own kind.
  exports: {
    ".": {
      workerd: { types: "./web/index.d.ts", default: "./web/workerd.js" },
      deno: { import: { types: "./bundler/yibao_policy.d.ts", default: "./bundler/yibao_policy.js" } },
      node,
      types: "./web/index.d.ts",
      default: "./web/index.js",
    },
    "./web": { types: "./web/yibao_policy.d.ts", default: "./web/yibao_policy.js" },
    "./node": node,
    "./bundler": { types: "./bundler/yibao_policy.d.ts", default: "./bundler/yibao_policy.js" },
    "./no-modules": "./no-modules/yibao_policy.js",
    "./web/yibao_policy_bg.wasm": "./web/yibao_policy_bg.wasm",
    "./node/yibao_policy_bg.wasm": "./node/yibao_policy_bg.wasm",
    "./bundler/yibao_policy_bg.wasm": "./bundler/yibao_policy_bg.wasm",
    "./no-modules/yibao_policy_bg.wasm": "./no-modules/yibao_policy_bg.wasm",
    "./no-modules/yibao_policy.d.ts": "./no-modules/yibao_policy.d.ts",
    "./mvp": { types: "./mvp/yibao_policy.d.ts", default: "./mvp/yibao_policy.js" },
    "./mvp/yibao_policy_bg.wasm": "./mvp/yibao_policy_bg.wasm",
    "./js": { types: "./js/yibao_policy.d.ts", default: "./js/yibao_policy.js" },
    "./js/yibao_policy.global.js": "./js/yibao_policy.global.js",
    "./js/yibao_policy.global.d.ts": "./js/yibao_policy.global.d.ts",
    "./package.json": "./package.json",
  },
  files: ["bundler/", "node/", "web/", "no-modules/", "mvp/", "js/"],
  // js/yibao_policy.js hands its module to the glue when it is evaluated, as bundler/ does, and
  // web/index.js and web/workerd.js initialise the web glue.
  sideEffects: [
    "./web/index.js", "./web/workerd.js",
    "./bundler/yibao_policy.js", "./bundler/yibao_policy_bg.js", "./no-modules/yibao_policy.js",
    "./js/yibao_policy.js", "./js/yibao_policy.global.js",
  ],
  engines: { node: ">=18" },
};
json(join(to, "package.json"), pkg);
// The packaged README names this version's tarball and records the sizes of the files it ships with.
const readme = readFileSync("npm/README.md", "utf8").replace(/yibao-policy-\d+\.\d+\.\d+[\w.-]*?\.tgz/g, `yibao-policy-${version}.tgz`);
writeFileSync(join(to, "README.md"), withTable(readme, to));
cpSync("LICENSE", join(to, "LICENSE"));
console.log(`assembled ${to}/ (yibao-policy ${version})`);
