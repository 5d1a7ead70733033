// Live reload for runorrest serve. Added to pages by the dev server only,
// never to a build. It follows the server's state over server-sent events.
// A new version of the site that changed other pages only leaves this one
// as it is; one that changed the words of this page swaps them in place,
// keeping the scroll position, the focus and what the guide's script did;
// anything else reloads the page. Build problems show in an overlay, drawn
// with DOM calls (text only) and the server's stylesheet.
(() => {
  "use strict";
  const script = document.currentScript;
  let version = Number(script.dataset.version);
  const page = script.dataset.page; // "" when any change must reload
  const id = "runorrest-problems";

  // The page as it came from the server, before the guide's own script
  // (deferred, after this one) changes it: the head but its inert parts,
  // the body's parts outside <main>, <main>'s tag, and each element in
  // <main> with its HTML. A new version is compared with this to find what
  // changed.
  const isReload = (el) => el.matches('script[src^="/_runorrest/reload.js"]');
  const outside = (body) => Array.from(body.children).filter((el) => el.tagName !== "MAIN" && !isReload(el)).map((el) => el.outerHTML);
  // Parts of the head that say what the page is about but change nothing
  // on it: the title, the meta tags but the Content-Security-Policy, and
  // structured data. They are swapped along with the words.
  const inert = (el) => el.tagName === "TITLE" || (el.tagName === "META" && !el.httpEquiv) || el.matches('script[type="application/ld+json"]');
  const headHTML = (head) => Array.from(head.children).filter((el) => !inert(el) && !isReload(el)).map((el) => el.outerHTML).join("\n");
  const tagOf = (el) => el.cloneNode(false).outerHTML;
  const main = document.querySelector("main");
  const came = main && {
    head: headHTML(document.head),
    outside: outside(document.body).join("\n"),
    main: tagOf(main),
    parts: Array.from(main.children).map((el) => ({ html: el.outerHTML, el })),
  };

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

  // swap puts the elements of the new <main> that differ from the page as
  // it came in place of the old ones, and the new head's inert parts in
  // place of the old. It returns false, changing nothing, unless only those
  // and elements inside <main> changed, and only ones the guide's script
  // left as they were.
  function swap(html) {
    const doc = new DOMParser().parseFromString(html, "text/html");
    const next = doc.querySelector("main");
    if (!came || !next || headHTML(doc.head) !== came.head || outside(doc.body).join("\n") !== came.outside || tagOf(next) !== came.main) {
      return false;
    }
    const old = came.parts;
    const now = Array.from(next.children);
    let a = 0;
    while (a < old.length && a < now.length && old[a].html === now[a].outerHTML) a++;
    let z = 0;
    while (z < old.length - a && z < now.length - a && old[old.length - 1 - z].html === now[now.length - 1 - z].outerHTML) z++;
    const gone = old.slice(a, old.length - z);
    if (gone.some((p) => p.el.parentNode !== main || p.el.outerHTML !== p.html)) return false;
    // The new elements go where the old ones were, or after the last
    // element that stays before them, or before the first after them.
    const ref = gone.length ? gone[0].el : a > 0 ? old[a - 1].el : z > 0 ? old[old.length - z].el : null;
    if (!ref || ref.parentNode !== main) return false;
    const anchor = !gone.length && a > 0 ? ref.nextSibling : ref;
    const added = now.slice(a, now.length - z).map((el) => {
      const copy = document.importNode(el, true);
      main.insertBefore(copy, anchor);
      return { html: el.outerHTML, el: copy };
    });
    for (const p of gone) p.el.remove();
    came.parts = old.slice(0, a).concat(added, old.slice(old.length - z));
    for (const el of Array.from(document.head.children)) if (inert(el)) el.remove();
    document.head.append(...Array.from(doc.head.children).filter(inert).map((el) => document.importNode(el, true)));
    return true;
  }

  // update brings the page to the server's new version: it returns false
  // if the page must reload.
  async function update(state) {
    if (state.version !== version + 1 || !state.changed || !page) return false;
    if (state.changed.some((f) => !f.endsWith(".html"))) return false;
    if (state.changed.includes(page)) {
      const res = await fetch(location.pathname + location.search, { cache: "no-store" });
      if (!res.ok || !swap(await res.text())) return false;
    }
    version = state.version;
    return true;
  }

  const events = new EventSource("/_runorrest/events");
  let queue = Promise.resolve(true);
  events.addEventListener("state", (e) => {
    const state = JSON.parse(e.data);
    queue = queue.then(async (live) => {
      if (!live) return false;
      if (state.version !== version && !(await update(state).catch(() => false))) {
        events.close();
        location.reload();
        return false;
      }
      show(state.problems);
      return true;
    });
  });
})();
