// As npm/README.md "Vite": the web build, initialised once, then used synchronously.
import init, { Engine } from "yibao-policy/web";
import request from "./request.json";

await init();
const engine = Engine.withDefaults();
document.querySelector("#out").textContent = JSON.stringify(engine.estimate(request));
