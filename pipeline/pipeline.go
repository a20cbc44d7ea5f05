// Package pipeline runs an ordered list of annotators over documents, checks
// at build time that every annotator's inputs are provided by one before it,
// and annotates streams of documents on several workers in input order.
package pipeline

import (
	"context"
	"fmt"
	"sync"

	"github.com/kilde-news/kilde"
)

// Pipeline is an immutable, checked list of annotators.
type Pipeline struct {
	annotators []kilde.Annotator
}

// New checks that each annotator's requirements are provided by annotators
// before it and returns the pipeline. The error names the first annotator
// whose requirements are unmet.
func New(as ...kilde.Annotator) (*Pipeline, error) {
	var have kilde.Layer
	for _, a := range as {
		if missing := a.Requires() &^ have; missing != 0 {
			return nil, fmt.Errorf("pipeline: %s requires %s; nothing before it provides them", a.Name(), missing)
		}
		have |= a.Provides()
	}
	return &Pipeline{annotators: as}, nil
}

// Names lists the annotators in order.
func (p *Pipeline) Names() []string {
	names := make([]string, len(p.annotators))
	for i, a := range p.annotators {
		names[i] = a.Name()
	}
	return names
}

// Annotate runs every annotator over d in order. A panic inside an
// annotator is a bug, but one bad document must neither stop a stream nor
// lose the article: the panic is recovered, that annotator's layers are
// emptied, a warning naming it goes to d.Warnings, and the remaining
// annotators run. An error returned by an annotator stops the document.
func (p *Pipeline) Annotate(d *kilde.Doc) error {
	for _, a := range p.annotators {
		if err := runOne(a, d); err != nil {
			return fmt.Errorf("%s: %w", a.Name(), err)
		}
	}
	return nil
}

func runOne(a kilde.Annotator, d *kilde.Doc) (err error) {
	defer func() {
		if r := recover(); r != nil {
			clearLayers(d, a.Provides())
			d.Warnings = append(d.Warnings, fmt.Sprintf("annotator %s failed on this article (panic: %v); its layers are left empty. Please report it with the article.", a.Name(), r))
		}
	}()
	return a.Annotate(d)
}

// clearLayers empties the layers in l, so a half-written layer never reaches
// the output.
func clearLayers(d *kilde.Doc, l kilde.Layer) {
	if l&kilde.LayerTokens != 0 {
		d.Tokens = nil
	}
	if l&kilde.LayerSentences != 0 {
		d.Sentences = nil
	}
	if l&kilde.LayerParagraphs != 0 {
		d.Paragraphs = nil
	}
	if l&kilde.LayerEntities != 0 {
		d.Entities = nil
	}
	if l&kilde.LayerTimes != 0 {
		d.Times = nil
	}
	if l&kilde.LayerQuantities != 0 {
		d.Quantities = nil
	}
	if l&kilde.LayerQuotes != 0 {
		d.Quotes = nil
	}
	if l&kilde.LayerClaims != 0 {
		d.Claims = nil
	}
	if l&kilde.LayerChecks != 0 {
		d.Checks = nil
	}
}

// Result is one annotated document, or the error that stopped its annotation.
type Result struct {
	Doc *kilde.Doc
	Err error
}

// Run annotates the documents from in on workers goroutines and sends the
// results to the returned channel in input order. The channel is closed when
// in is closed and drained or ctx is done.
func (p *Pipeline) Run(ctx context.Context, in <-chan *kilde.Doc, workers int) <-chan Result {
	if workers < 1 {
		workers = 1
	}
	out := make(chan Result, workers*2)
	// Each document gets a one-slot channel that the collector reads in
	// input order; this keeps order without a reorder buffer.
	slots := make(chan chan Result, workers*4)
	jobs := make(chan job, workers*2)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				err := p.Annotate(j.doc)
				j.slot <- Result{Doc: j.doc, Err: err}
			}
		}()
	}
	go func() {
		defer close(slots)
		defer close(jobs)
		for {
			select {
			case <-ctx.Done():
				return
			case d, ok := <-in:
				if !ok {
					return
				}
				slot := make(chan Result, 1)
				select {
				case slots <- slot:
				case <-ctx.Done():
					return
				}
				jobs <- job{doc: d, slot: slot}
			}
		}
	}()
	go func() {
		defer close(out)
		for slot := range slots {
			r := <-slot
			select {
			case out <- r:
			case <-ctx.Done():
				// Drain so workers can finish; results are dropped.
				for s := range slots {
					<-s
				}
				wg.Wait()
				return
			}
		}
		wg.Wait()
	}()
	return out
}

type job struct {
	doc  *kilde.Doc
	slot chan Result
}
