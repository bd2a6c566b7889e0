// Every public case through an Engine, as the tests compare them (tests/js/compare.mjs): a result,
// or the error's fields. Shared by the pages, apps and workers the toolchain tests build.
export function outcomes(Engine, version, cases) {
  const engine = Engine.withDefaults();
  return {
    version: version(),
    outcomes: cases.map((c) => {
      try {
        return { result: engine.estimate(c.request) };
      } catch (e) {
        return { error: { isError: e instanceof Error, code: e.code, path: e.path, message: e.message, messageZh: e.messageZh } };
      }
    }),
  };
}
