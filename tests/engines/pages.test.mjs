// The page in Chromium, Firefox ESR and WebKitGTK (browsers.mjs): every public case's deep link,
// one journey typed through the steps, the estimate offline after one visit, and the pure-JS
// engine where WebAssembly is missing or refused by the CSP — each engine refusing it at its own
// step, which is why js/engine-loader.js's probe instantiates. Expectations are read from
// shared/cases at test time.
import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { mkdirSync } from "node:fs";
import { ENGINES, openSession, stopEngines } from "./browsers.mjs";
import { serve, siteVariant, readShown, assertCase, assertHealthy, isWasm } from "./site.mjs";
import { driveTyped, isQuick } from "./journey.mjs";
import { caseNamed, loadCases, outputDir, servedAs } from "../browser/harness.mjs";
import { hashFor } from "../browser/drive.mjs";

const publicCases = loadCases();
// Every case with a settlement, the baseline's (a place without a pack, the person's own
// numbers in the link) among them.
const linked = [...publicCases, ...loadCases("additions.json")].filter((c) => c.expect.settlement);
const typed = caseNamed(publicCases, "Hotan employee, cancer radio/chemo in Dongguan");
const example = caseNamed(publicCases, "contract example with ceilings");
const unfiled = caseNamed(publicCases, "not filed");
const JS_MODULE = servedAs("vendor/yibao-policy/js/yibao_policy.js");
mkdirSync(outputDir, { recursive: true });

after(() => stopEngines());

test("the cases are there to drive", () => {
  assert.ok(linked.length >= 20, `${linked.length} cases with a settlement`);
  assert.ok(isQuick(typed.request.items));
});

for (const engine of ENGINES) {
  describe(engine, () => {
    let site;
    let page;
    before(async () => {
      site = await serve();
      page = await openSession(engine);
    });
    after(async () => {
      await page?.close();
      await site?.close();
    });

    test("every case's deep link shows the contract's amounts", async () => {
      for (const c of linked) {
        await page.goto("about:blank"); // a new document each time, as a link opened from a chat
        await page.goto(site.url(hashFor(c.request)));
        assertCase(await readShown(page), c);
        // Left only once its later code has arrived: a load cut short by the next navigation is
        // reported by Firefox as a page error (where the worker answers it, "A ServiceWorker
        // intercepted the request and encountered an unexpected error"), one run in six.
        await settled(page);
      }
      await assertHealthy(page);
    });

    test("a journey typed through the steps ends on the contract's amounts", async () => {
      await page.goto("about:blank");
      await page.goto(site.url());
      await driveTyped(page, typed.request);
      assertCase(await readShown(page), typed);
      await page.screenshot(join(outputDir, `engines-${engine}-result.png`));
      await assertHealthy(page);
    });

    test("after one visit the estimate shows with the network cut", async () => {
      // One visit in a fresh profile, as a person's first. (After the two dozen visits above,
      // each left as soon as its result showed, Firefox had no activated worker 20 s later in one
      // CI run of three; not seen in 14 runs here, cause not found. A first visit is the story.)
      await page.close(); // WebKitWebDriver drives one session at a time
      page = null;
      const offline = await serve();
      const visitor = await openSession(engine);
      try {
        await visitor.goto(offline.url(hashFor(example.request)));
        assertCase(await readShown(visitor), example);
        await settled(visitor);
        // Activated is what counts: the navigations below start new documents, which it controls.
        // Asked through getRegistration(): in Firefox over BiDi, `ready` and the controller of a
        // document loaded before the worker activated stayed unset one run in two, with the
        // registration's worker active.
        await visitor.waitFor(() => navigator.serviceWorker.getRegistration().then((r) => r?.active?.state === "activated"), [], { timeout: 45000, what: "an activated worker" })
          .catch(async (e) => { throw new Error(`${e.message}: ${JSON.stringify(await workerSeen(visitor))}`); });
        await offline.cut();
        // A case never opened online: the page and the engine from the worker's cache, computed here.
        await visitor.goto("about:blank");
        await visitor.goto(offline.url(hashFor(unfiled.request)));
        assertCase(await readShown(visitor), unfiled);
        await assertHealthy(visitor);
      } finally {
        await visitor.close();
        await offline.close();
      }
    });
  });

  describe(`${engine}: the pure-JS engine where WebAssembly cannot run`, () => {
    // What the server saw before the pure-JS engine was asked for: no .wasm downloaded for nothing.
    async function fallsBack(variant, label, expected = null) {
      const site = await serve({ rootDir: variant.dir });
      const page = await openSession(engine);
      try {
        await page.goto(site.url(hashFor(example.request)));
        assertCase(await readShown(page), example, label);
        const upToEngine = site.requests.slice(0, site.requests.indexOf(JS_MODULE) + 1);
        assert.ok(upToEngine.includes(JS_MODULE), `${label}: the pure-JS engine was fetched`);
        assert.deepEqual(upToEngine.filter(isWasm), [], `${label}: no .wasm before it`);
        await assertHealthy(page, { expected });
        return await page.evaluate(async (probe) => {
          // Where this engine refuses: at compile, or (WebKit) only at instantiation.
          let module;
          try {
            module = await WebAssembly.compile(new Uint8Array(probe));
          } catch (e) {
            return "compile";
          }
          try {
            await WebAssembly.instantiate(module, {});
          } catch (e) {
            return "instantiate";
          }
          return "runs";
        }, [(await import("../../www/js/engine-loader.js")).PROBE]).catch((e) => `no WebAssembly (${e.message})`);
      } finally {
        await page.close();
        await site.close();
        variant.dispose();
      }
    }

    test("no WebAssembly at all", async () => {
      // A script before any other removes it, as iOS Lockdown Mode or a locked-down web-view has it.
      const variant = siteVariant((html) => html.replace('<meta charset="utf-8">', '<meta charset="utf-8">\n  <script src="no-wasm.js"></script>'),
        { "no-wasm.js": "delete self.WebAssembly;\n" });
      await fallsBack(variant, "no WebAssembly");
    });

    test("WebAssembly refused by the CSP (no 'wasm-unsafe-eval', as Chrome < 97 and Safari < 16 enforce it)", async () => {
      const variant = siteVariant((html) => html.replace(" 'wasm-unsafe-eval'", ""));
      // (Firefox reports the refusal of the probe as a page error; nothing else may be logged.)
      const refusedAt = await fallsBack(variant, "CSP", /Content-Security-Policy: .*blocked WebAssembly/);
      // Why the probe instantiates (js/engine-loader.js): WebKit compiles the module and refuses
      // it only when it is instantiated; the others refuse at compile.
      assert.equal(refusedAt, engine === "webkit" ? "instantiate" : "compile");
    });
  });
}

/** Waits until the page has its later code and styles (loaded after a result's first paint) and its load event. */
function settled(session) {
  return session.waitFor(() => {
    const loaded = performance.getEntriesByType("resource").map((e) => new URL(e.name).pathname);
    return document.readyState === "complete" && [/\/later\.[0-9a-f]+\.js$/, /\/later\.[0-9a-f]+\.css$/].every((re) => loaded.some((p) => re.test(p)));
  }, [], { what: "the page's later code" });
}

/** What the page knows of its worker, for a failure's message. */
function workerSeen(session) {
  return session.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => ({
    boot: document.documentElement.getAttribute("data-boot"),
    ready: document.readyState,
    controller: navigator.serviceWorker.controller?.state ?? null,
    installing: r?.installing?.state ?? null,
    waiting: r?.waiting?.state ?? null,
    active: r?.active?.state ?? null,
  }))).catch((e) => `unreadable (${e.message})`);
}
