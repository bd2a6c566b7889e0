// Offline dependency audit: what ships, from where, under which licence — without the network
// (no advisory database is reachable here). It fails on a dependency from outside the
// registries, on a licence outside the allow-list, and on any runtime npm dependency.
//   node scripts/audit.mjs
import { execFileSync } from "node:child_process";
import { readFileSync, existsSync } from "node:fs";

const ALLOWED = /^(MIT|Apache-2\.0|BSD-2-Clause|BSD-3-Clause|ISC|Zlib|Unicode-3\.0|Unicode-DFS-2016|0BSD|CC0-1\.0|BlueOak-1\.0\.0|MPL-2\.0|Unlicense|Python-2\.0|CC-BY-4\.0)$/;
const problems = [];

function licenceOk(expr) {
  if (!expr) return false;
  // "MIT OR Apache-2.0", "(MIT AND Zlib)", "Apache-2.0 WITH LLVM-exception": every alternative
  // of an OR needs only one allowed side; every part of an AND must be allowed.
  const clean = expr.replace(/[()]/g, " ").replace(/\s+WITH\s+\S+/g, "").trim();
  return clean.split(/\s+OR\s+|\//).some((alt) => alt.split(/\s+AND\s+/).every((p) => ALLOWED.test(p.trim())));
}

// Rust: every crate in the WebAssembly build's graph (proc-macros run at build time only),
// from crates.io only, with an allowed licence. `cargo tree` resolves features exactly.
const tree = execFileSync(
  "cargo",
  ["tree", "--offline", "--target", "wasm32-unknown-unknown", "-e", "normal", "--prefix", "none", "--format", "{p}|{l}"],
  { encoding: "utf8", maxBuffer: 64 << 20 },
);
const crates = [...new Set(tree.split("\n").map((l) => l.replace(/ \(\*\)$/, "").trim()).filter(Boolean))]
  .map((line) => {
    const [pkg, license] = line.split("|");
    const [name, version, ...rest] = pkg.split(" ");
    return { name, version, where: rest.join(" "), license };
  })
  .filter((c) => c.name !== "yibao-policy");
for (const c of crates) {
  const local = c.where && !c.where.startsWith("(proc-macro)");
  if (local) problems.push(`crate ${c.name} ${c.version} is not from crates.io: ${c.where}`);
  if (!licenceOk(c.license)) problems.push(`crate ${c.name} ${c.version}: licence ${c.license || "(none)"}`);
}
console.log(`Rust crates in the wasm build: ${crates.length} (proc-macros run at build time only)`);
for (const c of crates.sort((a, b) => a.name.localeCompare(b.name))) {
  console.log(`  ${c.name.padEnd(28)} ${c.version.padEnd(10)} ${c.license}${c.where ? "  " + c.where : ""}`);
}

// npm: the published package must have no runtime dependencies; dev tools must have allowed licences.
if (existsSync("pkg/package.json")) {
  const pkg = JSON.parse(readFileSync("pkg/package.json", "utf8"));
  const runtime = Object.keys({ ...pkg.dependencies, ...pkg.peerDependencies });
  if (runtime.length) problems.push(`pkg/package.json has runtime dependencies: ${runtime.join(", ")}`);
  console.log(`npm package ${pkg.name}@${pkg.version}: ${runtime.length} runtime dependencies`);
}
const lock = JSON.parse(readFileSync("package-lock.json", "utf8"));
const dev = Object.entries(lock.packages ?? {}).filter(([path]) => path.startsWith("node_modules/"));
const scripts = [];
for (const [path, info] of dev) {
  if (info.resolved && !info.resolved.startsWith("https://registry.npmjs.org/") && !info.resolved.includes("/npm/")) {
    problems.push(`${path} resolved from ${info.resolved}`);
  }
  if (info.hasInstallScript) scripts.push(path.replace(/^node_modules\//, ""));
  if (info.license && !licenceOk(info.license)) problems.push(`${path}: licence ${info.license}`);
}
console.log(`npm dev dependencies (tools only, never shipped): ${dev.length}; with install scripts: ${scripts.join(", ") || "none"}`);

if (problems.length) {
  console.error(`\n${problems.length} problem(s):\n  ${problems.join("\n  ")}`);
  process.exit(1);
}
console.log("audit: ok");
