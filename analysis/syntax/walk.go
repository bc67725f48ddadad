package syntax

// Walk calls f on n and every node below it, keys included, in source
// order, each once: an alias is visited, its target only where it is
// written. The walk keeps its own stack, so a deep tree cannot exhaust the
// goroutine's.
func Walk(n *Node, f func(*Node)) {
	stack := []*Node{n}
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if n == nil {
			continue
		}
		f(n)
		// Pushed in reverse, so that they come off in source order.
		for i := len(n.Items) - 1; i >= 0; i-- {
			stack = append(stack, n.Items[i])
		}
		for i := len(n.Pairs) - 1; i >= 0; i-- {
			stack = append(stack, n.Pairs[i].Value, n.Pairs[i].Key)
		}
	}
}
