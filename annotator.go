package kilde

import "strings"

// Layer is a set of annotation layers, used to declare what an annotator
// reads and writes so that a pipeline can be checked when it is built.
type Layer uint16

const (
	LayerTokens Layer = 1 << iota
	LayerSentences
	LayerParagraphs
	LayerLang
	LayerEntities
	LayerTimes
	LayerQuantities
	LayerQuotes
	LayerClaims
	LayerChecks
)

var layerNames = []string{"tokens", "sentences", "paragraphs", "lang", "entities", "times", "quantities", "quotes", "claims", "checks"}

func (l Layer) String() string {
	var names []string
	for i, n := range layerNames {
		if l&(1<<i) != 0 {
			names = append(names, n)
		}
	}
	if len(names) == 0 {
		return "none"
	}
	return strings.Join(names, "+")
}

// An Annotator adds its layers to a Doc and touches nothing else. It must be
// safe for concurrent use. It takes no context because it only computes.
type Annotator interface {
	Name() string
	Requires() Layer
	Provides() Layer
	Annotate(d *Doc) error
}
