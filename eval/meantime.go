package eval

import (
	"encoding/xml"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/whosaid/whosaid"
)

// MeantimeDoc is one MEANTIME article (NewsReader, CAT XML): its tokens,
// where each sentence ends (in tokens) and its named entity mentions.
type MeantimeDoc struct {
	Name  string
	Words []string
	Ends  []int
	// Names are the mentions annotated as names (syntactic type NAM, or
	// PRE.NAM for a name inside a larger mention: "U.S." of "U.S.
	// automaker") of a person, organization or place: PER, ORG or LOC over
	// tokens [Start, End).
	Names []Chunk
	// Other are the named mentions of anything else (products, financial
	// entities, unlinked mentions), Type "": a prediction on one of them is
	// not scored, as a CoNLL MISC is not.
	Other []Chunk
	// Annotated is where the annotated part ends, in tokens: MEANTIME
	// annotates the title and the first five sentences only (sentence 1
	// is the date line), so predictions past it are not scored.
	Annotated int
}

// LoadMeantime reads every *.xml article under dir (its corpus_* folders
// included), in file-name order.
func LoadMeantime(dir string) ([]MeantimeDoc, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.xml"))
	if err != nil {
		return nil, err
	}
	more, _ := filepath.Glob(filepath.Join(dir, "*", "*.xml"))
	files = append(files, more...)
	sort.Strings(files)
	var docs []MeantimeDoc
	for _, f := range files {
		d, err := readMeantime(f)
		if err != nil {
			return nil, err
		}
		docs = append(docs, d)
	}
	return docs, nil
}

type catDoc struct {
	Tokens []struct {
		ID       string `xml:"t_id,attr"`
		Sentence int    `xml:"sentence,attr"`
		Text     string `xml:",chardata"`
	} `xml:"token"`
	Mentions []struct {
		ID      string `xml:"m_id,attr"`
		Syntax  string `xml:"syntactic_type,attr"`
		Anchors []struct {
			ID string `xml:"t_id,attr"`
		} `xml:"token_anchor"`
	} `xml:"Markables>ENTITY_MENTION"`
	Entities []struct {
		ID   string `xml:"m_id,attr"`
		Type string `xml:"ent_type,attr"`
	} `xml:"Markables>ENTITY"`
	Refers []struct {
		Sources []struct {
			ID string `xml:"m_id,attr"`
		} `xml:"source"`
		Target struct {
			ID string `xml:"m_id,attr"`
		} `xml:"target"`
	} `xml:"Relations>REFERS_TO"`
}

func readMeantime(path string) (MeantimeDoc, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return MeantimeDoc{}, fmt.Errorf("read meantime: %w", err)
	}
	var c catDoc
	if err := xml.Unmarshal(b, &c); err != nil {
		return MeantimeDoc{}, fmt.Errorf("parse %s: %w", path, err)
	}
	d := MeantimeDoc{Name: strings.TrimSuffix(filepath.Base(path), ".xml")}
	tok := make(map[string]int, len(c.Tokens))
	for i, t := range c.Tokens {
		if i > 0 && t.Sentence != c.Tokens[i-1].Sentence {
			d.Ends = append(d.Ends, i)
		}
		w := t.Text
		if w == "``" || w == "''" {
			w = `"`
		}
		tok[t.ID] = i
		d.Words = append(d.Words, w)
	}
	d.Ends = append(d.Ends, len(d.Words))
	d.Annotated = d.Ends[min(5, len(d.Ends)-1)]
	entType := map[string]string{}
	for _, e := range c.Entities {
		entType[e.ID] = e.Type
	}
	refers := map[string]string{} // mention -> entity type
	for _, r := range c.Refers {
		for _, s := range r.Sources {
			refers[s.ID] = entType[r.Target.ID]
		}
	}
	for _, m := range c.Mentions {
		if m.Syntax != "NAM" && m.Syntax != "PRE.NAM" || len(m.Anchors) == 0 {
			continue
		}
		s, e := len(d.Words), 0
		for _, a := range m.Anchors {
			i, ok := tok[a.ID]
			if !ok {
				return d, fmt.Errorf("%s: mention %s anchors unknown token %s", path, m.ID, a.ID)
			}
			s, e = min(s, i), max(e, i+1)
		}
		switch t := refers[m.ID]; t {
		case "PER", "ORG", "LOC":
			d.Names = append(d.Names, Chunk{Start: s, End: e, Type: t})
		default:
			d.Other = append(d.Other, Chunk{Start: s, End: e})
		}
	}
	return d, nil
}

// Text rebuilds the article as CoNLLDoc.Text does: tokens joined by spaces,
// one sentence a line.
func (d MeantimeDoc) Text() (string, []int) {
	return CoNLLDoc{Words: d.Words, Ends: d.Ends}.Text()
}

// MeantimeReport is overlap precision, recall and F1 per name type.
type MeantimeReport struct {
	Docs  int
	Types []Metric // in EntityTypes order
}

// Type returns the metric of name type t, or a zero Metric.
func (r MeantimeReport) Type(t string) Metric { return metricNamed(r.Types, t) }

// String prints the report as `whosaid eval` shows it.
func (r MeantimeReport) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%-22s %d (named mentions, overlap match)\n", "documents", r.Docs)
	for _, m := range r.Types {
		fmt.Fprintln(&b, m)
	}
	return b.String()
}

// ScoreMeantime scores the entity stage's output on the articles rebuilt
// as text, mention by mention in their annotated part, by overlap: MEANTIME's names are wide ("the
// provincial government of Ontario", "U.S. automaker Chrysler"), so a
// predicted mention of the right type that shares a token with a gold name
// finds it (each gold name once; a second prediction inside a name already
// found is not counted). A prediction that overlaps no gold name of its
// type is a false positive, unless it lies on a named mention of another
// kind (a product, an index) and on no gold name. Types map as in
// ScoreCoNLLText; a mention off token boundaries is snapped to the tokens
// it touches.
func ScoreMeantime(docs []MeantimeDoc, entities func(text string) []whosaid.Entity) MeantimeReport {
	r := MeantimeReport{Docs: len(docs)}
	idx := map[string]int{}
	for i, t := range EntityTypes {
		r.Types = append(r.Types, Metric{Name: t})
		idx[t] = i
	}
	overlaps := func(a, b Chunk) bool { return a.Start < b.End && b.Start < a.End }
	for _, d := range docs {
		text, starts := d.Text()
		tokenOf := func(off int) int { // the token holding byte off
			return sort.Search(len(starts), func(i int) bool { return starts[i] > off }) - 1
		}
		found := make([]bool, len(d.Names))
		for _, e := range entities(text) {
			typ, ok := conllTypeOf[e.Type]
			if !ok {
				continue
			}
			k := idx[typ]
			for _, m := range e.Mentions {
				p := Chunk{Start: tokenOf(m.Start), End: tokenOf(m.End-1) + 1, Type: typ}
				if p.Start >= d.Annotated {
					continue
				}
				hit, onGold, onOther := -1, false, false
				for i, g := range d.Names {
					if !overlaps(p, g) {
						continue
					}
					onGold = true
					if g.Type == typ {
						if !found[i] {
							hit = i
							break
						}
						hit = -2 // inside a name already found
					}
				}
				for _, o := range d.Other {
					onOther = onOther || overlaps(p, o)
				}
				switch {
				case hit >= 0:
					found[hit] = true
					r.Types[k].TP++
				case hit == -2:
				case !onGold && onOther:
				default:
					r.Types[k].FP++
				}
			}
		}
		for i, g := range d.Names {
			if !found[i] {
				r.Types[idx[g.Type]].FN++
			}
		}
	}
	return r
}
