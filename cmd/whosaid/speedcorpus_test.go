package main

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/whosaid/whosaid/eval"
)

// The speed corpus is real news text from ../shared/data: the PolNeAR train
// articles as they are, and the CoNLL-2003 train documents rendered back
// into text. It is built into a temporary folder when a benchmark or the
// speed test starts and never committed (the data's licences are not ours).
const (
	// polnearTrain holds the PolNeAR train texts, real political news articles.
	polnearTrain = "../../../shared/data/polnear/train/text"
	// conllTrain is the CoNLL-2003 English train file, Reuters stories of 1996.
	conllTrain = "../../../shared/data/conll2003/eng.train"
)

// speedArticle is one article of the speed corpus: a file name and its text.
type speedArticle struct {
	name, text string
}

// speedCorpus returns the speed corpus in a fixed order: PolNeAR by file
// name, then CoNLL documents in file order. It skips the calling benchmark
// or test when ../shared is not beside the checkout.
func speedCorpus(tb testing.TB) []speedArticle {
	tb.Helper()
	paths, _ := filepath.Glob(filepath.Join(polnearTrain, "*.txt"))
	if len(paths) == 0 {
		tb.Skipf("PolNeAR texts not found at %s (../shared is beside the checkout in CI)", polnearTrain)
	}
	if _, err := os.Stat(conllTrain); err != nil {
		tb.Skipf("CoNLL-2003 not found at %s", conllTrain)
	}
	sort.Strings(paths)
	var out []speedArticle
	for _, p := range paths {
		data, err := os.ReadFile(p)
		require.NoError(tb, err)
		out = append(out, speedArticle{name: "polnear-" + filepath.Base(p), text: string(data)})
	}
	docs, err := eval.ReadCoNLL(conllTrain)
	require.NoError(tb, err)
	for i, d := range docs {
		out = append(out, speedArticle{name: fmt.Sprintf("conll-%04d.txt", i), text: conllText(d)})
	}
	return out
}

// writeSpeedCorpus writes articles into dir, one .txt file each, so that
// whosaid reads them from disk as a user's ingest would.
func writeSpeedCorpus(tb testing.TB, dir string, articles []speedArticle) {
	tb.Helper()
	require.NoError(tb, os.MkdirAll(dir, 0o755))
	for _, a := range articles {
		require.NoError(tb, os.WriteFile(filepath.Join(dir, a.name), []byte(a.text), 0o644))
	}
}

// speedBytes is the total text size of articles, for throughput in MB/s.
func speedBytes(articles []speedArticle) int64 {
	var n int64
	for _, a := range articles {
		n += int64(len(a.text))
	}
	return n
}

// conllText renders a CoNLL document as an article: one paragraph per
// sentence (the headline, the dateline line and each body sentence), its
// tokens joined by spaces with the common detokenisation rules, so that
// the extractor sees "said." and "(Reuters)" rather than "said ." and
// "( Reuters )".
func conllText(d eval.CoNLLDoc) string {
	var b strings.Builder
	start := 0
	for _, end := range d.Ends {
		if start > 0 {
			b.WriteByte('\n')
		}
		detokenize(&b, d.Words[start:end])
		start = end
	}
	return b.String()
}

// detokenize writes words as running text. A straight double quote opens
// and closes in turn, since CoNLL does not say which it is.
func detokenize(b *strings.Builder, words []string) {
	open := false // inside a "…" pair
	glue := true  // no space before the next word
	for _, w := range words {
		switch {
		case w == `"`:
			if open {
				b.WriteString(w)
				glue = false
			} else {
				if !glue {
					b.WriteByte(' ')
				}
				b.WriteString(w)
				glue = true
			}
			open = !open
			continue
		case attachesLeft(w):
			b.WriteString(w)
		default:
			if !glue {
				b.WriteByte(' ')
			}
			b.WriteString(w)
		}
		glue = w == "(" || w == "[" || w == "$" || w == "``"
	}
}

// attachesLeft reports whether a token is written without a space before
// it: closing punctuation and English clitics.
func attachesLeft(w string) bool {
	switch w {
	case ",", ".", ";", ":", "!", "?", ")", "]", "%", "'s", "'S", "n't", "'re", "'ve", "'ll", "'d", "'m", "''", "...":
		return true
	}
	return false
}
