package sqlstore

import (
	"context"
	"database/sql"
	"sort"
	"strings"
	"unicode/utf8"
)

// Entity reconciliation rules. An entity E is merged into entity T of the
// same label when one of these holds, checked in this order:
//
//  1. Possessive: E's name is T's plus a genitive ending — "Votels",
//     "Trump's", "Trump’s", "Jens'" — and T is at least as frequent.
//  2. Surname: E (PER) is one word, and T is the most frequent PER whose
//     last word it is, at least twice as frequent as the runner-up.
//  3. Misspelling: T is frequent (in at least MinFrequent articles and
//     FrequencyRatio times as many as E), both names have the same number
//     of words, each word pair is within edit distance 1 (2 for words of 8
//     or more letters), words shorter than 5 letters and the first letter
//     of every word agree, and the total distance is 1 or 2 ("Josph
//     Votel" → "Joseph Votel", but not "Lars Larsen" → "Lars Hansen").
const (
	MinFrequent    = 3
	FrequencyRatio = 3
)

// Reconcile implements kilde.Store.
func (s *Store) Reconcile(ctx context.Context) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return s.errf("Reconcile", err)
	}
	defer tx.Rollback()
	ents, err := s.loadEntities(ctx, tx)
	if err != nil {
		return s.errf("Reconcile", err)
	}
	merges := planMerges(ents)
	if len(merges) == 0 {
		return nil
	}
	w := &writer{s: s, tx: tx, ctx: ctx, stmts: map[string]*sql.Stmt{}}
	defer w.close()
	for _, m := range merges {
		for _, q := range []string{
			`UPDATE entity_aliases SET entity_id = ? WHERE entity_id = ?`,
			`INSERT INTO article_entities (entity_id, article_id, mentions) SELECT CAST(? AS BIGINT), article_id, mentions FROM article_entities WHERE entity_id = ?
			 ON CONFLICT (entity_id, article_id) DO UPDATE SET mentions = article_entities.mentions + excluded.mentions`,
		} {
			if err := w.exec(q, m.to, m.from); err != nil {
				return s.errf("Reconcile", err)
			}
		}
		for _, q := range []string{`DELETE FROM article_entities WHERE entity_id = ?`, `DELETE FROM entities WHERE id = ?`} {
			if err := w.exec(q, m.from); err != nil {
				return s.errf("Reconcile", err)
			}
		}
	}
	return s.errf("Reconcile", tx.Commit())
}

type merge struct{ from, to int64 }

// planMerges applies the rules above to all entities and returns the merges,
// each pointing at a final target (no chains).
func planMerges(ents []entRow) []merge {
	byKey := map[string]*entRow{} // label \x00 key
	for i := range ents {
		byKey[ents[i].label+"\x00"+ents[i].key] = &ents[i]
	}
	// Surname index: PER entities with several words, by last word.
	bySurname := map[string][]*entRow{}
	// Frequent entities by label and word count, for misspellings.
	type bucket struct {
		label string
		words int
	}
	frequent := map[bucket][]*entRow{}
	for i := range ents {
		e := &ents[i]
		ws := strings.Fields(e.key)
		if e.label == "PER" && len(ws) > 1 {
			last := ws[len(ws)-1]
			bySurname[last] = append(bySurname[last], e)
		}
		if e.articles >= MinFrequent {
			b := bucket{e.label, len(ws)}
			frequent[b] = append(frequent[b], e)
		}
	}
	target := map[int64]int64{}
	for i := range ents {
		e := &ents[i]
		if t := possessiveTarget(e, byKey); t != nil {
			target[e.id] = t.id
			continue
		}
		ws := strings.Fields(e.key)
		if e.label == "PER" && len(ws) == 1 {
			if cands := bySurname[ws[0]]; len(cands) > 0 {
				sorted := append([]*entRow(nil), cands...)
				sort.Slice(sorted, func(i, j int) bool {
					if sorted[i].articles != sorted[j].articles {
						return sorted[i].articles > sorted[j].articles
					}
					return sorted[i].id < sorted[j].id
				})
				if len(sorted) == 1 || sorted[0].articles >= 2*sorted[1].articles {
					target[e.id] = sorted[0].id
					continue
				}
			}
		}
		var best *entRow
		for _, t := range frequent[bucket{e.label, len(ws)}] {
			if t.id == e.id || t.articles < FrequencyRatio*e.articles {
				continue
			}
			if misspelling(e.key, t.key) && (best == nil || t.articles > best.articles) {
				best = t
			}
		}
		if best != nil {
			target[e.id] = best.id
		}
	}
	var out []merge
	for from, to := range target {
		// Follow chains to the final target; stop on cycles.
		seen := map[int64]bool{from: true}
		for {
			next, ok := target[to]
			if !ok || seen[next] {
				break
			}
			seen[to] = true
			to = next
		}
		if to != from {
			out = append(out, merge{from, to})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].from < out[j].from })
	return out
}

func possessiveTarget(e *entRow, byKey map[string]*entRow) *entRow {
	k := e.key
	var base string
	switch {
	case strings.HasSuffix(k, " s"): // Trump's → "trump s"
		base = k[:len(k)-2]
	case strings.HasSuffix(k, "s") && utf8.RuneCountInString(k) > 3:
		base = k[:len(k)-1]
	default:
		return nil
	}
	t := byKey[e.label+"\x00"+base]
	if t == nil || t.id == e.id || t.articles < e.articles {
		return nil
	}
	return t
}

// misspelling reports whether a is a plausible misspelling of b under rule
// 3 above.
func misspelling(a, b string) bool {
	if a == b {
		return false
	}
	wa, wb := strings.Fields(a), strings.Fields(b)
	if len(wa) != len(wb) {
		return false
	}
	total := 0
	for i := range wa {
		x, y := []rune(wa[i]), []rune(wb[i])
		if string(x) == string(y) {
			continue
		}
		if len(x) < 5 || len(y) < 5 || x[0] != y[0] {
			return false
		}
		limit := 1
		if len(x) >= 8 && len(y) >= 8 {
			limit = 2
		}
		d := editDistance(x, y, limit)
		if d > limit {
			return false
		}
		total += d
	}
	return total >= 1 && total <= 2
}

// nearName is the looser rule for a name typed by a user: the same number
// of words with the same first letters, each word within edit distance 2,
// at most 2 in all; or one typed word equal to (or within distance 1 of) a
// word of the name.
func nearName(typed, name string) bool {
	wa, wb := strings.Fields(typed), strings.Fields(name)
	if len(wa) == len(wb) {
		total := 0
		for i := range wa {
			x, y := []rune(wa[i]), []rune(wb[i])
			if x[0] != y[0] {
				total = 3
				break
			}
			total += editDistance(x, y, 2)
		}
		if total <= 2 {
			return true
		}
	}
	if len(wa) == 1 {
		for _, w := range wb {
			if w == typed || len(w) >= 5 && misspelling(typed, w) {
				return true
			}
		}
	}
	return false
}

// editDistance is the Levenshtein distance of a and b, or limit+1 once it
// exceeds limit.
func editDistance(a, b []rune, limit int) int {
	if d := len(a) - len(b); d > limit || -d > limit {
		return limit + 1
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			rowMin = min(rowMin, cur[j])
		}
		if rowMin > limit {
			return limit + 1
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
