// Share, keep, forget, start over. The link is the estimate: it carries every answer.
import { h } from "../dom.js";
import { t } from "../i18n.js";
import { saveEstimate, clearSaved, loadSaved } from "../storage.js";
import { stateToHash } from "../state.js";

export function renderActions(ctx) {
  const status = h("p", { class: "action-status", role: "status", dataset: { testid: "action-status" } });
  // Absolute, answers in the fragment, without the embedding flag: it opens the same estimate
  // in a browser, in a chat's web view, or in the host's web-view (which adds embed itself).
  const url = ctx.shareLink("result");
  const link = h("input", { type: "text", readOnly: true, value: url, class: "share-url", "aria-label": t("result.shareHint"), dataset: { testid: "share-url" } });
  const copy = async () => {
    link.select();
    try {
      await navigator.clipboard.writeText(url);
      status.textContent = t("result.copied");
    } catch (e) {
      // Webviews often deny the clipboard; the selected link can still be copied by hand.
      status.textContent = t("result.shareHint");
    }
  };
  const clearButton = h("button", {
    type: "button", class: "secondary", dataset: { testid: "clear-saved" }, hidden: !loadSaved(),
    on: { click: () => { clearSaved(); clearButton.hidden = true; status.textContent = t("result.cleared"); } },
  }, t("result.clearSaved"));
  const save = () => {
    if (saveEstimate(stateToHash({ ...ctx.state, page: "result", embed: "" }))) {
      status.textContent = t("result.saved");
      clearButton.hidden = false;
    }
  };
  return h("section", { class: "card actions" },
    h("p", { class: "hint" }, t("result.shareHint")),
    link,
    h("div", { class: "button-row" },
      h("button", { type: "button", class: "primary", dataset: { testid: "copy-link" }, on: { click: copy } }, t("result.share")),
      h("button", { type: "button", class: "secondary", dataset: { testid: "save" }, on: { click: save } }, t("result.save")),
      clearButton,
      h("button", { type: "button", class: "secondary", dataset: { testid: "restart" }, on: { click: () => ctx.start(ctx.state.task) } }, t("result.restart"))),
    status);
}
