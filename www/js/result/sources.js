// Where a published or reposted figure was read, under its step in the explanation: the quote,
// and for a published one the address as a link the person can open (a reposted one names the
// site, without a link: BRIEF §7). The page's .wasm has no sources; they come from one static
// file for everyone (scripts/sources.mjs), fetched the first time an explanation shows such a
// figure — nothing about the person is in the request.
import { h } from "../dom.js";
import { t } from "../i18n.js";

const URL_OF_DATA = "data/sources.json";
let loading = null;

function load() {
  if (!loading) {
    loading = typeof fetch === "function"
      ? fetch(URL_OF_DATA).then((r) => (r.ok ? r.json() : null)).catch(() => null)
      : Promise.resolve(null);
    loading.then((data) => { if (!data) loading = null; });
  }
  return loading;
}

/** The rule id under which sources.json holds a rule's source: its own, else the nearest above it. */
function keyOf(data, rule) {
  for (let r = rule; r.includes("/"); r = r.slice(0, r.lastIndexOf("/"))) {
    if (r in data.rules) return r;
  }
  return null;
}

/** The quotes (“…”) of a source, its address and the site it names. */
export function parseSource(text) {
  const quotes = [...text.matchAll(/“([^”]*)”/g)].map((m) => m[1]);
  const address = (text.match(/https?:\/\/[^\s，,）)“]+/) || [null])[0];
  const outside = text.replace(/“[^”]*”/g, " ");
  const site = (outside.match(/[a-z0-9-]+(?:\.[a-z0-9-]+)+(?:\/[^\s，,）)]*)?/i) || [null])[0];
  return { quotes, address, site };
}

/** What the explanation shows of a rule's source: the quote holding its figure (sources.json's
 * `quote`, else the first), the address and the site; null where the rule has none. */
export function shownSource(data, rule) {
  const key = data && keyOf(data, rule);
  if (!key) return null;
  const { quotes, address, site } = parseSource(data.texts[data.rules[key]]);
  const quote = quotes[(data.quote && data.quote[key]) || 0];
  return { quote: quote === undefined ? "" : `“${quote}”`, address, site };
}

export function sourceLine(step) {
  const p = h("p", { class: "trace-source", dataset: { testid: "source", rule: step.rule } });
  load().then((data) => {
    const shown = shownSource(data, step.rule);
    if (!shown) return;
    const { quote, address, site } = shown;
    if (step.provenance === "published" && address) {
      const host = address.replace(/^https?:\/\//, "").split("/")[0];
      p.appendChild(h("span", null, t("trace.source"), quote, " ",
        h("a", { href: address, target: "_blank", rel: "noopener noreferrer", dataset: { testid: "source-link" } }, t("trace.openSource")),
        h("span", { class: "hint" }, ` (${host})`)));
    } else {
      p.appendChild(h("span", null, t("trace.source"), quote, site ? ` — ${t("trace.repostedOn", { site: site.split("/")[0] })}` : ""));
    }
  });
  return p;
}
