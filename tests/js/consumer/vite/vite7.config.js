// As npm/README.md "Vite 7": for `vite dev` only, keep the package out of dependency pre-bundling,
// so that its `new URL("yibao_policy_bg.wasm", import.meta.url)` still points into the package.
export default {
  optimizeDeps: { exclude: ["yibao-policy"] },
};
