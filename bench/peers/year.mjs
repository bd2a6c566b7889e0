// estimateYear for the peers: the year's accumulators around a one-visit estimator
// `one(request, acc)` — per deductible group, per limit, per limit and month, and overall; a new
// calendar year starts afresh; only the first visit's own `ytd` is read (docs/contract.md).
function fresh() {
  return { deductible: {}, limit: {}, month: {}, total: "0" };
}

function record(acc, req, r) {
  acc.deductible[r.groups.deductible] = r.ytdAfter.deductiblePaid;
  acc.limit[r.groups.limit] = r.ytdAfter.fundPaid;
  acc.month[`${r.groups.limit}/${req.visit.date.slice(0, 7)}`] = r.ytdAfter.fundPaidMonth;
  acc.total = r.ytdAfter.fundPaidTotal;
}

export function chainYear(visits, one) {
  let year = null, acc = null;
  return visits.map((req, i) => {
    const y = req.visit.date.slice(0, 4);
    if (y !== year) [year, acc] = [y, fresh()];
    const r = one(i === 0 ? req : { ...req, ytd: undefined }, acc);
    record(acc, req, r);
    return r;
  });
}

export async function chainYearAsync(visits, one) {
  let year = null, acc = null;
  const out = [];
  for (const [i, req] of visits.entries()) {
    const y = req.visit.date.slice(0, 4);
    if (y !== year) [year, acc] = [y, fresh()];
    const r = await one(i === 0 ? req : { ...req, ytd: undefined }, acc);
    record(acc, req, r);
    out.push(r);
  }
  return out;
}
