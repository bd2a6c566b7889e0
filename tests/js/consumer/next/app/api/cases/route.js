// As npm/README.md "Next.js": a route handler importing the package; every public case.
import { Engine, version } from "yibao-policy";
import cases from "../../../cases.js";
import { outcomes } from "../../../outcomes.js";

export async function GET() {
  return Response.json(outcomes(Engine, version, cases));
}
