package ner

import (
	"math"
	"slices"
)

// TrainDoc is one labelled document: its words, sentence ends (as in Doc)
// and gold spans.
type TrainDoc struct {
	Words []string
	Ends  []int
	Spans []Span
}

// trainer holds the weights while learning: full precision, with the sums
// needed to average them lazily.
type trainer struct {
	rows  map[uint64]int32
	w     [][nL]float32
	acc   [][nL]float64
	stamp [][nL]int32
	n     int32
}

// folds is how many parts the training data is cut into to give the
// second stage first-stage labels from models that never saw the document.
const folds = 5

// Train learns a model from labelled documents over the given number of
// passes. Documents are visited in an order shuffled with a fixed seed, so
// the same data always gives the same model.
//
// The second stage learns from first-stage labels made by models trained on
// the other four fifths of the data (jackknifing): labels from a model that
// had learnt the document would never be wrong, and the second stage would
// learn to copy them.
func Train(docs []TrainDoc, lex *Lexicon, epochs int) *Model {
	gold := make([][]uint8, len(docs))
	all := make([]int, len(docs))
	for i, doc := range docs {
		gold[i] = Encode(len(doc.Words), doc.Spans)
		all[i] = i
	}
	s1 := trainStage(docs, all, gold, nil, lex, epochs)
	first := make([][]uint8, len(docs))
	var d Doc
	for k := 0; k < folds; k++ {
		var rest []int
		for i := range docs {
			if i%folds != k {
				rest = append(rest, i)
			}
		}
		m := newModel(trainStage(docs, rest, gold, nil, lex, epochs), nil)
		for i := k; i < len(docs); i += folds {
			d.Words, d.Ends = docs[i].Words, docs[i].Ends
			d.prepare(lex)
			d.stage2 = false
			m.tagStage(&d, 1)
			first[i] = append([]uint8(nil), d.labels...)
		}
	}
	s2 := trainStage(docs, all, gold, first, lex, epochs)
	return newModel(s1, s2)
}

// trainStage learns the weights of one stage from documents idx; first,
// when set, holds the first-stage labels the second stage reads.
func trainStage(docs []TrainDoc, idx []int, gold, first [][]uint8, lex *Lexicon, epochs int) *table {
	t := &trainer{rows: map[uint64]int32{}}
	order := append([]int(nil), idx...)
	var d Doc
	seed := uint64(1)
	for ep := 0; ep < epochs; ep++ {
		for i := len(order) - 1; i > 0; i-- {
			seed = seed*6364136223846793005 + 1442695040888963407
			j := int(seed>>33) % (i + 1)
			order[i], order[j] = order[j], order[i]
		}
		for _, di := range order {
			d.Words, d.Ends = docs[di].Words, docs[di].Ends
			d.prepare(lex)
			d.stage2 = false
			if first != nil {
				d.setFirst(first[di])
			}
			t.learnDoc(&d, gold[di])
		}
	}
	return t.finish()
}

// learnDoc tags one document as Tag would and updates the weights at each
// mistake. The previous labels are the gold ones (the model's own scored
// worse on testa); the document history is built from the model's guesses,
// as it will be when tagging.
func (t *trainer) learnDoc(d *Doc, gold []uint8) {
	s0 := 0
	for _, e := range d.Ends {
		p1, p2 := 0, 0
		for i := s0; i < e; i++ {
			t.n++
			d.feats = d.static(d.feats[:0], i, s0, e)
			d.feats = d.dynamic(d.feats, i, s0, e, p1, p2)
			var sc [nL]float32
			for _, h := range d.feats {
				if r, ok := t.rows[h]; ok {
					w := &t.w[r]
					for j := range sc {
						sc[j] += w[j]
					}
				}
			}
			best, bs := 0, float32(math.Inf(-1))
			for l, v := range sc {
				if v > bs && allowed(p1, l, i == e-1) {
					best, bs = l, v
				}
			}
			g := int(gold[i])
			if best != g {
				for _, h := range d.feats {
					r := t.row(h)
					t.update(r, g, 1)
					t.update(r, best, -1)
				}
			}
			d.record(i, best)
			p2, p1 = p1, g
		}
		s0 = e
	}
}

// row returns the row of feature h, adding it.
func (t *trainer) row(h uint64) int32 {
	r, ok := t.rows[h]
	if !ok {
		r = int32(len(t.w))
		t.rows[h] = r
		t.w = append(t.w, [nL]float32{})
		t.acc = append(t.acc, [nL]float64{})
		t.stamp = append(t.stamp, [nL]int32{})
	}
	return r
}

// update changes one weight, keeping the running sum for averaging.
func (t *trainer) update(r int32, label int, v float32) {
	t.acc[r][label] += float64(t.n-t.stamp[r][label]) * float64(t.w[r][label])
	t.stamp[r][label] = t.n
	t.w[r][label] += v
}

// minWeight is the smallest averaged weight kept: features whose weights
// are all smaller change no decision worth keeping and only grow the model.
const minWeight = 2e-3

// finish averages the weights, drops features too weak to matter and
// quantises the rest to int16.
func (t *trainer) finish() *table {
	type kw struct {
		h uint64
		w [nL]float32
	}
	var rows []kw
	var top float32
	for h, r := range t.rows {
		var w [nL]float32
		keep := false
		for j := 0; j < nL; j++ {
			total := t.acc[r][j] + float64(t.n-t.stamp[r][j])*float64(t.w[r][j])
			w[j] = float32(total / float64(t.n))
			if math.Abs(float64(w[j])) >= minWeight {
				keep = true
			}
		}
		if keep {
			rows = append(rows, kw{h, w})
			for _, v := range w {
				top = max(top, float32(math.Abs(float64(v))))
			}
		}
	}
	slices.SortFunc(rows, func(a, b kw) int {
		switch {
		case a.h < b.h:
			return -1
		case a.h > b.h:
			return 1
		}
		return 0
	})
	scale := top / 32767
	if scale == 0 {
		scale = 1
	}
	keys := make([]uint64, len(rows))
	q := make([]int16, len(rows)*nL)
	for i, r := range rows {
		keys[i] = r.h
		for j, v := range r.w {
			q[i*nL+j] = int16(math.Round(float64(v / scale)))
		}
	}
	return &table{keys: keys, q: q}
}
