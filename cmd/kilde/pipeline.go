package main

import (
	"github.com/kilde-news/kilde"
	"github.com/kilde-news/kilde/check"
	"github.com/kilde-news/kilde/claim"
	"github.com/kilde-news/kilde/langid"
	"github.com/kilde-news/kilde/ner"
	"github.com/kilde-news/kilde/pipeline"
	"github.com/kilde-news/kilde/quantity"
	"github.com/kilde-news/kilde/quote"
	"github.com/kilde-news/kilde/sentence"
	"github.com/kilde-news/kilde/timex"
	"github.com/kilde-news/kilde/tokenize"
)

// annotators lists kilde's annotators in order. It is the one place where
// they are wired together; annotator packages never import each other.
func annotators() ([]kilde.Annotator, error) {
	var as []kilde.Annotator
	var firstErr error
	add := func(a kilde.Annotator, err error) {
		if err != nil && firstErr == nil {
			firstErr = err
		}
		if err == nil {
			as = append(as, a)
		}
	}
	add(tokenize.New())
	add(sentence.New())
	add(langid.New())
	add(ner.New())
	add(timex.New())
	add(quantity.New())
	add(quote.New())
	add(claim.New())
	add(check.New(check.Options{RatesFile: ratesFile()}))
	if firstErr != nil {
		return nil, firstErr
	}
	return as, nil
}

// buildPipeline checks the annotators' order and builds the pipeline.
func buildPipeline() (*pipeline.Pipeline, error) {
	as, err := annotators()
	if err != nil {
		return nil, err
	}
	return pipeline.New(as...)
}
