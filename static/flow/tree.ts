// The decision tree as the build embeds it in every page (see
// cmd/runorrest/internal/site/flowdata.go), and the walk through it.

import { msg } from "./msg"

export interface Option {
  k: string // the answer's token in the URL (for a scale: "")
  a?: string // the token older builds gave it, still understood
  l: string // label
  n: string // next node
  w?: string // why: what this answer means for the advice
  lo?: number // values covered, scale questions only
  hi?: number
}

export interface Question {
  t: string // text
  m: number // questions on the longest path from here, this one included
  s?: [number, number] // scale min and max
  o: Option[]
}

export interface Outcome {
  t: string // title
  v: string // verdict label
}

export interface Tree {
  start: string
  ui: { [id: string]: string } // the messages of the script, by id (msg.ts)
  q: { [id: string]: Question }
  o: { [id: string]: Outcome }
}

// Answers maps question ids to tokens (an option's key, or a scale value),
// in the order they were given.
export type Answers = Map<string, string>

export interface Step {
  id: string
  q: Question
  tok: string
  opt: Option
}

// pick finds the option a token stands for.
export function pick(q: Question, tok: string): Option | undefined {
  const v = +tok
  for (const o of q.o) {
    if (q.s ? String(v) === tok && v >= o.lo! && v <= o.hi! : o.k === tok || o.a === tok) return o
  }
  return undefined
}

// answerText is an answer in words: the label, or the value on a scale.
export function answerText(s: Step): string {
  return s.q.s ? msg("flow-scale-answer", { value: s.tok, max: s.q.s[1], label: s.opt.l }) : s.opt.l
}

// walk follows the answers from `from` and stops at `to`, at a question
// with no usable answer, or at an outcome. `at` is where it stopped. It
// takes at most as many steps as the tree's longest path has questions (the
// first question's m, which the build checked against -max-depth): a guard
// against a tree that loops, which the build never writes.
export function walk(t: Tree, a: Answers, from: string, to?: string): { steps: Step[]; at: string } {
  const steps: Step[] = []
  const most = t.q[t.start] ? t.q[t.start].m : 0
  let id = from
  let q: Question
  let tok: string | undefined
  let opt: Option | undefined
  while (id !== to && (q = t.q[id]) && (tok = a.get(id)) !== undefined && (opt = pick(q, tok)) && steps.length < most) {
    steps.push({ id, q, tok, opt })
    id = opt.n
  }
  return { steps, at: id }
}
