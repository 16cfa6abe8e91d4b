package eval

import (
	"bufio"
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"

	"github.com/whosaid/whosaid"
)

// TargetLabel is one amount of a training article labelled by hand as a
// target or not (testdata/targets/README.md): the article it is in, its
// byte span, and for a target the family of the wording that makes it
// one ("threshold", "demand", "cap", …).
type TargetLabel struct {
	Corpus, Article string
	Start, End      int
	Kind            string
	Target          bool
	Family          string
	Text            string
}

// LoadTargetLabels reads a labels TSV: a header line, then one amount a
// line with the columns corpus, article, start, end, kind, target (yes or
// no), family and text.
func LoadTargetLabels(path string) ([]TargetLabel, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open target labels: %w", err)
	}
	defer f.Close()
	var out []TargetLabel
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		if line == 1 {
			continue
		}
		c := strings.Split(sc.Text(), "\t")
		if len(c) != 8 || c[5] != "yes" && c[5] != "no" {
			return nil, fmt.Errorf("%s:%d: want 8 columns with target yes or no", path, line)
		}
		start, err1 := strconv.Atoi(c[2])
		end, err2 := strconv.Atoi(c[3])
		if err1 != nil || err2 != nil || end <= start {
			return nil, fmt.Errorf("%s:%d: bad span %q-%q", path, line, c[2], c[3])
		}
		out = append(out, TargetLabel{Corpus: c[0], Article: c[1], Start: start, End: end,
			Kind: c[4], Target: c[5] == "yes", Family: c[6], Text: c[7]})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read target labels: %w", err)
	}
	return out, nil
}

// TargetReport scores the target flag on labelled amounts: over all of
// them, by kind of amount, and recall by family of the gold targets. A
// labelled amount the extractor no longer finds counts as not flagged.
type TargetReport struct {
	All     Metric
	ByKind  map[string]*Metric
	Family  map[string]*Metric
	Flipped []string // the labelled amounts the extractor gets wrong, for reading
}

// ScoreTargets compares the extractor's target flags with the labels of
// one article, whose amounts are amounts.
func (r *TargetReport) ScoreTargets(labels []TargetLabel, amounts []whosaid.Amount) {
	if r.ByKind == nil {
		r.All.Name = "targets"
		r.ByKind, r.Family = map[string]*Metric{}, map[string]*Metric{}
	}
	for _, l := range labels {
		pred := false
		for _, a := range amounts {
			if a.Start < l.End && l.Start < a.End && a.Target {
				pred = true
			}
		}
		key := l.Kind
		if l.Target {
			key = l.Family
		}
		for _, m := range []*Metric{&r.All, r.metric(r.ByKind, l.Kind), r.metric(r.Family, key)} {
			switch {
			case pred && l.Target:
				m.TP++
			case pred:
				m.FP++
			case l.Target:
				m.FN++
			}
		}
		if pred != l.Target {
			r.Flipped = append(r.Flipped, fmt.Sprintf("%s %s %d %q gold %v", l.Corpus, l.Article, l.Start, l.Text, l.Target))
		}
	}
}

func (r *TargetReport) metric(in map[string]*Metric, name string) *Metric {
	if in[name] == nil {
		in[name] = &Metric{Name: name}
	}
	return in[name]
}

// String prints the overall figure, then by kind, then by family (a
// family named by a kind of amount holds its false positives).
func (r TargetReport) String() string {
	var b strings.Builder
	fmt.Fprintln(&b, r.All)
	for _, in := range []map[string]*Metric{r.ByKind, r.Family} {
		names := make([]string, 0, len(in))
		for n := range in {
			names = append(names, n)
		}
		slices.Sort(names)
		for _, n := range names {
			fmt.Fprintln(&b, "  ", in[n])
		}
	}
	return b.String()
}
