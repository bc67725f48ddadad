package model_test

import "testing"

// A list field tells "not written" (nil) from "written empty" (empty): the
// rules report a {variable} as beyond the parser only for a server without
// variables, and scopes as not offered by an empty flows object.
func TestListsAbsentOrEmpty(t *testing.T) {
	m := build(t, `asyncapi: 3.0.0
info: {title: t, version: '1'}
servers:
  none: {host: a, protocol: ws}
  empty: {host: a, protocol: ws, variables: {}}
  wrong: {host: a, protocol: ws, variables: [x]}
  one: {host: '{v}', protocol: ws, variables: {v: {default: x}}}
channels:
  none: {address: a}
  empty: {address: a, parameters: {}}
components:
  securitySchemes:
    none: {type: oauth2}
    empty: {type: oauth2, flows: {}}
`)
	lists := map[string]int{} // -1: nil
	count := func(name string, n int, isNil bool) {
		if isNil {
			n = -1
		}
		lists[name] = n
	}
	for _, s := range m.Servers {
		count("server "+s.Key, len(s.Variables), s.Variables == nil)
	}
	for _, c := range m.Channels {
		count("channel "+c.Key, len(c.Parameters), c.Parameters == nil)
	}
	for _, s := range m.Components.SecuritySchemes {
		count("scheme "+s.Key, len(s.Flows), s.Flows == nil)
	}
	want := map[string]int{
		"server none": -1, "server empty": 0, "server wrong": -1, "server one": 1,
		"channel none": -1, "channel empty": 0,
		"scheme none": -1, "scheme empty": 0,
	}
	for k, w := range want {
		if got, ok := lists[k]; !ok || got != w {
			t.Errorf("%s: got %d, want %d (-1 is nil)", k, got, w)
		}
	}
}
