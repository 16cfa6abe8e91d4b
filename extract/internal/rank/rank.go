// Package rank is a linear ranker: it scores each candidate of a set by the
// sum of the weights of its features and picks the best. Features are
// hashed strings, so a model is a table from 64-bit keys to weights; it is
// learnt by averaged perceptrons (Train) in orders fixed by seeds, so
// the same examples always give the same model, byte for byte.
package rank

import (
	"bytes"
	"fmt"
	"io"
	"slices"
	"strconv"
)

// Model holds the weights of the features. The zero Model scores every
// candidate 0; a Model is read-only once loaded and safe for concurrent use.
type Model struct {
	w map[uint64]float32 // nil in a model Read made, which has only the table
	// keys and vals are w as an open-addressing table (linear probing,
	// a power-of-two size, at most half full), built once by index:
	// scoring does a lookup per feature, and this is several times
	// cheaper than the map.
	keys []uint64
	vals []float32
	mask uint64
}

// index builds the lookup table from w.
func (m *Model) index() {
	m.alloc(len(m.w))
	for k, v := range m.w {
		m.put(k, v)
	}
}

// alloc makes an empty lookup table for n keys.
func (m *Model) alloc(n int) {
	size := 16
	for size < 2*n {
		size *= 2
	}
	m.keys, m.vals, m.mask = make([]uint64, size), make([]float32, size), uint64(size-1)
}

// put gives key k the weight v in the lookup table, replacing the weight
// it had. Key 0 marks an empty slot: a feature hashing to 0 is dropped.
func (m *Model) put(k uint64, v float32) {
	if k == 0 {
		return
	}
	i := (k * 0x9E3779B97F4A7C15) >> 32 & m.mask
	for m.keys[i] != 0 && m.keys[i] != k {
		i = (i + 1) & m.mask
	}
	m.keys[i], m.vals[i] = k, v
}

// weights is the model as a map: w, or for a model Read made, the map of
// its lookup table.
func (m *Model) weights() map[uint64]float32 {
	if m.w != nil || m.keys == nil {
		return m.w
	}
	w := make(map[uint64]float32, len(m.keys)/2)
	for i, k := range m.keys {
		if k != 0 {
			w[k] = m.vals[i]
		}
	}
	return w
}

// weight is the weight of key f, 0 when it has none.
func (m *Model) weight(f uint64) float32 {
	if m.keys == nil {
		return m.w[f]
	}
	i := (f * 0x9E3779B97F4A7C15) >> 32 & m.mask
	for {
		switch m.keys[i] {
		case f:
			return m.vals[i]
		case 0:
			return 0
		}
		i = (i + 1) & m.mask
	}
}

// Key is the hash of a feature: its template and its value, FNV-1a.
func Key(template, value string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(template); i++ {
		h ^= uint64(template[i])
		h *= 1099511628211
	}
	h ^= 0x1f
	h *= 1099511628211
	for i := 0; i < len(value); i++ {
		h ^= uint64(value[i])
		h *= 1099511628211
	}
	return h
}

// KeyN is Key of template and the parts joined by "|", without joining
// them: KeyN("t", "a", "b") == Key("t", "a|b").
func KeyN(template string, parts ...string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(template); i++ {
		h ^= uint64(template[i])
		h *= 1099511628211
	}
	h ^= 0x1f
	h *= 1099511628211
	for j, p := range parts {
		if j > 0 {
			h ^= '|'
			h *= 1099511628211
		}
		for i := 0; i < len(p); i++ {
			h ^= uint64(p[i])
			h *= 1099511628211
		}
	}
	return h
}

// Template is a feature template already hashed, with the separator after
// it: NewTemplate(t).Key(parts...) == KeyN(t, parts...). The stages hash
// their constant templates once, not for every feature.
type Template uint64

// NewTemplate hashes template t.
func NewTemplate(t string) Template {
	h := uint64(14695981039346656037)
	for i := 0; i < len(t); i++ {
		h ^= uint64(t[i])
		h *= 1099511628211
	}
	h ^= 0x1f
	h *= 1099511628211
	return Template(h)
}

// Key is KeyN of the template and parts.
func (t Template) Key(parts ...string) uint64 {
	h := uint64(t)
	for j, p := range parts {
		if j > 0 {
			h ^= '|'
			h *= 1099511628211
		}
		for i := 0; i < len(p); i++ {
			h ^= uint64(p[i])
			h *= 1099511628211
		}
	}
	return h
}

// Score is the sum of the weights of feats.
func (m *Model) Score(feats []uint64) float32 {
	if m == nil {
		return 0
	}
	var s float32
	for _, f := range feats {
		s += m.weight(f)
	}
	return s
}

// Has reports whether key has a weight.
func (m *Model) Has(key uint64) bool {
	if m == nil {
		return false
	}
	if m.keys == nil {
		_, ok := m.w[key]
		return ok
	}
	i := (key * 0x9E3779B97F4A7C15) >> 32 & m.mask
	for {
		switch m.keys[i] {
		case key:
			return true
		case 0:
			return false
		}
		i = (i + 1) & m.mask
	}
}

// Set gives key the weight w: a way to keep a word list in the model.
func (m *Model) Set(key uint64, w float32) {
	if m.w = m.weights(); m.w == nil {
		m.w = map[uint64]float32{}
	}
	m.w[key] = w
	m.keys = nil // the table is rebuilt by Read
}

// Len is the number of features with a weight.
func (m *Model) Len() int { return len(m.weights()) }

// Best returns the index of the candidate with the highest score, the first
// on ties, or -1 when there is none.
func (m *Model) Best(cands [][]uint64) int {
	best, bs := -1, float32(0)
	for i, c := range cands {
		if s := m.Score(c); best < 0 || s > bs {
			best, bs = i, s
		}
	}
	return best
}

// Set is one decision to learn: the candidates' features and which of them
// are right (at least one).
type Set struct {
	Cands [][]uint64
	Gold  []bool
}

// Train learns a model from sets over the given number of passes, visiting
// them in an order shuffled with a fixed seed. On each set whose best
// candidate is wrong it moves the weights towards the best right candidate
// and away from the chosen one; the model is the average of the weights
// over all steps, which generalises better than the last ones. It does so
// runs times, each run visiting the sets in its own fixed order, and
// averages the runs' weights: a perceptron's answers on unseen data move
// with the order it saw its examples in, and the average moves less.
func Train(sets []Set, epochs, runs int) *Model {
	sum := map[uint64]float64{}
	for run := 1; run <= runs; run++ {
		for f, v := range train(sets, epochs, uint64(run)) {
			sum[f] += v
		}
	}
	for f := range sum {
		sum[f] /= float64(runs)
	}
	return round(sum)
}

// TrainApart learns a model of each group of sets as Train does and joins
// them, adding the weights of a key two share. Groups whose decisions share
// no features (the speaker of a quote, a claim's bounds) learn apart what
// Train would learn of them together, less the noise of one shuffled order:
// a change to one group's examples leaves the others' weights as they were.
func TrainApart(groups [][]Set, epochs, runs int) *Model {
	out := &Model{w: map[uint64]float32{}}
	for _, g := range groups {
		for f, v := range Train(g, epochs, runs).w {
			out.w[f] += v
		}
	}
	return out
}

// round is the model of weights w, each rounded to 4 significant digits so
// the file is small and the same on every machine.
func round(w map[uint64]float64) *Model {
	out := &Model{w: make(map[uint64]float32, len(w))}
	for f, v := range w {
		if r := float32(strconvRound(v)); r != 0 {
			out.w[f] = r
		}
	}
	return out
}

// train is one run of Train's averaged perceptron, the order of its passes
// drawn from seed, before rounding.
func train(sets []Set, epochs int, seed uint64) map[uint64]float64 {
	w := map[uint64]float64{}
	acc := map[uint64]float64{} // sum over steps of w, kept lazily
	stamp := map[uint64]int{}
	step := 1
	cur := &Model{w: map[uint64]float32{}}
	bump := func(f uint64, d float64) {
		acc[f] += float64(step-stamp[f]) * w[f]
		stamp[f] = step
		w[f] += d
		cur.w[f] = float32(w[f])
	}
	order := make([]int, len(sets))
	for i := range order {
		order[i] = i
	}
	for ep := 0; ep < epochs; ep++ {
		for i := len(order) - 1; i > 0; i-- {
			seed = seed*6364136223846793005 + 1442695040888963407
			j := int(seed>>33) % (i + 1)
			order[i], order[j] = order[j], order[i]
		}
		for _, si := range order {
			s := sets[si]
			pred := cur.Best(s.Cands)
			if pred >= 0 && !s.Gold[pred] {
				gi, gs := -1, float32(0)
				for i, c := range s.Cands {
					if sc := cur.Score(c); s.Gold[i] && (gi < 0 || sc > gs) {
						gi, gs = i, sc
					}
				}
				if gi >= 0 {
					for _, f := range s.Cands[gi] {
						bump(f, 1)
					}
					for _, f := range s.Cands[pred] {
						bump(f, -1)
					}
				}
			}
			step++
		}
	}
	out := make(map[uint64]float64, len(w))
	for f, v := range w {
		out[f] = (acc[f] + float64(step-stamp[f])*v) / float64(step)
	}
	return out
}

func strconvRound(v float64) float64 {
	r, _ := strconv.ParseFloat(strconv.FormatFloat(v, 'g', 4, 64), 64)
	return r
}

// WriteTo writes the model as text, one "key weight" line per feature in
// key order.
func (m *Model) WriteTo(w io.Writer) (int64, error) {
	ws := m.weights()
	keys := make([]uint64, 0, len(ws))
	for k := range ws {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	var b bytes.Buffer
	for _, k := range keys {
		fmt.Fprintf(&b, "%016x %s\n", k, strconv.FormatFloat(float64(ws[k]), 'g', -1, 32))
	}
	return b.WriteTo(w)
}

// Read parses a model written by WriteTo. It fails on a malformed line.
func Read(r io.Reader) (*Model, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("read rank model: %w", err)
	}
	return Parse(data)
}

// Parse is Read of the bytes of a model, which it does not keep.
//
// Every run of whosaid parses the attribution model before its first
// article, so Parse goes straight to the lookup table: no map, no string
// per line, and WriteTo's 16 hex digits parsed without strconv.
func Parse(data []byte) (*Model, error) {
	m := &Model{}
	m.alloc(bytes.Count(data, []byte{'\n'}) + 1)
	for n := 1; len(data) > 0; n++ {
		line := data
		if i := bytes.IndexByte(data, '\n'); i >= 0 {
			line, data = data[:i], data[i+1:]
		} else {
			data = nil
		}
		line = bytes.TrimSuffix(line, []byte{'\r'})
		k, v, ok := bytes.Cut(line, []byte{' '})
		if !ok {
			return nil, fmt.Errorf("rank model line %d: no weight", n)
		}
		key, ok := parseHex16(k)
		if !ok {
			var err error
			if key, err = strconv.ParseUint(string(k), 16, 64); err != nil {
				return nil, fmt.Errorf("rank model line %d: %w", n, err)
			}
		}
		f, ok := parseShortFloat(v)
		if !ok {
			f64, err := strconv.ParseFloat(string(v), 32)
			if err != nil {
				return nil, fmt.Errorf("rank model line %d: %w", n, err)
			}
			f = float32(f64)
		}
		m.put(key, f)
	}
	return m, nil
}

// parseHex16 parses the 16 lower-case hex digits WriteTo writes a key as;
// ok is false for anything else, which strconv then judges. It looks each
// digit up rather than branching on its range: a key's digits are random,
// and the branches would be mispredicted every other digit.
func parseHex16(b []byte) (v uint64, ok bool) {
	if len(b) != 16 {
		return 0, false
	}
	var bad uint8
	for _, c := range b {
		d := hexDigit[c]
		bad |= d
		v = v<<4 | uint64(d&0xf)
	}
	return v, bad&0xf0 == 0
}

// parseShortFloat parses the weights WriteTo writes when it can do so
// exactly as strconv.ParseFloat(s, 32) would: an optional minus, at most
// 7 digits with an optional point, an optional exponent, the value within
// 10 powers of ten of the digits as an integer. The digits and the power
// of ten are then exact float32s, and one IEEE multiplication or division
// rounds correctly (strconv's own exact case). ok is false for anything
// else, which strconv then parses.
func parseShortFloat(b []byte) (f float32, ok bool) {
	neg := len(b) > 0 && b[0] == '-'
	if neg {
		b = b[1:]
	}
	var mant uint32
	digits, exp, i := 0, 0, 0
	point := false
	for ; i < len(b); i++ {
		c := b[i]
		switch {
		case c >= '0' && c <= '9':
			mant = mant*10 + uint32(c-'0')
			digits++
			if point {
				exp--
			}
		case c == '.' && !point:
			point = true
		default:
			goto mantissaDone
		}
	}
mantissaDone:
	if digits == 0 || digits > 7 {
		return 0, false
	}
	if i < len(b) {
		e, ok := parseExp(b[i:])
		if !ok {
			return 0, false
		}
		exp += e
	}
	f = float32(mant)
	switch {
	case exp > 0 && exp <= 10:
		f *= float32pow10[exp]
	case exp < 0 && exp >= -10:
		f /= float32pow10[-exp]
	case exp != 0:
		return 0, false
	}
	if neg {
		f = -f
	}
	return f, true
}

// parseExp parses an exponent as FormatFloat writes it: "e", a sign, two
// or three digits.
func parseExp(b []byte) (int, bool) {
	if len(b) < 4 || len(b) > 5 || b[0] != 'e' || b[1] != '+' && b[1] != '-' {
		return 0, false
	}
	e := 0
	for _, c := range b[2:] {
		if c < '0' || c > '9' {
			return 0, false
		}
		e = e*10 + int(c-'0')
	}
	if b[1] == '-' {
		e = -e
	}
	return e, true
}

// float32pow10 is the powers of ten a float32 holds exactly.
var float32pow10 = [...]float32{1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10}

// hexDigit is the value of each lower-case hex digit, 0xff for any other
// byte.
var hexDigit = func() (t [256]uint8) {
	for i := range t {
		t[i] = 0xff
	}
	for c := '0'; c <= '9'; c++ {
		t[c] = uint8(c - '0')
	}
	for c := 'a'; c <= 'f'; c++ {
		t[c] = uint8(c - 'a' + 10)
	}
	return t
}()
