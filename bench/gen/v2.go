package gen

import "fmt"

// buildV2 writes an AsyncAPI 2.6 document: channels keyed by address with
// publish/subscribe operations, the shape most existing APIs still use.
func buildV2(opts Options) *object {
	channels := obj()
	schemas, messages := sharedSchemas(local), obj()
	for i := 0; i < opts.Channels; i++ {
		u := newUnit(i, opts.Channels, opts.Seed)
		channels.set(u.address, v2Channel(u))
		unitSchemas(schemas, u, local)
		m := func(event string) { messages.set(u.msg(event), v2Message(u, event)) }
		m("Created")
		m("Updated")
		if !u.deletedInline() {
			m("Deleted")
		}
	}
	components := obj().
		set("schemas", schemas).
		set("messages", messages).
		set("parameters", v2Parameters()).
		set("securitySchemes", v2SecuritySchemes()).
		set("messageTraits", obj().set("commonHeaders", obj().
			set("headers", ref(local("schemas", "EventHeaders"))).
			set("contentType", "application/json").
			set("correlationId", ref(local("correlationIds", "byCorrelationId"))))).
		set("operationTraits", obj().
			set("kafkaConsumer", obj().
				set("description", "Consumers join one group per service.").
				set("bindings", obj().set("kafka", obj().
					set("groupId", str().set("pattern", "^[a-z-]+-consumers$")).
					set("bindingVersion", "0.4.0")))).
			set("amqpConsumer", obj().
				set("description", "Consumers acknowledge after processing.").
				set("bindings", obj().set("amqp", obj().
					set("ack", true).
					set("bindingVersion", "0.2.0"))))).
		set("correlationIds", obj().set("byCorrelationId", obj().
			set("description", "Correlates a request with its replies.").
			set("location", "$message.header#/correlationId")))
	return obj().
		set("asyncapi", opts.Version).
		set("id", "urn:com:example:events").
		set("info", v3Info(opts)).
		set("defaultContentType", "application/json").
		set("servers", v2Servers()).
		set("channels", channels).
		set("components", components).
		set("tags", list(obj().set("name", "generated")))
}

func v2Servers() *object {
	return obj().
		set("production", obj().
			set("url", "kafka.example.com:9092").
			set("protocol", "kafka").
			set("protocolVersion", "3.6").
			set("description", "Production Kafka cluster.").
			set("security", list(obj().set("saslScram", list())))).
		set("rabbit", obj().
			set("url", "rabbitmq.example.com:5672").
			set("protocol", "amqp").
			set("protocolVersion", "0.9.1").
			set("description", "Broker for work queues.").
			set("security", list(obj().set("brokerUser", list())))).
		set("gateway", obj().
			set("url", "wss://ws.example.com/stream").
			set("protocol", "wss").
			set("description", "Browser-facing WebSocket gateway.").
			set("security", list(obj().set("apiKey", list()))))
}

func v2Channel(u unit) *object {
	params := obj()
	if u.region {
		params.set("region", ref(local("parameters", "region")))
	}
	params.set("tenantId", ref(local("parameters", "tenantId")))
	params.set(u.idParam, obj().
		set("description", fmt.Sprintf("Identifier of the %s.", u.noun)).
		set("schema", str().set("format", "uuid")).
		set("location", "$message.payload#/data/id"))

	deleted := ref(local("messages", u.msg("Deleted")))
	if u.deletedInline() {
		deleted = v2Message(u, "Deleted")
	}
	sub := obj().
		set("operationId", "on"+u.pascal+"Changed").
		set("description", fmt.Sprintf("React to %s changes.", u.noun)).
		set("message", obj().set("oneOf", list(
			ref(local("messages", u.msg("Updated"))),
			deleted)))
	if u.protocol != "ws" {
		sub.set("traits", list(ref(local("operationTraits", u.protocol+"Consumer"))))
	}
	pub := obj().
		set("operationId", "send"+u.pascal+"Created").
		set("description", fmt.Sprintf("Emitted once %s %s is stored.", article(u.noun), u.noun)).
		set("security", list(obj().set("oauth", strs("events:write")))).
		set("message", ref(local("messages", u.msg("Created"))))
	if b := v2OperationBindings(u); b != nil {
		pub.set("bindings", b)
	}
	ch := obj().
		set("description", u.description()).
		set("servers", strs(serverFor(u.protocol))).
		set("parameters", params).
		set("subscribe", sub).
		set("publish", pub)
	if b := v2ChannelBindings(u); b != nil {
		ch.set("bindings", b)
	}
	return ch
}

func v2ChannelBindings(u unit) *object {
	switch u.protocol {
	case "kafka":
		return obj().set("kafka", obj().
			set("topic", fmt.Sprintf("%s.%s.events.v1", u.team, u.base)).
			set("partitions", 6+u.index%4*6).
			set("replicas", 3).
			set("bindingVersion", "0.4.0"))
	case "amqp":
		return obj().set("amqp", obj().
			set("is", "routingKey").
			set("exchange", obj().
				set("name", u.team+".events").
				set("type", "topic").
				set("durable", true).
				set("autoDelete", false).
				set("vhost", "/")).
			set("bindingVersion", "0.2.0"))
	}
	return obj().set("ws", obj().
		set("method", "GET").
		set("bindingVersion", "0.1.0"))
}

func v2OperationBindings(u unit) *object {
	switch u.protocol {
	case "kafka":
		return obj().set("kafka", obj().
			set("clientId", str().set("enum", strs(u.team+"-producer"))).
			set("bindingVersion", "0.4.0"))
	case "amqp":
		return obj().set("amqp", obj().
			set("deliveryMode", 2).
			set("mandatory", true).
			set("bindingVersion", "0.2.0"))
	}
	return nil
}

func v2Message(u unit, event string) *object {
	m := obj().
		set("messageId", u.msg(event)).
		set("name", u.msg(event)).
		set("title", fmt.Sprintf("%s %s", upperFirst(u.noun), lowerWord(event))).
		set("summary", fmt.Sprintf("%s %s was %s.", upperFirst(article(u.noun)), u.noun, lowerWord(event))).
		set("traits", list(ref(local("messageTraits", "commonHeaders")))).
		set("payload", ref(local("schemas", payloadSchema(u, event))))
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

func v2Parameters() *object {
	return obj().
		set("tenantId", obj().
			set("description", "Tenant that owns the data.").
			set("schema", str().set("minLength", 1))).
		set("region", obj().
			set("description", "Deployment region.").
			set("schema", str().set("enum", strs(regions...)).set("default", regions[0])))
}

func v2SecuritySchemes() *object {
	return obj().
		set("oauth", obj().
			set("type", "oauth2").
			set("description", "Client credentials issued by the identity service.").
			set("flows", obj().set("clientCredentials", obj().
				set("tokenUrl", "https://auth.example.com/oauth/token").
				set("scopes", obj().
					set("events:write", "Publish events.").
					set("events:read", "Consume events."))))).
		set("saslScram", obj().set("type", "scramSha512")).
		set("brokerUser", obj().set("type", "userPassword")).
		set("apiKey", obj().set("type", "httpApiKey").set("name", "X-API-Key").set("in", "header"))
}

// article picks "a" or "an" for a noun.
func article(noun string) string {
	switch noun[0] {
	case 'a', 'e', 'i', 'o', 'u':
		return "an"
	}
	return "a"
}
