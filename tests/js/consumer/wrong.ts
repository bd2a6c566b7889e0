// Deliberately wrong uses: each line marked `// error` must fail type-checking, and no other
// line may. If the declarations degraded to `any`, these lines would pass and the test fails.
import { Engine, type CheckCode, type EstimateRequest, type YibaoPolicyError } from "yibao-policy";

declare const request: EstimateRequest;
const engine = Engine.withDefaults();
const est = engine.estimate(request);

engine.estimate({ ...request, insured: { region: 653200, scheme: "employee" } }); // error
engine.estimate({ ...request, insured: { region: "653200", scheme: "worker" } }); // error
engine.estimate({ ...request, visit: { ...request.visit, hospitalLevel: 4 } }); // error
engine.estimate({ ...request, items: [{ amount: "1", class: "D" }] }); // error
engine.estimate({ ...request, items: [{ amount: true }] }); // error
engine.estimate({ insured: request.insured, items: request.items }); // error
const fund: number = est.settlement!.fundPays; // error
const nullable: string = est.settlement.fundPays; // error
engine.estimate({ ...request, insured: { ...request.insured, terms: { ratio: true } } }); // error
if (est.mode === "automatic") console.log(fund); // error
if (est.eligibility.checks[0].status === "ok") console.log(fund); // error
const code: CheckCode = "FOO"; // error
est.settlement!.notAField; // error
engine.diseases(653200, "2025-06-10"); // error
engine.catalogue(); // error
Engine.fromPacks("packs"); // error
new Engine(); // error
declare const err: YibaoPolicyError;
if (err.code === "OOPS") console.log(code, nullable); // error
const problemPack: string = err.problems![0].pack; // error
console.log(problemPack);
