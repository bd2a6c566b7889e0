// Labelled form controls. Each field carries data-path (the request path it feeds, e.g.
// "visit.date") and an error slot, so engine errors — which name a path — land beside the field
// in the current language, and screen readers hear them through aria-describedby.
import { h } from "../dom.js";
import { t } from "../i18n.js";

/** Ids come from the data-path so a re-rendered step can give focus back to the same control. */
export function idFor(path, suffix = "") {
  return `f-${path.replace(/[^A-Za-z0-9]+/g, "-")}${suffix ? `-${suffix}` : ""}`;
}

function describe(control, ids) {
  const list = ids.filter(Boolean).join(" ");
  if (list) control.setAttribute("aria-describedby", list);
}

function errorSlot(id) {
  return h("p", { class: "field-error", id, hidden: true });
}

function hintOf(id, hint) {
  return hint ? h("p", { class: "hint", id }, hint) : null;
}

/** A select with a label; options: [{ value, label }]. */
export function selectField({ path, label, hint, value, options, placeholder, onChange, testid }) {
  const id = idFor(path);
  const hintId = hint ? `${id}-hint` : null;
  const errId = `${id}-err`;
  const select = h("select", { id, name: id, dataset: testid ? { testid } : undefined, on: { change: (e) => onChange(e.target.value) } },
    placeholder !== undefined ? h("option", { value: "" }, placeholder) : null,
    options.map((o) => h("option", { value: o.value, selected: o.value === value }, o.label)));
  select.value = value || "";
  describe(select, [hintId, errId]);
  return h("div", { class: "field", dataset: { path } },
    h("label", { for: id }, label), hintOf(hintId, hint), select, errorSlot(errId));
}

/** A text-like input; onInput gets the raw text on every keystroke. */
export function inputField({ path, label, hint, value, type = "text", inputmode, onInput, suffix, testid, autocomplete = "off", placeholder }) {
  const id = idFor(path);
  const hintId = hint ? `${id}-hint` : null;
  const errId = `${id}-err`;
  const input = h("input", {
    id, name: id, type, value: value || "", inputMode: inputmode, autocomplete, placeholder,
    dataset: testid ? { testid } : undefined,
    on: { input: (e) => onInput(e.target.value), change: (e) => onInput(e.target.value) },
  });
  describe(input, [hintId, errId]);
  const box = suffix ? h("div", { class: "with-suffix" }, input, h("span", { class: "suffix", "aria-hidden": "true" }, suffix)) : input;
  return h("div", { class: "field", dataset: { path } },
    h("label", { for: id }, label), hintOf(hintId, hint), box, errorSlot(errId));
}

/** A money input: decimal keypad on phones, 元 after it. */
export function moneyField(opts) {
  return inputField({ ...opts, inputmode: "decimal", suffix: t("yuan") });
}

/** Radio buttons in a fieldset; options: [{ value, label, desc, tag }]. */
export function radioGroup({ path, legend, hint, value, options, onChange, name, testid, compact }) {
  const groupName = name || idFor(path);
  const hintId = hint ? `${groupName}-hint` : null;
  const errId = `${groupName}-err`;
  const fieldset = h("fieldset", { class: ["field", "radios", compact && "compact"], dataset: { path, testid } },
    h("legend", null, legend), hintOf(hintId, hint),
    h("div", { class: "radio-list" }, options.map((o) => {
      const id = `${groupName}-${o.value || "none"}`;
      const input = h("input", {
        type: "radio", id, name: groupName, value: o.value, checked: o.value === value,
        on: { change: () => onChange(o.value) },
      });
      if (o.desc) input.setAttribute("aria-describedby", `${id}-desc`);
      // The whole row is the label, so a tap anywhere on it chooses it.
      return h("label", { class: "radio", for: id },
        input,
        h("span", { class: "radio-text" },
          h("span", { class: "radio-label" }, o.label, o.tag ? h("span", { class: `tag ${o.tagClass || ""}` }, o.tag) : null),
          o.desc ? h("span", { class: "radio-desc", id: `${id}-desc` }, o.desc) : null));
    })),
    errorSlot(errId));
  describe(fieldset, [hintId, errId]);
  return fieldset;
}
