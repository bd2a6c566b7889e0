// Asking before answers are thrown away ("重新开始", "开始试算" with answers given). An in-page
// dialog, not window.confirm, which mini-program web-views may swallow.
import { h } from "./dom.js";
import { t } from "./i18n.js";

export function confirmWipe(onConfirm) {
  const opener = document.activeElement;
  const close = () => {
    box.remove();
    if (opener && opener.isConnected) opener.focus();
  };
  const cancel = h("button", { type: "button", class: "secondary", dataset: { testid: "confirm-cancel" }, on: { click: close } }, t("confirm.cancel"));
  const ok = h("button", {
    type: "button", class: "primary", dataset: { testid: "confirm-ok" },
    on: { click: () => { box.remove(); onConfirm(); } },
  }, t("confirm.wipe"));
  const box = h("div", { class: "confirm-backdrop", on: { keydown: (e) => { if (e.key === "Escape") close(); } } },
    h("div", { class: "confirm card", role: "alertdialog", "aria-modal": "true", "aria-labelledby": "confirm-title", "aria-describedby": "confirm-text", dataset: { testid: "confirm-dialog" } },
      h("h2", { id: "confirm-title" }, t("confirm.title")),
      h("p", { id: "confirm-text" }, t("confirm.text")),
      h("div", { class: "button-row" }, cancel, ok)));
  document.body.append(box);
  cancel.focus();
}
