package graph

import (
	"fmt"
	"strings"
	"unicode"
)

// dotGraph is what readDOT finds in a digraph: its nodes with their
// attributes, and its edges.
type dotGraph struct {
	nodes map[string]map[string]string // node id -> attribute -> value
	edges [][2]string
}

// readDOT reads the subset of the DOT language that writeDOT writes, by the
// grammar of https://graphviz.org/doc/info/lang.html: "digraph ID {", then
// statements, each ended by ";": ID=ID, node|edge [attrs], ID [attrs], and
// ID -> ID [attrs]; then "}". An ID is a double-quoted string, in which
// only \" is an escape (Graphviz keeps \n and \\ for the renderer), or a
// run of letters, digits and underscores. Anything else is an error.
func readDOT(src string) (*dotGraph, error) {
	toks, err := dotTokens(src)
	if err != nil {
		return nil, err
	}
	p := &dotParser{toks: toks}
	g := &dotGraph{nodes: map[string]map[string]string{}}
	if err := p.expect("digraph"); err != nil {
		return nil, err
	}
	if _, err := p.id(); err != nil {
		return nil, err
	}
	if err := p.expect("{"); err != nil {
		return nil, err
	}
	for p.peek() != "}" {
		if err := p.statement(g); err != nil {
			return nil, err
		}
	}
	p.next()
	if p.peek() != "" {
		return nil, fmt.Errorf("text after the closing brace: %q", p.peek())
	}
	return g, nil
}

type dotToken struct {
	text   string
	quoted bool
}

// dotTokens splits DOT source into IDs, quoted strings and punctuation.
func dotTokens(src string) ([]dotToken, error) {
	var toks []dotToken
	for i := 0; i < len(src); {
		c := src[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n':
			i++
		case c == '"':
			var b strings.Builder
			j := i + 1
			for ; j < len(src) && src[j] != '"'; j++ {
				if src[j] == '\\' && j+1 < len(src) && src[j+1] == '"' {
					j++
				} else if src[j] == '\n' {
					return nil, fmt.Errorf("a raw line break in a string at byte %d", j)
				}
				b.WriteByte(src[j])
			}
			if j == len(src) {
				return nil, fmt.Errorf("an unclosed string at byte %d", i)
			}
			toks = append(toks, dotToken{b.String(), true})
			i = j + 1
		case strings.HasPrefix(src[i:], "->"):
			toks = append(toks, dotToken{text: "->"})
			i += 2
		case strings.ContainsRune("{}[];=,", rune(c)):
			toks = append(toks, dotToken{text: string(c)})
			i++
		case c == '_' || unicode.IsLetter(rune(c)) || unicode.IsDigit(rune(c)):
			j := i
			for j < len(src) && (src[j] == '_' || unicode.IsLetter(rune(src[j])) || unicode.IsDigit(rune(src[j]))) {
				j++
			}
			toks = append(toks, dotToken{text: src[i:j]})
			i = j
		default:
			return nil, fmt.Errorf("unexpected %q at byte %d", c, i)
		}
	}
	return toks, nil
}

type dotParser struct {
	toks []dotToken
	pos  int
}

func (p *dotParser) peek() string {
	if p.pos < len(p.toks) && !p.toks[p.pos].quoted {
		return p.toks[p.pos].text
	}
	if p.pos < len(p.toks) {
		return `"`
	}
	return ""
}

func (p *dotParser) next() dotToken { p.pos++; return p.toks[p.pos-1] }

func (p *dotParser) expect(s string) error {
	if p.peek() != s {
		return fmt.Errorf("token %d: want %q, got %q", p.pos, s, p.peek())
	}
	p.next()
	return nil
}

// id reads an ID: a quoted string or a plain word that is not punctuation.
func (p *dotParser) id() (string, error) {
	if p.pos >= len(p.toks) {
		return "", fmt.Errorf("want an ID at the end")
	}
	t := p.toks[p.pos]
	if !t.quoted && strings.ContainsAny(t.text, "{}[];=,") || t.text == "->" && !t.quoted {
		return "", fmt.Errorf("token %d: want an ID, got %q", p.pos, t.text)
	}
	p.next()
	return t.text, nil
}

// statement reads one statement, ended by ";".
func (p *dotParser) statement(g *dotGraph) error {
	first, err := p.id()
	if err != nil {
		return err
	}
	switch {
	case p.peek() == "=":
		p.next()
		if _, err := p.id(); err != nil {
			return err
		}
	case p.peek() == "->":
		p.next()
		to, err := p.id()
		if err != nil {
			return err
		}
		if _, err := p.attrs(); err != nil {
			return err
		}
		g.edges = append(g.edges, [2]string{first, to})
	default:
		attrs, err := p.attrs()
		if err != nil {
			return err
		}
		if first != "node" && first != "edge" && first != "graph" {
			g.nodes[first] = attrs
		}
	}
	return p.expect(";")
}

// attrs reads an optional "[a=b, c=d]".
func (p *dotParser) attrs() (map[string]string, error) {
	m := map[string]string{}
	if p.peek() != "[" {
		return m, nil
	}
	p.next()
	for p.peek() != "]" {
		k, err := p.id()
		if err != nil {
			return nil, err
		}
		if err := p.expect("="); err != nil {
			return nil, err
		}
		v, err := p.id()
		if err != nil {
			return nil, err
		}
		m[k] = v
		if p.peek() == "," {
			p.next()
		}
	}
	p.next()
	return m, nil
}
