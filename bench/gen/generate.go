package gen

import (
	"bytes"
	"strings"
)

// Generate returns one AsyncAPI document. It panics on an unsupported
// version, since callers pass constants; use Check to test user input.
func Generate(opts Options) []byte {
	opts = opts.normalized()
	if err := opts.validate(); err != nil {
		panic(err)
	}
	var doc *object
	if strings.HasPrefix(opts.Version, "2.") {
		doc = buildV2(opts)
	} else {
		doc = buildV3(opts)
	}
	return render(doc, opts.Format)
}

// Check reports whether opts name a document Generate can write.
func Check(opts Options) error { return opts.normalized().validate() }

func render(doc *object, f Format) []byte {
	var b bytes.Buffer
	if f == JSON {
		writeJSON(&b, doc, 0)
		b.WriteByte('\n')
	} else {
		writeYAML(&b, doc)
	}
	return b.Bytes()
}
