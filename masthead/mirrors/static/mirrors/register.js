// Registers the mirrors service worker (worker.js, served at the site root).
(function () {
  var script = document.currentScript;
  var url = script && script.getAttribute("data-worker");
  if (!url || !("serviceWorker" in navigator) || location.protocol === "file:") return;
  navigator.serviceWorker.register(url).catch(function () {});
})();
