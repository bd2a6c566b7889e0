// Code that no first screen needs (later.js: the question steps, the result's later sections) is
// a chunk of its own (scripts/build.sh splits the bundle with esbuild), fetched once, started
// early so it is usually here before it is shown. `later.get()` is the module, or null before.
function lazy(load) {
  let mod = null;
  let loading = null;
  return {
    get: () => mod,
    load() {
      if (!loading) {
        loading = load().then((m) => { mod = m; return m; });
        loading.catch(() => { loading = null; }); // a later render may try again
      }
      return loading;
    },
  };
}

export const later = lazy(() => import("./later.js"));
