// Every province, prefecture and pool (www/data/divisions.json), for the insured-place picker.
// A static file, not the engine: fetched when a picker needs it (never by the result deep link),
// once, and never waiting for the wasm. XMLHttpRequest where fetch is missing (the simple page
// runs in old webviews).

const URL_OF_DATA = "data/divisions.json";
let data = null;
let loading = null;

function getJson(url) {
  if (typeof fetch === "function") {
    return fetch(url).then((r) => {
      if (!r.ok) throw new Error(`HTTP ${r.status} for ${url}`);
      return r.json();
    });
  }
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("GET", url);
    xhr.onload = () => {
      try {
        if (xhr.status !== 200) throw new Error(`HTTP ${xhr.status} for ${url}`);
        resolve(JSON.parse(xhr.responseText));
      } catch (e) { reject(e); }
    };
    xhr.onerror = () => reject(new Error(`cannot load ${url}`));
    xhr.send();
  });
}

/** The provinces, once loaded; null before. */
export function loadedDivisions() {
  return data;
}

/** Starts (or joins) the one load; resolves to the provinces. A failure may be retried. */
export function loadDivisions() {
  if (!loading) {
    loading = getJson(URL_OF_DATA).then((json) => { data = json.provinces; return data; });
    loading.catch(() => { loading = null; });
  }
  return loading;
}

/** { code, name: {zh, en} } of a division, from the loaded data; null when unknown or not loaded. */
export function divisionNamed(code) {
  if (!data || !code) return null;
  for (const p of data) {
    if (p.code === code) return { code, name: { zh: p.zh, en: p.en }, province: p.code };
    for (const r of p.regions) if (r.code === code) return { code, name: { zh: r.zh, en: r.en }, province: p.code };
  }
  return null;
}

/**
 * Does a loaded pack answer for this code: its own code, or a county (a municipality's
 * district) under it — as the engine resolves them. The result's policy.baseline stays the
 * authority; this only decides what the form asks before there is a result.
 */
export function packRegionOf(regions, code) {
  if (!/^\d{6}$/.test(code || "")) return null;
  return regions.find((r) => code.startsWith(r.code.replace(/(00)+$/, ""))) || null;
}
