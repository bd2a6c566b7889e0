// Every Chinese page string in one table, installed by the entry of each page (main.js, and
// legacy/lite.js for the simple page) with i18n.addLanguage. Imported by the entries only, so the
// bundler keeps it in the entry, not in the chunk shared with the code loaded later: the built
// index.html carries the entry inline (scripts/dist.mjs), and with it these words. The words of
// the question steps and the result's later sections (zh-steps.js) come with their code (later.js).
import zh from "./zh.js";
import { zh as baseline } from "./baseline.js";

export default Object.assign({}, zh, baseline);
