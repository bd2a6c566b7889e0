// The engine's messages as a person should read them on this page: a disease by its name, never
// by its id ("sle"), a temporary filing without an end date not called open-ended (长期有效), and
// amounts written as the page writes them ("100,000.00").
import { pick } from "../i18n.js";
import { groupAmounts } from "../money.js";

const TEMPORARY = new Set(["referral", "other_temporary"]);

/** The names of the diseases any loaded region lists, by id, for the visit's date. */
function diseaseNames(ctx) {
  const names = new Map();
  for (const d of ctx.api.allDiseases(ctx.state.visitDate)) names.set(d.id, d.name);
  return names;
}

/** The current language's text of an engine message, made plain. */
export function plainText(ctx, text) {
  let out = pick(text);
  const names = diseaseNames(ctx);
  out = out.replace(/“([a-z0-9_]+)”|'([a-z0-9_]+)'/g, (all, zh, en) => {
    const name = names.get(zh || en);
    return name ? (zh ? `“${name.zh}”` : `'${pick(name)}'`) : all;
  });
  const { state } = ctx;
  if (TEMPORARY.has(state.category) && state.filed === "1" && !state.filingEnd) {
    out = out.replace("起长期有效", "起（未填结束日期）").replace("open-ended", "no end date entered");
  }
  return groupAmounts(out);
}

/** The name of the disease of this visit, in the current language. */
export function diseaseName(ctx, id) {
  const name = diseaseNames(ctx).get(id);
  return name ? pick(name) : id;
}
