// As npm/README.md "Vite": keep the package out of dependency pre-bundling, so that in
// `vite dev` the wasm URL (new URL("yibao_policy_bg.wasm", import.meta.url)) still points into
// the package. A production build does not need it.
export default {
  optimizeDeps: { exclude: ["yibao-policy"] },
};
