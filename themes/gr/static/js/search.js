// Starts Pagefind's search interface on the search page. The index is loaded
// only here, and only when a query is typed. A query in the address
// (/sok/?q=goteborg) is searched at once. Pagefind's field gets the page's
// own visible label (made here, from `data-label`), which names it for every reader.
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
  const named = () => {
    const input = element.querySelector(".pagefind-ui__search-input");
    if (!input) return false;
    input.id = "sok-falt";
    // The visible label names it; Pagefind's own placeholder name is left out.
    input.removeAttribute("aria-label");
    const label = document.createElement("label");
    label.className = "search-label";
    label.htmlFor = input.id;
    label.textContent = element.dataset.label;
    element.before(label);
    return true;
  };
  if (!named()) {
    const watch = new MutationObserver(() => named() && watch.disconnect());
    watch.observe(element, { childList: true, subtree: true });
  }
  const query = new URLSearchParams(location.search).get("q");
  if (query) ui.triggerSearch(query);
})();
