// Keep or share an outcome: a "Save or print" button, and a link to the
// same advice at the level the reader chooses (the advice only, or with the
// answers, carried in the fragment, which browsers never send to a server).
// The Web Share API where the browser has it, else the clipboard; the link
// also shows in a field, to copy by hand. Nothing goes anywhere else.
//
// Without the script the page says how to print it and shows its own address
// (templates/outcome.html).

import { el } from "./dom"
import { msg } from "./msg"

export function keep(main: HTMLElement, withAnswers: string | null): void {
  const box = main.querySelector<HTMLElement>(".keep")
  if (!box) return
  const here = location.href.split("#")[0]
  stamp(box, withAnswers ? new URL(withAnswers, here).href : here)

  const print = button(msg("flow-print"))
  print.addEventListener("click", () => window.print())

  const share = "share" in navigator
  const go = button(share ? msg("flow-share") : msg("flow-copy"))
  const field = el("input", "flow-link") as HTMLInputElement
  field.readOnly = true
  field.id = "flow-link"
  const label = el("label", "", msg("flow-link-label"))
  label.setAttribute("for", field.id)
  const shown = el("p", "flow-link-row", label, field)
  shown.hidden = true
  const status = el("p", "flow-status")
  status.setAttribute("aria-live", "polite") // not role=status: the flow's own live region has that

  const set = el("fieldset", "flow-share", el("legend", "", msg("flow-share-legend")))
  const only = choice("outcome", msg("flow-share-advice"), true)
  set.append(only)
  let mine: HTMLElement | null = null
  if (withAnswers) set.append((mine = choice("answers", msg("flow-share-answers"), false)))
  set.append(el("p", "", go), shown, status)

  go.addEventListener("click", () => {
    const url = mine && mine.querySelector("input")!.checked ? new URL(withAnswers!, here).href : here
    field.value = url
    shown.hidden = false
    status.textContent = ""
    const copy = () => {
      const done = (ok: boolean) =>
        (status.textContent = ok ? msg("flow-copied") : msg("flow-copy-by-hand"))
      navigator.clipboard ? navigator.clipboard.writeText(url).then(() => done(true), () => done(false)) : done(false)
      field.select()
    }
    if (!share) return copy()
    navigator.share({ title: document.title, url }).then(
      () => (status.textContent = msg("flow-shared")),
      (e: Error) => e.name !== "AbortError" && copy(),
    )
  })

  const how = box.querySelector(".keep-how")
  const controls = el("div", "flow-keep", el("p", "", print), set)
  how ? how.replaceWith(controls) : box.append(controls)
}

// stamp fills in the printed page's date and address.
function stamp(box: HTMLElement, url: string): void {
  const date = box.querySelector(".stamp-date")
  const addr = box.querySelector(".stamp-address")
  if (date) {
    const d = new Date()
    date.textContent = d.toLocaleDateString(document.documentElement.lang || undefined, {
      year: "numeric",
      month: "long",
      day: "numeric",
    })
  }
  if (addr) addr.textContent = url
}

function button(text: string): HTMLButtonElement {
  const b = el("button", "button", text) as HTMLButtonElement
  b.type = "button"
  return b
}

function choice(value: string, text: string, checked: boolean): HTMLElement {
  const r = el("input", "") as HTMLInputElement
  r.type = "radio"
  r.name = "flow-share"
  r.value = value
  r.checked = checked
  return el("label", "flow-choice", r, " " + text)
}
