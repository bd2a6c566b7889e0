// One polite live region for the result, so a screen reader hears the new answer after typing
// stops, not on every keystroke and not the whole page.
import { t, getLang } from "./i18n.js";
import { worded } from "./result/summary.js";

const DELAY = 700;
let timer = 0;
let last = "";

function sentence(computed) {
  if (!computed || computed.error) return computed && computed.error ? t("live.fix") : "";
  if (computed.result && computed.result.settlement) {
    const r = computed.result;
    return `${t(`result.mode.${r.mode}`)}${getLang() === "zh" ? "。" : ". "}${t("live.announce", { fund: worded(r), patient: worded(r, true) })}`;
  }
  if (computed.eligibility) {
    if (computed.result) return `${t(`result.mode.${computed.result.mode}`)}${getLang() === "zh" ? "。" : ". "}${t("terms.neededShort")}`;
    return t("live.announceCheck", { status: t(computed.eligibility.directSettlement ? "live.direct" : "live.notDirect") });
  }
  return "";
}

export function announce(ctx) {
  clearTimeout(timer);
  timer = setTimeout(() => {
    const region = document.getElementById("announcer");
    const text = sentence(ctx.computed);
    if (!region || text === last) return;
    last = text;
    region.textContent = text;
  }, DELAY);
}
