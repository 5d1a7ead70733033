// The guide flow: enhances the static pages of a walk through the decision
// tree. Every page works without it.
//
// Each step stays its own static page, and the browser does the navigating:
// the script rewrites the option links so that the answers so far travel in
// the URL fragment (see flow/url.ts). So a step can be bookmarked and shared,
// Back and Forward step through the answers, a reload keeps the place, and
// all of it works from file:// and under any sub-path, with no server.
//
// The tree comes from assets/tree.HASH.js, which the page loads first: it
// sets self.runorrestTree to JSON written by encoding/json (site/flowdata.go).

import { walk, type Tree } from "./flow/tree"
import { read, link, answers } from "./flow/url"
import { el } from "./flow/dom"
import { question, outcome, resume } from "./flow/steps"
import { keep } from "./flow/keep"
import "./offline" // the service worker and the update prompt (offline.ts)

const tree = (self as { runorrestTree?: Tree }).runorrestTree
const main = document.querySelector("main")
if (tree && main) run(tree, main)

function run(t: Tree, main: HTMLElement): void {
  // A new walk in the fragment alone (a link to this same page, Back to it)
  // is a new step. Other fragments, such as footnotes, are only jumps.
  addEventListener("hashchange", () => read(location.hash) && location.reload())

  // Links to the first question start a fresh walk.
  document.querySelectorAll<HTMLAnchorElement>('a[href="' + t.start + '.html"]').forEach((l) => {
    l.href = t.start + ".html#a="
  })

  const id = main.dataset.node
  const ans = read(location.hash)
  // The language switch keeps the walk: the same page in another language,
  // with the same answers (their keys are the same in every language).
  if (ans) {
    document.querySelectorAll<HTMLAnchorElement>("nav.langs a[hreflang]").forEach((l) => {
      l.href = l.href.split("#")[0] + location.hash
    })
  }
  if (!id) {
    if (main.dataset.kind === "home") resume(t, main)
    return
  }
  const w = walk(t, ans || new Map(), t.start, id)
  const walked = w.at === id && w.steps.length > 0
  if (main.dataset.kind === "outcome") keep(main, walked ? link(id, answers(w.steps)) : null)
  if (w.at !== id) return // the answers do not lead here: leave the page as built
  const step = main.dataset.kind === "question" ? question(t, main, id, w.steps, ans) : outcome(t, main, id, w.steps, ans)

  const live = el("p", "flow-vh")
  live.setAttribute("role", "status")
  main.append(live)
  const h1 = main.querySelector("h1")
  const arrive = () => {
    step.save()
    if (!ans) return // not reached by walking: leave focus alone
    if (h1) {
      h1.tabIndex = -1
      h1.focus()
    }
    // Let the empty region settle first, so screen readers announce it.
    live.textContent = ""
    setTimeout(() => (live.textContent = step.say), 100)
  }
  arrive()
  // Coming back from the back-forward cache runs no script: arrive again.
  addEventListener("pageshow", (e) => e.persisted && arrive())
}
