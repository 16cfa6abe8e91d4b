// Package ner is a greedy averaged-perceptron sequence tagger for name
// spans (PER, ORG, LOC, MISC in BILOU form), trained on CoNLL-2003 by
// extract/internal/gengaz and run by package extract.
//
// It tags a whole document at a time, because the document says much about
// a word: "JAPAN" in a headline is the "Japan" of the story, a word also
// written in lower case is seldom a name, and a word labelled PER once is
// likely PER again (the label history of the word). Other features are word
// forms, shapes, affixes, the words around, the previous labels and
// gazetteer flags and phrases. Features are hashed, so the model is a table
// of feature hashes and weights.
package ner

import "os"

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
	labels []uint8
	offs   []int32
	buf    []byte
	index  map[string]int32
	stats  []wstat
	feats  []uint64
	spans  []Span
	first  []uint8 // labels of the first stage
	stage2 bool
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
	d.tagStage(m.s1)
	d.setFirst(d.labels)
	d.tagStage(m.s2)
	d.spans = spansOf(d.labels, d.spans[:0])
	if os.Getenv("VOTE") != "" {
		d.vote()
	}
	return d.spans
}

// tagStage labels every sentence with the weights of one stage.
func (d *Doc) tagStage(m *table) {
	s0 := 0
	for _, e := range d.Ends {
		m.tagSentence(d, s0, e)
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
// label to the word's document history as it goes.
func (m *table) tagSentence(d *Doc, s0, e int) {
	p1, p2 := 0, 0
	for i := s0; i < e; i++ {
		var sc [nL]int32
		d.feats = d.static(d.feats[:0], i, s0, e)
		d.feats = d.dynamic(d.feats, i, s0, e, p1, p2)
		for _, h := range d.feats {
			m.add(h, &sc)
		}
		best, bs := 0, int32(-1<<31)
		for l, v := range sc {
			if v > bs && allowed(p1, l, i == e-1) {
				best, bs = l, v
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
func spansOf(labels []uint8, out []Span) []Span {
	for i := 0; i < len(labels); i++ {
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
		if n := len(out); n > 0 && t == 1 && out[n-1].End == i && out[n-1].Type == 0 && posOf(int(labels[i-1])) == posU && posOf(l) == posU {
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

// slot is one entry of the model's open-addressing table: a feature hash
// and its weight per label, quantised, in one cache-friendly record.
type slot struct {
	key uint64
	w   [nL]int16
}

// Model is a trained tagger: two stages, the second of which reads what the
// first said about every word of the document. It is read-only once loaded
// and safe for concurrent use; each goroutine brings its own Doc.
type Model struct {
	s1, s2 *table
}

// table is the weights of one stage in an open-addressing hash table.
type table struct {
	tab   []slot
	shift uint
	n     int      // features kept
	scale float32  // weight = int16 * scale
	keys  []uint64 // sorted feature hashes, for MarshalBinary (nil once loaded)
	q     []int16  // their weights, nL per key
}

// slotOf is where hash h starts probing.
func (m *table) slotOf(h uint64) uint64 { return (h * 0x9E3779B97F4A7C15) >> m.shift }

// add adds the weights of feature h to sc; unknown features add nothing.
func (m *table) add(h uint64, sc *[nL]int32) {
	if h == 0 {
		h = 1
	}
	mask := uint64(len(m.tab) - 1)
	for i := m.slotOf(h); ; i = (i + 1) & mask {
		s := &m.tab[i]
		if s.key == h {
			for j := range sc {
				sc[j] += int32(s.w[j])
			}
			return
		}
		if s.key == 0 {
			return
		}
	}
}

// build fills the table from sorted keys and their quantised weights.
func (m *table) build(keys []uint64, w []int16) {
	size, shift := 16, uint(60)
	for size < len(keys)*3/2 {
		size *= 2
		shift--
	}
	m.tab = make([]slot, size)
	m.shift = shift
	m.n = len(keys)
	mask := uint64(size - 1)
	for k, h := range keys {
		if h == 0 {
			h = 1
		}
		i := m.slotOf(h)
		for m.tab[i].key != 0 {
			i = (i + 1) & mask
		}
		m.tab[i].key = h
		copy(m.tab[i].w[:], w[k*nL:(k+1)*nL])
	}
}

// Features reports the number of features kept.
func (m *Model) Features() int { return m.s1.n + m.s2.n }
