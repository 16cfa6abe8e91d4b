package eval_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/eval"
	"github.com/whosaid/whosaid/extract"
)

// targetLabelFloors are the target figures on the hand-labelled training
// amounts of testdata/targets, less a hair: quality may only go up.
var targetLabelFloors = map[string]float64{
	"precision": 0.93,
	"recall":    0.89,
}

// polnearDate reads the publication date from a PolNeAR file name
// ("breitbart_2015-11-11_the-ninth…").
var polnearDate = regexp.MustCompile(`_(\d{4}-\d\d-\d\d)_`)

// labelledArticles rebuilds the training articles the labels point into:
// PolNeAR train files by name, CoNLL-2003 train documents by their index
// as text the way CoNLLDoc.Text lays them out.
func labelledArticles(tb testing.TB, labels []eval.TargetLabel) map[string]whosaid.Article {
	tb.Helper()
	polnear := "../../shared/data/polnear/train/text"
	conll := "../../shared/data/conll2003/eng.train"
	needShared(tb, polnear)
	needShared(tb, conll)
	docs, err := eval.ReadCoNLL(conll)
	require.NoError(tb, err)
	out := map[string]whosaid.Article{}
	for _, l := range labels {
		key := l.Corpus + "/" + l.Article
		if _, ok := out[key]; ok {
			continue
		}
		switch l.Corpus {
		case "polnear-train":
			b, err := os.ReadFile(filepath.Join(polnear, l.Article+".txt"))
			require.NoError(tb, err)
			a := whosaid.Article{ID: l.Article, Text: string(b)}
			if m := polnearDate.FindStringSubmatch(l.Article); m != nil {
				a.Published = m[1]
			}
			out[key] = a
		case "conll-train":
			k, err := strconv.Atoi(strings.TrimPrefix(l.Article, "conll-train-"))
			require.NoError(tb, err)
			require.Less(tb, k, len(docs))
			txt, _ := docs[k].Text()
			out[key] = whosaid.Article{ID: l.Article, Text: txt, Published: "1996-08-22"}
		default:
			tb.Fatalf("unknown corpus %q", l.Corpus)
		}
	}
	return out
}

// TestTargetLabels scores the target flag on the hand-labelled amounts
// of PolNeAR train and CoNLL-2003 train (testdata/targets/README.md):
// training text, read freely, so a rule may be checked against it.
func TestTargetLabels(t *testing.T) {
	labels, err := eval.LoadTargetLabels("../testdata/targets/labels.tsv")
	require.NoError(t, err)
	require.GreaterOrEqual(t, len(labels), 400)
	arts := labelledArticles(t, labels)
	byArticle := map[string][]eval.TargetLabel{}
	for _, l := range labels {
		key := l.Corpus + "/" + l.Article
		byArticle[key] = append(byArticle[key], l)
	}
	var r eval.TargetReport
	for key, ls := range byArticle {
		a := arts[key]
		for _, l := range ls {
			assert.Equal(t, l.Text, a.Text[l.Start:l.End], "%s: the label's span holds its text", key)
		}
		r.ScoreTargets(ls, extract.DatesAndAmounts(a).Amounts)
	}
	t.Logf("target labels:\n%s", r)
	if testing.Verbose() {
		for _, f := range r.Flipped {
			t.Log(f)
		}
	}
	checkFloors(t, "target labels", targetLabelFloors, map[string]float64{
		"precision": r.All.Precision(), "recall": r.All.Recall()})
}
