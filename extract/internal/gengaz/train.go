package main

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/whosaid/whosaid/extract/internal/ner"
)

// trainModel trains the name tagger on CoNLL-2003 eng.train, reports
// phrase-level scores on eng.testa and writes the model beside the tables.
func trainModel(shared, out string, epochs int) error {
	lex, err := tableLexicon(out)
	if err != nil {
		return err
	}
	conll := filepath.Join(shared, "data", "conll2003")
	trW, trT, err := readConll(filepath.Join(conll, "eng.train"))
	if err != nil {
		return err
	}
	teW, teT, err := readConll(filepath.Join(conll, "eng.testa"))
	if err != nil {
		return err
	}
	t0 := time.Now()
	m := ner.Train(trW, trT, lex, epochs)
	fmt.Fprintf(os.Stderr, "trained %d epochs in %v, %d features\n", epochs, time.Since(t0).Round(time.Millisecond), m.Features())
	data, err := m.MarshalBinary()
	if err != nil {
		return err
	}
	// Score the model as it will be loaded, quantised.
	if m, err = ner.Load(data); err != nil {
		return err
	}
	score(m, lex, teW, teT)
	return os.WriteFile(filepath.Join(out, "ner.model.gz"), data, 0o644)
}

// tableLexicon builds the tagger's word flags from the tables just written.
func tableLexicon(dir string) (*ner.Lexicon, error) {
	var s [3]string
	for i, f := range []string{"countries.tsv", "places.tsv", "words.tsv"} {
		b, err := os.ReadFile(filepath.Join(dir, f))
		if err != nil {
			return nil, fmt.Errorf("read table: %w", err)
		}
		s[i] = string(b)
	}
	return ner.NewLexicon(s[0], s[1], s[2], nil), nil
}

// readConll reads sentences and their labels, turning CoNLL's IOB1 into BIO.
func readConll(path string) ([][]string, [][]int, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, fmt.Errorf("open conll: %w", err)
	}
	defer f.Close()
	idx := map[string]int{}
	for i, l := range ner.Labels {
		idx[l] = i
	}
	var words [][]string
	var tags [][]int
	var w []string
	var t []int
	prev := "O"
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		cols := strings.Fields(sc.Text())
		if len(cols) < 4 || cols[0] == "-DOCSTART-" {
			if len(w) > 0 {
				words, tags = append(words, w), append(tags, t)
				w, t = nil, nil
			}
			prev = "O"
			continue
		}
		tag := cols[3]
		if tag != "O" {
			typ := tag[2:]
			if strings.HasPrefix(tag, "B-") || prev == "O" || prev[2:] != typ {
				tag = "B-" + typ
			} else {
				tag = "I-" + typ
			}
		}
		prev = tag
		w = append(w, cols[0])
		t = append(t, idx[tag])
	}
	if len(w) > 0 {
		words, tags = append(words, w), append(tags, t)
	}
	return words, tags, sc.Err()
}

type span struct {
	s, e int
	typ  string
}

// spans lists the phrases of a BIO label sequence.
func spans(labels []int) []span {
	var out []span
	for i := 0; i < len(labels); i++ {
		l := ner.Labels[labels[i]]
		if l == "O" {
			continue
		}
		typ := l[2:]
		j := i + 1
		for j < len(labels) && ner.Labels[labels[j]] == "I-"+typ {
			j++
		}
		out = append(out, span{i, j, typ})
		i = j - 1
	}
	return out
}

// score prints phrase-level precision, recall and F1 per type and the speed.
func score(m *ner.Model, lex *ner.Lexicon, words [][]string, tags [][]int) {
	type prf struct{ tp, fp, fn int }
	res := map[string]*prf{"PER": {}, "ORG": {}, "LOC": {}, "MISC": {}}
	var s ner.Sentence
	ntok := 0
	var dur time.Duration
	for i := range words {
		s.Words = words[i]
		t0 := time.Now()
		got := m.Tag(&s, lex)
		dur += time.Since(t0)
		ntok += len(words[i])
		gs := map[span]bool{}
		for _, sp := range spans(tags[i]) {
			gs[sp] = true
		}
		ps := spans(got)
		for _, sp := range ps {
			if gs[sp] {
				res[sp.typ].tp++
				delete(gs, sp)
			} else {
				res[sp.typ].fp++
			}
		}
		for sp := range gs {
			res[sp.typ].fn++
		}
	}
	for _, typ := range []string{"PER", "ORG", "LOC", "MISC"} {
		r := res[typ]
		p := float64(r.tp) / float64(max(1, r.tp+r.fp))
		rc := float64(r.tp) / float64(max(1, r.tp+r.fn))
		fmt.Fprintf(os.Stderr, "eng.testa %-4s P=%.4f R=%.4f F1=%.4f\n", typ, p, rc, 2*p*rc/max(1e-9, p+rc))
	}
	fmt.Fprintf(os.Stderr, "tagging: %d tokens in %v, %.0f tokens/s\n", ntok, dur.Round(time.Millisecond), float64(ntok)/dur.Seconds())
}
