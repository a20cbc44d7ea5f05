package eval_test

import (
	"testing"

	"github.com/kilde-news/kilde/eval"
)

func TestMatchExact(t *testing.T) {
	tab := eval.Table{}
	gold := []eval.Span{{0, 2, "PER"}, {5, 6, "LOC"}, {8, 9, "ORG"}}
	pred := []eval.Span{{0, 2, "PER"}, {5, 6, "ORG"}, {10, 11, "LOC"}}
	eval.MatchExact(tab, gold, pred)
	m := tab.Micro()
	if m.TP != 1 || m.FP != 2 || m.FN != 2 {
		t.Fatalf("micro = %+v, want tp 1 fp 2 fn 2", m)
	}
	if got, want := m.F1(), 2.0/6.0; got != want {
		t.Errorf("F1 = %v, want %v", got, want)
	}
	if (eval.PRF{}).F1() != 0 {
		t.Error("F1 of nothing is not 0")
	}
}
