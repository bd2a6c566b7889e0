// The page's code that a result's first screen does not need, as chunks of their own (scripts/build.sh splits
// the bundle with esbuild), each fetched once:
//   later — the question steps and the result's later sections (later.js), started early so it is
//           usually here before it is shown;
//   year  — the year view (year.js), only when the year is opened;
//   screens — the home, the guide, the wipe question and the mini-program hand-over (screens.js):
//           before the app starts on the home and the guide (main.js), else when first used.
// `chunk.get()` is the module (with its styles applied: later.js `styled`), or null before;
// `chunk.afterPaint()` loads it once what is being drawn now is on screen (a result's estimate
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

// The steps show words of the home's chunk (the filing categories, strings/zh-screens.js): they come together.
export const later = lazy(() => Promise.all([import("./later.js"), import("./screens.js")]).then(([m]) => m));
export const year = lazy(() => import("./year.js"));
export const screens = lazy(() => import("./screens.js"));
