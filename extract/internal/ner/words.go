package ner

import (
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
// about each, across documents: news repeats its words, and one map lookup
// per token then replaces the several (lexicon, phrases, shapes, document
// index, word scores) that each token would cost. Tag adds what the model
// says about each word (rows).
type wordCache struct {
	lex      *Lexicon
	ids      map[string]int32
	lowers   map[string]int32
	words    []wordInfo
	nLower   int32
	shapes   map[string]int32
	shapePre []shapePre // by shape number

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
	case c.ids == nil || c.lex != lex:
		c.reset(lex)
	case len(c.words) >= maxCache:
		c.compact()
	}
}

// reset empties the cache for lex.
func (c *wordCache) reset(lex *Lexicon) {
	if c.ids == nil {
		c.ids, c.lowers, c.shapes = map[string]int32{}, map[string]int32{}, map[string]int32{}
	}
	clear(c.ids)
	clear(c.lowers)
	clear(c.shapes)
	clear(c.words) // let the collector have the strings
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
	clear(c.ids)
	clear(c.lowers)
	c.nLower = 0
	n := 0
	for i := range c.words {
		w := c.words[i]
		if int(w.docs) < t {
			continue
		}
		w.docs /= 2
		w.lowerID = c.lowerID(w.lower)
		c.ids[w.word] = int32(n)
		c.words[n], c.rows[n] = w, c.rows[i]
		n++
	}
	clear(c.words[n:]) // let the collector have the dropped strings
	c.words, c.rows = c.words[:n], c.rows[:n]
}

// id returns the number of word w, adding it on first sight, and counts
// the document it is in. The cache keeps its own copy of w: the caller's
// words may be slices of a whole article that should not stay in memory.
func (c *wordCache) id(w string) int32 {
	k, ok := c.ids[w]
	if !ok {
		k = c.add(w)
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
	word, lower := cloneLower(w)
	k := int32(len(c.words))
	c.ids[word] = k
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

// cloneLower copies w and its lower-case form into one allocation. Only a
// word with an ASCII capital or non-ASCII byte is lower-cased, rune by rune.
func cloneLower(w string) (word, lower string) {
	if !hasUpper(w) {
		w = strings.Clone(w)
		return w, w
	}
	var b strings.Builder
	b.Grow(len(w) * 2)
	for _, r := range w {
		b.WriteRune(unicode.ToLower(r))
	}
	n := b.Len()
	b.WriteString(w)
	s := b.String()
	return s[n:], s[:n]
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
