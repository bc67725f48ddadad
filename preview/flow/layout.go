package flow

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
)

// Picture is the laid-out event flow: one diagram, or an overview of groups
// and a diagram per group page.
type Picture struct {
	Overview *Diagram // nil when every channel fits one diagram
	Parts    []Part
	Channels int // how many channels the graph has
}

// Part is one diagram of the picture with its heading.
type Part struct {
	ID      string // anchor of the part, for the overview's links
	Title   string // "" for the single diagram of a small graph
	Diagram *Diagram
}

// Diagram is a laid-out picture in pixels.
type Diagram struct {
	Width, Height     int
	HasLeft, HasRight bool // which columns hold boxes
	App               Box
	Boxes             []Box
	Arrows            []Arrow
}

// Box is a node: the application, a channel or a group of channels.
type Box struct {
	X, Y, W, H int
	Lines      []string // the first Bold lines are the name; the rest smaller
	Bold       int
	Title      string // the full text, on hover
	Href       string
	Kind       string // "app", "channel", "group", "idle" (a channel without operations)
}

// Arrow is one operation (or group of operations) between a box and the
// application.
type Arrow struct {
	X1, Y1, X2, Y2 int // from the tail to the head
	Label          string
	LabelX, LabelY int
	LabelEnd       bool // the label is anchored at its end (right-aligned)
	Title          string
	Href           string
	Send           bool // drawn in the send colour, else receive
	Dashed         bool
}

// Geometry, in pixels. Text is 12px; a character is about 7px wide in the
// monospace addresses and 6.5px in labels.
const (
	margin     = 16
	boxW       = 250
	boxH       = 46
	rowGap     = 14  // between two boxes of a column
	arrowPitch = 18  // between two arrows of one box
	gap        = 200 // between a channel column and the application
	appW       = 180
	minAppH    = 96
	charW      = 7
	labelChar  = 6.5
	appChar    = 7.8 // the application title: bold, 13px
)

// Layout places the graph. It never fails: an empty graph gives a picture of
// the application alone.
func Layout(g Graph) *Picture {
	p := &Picture{Channels: len(g.Channels)}
	if len(g.Channels) <= MaxChannels {
		p.Parts = []Part{{ID: "flow-all", Diagram: place(g, channelNodes(g.Channels))}}
		return p
	}
	groups := groupChannels(g.Channels)
	var overview []node
	for gi, grp := range groups {
		pages := (len(grp.channels) + MaxChannels - 1) / MaxChannels
		firstID := ""
		for pi := 0; pi < pages; pi++ {
			chans := grp.channels[pi*MaxChannels : min(len(grp.channels), (pi+1)*MaxChannels)]
			id := "flow-" + strconv.Itoa(gi+1) + "-" + strconv.Itoa(pi+1)
			if firstID == "" {
				firstID = id
			}
			title := grp.label + " · " + plural(len(grp.channels), "channel")
			if pages > 1 {
				title = grp.label + " · channels " + strconv.Itoa(pi*MaxChannels+1) + "–" +
					strconv.Itoa(pi*MaxChannels+len(chans)) + " of " + strconv.Itoa(len(grp.channels))
			}
			p.Parts = append(p.Parts, Part{ID: id, Title: title, Diagram: place(g, channelNodes(chans))})
		}
		overview = append(overview, groupNode(grp, "#"+firstID))
	}
	p.Overview = place(g, overview)
	return p
}

// node is a box to place with its arrows (before layout).
type node struct {
	lines  []string
	title  string
	href   string
	kind   string
	arrows []pendingArrow
}

type pendingArrow struct {
	label, title, href string
	send, dashed       bool
}

func channelNodes(chans []Channel) []node {
	out := make([]node, 0, len(chans))
	for _, c := range chans {
		n := node{href: c.Href, kind: "channel", lines: []string{c.Label}}
		title := []string{c.Label}
		if c.Address != "" && c.Address != c.Label {
			title = append(title, "address: "+c.Address)
		}
		if detail := serverLine(c); detail != "" {
			n.lines = append(n.lines, detail)
		}
		if len(c.Servers) > 0 {
			title = append(title, "servers: "+strings.Join(c.Servers, ", "))
		}
		if len(c.Ops) == 0 {
			n.kind = "idle"
			title = append(title, "no operation uses this channel")
		}
		n.title = strings.Join(title, "\n")
		// One arrow per operation; operations with the same direction and
		// messages are one arrow (a send and its twin in a component).
		seen := map[string]int{}
		for _, op := range c.Ops {
			key := strconv.FormatBool(op.Send) + strconv.FormatBool(op.Reply) + strings.Join(op.Messages, "\x00")
			verb := "receives"
			if op.Send {
				verb = "sends"
			}
			if op.Reply {
				verb += " (reply)"
			}
			line := op.Name + ": " + verb
			if len(op.Messages) > 0 {
				line += " " + strings.Join(op.Messages, ", ")
			}
			if i, ok := seen[key]; ok {
				n.arrows[i].title += "\n" + line
				continue
			}
			seen[key] = len(n.arrows)
			n.arrows = append(n.arrows, pendingArrow{
				label: strings.Join(op.Messages, ", "), title: line, href: op.Href, send: op.Send, dashed: op.Reply,
			})
		}
		out = append(out, n)
	}
	return out
}

// serverLine is the second line of a channel box: its protocols.
func serverLine(c Channel) string {
	protos := slices.Compact(slices.Sorted(slices.Values(c.Protocols)))
	return strings.Join(protos, " · ")
}

// group is a set of channels shown as one box on the overview.
type group struct {
	label    string
	channels []Channel
}

// groupChannels groups channels by what their addresses are about: the
// first segment after those every address shares that is neither a
// parameter ("{userId}") nor a version ("v1") — "{region}/v1/users/{id}" and
// "{tenant}/v1/users/{id}/events" are both in "users". When there are too
// many groups for one overview the smallest are folded into "other
// channels".
func groupChannels(chans []Channel) []group {
	split := make([][]string, len(chans))
	for i, c := range chans {
		split[i] = segments(cmp.Or(c.Address, c.Label))
	}
	common := commonPrefix(split)
	byKey := map[string]*group{}
	var order []string
	for i, c := range chans {
		key := groupKey(split[i], common)
		g := byKey[key]
		if g == nil {
			g = &group{label: key}
			byKey[key] = g
			order = append(order, key)
		}
		g.channels = append(g.channels, c)
	}
	groups := make([]group, 0, len(order))
	for _, k := range order {
		groups = append(groups, *byKey[k])
	}
	if len(groups) <= MaxChannels {
		return groups
	}
	// Keep the biggest groups (in their order of appearance), fold the rest.
	bySize := slices.Clone(groups)
	slices.SortStableFunc(bySize, func(a, b group) int { return cmp.Compare(len(b.channels), len(a.channels)) })
	keep := map[string]bool{}
	for _, g := range bySize[:MaxChannels-1] {
		keep[g.label] = true
	}
	var out []group
	other := group{label: "other channels"}
	for _, g := range groups {
		if keep[g.label] {
			out = append(out, g)
		} else {
			other.channels = append(other.channels, g.channels...)
		}
	}
	return append(out, other)
}

// groupKey is the segment of an address its group is named by.
func groupKey(segs []string, common int) string {
	if len(segs) == 0 {
		return "(no address)"
	}
	rest := segs[min(common, len(segs)-1):]
	for _, seg := range rest {
		if !isParameter(seg) && !isVersion(seg) {
			return seg
		}
	}
	return rest[0]
}

func isParameter(seg string) bool { return strings.HasPrefix(seg, "{") && strings.HasSuffix(seg, "}") }

// isVersion matches "v1", "V2", "v1beta".
func isVersion(seg string) bool {
	return len(seg) >= 2 && (seg[0] == 'v' || seg[0] == 'V') && seg[1] >= '0' && seg[1] <= '9'
}

// segments splits an address at "/" and "." (topics, routing keys, paths).
func segments(addr string) []string {
	return strings.FieldsFunc(addr, func(r rune) bool { return r == '/' || r == '.' })
}

// commonPrefix counts the leading segments all lists share, leaving at least
// one segment to group by in the longest list.
func commonPrefix(lists [][]string) int {
	if len(lists) == 0 {
		return 0
	}
	n := 0
	for {
		if n >= len(lists[0]) {
			return n
		}
		for _, l := range lists[1:] {
			if n >= len(l)-1 || l[n] != lists[0][n] {
				return n
			}
		}
		n++
	}
}

func groupNode(g group, href string) node {
	var recv, send, replies, idle int
	var protos []string
	for _, c := range g.channels {
		protos = append(protos, c.Protocols...)
		if len(c.Ops) == 0 {
			idle++
		}
		for _, op := range c.Ops {
			switch {
			case op.Reply:
				replies++
			case op.Send:
				send++
			default:
				recv++
			}
		}
	}
	n := node{href: href, kind: "group", lines: []string{g.label, plural(len(g.channels), "channel")}}
	if p := serverLine(Channel{Protocols: protos}); p != "" {
		n.lines[1] += " · " + p
	}
	n.title = g.label + "\n" + plural(len(g.channels), "channel") + ", " + plural(recv, "receive") + ", " +
		plural(send, "send") + ", " + plural(replies, "reply")
	if idle > 0 {
		n.title += "\n" + strconv.Itoa(idle) + " without operations"
	}
	if recv > 0 {
		n.arrows = append(n.arrows, pendingArrow{label: messageList(g, false), title: plural(recv, "receive operation"), href: href})
	}
	if send > 0 {
		n.arrows = append(n.arrows, pendingArrow{label: messageList(g, true), title: plural(send, "send operation"), href: href, send: true})
	}
	if len(n.arrows) == 0 {
		n.kind = "idle"
	}
	return n
}

// messageList names the messages a group's operations of one direction
// carry, each once (the arrow shortens the list to its width).
func messageList(g group, send bool) string {
	var names []string
	seen := map[string]bool{}
	for _, c := range g.channels {
		for _, op := range c.Ops {
			if op.Send != send || op.Reply {
				continue
			}
			for _, m := range op.Messages {
				if !seen[m] {
					seen[m] = true
					names = append(names, m)
				}
			}
		}
	}
	return strings.Join(names, ", ")
}

func plural(n int, word string) string {
	s := strconv.Itoa(n) + " " + word
	if n != 1 {
		if strings.HasSuffix(word, "y") {
			s = s[:len(s)-1] + "ies"
		} else {
			s += "s"
		}
	}
	return s
}

// place lays the nodes out in two columns: nodes the application only
// sends to on the right, the others on the left (receive and mixed), the
// columns kept even by moving mixed nodes right; the application spans the
// columns' height between them, so every arrow is a straight line.
func place(g Graph, nodes []node) *Diagram {
	var left, right []node
	var mixed []node
	for _, n := range nodes {
		send, recv := false, false
		for _, a := range n.arrows {
			if a.send {
				send = true
			} else {
				recv = true
			}
		}
		switch {
		case send && recv:
			mixed = append(mixed, n)
		case send:
			right = append(right, n)
		default:
			left = append(left, n)
		}
	}
	for _, n := range mixed {
		if len(right) < len(left) {
			right = append(right, n)
		} else {
			left = append(left, n)
		}
	}
	colH := func(col []node) int {
		h := 0
		for i, n := range col {
			if i > 0 {
				h += rowGap
			}
			h += nodeHeight(n)
		}
		return h
	}
	appH := max(minAppH, colH(left), colH(right))
	top := margin
	// A side with no channel takes no room.
	leftW, rightW := boxW+gap, boxW+gap
	if len(left) == 0 && len(right) > 0 {
		leftW = 0
	}
	if len(right) == 0 {
		rightW = 0
	}
	d := &Diagram{Width: 2*margin + leftW + appW + rightW, Height: top + appH + margin}
	appX := margin + leftW
	d.App = Box{X: appX, Y: top, W: appW, H: appH, Kind: "app", Href: g.App.Href,
		Lines: wrap(g.App.Label, appW-20, appChar, 2), Title: g.App.Label}
	d.App.Bold = len(d.App.Lines)
	if g.AppDetail != "" {
		d.App.Lines = append(d.App.Lines, fit(g.AppDetail, appW-16, labelChar))
	}
	column := func(col []node, x int, onRight bool) {
		y := top + (appH-colH(col))/2
		for _, n := range col {
			h := nodeHeight(n)
			b := Box{X: x, Y: y, W: boxW, H: h, Kind: n.kind, Href: n.href, Title: n.title, Bold: 1}
			for j, l := range n.lines {
				if j == 0 && n.kind != "group" {
					b.Lines = append(b.Lines, fitMiddle(l, boxW-16, charW))
				} else {
					b.Lines = append(b.Lines, fit(l, boxW-16, labelChar))
				}
			}
			d.Boxes = append(d.Boxes, b)
			d.addArrows(b, n.arrows, onRight)
			y += h + rowGap
		}
	}
	column(left, margin, false)
	column(right, appX+appW+gap, true)
	d.HasLeft, d.HasRight = len(left) > 0, len(right) > 0
	return d
}

// nodeHeight leaves each arrow of a box room for its label.
func nodeHeight(n node) int { return max(boxH, arrowPitch*len(n.arrows)+10) }

// addArrows draws a box's arrows to the application, spread over the box's
// height so that two never overlap.
func (d *Diagram) addArrows(b Box, arrows []pendingArrow, onRight bool) {
	n := len(arrows)
	for i, a := range arrows {
		y := b.Y + b.H/2
		if n > 1 {
			y = b.Y + b.H/2 - arrowPitch*(n-1)/2 + i*arrowPitch
		}
		boxEdge, appEdge := b.X+b.W, d.App.X
		if onRight {
			boxEdge, appEdge = b.X, d.App.X+d.App.W
		}
		ar := Arrow{Y1: y, Y2: y, Title: a.title, Href: a.href, Send: a.send, Dashed: a.dashed,
			Label: fit(a.label, gap-24, labelChar), LabelY: y - 5}
		if a.send {
			ar.X1, ar.X2 = appEdge, boxEdge
		} else {
			ar.X1, ar.X2 = boxEdge, appEdge
		}
		// The label sits over the line next to the channel box.
		if onRight {
			ar.LabelX, ar.LabelEnd = boxEdge-10, true
		} else {
			ar.LabelX = boxEdge + 10
		}
		d.Arrows = append(d.Arrows, ar)
	}
}

// wrap breaks s at spaces into at most lines lines of about width pixels,
// the last one shortened with an ellipsis.
func wrap(s string, width int, char float64, lines int) []string {
	max := int(float64(width) / char)
	words := strings.Fields(s)
	var out []string
	line := ""
	for i, w := range words {
		if line != "" && len([]rune(line))+1+len([]rune(w)) > max {
			if len(out) == lines-1 {
				line += " " + strings.Join(words[i:], " ")
				break
			}
			out = append(out, line)
			line = ""
		}
		if line == "" {
			line = w
		} else {
			line += " " + w
		}
	}
	out = append(out, line)
	out[len(out)-1] = fit(out[len(out)-1], width, char)
	return out
}

// fitMiddle shortens an address in its middle, keeping its start and its
// more telling end: "{region}/…/users/{userId}/events".
func fitMiddle(s string, width int, char float64) string {
	max := int(float64(width) / char)
	r := []rune(s)
	if len(r) <= max || max < 8 {
		return fit(s, width, char)
	}
	head := max / 3
	tail := max - head - 1
	return string(r[:head]) + "…" + string(r[len(r)-tail:])
}

// fit shortens s with an ellipsis to about width pixels of text.
func fit(s string, width int, char float64) string {
	max := int(float64(width) / char)
	r := []rune(s)
	if len(r) <= max || max < 2 {
		return s
	}
	return string(r[:max-1]) + "…"
}
