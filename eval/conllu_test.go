package eval_test

import (
	"strings"
	"testing"

	"github.com/kilde-news/kilde"
	"github.com/kilde-news/kilde/eval"
)

const sample = `# newdoc id = d1
# sent_id = 1
# text = Han kom kl. 14.30.
1	Han	han	PRON	_	_	2	nsubj	_	_
2	kom	komme	VERB	_	_	0	root	_	_
3	kl.	kl.	NOUN	_	_	2	obl	_	_
4	14.30	14.30	NUM	_	_	3	nmod	_	SpaceAfter=No
5	.	.	PUNCT	_	_	2	punct	_	_

# sent_id = 2
# text = Overskrift
1	Overskrift	overskrift	NOUN	_	_	0	root	_	_

# newpar
# sent_id = 3
1-2	Dets	_	_	_	_	_	_	_	SpaceAfter=No
1	Det	det	PRON	_	_	0	root	_	_
2	s	s	PART	_	_	1	case	_	_
3	!	!	PUNCT	_	_	1	punct	_	_
`

func TestReadCoNLLU(t *testing.T) {
	sents, err := eval.ReadCoNLLU(strings.NewReader(sample))
	if err != nil {
		t.Fatal(err)
	}
	if len(sents) != 3 {
		t.Fatalf("got %d sentences, want 3", len(sents))
	}
	if !sents[0].NewDoc || sents[1].NewPar || !sents[2].NewPar {
		t.Errorf("markers: %+v", sents)
	}
	if sents[2].Text != "Dets!" || len(sents[2].Tokens) != 2 || sents[2].Tokens[0].Form != "Dets" {
		t.Errorf("multi-word token: %+v", sents[2])
	}
	if _, err := eval.ReadCoNLLU(strings.NewReader("1\tHan\n")); err == nil || !strings.Contains(err.Error(), "line 1") {
		t.Errorf("bad row: err = %v, want one naming line 1", err)
	}
}

func TestReconstruct(t *testing.T) {
	sents, err := eval.ReadCoNLLU(strings.NewReader(sample))
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		layout eval.Layout
		text   string
	}{
		{eval.Stream, "Han kom kl. 14.30. Overskrift\n\nDets!"},
		{eval.News, "Han kom kl. 14.30. Overskrift\n\nDets!"},
	} {
		rt, err := eval.Reconstruct(sents, tt.layout)
		if err != nil {
			t.Fatal(err)
		}
		if rt.Text != tt.text {
			t.Errorf("%v: text %q, want %q", tt.layout, rt.Text, tt.text)
		}
		var toks []string
		for _, s := range rt.Tokens {
			toks = append(toks, rt.Text[s.Start:s.End])
		}
		if got := strings.Join(toks, "|"); got != "Han|kom|kl.|14.30|.|Overskrift|Dets|!" {
			t.Errorf("%v: tokens %s", tt.layout, got)
		}
		if len(rt.Sentences) != 3 || rt.Text[rt.Sentences[1].Start:rt.Sentences[1].End] != "Overskrift" {
			t.Errorf("%v: sentences %v", tt.layout, rt.Sentences)
		}
	}
	// In the news layout an unterminated sentence ends its line.
	two := []eval.CoNLLUSentence{{Text: "Overskrift"}, {Text: "Brødtekst."}}
	rt, _ := eval.Reconstruct(two, eval.News)
	if rt.Text != "Overskrift\nBrødtekst." {
		t.Errorf("news layout: %q", rt.Text)
	}
}

func TestTerminated(t *testing.T) {
	for in, want := range map[string]bool{
		"Slut.": true, "Hvad?«": true, "Nej!\")": true, "Overskrift": false, "Han siger:": false, "": false, "\"": false,
	} {
		if got := eval.Terminated(in); got != want {
			t.Errorf("Terminated(%q) = %v, want %v", in, got, want)
		}
	}
}

func TestBoundaryPRF(t *testing.T) {
	gold := []kilde.Span{{Start: 0, End: 5}, {Start: 6, End: 10}, {Start: 11, End: 20}}
	pred := []kilde.Span{{Start: 0, End: 10}, {Start: 11, End: 15}, {Start: 16, End: 20}}
	if p := eval.BoundaryPRF(gold, pred); p != (eval.PRF{TP: 2, FP: 1, FN: 1}) {
		t.Errorf("BoundaryPRF = %+v", p)
	}
	if p := eval.SpanPRF(gold, pred); p != (eval.PRF{TP: 0, FP: 3, FN: 3}) {
		t.Errorf("SpanPRF = %+v", p)
	}
}

func TestDetokenize(t *testing.T) {
	var b strings.Builder
	spans, open := eval.Detokenize(&b, strings.Fields(`He said " we do n't ( really ) know , " yes .`), false)
	if got, want := b.String(), `He said "we don't (really) know," yes.`; got != want {
		t.Errorf("Detokenize = %q, want %q", got, want)
	}
	if open || len(spans) != 14 || b.String()[spans[6].Start:spans[6].End] != "(" {
		t.Errorf("spans %v open %v", spans, open)
	}
}
