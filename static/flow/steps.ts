// What the flow adds to a question, an outcome and the home page.

import { walk, pick, answerText, type Tree, type Answers, type Step } from "./tree"
import { read, link, answers } from "./url"
import { save, load } from "./store"
import { el, a, section } from "./dom"
import { msg } from "./msg"

export interface Arrival {
  say: string // what the live region announces
  save(): void // remember (or forget) the walk for the home page
}

const restart = (t: Tree) => a(t.start + ".html#a=", msg("start-again"), "flow-restart")

function progress(n: number, max: number): HTMLElement {
  const bar = el("progress", "") as HTMLProgressElement
  bar.max = max
  bar.value = n - 1
  bar.setAttribute("aria-hidden", "true")
  return el("p", "flow-progress", msg("flow-progress", { n, max }), bar)
}

export function question(t: Tree, main: HTMLElement, id: string, steps: Step[], ans: Answers | null): Arrival {
  const q = t.q[id]
  const n = steps.length + 1
  const max = steps.length + q.m
  const bar = el("nav", "flow-bar", progress(n, max))
  bar.setAttribute("aria-label", msg("flow-progress-label"))
  const prev = steps[steps.length - 1]
  // The first question has nothing to go back to or start again from.
  if (id !== t.start && (prev || (ans && ans.size))) {
    bar.append(el("p", "flow-nav", prev && a(link(prev.id, answers(steps)), msg("flow-back"), "flow-back"), " ", restart(t)))
    // One "Start again" is enough: the bar's replaces the page's own.
    const again = main.querySelector<HTMLElement>(".again")
    if (again) again.hidden = true
  }
  // The page's own progress line counts only what is left; this one replaces it.
  const old = main.querySelector<HTMLElement>(".progress")
  if (old) old.hidden = true
  main.prepend(bar)

  // Option links carry the answers. After a "change", answers further on
  // still apply: the link goes as far as they lead.
  const mine = ans && ans.get(id)
  main.querySelectorAll<HTMLAnchorElement>("a[data-next]").forEach((l, i) => {
    const tok = l.dataset.value || (q.s ? String(q.s[0] + i) : q.o[i] ? q.o[i].k : "")
    const opt = pick(q, tok)
    if (!opt || opt.n !== l.dataset.next) return // not the option we think: leave it
    const na = answers(steps.concat({ id, q, tok, opt }), ans || undefined)
    l.href = link(walk(t, na, opt.n).at, na)
    if (tok === mine) {
      l.setAttribute("aria-current", "true")
      l.classList.add("flow-chosen")
    }
  })
  const here = ans && ans.size ? link(id, answers(steps, ans)) : null
  return { say: msg("flow-arrive-question", { n, max, question: q.t }), save: () => save(t, here) }
}

export function outcome(t: Tree, main: HTMLElement, id: string, steps: Step[], ans: Answers | null): Arrival {
  const o = t.o[id]
  if (steps.length) {
    const all = answers(steps, ans || undefined)
    // Each answer with its reason: the why line of the answer given.
    const mine = steps.map((s) => {
      const li = el(
        "li",
        "",
        el("span", "flow-q", s.q.t),
        " ",
        el("strong", "", answerText(s)),
        " ",
        el("a", "flow-change", msg("flow-change"), el("span", "flow-vh", " " + msg("flow-change-hidden", { question: s.q.t }))),
        s.opt.w ? el("span", "flow-because", s.opt.w) : null,
      )
      ;(li.querySelector(".flow-change") as HTMLAnchorElement).href = link(s.id, all)
      li.dataset.q = s.id
      li.dataset.a = s.tok
      return li
    })
    const mineBox = section("flow-out flow-answers", msg("flow-answers"), el("ol", "", ...mine))
    // The answers follow what to do today: the verdict and the advice come first.
    const after = main.querySelector("[data-advice]") || main.querySelector("h1")
    after ? after.after(mineBox) : main.append(mineBox)
  }
  // A finished walk leaves nothing to resume; a visit from elsewhere keeps it.
  return { say: msg("flow-arrive-outcome", { title: o.t, verdict: o.v }), save: () => steps.length && save(t, null) }
}

// resume offers, never forces, the walk the reader left unfinished.
export function resume(t: Tree, main: HTMLElement): void {
  const url = load(t)
  const m = url && /^([a-z0-9-]+)\.html(#.*)$/.exec(url)
  const ans = m && read(m[2])
  const q = m && t.q[m[1]]
  if (!url || !m || !ans || !q) return
  const w = walk(t, ans, t.start, m[1])
  if (w.at !== m[1]) return
  const n = w.steps.length + 1
  const box = section(
    "flow-resume",
    msg("flow-resume-heading"),
    el("p", "", msg("flow-resume-text", { n, max: n - 1 + q.m, question: q.t })),
    el("p", "", a(url, msg("flow-resume"), "flow-go button"), " ", restart(t)),
  )
  const h1 = main.querySelector("h1")
  h1 ? h1.after(box) : main.prepend(box)
}
