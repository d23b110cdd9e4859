// The main menu on phones: closed behind a "Meny" button until pressed.
// Without this script the menu is a plain list, always open; on wider
// screens the button is not shown and the list is always open.
(() => {
  const nav = document.querySelector(".main-nav");
  const button = nav && nav.querySelector(".menu-toggle");
  if (!button) return;
  nav.classList.add("has-toggle");
  button.hidden = false;
  button.addEventListener("click", () => {
    const open = button.getAttribute("aria-expanded") !== "true";
    button.setAttribute("aria-expanded", String(open));
    nav.classList.toggle("is-open", open);
  });
  // Esc closes the open menu and gives the button back its focus.
  nav.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && nav.classList.contains("is-open")) {
      button.setAttribute("aria-expanded", "false");
      nav.classList.remove("is-open");
      button.focus();
    }
  });
})();
