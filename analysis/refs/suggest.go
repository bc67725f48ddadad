package refs

import "strings"

// Closest returns the candidate word most likely misspells, or "" when none
// is close: at most max(1, len/3) edits, compared case-insensitively.
func Closest(word string, candidates []string) string {
	limit := max(1, len(word)/3)
	best, bestDist := "", limit+1
	lw := strings.ToLower(word)
	for _, c := range candidates {
		if c == word {
			continue
		}
		if d := distance(lw, strings.ToLower(c)); d < bestDist {
			best, bestDist = c, d
		}
	}
	return best
}

// distance is the optimal-string-alignment distance in bytes: insertions,
// deletions, substitutions and swaps of neighbours ("Rael" → "Real") cost 1.
func distance(a, b string) int {
	d := make([][]int, len(a)+1)
	for i := range d {
		d[i] = make([]int, len(b)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(a)][len(b)]
}
