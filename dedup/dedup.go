// Package dedup finds near-duplicate articles — wire copies and light edits
// of one story — with MinHash over word shingles and LSH banding.
//
// An article's words (lowercased, split as package search splits them) are
// cut into overlapping shingles of Shingle words. Its signature is the
// minimum of Hashes independent hash functions over those shingles; the
// fraction of equal positions in two signatures estimates the Jaccard
// similarity of their shingle sets. The signature is cut into Bands bands
// of Rows rows; two articles become candidates when any band is equal, which
// happens with probability 1-(1-J^Rows)^Bands:
//
//	J = 0.3  →  0.12     different stories on one topic: rarely compared
//	J = 0.5  →  0.65
//	J = 0.6  →  0.89
//	J = 0.7  →  0.99     light edits of one story: almost always compared
//	J = 0.8  →  1.00
//
// Candidates are then confirmed when their estimated Jaccard similarity is
// at least Threshold (0.5). Changing a handful of words in a 300-word article
// leaves J ≈ 0.8–0.9; a rewrite of the same news by another outlet is
// usually J < 0.2 and stays its own story.
package dedup

import (
	"encoding/binary"
	"math"

	"github.com/kilde-news/kilde/search"
)

const (
	// Shingle is the number of words per shingle.
	Shingle = 3
	// Bands × Rows = Hashes.
	Bands  = 16
	Rows   = 4
	Hashes = Bands * Rows
	// Threshold is the estimated Jaccard similarity from which two
	// articles are one story.
	Threshold = 0.5
	// MinWords is the fewest words an article needs to get a signature;
	// shorter texts (a headline, a caption) are never clustered, since a
	// few common words would make unrelated items look alike.
	MinWords = 12
)

// Signature is a MinHash signature. The zero value means "too short".
type Signature []uint32

var seeds [Hashes]uint64

func init() {
	// Fixed seeds from splitmix64 so signatures are stable across builds
	// and stores.
	x := uint64(0x6b696c6465) // "kilde"
	for i := range seeds {
		x += 0x9e3779b97f4a7c15
		z := x
		z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
		z = (z ^ (z >> 27)) * 0x94d049bb133111eb
		seeds[i] = z ^ (z >> 31)
	}
}

func mix(h uint64) uint64 {
	h ^= h >> 33
	h *= 0xff51afd7ed558ccd
	h ^= h >> 33
	h *= 0xc4ceb9fe1a85ec53
	h ^= h >> 33
	return h
}

// fnv-1a over a word, lowercased already
func wordHash(w string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(w); i++ {
		h ^= uint64(w[i])
		h *= 1099511628211
	}
	return h
}

// Sign returns the signature of text, or nil when it has fewer than
// MinWords words.
func Sign(text string) Signature {
	words := make([]uint64, 0, len(text)/6+1)
	search.Words(text, func(s, e int) {
		words = append(words, wordHash(search.Lower(text[s:e])))
	})
	if len(words) < MinWords {
		return nil
	}
	sig := make(Signature, Hashes)
	for i := range sig {
		sig[i] = math.MaxUint32
	}
	seen := make(map[uint64]struct{}, len(words))
	for i := 0; i+Shingle <= len(words); i++ {
		sh := words[i]
		for k := 1; k < Shingle; k++ {
			sh = mix(sh*31 + words[i+k])
		}
		if _, dup := seen[sh]; dup {
			continue
		}
		seen[sh] = struct{}{}
		for j := range sig {
			v := uint32(mix(sh ^ seeds[j]))
			if v < sig[j] {
				sig[j] = v
			}
		}
	}
	return sig
}

// Similarity estimates the Jaccard similarity of the shingle sets behind a
// and b: the share of equal positions. It is 0 when either is nil.
func Similarity(a, b Signature) float64 {
	if len(a) != Hashes || len(b) != Hashes {
		return 0
	}
	eq := 0
	for i := range a {
		if a[i] == b[i] {
			eq++
		}
	}
	return float64(eq) / Hashes
}

// BandKeys returns one key per band: equal keys mean an equal band (up to
// 64-bit hash collisions). The band's index is mixed into its key, so keys
// of all bands can share one index. The keys are non-negative, so stores
// can keep them in signed 64-bit columns.
func BandKeys(sig Signature) []int64 {
	if len(sig) != Hashes {
		return nil
	}
	keys := make([]int64, Bands)
	for b := 0; b < Bands; b++ {
		h := uint64(b+1) * 0x9e3779b97f4a7c15
		for r := 0; r < Rows; r++ {
			h = mix(h ^ uint64(sig[b*Rows+r]))
		}
		keys[b] = int64(h >> 1)
	}
	return keys
}

// Encode returns the signature as bytes (little-endian uint32s).
func (s Signature) Encode() []byte {
	if len(s) == 0 {
		return nil
	}
	b := make([]byte, 4*len(s))
	for i, v := range s {
		binary.LittleEndian.PutUint32(b[4*i:], v)
	}
	return b
}

// Decode reverses Encode; bad input gives nil.
func Decode(b []byte) Signature {
	if len(b) != 4*Hashes {
		return nil
	}
	s := make(Signature, Hashes)
	for i := range s {
		s[i] = binary.LittleEndian.Uint32(b[4*i:])
	}
	return s
}
