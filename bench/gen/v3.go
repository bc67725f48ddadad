package gen

import "fmt"

// buildV3 writes an AsyncAPI 3.x document (3.0.0 and 3.1.0 share a shape).
func buildV3(opts Options) *object {
	units := make([]unit, opts.Channels)
	for i := range units {
		units[i] = newUnit(i, opts.Channels, opts.Seed)
	}
	channels, operations := obj(), obj()
	schemas, messages := sharedSchemas(local), obj()
	for _, u := range units {
		channels.set(u.channel, v3Channel(u, local))
		v3Operations(operations, u, local)
		unitSchemas(schemas, u, local)
		v3UnitMessages(messages, u, local)
	}
	components := obj().set("schemas", schemas).set("messages", messages)
	shared := v3SharedComponents(local)
	components.keys = append(components.keys, shared.keys...)
	components.vals = append(components.vals, shared.vals...)
	return obj().
		set("asyncapi", opts.Version).
		set("id", "urn:com:example:events").
		set("info", v3Info(opts).set("tags", list(obj().set("name", "generated")))).
		set("defaultContentType", "application/json").
		set("servers", v3Servers(local)).
		set("channels", channels).
		set("operations", operations).
		set("components", components)
}

// v3SharedComponents are the components every unit uses, except schemas
// and messages.
func v3SharedComponents(loc locator) *object {
	return obj().
		set("parameters", v3Parameters()).
		set("securitySchemes", v3SecuritySchemes()).
		set("messageTraits", v3MessageTraits(loc)).
		set("operationTraits", v3OperationTraits()).
		set("correlationIds", obj().set("byCorrelationId", obj().
			set("description", "Correlates a request with its replies.").
			set("location", "$message.header#/correlationId"))).
		set("tags", v3Tags())
}

func v3Info(opts Options) *object {
	return obj().
		set("title", fmt.Sprintf("Example event platform (%d channels)", opts.Channels)).
		set("version", "1.4.0").
		set("description", block("Events exchanged between the services of an example shop.\n\n"+
			"Generated for benchmarks: the content is synthetic but shaped like a real API.\n")).
		set("contact", obj().
			set("name", "Platform team").
			set("url", "https://platform.example.com").
			set("email", "platform@example.com")).
		set("license", obj().set("name", "Apache 2.0").set("url", "https://www.apache.org/licenses/LICENSE-2.0"))
}

func v3Servers(loc locator) *object {
	return obj().
		set("production", obj().
			set("host", "kafka.example.com:9092").
			set("protocol", "kafka").
			set("protocolVersion", "3.6").
			set("description", "Production Kafka cluster.").
			set("security", list(ref(loc("securitySchemes", "saslScram")))).
			set("bindings", obj().set("kafka", obj().
				set("schemaRegistryUrl", "https://registry.example.com").
				set("schemaRegistryVendor", "confluent").
				set("bindingVersion", "0.5.0")))).
		set("rabbit", obj().
			set("host", "rabbitmq.example.com:5672").
			set("protocol", "amqp").
			set("protocolVersion", "0.9.1").
			set("description", "Broker for work queues.").
			set("security", list(ref(loc("securitySchemes", "brokerUser"))))).
		set("gateway", obj().
			set("host", "ws.example.com").
			set("pathname", "/stream").
			set("protocol", "wss").
			set("description", "Browser-facing WebSocket gateway.").
			set("security", list(ref(loc("securitySchemes", "apiKey")))))
}

func serverFor(protocol string) string {
	switch protocol {
	case "kafka":
		return "production"
	case "amqp":
		return "rabbit"
	}
	return "gateway"
}

func v3Channel(u unit, loc locator) *object {
	params := obj()
	if u.region {
		params.set("region", ref(loc("parameters", "region")))
	}
	params.set("tenantId", ref(loc("parameters", "tenantId")))
	params.set(u.idParam, obj().
		set("description", fmt.Sprintf("Identifier of the %s.", u.noun)).
		set("examples", strs(fakeUUID(u.index, 1))).
		set("location", "$message.payload#/data/id"))
	msgs := obj().
		set(u.msg("Created"), ref(loc("messages", u.msg("Created")))).
		set(u.msg("Updated"), ref(loc("messages", u.msg("Updated"))))
	if u.deletedInline() {
		msgs.set(u.msg("Deleted"), v3Message(u, "Deleted", loc))
	} else {
		msgs.set(u.msg("Deleted"), ref(loc("messages", u.msg("Deleted"))))
	}
	ch := obj().
		set("address", u.address).
		set("title", u.title()).
		set("summary", fmt.Sprintf("Changes to %ss.", u.noun)).
		set("description", u.description()).
		set("servers", list(ref("#/servers/"+serverFor(u.protocol)))).
		set("parameters", params).
		set("messages", msgs).
		set("tags", list(ref(loc("tags", u.team))))
	if b := v3ChannelBindings(u); b != nil {
		ch.set("bindings", b)
	}
	if u.index%5 == 0 {
		ch.set("externalDocs", obj().
			set("description", "Runbook").
			set("url", fmt.Sprintf("https://docs.example.com/runbooks/%s", u.channel)))
	}
	return ch
}

func v3ChannelBindings(u unit) *object {
	switch u.protocol {
	case "kafka":
		return obj().set("kafka", obj().
			set("topic", fmt.Sprintf("%s.%s.events.v1", u.team, u.base)).
			set("partitions", 6+u.index%4*6).
			set("replicas", 3).
			set("topicConfiguration", obj().
				set("cleanup.policy", strs("delete")).
				set("retention.ms", 604800000)).
			set("bindingVersion", "0.5.0"))
	case "amqp":
		return obj().set("amqp", obj().
			set("is", "routingKey").
			set("exchange", obj().
				set("name", u.team+".events").
				set("type", "topic").
				set("durable", true).
				set("autoDelete", false).
				set("vhost", "/")).
			set("bindingVersion", "0.3.0"))
	}
	return obj().set("ws", obj().
		set("method", "GET").
		set("query", obj().set("type", "object").set("properties", obj().
			set("since", str().set("format", "date-time")))).
		set("bindingVersion", "0.1.0"))
}

func v3Operations(ops *object, u unit, loc locator) {
	chRef := ref("#/channels/" + u.channel)
	msgRef := func(event string) *object {
		return ref("#/channels/" + u.channel + "/messages/" + u.msg(event))
	}
	send := obj().
		set("action", "send").
		set("channel", chRef).
		set("summary", fmt.Sprintf("Publish %s created.", u.noun)).
		set("description", fmt.Sprintf("Emitted once %s %s is stored.", article(u.noun), u.noun)).
		set("security", list(ref(loc("securitySchemes", "oauth")))).
		set("messages", list(msgRef("Created")))
	if b := v3OperationBindings(u); b != nil {
		send.set("bindings", b)
	}
	ops.set("send"+u.pascal+"Created", send)

	recv := obj().
		set("action", "receive").
		set("channel", ref("#/channels/"+u.channel)).
		set("description", fmt.Sprintf("React to %s changes.", u.noun)).
		set("messages", list(msgRef("Updated"), msgRef("Deleted")))
	if u.protocol != "ws" {
		recv.set("traits", list(ref(loc("operationTraits", u.protocol+"Consumer"))))
	}
	if u.hasReply() {
		prev := newUnit(u.index-1, u.total, 0)
		// No reply address: the spec requires the reply channel's own
		// address to be null when one is given, and these channels have one.
		recv.set("reply", obj().
			set("channel", ref("#/channels/"+prev.channel)).
			set("messages", list(ref("#/channels/"+prev.channel+"/messages/"+prev.msg("Updated")))))
	}
	ops.set("on"+u.pascal+"Changed", recv)
}

func v3OperationBindings(u unit) *object {
	switch u.protocol {
	case "kafka":
		return obj().set("kafka", obj().
			set("clientId", str().set("enum", strs(u.team+"-producer"))).
			set("bindingVersion", "0.5.0"))
	case "amqp":
		return obj().set("amqp", obj().
			set("deliveryMode", 2).
			set("priority", 5).
			set("mandatory", true).
			set("timestamp", true).
			set("bindingVersion", "0.3.0"))
	}
	return nil
}

func v3UnitMessages(m *object, u unit, loc locator) {
	m.set(u.msg("Created"), v3Message(u, "Created", loc))
	m.set(u.msg("Updated"), v3Message(u, "Updated", loc))
	if !u.deletedInline() {
		m.set(u.msg("Deleted"), v3Message(u, "Deleted", loc))
	}
}

func v3Message(u unit, event string, loc locator) *object {
	m := obj().
		set("name", u.msg(event)).
		set("title", fmt.Sprintf("%s %s", upperFirst(u.noun), lowerWord(event))).
		set("summary", fmt.Sprintf("%s %s was %s.", upperFirst(article(u.noun)), u.noun, lowerWord(event))).
		set("traits", list(ref(loc("messageTraits", "commonHeaders")))).
		set("payload", ref(loc("schemas", payloadSchema(u, event))))
	if b := v3MessageBindings(u, event); b != nil {
		m.set("bindings", b)
	}
	if event == "Created" || event == "Deleted" && u.deletedInline() {
		// Examples on every message would bloat the document past the
		// size real APIs of this channel count have.
		m.set("examples", messageExamples(u, event))
	}
	return m
}

func v3MessageBindings(u unit, event string) *object {
	switch u.protocol {
	case "kafka":
		return obj().set("kafka", obj().
			set("key", str().set("format", "uuid").set("description", fmt.Sprintf("The %s id.", u.noun))).
			set("schemaIdLocation", "header").
			set("bindingVersion", "0.5.0"))
	case "amqp":
		return obj().set("amqp", obj().
			set("contentEncoding", "gzip").
			set("messageType", fmt.Sprintf("%s.%s", u.noun, lowerWord(event))).
			set("bindingVersion", "0.3.0"))
	}
	return nil
}

func messageExamples(u unit, event string) []any {
	payload := envelopeExample(u, 0)
	switch event {
	case "Created":
		payload.set("data", entityExample(u))
	case "Updated":
		payload.set("changes", list(obj().set("field", u.fields[0].name).set("from", nil).set("to", u.fields[0].example)))
	default:
		payload.set("id", fakeUUID(u.index, 1)).set("reason", "requested")
	}
	return list(obj().
		set("name", "typical").
		set("summary", fmt.Sprintf("A typical %s %s event.", u.noun, lowerWord(event))).
		set("headers", headersExample(u, 0)).
		set("payload", payload))
}

func lowerWord(s string) string {
	if s == "" {
		return s
	}
	return string(s[0]|0x20) + s[1:]
}

func v3Parameters() *object {
	return obj().
		set("tenantId", obj().
			set("description", "Tenant that owns the data.").
			set("examples", strs("acme", "globex"))).
		set("region", obj().
			set("description", "Deployment region.").
			set("enum", strs(regions...)).
			set("default", regions[0]))
}

func v3SecuritySchemes() *object {
	return obj().
		set("oauth", obj().
			set("type", "oauth2").
			set("description", "Client credentials issued by the identity service.").
			set("flows", obj().set("clientCredentials", obj().
				set("tokenUrl", "https://auth.example.com/oauth/token").
				set("availableScopes", obj().
					set("events:write", "Publish events.").
					set("events:read", "Consume events.")))).
			set("scopes", strs("events:write"))).
		set("saslScram", obj().
			set("type", "scramSha512").
			set("description", "SASL/SCRAM credentials per service.")).
		set("brokerUser", obj().
			set("type", "userPassword").
			set("description", "Broker user and password.")).
		set("apiKey", obj().
			set("type", "httpApiKey").
			set("name", "X-API-Key").
			set("in", "header"))
}

func v3MessageTraits(loc locator) *object {
	return obj().set("commonHeaders", obj().
		set("headers", ref(loc("schemas", "EventHeaders"))).
		set("contentType", "application/json").
		set("correlationId", ref(loc("correlationIds", "byCorrelationId"))))
}

func v3OperationTraits() *object {
	return obj().
		set("kafkaConsumer", obj().
			set("description", "Consumers join one group per service.").
			set("bindings", obj().set("kafka", obj().
				set("groupId", str().set("pattern", "^[a-z-]+-consumers$")).
				set("bindingVersion", "0.5.0")))).
		set("amqpConsumer", obj().
			set("description", "Consumers acknowledge after processing.").
			set("bindings", obj().set("amqp", obj().
				set("ack", true).
				set("bindingVersion", "0.3.0"))))
}

func v3Tags() *object {
	t := obj()
	for _, team := range teams {
		t.set(team, obj().set("name", team).set("description", fmt.Sprintf("Owned by the %s team.", team)))
	}
	return t
}
