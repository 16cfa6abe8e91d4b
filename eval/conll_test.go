package eval_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/eval"
	"github.com/whosaid/whosaid/extract"
)

// conllFloors are the phrase-level F1 scores the name tagger reached on
// CoNLL-2003 eng.testa, less a hair: the issue asked for PER 0.94, LOC 0.91
// and ORG 0.86, and quality may only go up. Raise them when it does.
var conllFloors = map[string]float64{
	"PER":  0.944,
	"ORG":  0.863,
	"LOC":  0.945,
	"MISC": 0.859,
}

func TestCoNLLTestaFloors(t *testing.T) {
	path := filepath.Join("..", "..", "shared", "data", "conll2003", "eng.testa")
	needShared(t, path)
	require.Equal(t, eval.KindCoNLL, eval.Detect(path))
	docs, err := eval.ReadCoNLL(path)
	require.NoError(t, err)
	require.Len(t, docs, 216)
	x, err := extract.New()
	require.NoError(t, err)
	r := eval.ScoreCoNLL(docs, func(words []string, ends []int) []eval.Chunk {
		var out []eval.Chunk
		for _, n := range x.Names(words, ends) {
			out = append(out, eval.Chunk{Start: n.Start, End: n.End, Type: n.Type})
		}
		return out
	})
	t.Logf("whosaid eval eng.testa:\n%s", r)
	checkFloors(t, "F1", conllFloors, typeF1s(r.Types))
}

// conllTextFloors are the phrase-level F1 scores of the entities whosaid
// stores (the entity stage's final output, after the decider) on eng.testa
// rebuilt as text, less a hair. Before the decider (issue 16) they were PER
// 0.891, ORG 0.593, LOC 0.834. Raise them when quality goes up. ORG went
// from 0.880 to 0.877 with the words around a name's other mentions as
// decider features: three spans on testa, while five-fold cross-validation
// on eng.train rose (ORG 0.8717 to 0.8725, PER 0.9334 to 0.9348) and
// MEANTIME rose by far more (PER 0.599 to 0.628, ORG 0.722 to 0.740).
// PER went from 0.933 to 0.931 with the article's share of numbers (genre)
// weighing lone words: four spans on testa (0.932 with seeds 16 and 31),
// while cross-validation on eng.train rose (PER 0.9348 to 0.9354, LOC
// 0.9432 to 0.9441; ORG 0.8725 to 0.8719) and MEANTIME rose by far more
// (PER 0.628 to 0.652, ORG 0.740 to 0.749, LOC 0.812 to 0.820); ORG rose
// back to 0.880. With the company and person cues across the article
// (decide_cues.go) PER rose to 0.937 and ORG to 0.884 (0.937-0.938 and
// 0.883-0.885 over shuffling seeds 16, 31, 46); LOC went from 0.954 to
// 0.952 with every seed (three spans of 1,837), while cross-validated LOC
// on eng.train rose by 0.0002-0.0004, so its floor went from 0.953 to 0.951.
// With middle initials kept inside names ("George W. Bush": the text's
// tokens cut "W." in two, and the tagger and the rules with it) PER rose
// to 0.961 and ORG to 0.886 (0.961 and 0.888 with seed 31); with lone
// words nothing vouches for no longer people (decide.go unvouched) PER
// rose to 0.962.
var conllTextFloors = map[string]float64{
	"PER": 0.961,
	"ORG": 0.885,
	"LOC": 0.951,
}

func TestCoNLLTestaEntityFloors(t *testing.T) {
	path := filepath.Join("..", "..", "shared", "data", "conll2003", "eng.testa")
	needShared(t, path)
	docs, err := eval.ReadCoNLL(path)
	require.NoError(t, err)
	x, err := extract.New()
	require.NoError(t, err)
	r := eval.ScoreCoNLLText(docs, func(text string) []whosaid.Entity {
		return x.Extract(whosaid.Article{Text: text}).Entities
	})
	t.Logf("whosaid eval eng.testa, entities as text:\n%s", r)
	checkFloors(t, "F1", conllTextFloors, typeF1s(r.Types))
}

func TestScoreCoNLLTextMapsMentionsToTokens(t *testing.T) {
	doc := eval.CoNLLDoc{
		Words: []string{"SOCCER", "-", "Surrey", "beat", "Kent", "in", "London", ".", "German", "fans", "cheered", "."},
		Ends:  []int{8, 12},
		Names: []eval.Chunk{{2, 3, "ORG"}, {4, 5, "ORG"}, {6, 7, "LOC"}, {8, 9, "MISC"}},
	}
	text, starts := doc.Text()
	require.Equal(t, "SOCCER - Surrey beat Kent in London .\nGerman fans cheered .", text)
	require.Equal(t, 9, starts[2])
	mention := func(s, e int) whosaid.Mention { return whosaid.Mention{Text: text[s:e], Start: s, End: e} }
	r := eval.ScoreCoNLLText([]eval.CoNLLDoc{doc}, func(string) []whosaid.Entity {
		return []whosaid.Entity{
			{Type: whosaid.Org, Mentions: []whosaid.Mention{mention(9, 15)}},                  // Surrey, right
			{Type: whosaid.Location, Mentions: []whosaid.Mention{mention(21, 25)}},            // Kent as a place: wrong type
			{Type: whosaid.Location, Mentions: []whosaid.Mention{mention(29, 33)}},            // "Lond": off token boundaries
			{Type: whosaid.Country, Code: "DE", Mentions: []whosaid.Mention{mention(38, 44)}}, // German: covers a MISC, ignored
		}
	})
	assert.Equal(t, eval.Metric{Name: "ORG", TP: 1, FN: 1}, r.Type("ORG"))
	assert.Equal(t, eval.Metric{Name: "LOC", FP: 2, FN: 1}, r.Type("LOC"))
	assert.Equal(t, eval.Metric{Name: "all names", TP: 1, FP: 2, FN: 2}, r.Overall)
}

func TestReadCoNLLFollowsConllevalChunking(t *testing.T) {
	path := filepath.Join(t.TempDir(), "mini.conll")
	data := "-DOCSTART- -X- O O\n\n" +
		"EU NNP I-NP I-ORG\nrejects VBZ I-VP O\nGerman JJ I-NP I-MISC\ncall NN I-NP O\n\n" +
		"Peter NNP I-NP I-PER\nBlackburn NNP I-NP I-PER\nmet VBD I-VP O\n" +
		"Paris NNP I-NP I-LOC\nHilton NNP I-NP B-LOC\n\n" +
		"Frankie NNP I-NP I-PER\n\nFredericks NNP I-NP I-PER\n"
	require.NoError(t, os.WriteFile(path, []byte(data), 0o644))
	docs, err := eval.ReadCoNLL(path)
	require.NoError(t, err)
	require.Len(t, docs, 1)
	d := docs[0]
	assert.Equal(t, []int{4, 9, 10, 11}, d.Ends)
	assert.Equal(t, []eval.Chunk{
		{0, 1, "ORG"}, {2, 3, "MISC"}, {4, 6, "PER"}, {7, 8, "LOC"}, {8, 9, "LOC"},
		{9, 10, "PER"}, {10, 11, "PER"}, // a sentence break ends a name
	}, d.Names)
	r := eval.ScoreCoNLL(docs, func([]string, []int) []eval.Chunk {
		return []eval.Chunk{{0, 1, "ORG"}, {4, 6, "PER"}, {7, 9, "LOC"}, {2, 3, "NORP"}}
	})
	assert.Equal(t, eval.Metric{Name: "PER", TP: 1, FN: 2}, r.Type("PER"))
	assert.Equal(t, eval.Metric{Name: "LOC", FP: 1, FN: 2}, r.Type("LOC"))
	assert.Equal(t, eval.Metric{Name: "all names", TP: 2, FP: 2, FN: 5}, r.Overall)
}
