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
// testa is only scored, never learnt from, so its scores are honest.
func trainModel(shared, out string, epochs int) error {
	lex, err := tableLexicon(out)
	if err != nil {
		return err
	}
	conll := filepath.Join(shared, "data", "conll2003")
	train, err := readConll(filepath.Join(conll, "eng.train"))
	if err != nil {
		return err
	}
	testa, err := readConll(filepath.Join(conll, "eng.testa"))
	if err != nil {
		return err
	}
	t0 := time.Now()
	m := ner.Train(train, lex, epochs)
	fmt.Fprintf(os.Stderr, "trained %d epochs in %v, %d features\n", epochs, time.Since(t0).Round(time.Millisecond), m.Features())
	data, err := m.MarshalBinary()
	if err != nil {
		return err
	}
	// Score the model as it will be loaded.
	if m, err = ner.Load(data); err != nil {
		return err
	}
	score(m, lex, testa)
	fmt.Fprintf(os.Stderr, "model: %d bytes\n", len(data))
	return os.WriteFile(filepath.Join(out, "ner.model"), data, 0o644)
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

// readConll reads a CoNLL-2003 file as documents (split at -DOCSTART-) of
// sentences (split at blank lines) with their IOB1 names as spans.
func readConll(path string) ([]ner.TrainDoc, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open conll: %w", err)
	}
	defer f.Close()
	var docs []ner.TrainDoc
	var d ner.TrainDoc
	prev := "O"
	endSentence := func() {
		if n := len(d.Words); n > 0 && (len(d.Ends) == 0 || d.Ends[len(d.Ends)-1] != n) {
			d.Ends = append(d.Ends, n)
		}
		prev = "O"
	}
	endDoc := func() {
		endSentence()
		if len(d.Words) > 0 {
			docs = append(docs, d)
		}
		d = ner.TrainDoc{}
	}
	typ := map[string]int{}
	for i, t := range ner.Types {
		typ[t] = i
	}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		cols := strings.Fields(sc.Text())
		if len(cols) > 0 && cols[0] == "-DOCSTART-" {
			endDoc()
			continue
		}
		if len(cols) < 4 {
			endSentence()
			continue
		}
		tag := cols[3]
		if tag != "O" {
			t := tag[2:]
			if strings.HasPrefix(tag, "B-") || prev == "O" || prev[2:] != t {
				d.Spans = append(d.Spans, ner.Span{Start: len(d.Words), End: len(d.Words) + 1, Type: typ[t]})
			} else {
				d.Spans[len(d.Spans)-1].End++
			}
		}
		prev = tag
		d.Words = append(d.Words, cols[0])
	}
	endDoc()
	return docs, sc.Err()
}

// score prints phrase-level precision, recall and F1 per type (exact span
// and type, as conlleval counts) and the tagging speed.
func score(m *ner.Model, lex *ner.Lexicon, docs []ner.TrainDoc) {
	type prf struct{ tp, fp, fn int }
	res := make([]prf, len(ner.Types))
	var d ner.Doc
	ntok := 0
	var dur time.Duration
	for _, doc := range docs {
		d.Words, d.Ends = doc.Words, doc.Ends
		t0 := time.Now()
		got := m.Tag(&d, lex)
		dur += time.Since(t0)
		ntok += len(doc.Words)
		gs := map[ner.Span]bool{}
		for _, sp := range doc.Spans {
			gs[sp] = true
		}
		for _, sp := range got {
			if gs[sp] {
				res[sp.Type].tp++
				delete(gs, sp)
			} else {
				res[sp.Type].fp++
			}
		}
		for sp := range gs {
			res[sp.Type].fn++
		}
	}
	var all prf
	for t, r := range res {
		all.tp, all.fp, all.fn = all.tp+r.tp, all.fp+r.fp, all.fn+r.fn
		p, rc, f := prfOf(r.tp, r.fp, r.fn)
		fmt.Fprintf(os.Stderr, "eng.testa %-4s P=%.4f R=%.4f F1=%.4f\n", ner.Types[t], p, rc, f)
	}
	p, rc, f := prfOf(all.tp, all.fp, all.fn)
	fmt.Fprintf(os.Stderr, "eng.testa all  P=%.4f R=%.4f F1=%.4f\n", p, rc, f)
	fmt.Fprintf(os.Stderr, "tagging: %d tokens in %v, %.0f tokens/s\n", ntok, dur.Round(time.Millisecond), float64(ntok)/dur.Seconds())
}

// prfOf is precision, recall and F1 from counts.
func prfOf(tp, fp, fn int) (p, r, f float64) {
	p = float64(tp) / float64(max(1, tp+fp))
	r = float64(tp) / float64(max(1, tp+fn))
	return p, r, 2 * p * r / max(1e-9, p+r)
}
