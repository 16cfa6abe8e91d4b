// Package ner is a greedy averaged-perceptron sequence tagger for name
// spans (PER, ORG, LOC, MISC in BIO form), trained on CoNLL-2003 by
// extract/internal/gengaz and run by package extract. Features are word
// forms, shapes, affixes, the words around, the previous labels and
// single-word gazetteer flags; they are hashed, so the model is a sorted
// table of feature hashes and weights.
package ner

import (
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Labels in BIO form; index 0 is O.
var Labels = []string{"O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC"}

const nLabels = 9

// Lexicon flags of a word.
const (
	LexCountry = 1 << iota // part of a country name
	LexDemonym
	LexPlace // part of a city, state or region name
	LexFirst // a first name
	LexCommon
	LexOrg // part of a known organization name
)

// Lexicon maps single words to gazetteer flags.
type Lexicon struct{ m map[string]uint8 }

// NewLexicon builds the word flags from the extract tables (countries.tsv,
// places.tsv, words.tsv) and a list of organization names.
func NewLexicon(countries, places, words string, orgs []string) *Lexicon {
	l := &Lexicon{m: map[string]uint8{}}
	addWords := func(s string, f uint8) {
		for _, w := range strings.Fields(s) {
			l.m[w] |= f
		}
	}
	for _, line := range strings.Split(countries, "\n") {
		cols := strings.Split(line, "\t")
		if len(cols) != 5 || line[0] == '#' {
			continue
		}
		for _, n := range strings.Split(cols[3], "|") {
			addWords(n, LexCountry)
		}
		for _, n := range strings.Split(cols[4], "|") {
			addWords(n, LexDemonym)
		}
	}
	for _, line := range strings.Split(places, "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		if i := strings.IndexByte(line, '\t'); i > 0 {
			addWords(line[:i], LexPlace)
		}
	}
	for _, line := range strings.Split(words, "\n") {
		if len(line) < 3 || line[0] == '#' {
			continue
		}
		switch line[0] {
		case 'f':
			l.m[line[2:]] |= LexFirst
		case 'w':
			l.m[line[2:]] |= LexCommon
		}
	}
	for _, o := range orgs {
		for _, n := range strings.Split(o, "|") {
			addWords(n, LexOrg)
		}
	}
	return l
}

// flags returns the flags of w, trying its lower-case form for commonness.
func (l *Lexicon) flags(w string, lower string) uint8 {
	f := l.m[w]
	if lower != w {
		f |= l.m[lower] & LexCommon
	}
	return f
}

// Model is a trained tagger: feature hashes, sorted, and their weights per
// label. It is read-only once loaded.
type Model struct {
	keys []uint64
	w    []float32 // len(keys)*nLabels
	rows map[uint64]int32
	// training state
	train map[uint64]int32
	acc   []float64
	stamp []int32
	tw    [][nLabels]float32
	n     int32
}

// Feature templates, mixed into each hash so equal strings under different
// templates differ.
const (
	fBias = iota + 1
	fWord
	fLower
	fShape
	fPre1
	fPre3
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
	fLex
	fPrevLex
	fNextLex
	fPos
	fPrevShape
	fNextShape
	fShapePair
	fBigramPrev
	fBigramNext
)

func hstr(t uint64, s string) uint64 {
	h := uint64(14695981039346656037) ^ t*1099511628211
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}

// hpair hashes two strings under one template without joining them.
func hpair(t uint64, a, b string) uint64 {
	h := hstr(t, a)
	h ^= '|'
	h *= 1099511628211
	for i := 0; i < len(b); i++ {
		h ^= uint64(b[i])
		h *= 1099511628211
	}
	return h
}

func hnum(t uint64, v uint64) uint64 {
	h := uint64(14695981039346656037) ^ t*1099511628211
	h ^= v
	h *= 1099511628211
	h ^= v >> 8
	h *= 1099511628211
	return h
}

// Sentence is the scratch form of one sentence: its words and their
// computed attributes, reusable across calls.
type Sentence struct {
	Words  []string
	lower  []string
	shape  []string
	lex    []uint8
	feats  []uint64
	buf    []byte
	labels []int
}

// prepare computes per-word attributes once per sentence. Lower-case forms
// share one string per sentence, so tagging allocates once per sentence at
// most.
func (s *Sentence) prepare(lex *Lexicon) {
	n := len(s.Words)
	s.lower = s.lower[:0]
	s.shape = s.shape[:0]
	s.lex = s.lex[:0]
	s.buf = s.buf[:0]
	var ends [256]int32
	for i, w := range s.Words {
		if hasUpper(w) {
			for _, r := range w {
				s.buf = utf8.AppendRune(s.buf, unicode.ToLower(r))
			}
		}
		if i < len(ends) {
			ends[i] = int32(len(s.buf))
		}
	}
	all := string(s.buf)
	start := int32(0)
	for i, w := range s.Words {
		lw := w
		if hasUpper(w) {
			if i < len(ends) {
				lw = all[start:ends[i]]
			} else {
				lw = strings.ToLower(w)
			}
		}
		if i < len(ends) {
			start = ends[i]
		}
		s.lower = append(s.lower, lw)
		s.shape = append(s.shape, shapeOf(w))
		s.lex = append(s.lex, lex.flags(w, lw))
	}
	if cap(s.labels) < n {
		s.labels = make([]int, n)
	}
	s.labels = s.labels[:n]
}

func hasUpper(w string) bool {
	for i := 0; i < len(w); i++ {
		if c := w[i]; c >= 'A' && c <= 'Z' || c >= 0x80 {
			return true
		}
	}
	return false
}

// shapeOf is a compressed word shape: "Xx", "XX", "x", "d", "Xx-Xx", "X.X.".
func shapeOf(w string) string {
	var b [8]byte
	n := 0
	var last byte
	for _, r := range w {
		var c byte
		switch {
		case unicode.IsUpper(r):
			c = 'X'
		case unicode.IsLower(r):
			c = 'x'
		case unicode.IsDigit(r):
			c = 'd'
		default:
			c = byte(r)
			if r >= utf8.RuneSelf {
				c = '?'
			}
		}
		if c != last && n < len(b) {
			b[n] = c
			n++
		}
		last = c
	}
	return shapes.get(b[:n])
}

// shapes interns shape strings, so shapeOf does not allocate.
var shapes = newInterner()

type interner struct{ m map[string]string }

func newInterner() *interner { return &interner{m: map[string]string{}} }

func (in *interner) get(b []byte) string {
	if s, ok := in.m[string(b)]; ok {
		return s
	}
	return string(b) // unseen shapes are rare; not cached, so the table stays read-only
}

func init() {
	// Seed the shape table with the shapes of common words so lookups hit.
	for _, w := range []string{"The", "the", "THE", "1", "1.5", "U.S.", "Al-Qaeda", "well-known", "O'Neil",
		"McDonald", "iPhone", "A", "a", "$", ",", ".", "-", "(", ")", "\"", "'s", "1,000", "1996-08-22",
		"X1", "x1", "Eun-seol", "OPEC+", "'", "Co.", "C.", "e.g."} {
		var b [8]byte
		n := 0
		var last byte
		for _, r := range w {
			var c byte
			switch {
			case unicode.IsUpper(r):
				c = 'X'
			case unicode.IsLower(r):
				c = 'x'
			case unicode.IsDigit(r):
				c = 'd'
			default:
				c = byte(r)
			}
			if c != last && n < len(b) {
				b[n] = c
				n++
			}
			last = c
		}
		shapes.m[string(b[:n])] = string(b[:n])
	}
}

// features computes the features of word i given the previous labels.
func (s *Sentence) features(i int, p1, p2 int) []uint64 {
	f := s.feats[:0]
	w, lw := s.Words[i], s.lower[i]
	f = append(f, hnum(fBias, 0), hstr(fWord, w), hstr(fLower, lw), hstr(fShape, s.shape[i]))
	if len(lw) >= 1 {
		f = append(f, hstr(fPre1, lw[:1]))
	}
	if len(lw) >= 3 {
		f = append(f, hstr(fPre3, lw[:3]), hstr(fSuf3, lw[len(lw)-3:]))
	}
	if len(lw) >= 2 {
		f = append(f, hstr(fSuf2, lw[len(lw)-2:]))
	}
	if len(lw) >= 5 {
		f = append(f, hstr(fSuf4, lw[len(lw)-4:]))
	}
	pw, nw, p2w, n2w := "<s>", "</s>", "<s>", "</s>"
	ps, ns := "<s>", "</s>"
	var pl, nl uint8 = 0xff, 0xff
	if i > 0 {
		pw, ps, pl = s.lower[i-1], s.shape[i-1], s.lex[i-1]
	}
	if i > 1 {
		p2w = s.lower[i-2]
	}
	if i+1 < len(s.Words) {
		nw, ns, nl = s.lower[i+1], s.shape[i+1], s.lex[i+1]
	}
	if i+2 < len(s.Words) {
		n2w = s.lower[i+2]
	}
	f = append(f, hstr(fPrevW, pw), hstr(fNextW, nw), hstr(fPrev2W, p2w), hstr(fNext2W, n2w),
		hnum(fPrevL, uint64(p1)), hnum(fPrev2L, uint64(p1*16+p2)), hstr(fPrevLW^uint64(p1)<<8, lw),
		hnum(fLex, uint64(s.lex[i])), hnum(fPrevLex, uint64(pl)), hnum(fNextLex, uint64(nl)),
		hstr(fPrevShape, ps), hstr(fNextShape, ns), hstr(fShapePair^uint64(p1)<<8, s.shape[i]))
	if i == 0 {
		f = append(f, hnum(fPos, 0))
	}
	f = append(f, hpair(fBigramPrev, pw, lw), hpair(fBigramNext, lw, nw))
	s.feats = f
	return f
}

// Tag labels the words of s (s.Words must be set) and returns the label
// indices, valid until the next call with s.
func (m *Model) Tag(s *Sentence, lex *Lexicon) []int {
	s.prepare(lex)
	p1, p2 := 0, 0
	var scores [nLabels]float32
	for i := range s.Words {
		clear(scores[:])
		for _, h := range s.features(i, p1, p2) {
			k, ok := m.rows[h]
			if !ok {
				continue
			}
			row := m.w[int(k)*nLabels : int(k)*nLabels+nLabels]
			for j := range scores {
				scores[j] += row[j]
			}
		}
		best := bestLabel(&scores, p1)
		s.labels[i] = best
		p2, p1 = p1, best
	}
	return s.labels
}

// bestLabel picks the highest score among labels allowed after prev: an
// I- label only continues its own type.
func bestLabel(scores *[nLabels]float32, prev int) int {
	best, bs := 0, float32(math.Inf(-1))
	for j, v := range scores {
		if j > 0 && j%2 == 0 && prev != j && prev != j-1 {
			continue
		}
		if v > bs {
			best, bs = j, v
		}
	}
	return best
}

// Train learns a model from sentences with BIO labels over the given number
// of passes, shuffling with a fixed seed so runs are reproducible.
func Train(sents [][]string, tags [][]int, lex *Lexicon, epochs int) *Model {
	m := &Model{train: map[uint64]int32{}}
	order := make([]int, len(sents))
	for i := range order {
		order[i] = i
	}
	var s Sentence
	seed := uint64(1)
	for ep := 0; ep < epochs; ep++ {
		for i := len(order) - 1; i > 0; i-- {
			seed = seed*6364136223846793005 + 1442695040888963407
			j := int(seed>>33) % (i + 1)
			order[i], order[j] = order[j], order[i]
		}
		for _, si := range order {
			s.Words = sents[si]
			s.prepare(lex)
			gold := tags[si]
			p1, p2 := 0, 0
			for i := range s.Words {
				m.n++
				feats := s.features(i, p1, p2)
				var scores [nLabels]float32
				for _, h := range feats {
					if r, ok := m.train[h]; ok {
						for j := range scores {
							scores[j] += m.tw[r][j]
						}
					}
				}
				guess := bestLabel(&scores, p1)
				if guess != gold[i] {
					for _, h := range feats {
						r := m.row(h)
						m.update(r, gold[i], 1)
						m.update(r, guess, -1)
					}
				}
				// Train on gold history; its own history scored worse on testa.
				p2, p1 = p1, gold[i]
			}
		}
	}
	m.finish()
	return m
}

func (m *Model) row(h uint64) int32 {
	r, ok := m.train[h]
	if !ok {
		r = int32(len(m.tw))
		m.train[h] = r
		m.tw = append(m.tw, [nLabels]float32{})
		m.acc = append(m.acc, make([]float64, nLabels)...)
		m.stamp = append(m.stamp, make([]int32, nLabels)...)
	}
	return r
}

// update changes one weight, keeping the running sum for averaging.
func (m *Model) update(r int32, label int, v float32) {
	k := int(r)*nLabels + label
	m.acc[k] += float64(m.n-m.stamp[k]) * float64(m.tw[r][label])
	m.stamp[k] = m.n
	m.tw[r][label] += v
}

// finish averages the weights and drops features whose weights all round
// to zero.
func (m *Model) finish() {
	type kw struct {
		h uint64
		w [nLabels]float32
	}
	var rows []kw
	for h, r := range m.train {
		var w [nLabels]float32
		nz := false
		for j := 0; j < nLabels; j++ {
			k := int(r)*nLabels + j
			total := m.acc[k] + float64(m.n-m.stamp[k])*float64(m.tw[r][j])
			w[j] = float32(total / float64(m.n))
			if math.Abs(float64(w[j])) >= 1e-5 {
				nz = true
			}
		}
		if nz {
			rows = append(rows, kw{h, w})
		}
	}
	slices.SortFunc(rows, func(a, b kw) int {
		if a.h < b.h {
			return -1
		}
		if a.h > b.h {
			return 1
		}
		return 0
	})
	m.keys = make([]uint64, len(rows))
	m.w = make([]float32, len(rows)*nLabels)
	for i, r := range rows {
		m.keys[i] = r.h
		copy(m.w[i*nLabels:], r.w[:])
	}
	m.train, m.tw, m.acc, m.stamp = nil, nil, nil, nil
}

// Features reports the number of features kept.
func (m *Model) Features() int { return len(m.keys) }

const magic = "whosaid-ner-1"

// MarshalBinary writes the model gzipped: the hashes as deltas and the
// weights quantised to int16 in steps of 1/256 of the largest weight.
func (m *Model) MarshalBinary() ([]byte, error) {
	var scale float32
	for _, v := range m.w {
		scale = max(scale, float32(math.Abs(float64(v))))
	}
	scale /= 32767
	if scale == 0 {
		scale = 1
	}
	var raw bytes.Buffer
	raw.WriteString(magic)
	binary.Write(&raw, binary.LittleEndian, uint32(len(m.keys)))
	binary.Write(&raw, binary.LittleEndian, scale)
	var prev uint64
	var vb [binary.MaxVarintLen64]byte
	for _, k := range m.keys {
		n := binary.PutUvarint(vb[:], k-prev)
		raw.Write(vb[:n])
		prev = k
	}
	for _, v := range m.w {
		binary.Write(&raw, binary.LittleEndian, int16(math.Round(float64(v/scale))))
	}
	var out bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&out, gzip.BestCompression)
	if _, err := zw.Write(raw.Bytes()); err != nil {
		return nil, fmt.Errorf("compress model: %w", err)
	}
	if err := zw.Close(); err != nil {
		return nil, fmt.Errorf("compress model: %w", err)
	}
	return out.Bytes(), nil
}

// Load reads a model written by MarshalBinary.
func Load(data []byte) (*Model, error) {
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("open model: %w", err)
	}
	raw, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("read model: %w", err)
	}
	if !bytes.HasPrefix(raw, []byte(magic)) || len(raw) < len(magic)+8 {
		return nil, errors.New("read model: not a whosaid NER model")
	}
	raw = raw[len(magic):]
	n := int(binary.LittleEndian.Uint32(raw))
	scale := math.Float32frombits(binary.LittleEndian.Uint32(raw[4:]))
	raw = raw[8:]
	m := &Model{keys: make([]uint64, n), w: make([]float32, n*nLabels)}
	var prev uint64
	for i := range m.keys {
		d, k := binary.Uvarint(raw)
		if k <= 0 {
			return nil, errors.New("read model: truncated keys")
		}
		prev += d
		m.keys[i] = prev
		raw = raw[k:]
	}
	m.rows = make(map[uint64]int32, n)
	for i, k := range m.keys {
		m.rows[k] = int32(i)
	}
	if len(raw) != 2*len(m.w) {
		return nil, errors.New("read model: truncated weights")
	}
	for i := range m.w {
		m.w[i] = float32(int16(binary.LittleEndian.Uint16(raw[2*i:]))) * scale
	}
	return m, nil
}
