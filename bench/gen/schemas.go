package gen

import "fmt"

// locator turns a component kind and name into a $ref string; single
// documents point inside themselves, workspaces point into other files.
type locator func(kind, name string) string

func local(kind, name string) string { return "#/components/" + kind + "/" + name }

// sharedSchemas are used by every unit.
func sharedSchemas(loc locator) *object {
	uuid := func(desc string) *object { return str().set("format", "uuid").set("description", desc) }
	return obj().
		set("EventEnvelope", obj().
			set("type", "object").
			set("description", "Fields every event carries.").
			set("required", strs("eventId", "occurredAt", "tenantId")).
			set("properties", obj().
				set("eventId", uuid("Unique per event; use it to deduplicate.")).
				set("occurredAt", str().set("format", "date-time")).
				set("tenantId", str().set("minLength", 1)).
				set("source", str().set("description", "Service that emitted the event.")).
				set("traceId", str().set("pattern", "^[0-9a-f]{32}$")))).
		set("EventHeaders", obj().
			set("type", "object").
			set("properties", obj().
				set("correlationId", uuid("Links a request to its replies.")).
				set("replyTo", str().set("description", "Address replies are sent to.")).
				set("schemaVersion", obj().set("type", "integer").set("minimum", 1)))).
		set("Money", obj().
			set("type", "object").
			set("required", strs("amount", "currency")).
			set("properties", obj().
				set("amount", obj().set("type", "string").set("pattern", "^-?[0-9]+(\\.[0-9]{1,4})?$")).
				set("currency", str().set("pattern", "^[A-Z]{3}$")))).
		set("PostalAddress", obj().
			set("type", "object").
			set("properties", obj().
				set("street", str()).
				set("city", str()).
				set("postalCode", str().set("maxLength", 16)).
				set("country", ref(loc("schemas", "CountryCode"))))).
		set("DeletedPayload", obj().set("allOf", list(ref(loc("schemas", "EventEnvelope")),
			obj().set("type", "object").set("properties", obj().
				set("id", str().set("format", "uuid")).
				set("reason", str().set("enum", strs("requested", "expired", "fraud", "duplicate"))))))).
		set("CountryCode", str().set("pattern", "^[A-Z]{2}$")).
		set("FieldChange", obj().
			set("type", "object").
			set("required", strs("field")).
			set("properties", obj().
				set("field", str()).
				set("from", obj().set("description", "Previous value, any type.")).
				set("to", obj().set("description", "New value, any type."))))
}

// unitSchemas adds the entity, its summary and one payload per event.
func unitSchemas(s *object, u unit, loc locator) {
	props := obj().set("id", str().set("format", "uuid"))
	for _, f := range u.fields {
		props.set(f.name, f.schema())
	}
	if u.index%2 == 0 {
		props.set("total", ref(loc("schemas", "Money")))
	} else {
		props.set("address", ref(loc("schemas", "PostalAddress")))
	}
	// Each entity points at the next one's summary, wrapping around, so
	// every summary is used and no chain of refs is cyclic.
	next := newUnit((u.index+1)%u.total, u.total, 0)
	props.set("related", ref(loc("schemas", next.pascal+"Summary")))
	s.set(u.pascal, obj().
		set("type", "object").
		set("description", fmt.Sprintf("%s %s as other services see it.", upperFirst(article(u.noun)), u.noun)).
		set("required", strs("id", u.fields[0].name)).
		set("properties", props))
	s.set(u.pascal+"Summary", obj().
		set("type", "object").
		set("properties", obj().
			set("id", str().set("format", "uuid")).
			set("displayName", str())))
	envelope := ref(loc("schemas", "EventEnvelope"))
	s.set(u.pascal+"CreatedPayload", obj().set("allOf", list(envelope,
		obj().set("type", "object").set("required", strs("data")).
			set("properties", obj().set("data", ref(loc("schemas", u.pascal)))))))
	s.set(u.pascal+"UpdatedPayload", obj().set("allOf", list(envelope,
		obj().set("type", "object").
			set("properties", obj().
				set("changes", obj().set("type", "array").set("items", ref(loc("schemas", "FieldChange"))))))))
}

// entityExample is a value valid against the unit's entity schema.
func entityExample(u unit) *object {
	e := obj().set("id", fakeUUID(u.index, 1))
	for _, f := range u.fields {
		e.set(f.name, f.example)
	}
	return e
}

func envelopeExample(u unit, n int) *object {
	return obj().
		set("eventId", fakeUUID(u.index, n+10)).
		set("occurredAt", "2026-04-01T10:15:00Z").
		set("tenantId", "acme").
		set("source", u.team+"-service")
}

func headersExample(u unit, n int) *object {
	return obj().set("correlationId", fakeUUID(u.index, n+20)).set("schemaVersion", 1)
}

// fakeUUID is a well-formed, stable UUID.
func fakeUUID(i, n int) string {
	return fmt.Sprintf("%08x-%04x-4%03x-8%03x-%012x", i*7919+n, n, i%4096, n%4096, i*104729+n)
}

// payloadSchema names the schema of one event's payload; deletions share one.
func payloadSchema(u unit, event string) string {
	if event == "Deleted" {
		return "DeletedPayload"
	}
	return u.pascal + event + "Payload"
}
