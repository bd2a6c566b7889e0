// With the costs, for an insured place without a policy pack: the person's own numbers (ratio,
// deductible, annual limit, reductions), typed as they read them — "70" or "70%", "无", "不知道"
// — with where to find them, and a way on when they do not know them yet (the checks still
// answer; the amounts wait for the numbers).
import { h } from "../dom.js";
import { t, paren } from "../i18n.js";
import { percentText } from "../money.js";
import { TERM_FIELDS } from "../terms.js";
import { typedToValue, valueToTyped } from "../term-input.js";
import { inputField, idFor } from "./fields.js";
import { packRegionOf } from "../divisions.js";

const TEMPORARY = new Set(["referral", "other_temporary", "emergency"]);

/**
 * Does a visit for this disease need the person's own numbers: at a place without a pack (the
 * national baseline), or for a national disease the place's pack neither lists nor excludes (the
 * national floor: the pack's list names it with provenance `national`). What the engine used is
 * its trace's to say; this decides what the form asks.
 */
export function needsOwnTerms(api, region, date, disease) {
  const asked = termsAsked(api, region, date, disease);
  return asked === null ? !packRegionOf(api.regions(), region) : asked.length > 0;
}

/**
 * The numbers the person gives for this disease: the listing's `terms` (every field under the
 * baseline; ratio, deductible and limit for a national disease a pack leaves out, its cuts
 * standing; what a pack leaves to the person for a disease it prices in part). null when the
 * place's list does not name the disease.
 */
export function termsAsked(api, region, date, disease) {
  const listed = api.diseases(region, date).find((d) => d.id === disease);
  if (!listed) return null;
  // An engine before the listing said so: the national floor asked every field.
  if (!Array.isArray(listed.terms)) return listed.provenance === "national" || !packRegionOf(api.regions(), region) ? TERM_FIELDS.map((f) => f.term) : [];
  // The listing names the region-wide cuts too where the pack leaves them to the person (石家庄).
  return listed.terms;
}

/** What the field's value is taken to mean, in words (so "0.7" read as 0.7% is visible at once). */
function understood(field, value) {
  if (!value) return t(`terms.${field.term}.unknown`);
  if (value === field.none) return t(`terms.${field.term}.none`);
  if (field.kind === "ratio" && /^\d+(\.\d+)?$/.test(value)) return t("terms.asPercent", { pct: percentText(value) });
  return "";
}

/**
 * One of the numbers: typed as read, the line under it saying how it was read, and the answers
 * 无 / 不知道. `set(value, pressed)` keeps the URL's value (`pressed`: a chip, which draws again);
 * `path` names the field (its id and error slot), `testid` its hook. The year view asks each
 * disease's numbers with it too.
 */
export function termField(field, value, set, path = `insured.terms.${field.term}`, testid = `terms-${field.term}`) {
  const echo = h("p", { class: "hint understood", dataset: { testid: `terms-${field.term}-understood` } }, understood(field, value));
  const chipValues = new Map(); // chip → the value it answers
  // The chips say which answer is given now: typing a number releases 不知道, "无" presses 无.
  const pressChips = (current) => { for (const [chip, v] of chipValues) chip.setAttribute("aria-pressed", String(current === v)); };
  const box = inputField({
    path, label: t(`terms.${field.term}`), hint: t(`terms.${field.term}.hint`),
    value: valueToTyped(field, value, t("terms.noneWord")), inputmode: "decimal",
    suffix: field.kind === "ratio" ? "%" : t("yuan"), testid,
    onInput: (typed) => {
      const next = typedToValue(field, typed);
      echo.textContent = understood(field, next);
      pressChips(next);
      set(next, false);
    },
  });
  const answer = (key, next) => {
    const chip = h("button", {
      type: "button", class: "chip", id: idFor(path, key), "aria-pressed": String(value === next),
      dataset: { testid: `${testid}-${key}` },
      on: { click: () => set(next, true) },
    }, t(`terms.answer.${key}`),
    // Every field has the same two answers: the spoken name says which field's, and starts with
    // the words on the chip (a voice user says what they see).
    h("span", { class: "visually-hidden" }, paren(t(`terms.${field.term}`))));
    chipValues.set(chip, next);
    return chip;
  };
  const chips = h("div", { class: "chips" },
    field.none !== null ? answer("none", field.none) : null,
    answer("unknown", ""));
  // The echo and the answers sit under the input, before the error slot.
  box.insertBefore(echo, box.querySelector(".field-error"));
  box.insertBefore(chips, box.querySelector(".field-error"));
  return box;
}

function whereToFind() {
  // Open: where to look is half the answer for someone who has never seen these numbers.
  return h("details", { class: "more", open: true, dataset: { testid: "terms-where", keep: "terms-where" } },
    h("summary", null, t("terms.where")),
    h("ul", null, ["notice", "app", "hotline"].map((k) => h("li", null, t(`terms.where.${k}`)))));
}

/** Which numbers the filing makes matter: the ratio, deductible and limit; a reduction only for its filing. */
export function relevantTerm(state, field) {
  if (field.term === "reduction") return state.filed === "1" && TEMPORARY.has(state.category);
  if (field.term === "unfiledReduction") return state.filed === "0";
  return true;
}

/** The fields to ask (`asked`: the listing's terms, every field when not given), split into those
 * this visit's filing uses and those it does not (a cut for another filing). */
export function termFields(state, asked) {
  const fields = TERM_FIELDS.filter((f) => !asked || asked.includes(f.term));
  return { shown: fields.filter((f) => relevantTerm(state, f)), folded: fields.filter((f) => !relevantTerm(state, f)) };
}

/**
 * The numbers a visit needs from the person (`needsOwnTerms`); `floor`: the place has a pack that
 * does not price this disease ("partial": prices it in part); `asked`: the fields to ask (all
 * when not given). null when none of them matters for this visit's filing.
 */
export function renderOwnTerms(ctx, regionName, diseaseName, floor, asked) {
  const { state } = ctx;
  const field = (f) => termField(f, state[f.key], (v, pressed) => ctx.set({ [f.key]: v }, pressed ? { rerender: true, focus: null } : undefined));
  const { shown, folded } = termFields(state, asked);
  // A pack that leaves only cuts to the person, none of them this filing's (大理's emergency and
  // unfiled cuts, for a long-term filing): nothing this visit needs, so no section asking for it.
  if (!shown.length) return null;
  const unknown = () => {
    const withCosts = ctx.computed && ctx.computed.request && ctx.computed.request.items.length;
    ctx.go("result", withCosts ? {} : { task: "check" });
  };
  return h("section", { class: "subsection terms", "aria-labelledby": "terms-title", dataset: { testid: "terms" } },
    h("h2", { id: "terms-title" }, t("terms.title", { region: regionName })),
    h("p", { class: "hint" }, t(floor === "partial" ? "terms.introPartial" : floor ? "terms.introFloor" : "terms.intro", { region: regionName, disease: diseaseName })),
    whereToFind(),
    shown.map(field),
    folded.length
      ? h("details", { class: "more", open: folded.some((f) => state[f.key]), dataset: { keep: "terms-more" } },
        h("summary", null, t("terms.more")), folded.map(field))
      : null,
    h("div", { class: "callout" },
      h("p", null, t("terms.unknownAll")),
      h("button", { type: "button", class: "secondary", dataset: { testid: "terms-unknown-all" }, on: { click: unknown } }, t("terms.unknownAllButton"))));
}
