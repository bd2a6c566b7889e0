"use client";
// As npm/README.md "Next.js": a client component importing the package, no next.config. What it
// renders (#ssr) runs on the server too (Next.js's server rendering, the package's Node entry);
// the effect (#out) only in the browser (its web entry).
import { useEffect, useState } from "react";
import { Engine, version } from "yibao-policy";
import cases from "../cases.js";
import { outcomes } from "../outcomes.js";

export default function Estimate() {
  const rendered = JSON.stringify(outcomes(Engine, version, cases));
  const [inBrowser, setInBrowser] = useState("");
  useEffect(() => setInBrowser(JSON.stringify(outcomes(Engine, version, cases))), []);
  return (
    <>
      <pre id="ssr">{rendered}</pre>
      <pre id="out">{inBrowser}</pre>
    </>
  );
}
