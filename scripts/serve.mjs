// A tiny static server (no dependencies), configured as www/README.md asks a static host to be:
// pre-compressed `.br`/`.gz` files chosen by Accept-Encoding (with `Vary: Accept-Encoding`),
// year-long immutable caching for the content-hashed files in `assets/`, `no-cache` with an ETag
// for everything else (HTML, sw.js), the right MIME type for .wasm, the extra headers `_headers`
// names for a path (the pages' `Link` preloads, written by scripts/dist.mjs); loopback only.
// `--rtt MS --kbit N` makes it a slow network (below, `throttle`), for browsers that cannot
// throttle themselves (Firefox and WebKit under WebDriver) and to try the page as a phone gets it.
// Usage: node scripts/serve.mjs [--port 8080] [--root dist] [--rtt 400 --kbit 400]
import { createHash } from "node:crypto";
import { createServer } from "node:http";
import { existsSync, readFileSync } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, relative, resolve, sep } from "node:path";
import { COMPRESSIBLE } from "./compress.mjs";

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const root = resolve(opt("root", "dist"));
const port = Number(opt("port", process.env.PORT ?? 8080));
const cliThrottle = opt("rtt") || opt("kbit") ? { rttMs: Number(opt("rtt", 0)), kbit: Number(opt("kbit", 1e6)) } : null;
const host = "127.0.0.1";
const types = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
};

/** A content-hashed file (scripts/dist.mjs): `assets/<name>.<10 hex digits>.<ext>`. */
export const HASHED = /^assets\/[^/]+\.[0-9a-f]{10}\.[^/]+$/;
export const IMMUTABLE = "public, max-age=31536000, immutable";

/** True when the Accept-Encoding header accepts `coding` (listed, q > 0). */
export function accepts(header, coding) {
  for (const part of String(header ?? "").split(",")) {
    const [name, ...params] = part.split(";").map((s) => s.trim());
    if (name.toLowerCase() !== coding) continue;
    const q = params.find((p) => p.startsWith("q="));
    return !q || Number(q.slice(2)) > 0;
  }
  return false;
}

async function variant(path, acceptEncoding, compress) {
  if (compress && COMPRESSIBLE.has(extname(path))) {
    for (const [coding, ext] of [["br", ".br"], ["gzip", ".gz"]]) {
      if (!accepts(acceptEncoding, coding)) continue;
      const body = await readFile(path + ext).catch(() => null);
      if (body) return { body, coding };
    }
  }
  return { body: await readFile(path), coding: null };
}

/**
 * The `_headers` file of a site (Netlify / Cloudflare Pages format: a path on its own line, then
 * its headers indented as `Name: value`), as a map from path to headers; empty without one.
 */
export function readHeadersFile(text) {
  const byPath = new Map();
  let current = null;
  for (const line of String(text ?? "").split("\n")) {
    if (!line.trim() || line.trimStart().startsWith("#")) continue;
    if (!/^\s/.test(line)) {
      current = {};
      byPath.set(line.trim(), current);
    } else if (current) {
      const at = line.indexOf(":");
      if (at > 0) current[line.slice(0, at).trim().toLowerCase()] = line.slice(at + 1).trim();
    }
  }
  return byPath;
}

const sleep = (ms) => new Promise((ok) => setTimeout(ok, Math.max(0, ms)));

/**
 * A slow network at the server: every response waits one round trip (`rttMs`) before its
 * headers, and all bodies then share one line of `kbit` kbit/s, 1 KB at a time in the order
 * they asked for it (as a phone's radio link is shared by the page's parallel requests). The
 * bytes timed are those sent, compressed or not.
 */
export function slowLine({ rttMs, kbit }) {
  const bytesPerMs = (kbit * 1000) / 8 / 1000;
  let free = 0; // when the line has sent what was asked of it so far (performance.now() ms)
  return async function send(res, status, headers, body) {
    await sleep(rttMs);
    if (res.destroyed) return;
    res.writeHead(status, headers);
    for (let at = 0; body && at < body.length; at += 1024) {
      const piece = body.subarray(at, at + 1024);
      free = Math.max(performance.now(), free) + piece.length / bytesPerMs;
      await sleep(free - performance.now());
      if (res.destroyed) return;
      res.write(piece);
    }
    res.end();
  };
}

const sendAtOnce = async (res, status, headers, body) => res.writeHead(status, headers).end(body ?? undefined);

/**
 * `compress: false` serves every file as is (for measuring what compression buys);
 * `extraHeaders: false` leaves out what `_headers` adds (for measuring what it buys);
 * `throttle: { rttMs, kbit }` serves it over a slow line (slowLine above). Every request is also
 * the server's "request" event, which tests count.
 */
export function startServer({ rootDir = root, listenPort = port, compress = true, extraHeaders = true, throttle = null } = {}) {
  const headersFile = join(rootDir, "_headers");
  const extra = extraHeaders && existsSync(headersFile) ? readHeadersFile(readFileSync(headersFile, "utf8")) : new Map();
  const send = throttle ? slowLine(throttle) : sendAtOnce;
  const server = createServer(async (req, res) => {
    try {
      if (req.method !== "GET" && req.method !== "HEAD") {
        res.writeHead(405, { allow: "GET, HEAD" }).end();
        return;
      }
      const url = new URL(req.url ?? "/", "http://localhost");
      let path = normalize(join(rootDir, decodeURIComponent(url.pathname)));
      if (path !== rootDir && !path.startsWith(rootDir + sep)) {
        res.writeHead(403).end("forbidden");
        return;
      }
      if (url.pathname === "/_headers") throw new Error("not a page"); // the host's configuration
      if ((await stat(path).catch(() => null))?.isDirectory()) path = join(path, "index.html");
      const { body, coding } = await variant(path, req.headers["accept-encoding"], compress);
      const name = relative(rootDir, path).split(sep).join("/");
      const headers = {
        "content-type": types[extname(path)] ?? "application/octet-stream",
        "content-length": body.length,
        "x-content-type-options": "nosniff",
      };
      if (coding) headers["content-encoding"] = coding;
      Object.assign(headers, extra.get(url.pathname));
      if (compress && COMPRESSIBLE.has(extname(path))) headers.vary = "Accept-Encoding";
      if (HASHED.test(name)) {
        headers["cache-control"] = IMMUTABLE;
      } else {
        // Revalidated on every use: a new build is seen at once, an unchanged file costs a 304.
        const etag = `"${createHash("sha256").update(body).digest("base64url").slice(0, 22)}"`;
        headers["cache-control"] = "no-cache";
        headers.etag = etag;
        if (req.headers["if-none-match"] === etag) {
          delete headers["content-length"];
          await send(res, 304, headers, null);
          return;
        }
      }
      await send(res, 200, headers, req.method === "HEAD" ? null : body);
    } catch {
      if (!res.headersSent) await send(res, 404, { "content-type": "text/plain; charset=utf-8" }, Buffer.from("not found"));
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
      return await startServer({ listenPort: p, throttle: cliThrottle });
    } catch (e) {
      if (e.code === "EADDRINUSE" && left > 0) return tryPort(p + 1, left - 1);
      throw e;
    }
  };
  const server = await tryPort(port, 20);
  const { port: actual } = server.address();
  const slow = cliThrottle ? `, ${cliThrottle.rttMs} ms round trip, ${cliThrottle.kbit} kbit/s` : "";
  console.log(`\n  yibao-policy demo: http://${host}:${actual}/\n  (serving ${root}${slow}; Ctrl-C to stop)\n`);
}
