// Videos from YouTube and Vimeo are loaded only when the reader asks for
// one: until then the page makes no request to the video's site. The
// button that loads a video is shown only where this script runs; without
// it, a link leads to the video's own page.
(function () {
  "use strict";
  function play(box) {
    var frame = document.createElement("iframe");
    frame.src = box.getAttribute("data-video-embed");
    frame.title = box.getAttribute("data-video-title");
    frame.allow = "autoplay; encrypted-media; picture-in-picture; fullscreen";
    frame.setAttribute("allowfullscreen", "");
    frame.setAttribute("referrerpolicy", "strict-origin-when-cross-origin");
    box.classList.add("video-playing");
    box.replaceChildren(frame);
    frame.focus();
  }
  document.querySelectorAll(".video[data-video-embed]").forEach(function (box) {
    var button = box.querySelector(".video-play");
    if (!button) return;
    button.hidden = false;
    button.addEventListener("click", function () { play(box); });
  });
})();
