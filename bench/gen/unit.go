package gen

import (
	"fmt"
	"strings"
)

// unit is everything one channel brings: its names, protocol and fields.
// Names derive from the index alone, so refs between units are computable.
type unit struct {
	index    int
	total    int    // units in the document or workspace
	base     string // lowerCamel stem of message names: "order", "order2"
	pascal   string // stem of schema names: "Order", "Order2"
	noun     string // "order"
	channel  string // channel key
	address  string
	idParam  string
	protocol string
	team     string
	region   bool // whether the address also has {region}
	fields   []field
}

var protocols = []string{"kafka", "amqp", "ws"}

func newUnit(i, total int, seed uint64) unit {
	noun := entities[i%len(entities)]
	gen := i / len(entities)
	base := noun
	if gen > 0 {
		base = fmt.Sprintf("%s%d", noun, gen+1)
	}
	r := newRNG(seed ^ uint64(i+1)*0x9e3779b97f4a7c15)
	u := unit{
		index:    i,
		total:    total,
		base:     base,
		pascal:   upperFirst(base),
		noun:     noun,
		channel:  base + "Events",
		idParam:  noun + "Id",
		protocol: protocols[i%len(protocols)],
		team:     teams[i%len(teams)], // in turn, so ten channels use every team tag
		region:   i%2 == 0,
	}
	prefix := ""
	if u.region {
		prefix = "{region}/"
	}
	u.address = fmt.Sprintf("%s{tenantId}/v%d/%ss/{%s}/events", prefix, gen+1, noun, u.idParam)
	u.fields = pickFields(r, 5)
	return u
}

// pickFields chooses n distinct fields in a stable order.
func pickFields(r *rng, n int) []field {
	idx := make([]int, len(fieldPool))
	for i := range idx {
		idx[i] = i
	}
	for i := 0; i < n; i++ {
		j := i + r.intn(len(idx)-i)
		idx[i], idx[j] = idx[j], idx[i]
	}
	out := make([]field, n)
	for i := 0; i < n; i++ {
		out[i] = fieldPool[idx[i]]
	}
	return out
}

func upperFirst(s string) string { return strings.ToUpper(s[:1]) + s[1:] }

func (u unit) title() string {
	return fmt.Sprintf("%s events (v%d)", upperFirst(u.noun), u.index/len(entities)+1)
}

// msg names a component message of this unit: msg("Created") = "orderCreated".
func (u unit) msg(event string) string { return u.base + event }

// deletedInline reports whether the Deleted message is written inline in
// the channel instead of referenced from components.
func (u unit) deletedInline() bool { return u.index%3 == 1 }

// hasReply reports whether the unit's receive operation replies on the
// previous unit's channel.
func (u unit) hasReply() bool { return u.index%4 == 3 }

func (u unit) description() block {
	return block(fmt.Sprintf("Lifecycle events of %[1]ss, owned by the %[2]s team.\n"+
		"Every change to %[3]s %[1]s is published here exactly once, keyed by the %[1]s id.\n"+
		"Consumers must tolerate redelivery: use the eventId header to deduplicate.\n",
		u.noun, u.team, article(u.noun)))
}
