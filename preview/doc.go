// Package preview renders an AsyncAPI document as a page a person reads: the
// documentation (info, servers, channels, operations, messages with their
// schemas, components) and the event-flow picture, as one self-contained HTML
// file with its styles, its one script and an SVG drawn here.
//
// It reads the API model (analysis/model) and the document text, and returns
// bytes; it must not import go.lsp.dev, server/ or a logger. The static
// command (`asyncapi-ls docs`), the live command (`asyncapi-ls preview`) and
// the language server's `asyncapi.preview` command all call it; the live
// HTTP side is preview/live.
//
// Safety is part of rendering: every string from the document is escaped for
// its place, by html/template in page.tmpl (the frame of the page) and by
// markup.go's escapers, which give html/template's bytes (FuzzMarkupEscapes),
// in the repeated parts written directly for speed; descriptions are CommonMark with raw HTML off and links
// limited to http, https, mailto and in-page anchors, images are never
// loaded, and the page carries a Content-Security-Policy that lets only its
// own script (by nonce) run.
package preview
