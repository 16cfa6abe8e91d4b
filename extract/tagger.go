package extract

import (
	_ "embed"
	"fmt"

	"github.com/whosaid/whosaid/extract/internal/ner"
)

// The name tagger is a greedy averaged perceptron trained on CoNLL-2003 by
// `go run ./internal/gengaz -model` (see gazetteer.go); the model file holds
// feature hashes and weights only.
//
//go:embed data/ner.model.gz
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
	m   *ner.Model
	lex *ner.Lexicon
}

// newNameTagger loads the embedded model and the word flags it was trained
// with (the same embedded tables as the gazetteer).
func newNameTagger() (*nameTagger, error) {
	m, err := ner.Load(nerModel)
	if err != nil {
		return nil, fmt.Errorf("load name model: %w", err)
	}
	return &nameTagger{m: m, lex: ner.NewLexicon(countriesTSV, placesTSV, wordsTSV, nil)}, nil
}

// spans tags each sentence of d and returns its name spans in order.
func (nt *nameTagger) spans(d *Doc, s *ner.Sentence, out []nameSpan) []nameSpan {
	ti := 0
	for _, sen := range d.Sentences {
		for ti < len(d.Tokens) && d.Tokens[ti].Start < sen.Start {
			ti++
		}
		first := ti
		s.Words = s.Words[:0]
		for ti < len(d.Tokens) && d.Tokens[ti].End <= sen.End {
			s.Words = append(s.Words, d.Text[d.Tokens[ti].Start:d.Tokens[ti].End])
			ti++
		}
		if len(s.Words) == 0 {
			continue
		}
		labels := nt.m.Tag(s, nt.lex)
		for i := 0; i < len(labels); i++ {
			l := ner.Labels[labels[i]]
			if l == "O" {
				continue
			}
			j := i + 1
			for j < len(labels) && ner.Labels[labels[j]] == "I-"+l[2:] {
				j++
			}
			out = append(out, nameSpan{Start: d.Tokens[first+i].Start, End: d.Tokens[first+j-1].End, Type: l[2:]})
			i = j - 1
		}
	}
	return out
}
