package flow

import (
	"bytes"
	"html/template"
)

// svgTemplate draws a diagram. Colours come from the page's CSS classes
// (fl-*), so the picture follows the light or dark theme; html/template
// escapes every text and attribute.
var svgTemplate = template.Must(template.New("svg").Funcs(template.FuncMap{
	"add": func(a, b int) int { return a + b },
	"mul": func(a, b int) int { return a * b },
	"lineY": func(b Box, i int) int {
		if len(b.Lines) == 1 {
			return b.Y + b.H/2 + 4
		}
		return b.Y + 19 + i*16
	},
}).Parse(`<svg class="flow" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {{.D.Width}} {{.D.Height}}" width="{{.D.Width}}" height="{{.D.Height}}" role="img" aria-labelledby="{{.ID}}-title">
<title id="{{.ID}}-title">{{.Summary}}</title>
<defs>
<marker id="{{.ID}}-send" class="fl-head fl-send" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z"/></marker>
<marker id="{{.ID}}-recv" class="fl-head fl-recv" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z"/></marker>
</defs>
{{with .D.App}}<a class="fl-node fl-app" href="{{.Href}}"><title>{{.Title}}</title><rect x="{{.X}}" y="{{.Y}}" width="{{.W}}" height="{{.H}}" rx="10"/>{{$b := .}}{{range $i, $l := .Lines}}<text class="{{if lt $i $b.Bold}}fl-app-label{{else}}fl-detail{{end}}" x="{{$.AppMid}}" y="{{add $.AppY (mul $i 17)}}" text-anchor="middle">{{$l}}</text>{{end}}</a>{{end}}
{{range .D.Arrows}}<a class="fl-arrow{{if .Send}} fl-send{{else}} fl-recv{{end}}{{if .Dashed}} fl-reply{{end}}" href="{{.Href}}"><title>{{.Title}}</title><line x1="{{.X1}}" y1="{{.Y1}}" x2="{{.X2}}" y2="{{.Y2}}" marker-end="url(#{{$.ID}}-{{if .Send}}send{{else}}recv{{end}})"/>{{if .Label}}<text class="fl-label" x="{{.LabelX}}" y="{{.LabelY}}"{{if .LabelEnd}} text-anchor="end"{{end}}>{{.Label}}</text>{{end}}</a>
{{end}}{{range .D.Boxes}}{{$b := .}}<a class="fl-node fl-{{.Kind}}" href="{{.Href}}"><title>{{.Title}}</title><rect x="{{.X}}" y="{{.Y}}" width="{{.W}}" height="{{.H}}" rx="6"/>{{range $i, $l := .Lines}}<text class="{{if lt $i $b.Bold}}fl-name{{else}}fl-detail{{end}}" x="{{add $b.X 8}}" y="{{lineY $b $i}}">{{$l}}</text>{{end}}</a>
{{end}}</svg>`))

// SVG draws the diagram; id prefixes the ids inside it (arrow heads), so
// that several diagrams live on one page.
func (d *Diagram) SVG(id, summary string) template.HTML {
	var buf bytes.Buffer
	data := struct {
		D           *Diagram
		ID, Summary string
		Left, Right int
		AppMid      int
		AppY        int
	}{d, id, summary, margin, d.Width - margin, d.App.X + d.App.W/2, d.App.Y + d.App.H/2 - 17*(len(d.App.Lines)-1)/2 + 5}
	if err := svgTemplate.Execute(&buf, data); err != nil {
		return template.HTML("<p>" + template.HTMLEscapeString("picture failed: "+err.Error()) + "</p>")
	}
	return template.HTML(buf.String())
}
