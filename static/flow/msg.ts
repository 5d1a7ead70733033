// The site's own words in the page's language ("Back", "Question 2 of at
// most 5"). The build puts the messages the script uses into the tree data
// the page loads first (cmd/runorrest/internal/site/flowdata.go, "ui"), from
// the catalogue templates/ui.yaml or a language's words.yaml: the script
// itself holds no words.

const ui: { [id: string]: string } =
  ((self as { runorrestTree?: { ui?: { [id: string]: string } } }).runorrestTree || {}).ui || {}

// msg is the message id with its {placeholders} filled in from args.
export function msg(id: string, args?: { [name: string]: string | number }): string {
  const s = ui[id]
  if (s === undefined) return id
  return s.replace(/\{([a-z]+)\}/g, (_, name: string) => (args && name in args ? String(args[name]) : ""))
}

// parts cuts a message at one placeholder, for an element in its middle:
// parts("update-ready", "reload") gives the text before and after {reload}.
export function parts(id: string, name: string): [string, string] {
  const s = msg(id, { [name]: "\u0000" })
  const i = s.indexOf("\u0000")
  return i < 0 ? [s, ""] : [s.slice(0, i), s.slice(i + 1)]
}
