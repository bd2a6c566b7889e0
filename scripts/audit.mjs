// Offline npm dependency audit: what ships, from where, under which licence — without the
// network (no advisory database is reachable here). It fails on a dev tool from outside the npm
// registry, on a licence outside the allow-list, and on any runtime npm dependency. The Rust
// tree is cargo-deny's (deny.toml, run by scripts/test.sh).
//   node scripts/audit.mjs
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
