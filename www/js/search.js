// Finding a disease the way people type on a phone: a few Chinese characters, the pinyin
// initials ("gxy" → 高血压), whole pinyin without spaces ("gaoxueya"), or English words.

function fold(text) {
  return String(text || "").toLowerCase().replace(/[\s'’\-_/]/g, "");
}

/** Does the disease match the query? An empty query matches everything. */
export function matchesDisease(disease, query) {
  const q = fold(query);
  if (!q) return true;
  const syllables = String(disease.pinyin || "").toLowerCase().split(/\s+/).filter(Boolean);
  const initials = syllables.map((s) => s[0]).join("");
  return (
    fold(disease.name.zh).includes(q) ||
    fold(disease.name.en).includes(q) ||
    initials.includes(q) ||
    syllables.join("").includes(q) ||
    fold(disease.id).includes(q)
  );
}
