package ner

import (
	"hash/maphash"
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxCache bounds the per-Doc word cache: a pooled Doc that has seen this
// many distinct words keeps only the most common of them (see compact).
const maxCache = 1 << 13

// Word classes: what prepare asks of a word, worked out once per distinct
// word.
const (
	wUpper     = 1 << iota // the first rune is upper case
	wLowerRune             // the first rune is lower case
	wLetter                // the first rune is a letter
	wAllCaps               // two or more letters, none lower case
	wHasLower              // some rune is lower case
	wDigit                 // starts with an ASCII digit
	wPunct                 // starts with ASCII punctuation
	wCommon                // a lower-case word the lexicon calls common
)

// wordInfo is what the lexicon and the spelling say about one distinct
// word, whatever document it is in.
type wordInfo struct {
	word    string // the key, owned by the cache
	lower   string
	shape   string
	lowerID int32 // shared by the forms of one lower-case word ("Japan", "JAPAN")
	shapeID int32
	lex     uint8
	class   uint8
	one     uint8    // category of the one-word gazetteer entry, 0 for none
	docs    uint16   // documents the word was in, halved at each compaction
	seen    uint32   // the last document it was in
	phrases []phrase // gazetteer phrases starting with the word
	pre     wordPre
}

// wordCache numbers the distinct words a Doc meets and keeps what is known
// about each, across documents: news repeats its words, and one lookup
// per token then replaces the several (lexicon, phrases, shapes, document
// index, word scores) that each token would cost. Tag adds what the model
// says about each word (rows).
//
// That lookup is an open-addressing index of the words' hashes rather than
// a Go map of their strings, whose lookup waits on memory for a control
// word, a key and the key's bytes: a slot here holds 32 bits of the word's
// hash and its number in 8 bytes, and the string is compared only on a
// hash match, with the word's own entry, which prepare reads next anyway.
type wordCache struct {
	lex      *Lexicon
	seed     maphash.Seed
	slots    []uint64 // per slot: the high half of a word's hash, then 1 + its number; 0 for none
	lowers   map[string]int32
	words    []wordInfo
	nLower   int32
	shapes   map[string]int32
	shapePre []shapePre // by shape number

	// text holds the cache's copies of its words, many to an allocation
	// (a new word was an allocation of its own); compact copies the words
	// it keeps into new text, so the old can be collected.
	text *strings.Builder

	doc       uint32      // documents begun
	m         *Model      // the model rows and shapeRows were filled for
	rows      []wordRows  // per word, what m says about it; see score.go
	shapeRows []shapeRows // per shape
}

// begin readies the cache for a document tagged with lex, emptying it when
// it served another lexicon and making room when it is full. Word numbers
// change, so those of the last document are void.
func (c *wordCache) begin(lex *Lexicon) {
	c.doc++
	switch {
	case c.slots == nil || c.lex != lex:
		c.reset(lex)
	case len(c.words) >= maxCache:
		c.compact()
	}
}

// reset empties the cache for lex.
func (c *wordCache) reset(lex *Lexicon) {
	if c.slots == nil {
		c.lowers, c.shapes = map[string]int32{}, map[string]int32{}
		c.seed = maphash.MakeSeed()
		c.slots = make([]uint64, minSlots)
	}
	clear(c.slots)
	clear(c.lowers)
	clear(c.shapes)
	clear(c.words) // let the collector have the strings
	c.text = nil
	c.words, c.rows = c.words[:0], c.rows[:0]
	c.shapePre, c.shapeRows = c.shapePre[:0], c.shapeRows[:0]
	c.nLower = 0
	c.lex = lex
}

// compact keeps the words of the most documents, at most half the cache,
// and halves their counts, so that the words of past stories make way for
// those of the present ones. Emptying the cache instead would make every
// document after it work out "the" and "said" again.
func (c *wordCache) compact() {
	var byDocs [256]int // words by documents, the last bucket for 255 or more
	for i := range c.words {
		byDocs[min(c.words[i].docs, 255)]++
	}
	t, kept := 256, 0 // keep words of t or more documents
	for t > 1 && kept+byDocs[t-1] <= maxCache/2 {
		t--
		kept += byDocs[t]
	}
	clear(c.slots)
	clear(c.lowers)
	c.nLower = 0
	c.text = nil
	n := 0
	for i := range c.words {
		w := c.words[i]
		if int(w.docs) < t {
			continue
		}
		w.docs /= 2
		lower := c.clone(w.lower)
		if w.word != w.lower {
			w.word = c.clone(w.word)
		} else {
			w.word = lower
		}
		w.lower = lower
		w.lowerID = c.lowerID(w.lower)
		c.words[n], c.rows[n] = w, c.rows[i]
		c.place(maphash.String(c.seed, w.word), int32(n))
		n++
	}
	clear(c.words[n:]) // let the collector have the dropped strings
	c.words, c.rows = c.words[:n], c.rows[:n]
}

// id returns the number of word w, adding it on first sight, and counts
// the document it is in. The cache keeps its own copy of w: the caller's
// words may be slices of a whole article that should not stay in memory.
func (c *wordCache) id(w string) int32 {
	h := maphash.String(c.seed, w)
	k := c.find(h, w)
	if k < 0 {
		k = c.add(w)
		c.insert(h, k)
	}
	if wi := &c.words[k]; wi.seen != c.doc {
		wi.seen = c.doc
		if wi.docs < 1<<16-1 {
			wi.docs++
		}
	}
	return k
}

// add works out what is known about a new word.
func (c *wordCache) add(w string) int32 {
	word, lower := c.cloneLower(w)
	k := int32(len(c.words))
	lid := c.lowerID(lower)
	shape := shapeOf(w)
	sid, ok := c.shapes[shape]
	if !ok {
		sid = int32(len(c.shapeRows))
		c.shapes[shape] = sid
		c.shapePre = append(c.shapePre, newShapePre(shape))
		c.shapeRows = append(c.shapeRows, shapeRows{})
	}
	flags, phrases := c.lex.word(w, lower)
	c.words = appendZero(c.words)
	c.words[k] = wordInfo{
		word:    word,
		lower:   lower,
		shape:   shape,
		lowerID: lid,
		shapeID: sid,
		lex:     flags,
		class:   classOf(w, flags&LexCommon != 0 && lower == w),
		one:     wholeWord(phrases),
		phrases: phrases,
		pre:     newWordPre(lower),
	}
	c.rows = appendZero(c.rows)
	return k
}

// minSlots is the size the index of words starts at; it doubles when
// half full.
const minSlots = 1 << 10

// find returns the number of word w of hash h, -1 for a word not in the
// cache.
func (c *wordCache) find(h uint64, w string) int32 {
	mask := uint64(len(c.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		s := c.slots[i]
		if s == 0 {
			return -1
		}
		if s>>32 == h>>32 {
			if k := int32(uint32(s)) - 1; c.words[k].word == w {
				return k
			}
		}
	}
}

// insert adds word number k, of hash h, to the index, which it doubles
// first when half full; the words before k are those in it.
func (c *wordCache) insert(h uint64, k int32) {
	if 2*(int(k)+1) > len(c.slots) {
		c.slots = make([]uint64, 2*len(c.slots))
		for j := range c.words[:k] {
			c.place(maphash.String(c.seed, c.words[j].word), int32(j))
		}
	}
	c.place(h, k)
}

// place puts word number k, of hash h, in the first free slot of its
// probe sequence.
func (c *wordCache) place(h uint64, k int32) {
	mask := uint64(len(c.slots) - 1)
	i := h & mask
	for c.slots[i] != 0 {
		i = (i + 1) & mask
	}
	c.slots[i] = h>>32<<32 | uint64(k+1)
}

// cacheRoom is the storage the cache's slices grow to at first: a full
// cache and the new words of the document that fills it.
const cacheRoom = maxCache + maxCache/4

// appendZero appends a zero T to s. Its storage doubles when full, as
// append's quarter steps would copy the cache's large entries over and
// over, but at first only up to cacheRoom.
func appendZero[T any](s []T) []T {
	if len(s) == cap(s) {
		n := max(2*len(s), 64)
		if len(s) < cacheRoom {
			n = min(n, cacheRoom)
		}
		t := make([]T, len(s), n)
		copy(t, s)
		s = t
	}
	var zero T
	return append(s, zero)
}

// lowerID returns the number of lower-case form lower, adding it.
func (c *wordCache) lowerID(lower string) int32 {
	lid, ok := c.lowers[lower]
	if !ok {
		lid = c.nLower
		c.nLower++
		c.lowers[lower] = lid
	}
	return lid
}

// textChunk is the size of the allocations of the cache's text.
const textChunk = 16 << 10

// room makes room for n more bytes of text.
func (c *wordCache) room(n int) {
	if c.text == nil || c.text.Cap()-c.text.Len() < n {
		c.text = new(strings.Builder)
		c.text.Grow(max(n, textChunk))
	}
}

// clone copies s into the cache's text.
func (c *wordCache) clone(s string) string {
	c.room(len(s))
	n := c.text.Len()
	c.text.WriteString(s)
	return c.text.String()[n:]
}

// cloneLower copies w and its lower-case form into the cache's text. Only
// a word with an ASCII capital or non-ASCII byte is lower-cased, rune by
// rune.
func (c *wordCache) cloneLower(w string) (word, lower string) {
	if !hasUpper(w) {
		w = c.clone(w)
		return w, w
	}
	// The lower-case form is at most three times as long as w (U+FFFD for
	// a byte that is not UTF-8).
	c.room(4 * len(w))
	n := c.text.Len()
	for _, r := range w {
		c.text.WriteRune(unicode.ToLower(r))
	}
	m := c.text.Len()
	c.text.WriteString(w)
	s := c.text.String()
	return s[m:], s[n:m]
}

// classOf works out the word classes of w; common tells whether it is
// a common lower-case word.
func classOf(w string, common bool) uint8 {
	var c uint8
	if common {
		c |= wCommon
	}
	r, _ := utf8.DecodeRuneInString(w)
	if unicode.IsUpper(r) {
		c |= wUpper
		if isAllCaps(w) {
			c |= wAllCaps
		}
	}
	if unicode.IsLower(r) {
		c |= wLowerRune
	}
	if unicode.IsLetter(r) {
		c |= wLetter
	}
	if hasLower(w) {
		c |= wHasLower
	}
	if w != "" && w[0] >= '0' && w[0] <= '9' {
		c |= wDigit
	}
	if w != "" && isPunct(w[0]) {
		c |= wPunct
	}
	return c
}
