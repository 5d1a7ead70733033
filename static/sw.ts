/// <reference lib="webworker" />
// The guide's service worker: it keeps one whole version of the site in one
// cache, so that once a page has been opened the guide works with no network.
// A guide in several languages is cached a language at a time: the shared
// files (stylesheet, script, icons) and each language the reader has opened,
// never every language up front.
//
// The build (cmd/runorrest/internal/offline) compiles this file with esbuild
// and injects the constants below with esbuild's Define, as JSON.
//
// - install: fetch the files of this version past the HTTP cache, check each
//   against its content hash, and store them in a new cache: the shared files,
//   the languages of the pages open now and those the old version had cached
//   (the original if none). If one fails, the install fails, the new cache is
//   dropped and the old version stays.
// - activate: delete this site's older caches (and no one else's), then take
//   control of the open pages.
// - fetch: same-origin GET requests under the scope only; cache first, then
//   the network. A navigation to a page the cache does not have, when the
//   network cannot give it either, gets the 404 page of its language. A page
//   of a language not yet cached makes the worker cache that language, all
//   of it or nothing.
// - message "skip-waiting": sent by the page when the reader asks for the
//   new version (static/offline.ts); never done on our own.

// A module, so that this `self` may narrow the global one for the type checker.
export {};
declare const self: ServiceWorkerGlobalScope;

// Every output file but this one: [path relative to the scope, content hash,
// group]. The group is "*" for the shared files, "" for the original
// language and "es/" for the files of an extra language.
declare const __RUNORREST_PRECACHE__: [string, string, string][];
// The groups of the languages: "" for the original, then "es/" and so on.
declare const __RUNORREST_LANGS__: string[];
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
const shared = "*";

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
  if (request.mode === "navigate") {
    // A page of a language not cached yet: cache the language. Offline,
    // that fails quietly, and the next visit tries again.
    event.waitUntil(addLang(langOf(request.url)).catch(() => undefined));
  }
});

// langOf is the group of the language of a page's URL.
function langOf(url: string): string {
  const path = url.slice(scope.length);
  return __RUNORREST_LANGS__.find((l) => l !== "" && path.startsWith(l)) ?? "";
}

// hasLang tells whether a cache holds a language: its home page is the
// last file stored (addLang, precache).
async function hasLang(cache: Cache, lang: string): Promise<boolean> {
  return (await cache.match(new URL(lang + indexPage, scope).href, { ignoreVary: true })) !== undefined;
}

// store fetches the files of the groups, checked, then puts them all: a
// language is cached whole or not at all, its home page last.
async function store(cache: Cache, groups: Set<string>): Promise<void> {
  const files = __RUNORREST_PRECACHE__.filter(([, , group]) => groups.has(group));
  const responses = await Promise.all(files.map(([path, hash]) => fetchChecked(path, hash)));
  const homes: [string, Response][] = [];
  for (let i = 0; i < files.length; i++) {
    const url = new URL(files[i][0], scope).href;
    if (files[i][2] !== shared && files[i][0] === files[i][2] + indexPage) {
      homes.push([url, responses[i]]);
      continue;
    }
    await cache.put(url, responses[i]);
  }
  for (const [url, response] of homes) {
    await cache.put(url, response);
  }
}

const adding = new Map<string, Promise<void>>();

// addLang caches a language in the current cache if it is not there yet.
function addLang(lang: string): Promise<void> {
  const pending = adding.get(lang);
  if (pending) {
    return pending;
  }
  const p = (async () => {
    try {
      const cache = await caches.open(cacheName);
      if (!(await hasLang(cache, lang))) {
        await store(cache, new Set([lang]));
      }
    } finally {
      adding.delete(lang);
    }
  })();
  adding.set(lang, p);
  return p;
}

// wanted is the groups an install caches: the shared files, the languages of
// the open pages in scope and those an older version of the guide had
// cached; the original when that finds none.
async function wanted(): Promise<Set<string>> {
  const groups = new Set<string>();
  for (const client of await self.clients.matchAll({ type: "window", includeUncontrolled: true })) {
    if (client.url.startsWith(scope)) {
      groups.add(langOf(client.url));
    }
  }
  for (const name of await caches.keys()) {
    if (!name.startsWith(prefix) || name === cacheName) {
      continue;
    }
    const old = await caches.open(name);
    for (const lang of __RUNORREST_LANGS__) {
      if (await hasLang(old, lang)) {
        groups.add(lang);
      }
    }
  }
  if (groups.size === 0) {
    groups.add("");
  }
  groups.add(shared);
  return groups;
}

async function precache(): Promise<void> {
  const groups = await wanted();
  const cache = await caches.open(cacheName);
  try {
    await store(cache, groups);
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
    const i = notFoundURLs.findIndex((u) => u === page || u === pretty);
    return i >= 0 ? withScopeBase(hit, __RUNORREST_LANGS__[i], hit.status, hit.statusText) : hit;
  }
  try {
    const response = await fetch(request);
    if (navigate && response.status === 404) {
      return (await notFound(cache, request.url)) ?? response;
    }
    return response;
  } catch (err) {
    if (navigate) {
      const page = await notFound(cache, request.url);
      if (page) {
        return page;
      }
    }
    throw err;
  }
}

// The 404 page is answered at the missing address, at any depth (/a/b/x).
// Built without -base-url, its links resolve from the host's root, or the
// root's folder of its language (the <base> below, site.NotFoundBase); the
// worker knows better, and makes them resolve from its scope.
const rootBase = (lang: string) => `<base href="/${lang}">`;

// notFoundURLs are the 404 pages, the original's and each language's.
const notFoundURLs = __RUNORREST_LANGS__.map((lang) => new URL(lang + notFoundPage, scope).href);

// notFound is the 404 page of the language of url, or the original's.
async function notFound(cache: Cache, url: string): Promise<Response | undefined> {
  const lang = langOf(url);
  const own = await cache.match(new URL(lang + notFoundPage, scope).href, { ignoreVary: true });
  const page = own ?? (await cache.match(new URL(notFoundPage, scope).href, { ignoreVary: true }));
  return page && withScopeBase(page, own ? lang : "", 404, "Not Found");
}

async function withScopeBase(page: Response, lang: string, status: number, statusText: string): Promise<Response> {
  const html = (await page.text()).replace(rootBase(lang), `<base href="${escapeAttr(scope + lang)}">`);
  return new Response(html, { status, statusText, headers: page.headers });
}

function escapeAttr(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
}
