// The person's own terms for a region without a pack (docs/contract.md, "Regions without a pack"):
// the URL's values (ratios: "0.7"; tl=none) → the request's insured.terms. "None" and "not
// known" differ: a stated "no limit" is null, an unknown one is absent (the engine then assumes
// and warns). What they type ↔ the URL's values is term-input.js, with the form that asks: not
// on a result link's path.

/** The five fields: state key, terms key, kind, and what "none" means (null: no such answer). */
export const TERM_FIELDS = [
  { key: "termsRatio", term: "ratio", kind: "ratio", none: null },
  { key: "termsDeductible", term: "deductible", kind: "money", none: "0" },
  { key: "termsLimit", term: "annualLimit", kind: "money", none: "none" },
  { key: "termsReduction", term: "reduction", kind: "ratio", none: "0" },
  { key: "termsUnfiled", term: "unfiledReduction", kind: "ratio", none: "0" },
];

export function hasTerms(state) {
  return TERM_FIELDS.some((f) => state[f.key]);
}

/** insured.terms for the request, or undefined when nothing was entered (then TERMS_NEEDED). */
export function termsOf(state) {
  if (!hasTerms(state)) return undefined;
  const terms = {};
  for (const f of TERM_FIELDS) {
    const value = state[f.key];
    if (!value) continue;
    terms[f.term] = f.term === "annualLimit" && value === "none" ? null : value;
  }
  return terms;
}
