// `vite dev` with this directory's vite.config.js: follows the page's import of the package to
// the wasm URL that init() will fetch, and reports what the dev server answers there.
// Usage: node dev-check.mjs <path of vite's Node API>
import { pathToFileURL } from "node:url";

const { createServer } = await import(pathToFileURL(process.argv[2]).href);
const server = await createServer({
  root: import.meta.dirname,
  logLevel: "error",
  server: { host: "127.0.0.1", port: 5173 + Math.floor(Math.random() * 1000) },
});
try {
  await server.listen();
  const base = server.resolvedUrls.local[0];
  const main = await (await fetch(new URL("main.js", base))).text();
  const glue = new URL(main.match(/from\s+"([^"]*yibao-policy[^"]*)"/)[1], base);
  const code = await (await fetch(glue)).text();
  const wasm = new URL(code.match(/new URL\(\s*["']([^"']+\.wasm)["']\s*,\s*import\.meta\.url\s*\)/)[1], glue);
  const res = await fetch(wasm);
  const bytes = new Uint8Array(await res.arrayBuffer());
  console.log(JSON.stringify({
    glue: glue.pathname,
    wasm: wasm.pathname,
    status: res.status,
    type: res.headers.get("content-type"),
    magic: Buffer.from(bytes.subarray(0, 4)).toString("hex"),
  }));
} finally {
  await server.close();
}
