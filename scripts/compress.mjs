// Pre-compressed copies for a static host: `x.br` (brotli 11) and `x.gz` (gzip -9) beside every
// compressible file, kept only when smaller. Compressing once at build time lets a host (and
// scripts/serve.mjs) send the smallest encoding without spending CPU per request.
//
//   node scripts/compress.mjs DIR     (scripts/dist.mjs does this for dist/)
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { extname, join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

/** Extensions worth compressing: text, and wasm (its code section shrinks by about two thirds). */
export const COMPRESSIBLE = new Set([".html", ".js", ".mjs", ".css", ".json", ".wasm", ".svg", ".txt", ".map", ".webmanifest"]);

export function brotli(bytes) {
  return brotliCompressSync(bytes, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 11,
      [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
    },
  });
}

export function gzip(bytes) {
  return gzipSync(bytes, { level: 9 });
}

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

/** Writes `.br` and `.gz` beside each compressible file under dir; returns what was written. */
export function compressTree(dir) {
  const written = [];
  for (const path of walk(dir)) {
    if (!COMPRESSIBLE.has(extname(path))) continue;
    const raw = readFileSync(path);
    for (const [ext, pack] of [[".br", brotli], [".gz", gzip]]) {
      const packed = pack(raw);
      if (packed.length >= raw.length) continue;
      writeFileSync(path + ext, packed);
      written.push(path + ext);
    }
  }
  return written;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2];
  if (!dir) {
    console.error("usage: node scripts/compress.mjs DIR");
    process.exit(2);
  }
  console.log(`${compressTree(dir).length} compressed files written under ${dir}`);
}
