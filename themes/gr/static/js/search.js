// Starts Pagefind's search interface on the search page. The index is loaded
// only here, and only when a query is typed. A query in the address
// (/sok/?q=goteborg) is searched at once.
(() => {
  const element = document.getElementById("sok");
  if (!element || typeof PagefindUI === "undefined") return;
  const ui = new PagefindUI({
    element: "#sok",
    bundlePath: element.dataset.bundle,
    showSubResults: true,
    showImages: false,
    resetStyles: false,
    autofocus: false,
  });
  const query = new URLSearchParams(location.search).get("q");
  if (query) ui.triggerSearch(query);
})();
