// Raw / gzip / brotli sizes of every target's .wasm and JS glue, and per target the total that a
// page or process loads.
//   node scripts/sizes.mjs [pkg]                      every file, and each target's total
//   node scripts/sizes.mjs [pkg] --markdown           one row per target, as a Markdown table
//   node scripts/sizes.mjs [pkg] --update FILE        replace that table in FILE (between the
//                                                     <!-- sizes --> and <!-- /sizes --> lines)
// scripts/assemble-pkg.mjs also fills the table into the packaged README.
import { readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";

// mvp/ is the MVP .wasm with the web glue; js/ is the pure-JS engine (no .wasm at all). Its classic
// script yibao_policy.global.js is the same code as yibao_policy.js, an alternative, so not counted;
// node/ is counted as `require` loads it (its ESM glue is the same size).
export const TARGETS = ["bundler", "node", "web", "no-modules", "mvp", "js"];
const kb = (n) => (n / 1024).toFixed(1) + " KB";

function measure(path) {
  const data = readFileSync(path);
  return {
    raw: data.length,
    gzip: gzipSync(data, { level: 9 }).length,
    brotli: brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

/** Per target: its files with their sizes, and the sums for its glue and for everything. */
export function sizes(root) {
  return TARGETS.map((target) => {
    const files = readdirSync(join(root, target))
      .sort()
      // The glue and the .wasm; not the small entries that import them (web/index.js,
      // node/index.mjs), nor node/'s ESM copies for Node's "import" and for server bundles.
      .filter((f) => /^yibao_policy(_bg)?\.(js|wasm)$/.test(f) && statSync(join(root, target, f)).isFile())
      .map((f) => ({ file: `${target}/${f}`, ...measure(join(root, target, f)) }));
    const sum = (list) => ({
      raw: list.reduce((n, f) => n + f.raw, 0),
      gzip: list.reduce((n, f) => n + f.gzip, 0),
      brotli: list.reduce((n, f) => n + f.brotli, 0),
    });
    return { target, files, glue: sum(files.filter((f) => !f.file.endsWith(".wasm"))), total: sum(files) };
  });
}

export function markdownTable(root, measured = sizes(root)) {
  const rows = measured.map(({ target, files, glue, total }) => {
    const wasm = files.find((f) => f.file.endsWith(".wasm"));
    return `| \`${target}/\` | ${kb(glue.raw)} | ${wasm ? kb(wasm.raw) : "—"} | ${kb(total.raw)} | ${kb(total.gzip)} | ${kb(total.brotli)} |`;
  });
  return ["| build | JS glue | wasm | total | gzip -9 | brotli -q 11 |", "|---|---:|---:|---:|---:|---:|", ...rows].join("\n");
}

/** The text with the table between the <!-- sizes --> and <!-- /sizes --> lines replaced. */
export function withTable(text, root) {
  const block = /(<!-- sizes -->\n)[\s\S]*?(<!-- \/sizes -->)/;
  if (!block.test(text)) throw new Error("no <!-- sizes --> … <!-- /sizes --> block");
  return text.replace(block, (_, open, close) => `${open}${markdownTable(root)}\n${close}`);
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const option = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] ?? "" : undefined);
  const update = option("--update");
  const root = args.find((a, i) => !a.startsWith("--") && args[i - 1] !== "--update") ?? "pkg";
  if (update !== undefined) {
    writeFileSync(update, withTable(readFileSync(update, "utf8"), root));
    console.log(`updated the size table in ${update}`);
  } else if (args.includes("--markdown")) {
    console.log(markdownTable(root));
  } else {
    const line = (name, s) => console.log(`${name.padEnd(40)} ${kb(s.raw).padStart(10)} ${kb(s.gzip).padStart(10)} ${kb(s.brotli).padStart(10)}`);
    console.log(`${"file".padEnd(40)} ${"raw".padStart(10)} ${"gzip -9".padStart(10)} ${"brotli".padStart(10)}`);
    for (const { target, files, total } of sizes(root)) {
      for (const f of files) line(f.file, f);
      line(`${target}/ total`, total);
    }
  }
}
