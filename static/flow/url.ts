// The walk lives in the URL fragment: page.html#a=soreness:3,where:all-over
// Ids and keys are slugs, so ":" and "," need no escaping.

import type { Answers, Step } from "./tree"

// read returns the answers in a fragment, or null when it holds no walk.
export function read(hash: string): Answers | null {
  const m = /(?:^#|&)a=([^&]*)/.exec(hash)
  if (!m) return null
  const a: Answers = new Map()
  for (const p of m[1].split(",")) {
    const i = p.indexOf(":")
    if (i > 0) a.set(p.slice(0, i), p.slice(i + 1))
  }
  return a
}

// link is the relative URL of a page with the answers.
export function link(id: string, a: Answers): string {
  const p: string[] = []
  a.forEach((v, k) => p.push(k + ":" + v))
  return id + ".html#a=" + p.join(",")
}

// answers builds answers in path order: the steps, then `rest`, minus
// anything the steps already answer.
export function answers(steps: Step[], rest?: Answers): Answers {
  const a: Answers = new Map()
  for (const s of steps) a.set(s.id, s.tok)
  if (rest) rest.forEach((v, k) => a.has(k) || a.set(k, v))
  return a
}
