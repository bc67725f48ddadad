package payload

import "testing"

// protobufCases are payloads whose verdicts come from the official parser
// with its Protobuf schema parser (3.9.0), the same in a 2.6.0 and a 3.0.0
// document: invalid means the parser rejects the document for it.
var protobufCases = []struct {
	name, proto string
	invalid     bool
}{
	{"ok", "syntax = \"proto3\";\nmessage A { string id = 1; B b = 2; }\nmessage B { int32 n = 1; }", false},
	{"nosemi", "syntax = \"proto3\";\nmessage A { string id = 1 }", true},
	{"dupnum", "syntax = \"proto3\";\nmessage A { string id = 1; string x = 1; }", true},
	{"dupname", "syntax = \"proto3\";\nmessage A { string id = 1; string id = 2; }", true},
	{"unknowntype", "syntax = \"proto3\";\nmessage A { Foo id = 1; }", true},
	{"tworoots", "syntax = \"proto3\";\nmessage A { string id = 1; }\nmessage B { string id = 1; }", true},
	{"tworootsannot", "syntax = \"proto3\";\nmessage A { string id = 1; }\n// @RootNode\nmessage B { string id = 1; }", false},
	{"import", "syntax = \"proto3\";\nimport \"other.proto\";\nmessage A { string id = 1; }", true},
	{"importwkt", "syntax = \"proto3\";\nimport \"google/protobuf/timestamp.proto\";\nmessage A { google.protobuf.Timestamp t = 1; }", false},
	{"required3", "syntax = \"proto3\";\nmessage A {\n  required string id = 1;\n}", false},
	{"nosyntax", "message A { required string id = 1; }", false},
	{"num0", "syntax = \"proto3\";\nmessage A { string id = 0; }", false},
	{"enumnonzero", "syntax = \"proto3\";\nenum E { X = 1; }\nmessage A { E e = 1; }", false},
	{"onlyenum", "syntax = \"proto3\";\nenum E { X = 0; }", true},
	{"map", "syntax = \"proto3\";\nmessage A { map<string, int32> m = 1; }", false},
	{"oneof", "syntax = \"proto3\";\nmessage A { oneof x { string a = 1; int32 b = 2; } }", false},
	{"nested", "syntax = \"proto3\";\nmessage A { message In { string s = 1; } In i = 1; }", false},
	{"optional3", "syntax = \"proto3\";\nmessage A { optional string s = 1; }", false},
	{"service", "syntax = \"proto3\";\nmessage A { string s = 1; }\nservice S { rpc Get(A) returns (A); }", false},
	{"package", "syntax = \"proto3\";\npackage foo.bar;\nmessage A { string s = 1; foo.bar.B b = 2; }\nmessage B { string s = 1; }", true},
	{"badsyntax", "syntax = \"proto4\";\nmessage A { string s = 1; }", true},
	{"reserved", "syntax = \"proto3\";\nmessage A { reserved 2; string s = 2; }", true},
	{"bignum", "syntax = \"proto3\";\nmessage A { string s = 536870912; }", false},
	{"cycle", "syntax = \"proto3\";\nmessage A { B b = 1; }\nmessage B { A a = 1; }", true},
	{"selfref", "syntax = \"proto3\";\nmessage A { A a = 1; }", false},
	{"validate", "syntax = \"proto3\";\nimport \"validate/validate.proto\";\nmessage A { string s = 1 [(validate.rules).string.min_len = 1]; }", false},
	{"unknownopt", "syntax = \"proto3\";\nmessage A { string s = 1 [(foo.bar) = 1]; }", false},
	{"groups", "syntax = \"proto2\";\nmessage A { optional group G = 1 { optional int32 x = 2; } }", false},
	{"garbage", "this is not proto", true},
	{"keyword", "syntax = \"proto3\";\nmesage A { string s = 1; }", true},
	{"fieldnoname", "syntax = \"proto3\";\nmessage A { string = 1; }", true},
	{"editions", "edition = \"2023\";\nmessage A { string s = 1; }", false},
	{"dupmsg", "syntax = \"proto3\";\nmessage A { string s = 1; }\nmessage A { string t = 1; }", true},
	{"gtype", "syntax = \"proto3\";\nimport \"google/type/date.proto\";\nmessage A { google.type.Date d = 1; }", false},
	{"enumdup", "syntax = \"proto3\";\nenum E { X = 0; Y = 0; }\nmessage A { E e = 1; }", true},
	{"rich", "syntax = \"proto3\";\npackage acme.orders.v1;\noption java_package = \"com.acme\";\nimport \"google/protobuf/timestamp.proto\";\nimport public \"google/protobuf/wrappers.proto\";\n/* The order.\n * @RootNode */\nmessage Order {\n  reserved 9, 10 to 12;\n  reserved \"legacy\";\n  string id = 1 [deprecated = true, json_name = \"orderId\"];\n  repeated Line lines = 2;\n  map<string, Line> by_sku = 3;\n  google.protobuf.Timestamp at = 4;\n  Status status = 5;\n  optional string note = 6;\n  oneof payment { string card = 7; string iban = 8; }\n  enum Status { option allow_alias = true; UNKNOWN = 0; NEW = 1; FRESH = 1; }\n}\nmessage Line { string sku = 1; int32 qty = 2; google.protobuf.StringValue label = 3; }\nmessage Extra { int32 x = 1; }\nservice Orders { rpc Watch(Order) returns (stream Order); }", false},
	{"proto2", "syntax = \"proto2\";\nmessage A {\n  optional int32 x = 1 [default = 5];\n  required string s = 2;\n  extensions 100 to max;\n}\nextend A { optional int32 y = 100; }", false},
	{"enumopt", "syntax = \"proto3\";\nenum E { A = 0 [deprecated = true]; B = 1; }\nmessage M { E e = 1; }", false},
	{"dotref", "syntax = \"proto3\";\npackage p;\nmessage M { .p.N n = 1; }\nmessage N { int32 x = 1; }", true},
	{"nestedref", "syntax = \"proto3\";\nmessage M { N.Inner i = 1; }\nmessage N { message Inner { int32 x = 1; } }", true},
	{"unusednested", "syntax = \"proto3\";\nmessage M { message Unused { int32 x = 1; } string s = 1; }", true},
	{"rpcunknown", "syntax = \"proto3\";\nmessage M { string s = 1; }\nservice S { rpc Get(Nope) returns (M); }", true},
	{"negenum", "syntax = \"proto2\";\nenum E { A = -1; B = 0; }\nmessage M { optional E e = 1; }", false},
	{"maxrange", "syntax = \"proto3\";\nmessage M { reserved 5 to max; string s = 6; }", true},
	{"fieldnamedup_type", "syntax = \"proto3\";\nmessage M { message x { int32 a = 1; } x x = 1; }", true},
	{"wrongscalar", "syntax = \"proto3\";\nmessage M { int s = 1; }", true},
	{"trailingcomment", "syntax = \"proto3\";\nmessage M { string s = 1; } // done", false},
	{"semicolons", "syntax = \"proto3\";;\nmessage M { string s = 1;; };", false},
}

func TestProtobufVerdicts(t *testing.T) {
	for _, tc := range protobufCases {
		problems := CheckProtobuf(tc.proto)
		if (len(problems) > 0) != tc.invalid {
			t.Errorf("%s: invalid=%v, got %+v", tc.name, tc.invalid, problems)
		}
		for _, p := range problems {
			if p.Start < 0 || p.End > len(tc.proto) || p.Start > p.End {
				t.Errorf("%s: span %d-%d out of the text", tc.name, p.Start, p.End)
			}
		}
	}
}
