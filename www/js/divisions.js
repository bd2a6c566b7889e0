// Every province, prefecture and pool (www/data/divisions.json), for the place pickers.
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
 * The places for the filing and visit pickers: every province with every prefecture and pool once
 * the list is here (a place without catalogue data is answered with the national fallback share,
 * as the engine does); the engine's treatment places until then. Each { code, name, cities }.
 */
export function pickerPlaces(enginePlaces) {
  if (!data) return enginePlaces;
  return data.map((p) => ({
    code: p.code,
    name: { zh: p.zh, en: p.en },
    cities: p.regions.map((r) => ({ code: r.code, name: { zh: r.zh, en: r.en } })),
  }));
}

/**
 * Which of a province's divisions a code is shown as: itself, or — for a county (和田县 653221) —
 * its prefecture (和田地区 653200), as the engine answers it. "" when none (a municipality's district).
 */
export function shownDivision(code, divisions) {
  if (!code) return "";
  if (divisions.some((d) => d.code === code)) return code;
  const prefecture = `${code.slice(0, 4)}00`;
  return divisions.some((d) => d.code === prefecture) ? prefecture : "";
}

// Which pack answers for a code (request.js: the request needs it on a result's first screen).
export { packRegionOf } from "./request.js";
