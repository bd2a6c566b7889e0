// Inside a WeChat mini-program <web-view>, hand each new estimate to the host page through
// wx.miniProgram.postMessage (the host receives it on its bindmessage handler). The bridge only
// exists when the host page loads WeChat's JS-SDK; in a normal browser nothing happens.
import { stateToHash } from "./state.js";

let lastSent = "";

function bridge() {
  const wx = typeof window !== "undefined" ? window.wx : undefined;
  return wx && wx.miniProgram && typeof wx.miniProgram.postMessage === "function" ? wx.miniProgram : null;
}

/** The message the host receives: the request, the amounts and a link that reopens it. */
export function messageFor(computed, state) {
  const { result, request } = computed;
  // A place without a pack and no numbers entered: no amounts (null), and termsNeeded says why.
  const s = result.settlement || { total: null, fundPays: null, patientPays: null };
  return {
    type: "yibao-policy/estimate",
    mode: result.mode,
    directSettlement: result.eligibility.directSettlement,
    total: s.total,
    fundPays: s.fundPays,
    patientPays: s.patientPays,
    // How far the amounts are known (settlement.bound): "atMost" means the fund pays at most this.
    bound: s.bound || null,
    usesAssumptions: result.usesAssumptions,
    // The national baseline (policy.baseline), the person's own terms as sent (insured.terms),
    // and whether the amounts wait for them (TERMS_NEEDED).
    baseline: Boolean(result.policy && result.policy.baseline),
    terms: request.insured.terms || null,
    termsNeeded: !result.settlement,
    notice: result.notice,
    request,
    // The answers as a fragment ("#p=result&…"): the host reopens them with `${BASE}${query}`.
    query: stateToHash({ ...state, page: "result" }),
  };
}

export function postToMiniProgram(computed, state) {
  const mp = bridge();
  if (!mp) return false;
  const message = messageFor(computed, state);
  const key = JSON.stringify([message.mode, message.total, message.fundPays, message.query]);
  if (key === lastSent) return false;
  lastSent = key;
  try {
    mp.postMessage({ data: message });
    return true;
  } catch (e) {
    return false; // a half-loaded bridge must never break the page
  }
}
