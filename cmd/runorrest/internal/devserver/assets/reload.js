// Live reload for runorrest serve. Added to pages by the dev server only,
// never to a build. It follows the server's state over server-sent events:
// a new version of the site reloads the page; build problems show in an
// overlay, drawn with DOM calls (text only) and the server's stylesheet.
(() => {
  "use strict";
  const script = document.currentScript;
  const version = Number(script.dataset.version);
  const id = "runorrest-problems";

  // The overlay's stylesheet is fetched only once there is something to
  // show: a stylesheet added before the first paint would delay it.
  function addStylesheet() {
    if (document.querySelector('link[href="/_runorrest/overlay.css"]')) return;
    const css = document.createElement("link");
    css.rel = "stylesheet";
    css.href = "/_runorrest/overlay.css";
    document.head.append(css);
  }

  function show(problems) {
    let box = document.getElementById(id);
    if (!problems) {
      if (box) box.remove();
      return;
    }
    if (!box) {
      addStylesheet();
      box = document.createElement("section");
      box.id = id;
      box.setAttribute("role", "alert");
      const title = document.createElement("h2");
      title.textContent = "The guide does not build";
      const note = document.createElement("p");
      note.textContent = "This page shows the last good build. Fix these problems and it updates by itself.";
      const list = document.createElement("pre");
      box.append(title, note, list);
      document.body.append(box);
    }
    box.querySelector("pre").textContent = problems;
  }

  const events = new EventSource("/_runorrest/events");
  events.addEventListener("state", (e) => {
    const state = JSON.parse(e.data);
    if (state.version !== version) {
      events.close();
      location.reload();
      return;
    }
    show(state.problems);
  });
})();
