package eval

import (
	"bufio"
	"fmt"
	"os"
	"strings"

	"github.com/whosaid/whosaid"
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
func (r CoNLLReport) Type(t string) Metric { return metricNamed(r.Types, t) }

// metricNamed returns the metric of ms named t, or a zero Metric of that
// name.
func metricNamed(ms []Metric, t string) Metric {
	for _, m := range ms {
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
	return scoreCoNLL(docs, CoNLLTypes, func(d CoNLLDoc) []Chunk { return tag(d.Words, d.Ends) })
}

// scoreCoNLL scores the chunks predict returns for each document against its
// gold names, per type of types and over them all: a gold name of another
// type is not scored, a predicted one is a false positive overall.
func scoreCoNLL(docs []CoNLLDoc, types []string, predict func(CoNLLDoc) []Chunk) CoNLLReport {
	r := CoNLLReport{Docs: len(docs), Overall: Metric{Name: "all names"}}
	idx := map[string]int{}
	for i, t := range types {
		r.Types = append(r.Types, Metric{Name: t})
		idx[t] = i
	}
	for _, d := range docs {
		r.Tokens += len(d.Words)
		gold := make(map[Chunk]bool, len(d.Names))
		for _, c := range d.Names {
			gold[c] = true
		}
		for _, c := range predict(d) {
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
				r.Overall.FN++
			}
		}
	}
	return r
}

// Text rebuilds the document as plain text the way a reader of the
// stories would meet it: tokens joined by spaces, one sentence a line. It
// returns the text and the byte offset at which each token starts.
func (d CoNLLDoc) Text() (string, []int) {
	var b strings.Builder
	starts := make([]int, len(d.Words))
	si := 0
	for i, w := range d.Words {
		if i > 0 {
			if si < len(d.Ends) && d.Ends[si] == i {
				b.WriteByte('\n')
				si++
			} else {
				b.WriteByte(' ')
			}
		}
		starts[i] = b.Len()
		b.WriteString(w)
	}
	return b.String(), starts
}

// conllTypeOf maps an entity type of the extractor to the CoNLL type it is
// scored as; countries and other places are both LOC.
var conllTypeOf = map[string]string{
	whosaid.Person:   "PER",
	whosaid.Org:      "ORG",
	whosaid.Country:  "LOC",
	whosaid.Location: "LOC",
}

// EntityTypes are the CoNLL types the entity stage's output is scored on:
// it has no MISC.
var EntityTypes = []string{"PER", "ORG", "LOC"}

// ScoreCoNLLText scores what the entity stage finally outputs, after rules,
// gazetteers and linking, on the documents rebuilt as text (CoNLLDoc.Text).
// Every mention is a predicted name: PERSON is PER, ORG is ORG, COUNTRY and
// LOCATION are LOC. A mention that does not start and end on token
// boundaries counts as a false positive of its type; one that exactly covers
// a gold MISC name (a demonym, an event) is ignored, as the extractor has no
// such type and stores demonyms as countries.
func ScoreCoNLLText(docs []CoNLLDoc, entities func(text string) []whosaid.Entity) CoNLLReport {
	return scoreCoNLL(docs, EntityTypes, func(d CoNLLDoc) []Chunk {
		text, starts := d.Text()
		tokAt := make(map[int]int, len(starts)) // byte offset -> token, at starts and (as -1-i) ends
		for i, s := range starts {
			tokAt[s] = i
			tokAt[s+len(d.Words[i])] = -1 - i
		}
		misc := map[Chunk]bool{}
		for _, c := range d.Names {
			if c.Type == "MISC" {
				misc[Chunk{c.Start, c.End, ""}] = true
			}
		}
		seen := map[Chunk]bool{}
		var out []Chunk
		off := 0
		for _, e := range entities(text) {
			typ, ok := conllTypeOf[e.Type]
			if !ok {
				typ = e.Type
			}
			for _, m := range e.Mentions {
				s, okS := tokAt[m.Start]
				end, okE := tokAt[m.End]
				if !okS || !okE || s < 0 || end >= 0 {
					// Off token boundaries: wrong whatever its type, and
					// distinct from every gold name.
					off--
					out = append(out, Chunk{Start: off, End: off, Type: typ})
					continue
				}
				c := Chunk{Start: s, End: -end, Type: typ}
				if misc[Chunk{c.Start, c.End, ""}] || seen[c] {
					continue
				}
				seen[c] = true
				out = append(out, c)
			}
		}
		return out
	})
}
