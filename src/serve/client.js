// Added to every page by `signpost serve` (never part of the built site): reloads the page when a
// rebuild finishes, and makes the error overlay focusable and dismissible.
(function () {
  "use strict";
  var script = document.currentScript;
  var generation = script ? script.getAttribute("data-generation") : null;
  function hookOverlay() {
    var overlay = document.getElementById("signpost-overlay");
    if (!overlay) return;
    var previous = document.activeElement;
    var close = document.getElementById("signpost-overlay-close");
    function hide() {
      overlay.hidden = true;
      if (previous && previous.focus) previous.focus();
    }
    if (close) close.addEventListener("click", hide);
    overlay.addEventListener("keydown", function (event) {
      if (event.key === "Escape") hide();
    });
    overlay.focus();
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", hookOverlay);
  else hookOverlay();
  if (!window.EventSource) return;
  var source = new EventSource("/_signpost/events");
  function onBuild(event) {
    if (event.data !== generation) {
      source.close();
      window.location.reload();
    }
  }
  source.addEventListener("hello", onBuild);
  source.addEventListener("rebuilt", onBuild);
})();
