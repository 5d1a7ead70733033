/// <reference lib="webworker" />
// The guide's service worker: it keeps one whole version of the site in one
// cache, so that once a page has been opened the guide works with no network.
//
// The build (cmd/runorrest/internal/offline) compiles this file with esbuild
// and injects the constants below with esbuild's Define, as JSON.
//
// - install: fetch every file of this version past the HTTP cache, check each
//   against its content hash, and store them in a new cache. If one fails, the
//   install fails, the new cache is dropped and the old version stays.
// - activate: delete this site's older caches (and no one else's), then take
//   control of the open pages.
// - fetch: same-origin GET requests under the scope only; cache first, then
//   the network. A navigation to a page the cache does not have, when the
//   network cannot give it either, gets the guide's 404 page.
// - message "skip-waiting": sent by the page when the reader asks for the
//   new version (static/offline.ts); never done on our own.

// A module, so that this `self` may narrow the global one for the type checker.
export {};
declare const self: ServiceWorkerGlobalScope;

// Every output file but this one: [path relative to the scope, content hash].
declare const __RUNORREST_PRECACHE__: [string, string][];
// How many bytes of each SHA-256 sum the list gives, as hex.
declare const __RUNORREST_HASH_BYTES__: number;
// A hash of the whole list: a new build gives a new cache.
declare const __RUNORREST_VERSION__: string;
// A slug of the guide's title, to tell caches apart when debugging.
declare const __RUNORREST_SITE__: string;

const scope = self.registration.scope;
// The scope makes the prefix unique to this copy of the guide: two guides on
// one origin have two scopes, so neither deletes the other's caches. (The
// title is not part of the prefix: a new title is a new version, not a new
// guide, and its caches must replace the old ones.)
const prefix = `runorrest ${scope} `;
const cacheName = `${prefix}${__RUNORREST_SITE__} ${__RUNORREST_VERSION__}`;
const notFoundPage = "404.html";
const indexPage = "index.html";

self.addEventListener("install", (event) => {
  event.waitUntil(precache());
});

self.addEventListener("activate", (event) => {
  event.waitUntil(activate());
});

self.addEventListener("message", (event) => {
  if (event.data === "skip-waiting") {
    event.waitUntil(self.skipWaiting());
  }
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || !request.url.startsWith(scope)) {
    return; // another origin, or outside the guide: not ours to answer
  }
  // If the cache itself fails (storage cleared, private mode), the network
  // still answers: the worker must never make the guide worse online.
  event.respondWith(respond(request).catch(() => fetch(request)));
});

async function precache(): Promise<void> {
  const cache = await caches.open(cacheName);
  try {
    await Promise.all(
      __RUNORREST_PRECACHE__.map(async ([path, hash]) => {
        const response = await fetchChecked(path, hash);
        await cache.put(new URL(path, scope).href, response);
      }),
    );
  } catch (err) {
    // Leave no half version behind; the old worker and its cache stay.
    await caches.delete(cacheName);
    throw err;
  }
}

// fetchChecked gets one file of this version from the server, never from the
// HTTP cache, and checks its content. A mismatch means the server (or a cache
// in between) holds another version: one retry with a cache-busting query,
// then give up, so a page can never meet assets of another build.
async function fetchChecked(path: string, hash: string): Promise<Response> {
  const url = new URL(path, scope);
  for (const bust of [false, true]) {
    if (bust) {
      url.searchParams.set("v", hash);
    }
    const response = await fetch(url.href, { cache: "reload", credentials: "same-origin" });
    if (!response.ok) {
      throw new Error(`offline: ${path}: HTTP ${response.status}`);
    }
    const body = await response.arrayBuffer();
    if ((await digest(body)) === hash) {
      // A fresh response: no "redirected" flag, no stream already read.
      return new Response(body, {
        status: response.status,
        statusText: response.statusText,
        headers: response.headers,
      });
    }
  }
  throw new Error(`offline: ${path}: the server sent another version of this file`);
}

async function digest(body: ArrayBuffer): Promise<string> {
  const sum = new Uint8Array(await crypto.subtle.digest("SHA-256", body));
  let hex = "";
  for (const b of sum.subarray(0, __RUNORREST_HASH_BYTES__)) {
    hex += b.toString(16).padStart(2, "0");
  }
  return hex;
}

async function activate(): Promise<void> {
  const names = await caches.keys();
  await Promise.all(
    names
      .filter((name) => name.startsWith(prefix) && name !== cacheName)
      .map((name) => caches.delete(name)),
  );
  await self.clients.claim();
}

async function respond(request: Request): Promise<Response> {
  const cache = await caches.open(cacheName);
  const navigate = request.mode === "navigate";
  const url = new URL(request.url);
  if (url.pathname.endsWith("/")) {
    url.pathname += indexPage; // the folder's page: start_url "./" and the like
  }
  // The flow may keep its state in the query or the fragment of a page's
  // address; the page is the same whatever they say.
  const pretty = url.origin + url.pathname + ".html"; // a host with "pretty URLs" serves tired.html as tired
  const hit =
    (await cache.match(url.href, { ignoreSearch: navigate, ignoreVary: true })) ??
    (navigate && !url.pathname.endsWith(".html")
      ? await cache.match(pretty, { ignoreSearch: true, ignoreVary: true })
      : undefined);
  if (hit) {
    const page = url.origin + url.pathname;
    return page === notFoundURL || pretty === notFoundURL ? withScopeBase(hit, hit.status, hit.statusText) : hit;
  }
  try {
    const response = await fetch(request);
    if (navigate && response.status === 404) {
      return (await notFound(cache)) ?? response;
    }
    return response;
  } catch (err) {
    if (navigate) {
      const page = await notFound(cache);
      if (page) {
        return page;
      }
    }
    throw err;
  }
}

// The 404 page is answered at the missing address, at any depth (/a/b/x).
// Built without -base-url, its links resolve from the host's root (the
// <base> below, site.NotFoundBase); the worker knows better, and makes them
// resolve from its scope.
const rootBase = '<base href="/">';

const notFoundURL = new URL(notFoundPage, scope).href;

async function notFound(cache: Cache): Promise<Response | undefined> {
  const page = await cache.match(notFoundURL, { ignoreVary: true });
  return page && withScopeBase(page, 404, "Not Found");
}

async function withScopeBase(page: Response, status: number, statusText: string): Promise<Response> {
  const html = (await page.text()).replace(rootBase, `<base href="${escapeAttr(scope)}">`);
  return new Response(html, { status, statusText, headers: page.headers });
}

function escapeAttr(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
}
