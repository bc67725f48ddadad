package flow

import (
	"encoding/xml"
	"fmt"
	"strings"
	"testing"
)

func sample(n int) Graph {
	g := Graph{App: Link{Label: "Shop <&> service", Href: "#info"}, AppDetail: "1.0.0"}
	areas := []string{"orders", "users", "payments", "stock", "mail"}
	for i := 0; i < n; i++ {
		addr := fmt.Sprintf("shop/%s/event%d", areas[i%len(areas)], i)
		c := Channel{Link: Link{Label: addr, Href: fmt.Sprintf("#channel-%d", i)}, Address: addr,
			Protocols: []string{"kafka"}, Servers: []string{"prod"}}
		switch i % 4 {
		case 0:
			c.Ops = []Op{{Href: "#op-r", Name: "r", Messages: []string{"Created"}}}
		case 1:
			c.Ops = []Op{{Href: "#op-s", Name: "s", Messages: []string{"Changed", "Deleted"}, Send: true}}
		case 2:
			c.Ops = []Op{{Href: "#op-a", Name: "a"}, {Href: "#op-b", Name: "b", Send: true}, {Href: "#op-c", Name: "c", Send: true, Reply: true}}
		}
		g.Channels = append(g.Channels, c)
	}
	return g
}

func TestSmallGraphIsOneDiagram(t *testing.T) {
	p := Layout(sample(8))
	if p.Overview != nil || len(p.Parts) != 1 {
		t.Fatalf("8 channels: overview %v, %d parts; want one diagram", p.Overview != nil, len(p.Parts))
	}
	d := p.Parts[0].Diagram
	if len(d.Boxes) != 8 {
		t.Errorf("%d boxes, want 8", len(d.Boxes))
	}
	// ops: 2 receive-only (1 arrow each), 2 send-only (1), 2 mixed (3), 2 idle (0)
	if len(d.Arrows) != 2+2+6 {
		t.Errorf("%d arrows, want 10", len(d.Arrows))
	}
	for _, a := range d.Arrows {
		towardsApp := a.X2 == d.App.X || a.X2 == d.App.X+d.App.W
		if a.Send == towardsApp {
			t.Errorf("arrow %q (send %v) points the wrong way: %d -> %d, app at %d..%d", a.Title, a.Send, a.X1, a.X2, d.App.X, d.App.X+d.App.W)
		}
	}
	checkNoOverlap(t, d)
	checkSVG(t, d)
}

func TestBigGraphIsGroupedAndPaged(t *testing.T) {
	p := Layout(sample(100))
	if p.Overview == nil {
		t.Fatal("100 channels: no overview")
	}
	if n := len(p.Overview.Boxes); n != 5 {
		t.Errorf("overview has %d groups, want 5 (by the segment after the shared 'shop/')", n)
	}
	seen := map[string]int{}
	for _, part := range p.Parts {
		if n := len(part.Diagram.Boxes); n > MaxChannels {
			t.Errorf("part %s holds %d channels, more than %d", part.ID, n, MaxChannels)
		}
		for _, b := range part.Diagram.Boxes {
			seen[b.Href]++
		}
		checkNoOverlap(t, part.Diagram)
		checkSVG(t, part.Diagram)
	}
	if len(seen) != 100 {
		t.Errorf("%d distinct channels drawn, want 100", len(seen))
	}
	for href, n := range seen {
		if n != 1 {
			t.Errorf("%s drawn %d times", href, n)
		}
	}
	for _, b := range p.Overview.Boxes {
		if !strings.HasPrefix(b.Href, "#flow-") {
			t.Errorf("group %q links to %q, not to its diagram", b.Lines[0], b.Href)
		}
	}
	checkSVG(t, p.Overview)
}

func TestManyGroupsFoldIntoOther(t *testing.T) {
	var g Graph
	for i := 0; i < 60; i++ {
		addr := fmt.Sprintf("area%d/x", i)
		g.Channels = append(g.Channels, Channel{Link: Link{Label: addr, Href: "#c" + fmt.Sprint(i)}, Address: addr})
	}
	p := Layout(g)
	if n := len(p.Overview.Boxes); n != MaxChannels {
		t.Fatalf("overview has %d boxes, want %d", n, MaxChannels)
	}
	if last := p.Overview.Boxes; !containsLine(last, "other channels") {
		t.Errorf("no 'other channels' group")
	}
}

func containsLine(bs []Box, s string) bool {
	for _, b := range bs {
		if len(b.Lines) > 0 && b.Lines[0] == s {
			return true
		}
	}
	return false
}

func TestLongLabelsAreShortened(t *testing.T) {
	long := strings.Repeat("segment/", 20)
	d := Layout(Graph{Channels: []Channel{{Link: Link{Label: long, Href: "#c"}, Ops: []Op{{Messages: []string{strings.Repeat("M", 100)}}}}}}).Parts[0].Diagram
	// An address keeps its start and its end, the middle goes.
	if got := d.Boxes[0].Lines[0]; len([]rune(got)) >= len(long) || !strings.Contains(got, "…") ||
		!strings.HasPrefix(got, "segment/") || !strings.HasSuffix(got, "segment/") {
		t.Errorf("label not shortened in the middle: %q", got)
	}
	if d.Boxes[0].Title == "" || !strings.Contains(d.Boxes[0].Title, long) {
		t.Errorf("the full label is not on hover: %q", d.Boxes[0].Title)
	}
	if got := d.Arrows[0].Label; !strings.HasSuffix(got, "…") {
		t.Errorf("arrow label not shortened: %q", got)
	}
}

func checkNoOverlap(t *testing.T, d *Diagram) {
	t.Helper()
	all := append([]Box{d.App}, d.Boxes...)
	for i := range all {
		a := all[i]
		if a.X < 0 || a.Y < 0 || a.X+a.W > d.Width || a.Y+a.H > d.Height {
			t.Errorf("box %q outside the picture", a.Title)
		}
		for _, b := range all[i+1:] {
			if a.X < b.X+b.W && b.X < a.X+a.W && a.Y < b.Y+b.H && b.Y < a.Y+a.H {
				t.Errorf("boxes %q and %q overlap", a.Title, b.Title)
			}
		}
	}
}

// checkSVG parses the drawing as XML and checks the links and the escaping.
func checkSVG(t *testing.T, d *Diagram) {
	t.Helper()
	svg := string(d.SVG("f", "summary"))
	dec := xml.NewDecoder(strings.NewReader(svg))
	links := 0
	for {
		tok, err := dec.Token()
		if err != nil {
			if err.Error() != "EOF" {
				t.Fatalf("SVG is not well-formed: %v\n%s", err, svg)
			}
			break
		}
		if se, ok := tok.(xml.StartElement); ok && se.Name.Local == "a" {
			links++
			for _, at := range se.Attr {
				if at.Name.Local == "href" && !strings.HasPrefix(at.Value, "#") {
					t.Errorf("link to %q leaves the page", at.Value)
				}
			}
		}
	}
	if want := 1 + len(d.Boxes) + len(d.Arrows); links != want {
		t.Errorf("%d links, want one per box and arrow (%d)", links, want)
	}
	if strings.Contains(svg, "<&>") {
		t.Error("text is not escaped")
	}
}
