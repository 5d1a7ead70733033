// Small DOM helpers. Text goes in with textContent only, never as HTML,
// and nothing sets a style: the pages run under a strict CSP.

type Kid = Node | string | null | false

export function el(tag: string, cls: string, ...kids: Kid[]): HTMLElement {
  const e = document.createElement(tag)
  if (cls) e.className = cls
  for (const k of kids) if (k) e.append(k)
  return e
}

export function a(href: string, text: string, cls = ""): HTMLAnchorElement {
  const e = el("a", cls, text) as HTMLAnchorElement
  e.href = href
  return e
}

let n = 0

// section is a region named by its own h2.
export function section(cls: string, title: string, ...kids: Kid[]): HTMLElement {
  const id = "flow-h" + ++n
  const h = el("h2", "", title)
  h.id = id
  const s = el("section", cls, h, ...kids)
  s.setAttribute("aria-labelledby", id)
  return s
}
