package pipeline_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/kilde-news/kilde"
	"github.com/kilde-news/kilde/pipeline"
)

type fake struct {
	name      string
	req, prov kilde.Layer
	f         func(d *kilde.Doc) error
}

func (a fake) Name() string          { return a.name }
func (a fake) Requires() kilde.Layer { return a.req }
func (a fake) Provides() kilde.Layer { return a.prov }
func (a fake) Annotate(d *kilde.Doc) error {
	if a.f != nil {
		return a.f(d)
	}
	return nil
}

func TestNewChecksRequirements(t *testing.T) {
	_, err := pipeline.New(fake{name: "ner", req: kilde.LayerSentences})
	if err == nil || !strings.Contains(err.Error(), "ner requires sentences") {
		t.Fatalf("New = %v, want an error naming ner and sentences", err)
	}
	p, err := pipeline.New(fake{name: "sent", prov: kilde.LayerSentences}, fake{name: "ner", req: kilde.LayerSentences})
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(p.Names(), ","); got != "sent,ner" {
		t.Errorf("Names = %s", got)
	}
}

func TestAnnotateRecoversPanics(t *testing.T) {
	p, _ := pipeline.New(
		fake{name: "boom", prov: kilde.LayerQuotes, f: func(d *kilde.Doc) error {
			d.Quotes = append(d.Quotes, kilde.Quote{Kind: "half-written"})
			var m map[string]int
			m["x"]++
			return nil
		}},
		fake{name: "after", f: func(d *kilde.Doc) error { d.Lang = "da"; return nil }},
	)
	d := kilde.NewDoc(kilde.Article{Text: "x"})
	if err := p.Annotate(d); err != nil {
		t.Fatalf("Annotate = %v, want the panic recovered and the document kept", err)
	}
	if len(d.Quotes) != 0 || d.Lang != "da" || len(d.Warnings) != 1 || !strings.Contains(d.Warnings[0], "annotator boom failed") {
		t.Errorf("quotes %v, lang %q, warnings %q: want the layer emptied, later annotators run, one warning", d.Quotes, d.Lang, d.Warnings)
	}
}

func TestRunKeepsOrderAndErrors(t *testing.T) {
	bad := errors.New("bad doc")
	p, _ := pipeline.New(fake{name: "mark", f: func(d *kilde.Doc) error {
		if d.Text == "7" {
			return bad
		}
		d.Lang = "da"
		return nil
	}})
	in := make(chan *kilde.Doc)
	go func() {
		defer close(in)
		for i := range 100 {
			in <- kilde.NewDoc(kilde.Article{Text: string(rune('0' + i%10)), ID: string(rune(i + 32))})
		}
	}()
	i := 0
	for r := range p.Run(context.Background(), in, 4) {
		if r.Doc.ID != string(rune(i+32)) {
			t.Fatalf("result %d is doc %q: order lost", i, r.Doc.ID)
		}
		if (r.Doc.Text == "7") != errors.Is(r.Err, bad) {
			t.Errorf("doc %d: err %v", i, r.Err)
		}
		i++
	}
	if i != 100 {
		t.Errorf("got %d results, want 100", i)
	}
}

func TestRunStopsOnCancel(t *testing.T) {
	p, _ := pipeline.New()
	ctx, cancel := context.WithCancel(context.Background())
	in := make(chan *kilde.Doc)
	out := p.Run(ctx, in, 2)
	in <- kilde.NewDoc(kilde.Article{Text: "a"})
	<-out
	cancel()
	for range out { // must close
	}
}
