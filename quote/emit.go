package quote

import (
	"sort"

	"github.com/kilde-news/kilde"
)

// emit writes the quotes to the Doc, in text order.
func (st *state) emit() {
	d := st.d
	out := d.Quotes[:0]
	sort.SliceStable(st.cands, func(i, j int) bool { return st.cands[i].span.Start < st.cands[j].span.Start })
	for _, c := range st.cands {
		if c.kind == "direct" && c.short && !c.spk.ok {
			continue
		}
		q := kilde.Quote{Span: c.span, Kind: c.kind, Lang: d.LangAt(c.span.Start)}
		if q.Lang == "" {
			q.Lang = st.lx.code
		}
		if c.spk.ok && c.spk.name != "" {
			q.Speaker = c.spk.name
			q.SpeakerSpan = c.spk.span
			q.Role = c.spk.role
		}
		if c.cue >= 0 && c.cueE > c.cue {
			q.CueSpan = kilde.Span{Start: st.toks[c.cue].s, End: st.toks[c.cueE-1].e}
			q.Cue = st.text[q.CueSpan.Start:q.CueSpan.End]
		}
		q.Addressee = c.addressee
		out = append(out, q)
	}
	st.d.Quotes = out
}
