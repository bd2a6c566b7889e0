// As npm/README.md "Cloudflare Workers": the default import, the engine made at start-up; each
// request answers every public case.
import { Engine, version } from "yibao-policy";
import cases from "../../cases.js";
import { outcomes } from "../../outcomes.js";

export default {
  async fetch() {
    return Response.json(outcomes(Engine, version, cases));
  },
};
