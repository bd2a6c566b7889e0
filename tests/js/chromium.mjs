// Built pages opened in Debian's Chromium (scripts/setup.sh --browser installs it; playwright-core
// drives it, never a downloaded browser), served over HTTP as a static host would serve them.
import { chromium } from "playwright-core";
import { startServer } from "../../scripts/serve.mjs";

const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

export const launch = () => chromium.launch({ executablePath: CHROMIUM });

/** Serves `dir` on a free loopback port (the right MIME type for .wasm); returns its URL and a stop(). */
export async function serve(dir) {
  const server = await startServer({ rootDir: dir, listenPort: 0, compress: false, extraHeaders: false });
  return { url: `http://127.0.0.1:${server.address().port}/`, stop: () => new Promise((ok) => server.close(ok)) };
}

/**
 * Opens `url` and returns what the page wrote into <pre id="out">, parsed as JSON; fails with the
 * page's errors (uncaught exceptions, failed requests other than the favicon) if it writes nothing.
 */
export async function pageOutput(browser, url, timeout = 30_000) {
  const page = await browser.newPage();
  const problems = [];
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  page.on("requestfailed", (r) => problems.push(`request failed: ${r.url()}`));
  page.on("response", (r) => r.status() >= 400 && !r.url().endsWith("/favicon.ico") && problems.push(`${r.status()} ${r.url()}`));
  try {
    await page.goto(url);
    await page.waitForFunction(() => document.querySelector("#out")?.textContent, null, { timeout });
    return JSON.parse(await page.textContent("#out"));
  } catch (e) {
    throw new Error(`${url}: ${e.message}\n${problems.join("\n")}`);
  } finally {
    await page.close();
  }
}
