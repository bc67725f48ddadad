package schemas

import "testing"

func TestURITemplate(t *testing.T) {
	valid := []string{
		"", "user/signedup", "a/{id}/b", "{+path}/x{?q,page:10}", "{user.id}", "{list*}", "%20{x}", "caf\u00e9/{x}",
		"smartylighting/streetlights/1/0/event/{streetlightId}/lighting/measured", "{a_b,c%2Fd}",
	}
	invalid := []string{
		"a/{}/b", "{user-id}", "a b", "{x", "x}", "{.}", "{a..b}", "{a.}", "{x:0}", "{x:10000}", "{x:}", "%2", "%zz", `a"b`, "a|b", "{x y}",
	}
	for _, s := range valid {
		if err := validateURITemplate(s); err != nil {
			t.Errorf("%q: %v", s, err)
		}
	}
	for _, s := range invalid {
		if validateURITemplate(s) == nil {
			t.Errorf("%q accepted", s)
		}
	}
	if validateURITemplate(42) != nil {
		t.Error("a number is not a string the format judges")
	}
}
