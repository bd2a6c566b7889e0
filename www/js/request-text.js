// A request's JSON text, made as the package's engine makes it from an object
// (src/wasm/convert.rs): the page's own .wasm reads JSON text only (≈1.4 KB brotli less to
// download). NaN and ±Infinity cross as their names (JSON.stringify would write null, which reads
// as a missing field), so the engine refuses them as not a number at their path; cost lines past
// the limit are cut to one past it, so the engine refuses them at `items`, not for the text's size;
// so are a year's visits (an array: only estimateYear takes one).
const MAX = 1000; // MAX_ITEMS and MAX_VISITS, src/limits.rs

const cut = (r) => (r && Array.isArray(r.items) && r.items.length > MAX ? { ...r, items: r.items.slice(0, MAX + 1) } : r);

export function requestText(value) {
  if (value == null || typeof value === "string") return value;
  const v = Array.isArray(value) ? value.slice(0, MAX + 1).map(cut) : cut(value);
  return JSON.stringify(v, (k, x) => (typeof x === "number" && !isFinite(x) ? String(x) : x));
}
