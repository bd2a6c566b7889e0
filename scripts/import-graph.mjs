// The import graph of src/: which module uses which, and the cycles in it.
//   node scripts/import-graph.mjs            the graph, one module a line, then the cycles; exit 1
//                                            on a cycle that leaves policy/ (issue 19)
//   node scripts/import-graph.mjs --dot      the graph for Graphviz
// A module is a file (src/a.rs and src/a/mod.rs are `a`, src/a/b.rs is `a::b`). Its imports are
// every `crate::…`, `super::…` and `self::…` path in it (in `use` or in code), outside
// `#[cfg(test)] mod … { }` blocks; a path names the deepest module in it, and an item re-exported
// by a module (`pub use x::Item`, `pub use x::*`) leads to the module that defines it, so that a
// re-export is not mistaken for a cycle. Declaring a child (`mod x;`) is not an import.
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(fileURLToPath(new URL(".", import.meta.url)), "..", "src");

function files(dir) {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith(".rs") ? [p] : [];
  });
}

function moduleOf(file) {
  const parts = relative(root, file).replace(/\.rs$/, "").split(sep);
  if (parts.at(-1) === "mod" || parts.at(-1) === "lib") parts.pop();
  return parts.join("::") || "crate";
}

/** The text without comments, strings and `#[cfg(test)] mod x { … }` blocks. */
function clean(source) {
  // Comments and literals out first, by one scan (a `//` in a string is not a comment).
  let text = "";
  for (let i = 0; i < source.length; ) {
    const rest = source.slice(i, i + 2);
    const raw = /^r(#*)"/.exec(source.slice(i, i + 10));
    if (rest === "//") {
      while (i < source.length && source[i] !== "\n") i++;
    } else if (rest === "/*") {
      const end = source.indexOf("*/", i + 2);
      i = end < 0 ? source.length : end + 2;
    } else if (raw && !/\w/.test(source[i - 1] ?? "")) {
      const close = '"' + raw[1];
      const end = source.indexOf(close, i + raw[0].length);
      text += '""';
      i = end < 0 ? source.length : end + close.length;
    } else if (source[i] === '"') {
      i++;
      while (i < source.length && source[i] !== '"') i += source[i] === "\\" ? 2 : 1;
      text += '""';
      i++;
    } else if (source[i] === "'" && /^'(?:[^'\\]|\\[^']*)'/.test(source.slice(i, i + 12))) {
      i += /^'(?:[^'\\]|\\[^']*)'/.exec(source.slice(i, i + 12))[0].length;
      text += "' '";
    } else {
      text += source[i++];
    }
  }
  let out = "";
  const re = /#\[cfg\(test\)\]\s*(?:pub(?:\([^)]*\))?\s+)?mod\s+\w+\s*\{/g;
  let last = 0;
  for (let m; (m = re.exec(text)); ) {
    out += text.slice(last, m.index);
    let depth = 1;
    let i = m.index + m[0].length;
    while (i < text.length && depth > 0) {
      if (text[i] === "{") depth++;
      else if (text[i] === "}") depth--;
      i++;
    }
    last = i;
    re.lastIndex = i;
  }
  return out + text.slice(last);
}

/** `a::{b, c::{d, e}}` → [a::b, a::c::d, a::c::e]. */
function expand(tree) {
  tree = tree.replace(/\s+/g, "");
  const open = tree.indexOf("{");
  if (open < 0) return [tree.replace(/\bas\w+$/, "")];
  const prefix = tree.slice(0, open);
  const inner = tree.slice(open + 1, tree.lastIndexOf("}"));
  const parts = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i <= inner.length; i++) {
    const c = inner[i];
    if (c === "{") depth++;
    else if (c === "}") depth--;
    else if ((c === "," || c === undefined) && depth === 0) {
      if (i > start) parts.push(inner.slice(start, i));
      start = i + 1;
    }
  }
  return parts.flatMap((p) => expand(prefix + p)).map((p) => p.replace(/::self$/, ""));
}

const sources = files(root).map((file) => ({ file, module: moduleOf(file), text: clean(readFileSync(file, "utf8")) }));
const modules = new Set(sources.map((s) => s.module));

/** Absolute segments of a path written in `s` (`super::x` from a::b is a::x). */
function absolute(s, path) {
  const segs = path.split("::").filter(Boolean);
  let base = s.module === "crate" ? [] : s.module.split("::");
  // In a::b (a file), `self` is a::b and `super` is a; in a/mod.rs the same holds for `a`.
  if (segs[0] === "crate") return segs.slice(1);
  if (segs[0] === "self") return [...base, ...segs.slice(1)];
  if (segs[0] === "super") {
    let i = 0;
    while (segs[i] === "super") {
      base = base.slice(0, -1);
      i++;
    }
    return [...base, ...segs.slice(i)];
  }
  // `use model::*` in policy/mod.rs: a child module, named from its parent.
  if (modules.has([...base, segs[0]].join("::"))) return [...base, ...segs];
  return null; // an external crate, std, or a local name
}

const uses = new Map(); // module → [absolute paths]
const reexports = new Map(); // module → [{ name | "*", target segments }]
const defines = new Map(); // module → Set of item names
for (const s of sources) {
  const paths = [];
  const pub = [];
  for (const m of s.text.matchAll(/(pub(?:\([^)]*\))?\s+)?use\s+([^;]+);/g)) {
    for (const p of expand(m[2])) {
      const abs = absolute(s, p);
      if (!abs) continue;
      paths.push(abs);
      if (m[1]) pub.push(abs);
    }
  }
  for (const m of s.text.matchAll(/(?<![\w:])((?:crate|super|self)(?:::\w+)+)/g)) {
    const abs = absolute(s, m[1]);
    if (abs) paths.push(abs);
  }
  uses.set(s.module, paths);
  reexports.set(s.module, pub);
  defines.set(
    s.module,
    new Set([...s.text.matchAll(/\b(?:struct|enum|fn|type|const|static|trait|mod|macro_rules!)\s+(\w+)/g)].map((m) => m[1])),
  );
}

/** The module a path leads to: its deepest module, followed through re-exports of its item. */
function resolve(segs, seen = new Set()) {
  let k = segs.length;
  while (k > 0 && !modules.has(segs.slice(0, k).join("::"))) k--;
  const module = k === 0 ? "crate" : segs.slice(0, k).join("::");
  const item = segs[k];
  if (item === undefined || item === "*" || defines.get(module)?.has(item) || seen.has(module)) return module;
  seen.add(module);
  for (const target of reexports.get(module) ?? []) {
    const last = target.at(-1);
    if (last === item) return resolve(target, seen);
    if (last === "*") {
      const from = resolve(target.slice(0, -1), seen);
      if (defines.get(from)?.has(item)) return from;
    }
  }
  return module;
}

const graph = new Map();
for (const s of sources) {
  const to = new Set();
  for (const p of uses.get(s.module)) {
    const m = resolve(p);
    // A module's own names, and its children's through its own path, are not imports of another.
    if (m !== s.module) to.add(m);
  }
  graph.set(s.module, [...to].sort());
}

// Strongly connected components (Tarjan): a component of more than one module is a cycle.
function components() {
  let index = 0;
  const stack = [];
  const info = new Map();
  const out = [];
  const visit = (v) => {
    info.set(v, { index, low: index, on: true });
    index++;
    stack.push(v);
    for (const w of graph.get(v) ?? []) {
      if (!info.has(w)) {
        visit(w);
        info.get(v).low = Math.min(info.get(v).low, info.get(w).low);
      } else if (info.get(w).on) info.get(v).low = Math.min(info.get(v).low, info.get(w).index);
    }
    if (info.get(v).low === info.get(v).index) {
      const c = [];
      let w;
      do {
        w = stack.pop();
        info.get(w).on = false;
        c.push(w);
      } while (w !== v);
      if (c.length > 1) out.push(c.sort());
    }
  };
  for (const v of [...graph.keys()].sort()) if (!info.has(v)) visit(v);
  return out;
}

const cycles = components();
const inPolicy = (m) => m === "policy" || m.startsWith("policy::");
const bad = cycles.filter((c) => !c.every(inPolicy));
if (process.argv.includes("--dot")) {
  console.log("digraph src {");
  for (const [m, to] of graph) for (const t of to) console.log(`  "${m}" -> "${t}";`);
  console.log("}");
} else {
  for (const [m, to] of [...graph].sort(([a], [b]) => a.localeCompare(b))) console.log(`${m} -> ${to.join(", ")}`);
  console.log(`\n${graph.size} modules; ${cycles.length} cycle(s)${cycles.length ? ":" : ""}`);
  for (const c of cycles) console.log(`  ${inPolicy(c[0]) && c.every(inPolicy) ? "(within policy/) " : ""}${c.join(" ↔ ")}`);
}
if (bad.length) {
  console.error(`${bad.length} import cycle(s) outside policy/ (issue 19): break them by moving the shared definition below both`);
  process.exit(1);
}
