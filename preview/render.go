package preview

import (
	"crypto/rand"
	"embed"
	"encoding/base64"
	"html/template"
	"io"
	"runtime"
	"strconv"
	"sync"

	"asyncapi-ls/preview/flow"
)

//go:embed page.tmpl page.css page.js
var assets embed.FS

var (
	pageTemplate = template.Must(template.New("").Funcs(pageFuncs).ParseFS(assets, "page.tmpl"))
	pageCSS      = mustRead("page.css")
	pageJS       = mustRead("page.js")
)

func mustRead(name string) string {
	b, err := assets.ReadFile(name)
	if err != nil {
		panic(err)
	}
	return string(b)
}

// Options say how a page is served.
type Options struct {
	// Nonce lets the page's one script and style run under its
	// Content-Security-Policy; NewNonce makes one per response.
	Nonce string
	// Live pages follow the document: the script listens for changes.
	Live bool
	// Stamp is the source's stamp when the page was rendered: the live
	// script hands it back so that a change made meanwhile is not missed.
	Stamp string
	// Fragment renders only the table of contents and the content, which
	// the live page's script puts in place of its own (no head, no script).
	Fragment bool
}

// NewNonce returns a fresh unguessable nonce (128 bits).
func NewNonce() string {
	var b [16]byte
	_, _ = rand.Read(b[:]) // crypto/rand.Read never fails
	return base64.RawURLEncoding.EncodeToString(b[:])
}

// CSP is the Content-Security-Policy of a page with this nonce: nothing
// loads from anywhere, only the nonced script and style run, the live page
// may talk to the server it came from.
func CSP(nonce string) string {
	return "default-src 'none'; script-src 'nonce-" + nonce + "'; style-src 'nonce-" + nonce +
		"'; img-src data:; connect-src 'self'; base-uri 'none'; form-action 'none'"
}

// part is one drawn diagram for the template.
type part struct {
	ID, Title string
	SVG       template.HTML
}

// Write renders the page as one self-contained HTML document.
func Write(w io.Writer, p *Page, opts Options) error {
	if opts.Nonce == "" {
		opts.Nonce = NewNonce()
	}
	data := struct {
		Page        *Page
		Nonce       string
		CSP         string
		CSS         template.CSS
		JS          template.JS
		Live        bool
		Stamp       string
		OverviewSVG template.HTML
		PartSVGs    []part
		// The repeated parts, written with markup beforehand, the long
		// lists on every core.
		TOC, ServersHTML, ByTagHTML             template.HTML
		ChannelsHTML, MessagesHTML, SchemasHTML []template.HTML
	}{Page: p, Nonce: opts.Nonce, CSP: CSP(opts.Nonce), CSS: template.CSS(pageCSS), JS: template.JS(pageJS), Live: opts.Live, Stamp: opts.Stamp}
	data.TOC = piece(func(m *markup) { m.toc(p) })
	data.ServersHTML = piece(func(m *markup) {
		for _, s := range p.Servers {
			m.server(s)
		}
	})
	data.ByTagHTML = piece(func(m *markup) { m.tagGroups(p.ByTag) })
	data.ChannelsHTML = writeAll(p.Channels, (*markup).channel)
	data.MessagesHTML = writeAll(p.Messages, (*markup).message)
	data.SchemasHTML = writeAll(p.Schemas, (*markup).namedSchema)
	if pic := p.Flow; pic != nil {
		if pic.Overview != nil {
			data.OverviewSVG = pic.Overview.SVG("flow-overview", flowSummary(p.Title, pic.Overview))
		}
		for _, pt := range pic.Parts {
			data.PartSVGs = append(data.PartSVGs, part{ID: pt.ID, Title: pt.Title, SVG: pt.Diagram.SVG(pt.ID+"-svg", flowSummary(p.Title, pt.Diagram))})
		}
	}
	if opts.Fragment {
		return pageTemplate.ExecuteTemplate(w, "fragment", data)
	}
	return pageTemplate.ExecuteTemplate(w, "page", data)
}

func flowSummary(title string, d *flow.Diagram) string {
	if title == "" {
		title = "The application"
	}
	return title + ": " + strconv.Itoa(len(d.Boxes)) + " channels, " + strconv.Itoa(len(d.Arrows)) + " arrows"
}

// writeEach writes every item on its own, on every core, and returns one
// piece of HTML per item (see writeAll).
func writeEach[T any](items []T, write func(*markup, T)) []template.HTML {
	out := make([]template.HTML, len(items))
	runs := min(runtime.GOMAXPROCS(0), len(items), 16)
	var wg sync.WaitGroup
	for r := range runs {
		wg.Go(func() {
			for i := r; i < len(items); i += runs {
				var m markup
				write(&m, items[i])
				out[i] = m.html()
			}
		})
	}
	wg.Wait()
	return out
}

// writeAll writes every item, the items split in one run per core, and
// returns the runs' HTML in order.
func writeAll[T any](items []T, write func(*markup, T)) []template.HTML {
	if len(items) == 0 {
		return nil
	}
	runs := min(runtime.GOMAXPROCS(0), len(items), 16)
	if len(items) < 64 {
		runs = 1
	}
	out := make([]template.HTML, runs)
	var wg sync.WaitGroup
	for r := range runs {
		lo, hi := r*len(items)/runs, (r+1)*len(items)/runs
		wg.Go(func() {
			var m markup
			for _, it := range items[lo:hi] {
				write(&m, it)
			}
			out[r] = m.html()
		})
	}
	wg.Wait()
	return out
}
