package site

import (
	"errors"
	"fmt"
	"html/template"
	"strconv"
	"strings"
	"text/template/parse"
	"time"

	"runorrest/decision"
)

// The site's own words ("Start the questions", "Back") come from a
// catalogue, decision.UIFile in the original language: the templates use
// them as {{t "start"}} (or, for a message with markup inside, ranging over
// {{parts "review-line"}}), the Go code below by id, and the flow script
// through the tree data (flowdata.go), which carries the messages whose
// ids start with "flow-" or "update-".

// ErrUI is the sentinel of a message the site needs and the catalogue
// lacks.
var ErrUI = errors.New("missing message")

// codeMessages are the ids the Go code of the site and the flow script
// use; every catalogue must have them. The templates' own are found in
// their parse trees (templateMessages).
var codeMessages = []string{
	"notice", "date", "month-1", "month-2", "month-3", "month-4", "month-5", "month-6", "month-7", "month-8",
	"month-9", "month-10", "month-11", "month-12", "or", "home-description", "question-after-title",
	"question-after-description", "about", "about-description", "reviewed-questions", "reviewed-everything",
	"map-title", "map-description", "map-svg-label", "not-found-title", "not-found-description",
	// static/flow.ts, static/flow/*.ts and static/offline.ts
	"start-again", "flow-progress", "flow-progress-label", "flow-back", "flow-arrive-question",
	"flow-change", "flow-change-hidden", "flow-answers", "flow-scale-answer", "flow-arrive-outcome",
	"flow-resume-heading", "flow-resume-text", "flow-resume", "flow-print", "flow-share", "flow-copy",
	"flow-link-label", "flow-copied", "flow-copy-by-hand", "flow-shared", "flow-share-legend",
	"flow-share-advice", "flow-share-answers", "update-ready", "update-reload",
}

// scriptMessage reports whether the flow script uses the message id: the
// tree data carries only those.
func scriptMessage(id string) bool {
	return strings.HasPrefix(id, "flow-") || strings.HasPrefix(id, "update-") || id == "start-again"
}

// words is one language's catalogue, as the pages use it.
type words struct{ *decision.Messages }

// text is the message id with its {placeholders} filled from args, given
// as name, value pairs. An id the catalogue lacks gives the id itself
// (never met: Read checks every id the site uses).
func (w words) text(id string, args ...string) string {
	s, ok := w.Text[id]
	if !ok {
		return id
	}
	if !strings.Contains(s, "{") {
		return s
	}
	var out strings.Builder
	for _, p := range splitMessage(s) {
		if p.Slot == "" {
			out.WriteString(p.Text)
			continue
		}
		for i := 0; i+1 < len(args); i += 2 {
			if args[i] == p.Slot {
				out.WriteString(args[i+1])
				break
			}
		}
	}
	return out.String()
}

// day writes a day in words, as in "20 November 2026".
func (w words) day(t time.Time) string {
	return w.text("date", "day", strconv.Itoa(t.Day()), "month", w.text("month-"+strconv.Itoa(int(t.Month()))),
		"year", strconv.Itoa(t.Year()))
}

// orList joins words as "a, b or c".
func (w words) orList(items []string) string {
	if len(items) < 2 {
		return strings.Join(items, "")
	}
	return w.text("or", "list", strings.Join(items[:len(items)-1], ", "), "last", items[len(items)-1])
}

// msgPart is a piece of a message: text, or the name of a placeholder.
type msgPart struct{ Text, Slot string }

// splitMessage cuts a message at its placeholders.
func splitMessage(s string) []msgPart {
	var ps []msgPart
	for {
		i := strings.IndexByte(s, '{')
		j := strings.IndexByte(s, '}')
		if i < 0 || j < i {
			if s != "" {
				ps = append(ps, msgPart{Text: s})
			}
			return ps
		}
		if i > 0 {
			ps = append(ps, msgPart{Text: s[:i]})
		}
		ps = append(ps, msgPart{Slot: s[i+1 : j]})
		s = s[j+1:]
	}
}

// loadUI reads the catalogue of the site's words in the original
// language, decision.UIFile, or takes a translation's ui: strings; false
// if it has problems.
func (b *builder) loadUI() bool {
	ui, err := decision.LoadMessages(b.fsys, decision.UIFile)
	if err != nil {
		var ps decision.Problems
		if !errors.As(err, &ps) {
			ps = decision.Problems{{File: decision.UIFile, Pos: decision.Pos{Line: 1, Col: 1}, Err: ErrUI, Msg: err.Error()}}
		}
		b.probs = append(b.probs, ps...)
		return false
	}
	b.ui = words{ui}
	if b.tree.Original != nil {
		// A translation's ui: strings, which decision checked against
		// the original's when it loaded them (Options.UI).
		m := &decision.Messages{File: b.tree.File, Text: map[string]string{}, Pos: map[string]decision.Pos{}}
		for _, u := range b.tree.UI {
			m.IDs = append(m.IDs, u.ID)
			m.Text[u.ID], m.Pos[u.ID] = u.Text, u.Pos
		}
		b.ui = words{m}
	}
	return true
}

// textEscaper escapes a message's own words for HTML text, as a
// template's literal text would be written: only what would start a tag or
// an entity. Quotes are safe in text; in an attribute html/template
// escapes them too, as it does any template.HTML there.
var textEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")

// funcs are the template functions of a language:
//
//	{{t "start"}}                     the message's text
//	{{t "questions-to-go" "n" .Count}} with {n} filled in
//	{{range parts "review-line"}}     its pieces: .Text, or .Slot for a {placeholder}
func (w words) funcs() template.FuncMap {
	return template.FuncMap{
		"t": func(id string, args ...any) (template.HTML, error) {
			s, ok := w.Text[id]
			if !ok {
				return "", fmt.Errorf("no message %q in %s", id, w.File)
			}
			if len(args)%2 != 0 {
				return "", fmt.Errorf("t %q: give each placeholder as a name and a value", id)
			}
			var out strings.Builder
			for _, p := range splitMessage(s) {
				if p.Slot == "" {
					out.WriteString(textEscaper.Replace(p.Text))
					continue
				}
				for i := 0; i+1 < len(args); i += 2 {
					if args[i] == p.Slot {
						out.WriteString(template.HTMLEscapeString(fmt.Sprint(args[i+1])))
						break
					}
				}
			}
			return template.HTML(out.String()), nil
		},
		"parts": func(id string) ([]msgPart, error) {
			s, ok := w.Text[id]
			if !ok {
				return nil, fmt.Errorf("no message %q in %s", id, w.File)
			}
			return splitMessage(s), nil
		},
	}
}

// templateMessages lists, for every use of t or parts with a message id
// written as a string, the id and where it is written ("base.html:12:4").
func templateMessages(t *template.Template) map[string]string {
	used := map[string]string{}
	for _, tt := range t.Templates() {
		if tt.Tree == nil || tt.Tree.Root == nil {
			continue
		}
		var walk func(n parse.Node)
		walk = func(n parse.Node) {
			switch n := n.(type) {
			case *parse.ListNode:
				if n == nil {
					return
				}
				for _, c := range n.Nodes {
					walk(c)
				}
			case *parse.ActionNode:
				walk(n.Pipe)
			case *parse.PipeNode:
				if n == nil {
					return
				}
				for _, c := range n.Cmds {
					walk(c)
				}
			case *parse.CommandNode:
				if len(n.Args) >= 2 {
					if f, ok := n.Args[0].(*parse.IdentifierNode); ok && (f.Ident == "t" || f.Ident == "parts") {
						if s, ok := n.Args[1].(*parse.StringNode); ok {
							if _, seen := used[s.Text]; !seen {
								at, _ := tt.Tree.ErrorContext(s)
								used[s.Text] = at
							}
						}
					}
				}
				for _, a := range n.Args {
					walk(a)
				}
			case *parse.IfNode:
				walk(n.Pipe)
				walk(n.List)
				walk(n.ElseList)
			case *parse.RangeNode:
				walk(n.Pipe)
				walk(n.List)
				walk(n.ElseList)
			case *parse.WithNode:
				walk(n.Pipe)
				walk(n.List)
				walk(n.ElseList)
			case *parse.TemplateNode:
				walk(n.Pipe)
			}
		}
		walk(tt.Tree.Root)
	}
	return used
}

// checkMessages reports every message the site uses that the catalogue
// lacks: the templates', at their use, and the code's, at the catalogue.
// A translation has the original's (decision checks its ui:), so only the
// original's are checked.
func (b *builder) checkMessages(used map[string]string) {
	if b.tree.Original != nil {
		return
	}
	for id, at := range used {
		if _, ok := b.ui.Text[id]; ok {
			continue
		}
		file, line, col := "templates", 1, 1
		if f, rest, ok := strings.Cut(at, ":"); ok {
			file = "templates/" + f
			l, c, _ := strings.Cut(rest, ":")
			line, _ = strconv.Atoi(l)
			col, _ = strconv.Atoi(c)
		}
		b.problem(file, max(line, 1), max(col, 1), ErrUI, fmt.Sprintf("the template uses message %q, which %s does not have", id, b.ui.File),
			"add it to "+b.ui.File+", or fix the id")
	}
	for _, id := range codeMessages {
		if _, ok := b.ui.Text[id]; !ok {
			b.problem(b.ui.File, 1, 1, ErrUI, fmt.Sprintf("message %q is missing: the site needs it", id), "add it; see the repository's "+decision.UIFile)
		}
	}
}
