// Package flow lays out and draws the event-flow picture of an API as SVG:
// the application in the middle, the channels it receives from on its left,
// the channels it sends to on its right, an arrow per operation in the
// direction of the action (replies dashed) labelled with its messages, and
// the servers' protocols on each channel.
//
// Big APIs stay legible: past MaxChannels channels the picture becomes an
// overview of channel groups (by the leading segment of their addresses)
// followed by one diagram per group, split into pages of at most MaxChannels
// channels. Every box and arrow links to its section of the page.
//
// The input is the small Graph below, filled by the page builder; the package
// knows nothing of AsyncAPI documents and imports nothing of the project.
package flow

// Graph is what the picture shows.
type Graph struct {
	App       Link   // the application (the document's title)
	AppDetail string // a second line under the title (its version)
	Channels  []Channel
}

// Link is a label and the page anchor it leads to ("#id").
type Link struct {
	Label string
	Href  string
}

// Channel is one channel the application uses.
type Channel struct {
	Link
	// Address is what grouping reads ("" when the channel has none).
	Address   string
	Protocols []string // the protocols of its servers
	Servers   []string // its servers' names (shown on hover)
	Ops       []Op
}

// Op is one arrow: an operation, or the reply of one.
type Op struct {
	Href     string   // the operation's section
	Name     string   // the operation's name (shown on hover)
	Messages []string // the messages it carries: the arrow's label
	Send     bool     // the application sends: the arrow points at the channel
	Reply    bool     // a reply: drawn dashed
}

// MaxChannels is the most channels one diagram holds; more are grouped.
const MaxChannels = 24
