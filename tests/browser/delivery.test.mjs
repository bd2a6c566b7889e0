// The site as a host serves it (scripts/dist.mjs, scripts/serve.mjs): every file the pages need
// under a name that is the hash of its content, every reference resolving, the worker's list
// complete, and the server choosing the pre-compressed file and the caching www/README.md asks for.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { createHash } from "node:crypto";
import { request } from "node:http";
import { join, posix } from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { hashOf, preloadLinks } from "../../scripts/dist.mjs";
import { bundleOf } from "../../scripts/metafile.mjs";
import { startServer } from "../../scripts/serve.mjs";
import { siteDir, wwwDir, builtFrom } from "./harness.mjs";

const assets = readdirSync(join(siteDir, "assets")).filter((f) => !/\.(br|gz)$/.test(f));
const read = (rel) => readFileSync(join(siteDir, rel));

test("every asset is named by the hash of its content", () => {
  assert.ok(assets.length >= 8, assets.join(", "));
  for (const name of assets) {
    const [, hash] = /\.([0-9a-f]{10})\.[a-z0-9]+$/.exec(name) ?? [];
    assert.equal(hash, hashOf(read(`assets/${name}`)), name);
  }
});

test("every reference in the pages and assets resolves to a file of dist/", () => {
  const refs = [];
  for (const page of ["index.html", "legacy.html"]) {
    for (const [, ref] of read(page).toString().matchAll(/(?:src|href)="([^"#:]+)"/g)) refs.push([page, posix.normalize(ref.split("?")[0])]);
  }
  for (const name of assets.filter((a) => /\.(js|css)$/.test(a))) {
    // (the glue's "./yibao_policy_bg.js" is the wasm's import module name, not a file)
    for (const [, ref] of read(`assets/${name}`).toString().matchAll(/["'(](\.{1,2}\/[^"'()\s?#]+\.[0-9a-f]{10}\.(?:js|css|wasm|json))["')]/g)) {
      // the legacy page's script names the wasm for the page's base, the others for their own file
      const own = posix.join("assets", ref);
      refs.push([name, existsSync(join(siteDir, own)) ? own : posix.normalize(ref)]);
    }
  }
  const engine = refs.filter(([, ref]) => /yibao_policy/.test(ref));
  assert.ok(!engine.some(([from, ref]) => from === "index.html" && ref.endsWith(".wasm")), "index.html has no preload of the wasm");
  assert.ok(engine.some(([from, ref]) => /^yibao_policy\./.test(from) && ref.endsWith(".wasm")), "the glue names the hashed wasm");
  for (const [from, ref] of refs) assert.ok(existsSync(join(siteDir, ref)), `${from} → ${ref}`);
  assert.doesNotMatch(read("index.html").toString(), /(src|href)="(vendor|css|js)\//);
  // The main page's glue is inline (scripts/dist.mjs) and names the hashed wasm for the page's base,
  // as does the inline early download (js/engine-early.js).
  const wasm = /new URL\("\.\/(assets\/[^"]+\.wasm)",import\.meta\.url\)/.exec(read("index.html").toString());
  assert.ok(wasm && existsSync(join(siteDir, wasm[1])), "the inline glue names the hashed wasm");
  assert.ok(read("index.html").toString().includes(`fetch("./${wasm[1]}",{priority:"low"})`), "the early download names the same wasm");
});

test("every run-time URL (import(), fetch, an added script) names a hashed file, never a www/ path", () => {
  const names = JSON.parse(read("names.json"));
  const code = ["index.html", "legacy.html", ...assets.filter((a) => /\.(js|css)$/.test(a)).map((a) => `assets/${a}`)];
  for (const file of code) {
    const text = read(file).toString();
    assert.doesNotMatch(text, /["'](?:\.\.?\/)*(?:vendor|data|js|css|offline)\/[^"'\s]+\.(?:js|json|wasm|css)["']/, file);
  }
  // The files the pages load only at run time, found where the code names them.
  // The page's code: the entry (inline in index.html, with the chunks it imports at once) and the
  // later chunk (esbuild splitting), wherever a URL ended up.
  // (the other inline module is the engine's glue, which hands itself to the entry)
  const modules = [...read("index.html").toString().matchAll(/<script type="module">([^]*?)<\/script>/g)].map((m) => m[1]);
  const entry = modules.find((code) => !code.includes("self.yibaoPolicyGlue="));
  const later = builtFrom("js/later.js");
  const year = builtFrom("js/year.js");
  const bundle = bundleOf(wwwDir);
  // (the later chunk's own imports too, save those inline with the entry: what it shares with the
  // year view is a chunk of its own)
  const inline = new Set(bundle.staticImports("vendor/app.js"));
  const app = [entry, ...[later, ...bundle.staticImports(later).filter((rel) => !inline.has(rel))].map((rel) => read(names[rel]).toString())].join("\n");
  const legacy = read(names["js/legacy/engine-loader.js"]).toString();
  const base = (rel) => posix.basename(names[rel]);
  for (const rel of [year, "vendor/yibao-policy/js/yibao_policy.js", "vendor/yibao-policy/yibao_policy.js"]) assert.ok(app.includes(`"./${base(rel)}"`) || app.includes(`"./${names[rel]}"`), rel);
  for (const rel of ["data/divisions.json", "vendor/yibao-policy/yibao_policy_bg.wasm"]) assert.ok(app.includes(`"./${names[rel]}"`), rel);
  // The inline entry names files for the page's base (assets/…), which its import() resolves against.
  assert.ok(entry.includes(`"./${names[later]}"`) && entry.includes(`"./${names["vendor/yibao-policy/yibao_policy.js"]}"`));
  assert.ok(read(names["vendor/legacy.js"]).toString().includes(`"./${names["data/divisions.json"]}"`));
  for (const rel of ["vendor/yibao-policy/js/yibao_policy.global.js", "vendor/yibao-policy/no-modules/yibao_policy_bg.wasm"]) assert.ok(legacy.includes(`"./${names[rel]}"`), rel);
});

test("the worker precaches the page and every file it needs, and nothing with a query", () => {
  const sw = read("sw.js").toString();
  const list = JSON.parse(/const PRECACHE = (\[.*\]);/.exec(sw)[1]);
  assert.equal(list[0], "index.html");
  for (const path of list) {
    assert.ok(existsSync(join(siteDir, path)), path);
    assert.doesNotMatch(path, /[?#]/);
  }
  for (const [, ref] of read("index.html").toString().matchAll(/(?:src|href)="\.\/([^"]+)"/g)) assert.ok(list.includes(ref), ref);
  assert.ok(list.some((p) => p.endsWith(".wasm")) && list.some((p) => /^assets\/later\./.test(p)));
});

test("the entry carries the chunks it imports at once: no file of them is served, the lazy parts take them from it", () => {
  const names = JSON.parse(read("names.json"));
  const bundle = bundleOf(wwwDir);
  const shared = bundle.staticImports("vendor/app.js");
  assert.ok(shared.length >= 1, "esbuild splits out what the entry shares with the lazy parts");
  for (const rel of shared) assert.equal(names[rel], undefined, `${rel} has no file in dist/`);
  assert.ok(!assets.some((a) => /^chunk\./.test(a)), assets.join(", "));
  const html = read("index.html").toString();
  assert.match(html, /self\.yibaoShared=\[/);
  // Every lazy part that imported a shared chunk reads it from the entry, and names no chunk file.
  for (const source of ["js/later.js", "js/year.js"]) {
    const rel = builtFrom(source);
    const text = read(names[rel]).toString();
    assert.ok(bundle.imports.get(rel).some((i) => shared.includes(i.target)), `${rel} imports a shared chunk in www/`);
    assert.match(text, /self\.yibaoShared\[\d+\]/, rel);
    assert.doesNotMatch(text, /\bimport\s*\{|from\s*"/, `${rel} imports nothing`);
  }
});

let server;
let port;
before(async () => {
  server = await startServer({ rootDir: siteDir, listenPort: 0 });
  port = server.address().port;
});
after(() => new Promise((ok) => server.close(ok)));

function get(path, headers = {}) {
  return new Promise((ok, fail) => {
    request({ host: "127.0.0.1", port, path, headers }, (res) => {
      const chunks = [];
      res.on("data", (c) => chunks.push(c));
      res.on("end", () => ok({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    }).on("error", fail).end();
  });
}

test("the server sends brotli, else gzip, else the file, with Vary", async () => {
  const wasm = assets.find((a) => a.endsWith(".wasm"));
  const raw = read(`assets/${wasm}`);
  const br = await get(`/assets/${wasm}`, { "accept-encoding": "gzip, deflate, br, zstd" });
  assert.equal(br.headers["content-encoding"], "br");
  assert.equal(br.headers["content-type"], "application/wasm");
  assert.equal(br.headers.vary, "Accept-Encoding");
  assert.ok(br.body.length < raw.length * 0.5);
  assert.deepEqual(brotliDecompressSync(br.body), raw);
  const gz = await get(`/assets/${wasm}`, { "accept-encoding": "gzip, br;q=0" });
  assert.equal(gz.headers["content-encoding"], "gzip");
  assert.deepEqual(gunzipSync(gz.body), raw);
  const plain = await get(`/assets/${wasm}`);
  assert.equal(plain.headers["content-encoding"], undefined);
  assert.equal(plain.headers.vary, "Accept-Encoding");
  assert.deepEqual(plain.body, raw);
});

test("hashed files are cached for a year, the pages and the worker revalidated", async () => {
  const later = assets.find((a) => /^later\..*\.js$/.test(a));
  assert.equal((await get(`/assets/${later}`)).headers["cache-control"], "public, max-age=31536000, immutable");
  for (const path of ["/", "/index.html", "/legacy.html", "/sw.js"]) {
    const first = await get(path, { "accept-encoding": "br" });
    assert.equal(first.status, 200, path);
    assert.equal(first.headers["cache-control"], "no-cache", path);
    assert.ok(first.headers.etag, path);
    const again = await get(path, { "accept-encoding": "br", "if-none-match": first.headers.etag });
    assert.equal(again.status, 304, path);
    assert.equal(again.body.length, 0);
  }
  assert.equal((await get("/../package.json")).status, 404);
  assert.equal((await get("/assets/nothing.0123456789.js")).status, 404);
});

test("the built page inlines its styles and scripts, each allowed by its hash, nothing else inline", () => {
  const html = read("index.html").toString();
  const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)[1];
  const sha = (text) => `'sha256-${createHash("sha256").update(text).digest("base64")}'`;
  const styleSrc = /style-src ([^;]+)/.exec(csp)[1].split(" ");
  const styles = [...html.matchAll(/<style>([^<]*)<\/style>/g)].map((m) => m[1]);
  for (const css of styles) assert.ok(styleSrc.includes(sha(css)), css.slice(0, 60));
  assert.equal(styleSrc.length, 1 + styles.length);
  const scriptSrc = /script-src ([^;]+)/.exec(csp)[1].split(" ");
  const scripts = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([^]*?)<\/script>/g)].map((m) => m[1]);
  // the engine's early download, its glue, the entry module, the boot check, the worker's
  // registration and the mark after the home's first screen
  assert.equal(scripts.length, 6);
  for (const js of scripts) assert.ok(scriptSrc.includes(sha(js)), js.slice(0, 60));
  assert.deepEqual(scriptSrc.slice(0, 2), ["'self'", "'wasm-unsafe-eval'"]);
  assert.equal(scriptSrc.length, 2 + scripts.length);
  assert.doesNotMatch(csp, /'unsafe-inline'|'unsafe-eval'/);
  // no inline event handlers
  assert.doesNotMatch(html, /\son[a-z]+=/);
});

test("the host's headers: the page's preloads as Link headers (none today: the page carries what its first screens need)", async () => {
  const html = read("index.html").toString();
  const preloads = [...html.matchAll(/<link rel="(?:module)?preload" href="\.\/([^"]+)"/g)].map((m) => m[1]);
  // The entry, the chunks it imports at once and the engine's glue are inline; the .wasm is fetched by js/engine-early.js.
  assert.deepEqual(preloads, []);
  assert.equal((await get("/", { "accept-encoding": "br" })).headers.link, undefined);
  assert.equal((await get("/index.html")).headers.link, undefined);
  // A page that preloads a file gets it as a Link header (scripts/dist.mjs, preloadLinks).
  assert.deepEqual(preloadLinks('<link rel="modulepreload" href="./assets/x.0123456789.js">'), ["<assets/x.0123456789.js>; rel=modulepreload"]);
  assert.equal((await get("/_headers")).status, 404);
});
