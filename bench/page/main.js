import init, { call } from "./vendor/yibao_policy.js";

// The page's own .wasm reads requests as JSON text (src/wasm/convert.rs).
const request = await (await fetch("request.json")).text();
await init(); // fetch + compile + instantiate the .wasm (streaming)
performance.mark("bench:init");
call(4); // regions: the first call makes the engine (src/wasm/page.rs)
performance.mark("bench:engine");
const result = JSON.parse(call(0, request)); // estimate (PAGE_CALLS, js/engine-loader.js)
document.getElementById("fund-pays").textContent = result.settlement.fundPays;
performance.mark("bench:first-estimate");
