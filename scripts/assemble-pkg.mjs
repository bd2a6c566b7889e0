// Assemble one npm package from the four wasm-pack builds:
//   bundler/ (ESM, the default export), node/ (CommonJS, plus an ESM wrapper), web/ (init/initSync),
//   no-modules/ (a global for old webviews).
import { readFileSync, writeFileSync, mkdirSync, rmSync, cpSync, readdirSync } from "node:fs";
import { join } from "node:path";

const [from, to] = process.argv.slice(2);
const cargo = readFileSync("Cargo.toml", "utf8");
const field = (name) => cargo.match(new RegExp(`^${name} = "([^"]*)"`, "m"))?.[1];
const version = field("version");

rmSync(to, { recursive: true, force: true });
const dirs = { bundler: "bundler", nodejs: "node", web: "web", "no-modules": "no-modules" };
for (const [target, dir] of Object.entries(dirs)) {
  mkdirSync(join(to, dir), { recursive: true });
  for (const f of readdirSync(join(from, target))) {
    if (f === "package.json" || f === ".gitignore" || f === "README.md") continue;
    cpSync(join(from, target, f), join(to, dir, f));
  }
}

// Node ESM: re-export the CommonJS build, so `import { Engine } from "yibao-policy"` works in Node.
writeFileSync(
  join(to, "node", "index.mjs"),
  `import pkg from "./yibao_policy.js";\nexport const { Engine, version } = pkg;\nexport default pkg;\n`,
);
writeFileSync(join(to, "node", "index.d.mts"), `export * from "./yibao_policy.js";\n`);

const pkg = {
  name: "yibao-policy",
  version,
  description: field("description"),
  license: field("license"),
  keywords: ["medical-insurance", "医保", "异地就医", "跨省直接结算", "门诊慢特病", "wasm"],
  type: "module",
  main: "./node/yibao_policy.js",
  module: "./bundler/yibao_policy.js",
  browser: "./bundler/yibao_policy.js",
  types: "./bundler/yibao_policy.d.ts",
  exports: {
    ".": {
      node: {
        types: "./node/yibao_policy.d.ts",
        import: "./node/index.mjs",
        require: "./node/yibao_policy.js",
      },
      types: "./bundler/yibao_policy.d.ts",
      default: "./bundler/yibao_policy.js",
    },
    "./web": { types: "./web/yibao_policy.d.ts", default: "./web/yibao_policy.js" },
    "./node": {
      types: "./node/yibao_policy.d.ts",
      import: "./node/index.mjs",
      require: "./node/yibao_policy.js",
    },
    "./no-modules": "./no-modules/yibao_policy.js",
    "./web/yibao_policy_bg.wasm": "./web/yibao_policy_bg.wasm",
    "./no-modules/yibao_policy_bg.wasm": "./no-modules/yibao_policy_bg.wasm",
    "./bundler/yibao_policy_bg.wasm": "./bundler/yibao_policy_bg.wasm",
    "./package.json": "./package.json",
  },
  files: ["bundler/", "node/", "web/", "no-modules/", "README.md"],
  sideEffects: ["./bundler/yibao_policy.js", "./bundler/yibao_policy_bg.js"],
  engines: { node: ">=18" },
};
// The node/ build is CommonJS inside a "type": "module" package.
writeFileSync(join(to, "node", "package.json"), JSON.stringify({ type: "commonjs" }, null, 2) + "\n");
writeFileSync(join(to, "no-modules", "package.json"), JSON.stringify({ type: "commonjs" }, null, 2) + "\n");
writeFileSync(join(to, "package.json"), JSON.stringify(pkg, null, 2) + "\n");
try {
  cpSync("npm/README.md", join(to, "README.md"));
} catch {
  writeFileSync(join(to, "README.md"), "# yibao-policy\n");
}
console.log(`assembled ${to}/ (yibao-policy ${version})`);
