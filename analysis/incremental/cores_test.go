package incremental

import "testing"

// TestOnEveryCoreRaisesPanicInCaller: a panic in one call reaches the
// caller, where the server's recovery sees it, instead of ending the
// process from a worker.
func TestOnEveryCoreRaisesPanicInCaller(t *testing.T) {
	defer func() {
		if r := recover(); r != "section 7" {
			t.Fatalf("recovered %v, want the panic of call 7", r)
		}
	}()
	onEveryCore(100, func(i int) {
		if i == 7 {
			panic("section 7")
		}
	})
	t.Fatal("onEveryCore returned after a panic")
}
