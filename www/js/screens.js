// What a result link never shows before its estimate, as a chunk of its own (chunks.js `screens`):
// the home, the guide, the question before answers are thrown away (confirm.js) and the hand-over
// of an estimate to a WeChat mini-program (embed.js), with their Chinese words. The home and the
// guide wait for it before the app starts (main.js); the built page asks for it with its first
// bytes on those links (a modulepreload added by js/engine-early.js), so it costs them no round
// trip of its own, and the home's first paint is the markup the built page carries.
import { addStrings } from "./i18n.js";
import zhScreens from "./strings/zh-screens.js";

addStrings("zh", zhScreens);

export { renderHome } from "./home.js";
export { renderGuide } from "./guide.js";
export { confirmWipe } from "./confirm.js";
export { postToMiniProgram } from "./embed.js";
