// The deployable site, dist/, from www/ after scripts/build.sh has filled www/vendor/:
//
//   dist/index.html, dist/legacy.html   the pages, unhashed (served `no-cache`), references rewritten;
//                                       index.html with its first screens' stylesheets, its module
//                                       entry (vendor/app.js, with the chunks it imports at once)
//                                       and four small scripts inline, each allowed by its sha256
//                                       in the CSP, and the home's first screen as markup
//   dist/assets/<name>.<hash>.<ext>     every file the pages need, found by following references
//                                       (CSS, scripts, the app bundle, the engine's glue and wasm),
//                                       named by a hash of its content (served year-long, immutable)
//   dist/sw.js                          the offline worker with this build's precache list and the
//                                       list of files it caches only when first used (LAZY below)
//   dist/names.json                     www/ name → dist/ name of every hashed file (for tests and
//                                       tools; the pages never read it)
//   dist/_headers                       the response headers a host should add to the pages (the
//                                       `_headers` format of Netlify and Cloudflare Pages; read by
//                                       scripts/serve.mjs): index.html's preloads as `Link` headers
//   *.br, *.gz                          pre-compressed copies (scripts/compress.mjs)
//
// A reference is a quoted path (or CSS url()) to a file of www/ (a path in a comment's parentheses
// is not one), resolved against the file that
// holds it, else against the site root (the pages' base: a script may name a file for the page,
// as js/legacy/lite.js does for the wasm). A file's references are rewritten before its hash is
// taken, so a new wasm gives a new glue name, a new bundle name and a new page: the wasm-bindgen
// glue's `new URL('yibao_policy_bg.wasm', import.meta.url)` and the page's early fetch (js/engine-early.js) both follow.
// Source maps stay in www/vendor/ (the `sourceMappingURL` comments are dropped here).
// The page's bundle (vendor/app.js and its chunks, whose names carry esbuild's hash) refers to its
// own files by import and import(): those come from esbuild's metafile (vendor/meta.json), each
// checked to be in the text. The chunks the entry imports at once go inline with it and are not
// written (entryWithChunks). Run-time URLs (`fetch`, an added stylesheet or script, the engine's
// files) are quoted paths, so they follow: the division list and the pure-JS engine get hashed
// names like the rest.
//
//   node scripts/dist.mjs [--www www] [--out dist]     (the last step of scripts/build.sh)
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, extname, join, posix, relative, resolve } from "node:path";
import { buildSync, transformSync } from "esbuild";
import { brotli, compressTree } from "./compress.mjs";
import { ENTRY_JS, entryWithChunks, specifier, takeSharedFromEntry } from "./entry.mjs";
import { homeScreen } from "./first-screen.mjs";
import { bundleOf } from "./metafile.mjs";

const TEXT = new Set([".js", ".mjs", ".css", ".html", ".json", ".svg", ".webmanifest"]);
const REFERENCE = /(["']|url\()([^"'()\s?#:]+\.(?:js|mjs|css|wasm|json|svg|png|jpg|webp|ico|woff2|webmanifest))((?:[?#][^"'()\s]*)?)(?=["')])/g;
const SOURCE_MAP = /\n?\/[/*]# sourceMappingURL=\S+(?: \*\/)?\s*$/;
// Not copied as they are: sources bundled into vendor/app.js, build output, the worker's
// sources (added below), docs. Whatever else www/ holds (data, icons) is copied unhashed.
const NOT_COPIED = new Set(["js", "css", "vendor", "offline", "data"]);
// Names that must not change: the browser finds a new worker by fetching the same URL again
// (register.js names it "sw.js", for the page's base; it is written below as dist/sw.js).
const NEVER_HASHED = new Set(["offline/sw.js"]);
// Loaded at run time only when used: the year view (opened by few) and the pure-JS engine (only
// where WebAssembly cannot run, larger than the .wasm: BENCHMARKS.md, "Sizes"). Hashed like the rest, but not in the worker's
// precache: the install after a first visit would download them on every phone, on a network
// where each 10 KB costs 0.2 s. The worker caches them when a page first loads them instead, so
// a year view opened once (or an old phone's engine) works offline afterwards.
// The main page's glue file too: index.html carries the glue inline (inlineGlue below), and the
// loader imports the file only if that inline module did not run.
const WEB_GLUE = "vendor/yibao-policy/yibao_policy.js";
// The year view is a chunk of the page's bundle (scripts/build.sh): LAZY gets its hashed name
// from esbuild's metafile (lazyFiles below).
const LAZY_SOURCES = ["js/year.js"];
const LAZY_FILES = ["vendor/yibao-policy/js/yibao_policy.js", "vendor/yibao-policy/js/yibao_policy.global.js", WEB_GLUE];
// Sources of www/js/ that a classic script names for the page (js/engine-early.js preloads the
// home's and the guide's chunk, js/screens.js): in dist/ they name the file esbuild built from them.
const BUNDLED_SOURCES = new Set(["js/screens.js"]);
/** The files fetched only when used (see above): the pure-JS engine, the glue file, the year view. */
export function lazyFiles(www) {
  const bundle = bundleOf(www);
  return new Set([...LAZY_FILES, ...LAZY_SOURCES.map((s) => bundle.outputOf(s))]);
}


export function hashOf(bytes) {
  return createHash("sha256").update(bytes).digest("hex").slice(0, 10);
}

/** Builds dist/ from www/; returns { pages, assets, precache, onUse, version }. */
export async function buildSite({ www, out }) {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(join(out, "assets"), { recursive: true });
  const named = new Map(); // www-relative path → dist-relative path (assets/…)
  const visiting = new Set();
  const reachable = new Map(); // page → set of dist paths it needs
  const lazy = new Set(); // dist paths of LAZY files (and what they need), wherever reached
  const bundle = bundleOf(www);
  const LAZY = lazyFiles(www);
  // The entry goes inline with the chunks it imports at once (entryWithChunks below); the other
  // outputs of the bundle that import those chunks take them from it.
  const shared = bundle.staticImports(ENTRY_JS);
  const entry = await entryWithChunks(www, bundle, shared);
  const fromEntry = await takeSharedFromEntry(www, bundle, shared);
  // A chunk the page preloads (BUNDLED_SOURCES) must need nothing at once but what the page carries:
  // a chunk it imports would be requested only once it has come, a round trip later.
  for (const source of BUNDLED_SOURCES) {
    const output = bundle.outputOf(source);
    const more = bundle.staticImports(output).filter((c) => !shared.includes(c));
    if (more.length) throw new Error(`${output} (from ${source}, preloaded by the page) imports ${more.join(", ")}, which the page does not carry: move what it shares with the other chunks into a module of the entry`);
  }

  // The new text of a file (www-relative `from`, to be written at dist-relative `at`), its
  // references rewritten to their hashed names; `needs` collects every asset reached.
  function rewrite(text, from, at, needs) {
    return rewriteReferences(rewriteImports(text, from, at, needs), from, at, needs);
  }

  // A bundle output's imports of the others, as esbuild's metafile lists them (but the chunks the
  // inline entry carries, which no file imports any more): each must be in the text as the
  // relative specifier esbuild writes, and each is rewritten to its hashed name.
  function rewriteImports(text, from, at, needs) {
    const imports = from === ENTRY_JS ? entry.imports : bundle.imports.get(from) || [];
    // (A file imported at two places is listed twice: each name is rewritten once, everywhere.)
    for (const target of new Set(imports.filter((i) => !shared.includes(i.target)).map((i) => i.target))) {
      const written = specifier(posix.dirname(from), target);
      const quoted = new RegExp(`(["'])${written.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\1`, "g");
      if (!quoted.test(text)) throw new Error(`${from}: esbuild's metafile has an import of ${target}, but no "${written}" in the file`);
      const path = asset(target, LAZY.has(target) ? lazy : needs);
      text = text.replace(quoted, (m, q) => `${q}${specifier(posix.dirname(at), path)}${q}`);
    }
    return text;
  }

  // Every other reference: a quoted path to a file of www/ (run-time URLs: a fetch, a stylesheet
  // or script added, the engine's files), resolved against the file, else the site root.
  function rewriteReferences(text, from, at, needs) {
    return text.replace(REFERENCE, (whole, open, ref, suffix) => {
      const byFile = posix.normalize(posix.join(posix.dirname(from), ref));
      const byRoot = posix.normalize(ref.replace(/^\.\//, ""));
      let [target, base] = isFile(byFile) ? [byFile, posix.dirname(at)] : isFile(byRoot) ? [byRoot, "."] : [null, null];
      if (BUNDLED_SOURCES.has(target)) target = bundle.outputOf(target);
      if (!target || target.endsWith(".html") || NEVER_HASHED.has(target)) return whole;
      if (bundle.imports.has(target) && bundle.imports.has(from)) throw new Error(`${from} names ${ref}, an output of the bundle that esbuild's metafile does not list as its import`);
      const path = asset(target, LAZY.has(target) ? lazy : needs);
      return `${open}${specifier(base, path)}${suffix}`;
    });
  }

  // The page's scripts go into the page itself, allowed by their hashes in its CSP: the module
  // entry (vendor/app.js) and the three small classic scripts. On a slow network the line is idle
  // while the files a page names make their round trip (400 ms on the phone profile, ≈20 KB at
  // 400 kbit/s): the entry's bytes, inline, arrive in that time instead of after it
  // (BENCHMARKS.md, "The phone profile"). Its references are rewritten for the page's base, which
  // is also what an inline module's import() and import.meta.url resolve against. `nomodule`
  // scripts stay files (a browser with modules never fetches them).
  function inlineScripts(html, page, needs) {
    const hashes = [];
    html = html.replace(INLINE_SCRIPT, (tag, module, src) => {
      if (!INLINED.has(src)) return tag; // e.g. a host's own SDK script (www/README.md), kept as it is
      if (!isFile(src)) throw new Error(`${page}: no file ${src} to inline`);
      const text = src === ENTRY_JS ? entry.code : readFileSync(join(www, src), "utf8");
      let code = rewrite(text, src, page, needs).replace(SOURCE_MAP, "").trim();
      // The classic scripts are written by hand, comments and all (ES5 for old browsers); the entry is minified already.
      if (!module) code = transformSync(code, { loader: "js", minify: true, target: "es5", logLevel: "error" }).code.trim();
      if (/<\/script|<!--/i.test(code)) throw new Error(`${src}: "</script" or "<!--" cannot be inlined in a page`);
      hashes.push(`'sha256-${createHash("sha256").update(code).digest("base64")}'`);
      return `<script${module ? ' type="module"' : ""}>${code}</script>`;
    });
    const csp = /(http-equiv="Content-Security-Policy" content="[^"]*script-src 'self' 'wasm-unsafe-eval')/;
    if (hashes.length !== INLINED.size) throw new Error(`${page}: expected to inline ${[...INLINED].join(", ")}`);
    if (!csp.test(html)) throw new Error(`${page}: no script-src 'self' 'wasm-unsafe-eval' in the CSP to add the inlined scripts' hashes to`);
    return html.replace(csp, (m) => `${m} ${hashes.join(" ")}`);
  }

  function isFile(rel) {
    return !rel.startsWith("../") && existsSync(join(www, rel)) && !readdirSafe(join(www, rel));
  }

  function asset(rel, needs) {
    if (visiting.has(rel)) throw new Error(`reference cycle through ${rel}`);
    if (!named.has(rel)) {
      visiting.add(rel);
      const ext = extname(rel);
      const own = new Set();
      let bytes = fromEntry.has(rel) ? Buffer.from(fromEntry.get(rel)) : readFileSync(join(www, rel));
      if (TEXT.has(ext)) bytes = Buffer.from(rewrite(bytes.toString("utf8"), rel, "assets/x", own).replace(SOURCE_MAP, "\n"));
      if (ext === ".css") bytes = Buffer.from(minifyCss(bytes.toString("utf8")));
      if (rel === WEB_GLUE) bytes = Buffer.from(minifyGlue(bytes.toString("utf8")));
      if (ext === ".wasm") bytes = stripMetadata(bytes);
      const path = `assets/${bundle.stemOf(rel) || basename(rel, ext)}.${hashOf(bytes)}${ext}`;
      writeFileSync(join(out, path), bytes);
      named.set(rel, { path, needs: own });
      visiting.delete(rel);
    }
    const { path, needs: own } = named.get(rel);
    needs.add(path);
    for (const p of own) needs.add(p);
    return path;
  }

  const pages = readdirSync(www).filter((f) => f.endsWith(".html"));
  for (const page of pages) {
    const needs = new Set();
    let html = readFileSync(join(www, page), "utf8");
    if (page === "index.html") {
      html = firstScreen(html, page, await homeScreen(www));
      // The worker's registration, in the built page only (see www/offline/register.js).
      html = html.replace("</head>", `  <script src="offline/register.js" async></script>\n</head>`);
      html = inlineGlue(html, page, rewrite(readFileSync(join(www, WEB_GLUE), "utf8"), WEB_GLUE, page, needs));
      html = inlineScripts(html, page, needs);
    }
    html = rewrite(html, page, page, needs);
    if (page === "index.html") html = inlineStyles(html, out, needs);
    writeFileSync(join(out, page), html);
    if (page === "index.html") writeFileSync(join(out, "_headers"), headersFile(html));
    reachable.set(page, needs);
  }
  for (const name of readdirSync(www)) {
    if (NOT_COPIED.has(name) || name.endsWith(".html") || name.endsWith(".md")) continue;
    cpSync(join(www, name), join(out, name), { recursive: true });
  }

  // The worker caches the main page and all it needs; legacy.html is for browsers that have no
  // service workers anyway.
  const precache = ["index.html", ...[...reachable.get("index.html")].sort()];
  const template = readFileSync(join(www, "offline", "sw.js"), "utf8");
  const missing = [...LAZY].filter((rel) => !named.has(rel));
  if (missing.length) throw new Error(`no page refers to ${missing.join(", ")}: update LAZY_FILES or LAZY_SOURCES in scripts/dist.mjs`);
  const onUse = [...lazy].filter((p) => !precache.includes(p)).sort();
  const version = hashOf([...precache, ...onUse, readFileSync(join(out, "index.html"), "utf8"), template].join("\n"));
  const sw = template
    .replace('"__VERSION__"', JSON.stringify(version))
    .replace('["__PRECACHE__"]', JSON.stringify(precache))
    .replace('["__ON_USE__"]', JSON.stringify(onUse));
  if (sw.includes("__")) throw new Error("offline/sw.js: a placeholder was not filled");
  writeFileSync(join(out, "sw.js"), sw);

  compressTree(out);
  const names = Object.fromEntries([...named].map(([rel, n]) => [rel, n.path]).sort());
  writeFileSync(join(out, "names.json"), `${JSON.stringify(names, null, 1)}\n`);
  return { pages, assets: [...named.values()].map((n) => n.path), precache, onUse, version };
}

// The home's first screen (scripts/first-screen.mjs: the app's own header and home, drawn at build
// time) in place of the page's marker inside #app, where css/base.css shows it only on a first
// visit to the home (js/boot-check.js marks that visit on <html> before the body is parsed). On a
// slow network the page's first kilobytes arrive a round trip or more before anything it names and
// half a second before its own last bytes: these ≈1.3 KB (≈0.25 KB brotli beside the same words
// in the entry's strings) make the home's first paint its cards as soon as they have arrived.
// The script after them shows them, on a first visit to the home, all at once (.first-drawn,
// css/base.css: the line may bring the header bar a packet before the cards, and the browser
// paints what it has), and marks that moment ("yibao:first-screen", as js/main.js marks a screen
// the app draws; read by bench/phone.mjs and the page tests: the first paint is never before it),
// allowed by its hash like the others.
const FIRST_SCREEN = "<!-- the home's first screen: drawn here by scripts/dist.mjs -->";
const FIRST_SCREEN_MARK = '(function(r){if(/\\bfirst-home\\b/.test(r.className)){r.className+=" first-drawn";if(self.performance&&performance.mark)performance.mark("yibao:first-screen")}})(document.documentElement)';

function firstScreen(html, page, markup) {
  if (!html.includes(FIRST_SCREEN)) throw new Error(`${page}: no "${FIRST_SCREEN}" marker for the home's first screen`);
  if (/<script|<!--/i.test(markup)) throw new Error("the home's first screen has a script or a comment in it");
  html = html.replace(FIRST_SCREEN, () => `${markup}<script>${FIRST_SCREEN_MARK}</script>`);
  return allowScript(html, page, FIRST_SCREEN_MARK);
}

function allowScript(html, page, code) {
  const csp = /(http-equiv="Content-Security-Policy" content="[^"]*script-src 'self' 'wasm-unsafe-eval')/;
  if (!csp.test(html)) throw new Error(`${page}: no script-src 'self' 'wasm-unsafe-eval' in the CSP to add an inline script's hash to`);
  return html.replace(csp, (m) => `${m} 'sha256-${createHash("sha256").update(code).digest("base64")}'`);
}

// The stylesheets go into the page itself, allowed by their hashes in the page's CSP, when they
// are small: a stylesheet is render-blocking, and on a 400 ms round trip fetching it delays the
// first paint by more than its bytes cost (≈6 KB brotli, 0.12 s at 400 kbit/s). The separate
// files stay in assets/ for legacy.html.
const INLINE_BUDGET = 14 * 1024; // brotli bytes: about what a first TCP window carries with the page
// The scripts index.html carries inline (see inlineScripts): its module entry and three small
// classic scripts (engine-early.js must run with the page's first bytes: a file would cost a round trip).
const INLINED = new Set(["vendor/app.js", "js/engine-early.js", "js/boot-check.js", "offline/register.js"]);
const INLINE_SCRIPT = /<script( type="module")? src="([^"]+)"(?: defer| async)?><\/script>/g;
const STYLESHEET = /<link rel="stylesheet" href="\.\/(assets\/[^"]+\.css)">/g;

function inlineStyles(html, out, needs) {
  const sheets = [...html.matchAll(STYLESHEET)].map(([tag, path]) => ({ tag, path, css: readFileSync(join(out, path), "utf8") }));
  const size = sheets.reduce((n, s) => n + brotli(Buffer.from(s.css)).length, 0);
  if (!sheets.length || size > INLINE_BUDGET || sheets.some((s) => /url\(|@import/.test(s.css))) return html;
  const hashes = [];
  for (const sheet of sheets) {
    html = html.replace(sheet.tag, () => `<style>${sheet.css}</style>`);
    hashes.push(`'sha256-${createHash("sha256").update(sheet.css).digest("base64")}'`);
    needs.delete(sheet.path);
  }
  const csp = /(http-equiv="Content-Security-Policy" content="[^"]*style-src 'self')/;
  if (!csp.test(html)) throw new Error("index.html: no style-src 'self' in the CSP to add the inlined styles' hashes to");
  return html.replace(csp, (m) => `${m} ${hashes.join(" ")}`);
}

// The page's own preloads (and its module entry), repeated as `Link` response headers: the browser
// acts on a header when the response starts, before the page's bytes have arrived (on a slow
// network the page's ≈7 KB brotli take 0.14 s after its first byte), and a host that sends 103
// Early Hints can send them before the page itself. The URLs are relative, so they follow a site
// served from a subdirectory.
const PRELOAD = /<link rel="(modulepreload|preload)" href="\.\/([^"]+)"([^>]*)>|<script type="module" src="\.\/([^"]+)"><\/script>/g;

export function preloadLinks(html) {
  return [...html.matchAll(PRELOAD)].map(([, rel, href, rest, entry]) => {
    if (entry) return `<${entry}>; rel=modulepreload`;
    const attr = (name) => (new RegExp(`\\b${name}="([^"]+)"`).exec(rest) || [])[1];
    const params = [`rel=${rel}`, attr("as") && `as=${attr("as")}`, /\bcrossorigin\b/.test(rest) && "crossorigin",
      attr("type") && `type="${attr("type")}"`, attr("fetchpriority") && `fetchpriority=${attr("fetchpriority")}`];
    return [`<${href}>`, ...params.filter(Boolean)].join("; ");
  });
}

function headersFile(html) {
  // Today the page preloads nothing (the entry's chunks are inline in it, the glue too): no Link.
  const links = preloadLinks(html);
  const link = links.length ? `  Link: ${links.join(", ")}\n` : "";
  return `# Response headers for a static host (Netlify / Cloudflare Pages "_headers"; scripts/serve.mjs
# reads it too). The pages' preloads, so the browser starts them with the page's first bytes.
/\n${link}/index.html\n${link}`;
}

// The stylesheets as served: comments and spaces out (the inline CSS of index.html is ≈0.9 KB
// brotli smaller, ≈18 ms on the phone profile), for the oldest browser either page supports
// (legacy.html shares base.css and result.css; README.md, "Which phones").
const CSS_TARGET = ["chrome51", "safari10", "firefox45", "ios10"];

function minifyCss(css) {
  return transformSync(css, { loader: "css", minify: true, target: CSS_TARGET, logLevel: "error" }).code.trimEnd();
}

// The main page's wasm-bindgen glue (WEB_GLUE) inline in index.html, in place of its modulepreload:
// its ≈2.4 KB brotli then travel with the page, in the round trip the preloads wait for, instead of
// after it with the .wasm (BENCHMARKS.md, "The phone profile"). Placed just before the entry at
// the end of the body
// (in the head its bytes held back the first paint), a module that runs before the entry (module
// scripts run in document order) and hands `default` and `call` to js/engine-loader.js as
// self.yibaoPolicyGlue. Bundled by esbuild from the glue's own text (its .wasm name rewritten for
// the page, which an inline module's import.meta.url is), so nothing of it is edited by hand and
// what the loader does not use (initSync) is left out. The glue file stays in assets/, minified
// (minifyGlue), cached by the worker on use (LAZY): the loader imports it if the inline module did not run.
const GLUE_PRELOAD = `<link rel="modulepreload" href="${WEB_GLUE}">`;
const ENTRY = '<script type="module" src="vendor/app.js"></script>';

function inlineGlue(html, page, glue) {
  if (!html.includes(GLUE_PRELOAD) || !html.includes(ENTRY)) throw new Error(`${page}: no ${GLUE_PRELOAD} to put the glue inline in place of, or no ${ENTRY} to put it before`);
  const work = mkdtempSync(join(tmpdir(), "yibao-glue-"));
  let code;
  try {
    writeFileSync(join(work, "glue.js"), glue);
    code = buildSync({
      stdin: { contents: 'import init, { call } from "./glue.js";\nself.yibaoPolicyGlue = { default: init, call };\n', resolveDir: work, loader: "js" },
      bundle: true, format: "esm", minify: true, target: "es2017", supported: { "import-meta": true }, legalComments: "none", write: false, logLevel: "error",
    }).outputFiles[0].text.trim();
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  if (!/new URL\("\.\/assets\/[^"]+\.wasm",import\.meta\.url\)/.test(code) || !code.includes("self.yibaoPolicyGlue=")) {
    throw new Error(`${WEB_GLUE}: the inline glue lacks its import.meta.url wasm lookup or its hand-over; has wasm-bindgen's glue changed?`);
  }
  if (/<\/script|<!--/i.test(code)) throw new Error(`${WEB_GLUE}: "</script" or "<!--" cannot be inlined in a page`);
  const csp = /(http-equiv="Content-Security-Policy" content="[^"]*script-src 'self' 'wasm-unsafe-eval')/;
  const hash = `'sha256-${createHash("sha256").update(code).digest("base64")}'`;
  html = html.replace(new RegExp(`[ \\t]*${GLUE_PRELOAD}\\n`), "").replace(ENTRY, () => `<script type="module">${code}</script>\n  ${ENTRY}`);
  return html.replace(csp, (m) => `${m} ${hash}`);
}

// The main page's wasm-bindgen glue, as wasm-pack writes it: unminified, with every doc comment
// (18.6 KB raw, 3.8 KB brotli, on the deep link's path after the page, where each KB costs
// ≈21 ms on the phone profile). Minified here it is ≈2.6 KB brotli; www/vendor/ keeps the package's
// text. The syntax is the app bundle's (es2017, scripts/build.sh), with `import.meta` allowed (esbuild
// would empty it below es2020, and the glue finds its .wasm by it); nothing is renamed that the loader
// uses (exports keep their names), and nothing is removed but comments and whitespace (transform
// mode: no tree-shaking of exports).
export function minifyGlue(code) {
  const out = transformSync(code, { loader: "js", format: "esm", minify: true, target: "es2017", supported: { "import-meta": true }, legalComments: "none", logLevel: "error" }).code;
  // js/engine-loader.js calls `default` (init) and `call`; init's fallback finds the
  // .wasm by `new URL(<name>, import.meta.url)`. A wasm-bindgen whose glue no longer has these fails here.
  const exports = /export\s*\{([^}]*)\}\s*;?\s*$/.exec(out)?.[1] ?? "";
  const named = exports.split(",").map((e) => e.trim().split(/\s+as\s+/).pop());
  if (!["default", "call"].every((n) => named.includes(n)) || !/new URL\("[^"]+\.wasm",import\.meta\.url\)/.test(out)) {
    throw new Error(`${WEB_GLUE}: minified glue lacks its default/call exports or its import.meta.url wasm lookup; has wasm-bindgen's glue changed?`);
  }
  return `${out.trimEnd()}\n`;
}

// Custom sections of a .wasm that no browser reads: the toolchain's names and versions
// (`producers`) and the features it was built with (`target_features`, for linkers). 265 bytes of
// the page's .wasm, ≈0.23 KB brotli, on the deep link's path. Every other section is kept byte for
// byte (a custom section is never needed to compile or run a module).
const UNREAD_SECTIONS = new Set(["producers", "target_features"]);

export function stripMetadata(wasm) {
  if (wasm.readUInt32LE(0) !== 0x6d736100) throw new Error("not a WebAssembly module");
  const kept = [wasm.subarray(0, 8)];
  let at = 8;
  const leb = () => {
    let value = 0;
    let shift = 0;
    let byte;
    do {
      byte = wasm[at++];
      value += (byte & 0x7f) * 2 ** shift;
      shift += 7;
    } while (byte & 0x80);
    return value;
  };
  while (at < wasm.length) {
    const start = at;
    const id = wasm[at++];
    const size = leb();
    const end = at + size;
    if (end > wasm.length) throw new Error("a .wasm section runs past the end of the file");
    const name = id === 0 ? wasm.subarray(at + 0, end).toString("latin1").slice(1, 1 + wasm[at]) : null;
    if (!(id === 0 && UNREAD_SECTIONS.has(name))) kept.push(wasm.subarray(start, end));
    at = end;
  }
  return Buffer.concat(kept);
}

function readdirSafe(path) {
  try {
    return readdirSync(path);
  } catch {
    return null;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const opt = (name, fallback) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : fallback);
  const www = resolve(opt("www", "www"));
  const out = resolve(opt("out", "dist"));
  if (!existsSync(join(www, "vendor", "app.js"))) throw new Error(`${www}/vendor/ is not built: run scripts/build.sh`);
  const site = await buildSite({ www, out });
  console.log(`${relative(process.cwd(), out) || out}/: ${site.pages.join(", ")} and ${site.assets.length} hashed files; worker ${site.version} precaches ${site.precache.length}, caches ${site.onUse.length} on use`);
}
