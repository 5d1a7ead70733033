// Offline support, the page's side: register the service worker (static/sw.ts,
// built as sw.js at the root of the output) and, when a new version of the
// guide has been fetched in the background, offer to reload. The page never
// reloads on its own: a reader in the middle of a walk keeps their place.
//
// The worker is registered with a relative URL, so its scope is the folder
// the guide is served from (/ or /guide/ alike). Opened from disk (file://)
// or over plain http from another machine there is no service worker: the
// guide then works as plain pages, quietly.
//
// The link to the web app manifest is added here, over http(s) only: a page
// opened from disk that links a manifest makes Chromium log a CORS error, as
// it may not fetch a file:// manifest. Installing needs the worker, and so
// this script, anyway.

import { parts, msg } from "./flow/msg";

const promptClass = "update-prompt";

function startOffline(): void {
  // The build that writes the worker names it in every page; a build
  // without it (the dev server's) gets no worker and no manifest.
  const worker = document.querySelector<HTMLMetaElement>('meta[name="offline-worker"]')?.content;
  const protocol = location.protocol;
  if (!worker || (protocol !== "https:" && protocol !== "http:")) {
    return;
  }
  linkManifest();
  if (!("serviceWorker" in navigator)) {
    return; // not a secure context, or an old browser
  }
  navigator.serviceWorker
    .register(worker, { updateViaCache: "none" })
    .then(watch, (err: unknown) => {
      // The guide still works online; say why it will not work offline.
      console.warn("runorrest: offline reading is not available:", err);
    });
}

function linkManifest(): void {
  if (document.querySelector('link[rel="manifest"]')) {
    return;
  }
  const link = document.createElement("link");
  link.rel = "manifest";
  link.href = "manifest.webmanifest";
  document.head.append(link);
}

// watch offers a reload once a new worker is installed and waiting, whether
// it was found before this page ran (waiting, installing) or later.
function watch(registration: ServiceWorkerRegistration): void {
  follow(registration.waiting);
  follow(registration.installing);
  registration.addEventListener("updatefound", () => follow(registration.installing));
  // An installed guide may stay open for days: look for a new version each
  // time the reader comes back to it. Offline, that fails quietly.
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "visible") {
      registration.update().catch(() => undefined);
    }
  });
}

function follow(worker: ServiceWorker | null): void {
  if (!worker) {
    return;
  }
  if (worker.state === "installed") {
    offer(worker);
    return;
  }
  worker.addEventListener("statechange", () => {
    if (worker.state === "installed") {
      offer(worker);
    }
  });
}

// offer shows the prompt. Only for an update: the first install of the
// worker (no controller yet) changes nothing the reader can see.
function offer(worker: ServiceWorker): void {
  if (!navigator.serviceWorker.controller || document.querySelector(`.${promptClass}`)) {
    return;
  }
  const box = document.createElement("div");
  box.className = promptClass;
  box.setAttribute("role", "status");
  const text = document.createElement("p");
  const [before, after] = parts("update-ready", "reload");
  const button = document.createElement("button");
  button.type = "button";
  button.textContent = msg("update-reload");
  text.append(before, button);
  if (after) {
    text.append(after);
  }
  box.append(text);
  // Inside the banner landmark when there is one; shown fixed at the bottom.
  (document.querySelector("body > header") ?? document.body).append(box);
  document.body.classList.add("has-update-prompt");

  button.addEventListener("click", () => {
    button.disabled = true;
    if (worker.state !== "installed") {
      // Another tab already switched to it, or a newer one replaced it:
      // a reload gets whatever is current.
      location.reload();
      return;
    }
    navigator.serviceWorker.addEventListener("controllerchange", () => location.reload());
    worker.postMessage("skip-waiting");
  });
}

startOffline();
