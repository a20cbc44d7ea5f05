// Package pipeline runs an ordered list of annotators over documents, checks
// at build time that every annotator's inputs are provided by one before it,
// and annotates streams of documents on several workers in input order.
package pipeline

import (
	"context"
	"fmt"
	"runtime/debug"
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

// Annotate runs every annotator over d in order. A panic inside an annotator
// is recovered and returned as an error naming the annotator, so one bad
// document never stops a stream.
func (p *Pipeline) Annotate(d *kilde.Doc) (err error) {
	var cur string
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%s: panic: %v\n%s", cur, r, debug.Stack())
		}
	}()
	for _, a := range p.annotators {
		cur = a.Name()
		if err := a.Annotate(d); err != nil {
			return fmt.Errorf("%s: %w", cur, err)
		}
	}
	return nil
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
