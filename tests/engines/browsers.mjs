// The page in the three browser engines, each as Debian ships it (scripts/setup.sh --browser
// installs them; never a test tool's own browser download):
//   chromium  /usr/bin/chromium, through playwright-core (CDP), as tests/browser/ drives it;
//   firefox   /usr/bin/firefox-esr, through puppeteer-core over WebDriver BiDi (playwright
//             drives only its own patched Firefox);
//   webkit    WebKitGTK's MiniBrowser through WebKitWebDriver (W3C WebDriver, spoken here over
//             fetch), under xvfb-run: the engine of every iOS browser and of WeChat on iOS.
// One small interface over the three, so the same test runs in each: a Session is one tab in a
// fresh profile (the HTTP cache on, service workers allowed), with the operations a person's
// visit needs. `YIBAO_ENGINES=firefox,webkit` runs a subset.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import puppeteer from "puppeteer-core";
import { launchChromium } from "../browser/harness.mjs";

export const ENGINES = (process.env.YIBAO_ENGINES || "chromium,firefox,webkit").split(",").map((s) => s.trim()).filter(Boolean);
export const FIREFOX = process.env.FIREFOX_PATH || "/usr/bin/firefox-esr";
export const WEBKIT_DRIVER = process.env.WEBKIT_DRIVER_PATH || "/usr/bin/WebKitWebDriver";

/** MiniBrowser is not on PATH: Debian puts it under /usr/lib/<multiarch>/webkit2gtk-4.1/. */
export function miniBrowser() {
  if (process.env.WEBKIT_MINIBROWSER_PATH) return process.env.WEBKIT_MINIBROWSER_PATH;
  for (const dir of readdirSync("/usr/lib")) {
    const path = join("/usr/lib", dir, "webkit2gtk-4.1", "MiniBrowser");
    if (existsSync(path)) return path;
  }
  throw new Error("no MiniBrowser under /usr/lib/*/webkit2gtk-4.1/: run scripts/setup.sh --browser (Debian's webkit2gtk-driver)");
}

const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));

/** A function and its arguments as one expression, for page.evaluate in any engine. */
const call = (fn, args = []) => `(${fn})(...${JSON.stringify(args)})`;

/** Opens a Session: one tab of `engine` in a fresh profile, `width` × `height` (WebKit's window has a minimum width). */
export async function openSession(engine, { width = 360, height = 760 } = {}) {
  if (engine === "chromium") return chromiumSession({ width, height });
  if (engine === "firefox") return firefoxSession({ width, height });
  if (engine === "webkit") return webkitSession({ width, height });
  throw new Error(`unknown engine ${engine}`);
}

// ── Chromium (playwright-core, the harness of tests/browser/) ──────────────────────────────
async function chromiumSession({ width, height }) {
  const profile = mkdtempSync(join(tmpdir(), "yibao-chromium-"));
  const context = await launchChromium(profile, { serviceWorkers: "allow", viewport: { width, height } });
  const page = context.pages()[0] ?? (await context.newPage());
  const problems = [];
  page.on("console", (m) => { if (m.type() === "error") problems.push(`console error: ${m.text()}`); });
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  return session({
    engine: "chromium",
    version: context.browser()?.version() ?? "",
    problems,
    goto: (url) => page.goto(url, { waitUntil: "commit" }),
    evaluate: (fn, args) => page.evaluate(call(fn, args)),
    click: (selector) => page.locator(selector).click(),
    type: async (selector, text) => { await page.locator(selector).clear(); await page.locator(selector).pressSequentially(text); },
    select: (selector, value) => page.locator(selector).selectOption(value),
    press: (key) => page.keyboard.press(key),
    screenshot: (path) => page.screenshot({ path, fullPage: true }),
    close: async () => { await context.close(); rmSync(profile, { recursive: true, force: true }); },
  });
}

// ── Firefox ESR (puppeteer-core, WebDriver BiDi) ────────────────────────────────────────────
async function firefoxSession({ width, height }) {
  const browser = await puppeteer.launch({
    browser: "firefox", protocol: "webDriverBiDi", executablePath: FIREFOX, headless: true, defaultViewport: null,
    extraPrefsFirefox: { "intl.accept_languages": "zh-CN" },
  });
  // A tab of its own, not the one Firefox starts with: that first tab never has the focus under
  // BiDi (document.hasFocus() false, no focus events, no :focus, with or without a display; the
  // focusmanager.testmode pref puppeteer sets does not change it), while a tab opened over BiDi
  // has it, as a person's Firefox does, and the tab-order test (focus.test.mjs) needs it.
  const problems = [];
  let page = null;
  const newTab = async () => {
    const old = await browser.pages();
    page = await browser.newPage();
    await Promise.all(old.map((p) => p.close()));
    // page.setViewport also asks for emulation.setScreenOrientationOverride, which Firefox ESR 140
    // does not have: the viewport alone, through the BiDi command puppeteer wraps.
    await page.mainFrame().browsingContext.setViewport({ viewport: { width, height } });
    page.on("console", (m) => { if (m.type() === "error") problems.push(`console error: ${m.text()}`); });
    page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  };
  await newTab();
  return session({
    engine: "firefox",
    version: await browser.version(),
    problems,
    goto: (url) => page.goto(url, { waitUntil: "domcontentloaded" }),
    evaluate: (fn, args) => page.evaluate(call(fn, args)),
    click: (selector) => page.click(selector),
    type: async (selector, text) => {
      await page.$eval(selector, (el) => { el.focus(); el.select(); });
      await page.keyboard.type(text);
    },
    select: (selector, value) => page.select(selector, value),
    press: (key) => page.keyboard.press(key),
    screenshot: (path) => page.screenshot({ path, fullPage: true }),
    // Tab past the page's last control goes on into Firefox's toolbar, and the tab never gets
    // the focus back: a new tab has it again.
    newTab,
    close: () => browser.close(),
  });
}

// ── WebKitGTK (WebKitWebDriver, W3C WebDriver over HTTP) ────────────────────────────────────
const ELEMENT = "element-6066-11e4-a52e-4f735466cecf";
const KEYS = { Tab: "\uE004", Enter: "\uE007", Space: "\uE00D" };
let webdriver = null; // one driver (under its own X server) for all WebKit sessions of a test file

function freePort() {
  return new Promise((ok, fail) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => ok(port));
    }).on("error", fail);
  });
}

async function startWebDriver() {
  if (webdriver) return webdriver;
  const port = await freePort();
  // xvfb-run gives MiniBrowser (a GTK window) a display (-a: a free one), and openbox manages
  // its windows: without a window manager no window is ever active, and WebKit then neither
  // matches :focus nor scrolls a control reached by Tab into view. Its own process group, so
  // that stopping it stops Xvfb, openbox and the driver with it.
  const child = spawn("xvfb-run", ["-a", "-s", "-screen 0 1280x1024x24", "sh", "-c", `openbox & exec "$0" --port=${port}`, WEBKIT_DRIVER],
    { detached: true, stdio: ["ignore", "ignore", "pipe"] });
  let log = "";
  child.stderr.on("data", (d) => { log = (log + d).slice(-2000); });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`WebKitWebDriver exited (${child.exitCode}): ${log}`);
    const ready = await fetch(`${base}/status`).then((r) => r.json()).then((j) => j.value?.ready, () => false);
    if (ready) break;
    if (i > 300) throw new Error(`WebKitWebDriver did not start in 30 s: ${log}`);
    await sleep(100);
  }
  webdriver = { base, stop: () => { try { process.kill(-child.pid, "SIGTERM"); } catch { /* gone */ } } };
  process.once("exit", () => webdriver?.stop());
  return webdriver;
}

/** Stops the WebKit driver of this test file, if one was started (call from `after`). */
export function stopEngines() {
  webdriver?.stop();
  webdriver = null;
}

async function webkitSession({ width, height }) {
  const { base } = await startWebDriver();
  const wd = async (method, path, body) => {
    const response = await fetch(`${base}${path}`, {
      method, headers: { "content-type": "application/json; charset=utf-8" }, body: body === undefined ? undefined : JSON.stringify(body),
    });
    const { value } = await response.json();
    if (value && value.error) throw new Error(`WebDriver ${method} ${path}: ${value.error}: ${value.message}`);
    return value;
  };
  const created = await wd("POST", "/session", {
    capabilities: {
      alwaysMatch: {
        "webkitgtk:browserOptions": {
          binary: miniBrowser(),
          // Tab reaches links too, as in a phone's keyboard navigation (WebKit's default skips them).
          args: ["--automation", "--enable-tabs-to-links=true"],
        },
      },
    },
  });
  const id = created.sessionId;
  const s = (path) => `/session/${id}${path}`;
  await wd("POST", s("/window/rect"), { width, height });
  await wd("POST", s("/window"), { handle: await wd("GET", s("/window")) });
  const find = async (selector) => (await wd("POST", s("/element"), { using: "css selector", value: selector }))[ELEMENT];
  // The page redraws a step as answers change: an element found a moment ago may be replaced,
  // or the estimate bar below it still growing when WebDriver scrolled it into view.
  const execute = (script, args) => wd("POST", s("/execute/sync"), { script, args });
  const covering = (selector) => execute(`const r = document.querySelector(arguments[0]).getBoundingClientRect();
    const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return "at " + JSON.stringify(r) + " in " + innerWidth + "x" + innerHeight + ", on top: " + (top ? top.outerHTML.slice(0, 120) : "nothing");`, [selector])
    .catch((e) => e.message);
  const onElement = async (selector, act) => {
    for (let i = 0; ; i++) {
      try {
        return await act(await find(selector));
      } catch (e) {
        if (i >= 20 && /element click intercepted/.test(e.message)) throw new Error(`${e.message} ${await covering(selector)}`);
        if (i >= 20 || !/stale element|no such element|element click intercepted/.test(e.message)) throw e;
        // WebKit's WebDriver scrolls only what is off screen, and the estimate bar sticks over
        // the bottom of the screen: scrolled to the middle, as a person would, it is clear.
        if (/intercepted/.test(e.message)) await execute(`document.querySelector(arguments[0]).scrollIntoView({ block: "center" })`, [selector]).catch(() => {});
        await sleep(100);
      }
    }
  };
  return session({
    engine: "webkit",
    version: created.capabilities.browserVersion,
    problems: [], // WebDriver classic has no console: the page's own crash banner is checked instead
    goto: (url) => wd("POST", s("/url"), { url }),
    evaluate: async (fn, args) => {
      const script = `const done = arguments[0];
        Promise.resolve().then(() => ${call(fn, args)}).then(
          (value) => done({ value: value === undefined ? null : value }),
          (error) => done({ error: String(error && error.stack || error) }));`;
      const out = await wd("POST", s("/execute/async"), { script, args: [] });
      if (out.error) throw new Error(out.error);
      return out.value;
    },
    click: (selector) => onElement(selector, (el) => wd("POST", s(`/element/${el}/click`), {})),
    type: (selector, text) => onElement(selector, async (el) => {
      await wd("POST", s(`/element/${el}/clear`), {});
      await wd("POST", s(`/element/${el}/value`), { text });
    }),
    // WebDriver's Element Click on an <option> selects it (the page gets input and change).
    // The <select> first scrolled clear of the estimate bar: WebKit hit-tests the option's list box.
    select: async (selector, value) => {
      await execute(`document.querySelector(arguments[0]).scrollIntoView({ block: "center" })`, [selector]);
      return onElement(`${selector} option[value="${value}"]`, (el) => wd("POST", s(`/element/${el}/click`), {}));
    },
    press: (key) => wd("POST", s("/actions"), {
      actions: [{ type: "key", id: "keyboard", actions: [{ type: "keyDown", value: KEYS[key] ?? key }, { type: "keyUp", value: KEYS[key] ?? key }] }],
    }),
    screenshot: async (path) => writeFileSync(path, Buffer.from(await wd("GET", s("/screenshot")), "base64")),
    close: () => wd("DELETE", s("")).catch(() => {}),
  });
}

// ── What every engine's Session adds ────────────────────────────────────────────────────────
function session(driver) {
  const self = {
    ...driver,
    /** Polls `fn(...args)` in the page until it returns a truthy value, which it resolves to. */
    async waitFor(fn, args = [], { timeout = 20000, what = String(fn) } = {}) {
      const until = Date.now() + timeout;
      let last = null;
      for (;;) {
        try {
          const value = await driver.evaluate(fn, args);
          if (value) return value;
        } catch (e) {
          last = e; // the page is navigating: try again
        }
        if (Date.now() > until) throw new Error(`${driver.engine}: waited ${timeout} ms for ${what}${last ? ` (${last.message})` : ""}`);
        await sleep(100);
      }
    },
    /** Waits until `selector` is on the page and shown. */
    waitForSelector(selector, options) {
      return self.waitFor((sel) => {
        const el = document.querySelector(sel);
        return Boolean(el && el.getClientRects().length);
      }, [selector], { what: selector, ...options });
    },
    async text(selector) {
      await self.waitForSelector(selector);
      return driver.evaluate((sel) => document.querySelector(sel).innerText, [selector]);
    },
    click: async (selector) => { await self.waitForSelector(selector); return driver.click(selector); },
    type: async (selector, text) => { await self.waitForSelector(selector); return driver.type(selector, text); },
    select: async (selector, value) => {
      await self.waitFor((sel, v) => Boolean(document.querySelector(`${sel} option[value="${v}"]`)), [selector, value], { what: `${selector} = ${value}` });
      return driver.select(selector, value);
    },
    /** A date, as a date picker sets it: the value, then input and change (typing into a date field differs by engine). */
    async setDate(selector, value) {
      await self.waitForSelector(selector);
      return driver.evaluate((sel, v) => {
        const el = document.querySelector(sel);
        el.value = v;
        el.dispatchEvent(new Event("input", { bubbles: true }));
        el.dispatchEvent(new Event("change", { bubbles: true }));
      }, [selector, value]);
    },
  };
  return self;
}
