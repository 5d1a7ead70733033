// The unfinished walk, kept in localStorage so the home page can offer to
// resume it. Storage may be missing or throw (file://, private mode, full
// quota): every call is guarded, and the flow works without it.

const KEY = "runorrest-walk"

export function save(url: string | null): void {
  try {
    url ? localStorage.setItem(KEY, url) : localStorage.removeItem(KEY)
  } catch (e) {
    // No storage: there is simply nothing to resume later.
  }
}

export function load(): string | null {
  try {
    return localStorage.getItem(KEY)
  } catch (e) {
    return null
  }
}
