// A Node app bundled whole (esbuild --bundle --platform=node, Bun's bundler): the package's
// default import, every public case, printed as JSON. The bundle is run away from node_modules.
import { Engine, version } from "yibao-policy";
import cases from "../cases.js";
import { outcomes } from "../outcomes.js";

console.log(JSON.stringify(outcomes(Engine, version, cases)));
