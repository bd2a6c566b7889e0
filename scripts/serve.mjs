// A tiny static server for www/ (no dependencies): the right MIME type for .wasm, no caching, and
// loopback only. Usage: node scripts/serve.mjs [--port 8080] [--root www]
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve, sep } from "node:path";

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const root = resolve(opt("root", "www"));
const port = Number(opt("port", process.env.PORT ?? 8080));
const host = "127.0.0.1";
const types = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
};

export function startServer({ rootDir = root, listenPort = port } = {}) {
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? "/", "http://localhost");
      let path = normalize(join(rootDir, decodeURIComponent(url.pathname)));
      if (path !== rootDir && !path.startsWith(rootDir + sep)) {
        res.writeHead(403).end("forbidden");
        return;
      }
      if ((await stat(path).catch(() => null))?.isDirectory()) path = join(path, "index.html");
      const body = await readFile(path);
      res.writeHead(200, {
        "content-type": types[extname(path)] ?? "application/octet-stream",
        "cache-control": "no-store",
        "x-content-type-options": "nosniff",
      });
      res.end(body);
    } catch {
      res.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("not found");
    }
  });
  return new Promise((ok, fail) => {
    server.once("error", fail);
    server.listen(listenPort, host, () => ok(server));
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const tryPort = async (p, left) => {
    try {
      return await startServer({ listenPort: p });
    } catch (e) {
      if (e.code === "EADDRINUSE" && left > 0) return tryPort(p + 1, left - 1);
      throw e;
    }
  };
  const server = await tryPort(port, 20);
  const { port: actual } = server.address();
  console.log(`\n  yibao-policy demo: http://${host}:${actual}/\n  (serving ${root}; Ctrl-C to stop)\n`);
}
