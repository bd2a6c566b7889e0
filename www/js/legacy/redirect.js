// Loaded with "nomodule": only browsers without ES modules run it. They get the simple page,
// which uses the no-modules build, with the same answers in the URL.
(function () {
  location.replace("legacy.html" + location.search + location.hash);
})();
