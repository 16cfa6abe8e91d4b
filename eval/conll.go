package eval

import (
	"bufio"
	"fmt"
	"os"
	"strings"
)

// CoNLLDoc is one document of a CoNLL-2003 file: its tokens, where each
// sentence ends (in tokens) and the gold names.
type CoNLLDoc struct {
	Words []string
	Ends  []int
	Names []Chunk
}

// Chunk is a name over tokens [Start, End) of a document, of type PER, ORG,
// LOC or MISC.
type Chunk struct {
	Start, End int
	Type       string
}

// ReadCoNLL reads a CoNLL-2003 file (token, POS, chunk and IOB1 name tag per
// line; blank lines between sentences; -DOCSTART- lines between documents).
// Names are read with conlleval's rules: a chunk starts at B-, or at I- after
// O, another type or a sentence break, and ends where the next one starts.
func ReadCoNLL(path string) ([]CoNLLDoc, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open conll: %w", err)
	}
	defer f.Close()
	var docs []CoNLLDoc
	var d CoNLLDoc
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
		d = CoNLLDoc{}
	}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		cols := strings.Fields(sc.Text())
		if len(cols) > 0 && cols[0] == "-DOCSTART-" {
			endDoc()
			continue
		}
		if len(cols) == 0 {
			endSentence()
			continue
		}
		tag := cols[len(cols)-1]
		if tag != "O" && (len(tag) < 3 || tag[1] != '-' || tag[0] != 'B' && tag[0] != 'I') {
			return nil, fmt.Errorf("%s:%d: bad name tag %q", path, line, tag)
		}
		if tag != "O" {
			t := tag[2:]
			if tag[0] == 'B' || prev == "O" || prev[2:] != t {
				d.Names = append(d.Names, Chunk{Start: len(d.Words), End: len(d.Words) + 1, Type: t})
			} else {
				d.Names[len(d.Names)-1].End++
			}
		}
		prev = tag
		d.Words = append(d.Words, cols[0])
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	endDoc()
	return docs, nil
}

// CoNLLTypes are the name types of CoNLL-2003, in the order reports list
// them.
var CoNLLTypes = []string{"PER", "ORG", "LOC", "MISC"}

// CoNLLReport is phrase-level precision, recall and F1 per name type and
// over all names, as conlleval computes them: a name counts only when its
// span and type are both exact.
type CoNLLReport struct {
	Docs, Tokens int
	Types        []Metric // in CoNLLTypes order
	Overall      Metric
}

// Type returns the metric of name type t, or a zero Metric.
func (r CoNLLReport) Type(t string) Metric {
	for _, m := range r.Types {
		if m.Name == t {
			return m
		}
	}
	return Metric{Name: t}
}

// String prints the report as `whosaid eval` shows it.
func (r CoNLLReport) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%-22s %d (%d tokens)\n", "documents", r.Docs, r.Tokens)
	for _, m := range r.Types {
		fmt.Fprintln(&b, m)
	}
	fmt.Fprintln(&b, r.Overall)
	return b.String()
}

// ScoreCoNLL runs tag on every document, with the tokens and sentence ends
// as given, and scores the names it returns against the gold ones. A name
// of a type CoNLL lacks counts as a false positive overall.
func ScoreCoNLL(docs []CoNLLDoc, tag func(words []string, ends []int) []Chunk) CoNLLReport {
	r := CoNLLReport{Docs: len(docs), Overall: Metric{Name: "all names"}}
	idx := map[string]int{}
	for i, t := range CoNLLTypes {
		r.Types = append(r.Types, Metric{Name: t})
		idx[t] = i
	}
	for _, d := range docs {
		r.Tokens += len(d.Words)
		gold := make(map[Chunk]bool, len(d.Names))
		for _, c := range d.Names {
			gold[c] = true
		}
		for _, c := range tag(d.Words, d.Ends) {
			k, known := idx[c.Type]
			switch {
			case gold[c]:
				delete(gold, c)
				r.Types[k].TP++
				r.Overall.TP++
			case known:
				r.Types[k].FP++
				r.Overall.FP++
			default:
				r.Overall.FP++
			}
		}
		for c := range gold {
			if k, ok := idx[c.Type]; ok {
				r.Types[k].FN++
			}
			r.Overall.FN++
		}
	}
	return r
}
