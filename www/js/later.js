// What no page's first screen needs, as one chunk (chunks.js loads it at start, beside the engine,
// so it is usually here before it is shown): the question steps with the pickers' division data
// (divisions.js), and the result's pictures, what-if, traced calculation, national field names
// and the person's own numbers (result/own-terms.js). One chunk, not one per part: it is fetched
// once, early, and each part is small. The Chinese words only these parts show come with them
// (the English table is whole, fetched on request). The year view asks its questions with the
// steps' fields (below): app.js hands it this module.
import { addStrings } from "./i18n.js";
import zhSteps from "./strings/zh-steps.js";

addStrings("zh", zhSteps);

// The steps' own styles (css/later.css: step navigation, cost lines, the live bar) come with them
// too, a file rather than inline in the page; chunks.js hands the module over once they apply, so a
// step is never drawn unstyled. A stylesheet that fails to load leaves the steps plain, not stuck.
export const styled = new Promise((resolve) => {
  const link = document.createElement("link");
  link.rel = "stylesheet";
  link.href = "css/later.css"; // for the page (scripts/dist.mjs rewrites it to the hashed name)
  link.onload = link.onerror = () => resolve();
  document.head.append(link);
});
export { renderStepPage } from "./flow/frame.js";
export { renderPictures } from "./result/charts.js";
export { renderWhatIf } from "./result/whatif.js";
export { renderTrace } from "./result/trace.js";
export { renderNational } from "./result/national.js";
export { renderTermsNeeded, renderYourTerms } from "./result/own-terms.js";
export { loadDivisions } from "./divisions.js";
// What the year view asks with (its questions about each disease), so it needs no copy of them.
export { radioGroup } from "./flow/fields.js";
export { termField, needsOwnTerms, relevantTerm } from "./flow/own-terms.js";
