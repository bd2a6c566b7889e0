// Nothing is stored unless the person presses "save"; then one entry in localStorage, which the
// clear button removes. Webviews may forbid storage: every call is guarded.
const KEY = "yibao-policy/saved";

export function saveEstimate(query) {
  try {
    localStorage.setItem(KEY, JSON.stringify({ query, savedAt: new Date().toISOString() }));
    return true;
  } catch (e) {
    return false;
  }
}

/** { query, savedAt } or null. */
export function loadSaved() {
  try {
    const raw = localStorage.getItem(KEY);
    const saved = raw ? JSON.parse(raw) : null;
    return saved && typeof saved.query === "string" ? saved : null;
  } catch (e) {
    return null;
  }
}

export function clearSaved() {
  try {
    localStorage.removeItem(KEY);
  } catch (e) {
    // nothing stored, nothing to clear
  }
}
