/* 科室工作计划库 · what the site's scripts share; loaded before them.
 *
 * planlib.settings(name): this page's words and options for one script, from
 * the JSON that overrides/main.html writes into <head>. Only <head> is read:
 * plan text is in <body> and can neither come first nor take the node's place.
 * planlib.onEachPage(start): runs `start` on every page shown, also when
 * Material swaps pages in without a reload (document$).
 */
window.planlib = (function () {
  "use strict";

  function settings(name) {
    var node = document.head.querySelector("script[type='application/json'][data-planlib-settings]");
    return node ? JSON.parse(node.textContent)[name] || null : null;
  }

  function onEachPage(start) {
    if (window.document$ && typeof window.document$.subscribe === "function") {
      window.document$.subscribe(start);
    } else if (document.readyState !== "loading") {
      start();
    } else {
      document.addEventListener("DOMContentLoaded", start);
    }
  }

  return { settings: settings, onEachPage: onEachPage };
})();
