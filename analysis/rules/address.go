package rules

import (
	"regexp"
	"slices"

	"asyncapi-ls/analysis"
	"asyncapi-ls/analysis/model"
	"asyncapi-ls/analysis/syntax"
)

// address is a channel's address and the text node that holds it: the
// channel key in 2.x, the "address" value in 3.x.
type address struct {
	Channel *model.Channel
	Text    string
	Node    *syntax.Node
}

// addresses lists the addresses the model gives root channels (a 2.x key is
// a path; a 3.x address may be null, meaning unknown or dynamic) and, with
// components, those component channels write in an address field (a 2.x
// component key is only a name). A 3.x address counts where the channel is
// written, not where a reference brings it.
func addresses(p *analysis.Pass, components bool) []address {
	m := p.Model()
	list := m.Channels
	if components && m.Components != nil {
		list = append(slices.Clip(list), m.Components.Channels...)
	}
	root := len(m.Channels)
	var out []address
	for i, ch := range list {
		a := ch.Address
		if a.Node == nil || a.Node.IsNull() {
			continue
		}
		key := a.Node == ch.KeyNode // the address is the channel's key
		if key && i < root || !key && inPlace(p, ch) && ch.KeyNode != nil && !ch.KeyNode.IsNull() {
			out = append(out, address{Channel: ch, Text: a.Value, Node: a.Node})
		}
	}
	return out
}

// paramPattern finds "{name}" expressions in addresses and server URLs.
var paramPattern = regexp.MustCompile(`\{([^{}]*)\}`)

// placeholders lists the names in braces, in order, each once, with their
// byte offsets inside text.
func placeholders(text string) (names []string, offsets [][2]int) {
	seen := map[string]bool{}
	for _, m := range paramPattern.FindAllStringSubmatchIndex(text, -1) {
		name := text[m[2]:m[3]]
		if seen[name] {
			continue
		}
		seen[name] = true
		names = append(names, name)
		offsets = append(offsets, [2]int{m[0], m[1]})
	}
	return names, offsets
}

// within narrows a finding to bytes [from, to) of a scalar's own text when
// the scalar is written plainly or quoted without escapes.
func within(p *analysis.Pass, n *syntax.Node, text string, from, to int, msg string) analysis.Diagnostic {
	d := at(n, msg)
	if n == nil {
		return d
	}
	inner := n.Start
	if n.Quoted {
		inner++
	}
	if inner+len(text) <= len(p.Doc.Text) && string(p.Doc.Text[inner:inner+len(text)]) == text {
		d.Start, d.End = inner+from, inner+to
	}
	return d
}
