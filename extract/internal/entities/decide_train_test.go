package entities

import (
	"flag"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/eval"
	"github.com/whosaid/whosaid/extract/internal/ner"
	"github.com/whosaid/whosaid/extract/internal/text"
)

// `make model` retrains the decider after the name tagger:
//
//	go test -tags sqlite_fts5 -run '^TestTrainDecider$' ./extract/internal/entities -decide.train ../shared
//
// It reads CoNLL-2003 eng.train, rebuilds each document as text, runs the
// entity stage over it with the decider switched off and collects every
// candidate span with its features, labelled by the gold names (exact span
// and type; anything else is "not a name"). The tagger's features must be
// as wrong on train as they will be on new text, so each fifth of the
// documents is tagged by a model trained on the other four fifths. It
// prints the decider's five-fold cross-validation score on train, then
// learns from all of it and writes data/decide.model. Everything runs in a
// fixed order with a fixed seed: the same data gives the same bytes.
var decideTrain = flag.String("decide.train", "", "shared folder (holding data/conll2003): retrain data/decide.model")

// decideCache, when set, keeps the fold taggers there between runs, which
// is only for development: `make model` trains them afresh.
var decideCache = flag.String("decide.cache", "", "folder to keep the fold taggers in")

// decidePrune drops a feature whose averaged weights are all smaller: half
// the features go, the scores on testa and the gold stories stay within
// 0.002, and the smaller table is read faster.
const decidePrune = 1

const (
	decideFolds  = 5
	decideEpochs = 10
)

// decideSeed and decideSeeds set the shuffling seeds of the perceptrons
// averaged (decideSeed, decideSeed+1…). `make model` keeps the defaults;
// retraining with another -decide.seed shows how far a change's effect
// stands above the noise of the order the examples were met in.
var (
	decideSeed  = flag.Uint64("decide.seed", 16, "first shuffling seed of the decider's perceptrons")
	decideSeeds = flag.Uint64("decide.seeds", 15, "how many perceptrons the decider averages")
)

// dcExample is one candidate span of a training document.
type dcExample struct {
	feats []uint64
	s, e  int // CoNLL tokens, -1 if the span is off token boundaries
	label int8
	rule  int8
	tag   int8
	stand bool // the rules' mention stands (stands)
}

// dcDoc is a training document's candidates and gold names.
type dcDoc struct {
	ex   []dcExample
	gold []eval.Chunk
}

func TestTrainDecider(t *testing.T) {
	if *decideTrain == "" {
		t.Skip("-decide.train not given")
	}
	docs, err := eval.ReadCoNLL(filepath.Join(*decideTrain, "data", "conll2003", "eng.train"))
	require.NoError(t, err)
	et, err := NewTagger()
	require.NoError(t, err)
	full := et.names.m
	lex := et.names.lex
	var tdocs []ner.TrainDoc
	for _, d := range docs {
		td := ner.TrainDoc{Words: d.Words, Ends: d.Ends}
		for _, c := range d.Names {
			td.Spans = append(td.Spans, ner.Span{Start: c.Start, End: c.End, Type: slices.Index(ner.Types, c.Type)})
		}
		tdocs = append(tdocs, td)
	}
	data := make([]dcDoc, len(docs))
	for k := 0; k < decideFolds; k++ {
		m := foldTagger(t, tdocs, lex, k)
		et.names.m = m
		for i := k; i < len(docs); i += decideFolds {
			data[i] = collectDoc(et, docs[i])
		}
	}
	et.names.m = full
	// Cross-validation: learn on four fifths, score the fifth, as decide
	// does and with the decider free of the rules (decideSpan).
	keeps := []bool{true, false}
	cv := make([][dcN][3]int, len(keeps))
	var unvouched [3][dcN]int
	knownNames := make([]map[string]bool, decideFolds) // per fold: the first and last words of the other folds' people
	for k := range knownNames {
		knownNames[k] = map[string]bool{}
		for i, d := range docs {
			if i%decideFolds == k {
				continue
			}
			for _, c := range d.Names {
				if c.Type == "PER" && c.End-c.Start >= 2 {
					knownNames[k][d.Words[c.Start]] = true
					knownNames[k][d.Words[c.End-1]] = true
				}
			}
		}
	}
	for k := 0; k < decideFolds; k++ {
		var train []dcDoc
		for i := range data {
			if i%decideFolds != k {
				train = append(train, data[i])
			}
		}
		m := trainDecider(train)
		for i := k; i < len(data); i += decideFolds {
			for j, keep := range keeps {
				scoreDecided(m, data[i], keep, &cv[j])
			}
			countUnvouched(m, data[i], docs[i].Words, knownNames[k], &unvouched)
		}
	}
	t.Logf("lone words only the tagger calls a person, kept as people (CV), in prose with no person evidence in the article, not all capitals: where unvouched drops them, a known first name or a word of another fold's people holds them back, then gold (O PER ORG LOC MISC): %v", unvouched)
	for j, keep := range keeps {
		for k, name := range []string{"", "PER", "ORG", "LOC"} {
			if k == 0 {
				continue
			}
			tp, fp, fn := cv[j][k][0], cv[j][k][1], cv[j][k][2]
			p, r := float64(tp)/float64(max(1, tp+fp)), float64(tp)/float64(max(1, tp+fn))
			t.Logf("decider %d-fold CV on eng.train, rules standing %5v: %s P %.4f R %.4f F1 %.4f (tp %d fp %d fn %d)", decideFolds, keep, name, p, r, 2*p*r/max(1e-9, p+r), tp, fp, fn)
		}
	}
	// How often the rules' person with a known first name is a person where
	// the tagger calls it something else (on fold taggers).
	first := feat(fLexFirst, 9, rkPerson)
	var byLabel [dcN][dcN]int
	for _, d := range data {
		for _, ex := range d.ex {
			if ex.rule == rkPerson && ex.tag != dcPER && slices.Contains(ex.feats, first) && slices.Contains(ex.feats, feat(fLen, 2)) {
				byLabel[ex.tag][ex.label]++
			}
		}
	}
	t.Logf("rules' two-word person with a first name, by tagger class then gold (O PER ORG LOC MISC): %v", byLabel)
	// How often a known organization of the gazetteer is one.
	var known [dcN][dcN]int
	for _, d := range data {
		for _, ex := range d.ex {
			if ex.rule == rkOrg && slices.Contains(ex.feats, feat(fGaz, gzOrg)) {
				known[ex.tag][ex.label]++
			}
		}
	}
	t.Logf("the gazetteer's organizations, by tagger class then gold (O PER ORG LOC MISC): %v", known)
	// How often a lone word the gazetteer knows as an organization is one
	// where the article names a person in full with it as the surname.
	var surname [dcN][dcN]int
	for _, d := range data {
		for _, ex := range d.ex {
			if ex.rule == rkOrg && ex.stand && ex.e-ex.s == 1 && slices.Contains(ex.feats, feat(fRole, 0)) {
				surname[ex.tag][ex.label]++
			}
		}
	}
	t.Logf("the gazetteer's lone organizations that are the surname of a person named in full, by tagger class then gold (O PER ORG LOC MISC): %v", surname)
	// How often a lone word only the tagger calls a person is one, by how
	// much of its article is numbers (genre).
	var byGenre [4][dcN]int
	for _, d := range data {
		for _, ex := range d.ex {
			for g := int8(0); g < 4; g++ {
				if ex.rule == rkNone && ex.tag == dcPER && slices.Contains(ex.feats, feat(fGenre, g, 1, rkNone, dcPER)) {
					byGenre[g][ex.label]++
				}
			}
		}
	}
	t.Logf("lone words only the tagger calls a person, by genre then gold (O PER ORG LOC MISC): %v", byGenre)
	logCues(t, data)
	m := trainDecider(data)
	b := m.marshal()
	t.Logf("decide.model: %d features, %d bytes", len(m.w), len(b))
	require.NoError(t, os.WriteFile(filepath.Join("data", "decide.model"), b, 0o644))
}

// foldTagger trains the name tagger on every document but fold k's, or
// reads it from the cache.
func foldTagger(t *testing.T, docs []ner.TrainDoc, lex *ner.Lexicon, k int) *ner.Model {
	path := ""
	if *decideCache != "" {
		path = filepath.Join(*decideCache, fmt.Sprintf("fold%d.model", k))
		if b, err := os.ReadFile(path); err == nil {
			m, err := ner.Load(b)
			require.NoError(t, err)
			return m
		}
	}
	var rest []ner.TrainDoc
	for i := range docs {
		if i%decideFolds != k {
			rest = append(rest, docs[i])
		}
	}
	m := ner.Train(rest, lex, 8)
	b, err := m.MarshalBinary()
	require.NoError(t, err)
	if path != "" {
		require.NoError(t, os.WriteFile(path, b, 0o644))
	}
	m, err = ner.Load(b) // as it is used in place
	require.NoError(t, err)
	return m
}

// collectDoc runs the entity stage over a CoNLL document rebuilt as text
// and returns its candidates, labelled.
func collectDoc(et *Tagger, cd eval.CoNLLDoc) dcDoc {
	txt, starts := cd.Text()
	tokStart := map[int]int{}
	tokEnd := map[int]int{}
	for i, s := range starts {
		tokStart[s] = i
		tokEnd[s+len(cd.Words[i])] = i + 1
	}
	gold := map[[2]int]int8{}
	var out dcDoc
	for _, c := range cd.Names {
		gold[[2]int{c.Start, c.End}] = tagClass(c.Type)
		out.gold = append(out.gold, c)
	}
	et.collect = func(st *state) {
		for _, c := range st.dc {
			ex := dcExample{feats: slices.Clone(st.feats[c.fs:c.fe]), s: -1, e: -1, rule: c.rule, tag: c.tag, stand: stands(&c)}
			s, ok1 := tokStart[c.start]
			e, ok2 := tokEnd[c.end]
			if ok1 && ok2 {
				ex.s, ex.e = s, e
				ex.label = gold[[2]int{s, e}]
			}
			out.ex = append(out.ex, ex)
		}
	}
	defer func() { et.collect = nil }()
	et.Tag(text.NewDoc(txt), whosaid.Article{Text: txt})
	return out
}

// trainDecider learns decideSeeds averaged multiclass perceptrons from
// docs, each visiting the examples in an order shuffled with its own fixed
// seed, and keeps the mean of their weights. One perceptron's weights hang
// on the order it met the examples: retrained after a change that moved a
// few dozen candidates on train, one model moved the gold stories'
// organizations F1 by 0.02 either way; the mean of several moves less.
func trainDecider(docs []dcDoc) *decider {
	sum := map[uint64][dcN]float32{}
	for k := uint64(0); k < *decideSeeds; k++ {
		for f, v := range trainPerceptron(docs, *decideSeed+k) {
			r := sum[f]
			for c := range r {
				r[c] += v[c] / float32(*decideSeeds)
			}
			sum[f] = r
		}
	}
	avgs := make(map[uint64][dcN]float32, len(sum))
	for f, avg := range sum {
		for _, v := range avg {
			if v >= decidePrune || v <= -decidePrune {
				avgs[f] = avg
				break
			}
		}
	}
	return newDecider(avgs)
}

// trainPerceptron learns one averaged multiclass perceptron from docs,
// visiting the examples in an order shuffled with seed, and returns its
// averaged weights.
func trainPerceptron(docs []dcDoc, seed uint64) map[uint64][dcN]float32 {
	type ref struct{ d, i int }
	var order []ref
	for d := range docs {
		for i := range docs[d].ex {
			order = append(order, ref{d, i})
		}
	}
	w := map[uint64]*[dcN]float32{}
	u := map[uint64]*[dcN]float32{} // updates weighted by when they happened, for averaging
	rng := rand.New(rand.NewPCG(seed, seed))
	step := float32(1)
	for epoch := 0; epoch < decideEpochs; epoch++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, r := range order {
			ex := &docs[r.d].ex[r.i]
			var s [dcN]float32
			for _, f := range ex.feats {
				if v := w[f]; v != nil {
					for k := range s {
						s[k] += v[k]
					}
				}
			}
			best := 0
			for k := 1; k < dcN; k++ {
				if s[k] > s[best] {
					best = k
				}
			}
			if int8(best) != ex.label {
				for _, f := range ex.feats {
					v, a := w[f], u[f]
					if v == nil {
						v, a = new([dcN]float32), new([dcN]float32)
						w[f], u[f] = v, a
					}
					v[ex.label]++
					v[best]--
					a[ex.label] += step
					a[best] -= step
				}
			}
			step++
		}
	}
	avgs := make(map[uint64][dcN]float32, len(w))
	for f, v := range w {
		var avg [dcN]float32
		for k := range avg {
			avg[k] = v[k] - u[f][k]/step
		}
		avgs[f] = avg
	}
	return avgs
}

// scoreDecided decides a held-out document as decide does (best class per
// span, then the most confident non-overlapping spans) and counts true
// positives, false positives and misses per class in cv. A prediction
// exactly on a gold MISC name is not counted, as eval does.
func scoreDecided(m *decider, d dcDoc, rulesStand bool, cv *[dcN][3]int) {
	type pick struct {
		i      int
		label  int8
		margin float32
	}
	var picks []pick
	for i, ex := range d.ex {
		label, margin := decideSpan(m.scores(ex.feats), ex.rule, ex.tag)
		if ex.stand && rulesStand {
			label, margin = int8(ruleClass[ex.rule]), math.MaxFloat32
		}
		if !rulesStand {
			label, margin = decideSpan(m.scores(ex.feats), rkNone, ex.tag)
		}
		if label != dcO {
			picks = append(picks, pick{i, label, margin})
		}
	}
	slices.SortStableFunc(picks, func(a, b pick) int {
		switch {
		case a.margin > b.margin:
			return -1
		case a.margin < b.margin:
			return 1
		}
		return 0
	})
	gold := map[eval.Chunk]bool{}
	misc := map[[2]int]bool{}
	for _, c := range d.gold {
		if c.Type == "MISC" {
			misc[[2]int{c.Start, c.End}] = true
			continue
		}
		gold[c] = true
	}
	taken := map[int]bool{}
	for _, p := range picks {
		ex := d.ex[p.i]
		if ex.s < 0 {
			cv[p.label][1]++ // off token boundaries
			continue
		}
		free := true
		for k := ex.s; k < ex.e; k++ {
			free = free && !taken[k]
		}
		if !free {
			continue
		}
		for k := ex.s; k < ex.e; k++ {
			taken[k] = true
		}
		if p.label == dcMISC || misc[[2]int{ex.s, ex.e}] {
			continue
		}
		c := eval.Chunk{Start: ex.s, End: ex.e, Type: []string{"", "PER", "ORG", "LOC"}[p.label]}
		if gold[c] {
			cv[p.label][0]++
			delete(gold, c)
		} else {
			cv[p.label][1]++
		}
	}
	for c := range gold {
		cv[tagClass(c.Type)][2]++
	}
}

// logCues logs how often the candidates with each document cue
// (decide_cues.go) are of each gold class: all of them, and the lone words
// the tagger calls a person.
func logCues(t *testing.T, data []dcDoc) {
	names := []string{"corporate form", "possessive noun", "next noun", "apposite", "shares of", "at after role", ", which", "person title", "first name", "said he", "its", "his"}
	for b := int8(0); b < cueBits; b++ {
		var all, lone [dcN]int
		for _, d := range data {
			for _, ex := range d.ex {
				if !slices.Contains(ex.feats, feat(fCue, b)) {
					continue
				}
				all[ex.label]++
				if ex.e-ex.s == 1 && ex.tag == dcPER {
					lone[ex.label]++
				}
			}
		}
		t.Logf("cue %-15s gold (O PER ORG LOC MISC): all spans %v, lone words the tagger calls a person %v", names[b], all, lone)
	}
	// Lone words only the tagger calls a person, by genre and the evidence
	// of the article (none, a person's, a thing's, both).
	for g := int8(0); g < 4; g++ {
		var byEv [4][dcN]int
		for _, d := range data {
			for _, ex := range d.ex {
				for ev := int8(0); ev < 4; ev++ {
					if ex.rule == rkNone && ex.tag == dcPER && slices.Contains(ex.feats, feat(fCueGenre, ev, g, rkNone, dcPER)) {
						byEv[ev][ex.label]++
					}
				}
			}
		}
		t.Logf("lone words only the tagger calls a person, genre %d, by evidence (none, person, thing, both) then gold (O PER ORG LOC MISC): %v", g, byEv)
	}
}

// countUnvouched counts, in held-out document d (of words), how often
// the spans unvouched (decide.go) drops are of each gold class: lone words
// only the tagger calls a person that m keeps as people, in prose (genre
// 0), with no person evidence in the article, not all capitals. The first
// row is where it fires, the others where a known first name (row 1) or a
// word of the people of the other folds (known, row 2) holds it back.
func countUnvouched(m *decider, d dcDoc, words []string, known map[string]bool, out *[3][dcN]int) {
	for _, ex := range d.ex {
		if ex.e-ex.s != 1 || ex.rule != rkNone || ex.tag != dcPER || allCaps(words[ex.s]) {
			continue
		}
		if !slices.Contains(ex.feats, feat(fCueGenre, 0, 0, rkNone, dcPER)) && !slices.Contains(ex.feats, feat(fCueGenre, 2, 0, rkNone, dcPER)) {
			continue
		}
		if l, _ := decideSpan(m.scores(ex.feats), rkNone, ex.tag); l != dcPER {
			continue
		}
		k := 0
		switch {
		case slices.Contains(ex.feats, feat(fLexFirst, 9, rkNone)):
			k = 1
		case known[words[ex.s]]:
			k = 2
		}
		out[k][ex.label]++
	}
}
