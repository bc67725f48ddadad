package convert

import (
	"strings"

	"asyncapi-ls/analysis"
	"asyncapi-ls/analysis/refs"
	"asyncapi-ls/analysis/source"
	"asyncapi-ls/analysis/syntax"
)

// The 2.x habits in a 3.x document (a server's url, a parameter's schema, a
// channel without address, publish/subscribe in a channel, message in an
// operation) are mended by the same rules that convert a whole 2.x
// document, applied to one object; quick fixes call these. Each takes the
// JSON pointer tokens of the object and returns the edits, or nil when the
// object is not there or has nothing to mend. Local references into the
// places that moved are rewritten too.

// FixServerURL splits the url of the server at path into host and pathname.
func FixServerURL(doc *analysis.Document, path []string) []source.Edit {
	return fixWith(doc, func(c *v2tov3) bool {
		s := c.root.pointer(path)
		if !s.get("url").isString() {
			return false
		}
		c.serverURL(s, path)
		return true
	})
}

// FixParameterSchema turns the schema of the parameter at path into its
// enum, default, examples and description.
func FixParameterSchema(doc *analysis.Document, path []string) []source.Edit {
	return fixWith(doc, func(c *v2tov3) bool {
		p := c.root.pointer(path)
		if !p.isMap() || !p.has("schema") || p.has("$ref") {
			return false
		}
		c.parameter(p, path)
		return true
	})
}

// FixChannelAddress gives the channel at path (its key written the way an
// address is) the address its key spells.
func FixChannelAddress(doc *analysis.Document, path []string) []source.Edit {
	return fixWith(doc, func(c *v2tov3) bool {
		ch := c.root.pointer(path)
		if len(path) == 0 || !ch.isMap() || ch.has("address") || ch.has("$ref") {
			return false
		}
		ch.insert(0, "address", newStr(path[len(path)-1]))
		return true
	})
}

// FixChannelOperations moves the publish and subscribe operations of the
// 3.x channel at path out into the operations (of the root, or of the
// components for a channel component), their messages into the channel.
func FixChannelOperations(doc *analysis.Document, path []string, perspective string) []source.Edit {
	return fixWith(doc, func(c *v2tov3) bool {
		c.opts.Perspective = perspective
		ch := c.root.pointer(path)
		if len(path) == 0 || !ch.isMap() || !ch.get("publish").isMap() && !ch.get("subscribe").isMap() {
			return false
		}
		// In a 3.x document the key is the channel's id, and the old places
		// of the operations are under it too.
		id := path[len(path)-1]
		inComponents := len(path) == 3 && path[0] == "components"
		c.channelOperations(ch, id, id, inComponents, false)
		return true
	})
}

// FixOperationMessage moves the 2.x message (or oneOf messages) of the 3.x
// operation at path into the messages of its channel, and references them
// from the operation's messages.
func FixOperationMessage(doc *analysis.Document, path []string) []source.Edit {
	return fixWith(doc, func(c *v2tov3) bool {
		op := c.root.pointer(path)
		if !op.isMap() || !op.has("message") || op.has("messages") || len(path) == 0 {
			return false
		}
		ref := op.get("channel").get("$ref").str()
		if !strings.HasPrefix(ref, "#/") {
			return false
		}
		channelPath, err := refs.ParsePointer(ref[1:])
		if err != nil {
			return false
		}
		ch := c.root.pointer(channelPath)
		if !ch.isMap() || ch.has("$ref") {
			return false
		}
		// A message the channel already lists (the same reference, or the
		// message reached through the channel) is referenced from there,
		// not added a second time.
		if target := op.get("message").get("$ref").str(); target != "" {
			for _, m := range ch.get("messages").entryList() {
				through := "#" + refs.FormatPointer(append(channelPath[:len(channelPath):len(channelPath)], "messages", m.key))
				if m.value.get("$ref").str() == target || through == target {
					i := op.index("message")
					op.take("message")
					op.insert(i, "messages", newSeq(newMap("$ref", newStr(through))))
					return true
				}
			}
		}
		oldMsg := append(path[:len(path):len(path)], "message")
		msgs := c.operationMessages(op, path[len(path)-1], oldMsg, append(channelPath, "messages"))
		c.placeMessages(ch, msgs, len(ch.entryList()))
		return true
	})
}

// fixWith runs one rule on the tree of doc, rewrites the references into
// what it moved, and returns the edits.
func fixWith(doc *analysis.Document, rule func(c *v2tov3) bool) []source.Edit {
	f := doc.File()
	if f.Root == nil || f.Root.Kind != syntax.Mapping || len(f.Errors) > 0 || loneCR(doc.Text) {
		return nil
	}
	c := &v2tov3{run: &run{doc: doc, src: doc.Text, root: wrap(f.Root), opts: Options{Perspective: "application"}},
		moved: map[string][]string{}, msgPaths: map[*node][]string{}}
	if !rule(c) {
		return nil
	}
	c.rewriteMovedRefs()
	res, err := c.print(f)
	if err != nil {
		return nil
	}
	return res.Edits
}
