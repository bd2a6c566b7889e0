// Finding a disease the way people type on a phone: a few Chinese characters, the pinyin
// initials ("gxy" → 高血压), whole pinyin without spaces ("gaoxueya"), English words, or the name
// another list (another region's, the national one) gives the same disease.

function fold(text) {
  return String(text || "").toLowerCase().replace(/[\s'’\-_/]/g, "");
}

/** Does the disease match the query? An empty query matches everything. */
export function matchesDisease(disease, query) {
  const q = fold(query);
  if (!q) return true;
  const syllables = String(disease.pinyin || "").toLowerCase().split(/\s+/).filter(Boolean);
  const initials = syllables.map((s) => s[0]).join("");
  // The names other lists give the same disease (恶性肿瘤门诊放化疗 for 恶性肿瘤门诊治疗) find it too.
  const names = [disease.name].concat(disease.aliases || []);
  return (
    names.some((name) => fold(name.zh).includes(q) || fold(name.en).includes(q)) ||
    initials.includes(q) ||
    syllables.join("").includes(q) ||
    fold(disease.id).includes(q)
  );
}
