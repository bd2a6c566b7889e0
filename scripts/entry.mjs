// The page's module entry as the built index.html carries it inline (scripts/dist.mjs), with the
// chunks it imports at once bundled into it, and the lazy parts of the bundle rebuilt to take those
// chunks' modules from it. Why: esbuild's splitting (scripts/build.sh) puts what the entry shares
// with the lazy parts (later, year) into shared chunks, which the entry imports — files that a
// browser can only ask for once the page's headers have come: a second round trip (0.4 s on the
// phone profile, BENCHMARKS.md) before any first screen could be drawn, the home's and the guide's
// included. Inline, they travel with the page, and every first screen is drawn from the page alone.
import { readFileSync } from "node:fs";
import { join, posix, relative, resolve } from "node:path";
import { build } from "esbuild";

/** A relative URL from a directory to a file, as a module specifier ("x.js" would be a bare one). */
export function specifier(dir, file) {
  const rel = posix.relative(dir, file);
  return rel.startsWith("../") ? rel : `./${rel}`;
}

// The entry with the chunks it imports at once: their modules' namespaces are handed to the lazy
// parts as self.yibaoShared (an array, in the order of `shared`), set before the entry runs, and
// each lazy part that imports a shared chunk takes the chunk's exports from there instead
// (takeSharedFromEntry): one instance of every module, as before. The entry's import()s (later,
// year, English) stay, written relative to vendor/ as esbuild writes the entry's own, for
// scripts/dist.mjs to rename. Returns { code, imports } (imports as the metafile lists them).
export const ENTRY_JS = "vendor/app.js";
const SHARED = "yibaoShared";
const ESM_OUT = { bundle: true, format: "esm", minify: true, target: "es2017", supported: { "object-rest-spread": true }, charset: "utf8", legalComments: "none", write: false, logLevel: "error" };

export async function entryWithChunks(www, bundle, shared) {
  const files = [ENTRY_JS, ...shared];
  const imports = files.flatMap((f) => bundle.imports.get(f).filter((i) => i.dynamic && !shared.includes(i.target)));
  assertFixedExports(www, bundle, shared);
  const wwwRel = (path) => relative(resolve(www), path).split("\\").join("/");
  const result = await build({
    ...ESM_OUT,
    stdin: { contents: `import "yibao:shared";\nimport "./${posix.basename(ENTRY_JS)}";\n`, resolveDir: join(www, posix.dirname(ENTRY_JS)), loader: "js", sourcefile: ENTRY_JS },
    plugins: [{
      name: "yibao-entry",
      setup(b) {
        // Evaluated before the entry (imports run in order): the namespaces are there for the lazy parts.
        b.onResolve({ filter: /^yibao:shared$/ }, () => ({ path: "shared", namespace: "yibao" }));
        b.onLoad({ filter: /.*/, namespace: "yibao" }, () => ({
          resolveDir: www,
          loader: "js",
          contents: `${shared.map((f, i) => `import * as c${i} from "./${f}";`).join("\n")}\nself.${SHARED} = [${shared.map((_, i) => `c${i}`).join(", ")}];\n`,
        }));
        b.onResolve({ filter: /.*/ }, (args) => {
          if (args.kind !== "dynamic-import") return undefined;
          const target = wwwRel(resolve(args.resolveDir, args.path));
          if (!imports.some((i) => i.target === target)) return { errors: [{ text: `import() of ${target}, which esbuild's metafile does not list` }] };
          return { path: specifier(posix.dirname(ENTRY_JS), target), external: true };
        });
      },
    }],
  });
  return { code: result.outputFiles[0].text, imports };
}

// Every other output of the bundle that imports a shared chunk (the lazy parts), rebuilt to take
// that chunk's exports from the inline entry (self.yibaoShared) rather than from a file: by
// esbuild, from the text esbuild wrote, every other import left as it is. Returns www path → text.
export async function takeSharedFromEntry(www, bundle, shared) {
  const out = new Map();
  for (const [file, imports] of bundle.imports) {
    if (file === ENTRY_JS || shared.includes(file) || !imports.some((i) => shared.includes(i.target))) continue;
    const wwwRel = (path) => relative(resolve(www), path).split("\\").join("/");
    const result = await build({
      ...ESM_OUT,
      stdin: { contents: readFileSync(join(www, file), "utf8"), resolveDir: join(www, posix.dirname(file)), loader: "js", sourcefile: file },
      plugins: [{
        name: "yibao-shared",
        setup(b) {
          b.onResolve({ filter: /.*/ }, (args) => {
            const index = shared.indexOf(wwwRel(resolve(args.resolveDir, args.path)));
            return index < 0 ? { path: args.path, external: true } : { path: String(index), namespace: "yibao-shared" };
          });
          b.onLoad({ filter: /.*/, namespace: "yibao-shared" }, (args) => {
            // One pure read per name, so that esbuild keeps only the names this part uses.
            const names = bundle.exportsOf(shared[Number(args.path)]);
            const reads = names.map((n) => `${n} = /* @__PURE__ */ take(${JSON.stringify(n)})`).join(",\n  ");
            return { loader: "js", contents: `const chunk = self.${SHARED}[${args.path}];\nconst take = (name) => chunk[name];\nexport const\n  ${reads};\n` };
          });
        },
      }],
    });
    out.set(file, result.outputFiles[0].text);
  }
  return out;
}

// A lazy part copies the shared chunks' exports when it runs (a module cannot re-export an
// object's properties live): right for functions and constants, wrong for a `let` or `var` that
// the module changes later. The shared chunks' modules must export none.
function assertFixedExports(www, bundle, shared) {
  for (const source of shared.flatMap((f) => bundle.inputsOf(f))) {
    const text = readFileSync(join(www, source), "utf8");
    const listed = [...text.matchAll(/export\s*\{([^}]*)\}/g)].flatMap((m) => m[1].split(",").map((n) => n.trim().split(/\s+as\s+/)[0]).filter(Boolean));
    const mutable = /^export\s+(?:let|var)\b/m.test(text) || listed.some((n) => new RegExp(`\\b(?:let|var)\\s+${n}\\b`).test(text));
    if (mutable) throw new Error(`${source} exports a let or var: the lazy parts would copy its first value (scripts/dist.mjs, entryWithChunks)`);
  }
}
