package offline

import "runorrest/decision"

// CacheName is the name of the cache the worker of this version fills, when
// the guide is served under scope (the absolute URL of its folder, with a
// trailing slash). The worker deletes the caches whose name starts like
// this one up to the scope and its space: only older versions of the guide
// served from that same folder.
func CacheName(title, scope, version string) string {
	return "runorrest " + scope + " " + decision.Slug(title) + " " + version
}
