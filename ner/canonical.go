package ner

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kilde-news/kilde"
)

// Canonical names within one article. Every entity gets one:
//
//   - its own name, normalized: white space collapsed, a possessive dropped
//     ("USA's", "Trump’s", "Lars'"; a Danish genitive -s only when the bare
//     form is known: it occurs in the article, is in the gazetteer or in the
//     model's name list, or the rest is an acronym, "DRs"), and for persons
//     leading titles and lower-case role words dropped ("statsministeren
//     Mette Frederiksen" → "Mette Frederiksen");
//   - a person named by one of the words of a longer person name in the
//     article gets that name's canonical ("Trump" → "Donald Trump"; the
//     nearest earlier such name, else the first later one); a full name that
//     is a variant of an earlier full name ("Donald J. Trump" after "Donald
//     Trump": one's words a subsequence of the other's) gets the earlier one;
//   - an acronym defined in the text ("Dansk Folkeparti (DF)") gets the
//     defining name, wherever it occurs;
//   - a name with a word neither model knows (not a training name word, a
//     gazetteer name or a common word) within edit distance 1 (2 from 10
//     letters on) of a more frequent, or as frequent and earlier, name of the
//     same label and language, or of the last word of a longer person name,
//     gets that name ("Votell" → "Joseph Votel"; "Petersen" is never merged
//     with "Pedersen", both being known names).
//
// So consumers can group mentions by Canonical; it is never empty.
func (a *Annotator) canonicalize(d *kilde.Doc, heads []kilde.Span) {
	es := d.Entities
	if len(es) == 0 {
		return
	}
	names := make([]string, len(es))
	known := map[string]bool{} // every word of every name, for genitives
	for i, e := range es {
		names[i] = a.normalize(d.SpanText(e.Span), e.Label)
		for _, w := range nameWords(names[i]) {
			known[w] = true
		}
	}
	// Genitive -s, now that the article's words are known.
	for i, e := range es {
		names[i] = a.dropGenitive(names[i], known, d.LangAt(e.Start))
	}
	canon := make([]string, len(es))
	copy(canon, names)
	// A name in a title-case line ("Icon Morton Blackwell Endorses Ted
	// Cruz") is a longer name for other mentions only if it occurs outside
	// such lines too.
	var headOnly []bool
	if len(heads) > 0 {
		outside := map[string]bool{}
		for i, e := range es {
			if !inHeads(heads, e.Span) {
				outside[names[i]] = true
			}
		}
		headOnly = make([]bool, len(es))
		for i, e := range es {
			headOnly[i] = inHeads(heads, e.Span) && !outside[names[i]]
		}
	}

	// Acronyms defined in parentheses right after a name.
	acr := map[string]string{}
	for i, e := range es {
		rest := d.Text[e.End:]
		rest = strings.TrimLeft(rest, " ")
		if !strings.HasPrefix(rest, "(") {
			continue
		}
		end := strings.IndexByte(rest[:min(len(rest), 13)], ')') // not the whole text for every name
		if end < 2 || end > 12 {
			continue
		}
		a := rest[1:end]
		if isAcronym(a) && len(nameWords(names[i])) > 1 {
			acr[a] = names[i]
		}
	}
	// Longer person names, by position. Repeats of one name are grouped:
	// they all get the same canonical form, and scanning every repeat for
	// every entity was quadratic in a long article.
	type full struct {
		words []string
		pos   []int // entity indexes, ascending
	}
	var fulls []full
	fullOf := map[string]int{}
	isFull := make([]bool, len(es))
	firstWith := map[string]int{} // word → first full name holding it
	for i, e := range es {
		if e.Label == "PER" && (headOnly == nil || !headOnly[i]) {
			if w := nameWords(names[i]); len(w) > 1 {
				k, ok := fullOf[names[i]]
				if !ok {
					k = len(fulls)
					fullOf[names[i]] = k
					fulls = append(fulls, full{words: w})
					for _, x := range w {
						if _, ok := firstWith[x]; !ok {
							firstWith[x] = i
						}
					}
				}
				fulls[k].pos = append(fulls[k].pos, i)
				isFull[i] = true
			}
		}
	}
	// A full name's variant search resumes where it stopped: the first
	// variant before it never changes once found.
	type search struct{ next, found int }
	searches := map[string]search{}
	lastWith := map[string]int{} // word → last full name so far holding it
	lastAny := -1
	for i, e := range es {
		if isFull[i] {
			for _, x := range fulls[fullOf[names[i]]].words {
				lastWith[x] = i
			}
			lastAny = i
		}
		if x, ok := acr[names[i]]; ok {
			canon[i] = x
			continue
		}
		if e.Label != "PER" {
			continue
		}
		w := nameWords(names[i])
		best := -1 // entity index of the full name taken
		if len(w) > 1 && headOnly != nil && headOnly[i] {
			// a title-line name takes the longest name of the article
			// whose words it holds in order ("Donald Trump Got" → "Donald
			// Trump")
			n := 0
			for _, f := range fulls {
				if len(f.words) > n && len(f.words) < len(w) && subsequence(f.words, w) {
					best, n = f.pos[0], len(f.words)
				}
			}
		} else if len(w) > 1 {
			// A full name takes the first full name it is a variant of
			// ("Donald J. Trump" after "Donald Trump").
			sr, ok := searches[names[i]]
			if !ok {
				sr.found = -1
			}
			for ; sr.found < 0 && sr.next < len(fulls) && fulls[sr.next].pos[0] < i; sr.next++ {
				if f := fulls[sr.next]; subsequence(w, f.words) || subsequence(f.words, w) {
					sr.found = sr.next
				}
			}
			searches[names[i]] = sr
			if sr.found >= 0 {
				best = fulls[sr.found].pos[0]
			}
		} else {
			// the last longer name holding the word before it, else the
			// first after it (no word: any longer name)
			before, after := lastAny, -1
			if len(fulls) > 0 {
				after = fulls[0].pos[0]
			}
			if len(w) == 1 {
				before, after = -1, -1
				if k, ok := lastWith[w[0]]; ok {
					before = k
				}
				if k, ok := firstWith[w[0]]; ok {
					after = k
				}
			}
			best = before
			if best < 0 {
				best = after
			}
		}
		if best >= 0 {
			canon[i] = canon[best]
		}
	}
	// A person named both with and without middle initials ("Donald J.
	// Trump", "Donald Trump") goes by the form without them.
	plain := map[string]bool{}
	for i, e := range es {
		if e.Label == "PER" && len(nameWords(names[i])) > 1 && !hasMiddleInitial(nameWords(names[i])) {
			plain[names[i]] = true
		}
	}
	for i, e := range es {
		if e.Label != "PER" {
			continue
		}
		if w := nameWords(canon[i]); hasMiddleInitial(w) {
			if p := dropMiddleInitials(w); plain[p] {
				canon[i] = p
			}
		}
	}
	// Misspellings: map a name to a close name of the same label that is
	// more frequent, or as frequent and earlier. Compared once per distinct
	// (label, name).
	type key struct{ label, lang, name string }
	freq := map[key]int{}
	var order []key
	langs := make([]string, len(es))
	notHead := map[key]bool{} // names with a mention outside the title-case lines
	for i, e := range es {
		langs[i] = d.LangAt(e.Start)
		k := key{e.Label, langs[i], canon[i]}
		if freq[k] == 0 {
			order = append(order, k)
		}
		freq[k]++
		if headOnly == nil || !headOnly[i] {
			notHead[k] = true
		}
	}
	if len(order) <= 500 {
		to := map[key]string{}
		for x, k := range order {
			if !a.maybeMisspelt(k.name) {
				continue
			}
			for y, o := range order {
				if x == y || o.label != k.label || o.lang != k.lang || !(freq[o] > freq[k] || freq[o] == freq[k] && y < x) || !notHead[o] {
					continue
				}
				if close(k.name, o.name) {
					to[k] = o.name
					break
				}
				// a misspelt surname of a longer person name
				if k.label == "PER" && !strings.Contains(k.name, " ") && utf8.RuneCountInString(k.name) >= 5 {
					if sp := strings.LastIndexByte(o.name, ' '); sp > 0 && close(k.name, o.name[sp+1:]) {
						to[k] = o.name
						break
					}
				}
			}
		}
		for i, e := range es {
			// only names not already resolved to a longer one
			if t, ok := to[key{e.Label, langs[i], canon[i]}]; ok && canon[i] == names[i] {
				canon[i] = t
			}
		}
	}
	for i := range es {
		es[i].Canonical = canon[i]
	}
}

// maybeMisspelt reports whether name has a word that neither model knows
// (as a name word, a gazetteer word or a common word): "Pedersen" and
// "Petersen" are both real names and are never merged, "Votell" may be a
// misspelling of "Votel".
func (a *Annotator) maybeMisspelt(name string) bool {
	for _, w := range nameWords(name) {
		h := hashLower(w)
		known := false
		for _, m := range []*Model{a.da, a.en} {
			if m == nil {
				continue
			}
			_, n := m.names[h]
			_, c := m.common[h]
			_, g := m.gaz[gazKey(h, 0, 1)]
			if n || c || g {
				known = true
				break
			}
		}
		if !known {
			return true
		}
	}
	return false
}

// normalize collapses white space, drops a possessive and, for persons,
// leading titles and lower-case words.
func (a *Annotator) normalize(s, label string) string {
	w := nameWords(s)
	if label != "MISC" {
		w = a.stripCalendar(w)
	}
	if label == "PER" {
		for len(w) > 1 {
			r, _ := utf8.DecodeRuneInString(w[0])
			if a.titles[strings.ToLower(w[0])] || unicode.IsLower(r) {
				w = w[1:]
				continue
			}
			break
		}
	}
	if n := len(w); n > 0 {
		last := stripPossessive(w[n-1])
		if strings.HasSuffix(last, "'") || strings.HasSuffix(last, "’") {
			if t := strings.TrimRight(last, "'’"); t != "" {
				last = t
			}
		}
		w[n-1] = last
	}
	return strings.Join(w, " ")
}

// dropGenitive removes a Danish genitive -s from the last word when the
// bare form is known.
func (a *Annotator) dropGenitive(name string, known map[string]bool, lang string) string {
	if lang == "en" || len(name) < 3 || !strings.HasSuffix(name, "s") {
		return name
	}
	bare := name[:len(name)-1]
	lastSp := strings.LastIndexByte(bare, ' ')
	lastWord := bare[lastSp+1:]
	if lastWord == "" {
		return name
	}
	if isAcronym(lastWord) && len(lastWord) >= 2 {
		return bare
	}
	if known[lastWord] {
		return bare
	}
	for _, m := range []*Model{a.da, a.en} {
		if m != nil && m.knows(bare) {
			return bare
		}
	}
	return name
}

// knows reports whether name is in the gazetteer or the training name list.
func (m *Model) knows(name string) bool {
	var key uint64
	n := 0
	for _, w := range nameWords(name) {
		n++
		key = gazKey(hashLower(w), key, n)
	}
	if _, ok := m.gaz[key]; ok && n > 0 {
		return true
	}
	if n == 1 {
		_, ok := m.names[hashLower(name)]
		return ok
	}
	return false
}

func isAcronym(s string) bool {
	if len(s) < 2 {
		return false
	}
	upper := 0
	for _, r := range s {
		switch {
		case unicode.IsUpper(r):
			upper++
		case unicode.IsDigit(r), r == '-', r == '&':
		default:
			return false
		}
	}
	return upper >= 2
}

// subsequence reports whether the words of short occur in long in order.
func subsequence(short, long []string) bool {
	j := 0
	for _, w := range long {
		if j < len(short) && w == short[j] {
			j++
		}
	}
	return j == len(short)
}

// close reports whether a and b are within edit distance 1, or 2 when the
// shorter has 10 or more letters; both must have at least 4 letters and
// start with the same letter.
func close(a, b string) bool {
	ra, rb := []rune(a), []rune(b)
	n := min(len(ra), len(rb))
	if n < 4 || ra[0] != rb[0] {
		return false
	}
	k := 1
	if n >= 10 {
		k = 2
	}
	if len(ra)-len(rb) > k || len(rb)-len(ra) > k {
		return false
	}
	return editDistance(ra, rb, k) <= k
}

// editDistance is the Levenshtein distance, stopping early above max.
func editDistance(a, b []rune, max int) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(b); j++ {
			c := prev[j-1]
			if a[i-1] != b[j-1] {
				c++
			}
			c = min(c, prev[j]+1, cur[j-1]+1)
			cur[j] = c
			rowMin = min(rowMin, c)
		}
		if rowMin > max {
			return max + 1
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// isInitial reports whether w is an initial: "J.", "J", "J.K.".
func isInitial(w string) bool {
	n := 0
	for _, r := range w {
		switch {
		case unicode.IsUpper(r):
			n++
		case r == '.':
		default:
			return false
		}
	}
	return n > 0 && n <= 2
}

// hasMiddleInitial reports whether a word other than the first and last is
// an initial.
func hasMiddleInitial(w []string) bool {
	for k := 1; k < len(w)-1; k++ {
		if isInitial(w[k]) {
			return true
		}
	}
	return false
}

func dropMiddleInitials(w []string) string {
	out := []string{w[0]}
	for k := 1; k < len(w)-1; k++ {
		if !isInitial(w[k]) {
			out = append(out, w[k])
		}
	}
	return strings.Join(append(out, w[len(w)-1]), " ")
}
