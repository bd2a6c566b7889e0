// As npm/README.md "webpack 5": the default entry (the bundler build); webpack loads the wasm
// before this module runs.
import { Engine } from "yibao-policy";
import request from "./request.json";

const engine = Engine.withDefaults();
document.querySelector("#out").textContent = JSON.stringify(engine.estimate(request));
