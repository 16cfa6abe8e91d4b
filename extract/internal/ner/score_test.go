package ner

import (
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// testModel loads the embedded model and the lexicon it was trained with.
func testModel(tb testing.TB) (*Model, *Lexicon) {
	tb.Helper()
	data, err := os.ReadFile(filepath.Join("..", "entities", "data", "ner.model"))
	require.NoError(tb, err)
	m, err := Load(data)
	require.NoError(tb, err)
	var s [3]string
	for i, f := range []string{"countries.tsv", "places.tsv", "words.tsv"} {
		b, err := os.ReadFile(filepath.Join("..", "entities", "data", f))
		require.NoError(tb, err)
		s[i] = string(b)
	}
	return m, NewLexicon(s[0], s[1], s[2], nil)
}

// testDocs are hand-made documents with the cases the tagger treats
// apart (headlines, tables, runs with "&", gazetteer phrases, boundaries),
// and CoNLL-2003 eng.testa when ../shared is beside the checkout.
func testDocs(tb testing.TB) []TrainDoc {
	tb.Helper()
	texts := []string{
		"JAPAN BEAT SYRIA IN ASIAN CUP .\nTOKYO 1996-12-06\nJapan beat Syria 2-1 in the Asian Cup on Friday , said Jones Medical Industries Inc of New York .",
		"SOCCER - RESULTS .\nBath 3 Leeds 1\nArsenal 2 Chelsea 2 1 0 3\nProcter & Gamble and AT&T said Mr. O'Neill 's deal with U.S. firms was off .",
		"NATO foreign ministers will meet in Brussels on Friday , Jim Mattis said .\n\" It is New Mexico , not Mexico , \" said the Pirelli spokesman .",
		"x\n.\nÉcole Polytechnique in São Paulo and the ÉCOLE ; İstanbul , straße",
	}
	var docs []TrainDoc
	for _, t := range texts {
		var d TrainDoc
		for _, line := range strings.Split(t, "\n") {
			d.Words = append(d.Words, strings.Fields(line)...)
			d.Ends = append(d.Ends, len(d.Words))
		}
		docs = append(docs, d)
	}
	raw, err := os.ReadFile(filepath.Join("..", "..", "..", "..", "shared", "data", "conll2003", "eng.testa"))
	if err != nil {
		return docs
	}
	var d TrainDoc
	flush := func() {
		if n := len(d.Words); n > 0 && (len(d.Ends) == 0 || d.Ends[len(d.Ends)-1] != n) {
			d.Ends = append(d.Ends, n)
		}
	}
	for _, line := range strings.Split(string(raw), "\n") {
		f := strings.Fields(line)
		switch {
		case len(f) > 0 && f[0] == "-DOCSTART-":
			flush()
			if len(d.Words) > 0 {
				docs = append(docs, d)
			}
			d = TrainDoc{}
		case len(f) == 0:
			flush()
		default:
			d.Words = append(d.Words, f[0])
		}
	}
	flush()
	return append(docs, d)
}

// slowScores sums stage st's weights of the features hs the way the
// feature lists describe them: one probe of the index each.
func slowScores(m *Model, hs []uint64, st int) [nL]int32 {
	var sc [nL]int32
	for _, h := range hs {
		if r := m.row(h); r >= 0 {
			w := unpack(&m.w[r][st])
			for j := range sc {
				sc[j] += w[j]
			}
		}
	}
	return sc
}

// unpack undoes pack.
func unpack(p *packedRow) [nL]int32 {
	var w [nL]int32
	for j := range w {
		w[j] = int32(int16(uint16(p[j/4]>>(16*(j%4))) ^ 0x8000))
	}
	return w
}

// TestFastScores checks that tagging scores every word of both stages as
// the feature lists of features.go (which training uses) say, token by
// token, after the labels tagging gives.
func TestFastScores(t *testing.T) {
	m, lex := testModel(t)
	var d Doc
	for n, doc := range testDocs(t) {
		d.Words, d.Ends = doc.Words, doc.Ends
		d.prepare(lex)
		d.cache.use(m)
		d.stage2 = false
		for stage := 1; stage <= 2; stage++ {
			if stage == 2 {
				d.setFirst(d.labels)
			}
			st := stage - 1
			s0 := 0
			for _, e := range d.Ends {
				p1, p2 := 0, 0
				for i := s0; i < e; i++ {
					u := m.wordScores(&d, i)
					s1, s2 := u[0], u[1]
					m.addContext(&d, i, s0, e, &s1, &s2)
					static := d.static(nil, i, s0, e)
					require.Equal(t, slowScores(m, static, 0), s1.scores(), "doc %d word %d %q: stage 1 context", n, i, d.Words[i])
					require.Equal(t, slowScores(m, static, 1), s2.scores(), "doc %d word %d %q: stage 2 context", n, i, d.Words[i])
					s := [2]sums{s1, s2}[st]
					m.addDynamic(&d, i, s0, e, p1, p2, st, &s)
					all := d.dynamic(static, i, s0, e, p1, p2)
					sc := s.scores()
					require.Equal(t, slowScores(m, all, st), sc, "doc %d word %d %q: stage %d after %d %d", n, i, d.Words[i], stage, p1, p2)
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
				s0 = e
			}
		}
	}
}

// TestSumsExact checks the packed sums against plain int32 sums, with the
// extreme weights and more rows than a token ever adds.
func TestSumsExact(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	w := make([][2]packedRow, 300)
	plain := make([][nL]int32, len(w))
	for r := range w {
		var q [nL]int16
		for j := range q {
			switch rng.Intn(4) {
			case 0:
				q[j] = -32768
			case 1:
				q[j] = 32767
			default:
				q[j] = int16(rng.Intn(65536) - 32768)
			}
			plain[r][j] = int32(q[j])
		}
		w[r][1] = pack(&q)
		assert.Equal(t, plain[r], unpack(&w[r][1]))
	}
	rows := make([]int32, 0, 2*len(w))
	var want [nL]int32
	for k := 0; k < 2*len(w); k++ {
		r := int32(rng.Intn(len(w)+1) - 1) // -1: a feature the model lacks
		rows = append(rows, r)
		if r >= 0 {
			for j := range want {
				want[j] += plain[r][j]
			}
		}
	}
	var s, half sums
	s.addRows(w, rows, 1)
	assert.Equal(t, want, s.scores())
	half.addRows(w, rows[:len(rows)/2], 1)
	rest := sums{}
	rest.addRows(w, rows[len(rows)/2:], 1)
	half.merge(&rest)
	assert.Equal(t, want, half.scores())
}

// TestCacheKeepsLabels checks that the word cache, reused across documents
// and compacted when full, changes no label: each document is tagged as by
// a fresh Doc.
func TestCacheKeepsLabels(t *testing.T) {
	m, lex := testModel(t)
	docs := testDocs(t)
	// Enough made-up words to fill the cache and compact it more than once.
	for k := 0; k < 3; k++ {
		var d TrainDoc
		for i := 0; i < maxCache; i++ {
			d.Words = append(d.Words, fmt.Sprintf("Word%d", k*maxCache+i), "said", "Smith", ".")
			d.Ends = append(d.Ends, len(d.Words))
		}
		docs = append(docs, d, docs[k%len(docs)])
	}
	var pooled Doc
	for n, doc := range docs {
		var fresh Doc
		fresh.Words, fresh.Ends = doc.Words, doc.Ends
		want := append([]Span(nil), m.Tag(&fresh, lex)...)
		pooled.Reset()
		pooled.Words = append(pooled.Words, doc.Words...)
		pooled.Ends = append(pooled.Ends, doc.Ends...)
		require.Equal(t, want, m.Tag(&pooled, lex), "doc %d", n)
		require.Equal(t, fresh.Labels(), pooled.Labels(), "doc %d", n)
	}
}
