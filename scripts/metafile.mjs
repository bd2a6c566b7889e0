// The page's bundle as esbuild wrote it (scripts/build.sh `--metafile`): which files it wrote,
// which module each was built from, and which imports (and import()s) which — what scripts/dist.mjs
// needs to rename the bundle's files and preload the entry's chunks, and what the tests use to
// find a chunk whose name carries esbuild's hash. Read, never guessed from the files' text.
import { readFileSync } from "node:fs";
import { join, posix, relative, resolve } from "node:path";

const METAFILE = "vendor/meta.json";

/**
 * What esbuild says it wrote for the page's bundle (www/vendor/meta.json), www-relative:
 * `imports` (output → [{ target, dynamic }], every import and import() between the outputs) and
 * `outputOf(source)` (the output built from an entry or an import() target of www/js/).
 */
export function bundleOf(www) {
  const meta = JSON.parse(readFileSync(join(www, METAFILE), "utf8"));
  // Paths in the metafile are relative to where esbuild ran: the repository, www/'s parent.
  const root = resolve(www);
  const rel = (p) => {
    const abs = resolve(root, "..", p);
    if (!abs.startsWith(`${root}/`)) throw new Error(`${METAFILE}: ${p} is not under ${root}`);
    return relative(root, abs).split("\\").join("/");
  };
  const imports = new Map();
  const sources = new Map();
  const exported = new Map();
  const inputs = new Map();
  for (const [output, info] of Object.entries(meta.outputs)) {
    if (!output.endsWith(".js")) continue;
    imports.set(rel(output), info.imports.filter((i) => !i.external).map((i) => ({ target: rel(i.path), dynamic: i.kind === "dynamic-import" })));
    if (info.entryPoint) sources.set(rel(info.entryPoint), rel(output));
    exported.set(rel(output), info.exports || []);
    inputs.set(rel(output), Object.keys(info.inputs || {}).map(rel));
  }
  const known = (output, map) => {
    if (!map.has(output)) throw new Error(`${METAFILE}: esbuild wrote no ${output}`);
    return map.get(output);
  };
  return {
    imports,
    /** The names an output exports (a shared chunk's are esbuild's short names). */
    exportsOf: (output) => known(output, exported),
    /** The modules of www/ an output was built from. */
    inputsOf: (output) => known(output, inputs),
    outputOf(source) {
      if (!sources.has(source)) throw new Error(`${METAFILE}: no output built from ${source}`);
      return sources.get(source);
    },
    /** The name a file of the bundle gets in dist/assets (before its hash): its module's ("later",
     *  "year", "en"), "chunk" for a shared chunk — not esbuild's hashed name, hashed again. */
    stemOf(output) {
      const imported = [...imports.values()].some((list) => list.some((i) => i.target === output));
      if (!imported) return null; // an entry (vendor/app.js) keeps its own name
      const source = [...sources].find(([, o]) => o === output);
      return source ? posix.basename(source[0], posix.extname(source[0])) : "chunk";
    },
    /** Every output a file imports statically, directly or through another (what it needs at once). */
    staticImports(output) {
      const seen = new Set();
      const walk = (file) => {
        for (const { target, dynamic } of imports.get(file) || []) {
          if (!dynamic && !seen.has(target)) { seen.add(target); walk(target); }
        }
      };
      walk(output);
      return [...seen];
    },
  };
}
