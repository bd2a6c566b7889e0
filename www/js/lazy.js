// Code that no first screen needs (later.js: the question steps, the result's later sections) is
// a chunk of its own (scripts/build.sh splits the bundle with esbuild), fetched once, started
// early so it is usually here before it is shown. `later.get()` is the module (with its styles
// applied: later.js `styled`), or null before;
// `later.afterPaint()` loads it once what is being drawn now is on screen (a result's estimate
// first, then the sections below it: they do not share the network or the CPU with it).
function lazy(load) {
  let mod = null;
  let loading = null;
  const chunk = {
    get: () => mod,
    load() {
      if (!loading) {
        loading = load().then((m) => Promise.resolve(m.styled).then(() => { mod = m; return m; }));
        loading.catch(() => { loading = null; }); // a later render may try again
      }
      return loading;
    },
    afterPaint() {
      if (loading) return loading;
      return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))).then(() => chunk.load());
    },
  };
  return chunk;
}

export const later = lazy(() => import("./later.js"));
