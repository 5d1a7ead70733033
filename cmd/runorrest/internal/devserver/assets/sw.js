// runorrest serve answers /sw.js with this worker. The pages serve sends
// register no worker; this one takes the place of a guide's worker left on
// this origin by an earlier preview of a build, which would otherwise keep
// answering with the pages it cached, and then removes itself.
self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => {
  event.waitUntil(self.registration.unregister());
});
