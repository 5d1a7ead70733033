// The guide flow: enhances the static pages of a walk through the decision
// tree. Every page works without it; with it, the answers so far travel in
// the URL fragment (see flow/url.ts), so a step can be bookmarked, shared,
// reloaded, and Back and Forward step through the answers.
//
// The tree comes from <script type="application/json" id="flow-tree">,
// written by the build with encoding/json.

import { walk, type Tree } from "./flow/tree"
import { read } from "./flow/url"
import { el } from "./flow/dom"
import { question, outcome, resume } from "./flow/steps"
import "./offline" // the service worker and the update prompt (offline.ts)

const data = document.getElementById("flow-tree")
const main = document.querySelector("main")
if (data && main) run(JSON.parse(data.textContent || "") as Tree, main)

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
  if (!id) {
    if (main.dataset.kind === "home") resume(t, main)
    return
  }
  const w = walk(t, ans || new Map(), t.start, id)
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
