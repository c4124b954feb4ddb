// Theme toggle for learnsls. Loaded in <head> (not deferred) so a saved
// choice applies before the first paint. Without JavaScript the page follows
// the system's prefers-color-scheme and the toggle button stays hidden.
(function () {
  "use strict";
  var KEY = "learnsls-theme";
  var root = document.documentElement;

  function saved() {
    try { return window.localStorage.getItem(KEY); } catch (e) { return null; }
  }
  function remember(theme) {
    try { window.localStorage.setItem(KEY, theme); } catch (e) { /* private mode: not remembered */ }
  }
  function apply(theme) {
    if (theme === "light" || theme === "dark") {
      root.setAttribute("data-theme", theme);
    } else {
      root.removeAttribute("data-theme");
    }
  }
  function current() {
    var t = root.getAttribute("data-theme");
    if (t === "light" || t === "dark") { return t; }
    return window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
  }

  apply(saved());

  document.addEventListener("DOMContentLoaded", function () {
    var button = document.getElementById("theme-toggle");
    if (!button) { return; }
    // A toggle button keeps its label ("Dark theme"); aria-pressed says
    // whether it is on, so screen readers announce the state correctly.
    function label() {
      var dark = current() === "dark";
      button.setAttribute("aria-pressed", dark ? "true" : "false");
      button.setAttribute("title", dark ? "Switch to the light theme" : "Switch to the dark theme");
    }
    button.hidden = false;
    button.addEventListener("click", function () {
      var next = current() === "dark" ? "light" : "dark";
      apply(next);
      remember(next);
      label();
    });
    label();
  });
})();
