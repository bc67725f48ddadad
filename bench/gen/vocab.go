package gen

// Words the documents are made of. They are ordinary business nouns so that
// the documents read like real event-driven APIs.

var entities = []string{
	"user", "account", "order", "payment", "invoice", "shipment", "parcel",
	"product", "inventory", "cart", "customer", "subscription", "device",
	"sensor", "reading", "alert", "ticket", "session", "notification",
	"review", "coupon", "refund", "warehouse", "driver", "route", "booking",
	"room", "flight", "policy", "claim",
}

var regions = []string{"eu-west", "eu-central", "us-east", "us-west", "ap-south"}

var teams = []string{"checkout", "fulfilment", "identity", "billing", "telemetry", "support", "catalogue", "logistics"}

// field is one property that entity schemas are built from.
type field struct {
	name    string
	schema  func() *object
	example any
}

func str() *object { return obj().set("type", "string") }

var fieldPool = []field{
	{"status", func() *object {
		return str().set("description", "Lifecycle state.").set("enum", strs("pending", "active", "suspended", "closed"))
	}, "active"},
	{"createdAt", func() *object {
		return str().set("format", "date-time").set("description", "When the record was created.")
	}, "2026-03-01T12:00:00Z"},
	{"updatedAt", func() *object {
		return str().set("format", "date-time").set("description", "When the record last changed.")
	}, "2026-03-02T08:30:00Z"},
	{"quantity", func() *object {
		return obj().set("type", "integer").set("minimum", 1).set("maximum", 10000)
	}, 3},
	{"email", func() *object { return str().set("format", "email").set("maxLength", 254) }, "someone@example.com"},
	{"displayName", func() *object { return str().set("minLength", 1).set("maxLength", 120) }, "Sample name"},
	{"priority", func() *object {
		return str().set("enum", strs("low", "normal", "high", "urgent")).set("default", "normal")
	}, "high"},
	{"score", func() *object { return obj().set("type", "number").set("minimum", 0).set("maximum", 1) }, 0.87},
	{"labels", func() *object {
		return obj().set("type", "array").set("items", str()).set("maxItems", 20).set("uniqueItems", true)
	}, list("blue", "retail")},
	{"isActive", func() *object { return obj().set("type", "boolean").set("default", true) }, true},
	{"revision", func() *object {
		return obj().set("type", "integer").set("minimum", 0).set("description", "Optimistic locking counter.")
	}, 7},
	{"locale", func() *object { return str().set("pattern", "^[a-z]{2}-[A-Z]{2}$") }, "en-GB"},
	{"sourceSystem", func() *object { return str().set("enum", strs("web", "mobile", "partner-api", "batch")) }, "web"},
	{"latitude", func() *object { return obj().set("type", "number").set("minimum", -90).set("maximum", 90) }, 51.5},
	{"longitude", func() *object { return obj().set("type", "number").set("minimum", -180).set("maximum", 180) }, -0.12},
	{"temperature", func() *object { return obj().set("type", "number").set("description", "Degrees Celsius.") }, 21.5},
	{"expiresAt", func() *object { return str().set("format", "date-time") }, "2026-12-31T23:59:59Z"},
	{"attempts", func() *object { return obj().set("type", "integer").set("minimum", 0).set("maximum", 25) }, 1},
	{"deliveryChannel", func() *object { return str().set("enum", strs("email", "sms", "push", "webhook")) }, "email"},
	{"reference", func() *object {
		return str().set("pattern", "^[A-Z]{2}-[0-9]{6}$").set("description", "Human readable reference.")
	}, "AB-123456"},
	{"notes", func() *object { return str().set("maxLength", 2000) }, "Left at the front desk."},
	{"weightKg", func() *object { return obj().set("type", "number").set("exclusiveMinimum", 0) }, 2.4},
	{"discountPercent", func() *object { return obj().set("type", "number").set("minimum", 0).set("maximum", 100) }, 15},
	{"countryCode", func() *object {
		return str().set("pattern", "^[A-Z]{2}$").set("description", "ISO 3166-1 alpha-2 code.")
	}, "NL"},
	{"phone", func() *object { return str().set("pattern", "^\\+[0-9]{6,15}$") }, "+31201234567"},
	{"homepage", func() *object { return str().set("format", "uri") }, "https://example.com/home"},
	{"batchId", func() *object { return str().set("format", "uuid") }, "0b9d6f1e-3c2a-4c1e-9a57-2f4b8d1c7e10"},
	{"channelHint", func() *object { return str().set("maxLength", 64).set("description", "Where the change originated.") }, "storefront"},
}
