// Print raw / gzip / brotli sizes of every target's .wasm and JS glue.
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";

const root = process.argv[2] ?? "pkg";
const kb = (n) => (n / 1024).toFixed(1).padStart(7) + " KB";
console.log(`${"file".padEnd(40)} ${"raw".padStart(10)} ${"gzip -9".padStart(10)} ${"brotli".padStart(10)}`);
for (const dir of ["bundler", "node", "web", "no-modules"]) {
  for (const f of readdirSync(join(root, dir)).sort()) {
    if (!/\.(wasm|js|mjs)$/.test(f)) continue;
    const path = join(root, dir, f);
    if (!statSync(path).isFile()) continue;
    const data = readFileSync(path);
    const gz = gzipSync(data, { level: 9 }).length;
    const br = brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
    console.log(`${join(dir, f).padEnd(40)} ${kb(data.length)} ${kb(gz)} ${kb(br)}`);
  }
}
