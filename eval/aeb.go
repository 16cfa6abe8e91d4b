package eval

import (
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"time"
)

// AEBResult is the score of a body extractor on the Zyte (Scrapinghub)
// article-extraction benchmark, computed as its evaluate.py does: precision
// and recall averaged over pages, F1 from the two averages.
type AEBResult struct {
	Pages     int
	Precision float64
	Recall    float64
	// Empty counts pages for which the extractor returned no text (or an
	// error); each scores precision 0 and recall 0.
	Empty int
	// Took is the time spent in the extractor alone, reading and scoring
	// excluded, so PagesPerSecond measures extraction.
	Took time.Duration
	// Worst lists the pages with the lowest F1, worst first, for looking at.
	Worst []AEBPage
}

// AEBPage is one page's score.
type AEBPage struct {
	Key                   string
	Precision, Recall, F1 float64
}

// F1 is the harmonic mean of the averaged precision and recall.
func (r AEBResult) F1() float64 {
	if r.Precision+r.Recall == 0 {
		return 0
	}
	return 2 * r.Precision * r.Recall / (r.Precision + r.Recall)
}

// PagesPerSecond is the extractor's throughput over the benchmark.
func (r AEBResult) PagesPerSecond() float64 {
	if r.Took <= 0 {
		return 0
	}
	return float64(r.Pages) / r.Took.Seconds()
}

func (r AEBResult) String() string {
	return fmt.Sprintf("article body (AEB, %d pages)  P %.4f  R %.4f  F1 %.4f  (%d empty)  %.1f pages/s\n",
		r.Pages, r.Precision, r.Recall, r.F1(), r.Empty, r.PagesPerSecond())
}

// BodyFunc returns the article body of one HTML page as plain text. source
// names the page for messages.
type BodyFunc func(source string, html []byte) (string, error)

// AEB scores body on the benchmark in dir: ground-truth.json maps each page
// key to its true "articleBody", and html/KEY.html.gz holds the page. Pages
// are scored in key order. It fails when the ground truth does not parse or
// a page is missing or unreadable; an extractor error only scores that page
// as empty.
func AEB(dir string, body BodyFunc) (AEBResult, error) {
	truth, err := readAEBTruth(filepath.Join(dir, "ground-truth.json"))
	if err != nil {
		return AEBResult{}, err
	}
	keys := make([]string, 0, len(truth))
	for k := range truth {
		keys = append(keys, k)
	}
	slices.Sort(keys)

	var res AEBResult
	var sumP, sumR float64
	for _, key := range keys {
		page := filepath.Join(dir, "html", key+".html.gz")
		data, err := readGzip(page)
		if err != nil {
			return AEBResult{}, fmt.Errorf("aeb: %w", err)
		}
		start := time.Now()
		pred, err := body(page, data)
		res.Took += time.Since(start)
		if err != nil || strings.TrimSpace(pred) == "" {
			res.Empty++
			pred = ""
		}
		p, r := ShingleScore(truth[key], pred)
		sumP += p
		sumR += r
		res.Pages++
		res.Worst = append(res.Worst, AEBPage{Key: key, Precision: p, Recall: r, F1: f1(p, r)})
	}
	if res.Pages > 0 {
		res.Precision = sumP / float64(res.Pages)
		res.Recall = sumR / float64(res.Pages)
	}
	slices.SortStableFunc(res.Worst, func(a, b AEBPage) int {
		switch {
		case a.F1 < b.F1:
			return -1
		case a.F1 > b.F1:
			return 1
		}
		return 0
	})
	res.Worst = res.Worst[:min(10, len(res.Worst))]
	return res, nil
}

// readAEBTruth reads ground-truth.json into key → articleBody.
func readAEBTruth(path string) (map[string]string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("aeb: %w", err)
	}
	var raw map[string]struct {
		ArticleBody string `json:"articleBody"`
	}
	if err := json.Unmarshal(data, &raw); err != nil {
		return nil, fmt.Errorf("aeb: %s: %w", path, err)
	}
	truth := make(map[string]string, len(raw))
	for k, v := range raw {
		truth[k] = v.ArticleBody
	}
	return truth, nil
}

// readGzip reads a whole gzip file.
func readGzip(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	data, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return data, nil
}

// wordRE is Python's `\w+` on str: characters for which str.isalnum is true
// (every letter and number category, combining marks not included) and the
// underscore. Go's \w is ASCII-only, so the classes are spelt out.
var wordRE = regexp.MustCompile(`[\p{L}\p{N}_]+`)

// ShingleScore is the benchmark's per-page precision and recall: both texts
// become `\w+` tokens in overlapping 4-token shingles (a text shorter than
// four tokens is one shingle of all of them); TP, FP and FN are counted over
// the shingle multisets. Precision is TP/(TP+FP), 0 when nothing was
// predicted; recall is TP/(TP+FN). (evaluate.py normalises TP, FP and FN to
// sum to 1 before these ratios, which leaves them unchanged.)
func ShingleScore(truth, pred string) (precision, recall float64) {
	t, p := shingles(truth), shingles(pred)
	var tp, fp, fn int
	for k, pc := range p {
		tc := t[k]
		tp += min(tc, pc)
		fp += max(0, pc-tc)
	}
	for k, tc := range t {
		fn += max(0, tc-p[k])
	}
	if tp+fp > 0 {
		precision = float64(tp) / float64(tp+fp)
	}
	if tp+fn > 0 {
		recall = float64(tp) / float64(tp+fn)
	}
	return precision, recall
}

// shingles counts the overlapping 4-token shingles of text, as evaluate.py's
// _ngrams does: range(0, max(1, len(tokens)-n+1)), so a short text gives one
// shingle and an empty one none.
func shingles(text string) map[string]int {
	const n = 4
	tokens := wordRE.FindAllString(text, -1)
	out := make(map[string]int)
	for i := 0; i < max(1, len(tokens)-n+1); i++ {
		if s := strings.Join(tokens[i:min(i+n, len(tokens))], " "); s != "" {
			out[s]++
		}
	}
	return out
}

func f1(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}
