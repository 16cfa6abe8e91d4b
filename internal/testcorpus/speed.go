package testcorpus

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/whosaid/whosaid/eval"
)

// The speed corpus is real news text from ../shared/data: the PolNeAR train
// articles as they are, and the CoNLL-2003 train documents rendered back
// into text. It is built into a temporary folder when a benchmark or the
// speed test starts and never committed (the data's licences are not ours).
var (
	// polnearTrain holds the PolNeAR train texts, real political news articles.
	polnearTrain = Path("../shared/data/polnear/train/text")
	// conllTrain is the CoNLL-2003 English train file, Reuters stories of 1996.
	conllTrain = Path("../shared/data/conll2003/eng.train")
)

// Article is one article of the speed corpus: a file name and its text.
type Article struct {
	Name, Text string
}

// Speed returns the speed corpus in a fixed order: PolNeAR by file name,
// then CoNLL documents in file order. It skips the calling benchmark or
// test when ../shared is not beside the checkout.
func Speed(tb testing.TB) []Article {
	tb.Helper()
	paths, _ := filepath.Glob(filepath.Join(polnearTrain, "*.txt"))
	if len(paths) == 0 {
		tb.Skipf("PolNeAR texts not found at %s (../shared is beside the checkout in CI)", polnearTrain)
	}
	if _, err := os.Stat(conllTrain); err != nil {
		tb.Skipf("CoNLL-2003 not found at %s", conllTrain)
	}
	sort.Strings(paths)
	var out []Article
	for _, p := range paths {
		data, err := os.ReadFile(p)
		require.NoError(tb, err)
		out = append(out, Article{Name: "polnear-" + filepath.Base(p), Text: string(data)})
	}
	docs, err := eval.ReadCoNLL(conllTrain)
	require.NoError(tb, err)
	for i, d := range docs {
		out = append(out, Article{Name: fmt.Sprintf("conll-%04d.txt", i), Text: conllText(d)})
	}
	return out
}

// Write writes articles into dir, one .txt file each, so that whosaid
// reads them from disk as a user's ingest would.
func Write(tb testing.TB, dir string, articles []Article) {
	tb.Helper()
	require.NoError(tb, os.MkdirAll(dir, 0o755))
	for _, a := range articles {
		require.NoError(tb, os.WriteFile(filepath.Join(dir, a.Name), []byte(a.Text), 0o644))
	}
}

// Bytes is the total text size of articles, for throughput in MB/s.
func Bytes(articles []Article) int64 {
	var n int64
	for _, a := range articles {
		n += int64(len(a.Text))
	}
	return n
}

// ProseEvery is the stride of the prose baseline's subset of the speed
// corpus: prose runs about 25 articles/s, so all ~1,800 articles would take
// over a minute per run; every 6th article (~300, the same mix of PolNeAR
// and CoNLL) gives a stable per-article time in about 12 s.
const ProseEvery = 6

// ProseSubset returns every ProseEvery-th article, deterministically.
func ProseSubset(articles []Article) []Article {
	var out []Article
	for i := 0; i < len(articles); i += ProseEvery {
		out = append(out, articles[i])
	}
	return out
}
