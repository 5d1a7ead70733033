package decision

import "go.yaml.in/yaml/v3"

// node is one value of the tree file: a mapping, a list or a scalar, with
// its position and style. It is smaller than a yaml.Node, which keeps
// comments and anchors the loader never reads: the 100,000-node tree has
// more than a million of them.
type node struct {
	kind    nodeKind
	style   yaml.Style // quoted, literal, folded or flow, as yaml.Node has it
	line    int32
	col     int32
	value   string  // a scalar's text
	tag     string  // a scalar's tag ("!!str"), or "" to resolve it from value
	content []*node // a mapping's keys and values in turn, or a list's items
}

type nodeKind uint8

const (
	otherNode nodeKind = iota
	scalarNode
	mappingNode
	sequenceNode
)

func posOf(n *node) Pos { return Pos{int(n.line), int(n.col)} }

// shortTag is the YAML tag of a scalar, as yaml.Node.ShortTag resolves it:
// "!!str", "!!int", "!!float", "!!bool", "!!null" ...
func (n *node) shortTag() string {
	if n.tag != "" || n.kind != scalarNode {
		return n.tag
	}
	y := yaml.Node{Kind: yaml.ScalarNode, Value: n.value}
	return y.ShortTag()
}

// fromYAML converts the general parser's document root into nodes,
// reporting anchors, aliases and tags. It returns false if there are
// anchors or aliases, which are never followed.
func (l *loader) fromYAML(root *yaml.Node) (*node, bool) {
	aliases := false
	lastLine := 0
	var conv func(y *yaml.Node) *node
	conv = func(y *yaml.Node) *node {
		n := &node{style: y.Style, line: int32(y.Line), col: int32(y.Column)}
		pos := Pos{y.Line, y.Column}
		switch {
		case y.Kind == yaml.AliasNode:
			aliases = true
			if y.Line != lastLine {
				l.errorf(pos, ErrAlias, "write the value out in full", "alias *%s is not allowed", y.Value)
			}
			lastLine = y.Line
			return n // never follow an alias
		case y.Anchor != "":
			aliases = true
			l.errorf(pos, ErrAlias, "remove it and write the value out in full", "anchor &%s is not allowed", y.Anchor)
		}
		if y.Style&yaml.TaggedStyle != 0 {
			l.errorf(pos, ErrAlias, "remove it; write the value plainly", "tag %s is not allowed", y.Tag)
		}
		switch y.Kind {
		case yaml.ScalarNode:
			n.kind, n.value, n.tag = scalarNode, y.Value, y.ShortTag()
		case yaml.MappingNode:
			n.kind = mappingNode
		case yaml.SequenceNode:
			n.kind = sequenceNode
		}
		if len(y.Content) > 0 {
			n.content = make([]*node, len(y.Content))
			for i, c := range y.Content {
				n.content[i] = conv(c)
			}
		}
		return n
	}
	n := conv(root)
	return n, !aliases
}
