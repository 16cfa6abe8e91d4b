package eval_test

import (
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/eval"
	"github.com/whosaid/whosaid/extract"
)

// meantimeFloors are the overlap F1 scores of the entities whosaid stores on
// MEANTIME's 120 Wikinews articles, less a hair. Before the decider (issue
// 16) they were PER 0.648, ORG 0.710, LOC 0.785: people lost precision to
// names the rules left alone and the decider, trained on 1996 Reuters,
// takes (lone surnames, names of products). Raise them when quality goes up.
// ORG and LOC were lowered (0.722 to 0.717, 0.820 to 0.819) when the decider
// became the mean of five perceptrons: single perceptrons trained with
// another shuffling seed, or after a change moving a few candidates on
// train, spanned ORG 0.717-0.727 and LOC 0.809-0.821, and the old floors
// sat on one draw. ORG and LOC were lowered again (to 0.716 and 0.813)
// with the place-suffix and foreign organization-prefix rules: no place
// kept in MEANTIME's annotated part comes from those rules; the decider,
// retrained on the candidates they change on train, decides other spans
// otherwise (counted by rule, tagger class and provenance, not read one
// by one), most of them lone words only the tagger proposes, MEANTIME's
// company names, wrong as people and as places alike.
// With the words around a name's other mentions as decider features (the
// mean of fifteen perceptrons) PER rose to 0.628 and ORG to 0.740; LOC
// moved 0.811-0.814 over shuffling seeds (0.811 with the model's), so its
// floor went from 0.813 to 0.811. With the article's share of numbers
// (genre) weighing lone words they rose to PER 0.652, ORG 0.749, LOC 0.820.
// With the company and person cues across the article (decide_cues.go) PER
// rose to 0.655 and ORG to 0.756; LOC went to 0.818 (0.818/0.817/0.809
// over shuffling seeds 16, 31, 46 against 0.820/0.818/0.815 before: the
// cues shift a few places the tagger and the gazetteer share), so its floor
// went from 0.819 to 0.817, while CoNLL testa's people and organizations
// rose above the seed noise (docs/entities.md has every seed's figures).
// With middle initials kept inside names ("James B. Comey"), which the
// decider's training text had cut in two, PER rose to 0.658 (0.670 with
// seed 31) and ORG to 0.761 (0.760); LOC went to 0.815 (0.818 with seed
// 31: the retrained decider moves a place or two), so its floor went from
// 0.817 to 0.814. With lone words nothing vouches for no longer people
// (decide.go unvouched) PER rose to 0.692.
var meantimeFloors = map[string]float64{
	"PER": 0.690,
	"ORG": 0.759,
	"LOC": 0.814,
}

func TestMeantimeFloors(t *testing.T) {
	path := filepath.Join("..", "..", "shared", "data", "meantime", "intra-doc_annotation")
	needShared(t, path)
	require.Equal(t, eval.KindMeantime, eval.Detect(path))
	docs, err := eval.LoadMeantime(path)
	require.NoError(t, err)
	require.Len(t, docs, 120)
	x, err := extract.New()
	require.NoError(t, err)
	r := eval.ScoreMeantime(docs, func(text string) []whosaid.Entity {
		return x.Extract(whosaid.Article{Text: text}).Entities
	})
	t.Logf("whosaid eval meantime:\n%s", r)
	checkFloors(t, "F1", meantimeFloors, typeF1s(r.Types))
}

func TestScoreMeantimeMatchesByOverlap(t *testing.T) {
	doc := eval.MeantimeDoc{
		Words:     []string{"U.S.", "automaker", "Chrysler", "sells", "Jeep", "in", "Ontario", ".", "Late", "Paris", "."},
		Ends:      []int{8, 11},
		Names:     []eval.Chunk{{0, 3, "ORG"}, {0, 1, "LOC"}, {6, 7, "LOC"}},
		Other:     []eval.Chunk{{4, 5, ""}},
		Annotated: 8,
	}
	text, starts := doc.Text()
	at := func(i, j int) whosaid.Mention { // tokens [i, j)
		end := starts[j-1] + len(doc.Words[j-1])
		return whosaid.Mention{Text: text[starts[i]:end], Start: starts[i], End: end}
	}
	r := eval.ScoreMeantime([]eval.MeantimeDoc{doc}, func(string) []whosaid.Entity {
		return []whosaid.Entity{
			{Type: whosaid.Org, Mentions: []whosaid.Mention{at(2, 3)}},       // inside the wide gold name
			{Type: whosaid.Country, Mentions: []whosaid.Mention{at(0, 1)}},   // U.S. as a place
			{Type: whosaid.Person, Mentions: []whosaid.Mention{at(4, 5)}},    // on a product: not scored
			{Type: whosaid.Person, Mentions: []whosaid.Mention{at(6, 7)}},    // Ontario as a person: wrong
			{Type: whosaid.Location, Mentions: []whosaid.Mention{at(9, 10)}}, // past the annotated part
		}
	})
	assert.Equal(t, eval.Metric{Name: "ORG", TP: 1}, r.Type("ORG"))
	assert.Equal(t, eval.Metric{Name: "LOC", TP: 1, FN: 1}, r.Type("LOC"))
	assert.Equal(t, eval.Metric{Name: "PER", FP: 1}, r.Type("PER"))
}
