// Every English page string in one table, fetched by i18n.js only when English is asked for
// (lang=en or the language switch): a Chinese page never downloads it.
import en from "./en.js";
import { en as baseline } from "./baseline-en.js";

export default Object.assign({}, en, baseline);
