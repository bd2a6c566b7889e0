// What README.md and npm/README.md claim about the licence and the sizes, held to LICENSE,
// Cargo.toml and the package as built (pkg/, and the page's own .wasm in www/vendor/): a figure
// that drifts from the build fails here, not in a reader's hands.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";
import { markdownTable, sizes } from "../../scripts/sizes.mjs";
import { pkgDir, repo } from "./consumer-project.mjs";

const read = (...path) => readFileSync(join(repo, ...path), "utf8");
const readmes = { "README.md": read("README.md"), "npm/README.md": read("npm/README.md") };
const kb = (bytes) => Math.round(bytes / 1024);

function section(text, heading) {
  const start = text.indexOf(`\n## ${heading}\n`);
  assert.ok(start >= 0, `a "## ${heading}" section`);
  const rest = text.slice(start + heading.length + 5);
  return rest.slice(0, rest.search(/\n## |$/));
}

test("licence: MIT in LICENSE, Cargo.toml, the package's package.json and both READMEs, and nothing else", () => {
  assert.match(read("LICENSE"), /^MIT License\n/);
  assert.match(read("Cargo.toml"), /^license = "MIT"$/m);
  assert.equal(JSON.parse(readFileSync(join(pkgDir, "package.json"), "utf8")).license, "MIT");
  for (const [name, text] of Object.entries(readmes)) {
    assert.match(section(text, "License").trim(), /^MIT\b/, `${name}'s License section`);
    assert.doesNotMatch(text, /Apache|GPL|BSD/, `${name} names no other licence`);
  }
});

test("npm/README.md's size table, and its figures for the pure-JS build against web/, are the package's as built", () => {
  const measured = sizes(pkgDir);
  assert.ok(readmes["npm/README.md"].includes(markdownTable(pkgDir, measured)), "run `node scripts/sizes.mjs pkg --update npm/README.md`");
  const m = readmes["npm/README.md"].match(/About (\d+) KB gzip, against (\d+) KB for `web\/`/);
  assert.ok(m, "the sentence comparing js/ with web/");
  const total = Object.fromEntries(measured.map((s) => [s.target, s.total]));
  assert.deepEqual([Number(m[1]), Number(m[2])], [kb(total.js.gzip), kb(total.web.gzip)]);
});

test("README.md's Size table: every file's raw, gzip -9 and brotli sizes, to the tenth of a KB, as built", () => {
  const rows = section(readmes["README.md"], "Size")
    .split("\n")
    .filter((line) => /^\| .*`[\w/.-]+\.(wasm|js)`.* \| \d+(\.\d)? KB \| \d+(\.\d)? KB \| \d+(\.\d)? KB \|$/.test(line));
  assert.ok(rows.length >= 7, `the table's rows (found ${rows.length})`);
  for (const row of rows) {
    const file = row.match(/`([\w/.-]+\.(?:wasm|js))`/)[1];
    const path = file.startsWith("www/") ? join(repo, file) : join(pkgDir, file);
    assert.ok(existsSync(path), `${path} exists (run scripts/build.sh)`);
    const data = readFileSync(path);
    const built = [
      data.length,
      gzipSync(data, { level: 9 }).length,
      brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    ].map((n) => (n / 1024).toFixed(1));
    // To the tenth of a KB, as the table (and `node scripts/sizes.mjs`) writes it.
    const claimed = [...row.matchAll(/\| (\d+(?:\.\d)?) KB/g)].map((x) => x[1]);
    assert.deepEqual(claimed, built, `${file}: raw, gzip, brotli in KB`);
  }
});
