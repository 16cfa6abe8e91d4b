package testcorpus

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// Paragraphs are the non-empty paragraphs of the articles, in order.
func Paragraphs(articles []Article) []string {
	var out []string
	for _, a := range articles {
		for _, p := range strings.Split(a.Text, "\n") {
			if strings.TrimSpace(p) != "" {
				out = append(out, p)
			}
		}
	}
	return out
}

// ScaleArticle is one article of a scale block, one line of its JSON Lines
// file.
type ScaleArticle struct {
	URL       string `json:"url"`
	Published string `json:"published"`
	Text      string `json:"text"`
}

// ScaleBlock returns block b of size articles made from articles (the
// speed corpus): their paragraphs (Paragraphs, paras) shuffled by a
// permutation of b's own (and shuffled again when used up), dealt out in
// runs of the paragraph counts of the articles in turn. Every paragraph is
// real news text and each appears in one article per block, so a block's
// articles are new and distinct, and share paragraphs with stored ones as
// wire copies do, without being near-duplicates of any. Each has a URL of
// its own and a date, a day later every 100 articles, as a daily feed.
func ScaleBlock(paras []string, articles []Article, b, size int) []ScaleArticle {
	counts := make([]int, len(articles))
	for i := range articles {
		counts[i] = max(1, len(Paragraphs(articles[i:i+1])))
	}
	perm := make([]int, len(paras))
	deal, next := 0, len(perm)
	rng := uint64(b)*0x9E3779B97F4A7C15 + 1
	out := make([]ScaleArticle, 0, size)
	day := time.Date(2017, 1, 1, 0, 0, 0, 0, time.UTC)
	var sb strings.Builder
	for i := range size {
		sb.Reset()
		for k := range counts[i%len(counts)] {
			if next == len(perm) {
				for j := range perm {
					perm[j] = j
				}
				for j := len(perm) - 1; j > 0; j-- {
					rng = splitmix(rng)
					x := int(rng % uint64(j+1))
					perm[j], perm[x] = perm[x], perm[j]
				}
				next, deal = 0, deal+1
			}
			if k > 0 {
				sb.WriteByte('\n')
			}
			sb.WriteString(paras[perm[next]])
			next++
		}
		out = append(out, ScaleArticle{
			URL:       fmt.Sprintf("https://news.example/%d/story-%d-%d", b, i, deal),
			Published: day.AddDate(0, 0, (b*size+i)/100).Format(time.DateOnly),
			Text:      sb.String(),
		})
	}
	return out
}

// splitmix is a step of the splitmix64 generator, for the permutations.
func splitmix(x uint64) uint64 {
	x += 0x9E3779B97F4A7C15
	x = (x ^ x>>30) * 0xBF58476D1CE4E5B9
	x = (x ^ x>>27) * 0x94D049BB133111EB
	return x ^ x>>31
}

// WriteScaleBlock writes block b (ScaleBlock) as JSON Lines into file and
// returns its article count and text bytes.
func WriteScaleBlock(tb testing.TB, file string, paras []string, articles []Article, b, size int) (int, int64) {
	tb.Helper()
	f, err := os.Create(file)
	require.NoError(tb, err)
	w := bufio.NewWriter(f)
	enc := json.NewEncoder(w)
	var n int64
	as := ScaleBlock(paras, articles, b, size)
	for _, a := range as {
		require.NoError(tb, enc.Encode(a))
		n += int64(len(a.Text))
	}
	require.NoError(tb, w.Flush())
	require.NoError(tb, f.Close())
	return len(as), n
}
