package ner

import (
	"bytes"
	"embed"
	"fmt"
	"sync"
)

//go:embed model/da.bin model/en.bin
var modelFiles embed.FS

var defaults struct {
	sync.Mutex
	m   map[string]*Model
	err map[string]error
}

// Default returns the embedded model of lang ("da" or "en"), loading it on
// first use; later calls share it.
func Default(lang string) (*Model, error) {
	if lang != "da" && lang != "en" {
		return nil, fmt.Errorf("ner: no model for language %q", lang)
	}
	defaults.Lock()
	defer defaults.Unlock()
	if m := defaults.m[lang]; m != nil {
		return m, nil
	}
	if err := defaults.err[lang]; err != nil {
		return nil, err
	}
	if defaults.m == nil {
		defaults.m, defaults.err = map[string]*Model{}, map[string]error{}
	}
	b, err := modelFiles.ReadFile("model/" + lang + ".bin")
	if err == nil {
		var m *Model
		if m, err = Load(bytes.NewReader(b)); err == nil {
			defaults.m[lang] = m
			return m, nil
		}
	}
	err = fmt.Errorf("ner: embedded model %s.bin: %w", lang, err)
	defaults.err[lang] = err
	return nil, err
}
