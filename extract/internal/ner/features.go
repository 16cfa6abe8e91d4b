package ner

import (
	"unicode"
	"unicode/utf8"
)

// Feature templates, mixed into each hash so equal strings under different
// templates differ.
const (
	fBias = iota + 1
	fWord
	fLower
	fShape
	fPre1
	fPre2
	fPre3
	fPre4
	fSuf1
	fSuf2
	fSuf3
	fSuf4
	fPrevW
	fNextW
	fPrev2W
	fNext2W
	fPrevL
	fPrev2L
	fPrevLW
	fPrevLShape
	fLex
	fPrevLex
	fNextLex
	fFirst
	fLast
	fPrevShape
	fNextShape
	fShape3
	fBigramPrev
	fBigramNext
	fGaz
	fPrevGaz
	fNextGaz
	fDocCase
	fCapsSent
	fHist
	fHistShape
	fNextHist
	fPrevHist
	fInitCommon
	fLen
	fRunLast
	fRunFirst
	fRunPos
	fS1Own
	fS1Prev
	fS1Next
	fS1Doc
	fS1DocOwn
	fPWShape
	fNWShape
	fTable
	fTopic
	fTopicLex
)

const fnvPrime = 1099511628211

// hstr hashes s under template t (FNV-1a).
func hstr(t uint64, s string) uint64 {
	h := uint64(14695981039346656037) ^ t*fnvPrime
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return h
}

// hpair hashes two strings under one template without joining them.
func hpair(t uint64, a, b string) uint64 { return hmore(hpre(t, a), b) }

// hpre hashes the first string of a pair, which hmore continues with the
// second: hpair(t, a, b) == hmore(hpre(t, a), b). Tagging keeps hpre of
// each word and shape.
func hpre(t uint64, a string) uint64 {
	h := hstr(t, a)
	h ^= '|'
	return h * fnvPrime
}

// hmore continues hash h with the bytes of s.
func hmore(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return h
}

// hnum hashes a small number under template t.
func hnum(t uint64, v uint64) uint64 {
	h := uint64(14695981039346656037) ^ t*fnvPrime
	h ^= v
	h *= fnvPrime
	h ^= v >> 8
	h *= fnvPrime
	h ^= v >> 16
	h *= fnvPrime
	return h
}

// Token flags computed by prepare.
const (
	tInit     = 1 << iota // first token of its sentence
	tCapsSent             // the sentence has no lower-case letter (a headline)
	tUpper                // starts with an upper-case letter
	tLowDoc               // the document also has this word in lower case
	tCapMid               // the document also has it capitalised mid-sentence
	tAllCaps              // two or more letters, none lower case
	tTable                // the sentence is mostly numbers: a results table
	tSkip                 // a common lower-case word or punctuation: no name starts here
)

// wstat is what a document says about one word (by its lower-case form):
// how it is written elsewhere and how the tagger labelled it so far.
type wstat struct {
	lowerID   int32 // the word's lower-case form in the word cache
	lowerSeen bool
	capMid    bool
	form      int32     // 1 + the cache id of the first mixed-case form seen mid-sentence ("Japan" for "JAPAN"), 0 for none
	hist      [5]uint16 // labels given so far: O, PER, ORG, LOC, MISC
	agg       [5]uint16 // labels the first stage gave it in the whole document
}

// prepare computes per-token attributes once per document: lower case,
// shape, gazetteer flags and what the rest of the document says about the
// word. What depends on the word alone comes from the word cache.
func (d *Doc) prepare(lex *Lexicon) {
	n := len(d.Words)
	d.lower = grow(d.lower, n)
	d.shape = grow(d.shape, n)
	d.lex = grow(d.lex, n)
	d.gaz = grow(d.gaz, n)
	d.flag = grow(d.flag, n)
	d.stat = grow(d.stat, n)
	d.labels = grow(d.labels, n)
	d.wid = grow(d.wid, n)
	d.class = grow(d.class, n)
	// The last document's stats are forgotten before the cache may renumber
	// the words.
	for _, st := range d.stats {
		d.statOf[st.lowerID] = 0
	}
	d.stats = d.stats[:0]
	c := &d.cache
	c.begin(lex)
	for i, w := range d.Words {
		k := c.id(w)
		wi := &c.words[k]
		d.wid[i], d.lower[i], d.shape[i], d.lex[i], d.class[i] = k, wi.lower, wi.shape, wi.lex, wi.class
	}
	d.statOf = grow(d.statOf, int(c.nLower))
	s0 := 0
	for _, e := range d.Ends {
		caps := true
		for _, cl := range d.class[s0:e] {
			if cl&wHasLower != 0 {
				caps = false
				break
			}
		}
		digits := 0
		for _, cl := range d.class[s0:e] {
			if cl&wDigit != 0 {
				digits++
			}
		}
		table := e-s0 >= 4 && digits*10 >= (e-s0)*3
		for i := s0; i < e; i++ {
			cl := d.class[i]
			d.gaz[i] = 0
			var f uint8
			if i == s0 {
				f |= tInit
			}
			if caps {
				f |= tCapsSent
			}
			if table {
				f |= tTable
			}
			if cl&wUpper != 0 {
				f |= tUpper
				if cl&wAllCaps != 0 {
					f |= tAllCaps
				}
			}
			if f&tUpper == 0 && cl&(wCommon|wPunct) != 0 {
				f |= tSkip
			}
			d.flag[i] = f
			d.stat[i] = -1
			if cl&wLetter == 0 {
				continue
			}
			lid := c.words[d.wid[i]].lowerID
			k := d.statOf[lid] - 1
			if k < 0 {
				k = int32(len(d.stats))
				d.stats = append(d.stats, wstat{lowerID: lid})
				d.statOf[lid] = k + 1
			}
			d.stat[i] = k
			st := &d.stats[k]
			switch {
			case cl&wLowerRune != 0:
				st.lowerSeen = true
			case f&(tInit|tCapsSent) == 0 && f&tAllCaps == 0:
				st.capMid = true
				if st.form == 0 {
					st.form = d.wid[i] + 1
				}
			}
		}
		s0 = e
	}
	s0 = 0
	for _, e := range d.Ends {
		d.markPhrases(s0, e)
		s0 = e
	}
	if n > 0 {
		d.topic, d.topicLex = hpre(fTopic, d.lower[0]), hpre(fTopicLex, d.lower[0])
	}
	for i := range d.Words {
		if k := d.stat[i]; k >= 0 {
			if d.stats[k].lowerSeen {
				d.flag[i] |= tLowDoc
			}
			if d.stats[k].capMid {
				d.flag[i] |= tCapMid
			}
		}
	}
}

// markPhrases marks the gazetteer phrases of sentence [s0, e), longest
// first. A headline's "NEW YORK" is looked up as the story writes it.
func (d *Doc) markPhrases(s0, e int) {
	words := d.cache.words
	for i := s0; i < e; {
		cat, m := matchPhrase(words[d.wid[i]].phrases, d.Words[s0:e], i-s0)
		if m == 0 && d.flag[i]&tAllCaps != 0 {
			if k := d.stat[i]; k >= 0 && d.stats[k].form != 0 {
				if cat = words[d.stats[k].form-1].one; cat != 0 {
					m = 1
				}
			}
		}
		if m == 0 {
			i++
			continue
		}
		for k := i; k < i+m; k++ {
			pos := uint8(1) // inside
			switch {
			case m == 1:
				pos = 3
			case k == i:
				pos = 0
			case k == i+m-1:
				pos = 2
			}
			d.gaz[k] = cat<<2 | pos
		}
		i += m
	}
}

// isPunct reports whether c is ASCII punctuation.
func isPunct(c byte) bool {
	return c < 0x80 && !(c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z')
}

// grow returns s with length n, reusing its storage.
func grow[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	return s[:n]
}

// hasUpper reports whether w may need lower-casing: an ASCII capital or
// any non-ASCII byte.
func hasUpper(w string) bool {
	for i := 0; i < len(w); i++ {
		if c := w[i]; c >= 'A' && c <= 'Z' || c >= 0x80 {
			return true
		}
	}
	return false
}

// hasLower reports whether w holds a lower-case letter.
func hasLower(w string) bool {
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 'a' && c <= 'z' {
			return true
		}
		if c >= 0x80 {
			for _, r := range w[i:] {
				if unicode.IsLower(r) {
					return true
				}
			}
			return false
		}
	}
	return false
}

// isAllCaps reports whether w has two or more letters and no lower-case one.
func isAllCaps(w string) bool {
	n := 0
	for _, r := range w {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n >= 2
}

// shapeOf is a compressed word shape: "Xx", "XX", "x", "d", "Xx-Xx", "X.X.".
func shapeOf(w string) string {
	var b [8]byte
	n := 0
	var last byte
	for i := 0; i < len(w); {
		c := w[i]
		var k byte
		if c < utf8.RuneSelf {
			i++
			switch {
			case c >= 'A' && c <= 'Z':
				k = 'X'
			case c >= 'a' && c <= 'z':
				k = 'x'
			case c >= '0' && c <= '9':
				k = 'd'
			default:
				k = c
			}
		} else {
			r, sz := utf8.DecodeRuneInString(w[i:])
			i += sz
			switch {
			case unicode.IsUpper(r):
				k = 'X'
			case unicode.IsLower(r):
				k = 'x'
			case unicode.IsDigit(r):
				k = 'd'
			default:
				k = '?'
			}
		}
		if k != last && n < len(b) {
			b[n] = k
			n++
		}
		last = k
	}
	return shapes.get(b[:n])
}

// shapes interns shape strings, so shapeOf does not allocate for the
// shapes news text is made of. It is filled by init and read-only after.
var shapes = func() *interner {
	alpha := "Xxd.-',&/$%()?:;\"!"
	// Every shape of up to three classes covers nearly all words: n of
	// one class, n(n-1) of two, n(n-1)² of three. Every run of whosaid
	// builds the map before main, so it is made at its size and each
	// shape is one string.
	n := len(alpha)
	in := &interner{m: make(map[string]string, n+n*(n-1)+n*(n-1)*(n-1)+32)}
	var rec func(prefix []byte, depth int)
	rec = func(prefix []byte, depth int) {
		if len(prefix) > 0 {
			s := string(prefix)
			in.m[s] = s
		}
		if depth == 0 {
			return
		}
		for i := 0; i < len(alpha); i++ {
			c := alpha[i]
			if len(prefix) > 0 && prefix[len(prefix)-1] == c {
				continue
			}
			rec(append(prefix, c), depth-1)
		}
	}
	rec(nil, 3)
	for _, s := range []string{"X.X.", "X.X.X.", "Xx-Xx", "x-x", "Xx'x", "XxXx", "xXx", "d.d", "d,d", "d-d", "d-d-d", "d:d", "d/d", "Xx.", "X.", "xX", "Xd", "dX", "Xx-x", "x-Xx", "X-X", "X-Xx"} {
		in.m[s] = s
	}
	return in
}()

type interner struct{ m map[string]string }

// get returns the interned form of b, or a new string for a rare shape.
func (in *interner) get(b []byte) string {
	if s, ok := in.m[string(b)]; ok {
		return s
	}
	return string(b)
}

// static appends the features of token i that do not depend on labels;
// sentence [s0, e0) holds it.
func (d *Doc) static(f []uint64, i, s0, e0 int) []uint64 {
	return d.context(d.unigram(f, i), i, s0, e0)
}

// unigram appends the features of token i that depend on the word alone,
// which the tagger caches per word.
func (d *Doc) unigram(f []uint64, i int) []uint64 {
	w, lw := d.Words[i], d.lower[i]
	f = append(f, hnum(fBias, 0), hstr(fWord, w), hstr(fLower, lw), hstr(fShape, d.shape[i]),
		hnum(fLex, uint64(d.lex[i])), hnum(fLen, uint64(min(len(w), 12))))
	n := len(lw)
	if n >= 1 {
		f = append(f, hstr(fPre1, lw[:1]), hstr(fSuf1, lw[n-1:]))
	}
	if n >= 3 {
		f = append(f, hstr(fPre2, lw[:2]), hstr(fSuf2, lw[n-2:]))
	}
	if n >= 4 {
		f = append(f, hstr(fPre3, lw[:3]), hstr(fSuf3, lw[n-3:]))
	}
	if n >= 5 {
		f = append(f, hstr(fPre4, lw[:4]), hstr(fSuf4, lw[n-4:]))
	}
	return f
}

// context appends the features of token i that depend on its neighbours
// and on the rest of the document.
func (d *Doc) context(f []uint64, i, s0, e0 int) []uint64 {
	lw := d.lower[i]
	fl := d.flag[i]
	if k := d.stat[i]; k >= 0 && fl&(tAllCaps|tInit) != 0 && d.stats[k].form != 0 && d.stats[k].form-1 != d.wid[i] {
		// "JAPAN" in a headline reads as the "Japan" of the story.
		f = append(f, hstr(fWord, d.cache.words[d.stats[k].form-1].word))
	}
	pw, nw, p2w, n2w := "<s>", "</s>", "<s>", "</s>"
	ps, ns := "<s>", "</s>"
	var pl, nl uint8 = 0xff, 0xff
	var pg, ng uint8 = 0xff, 0xff
	if i > s0 {
		pw, ps, pl, pg = d.lower[i-1], d.shape[i-1], d.lex[i-1], d.gaz[i-1]
	}
	if i > s0+1 {
		p2w = d.lower[i-2]
	}
	if i+1 < e0 {
		nw, ns, nl, ng = d.lower[i+1], d.shape[i+1], d.lex[i+1], d.gaz[i+1]
	}
	if i+2 < e0 {
		n2w = d.lower[i+2]
	}
	f = append(f, hstr(fPrevW, pw), hstr(fNextW, nw), hstr(fPrev2W, p2w), hstr(fNext2W, n2w),
		hnum(fPrevLex, uint64(pl)), hnum(fNextLex, uint64(nl)),
		hstr(fPrevShape, ps), hstr(fNextShape, ns), hpair(fShape3, ps, d.shape[i])^hstr(fShape3, ns)*fnvPrime,
		hpair(fBigramPrev, pw, lw), hpair(fBigramNext, lw, nw),
		hnum(fGaz, uint64(d.gaz[i])), hnum(fPrevGaz, uint64(pg)), hnum(fNextGaz, uint64(ng)))
	if i == s0 {
		f = append(f, hnum(fFirst, uint64(d.lex[i]&LexCommon)))
	}
	if i == e0-1 {
		f = append(f, hnum(fLast, 0))
	}
	if fl&tUpper != 0 {
		f = append(f, hnum(fDocCase, uint64(fl)))
	}
	if fl&tCapsSent != 0 {
		f = append(f, hstr(fCapsSent, d.shape[i]))
	}
	f = append(f, hpair(fPWShape, pw, d.shape[i]), hpair(fNWShape, d.shape[i], nw))
	if fl&tTable != 0 {
		f = append(f, hpair(fTable, d.shape[i], ns))
	}
	if fl&tUpper != 0 && len(d.Words) > 0 {
		// The first word of a wire story often names its desk ("SOCCER -"),
		// which decides whether "Bath" is a club or a town.
		f = append(f, hpair(fTopic, d.lower[0], d.shape[i]), hpair(fTopicLex, d.lower[0], string(rune('a'+d.lex[i]))))
	}
	if fl&tUpper != 0 && fl&tCapsSent == 0 {
		// The capitalised run the word is in: left to right, the tagger
		// must decide "Jones" before it reaches the "Inc" of "Jones
		// Medical Industries Inc".
		a, b := d.run(i, s0, e0)
		if b-a > 1 {
			f = append(f, hstr(fRunLast, d.lower[b-1]), hstr(fRunFirst, d.lower[a]),
				hnum(fRunPos, uint64(min(b-a, 5))<<4|uint64(min(i-a, 4))))
		}
	}
	return f
}

// run returns the capitalised run [a, b) that token i of sentence [s0, e0)
// is in: capitalised words and the "&" between two of them.
func (d *Doc) run(i, s0, e0 int) (int, int) {
	a, b := i, i+1
	for a > s0 && (d.flag[a-1]&tUpper != 0 || d.Words[a-1] == "&") {
		a--
	}
	for b < e0 && (d.flag[b]&tUpper != 0 || d.Words[b] == "&" && b+1 < e0 && d.flag[b+1]&tUpper != 0) {
		b++
	}
	return a, b
}

// histType is the label type most often given so far to the word at k, 0
// when it has none.
func histType(h *[5]uint16) uint64 {
	best, bn := 0, uint16(0)
	for t, c := range h {
		if c > bn {
			best, bn = t, c
		}
	}
	if bn == 0 {
		return 0
	}
	return uint64(best) + 1
}

// dynamic appends the features that depend on the labels given so far: the
// two previous labels and what this word was labelled earlier in the
// document.
func (d *Doc) dynamic(f []uint64, i, s0, e0 int, p1, p2 int) []uint64 {
	f = append(f, hnum(fPrevL, uint64(p1)), hnum(fPrev2L, uint64(p1*32+p2)),
		hstr(fPrevLW^uint64(p1)<<8, d.lower[i]), hstr(fPrevLShape^uint64(p1)<<8, d.shape[i]))
	if d.flag[i]&tUpper != 0 {
		if k := d.stat[i]; k >= 0 {
			h := histType(&d.stats[k].hist)
			f = append(f, hnum(fHist, h), hnum(fHistShape, h<<8|uint64(d.flag[i]&(tInit|tCapsSent))))
		}
	}
	if d.stage2 {
		f = d.stacked(f, i, s0, e0)
	}
	return f
}

// stacked appends the second stage's features: the first stage's labels
// of the word and its neighbours, and what the first stage called the same
// word everywhere else in the document (before and after it).
func (d *Doc) stacked(f []uint64, i, s0, e0 int) []uint64 {
	own := uint64(d.first[i])
	pl, nl := uint64(nL), uint64(nL)
	if i > s0 {
		pl = uint64(d.first[i-1])
	}
	if i+1 < e0 {
		nl = uint64(d.first[i+1])
	}
	f = append(f, hnum(fS1Own, own), hnum(fS1Prev, pl<<5|own), hnum(fS1Next, own<<5|nl))
	if k := d.stat[i]; k >= 0 && d.flag[i]&tUpper != 0 {
		m := d.stats[k].aggType(int(own))
		f = append(f, hnum(fS1Doc, m), hnum(fS1DocOwn, m<<5|own))
	}
	return f
}

// aggType is the type the first stage gave the word most often elsewhere
// in the document: its tally without own, the label of this token.
func (st *wstat) aggType(own int) uint64 {
	agg := st.agg
	if t := typeOf(own); agg[t] > 0 {
		agg[t]--
	}
	return histType(&agg)
}
