// Assemble one npm package from the four wasm-pack builds:
//   bundler/    ESM with the wasm imported as a module (webpack 5): the package's default entry
//   node/       CommonJS, plus an ESM wrapper, chosen by the "node" condition
//   web/        ESM with init()/initSync() (Vite, plain <script type="module">, workers)
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

// Node ESM: re-export the CommonJS build under its own names (read from the build, so a new
// export cannot be forgotten), so `import { Engine } from "yibao-policy"` works in Node.
const cjs = readFileSync(join(to, "node", "yibao_policy.js"), "utf8");
const names = [...cjs.matchAll(/^exports\.(\w+) = /gm)].map((m) => m[1]);
if (!names.includes("Engine")) throw new Error("node build: no `exports.Engine` found");
writeFileSync(
  join(to, "node", "index.mjs"),
  `import cjs from "./yibao_policy.js";\nexport const { ${names.join(", ")} } = cjs;\nexport default cjs;\n`,
);
writeFileSync(
  join(to, "node", "index.d.mts"),
  `export * from "./yibao_policy.js";\nimport * as cjs from "./yibao_policy.js";\nexport default cjs;\n`,
);

// Per-directory package.json files: "type" tells Node how to load each directory's .js (the
// package root is "type": "module"); "main"/"types" let resolvers that ignore "exports"
// (TypeScript's moduleResolution "node10", webpack 4) find `yibao-policy/web`.
json(join(to, "node", "package.json"), { type: "commonjs", main: "./yibao_policy.js", types: "./yibao_policy.d.ts" });
json(join(to, "web", "package.json"), {
  type: "module",
  main: "./yibao_policy.js",
  types: "./yibao_policy.d.ts",
  sideEffects: false,
});
json(join(to, "no-modules", "package.json"), { type: "commonjs" });
json(join(to, "mvp", "package.json"), { type: "module", main: "./yibao_policy.js", types: "./yibao_policy.d.ts", sideEffects: false });
json(join(to, "js", "package.json"), { type: "module", main: "./yibao_policy.js", types: "./yibao_policy.d.ts" });

const node = {
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
  // Conditions are tried in order: Node (and TypeScript's node16/nodenext) takes "node"; bundlers
  // and TypeScript's "bundler" resolution fall through to the bundler build. Each "types" sits
  // beside the file it describes, so ESM and CJS consumers get declarations of their own kind.
  exports: {
    ".": {
      node,
      types: "./bundler/yibao_policy.d.ts",
      default: "./bundler/yibao_policy.js",
    },
    "./web": { types: "./web/yibao_policy.d.ts", default: "./web/yibao_policy.js" },
    "./node": node,
    "./bundler": { types: "./bundler/yibao_policy.d.ts", default: "./bundler/yibao_policy.js" },
    "./no-modules": "./no-modules/yibao_policy.js",
    "./web/yibao_policy_bg.wasm": "./web/yibao_policy_bg.wasm",
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
  // js/yibao_policy.js hands its module to the glue when it is evaluated, as bundler/ does.
  sideEffects: [
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
