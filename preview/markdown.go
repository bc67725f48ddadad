package preview

import (
	"bytes"
	"html/template"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// markdown renders the CommonMark of descriptions. goldmark leaves raw HTML
// out by default (WithUnsafe is never set); its own URL check is a deny
// list, so linkPolicy below narrows links to an allow list and turns images
// into links: the page never loads anything.
var markdown = goldmark.New(
	goldmark.WithExtensions(extension.Table, extension.Strikethrough, extension.Linkify),
	goldmark.WithParserOptions(parser.WithASTTransformers(util.Prioritized(linkPolicy{}, 0))),
)

// Markdown renders a description. Headings move down so that a "# Title" in
// a description stays below the section it belongs to.
func Markdown(src string) template.HTML {
	if strings.TrimSpace(src) == "" {
		return ""
	}
	var buf bytes.Buffer
	if err := markdown.Convert([]byte(src), &buf); err != nil {
		// goldmark reports only writer errors, and a bytes.Buffer has none;
		// fall back to the escaped text all the same.
		return template.HTML("<p>" + template.HTMLEscapeString(src) + "</p>")
	}
	return template.HTML(buf.String()) // goldmark escaped every text and attribute
}

// SafeURL reports whether a link may appear on the page: http, https and
// mailto addresses, and anchors within the page.
func SafeURL(u string) bool {
	u = strings.TrimSpace(u)
	if strings.HasPrefix(u, "#") {
		return true
	}
	scheme, _, ok := strings.Cut(u, ":")
	if !ok {
		return false
	}
	switch strings.ToLower(scheme) {
	case "http", "https":
		return strings.HasPrefix(u[len(scheme)+1:], "//")
	case "mailto":
		return true
	}
	return false
}

// headingShift moves description headings below the page's own (h1 title,
// h2 sections, h3 items).
const headingShift = 3

// linkPolicy rewrites the parsed description: links with a destination the
// page does not allow become their text, images become a link to the image
// (or their text), external links open outside the preview, headings move
// down.
type linkPolicy struct{}

func (linkPolicy) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	src := reader.Source()
	var unwrap []ast.Node
	var images []*ast.Image
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			n.Level = min(n.Level+headingShift, 6)
		case *ast.Link:
			if !SafeURL(string(n.Destination)) {
				unwrap = append(unwrap, n)
			} else {
				markExternal(n, string(n.Destination))
			}
		case *ast.AutoLink:
			url := string(n.URL(src))
			if n.AutoLinkType == ast.AutoLinkEmail && !strings.HasPrefix(strings.ToLower(url), "mailto:") {
				url = "mailto:" + url
			}
			if !SafeURL(url) {
				unwrap = append(unwrap, n)
			} else {
				markExternal(n, url)
			}
		case *ast.Image:
			images = append(images, n)
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	for _, img := range images {
		alt := plainText(img, src)
		if alt == "" {
			alt = "image"
		}
		label := ast.NewString([]byte("[" + alt + "]"))
		parent := img.Parent()
		if SafeURL(string(img.Destination)) && !strings.HasPrefix(string(img.Destination), "#") {
			link := ast.NewLink()
			link.Destination = img.Destination
			link.Title = img.Title
			link.AppendChild(link, label)
			markExternal(link, string(img.Destination))
			parent.ReplaceChild(parent, img, link)
		} else {
			parent.ReplaceChild(parent, img, label)
		}
	}
	for _, n := range unwrap {
		parent := n.Parent()
		if parent == nil {
			continue
		}
		if auto, ok := n.(*ast.AutoLink); ok {
			parent.ReplaceChild(parent, n, ast.NewString(auto.Label(src)))
			continue
		}
		for c := n.FirstChild(); c != nil; {
			next := c.NextSibling()
			parent.InsertBefore(parent, n, c)
			c = next
		}
		parent.RemoveChild(parent, n)
	}
}

// markExternal makes links that leave the page open in a new browsing
// context without a referrer.
func markExternal(n ast.Node, url string) {
	if strings.HasPrefix(url, "#") {
		return
	}
	n.SetAttributeString("target", []byte("_blank"))
	n.SetAttributeString("rel", []byte("noopener noreferrer"))
}

// plainText is the text of n's inline children (an image's alt text).
func plainText(n ast.Node, src []byte) string {
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			switch c := c.(type) {
			case *ast.Text:
				b.Write(c.Segment.Value(src))
			case *ast.String:
				b.Write(c.Value)
			}
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}
