// The unfinished walk, kept in localStorage so the home page can offer to
// resume it. Storage may be missing or throw (file://, private mode, full
// quota): every call is guarded, and the flow works without it.
//
// Each guide keeps its own walk. localStorage is shared by a whole origin,
// where several guides may live (example.org/x/ and example.org/y/, or
// folders opened from disk), so the key names the guide: the folder its
// pages are in (every page of a guide is in one folder) and its first
// question.

import type { Tree } from "./tree"

function key(t: Tree): string {
  return "runorrest-walk " + new URL(".", location.href).pathname + " " + t.start
}

export function save(t: Tree, url: string | null): void {
  try {
    url ? localStorage.setItem(key(t), url) : localStorage.removeItem(key(t))
  } catch (e) {
    // No storage: there is simply nothing to resume later.
  }
}

export function load(t: Tree): string | null {
  try {
    return localStorage.getItem(key(t))
  } catch (e) {
    return null
  }
}
