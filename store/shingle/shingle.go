// Package shingle hashes a text's shingles, the runs of Words consecutive
// words, for the store's near-duplicate detection (MinHash sketches and
// containment). Stored sketches depend on every hash, so the hashing must
// not change; TestShingleSetMatchesReference in package store checks it
// against the first implementation.
package shingle

import (
	"slices"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Words is the number of words in a shingle.
const Words = 5

// FNV-1a, 64 bits: the shingle hash. Stored sketches depend on it, so it
// must not change (see the store's minhashSeeds).
const (
	fnvOffset64 = 14695981039346656037
	fnvPrime64  = 1099511628211
)

// Set hashes the overlapping Words-word shingles of text: the
// FNV-1a of each shingle's words, lower-cased, each followed by a zero
// byte, where words are the runs of letters and digits. The hashes come
// back sorted and without repeats. It lowers the text into one buffer and
// hashes in place, rather than splitting it into strings: Put calls it for
// every article. The buffers it works in are reused from call to call;
// only the set it returns is allocated, at its size.
func Set(text string) []uint64 {
	sc := shingleScratch.Get().(*shingling)
	defer shingleScratch.Put(sc)
	buf := sc.buf[:0]   // the words, lower-cased, each followed by a zero byte
	ends := sc.ends[:0] // where each word's zero byte ends in buf
	inWord := false
	for i := 0; i < len(text); {
		var r rune
		if c := text[i]; c < utf8.RuneSelf {
			// ASCII, most of any news text: a table lookup.
			if r = asciiWord[c]; r != 0 {
				buf = append(buf, byte(r))
				inWord = true
				i++
				continue
			}
			i++
		} else {
			var n int
			r, n = utf8.DecodeRuneInString(text[i:])
			i += n
			if r = unicode.ToLower(r); !unicode.IsLetter(r) && !unicode.IsDigit(r) {
				r = 0
			}
		}
		if r != 0 {
			buf = utf8.AppendRune(buf, r)
			inWord = true
			continue
		}
		if inWord {
			buf = append(buf, 0)
			ends = append(ends, int32(len(buf)))
			inWord = false
		}
	}
	if inWord {
		buf = append(buf, 0)
		ends = append(ends, int32(len(buf)))
	}
	sc.buf, sc.ends = buf, ends
	if len(ends) < Words {
		return nil
	}
	// Shingle i is the bytes from the end of word i-1 to the end of word
	// i+Words-1. Four shingles are hashed at a time, their chains of
	// multiplications overlapping in the processor: one at a time, each
	// byte waited on the multiplication before it.
	n := len(ends) - Words + 1
	set := sc.set[:0]
	start := func(i int) int32 {
		if i == 0 {
			return 0
		}
		return ends[i-1]
	}
	i := 0
	for ; i+4 <= n; i += 4 {
		b0, b1 := buf[start(i):ends[i+Words-1]], buf[start(i+1):ends[i+Words]]
		b2, b3 := buf[start(i+2):ends[i+Words+1]], buf[start(i+3):ends[i+Words+2]]
		h0, h1, h2, h3 := uint64(fnvOffset64), uint64(fnvOffset64), uint64(fnvOffset64), uint64(fnvOffset64)
		m := min(len(b0), len(b1), len(b2), len(b3))
		for k := range m {
			h0 = (h0 ^ uint64(b0[k])) * fnvPrime64
			h1 = (h1 ^ uint64(b1[k])) * fnvPrime64
			h2 = (h2 ^ uint64(b2[k])) * fnvPrime64
			h3 = (h3 ^ uint64(b3[k])) * fnvPrime64
		}
		set = append(set, fnvMore(h0, b0[m:]), fnvMore(h1, b1[m:]), fnvMore(h2, b2[m:]), fnvMore(h3, b3[m:]))
	}
	for ; i < n; i++ {
		set = append(set, fnvMore(fnvOffset64, buf[start(i):ends[i+Words-1]]))
	}
	sc.set = set
	slices.Sort(set)
	return slices.Clone(slices.Compact(set))
}

// fnvMore continues FNV-1a hash h with the bytes of b.
func fnvMore(h uint64, b []byte) uint64 {
	for _, c := range b {
		h = (h ^ uint64(c)) * fnvPrime64
	}
	return h
}

// shingling is Set's scratch space.
type shingling struct {
	buf  []byte   // the text's words, lower-cased, end to end
	ends []int32  // where each word ends in buf
	set  []uint64 // the shingle hashes
}

var shingleScratch = sync.Pool{New: func() any { return new(shingling) }}

// asciiWord maps an ASCII byte to itself lower-cased when it is a letter or
// a digit, and to 0 when it is not part of a word.
var asciiWord = func() (t [utf8.RuneSelf]rune) {
	for c := range t {
		switch r := rune(c); {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			t[c] = r
		case r >= 'A' && r <= 'Z':
			t[c] = r + 'a' - 'A'
		}
	}
	return t
}()
