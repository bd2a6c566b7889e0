// A classic script (it runs where modules do not): if the page has not started — a webview
// whose JavaScript is too old for the module code, a blocked file — offer the simple page
// instead of leaving "loading" on screen. No WebAssembly is not a reason: the page then runs
// the pure-JS engine (js/engine-loader.js).
(function () {
  var LIMIT_MS = 10000;
  function offer() {
    if (document.documentElement.getAttribute("data-boot")) return;
    var box = document.getElementById("boot-slow");
    if (!box) return;
    var links = box.getElementsByTagName("a");
    for (var i = 0; i < links.length; i++) links[i].href = "legacy.html" + location.search + location.hash;
    box.hidden = false;
  }
  // A syntax error in the module code surfaces here at once, before the app could start.
  window.addEventListener("error", function (e) {
    if (e && /SyntaxError/.test(String(e.message))) offer();
  });
  setTimeout(offer, LIMIT_MS);
  // The loading line (hidden at first, css/base.css): at once, but on the home page and the
  // guide, whose first screen needs nothing more than the page's own code, only if the app has
  // not drawn over it 1.5 s on. (Inline in the built page's head, this runs before it is parsed.)
  var root = document.documentElement;
  var hash = location.hash.replace(/^#/, "");
  var page = /(?:^|&)p=([^&]*)/.exec(hash + "&" + location.search.replace(/^\?/, ""));
  function showLine() { root.className += " loading-line"; }
  // A first visit to the home (no answers, Chinese, not embedded): the built page carries that
  // screen (scripts/first-screen.mjs), shown from the first paint in place of the loading line.
  if ((hash === "" || hash === "p=home") && !/(^|[?&])(p|lang|embed)=/.test(location.search)) root.className += " first-home";
  if (!page || page[1] === "home" || page[1] === "guide") setTimeout(showLine, 1500);
  else showLine();
})();
