// Engine errors and missing answers beside the fields they name (data-path, written by fields.js):
// apart from the fields themselves so that the page's entry can show them without carrying the
// form controls' code, which comes with the steps (later.js).

/**
 * Shows each message beside the field whose data-path it names (and clears the others).
 * errors: Map path → text. Returns the first field element that has an error.
 */
export function showErrors(root, errors) {
  let first = null;
  for (const field of root.querySelectorAll("[data-path]")) {
    const message = errors.get(field.dataset.path);
    const slot = field.querySelector(":scope > .field-error, :scope > .line-error");
    if (!slot) continue;
    if (slot.textContent !== (message || "")) slot.textContent = message || "";
    slot.hidden = !message;
    field.classList.toggle("invalid", Boolean(message));
    for (const control of field.querySelectorAll("input, select")) {
      if (control.closest("[data-path]") !== field) continue;
      if (message) control.setAttribute("aria-invalid", "true");
      else control.removeAttribute("aria-invalid");
    }
    if (message && !first) first = field;
  }
  return first;
}
