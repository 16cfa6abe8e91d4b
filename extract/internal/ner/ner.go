// Package ner is a greedy averaged-perceptron sequence tagger for name
// spans (PER, ORG, LOC, MISC in BILOU form), trained on CoNLL-2003 by
// extract/internal/gengaz and run by package extract.
//
// It tags a whole document at a time, because the document says much about
// a word: "JAPAN" in a headline is the "Japan" of the story, a word also
// written in lower case is seldom a name, and a word labelled PER once is
// likely PER again (the label history of the word). Other features are word
// forms, shapes, affixes, the words around, the capitalised run a word is
// in, the previous labels, gazetteer flags and phrases, and whether the
// sentence is a headline or a results table.
//
// Tagging runs in two stages (Ratinov and Roth's two-stage prediction
// aggregation): the second stage reads what the first said about the same
// word everywhere in the document, before and after. Both are greedy, left
// to right. Features are hashed, so the model is a table of feature hashes
// and int16 weights.
package ner

import "math/bits"

// Types are the name types, in the order of the labels.
var Types = []string{"PER", "ORG", "LOC", "MISC"}

// Labels in BILOU form: 0 is O, then B-, I-, L-, U- of each type in Types
// order.
const nL = 1 + 4*4

// label positions within a type's block.
const (
	posB = iota
	posI
	posL
	posU
)

// labelOf is the label index of position pos of type t (0-based in Types).
func labelOf(t, pos int) int { return 1 + 4*t + pos }

// typeOf is the 1-based type of a label, 0 for O.
func typeOf(l int) int {
	if l == 0 {
		return 0
	}
	return (l-1)/4 + 1
}

// posOf is the position (posB…posU) of a label other than O.
func posOf(l int) int { return (l - 1) % 4 }

// open reports whether label l leaves a span open (B or I).
func open(l int) bool { return l != 0 && posOf(l) <= posI }

// allowed reports whether label l may follow label prev, and whether it may
// end the sentence when last: a span opened by B- is continued by I- or
// closed by L- of its own type, and nothing is left open.
func allowed(prev, l int, last bool) bool {
	if open(prev) {
		if l == 0 || typeOf(l) != typeOf(prev) || posOf(l) == posB || posOf(l) == posU {
			return false
		}
	} else if l != 0 && (posOf(l) == posI || posOf(l) == posL) {
		return false
	}
	return !last || !open(l)
}

// follows[prev][last] has bit l set when allowed(prev, l, last == 1), for
// the decoder, which asks it of every label of every word.
var follows = func() (t [nL][2]uint32) {
	for prev := range nL {
		for l := range nL {
			for last := range 2 {
				if allowed(prev, l, last == 1) {
					t[prev][last] |= 1 << l
				}
			}
		}
	}
	return t
}()

// Span is a name found by the tagger: words [Start, End) of the document,
// Type an index into Types.
type Span struct {
	Start, End int
	Type       int
}

// Doc is one document to tag and the scratch space to tag it: callers set
// Words (every token) and Ends (the end of each sentence in Words, the last
// one len(Words)); the rest is reused from one document to the next, so a
// pooled Doc tags without allocating much.
type Doc struct {
	Words []string
	Ends  []int

	lower  []string
	shape  []string
	lex    []uint8
	gaz    []uint8
	flag   []uint8
	stat   []int32 // per word: index into stats, -1 for a word without letters
	wid    []int32 // per word: its number in cache
	class  []uint8 // per word: its word classes (wUpper…)
	labels []uint8
	stats  []wstat
	statOf []int32 // per lower-case form in cache: 1 + its index in stats, 0 for none
	feats  []uint64
	spans  []Span
	first  []uint8 // labels of the first stage
	pre    []sums  // second-stage scores of the label-free features
	preOK  []bool
	cache  wordCache
	stage2 bool
	// topic and topicLex are hpre of the first word under fTopic and
	// fTopicLex, for addContext.
	topic, topicLex uint64
}

// Reset empties d for the next document, keeping its storage.
func (d *Doc) Reset() {
	d.Words = d.Words[:0]
	d.Ends = d.Ends[:0]
}

// Labels returns the label of each word after Tag, as "B-PER", "L-ORG",
// "O"; for tests and debugging.
func (d *Doc) Labels() []string {
	out := make([]string, len(d.Words))
	for i := range out {
		l := int(d.labels[i])
		if l == 0 {
			out[i] = "O"
			continue
		}
		out[i] = string("BILU"[posOf(l)]) + "-" + Types[typeOf(l)-1]
	}
	return out
}

// Tag labels the words of d and returns its name spans in order, valid
// until the next call with d.
func (m *Model) Tag(d *Doc, lex *Lexicon) []Span {
	d.prepare(lex)
	d.stage2 = false
	m.tagStage(d, 1)
	d.setFirst(d.labels)
	m.tagStage(d, 2)
	d.spans = spansOf(d.labels, d.Ends, d.spans[:0])
	d.vote()
	return d.spans
}

// tagStage labels every sentence with the weights of one stage.
func (m *Model) tagStage(d *Doc, stage int) {
	d.cache.use(m)
	if stage == 1 {
		d.pre = grow(d.pre, len(d.Words))
		d.preOK = grow(d.preOK, len(d.Words))
		clear(d.preOK)
	}
	s0 := 0
	for _, e := range d.Ends {
		m.tagSentence(d, s0, e, stage)
		s0 = e
	}
}

// setFirst keeps the first stage's labels and tallies them per word over
// the whole document, before the second stage starts afresh.
func (d *Doc) setFirst(labels []uint8) {
	d.first = grow(d.first, len(labels))
	copy(d.first, labels)
	for k := range d.stats {
		d.stats[k].agg = [5]uint16{}
		d.stats[k].hist = [5]uint16{}
	}
	for i, l := range labels {
		if k := d.stat[i]; k >= 0 && d.flag[i]&tUpper != 0 {
			if a := &d.stats[k].agg[typeOf(int(l))]; *a < 1<<15 {
				*a++
			}
		}
	}
	d.stage2 = true
}

// vote makes the document consistent: a span whose words were mostly
// labelled another type elsewhere in the document takes that type ("Pirelli
// 's" once ORG among four PER stays what most of the story says).
func (d *Doc) vote() {
	for k := range d.spans {
		sp := &d.spans[k]
		var tally [5]int
		for i := sp.Start; i < sp.End; i++ {
			if j := d.stat[i]; j >= 0 && d.flag[i]&tUpper != 0 {
				for t, c := range d.stats[j].hist {
					tally[t] += int(c)
				}
			}
		}
		best := 0
		for t := 1; t < 5; t++ {
			if tally[t] > tally[best] {
				best = t
			}
		}
		if best > 0 && best-1 != sp.Type && tally[best] >= 2*tally[sp.Type+1]+1 {
			sp.Type = best - 1
		}
	}
}

// tagSentence labels words [s0, e) greedily, left to right, and adds each
// label to the word's document history as it goes. The features that do
// not depend on labels are looked up once, in the first stage, for both
// stages: the second stage starts from the score they gave.
func (m *Model) tagSentence(d *Doc, s0, e, stage int) {
	p1, p2 := 0, 0
	st := 0 // the stage's half of each weight row
	if stage == 2 {
		st = 1
	}
	for i := s0; i < e; i++ {
		if d.flag[i]&tSkip != 0 && !open(p1) && (stage == 1 || d.first[i] == 0) {
			// An ordinary lower-case word or a punctuation mark after a
			// closed name is outside any name; scoring it would only say so.
			d.labels[i] = 0
			p2, p1 = p1, 0
			continue
		}
		var s sums
		if stage == 1 || !d.preOK[i] {
			u := m.wordScores(d, i)
			s = u[0]
			s2 := u[1]
			m.addContext(d, i, s0, e, &s, &s2)
			d.pre[i], d.preOK[i] = s2, true
			if stage == 2 {
				s = s2
			}
		} else {
			s = d.pre[i]
		}
		m.addDynamic(d, i, s0, e, p1, p2, st, &s)
		sc := s.scores()
		ok := follows[p1][0]
		if i == e-1 {
			ok = follows[p1][1]
		}
		best, bs := 0, int32(-1<<31)
		for ; ok != 0; ok &= ok - 1 { // the allowed labels in order
			if l := bits.TrailingZeros32(ok); sc[l] > bs {
				best, bs = l, sc[l]
			}
		}
		d.labels[i] = uint8(best)
		d.record(i, best)
		p2, p1 = p1, best
	}
}

// record adds label l of word i to the word's history in the document.
func (d *Doc) record(i, l int) {
	if d.flag[i]&tUpper == 0 {
		return
	}
	if k := d.stat[i]; k >= 0 {
		h := &d.stats[k].hist
		if h[typeOf(l)] < 1<<15 {
			h[typeOf(l)]++
		}
	}
}

// spansOf reads the spans of a label sequence. Decoding never leaves a
// span open, but a B- or I- run without its L- still ends where its type
// does.
func spansOf(labels []uint8, ends []int, out []Span) []Span {
	sent := 0 // the sentence of word i
	for i := 0; i < len(labels); i++ {
		for sent < len(ends) && ends[sent] <= i {
			sent++
		}
		l := int(labels[i])
		if l == 0 {
			continue
		}
		t := typeOf(l)
		j := i + 1
		if p := posOf(l); p == posB || p == posI {
			for j < len(labels) && labels[j] != 0 && typeOf(int(labels[j])) == t && (posOf(int(labels[j])) == posI || posOf(int(labels[j])) == posL) {
				j++
				if posOf(int(labels[j-1])) == posL {
					break
				}
			}
		}
		if n := len(out); n > 0 && t == 1 && out[n-1].End == i && (sent == 0 || ends[sent-1] != i) && out[n-1].Type == 0 && posOf(int(labels[i-1])) == posU && posOf(l) == posU {
			// Two one-word people side by side ("Yvonne" "McGregor") are
			// one person: names of people are never juxtaposed.
			out[n-1].End = j
			i = j - 1
			continue
		}
		out = append(out, Span{Start: i, End: j, Type: t - 1})
		i = j - 1
	}
	return out
}

// Encode turns spans over n words into BILOU label indices, for training.
func Encode(n int, spans []Span) []uint8 {
	out := make([]uint8, n)
	for _, s := range spans {
		if s.End-s.Start == 1 {
			out[s.Start] = uint8(labelOf(s.Type, posU))
			continue
		}
		out[s.Start] = uint8(labelOf(s.Type, posB))
		for k := s.Start + 1; k < s.End-1; k++ {
			out[k] = uint8(labelOf(s.Type, posI))
		}
		out[s.End-1] = uint8(labelOf(s.Type, posL))
	}
	return out
}

// Model is a trained tagger: two stages, the second of which reads what the
// first said about every word of the document. It is read-only once loaded
// and safe for concurrent use; each goroutine brings its own Doc.
//
// Both stages share one open-addressing index of 32-bit fingerprints (a
// lookup that misses, the common case, touches 8 bytes) pointing at rows of
// int16 weights, packed for adding (sums.go). A row holds both stages'
// weights side by side (80 bytes), because the label-free features are
// scored for both stages at once: one row costs two cache lines instead of
// two rows in distant arrays.
type Model struct {
	slots []slot
	shift uint
	w     [][2]packedRow // per row: stage 1, stage 2 (zeros without s2)
	fixed *fixedRows
}

// slot is one entry of the index: the fingerprint of a feature hash (0 for
// an empty slot) and its row.
type slot struct {
	fp  uint32
	row int32
}

// table is one stage as trained: sorted feature hashes and their
// quantised weights.
type table struct {
	keys []uint64 // sorted feature hashes
	q    []int16  // their weights, nL per key
}

// fingerprint is the part of h the index keeps; the slot is chosen from
// other bits, so two features rarely share both.
func fingerprint(h uint64) uint32 { return uint32(h>>32) | 1 }

// slotOf is where hash h starts probing.
func (m *Model) slotOf(h uint64) uint64 { return (h * 0x9E3779B97F4A7C15) >> m.shift }

// row returns the weight row of feature h, or -1 if the model lacks it.
func (m *Model) row(h uint64) int32 {
	fp := fingerprint(h)
	mask := uint64(len(m.slots) - 1)
	for i := m.slotOf(h); ; i = (i + 1) & mask {
		s := m.slots[i]
		if s.fp == fp {
			return s.row
		}
		if s.fp == 0 {
			return -1
		}
	}
}

// rowsOf sets rows[k] to the row of feature hs[k], -1 where the model
// lacks it.
func (m *Model) rowsOf(hs []uint64, rows []int32) {
	first := m.firstSlots(hs)
	m.resolve(hs, &first, rows)
}

// firstSlots loads the slot each of hs starts probing at. Most of them miss
// the cache; loading all before looking at any lets the processor wait for
// the misses together, where probing one hash after another would wait for
// each in turn (the branch on what a slot holds stops the processor running
// ahead). Work done between firstSlots and resolve overlaps the wait.
func (m *Model) firstSlots(hs []uint64) (first [maxProbes]slot) {
	for k, h := range hs {
		first[k] = m.slots[m.slotOf(h)]
	}
	return first
}

// resolve sets rows[k] to the row of feature hs[k], -1 where the model
// lacks it, starting from first, the slots firstSlots loaded.
func (m *Model) resolve(hs []uint64, first *[maxProbes]slot, rows []int32) {
	for k, h := range hs {
		switch s := first[k]; {
		case s.fp == fingerprint(h):
			rows[k] = s.row
		case s.fp == 0:
			rows[k] = -1
		default:
			rows[k] = m.row(h)
		}
	}
}

// maxProbes bounds the hashes rowsOf is given at once: the 14 of a word
// alone (Doc.unigram) and the 8 of a token's context.
const maxProbes = 16

// newModel indexes the features of both stages; s2 may be nil for a model
// of the first stage alone, as training uses for its folds.
func newModel(s1, s2 *table) *Model {
	m := &Model{}
	n := len(s1.keys)
	if s2 != nil {
		n += len(s2.keys)
	}
	size, shift := 16, uint(60)
	for size < n*2 {
		size *= 2
		shift--
	}
	m.slots = make([]slot, size)
	m.shift = shift
	mask := uint64(size - 1)
	var rows int32
	rowOf := func(h uint64) int32 {
		fp := fingerprint(h)
		i := m.slotOf(h)
		for ; m.slots[i].fp != 0; i = (i + 1) & mask {
			if m.slots[i].fp == fp {
				return m.slots[i].row
			}
		}
		r := rows
		m.slots[i] = slot{fp: fp, row: r}
		rows++
		return r
	}
	// Index every feature first, so the weights are allocated once at
	// their exact size (the stages share most features); the rows found
	// are kept, as probing the table again would miss the cache as often.
	rows1 := make([]int32, len(s1.keys))
	for k, h := range s1.keys {
		rows1[k] = rowOf(h)
	}
	var rows2 []int32
	if s2 != nil {
		rows2 = make([]int32, len(s2.keys))
		for k, h := range s2.keys {
			rows2[k] = rowOf(h)
		}
	}
	w := make([][2][nL]int16, rows)
	for k, r := range rows1 {
		copy(w[r][0][:], s1.q[k*nL:(k+1)*nL])
	}
	for k, r := range rows2 {
		copy(w[r][1][:], s2.q[k*nL:(k+1)*nL])
	}
	m.w = make([][2]packedRow, rows)
	for r := range w {
		m.w[r] = [2]packedRow{pack(&w[r][0]), pack(&w[r][1])}
	}
	m.fixed = newFixedRows(m)
	return m
}

// Features reports the number of features kept.
func (m *Model) Features() int { return len(m.w) }
