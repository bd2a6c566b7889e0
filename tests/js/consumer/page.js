// What every bundled page runs: the package's default entry, imported as npm/README.md shows it
// (no init: the entry is ready when imported), on every public case; the test reads #out.
import { Engine, version } from "yibao-policy";
import cases from "./cases.js";
import { outcomes } from "./outcomes.js";

document.querySelector("#out").textContent = JSON.stringify(outcomes(Engine, version, cases));
