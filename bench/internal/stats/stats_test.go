package stats

import (
	"math"
	"testing"
)

func TestPercentileNearestRank(t *testing.T) {
	s := []float64{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}
	cases := []struct{ p, want float64 }{
		{0, 1}, {10, 1}, {11, 2}, {50, 5}, {90, 9}, {99, 10}, {100, 10},
	}
	for _, c := range cases {
		if got := Percentile(s, c.p); got != c.want {
			t.Errorf("p%v = %v, want %v", c.p, got, c.want)
		}
	}
	if !math.IsNaN(Percentile(nil, 50)) {
		t.Error("percentile of nothing should be NaN")
	}
}

func TestSummarizeLeavesInputAlone(t *testing.T) {
	xs := []float64{5, 1, 4, 2, 3}
	s := Summarize(xs)
	if s.N != 5 || s.Min != 1 || s.Max != 5 || s.P50 != 3 || s.Mean != 3 {
		t.Errorf("unexpected summary %+v", s)
	}
	if xs[0] != 5 {
		t.Error("Summarize sorted its input")
	}
	if (Summarize(nil) != Summary{}) {
		t.Error("empty input should give a zero Summary")
	}
}

func TestP99OfHundred(t *testing.T) {
	xs := make([]float64, 100)
	for i := range xs {
		xs[i] = float64(i + 1)
	}
	if s := Summarize(xs); s.P99 != 99 || s.P50 != 50 || s.P90 != 90 {
		t.Errorf("got %+v", s)
	}
}
