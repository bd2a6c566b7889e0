// Step 5, 费用: quick totals by class (甲/乙/丙), or line by line from the treatment place's
// sample catalogue plus free lines; and what was already used this year (deductible, limits).
import { h } from "../dom.js";
import { t, pick } from "../i18n.js";
import { percentText } from "../money.js";
import { emptyLine } from "../state.js";
import { inputField, moneyField, radioGroup, selectField, idFor } from "./fields.js";
import { renderOwnTerms, needsOwnTerms, termsAsked } from "./own-terms.js";
import { pendingPart } from "../result/skeleton.js";
import { regionName } from "./disease.js";
import { diseaseName } from "../result/wording.js";
import { packRegionOf } from "../divisions.js";
import { visitPlaceOf } from "../request.js";
import { inpatientFact } from "./facts.js";

function quickFields(ctx, share) {
  const { state } = ctx;
  return ["A", "B", "C"].map((cls) => moneyField({
    path: `quick.${cls}`, label: t(`costs.amount${cls}`), testid: `amount-${cls}`,
    hint: t(`costs.amount${cls}.desc`, { share }), value: state[`amount${cls}`],
    onInput: (v) => ctx.set({ [`amount${cls}`]: v }),
  }));
}

function lineRow(ctx, line, i, catalogue) {
  const base = `lines[${i}]`;
  const update = (patch, rerender = false) =>
    ctx.set({ lines: ctx.state.lines.map((l, j) => (j === i ? { ...l, ...patch } : l)) }, { rerender });
  const remove = h("button", {
    type: "button", class: "icon-button", "aria-label": t("costs.removeLine", { n: i + 1 }),
    on: { click: () => ctx.set({ lines: ctx.state.lines.filter((_, j) => j !== i) }, { rerender: true, focus: "add-line" }) },
  }, t("costs.remove"));
  const amount = moneyField({ path: `${base}.amount`, label: t("costs.amount"), value: line.amount, testid: `line-${i}-amount`, onInput: (v) => update({ amount: v }) });

  if (line.kind === "catalogue") {
    const options = (catalogue ? catalogue.items : []).map((item) => ({
      value: item.code, label: `${pick(item.name)} · ${t(`class.${item.class}`)}`,
    }));
    return h("div", { class: "line", dataset: { path: base } },
      h("p", { class: "line-title" }, `${i + 1}.`),
      selectField({ path: `${base}.code`, label: t("costs.item"), value: line.code, options, placeholder: t("choose"), testid: `line-${i}-code`, onChange: (v) => update({ code: v }) }),
      amount, remove);
  }
  return h("div", { class: "line", dataset: { path: base } },
    h("p", { class: "line-title" }, `${i + 1}.`),
    inputField({ path: `${base}.name`, label: t("costs.freeName"), value: line.name, testid: `line-${i}-name`, onInput: (v) => update({ name: v }) }),
    selectField({
      path: `${base}.class`, label: t("costs.freeClass"), value: line.cls, testid: `line-${i}-class`,
      options: ["A", "B", "C"].map((c) => ({ value: c, label: t(`class.${c}`) })), onChange: (v) => update({ cls: v }, true),
    }),
    amount,
    line.cls === "C" ? null : h("details", { class: "more", open: Boolean(line.share || line.ceiling), dataset: { keep: base } },
      h("summary", null, t("costs.more")),
      line.cls === "B"
        ? inputField({ path: `${base}.share`, label: t("costs.share"), value: line.share, inputmode: "decimal", testid: `line-${i}-share`, onInput: (v) => update({ share: v }) })
        : null,
      moneyField({ path: `${base}.ceiling`, label: t("costs.ceiling"), value: line.ceiling, testid: `line-${i}-ceiling`, onInput: (v) => update({ ceiling: v }) })),
    remove);
}

function detailFields(ctx, catalogue) {
  const { state } = ctx;
  const add = (kind, id) => h("button", {
    type: "button", class: "secondary", id, dataset: { testid: id },
    on: { click: () => ctx.set({ lines: [...ctx.state.lines, emptyLine(kind)] }, { rerender: true, focus: "last-line" }) },
  }, t(kind === "catalogue" ? "costs.addItem" : "costs.addFree"));
  return [
    h("p", { class: "hint" }, catalogue ? t("costs.catalogueOf", { place: pick(catalogue.name) }) : t("missing.visitPlace")),
    state.lines.length ? null : h("p", { class: "callout" }, t("costs.noLines")),
    h("div", { class: "lines", id: "cost-lines" }, state.lines.map((line, i) => lineRow(ctx, line, i, catalogue))),
    h("div", { class: "button-row", id: "add-line" }, add("catalogue", "add-catalogue-line"), add("free", "add-free-line")),
  ];
}

function ytdFields(ctx) {
  const { state } = ctx;
  const field = (key, stateKey, desc) => moneyField({
    path: `ytd.${key}`, label: t(`costs.${stateKey}`), hint: desc ? t(`costs.${stateKey}.desc`) : null,
    value: state[stateKey], testid: stateKey, onInput: (v) => ctx.set({ [stateKey]: v }),
  });
  return h("section", { class: "subsection", "aria-labelledby": "ytd-title" },
    h("h2", { id: "ytd-title" }, t("costs.ytd")),
    h("p", { class: "hint" }, t("costs.ytdIntro")),
    field("deductiblePaid", "ytdDeductible", true),
    field("fundPaid", "ytdFund", true),
    inpatientFact(ctx),
    h("details", { class: "more", open: Boolean(state.ytdMonth || state.ytdTotal), dataset: { testid: "ytd-more", keep: "ytd" } },
      h("summary", null, t("costs.ytdMore")),
      field("fundPaidMonth", "ytdMonth", false),
      field("fundPaidTotal", "ytdTotal", true)));
}

/** The person's numbers, only those the listing says the place's pack does not state. */
function ownTerms(ctx) {
  const { state, api } = ctx;
  const pack = Boolean(packRegionOf(api.regions(), state.region));
  const listed = api.diseases(state.region, state.visitDate).find((d) => d.id === state.disease);
  const floor = pack && listed && listed.provenance !== "national" ? "partial" : pack;
  return renderOwnTerms(ctx, regionName(ctx, state.region), diseaseName(ctx, state.disease), floor, termsAsked(api, state.region, state.visitDate, state.disease));
}

export function renderCosts(ctx) {
  const { state, api } = ctx;
  // The place the visit is at: chosen, or the filing place it follows until then.
  const catalogue = api.catalogue(visitPlaceOf(state));
  const share = catalogue ? percentText(catalogue.classBShare.value) : "10%";
  // A place without a pack, or a national disease its pack does not price: the numbers come from
  // the person, first (they turn costs into amounts). Whether the place has a pack, and what it
  // lists, is the engine's to say: until then, marked as loading.
  const asks = state.region && !api.pending && needsOwnTerms(api, state.region, state.visitDate, state.disease);
  return h("div", { class: "step-fields" },
    state.region && api.pending ? pendingPart(ctx, "costs-pending") : null,
    asks ? ownTerms(ctx) : null,
    h("p", { class: "intro" }, t("costs.intro")),
    radioGroup({
      path: "costs.mode", legend: t("costs.mode"), value: state.costMode, compact: true, testid: "cost-mode",
      options: [{ value: "quick", label: t("costs.quick") }, { value: "detail", label: t("costs.detail") }],
      onChange: (v) => ctx.set({ costMode: v, lines: v === "detail" && !state.lines.length ? [emptyLine("catalogue")] : state.lines }, { rerender: true }),
    }),
    h("div", { class: "field-group", dataset: { path: "items" } },
      state.costMode === "quick" ? quickFields(ctx, share) : detailFields(ctx, catalogue),
      h("p", { class: "field-error", id: idFor("items", "err"), hidden: true })),
    ytdFields(ctx));
}
