package entities

import (
	_ "embed"
	"fmt"
	"sync"

	"github.com/whosaid/whosaid/extract/internal/ner"

	"github.com/whosaid/whosaid/extract/internal/text"
)

// The name tagger is a two-stage greedy averaged perceptron
// (extract/internal/ner) trained on CoNLL-2003 eng.train by `make model`
// (go run ./internal/gengaz -model in extract, see gazetteer.go); the model file holds fingerprints of feature
// hashes and weights only, no text. The model uses it in place
// (internal/ner/io.go), so it must never be written to.
//
//go:embed data/ner.model
var nerModel []byte

// nameSpan is a name the statistical tagger found: a person, organization,
// location or other name (CoNLL's PER, ORG, LOC, MISC), in byte offsets.
type nameSpan struct {
	Start, End int
	Type       string
}

// nameTagger finds name spans with the statistical model. It is loaded once
// and read-only; the rules of the entity stage still decide titles, links
// and gazetteer normalisation.
type nameTagger struct {
	m    *ner.Model
	lex  *ner.Lexicon
	pool sync.Pool // *nerDoc
}

// newNameTagger loads the embedded model and the word flags it was trained
// with (the same embedded tables as the gazetteer).
func newNameTagger() (*nameTagger, error) {
	m, err := ner.Load(nerModel)
	if err != nil {
		return nil, fmt.Errorf("load name model: %w", err)
	}
	nt := &nameTagger{m: m, lex: ner.NewLexicon(countriesTSV, placesTSV, wordsTSV, nil)}
	nt.pool.New = func() any { return &nerDoc{} }
	return nt, nil
}

// Name is a name the statistical tagger found in tokenised text: tokens
// [Start, End) of the document, Type one of PER, ORG, LOC and MISC (the
// CoNLL-2003 types).
type Name struct {
	Start, End int
	Type       string
}

// Names runs the statistical name tagger alone on a document that is
// already tokenised: words, and the end (in words) of each sentence. It
// exists to score the tagger on CoNLL-2003, whose tokens are given; articles
// go through Extract, where rules decide titles, links and gazetteer names.
func (t *Tagger) Names(words []string, ends []int) []Name {
	nt := t.names
	s := nt.pool.Get().(*nerDoc)
	defer nt.pool.Put(s)
	s.nd.Reset()
	s.nd.Words = append(s.nd.Words, words...)
	s.nd.Ends = append(s.nd.Ends, ends...)
	var out []Name
	for _, sp := range nt.m.Tag(&s.nd, nt.lex) {
		out = append(out, Name{Start: sp.Start, End: sp.End, Type: ner.Types[sp.Type]})
	}
	return out
}

// nerDoc is the scratch space of one nameTagger.spans call: the model's
// view of the document and where each of its words sits in the text.
type nerDoc struct {
	nd    ner.Doc
	start []int
	end   []int
}

// spans tags d and returns its name spans in order. The model was trained
// on CoNLL's tokens, so the words it sees are cut the same way: a
// possessive "’s" is a word of its own and curly quotes are straight.
func (nt *nameTagger) spans(d *text.Doc, s *nerDoc, out []nameSpan) []nameSpan {
	s.nd.Reset()
	s.start, s.end = s.start[:0], s.end[:0]
	add := func(w string, a, b int) {
		s.nd.Words = append(s.nd.Words, w)
		s.start, s.end = append(s.start, a), append(s.end, b)
	}
	ti := 0
	for _, sen := range d.Sentences {
		for ti < len(d.Tokens) && d.Tokens[ti].Start < sen.Start {
			ti++
		}
		n0 := len(s.nd.Words)
		for ti < len(d.Tokens) && d.Tokens[ti].End <= sen.End {
			tk := d.Tokens[ti]
			w := d.Text[tk.Start:tk.End]
			ti++
			if p := text.PossessiveLen(w); p > 0 && p < len(w) {
				add(w[:len(w)-p], tk.Start, tk.End-p)
				add("'s", tk.End-p, tk.End)
				continue
			}
			// An initial is one word with its full stop, as in CoNLL
			// ("George W. Bush"): apart, the stop cuts the name in two.
			if len(w) == 1 && w[0] >= 'A' && w[0] <= 'Z' && ti < len(d.Tokens) && d.Tokens[ti].Start == tk.End &&
				d.Tokens[ti].End <= sen.End && d.Text[tk.End] == '.' && d.Tokens[ti].End == tk.End+1 {
				add(d.Text[tk.Start:tk.End+1], tk.Start, tk.End+1)
				ti++
				continue
			}
			switch w {
			case "“", "”", "„", "«", "»":
				w = "\""
			case "‘", "’":
				w = "'"
			case "—", "–":
				w = "-"
			}
			add(w, tk.Start, tk.End)
		}
		if len(s.nd.Words) > n0 {
			s.nd.Ends = append(s.nd.Ends, len(s.nd.Words))
		}
	}
	for _, sp := range nt.m.Tag(&s.nd, nt.lex) {
		out = append(out, nameSpan{Start: s.start[sp.Start], End: s.end[sp.End-1], Type: ner.Types[sp.Type]})
	}
	return out
}
