// Runs a built page's scripts in Node, without a browser: `node run-page.mjs <root> <page url>`.
// The page is served from <root> at http://page.invalid/ by a fetch() that reads files (wasm
// with application/wasm, as a correctly configured server would), with just enough of
// `document` and `location` for the scripts; classic scripts run in this global scope, module
// scripts are imported (an inline one from a file beside the page, so that its relative imports
// and import.meta.url work as in a browser). Prints what the page put into <pre id="out">.
import { readFileSync, writeFileSync } from "node:fs";
import { join, resolve, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import vm from "node:vm";

const [site, page] = process.argv.slice(2);
const root = resolve(site);
const pageUrl = new URL(page, "http://page.invalid/");
const fileOf = (url) => {
  const u = new URL(url, pageUrl);
  // Modules run from file: URLs here, so their `new URL(x, import.meta.url)` are file: URLs too:
  // inside the site, that file; outside it (a root-relative "/assets/x.wasm"), the path that a
  // server would resolve under the site's root.
  if (u.protocol === "file:" && fileURLToPath(u).startsWith(root + sep)) return fileURLToPath(u);
  return join(root, decodeURIComponent(u.pathname));
};

globalThis.fetch = async (url) => {
  const path = fileOf(String(url));
  const type = path.endsWith(".wasm") ? "application/wasm" : "application/octet-stream";
  return new Response(readFileSync(path), { headers: { "content-type": type } });
};
globalThis.location = pageUrl;
const elements = new Map();
const element = (id) => elements.get(id) ?? elements.set(id, { id, textContent: "" }).get(id);
globalThis.document = {
  currentScript: null,
  getElementById: element,
  querySelector: (selector) => (selector.startsWith("#") ? element(selector.slice(1)) : null),
  // Vite's modulepreload polyfill asks this, and stops when the answer is yes.
  createElement: () => ({ relList: { supports: () => true } }),
  querySelectorAll: () => [],
};

const html = readFileSync(fileOf(pageUrl), "utf8").replace(/<!--[\s\S]*?-->/g, "");
let inline = 0;
for (const [, attrs, body] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
  const src = attrs.match(/\bsrc="([^"]+)"/)?.[1];
  if (/type="module"/.test(attrs)) {
    let file = src && fileOf(src);
    if (!src) writeFileSync((file = fileOf(`inline-module-${inline++}.mjs`)), body);
    await import(pathToFileURL(file).href);
  } else {
    const code = src ? readFileSync(fileOf(src), "utf8") : body;
    document.currentScript = { tagName: "SCRIPT", src: src ? new URL(src, pageUrl).href : "" };
    vm.runInThisContext(code, { filename: src ?? "inline script" });
    document.currentScript = null;
  }
}

const deadline = Date.now() + 10_000;
while (!element("out").textContent && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
console.log(element("out").textContent);
