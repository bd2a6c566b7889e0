// Sizes (issue 5, part 4): every target's .wasm and glue raw / gzip / brotli (scripts/sizes.mjs),
// then what dominates the wasm — twiggy on a copy with names kept, aggregated by crate and, for
// our own crate, by module; the embedded packs found in the data segments; the monomorphisations.
//
//   scripts/build.sh && node bench/sizes.mjs [--json bench/out/sizes.json]
//
// The names-kept copy: `wasm-bindgen --keep-debug` on target/wasm32-unknown-unknown/release/
// yibao_policy.wasm (the build scripts/build.sh just made), then `wasm-opt -Oz -g` with the
// package's flags — the shipped web .wasm plus a "function names" section, which is reported
// apart and excluded from the percentages.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, join } from "node:path";
import { gzipSync } from "node:zlib";
import { root } from "./fixtures.mjs";
import { buildNamed } from "./names.mjs";

const args = process.argv.slice(2);
const jsonOut = args.includes("--json") ? args[args.indexOf("--json") + 1] : null;
const run = (cmd, argv, opts = {}) => execFileSync(cmd, argv, { cwd: root, encoding: "utf8", maxBuffer: 64 << 20, ...opts });

// 1. Every target, raw / gzip / brotli.
console.log("Package files (node scripts/sizes.mjs pkg):");
console.log(run(process.execPath, [join(root, "scripts", "sizes.mjs"), "pkg"]).trimEnd());

// 2. The names-kept copy.
const input = join(root, "target", "wasm32-unknown-unknown", "release", "yibao_policy.wasm");
const shipped = join(root, "pkg", "web", "yibao_policy_bg.wasm");
if (!existsSync(input)) {
  console.error(`${input} is missing: run scripts/build.sh first`);
  process.exit(1);
}
const { wasm: named } = buildNamed();
const twiggy = existsSync(join(homedir(), ".cargo", "bin", "twiggy")) ? join(homedir(), ".cargo", "bin", "twiggy") : "twiggy";
const items = JSON.parse(run(twiggy, ["top", "-f", "json", "-n", "1000000", named]));
const namesSection = items.find((i) => i.name.includes('"function names"'))?.shallow_size ?? 0;
const body = items.filter((i) => !i.name.includes('"function names"') && !i.name.startsWith("Σ") && !i.name.startsWith("..."));
const total = body.reduce((a, i) => a + i.shallow_size, 0);
const shippedBytes = existsSync(shipped) ? statSync(shipped).size : null;
const stale = existsSync(shipped) && statSync(input).mtimeMs < statSync(shipped).mtimeMs - 120_000;

/** The crate an item's code belongs to (the implementing type's crate for `<T as Trait>::f`). */
function crateOf(name) {
  if (name.startsWith("data segment")) return "data segments (.rodata: strings, tables, embedded packs)";
  if (/externref shim|multivalue shim|^__wbindgen|^__wbg_|^__externref/.test(name)) return "export shims (wasm-bindgen; the facade's code inlined into them)";
  if (/^(__rustc|__multi3|__udivti3|__divti3|__ashlti3|__lshrti3|memcmp|memcpy|memmove|memset|bcmp)/.test(name)) return "compiler_builtins";
  if (/^(type|import|export|table|memory|global|elem|code|custom|"producers"|"target_features"|wasm magic)\b|section|^func\[/i.test(name)) return "wasm sections & unnamed";
  let n = name.replace(/^<+/, "");
  // `<u8 as core::fmt::Debug>::fmt`, `<&T as …>`, `<[T] as …>`: a primitive or generic type's
  // impl belongs to the trait's crate.
  const impl = /^[&*\[(]*(?:mut |const )?([A-Za-z_][A-Za-z0-9_]*)[^ ]* as ([A-Za-z_][A-Za-z0-9_]*)(?:\[[0-9a-f]+\])?::/.exec(n);
  if (impl && (/^(u8|u16|u32|u64|u128|usize|i8|i16|i32|i64|i128|isize|f32|f64|bool|char|str|[A-Z])$/.test(impl[1]) || !/::/.test(n.split(" as ")[0]))) n = `${impl[2]}::`;
  if (/^(u8|u16|u32|u64|u128|usize|i8|i16|i32|i64|i128|isize|f32|f64|bool|char|str)>::/.test(n)) return "core/alloc/std";
  const m = /^([A-Za-z_][A-Za-z0-9_]*)(\[[0-9a-f]+\])?::/.exec(n);
  const c = m ? m[1] : n.split(/[^A-Za-z0-9_]/)[0];
  const map = {
    yibao_policy: "yibao_policy (ours)", core: "core/alloc/std", alloc: "core/alloc/std", std: "core/alloc/std",
    serde: "serde", serde_core: "serde", serde_derive: "serde", serde_wasm_bindgen: "serde-wasm-bindgen",
    wasm_bindgen: "wasm-bindgen / js-sys", js_sys: "wasm-bindgen / js-sys", rust_decimal: "rust_decimal",
    sha2: "sha2", digest: "sha2", dlmalloc: "dlmalloc (allocator)", compiler_builtins: "compiler_builtins",
    hashbrown: "core/alloc/std", serde_json: "serde_json", itoa: "itoa/ryu", ryu: "itoa/ryu", arrayvec: "arrayvec",
  };
  return map[c] ?? c;
}
/** For our crate: the module (yibao_policy::policy::pack → policy::pack). */
function moduleOf(name) {
  const n = name.replace(/^<+/, "");
  const parts = n.split("::");
  if (parts[0] !== "yibao_policy") return null;
  if (/Serialize for/.test(name)) return "(serde Serialize impls)";
  return parts.slice(1, parts[1] === "policy" || parts[1] === "json" || parts[1] === "wasm" ? 3 : 2).filter((p) => !/^h[0-9a-f]{16}$/.test(p) && !p.startsWith("_")).join("::") || "(root)";
}
const agg = (keyOf) => {
  const out = new Map();
  for (const i of body) {
    const k = keyOf(i.name);
    if (k == null) continue;
    const e = out.get(k) ?? { bytes: 0, items: 0 };
    e.bytes += i.shallow_size; e.items++;
    out.set(k, e);
  }
  return [...out.entries()].sort((a, b) => b[1].bytes - a[1].bytes);
};
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const pctOf = (n) => `${((100 * n) / total).toFixed(1)}%`;

console.log(`\nWhat the web .wasm is made of (twiggy top on the names-kept copy: ${kb(total)} of code and data + ${kb(namesSection)} of names; shipped web .wasm ${shippedBytes ? kb(shippedBytes) : "?"})`);
if (stale) console.log("warning: target/…/yibao_policy.wasm is older than pkg/ — rerun scripts/build.sh for a matching breakdown");
console.log("| crate | bytes | share | items |");
console.log("|---|---|---|---|");
const byCrate = agg(crateOf);
for (const [k, v] of byCrate) console.log(`| ${k} | ${kb(v.bytes)} | ${pctOf(v.bytes)} | ${v.items} |`);

console.log("\nOur crate by module:");
console.log("| module | bytes | share of the wasm |");
console.log("|---|---|---|");
const byModule = agg(moduleOf);
for (const [k, v] of byModule.slice(0, 20)) console.log(`| ${k} | ${kb(v.bytes)} | ${pctOf(v.bytes)} |`);

console.log("\nLargest items:");
console.log("| item | bytes | share |");
console.log("|---|---|---|");
for (const i of body.slice(0, 20)) console.log(`| ${i.name.replace(/::h[0-9a-f]{16}$/, "").replaceAll("|", "\\|").slice(0, 110)} | ${kb(i.shallow_size)} | ${pctOf(i.shallow_size)} |`);

// 3. The embedded packs: are their texts in the data segments verbatim?
const wasmBytes = readFileSync(existsSync(shipped) ? shipped : named);
const packs = [];
for (const f of ["653200-hotan.json", "441900-dongguan.json", "places.json"]) {
  const text = readFileSync(join(root, "packs", f));
  const minified = Buffer.from(JSON.stringify(JSON.parse(text.toString("utf8"))));
  const verbatim = wasmBytes.indexOf(text) >= 0, asMinified = wasmBytes.indexOf(minified) >= 0;
  packs.push({ pack: f, bytes: text.length, minified: minified.length, gzip: gzipSync(minified, { level: 9 }).length, embedded: verbatim ? "verbatim" : asMinified ? "minified" : "not found as text" });
}
console.log("\nDefault packs embedded in the web .wasm:");
console.log("| pack | file bytes | minified | minified gzip | found in the .wasm |");
console.log("|---|---|---|---|---|");
for (const p of packs) console.log(`| ${p.pack} | ${kb(p.bytes)} | ${kb(p.minified)} | ${kb(p.gzip)} | ${p.embedded} |`);

// 4. Generic bloat.
console.log("\nMonomorphisations (twiggy monos: approximate bloat from generics, top 10):");
console.log(run(twiggy, ["monos", "-m", "10", "-n", "0", named]).trimEnd().split("\n").filter((l) => !/^\s+┊/.test(l)).join("\n"));

if (jsonOut) {
  mkdirSync(dirname(jsonOut), { recursive: true });
  writeFileSync(jsonOut, JSON.stringify({ total, namesSection, shippedBytes, byCrate, byModule, top: body.slice(0, 40), packs }, null, 1));
}
