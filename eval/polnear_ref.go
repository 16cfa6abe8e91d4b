package eval

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/whosaid/whosaid"
)

// PolNeARReference holds the figures of the reference PolNeAR scorer,
// ../shared/eval/tools/polnear_score.py, computed the way it computes them
// so that `whosaid eval` on a PolNeAR split prints what the script prints on
// the same output:
//
//   - gold: every attribution with a Content span (the text field of the
//     first annotator's .ann line), its Source text possibly empty;
//   - predicted: every quote and every claim of the article, quotes first;
//   - each gold content in file order takes the first unused prediction
//     whose token F1 with it is at least 0.5;
//   - a source is right when the speaker's mention text (else its name) and
//     the gold Source share a token other than the/a/of, or one contains the
//     other, or both are empty;
//   - exact: the texts are equal once whitespace is collapsed and outer
//     quotation marks and a final , . ; : dropped.
type PolNeARReference struct {
	Matched, Predicted, Gold int
	// SourceRight counts matched pairs with the right source, Exact the
	// matched pairs with equal texts.
	SourceRight, Exact int
	// Quoted counts gold contents holding a double quotation mark,
	// QuotedMatched those matched.
	Quoted, QuotedMatched int
}

// ContentF1 is the F1 of matched contents over all predictions and golds.
func (r PolNeARReference) ContentF1() float64 { return refF1(r.Matched, r.Predicted, r.Gold) }

// ContentP is the content precision.
func (r PolNeARReference) ContentP() float64 { return ratio(r.Matched, r.Predicted) }

// ContentR is the content recall.
func (r PolNeARReference) ContentR() float64 { return ratio(r.Matched, r.Gold) }

// Source is the share of matched pairs whose speaker is right.
func (r PolNeARReference) Source() float64 { return ratio(r.SourceRight, r.Matched) }

// JointF1 is the F1 of matched pairs with the right source.
func (r PolNeARReference) JointF1() float64 { return refF1(r.SourceRight, r.Predicted, r.Gold) }

// ExactF1 is the F1 of matched pairs with equal texts.
func (r PolNeARReference) ExactF1() float64 { return refF1(r.Exact, r.Predicted, r.Gold) }

// QuotedRecall is the recall of gold contents holding a quotation mark.
func (r PolNeARReference) QuotedRecall() float64 { return ratio(r.QuotedMatched, r.Quoted) }

// String prints the figures exactly as polnear_score.py does.
func (r PolNeARReference) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "content  P %.3f  R %.3f  F1 %.3f  (%d matched, %d predicted, %d gold)\n",
		r.ContentP(), r.ContentR(), r.ContentF1(), r.Matched, r.Predicted, r.Gold)
	fmt.Fprintf(&b, "source   %.3f\n", r.Source())
	fmt.Fprintf(&b, "joint    F1 %.3f\n", r.JointF1())
	fmt.Fprintf(&b, "exact    F1 %.3f\n", r.ExactF1())
	fmt.Fprintf(&b, "quoted   recall %.3f\n", r.QuotedRecall())
	return b.String()
}

func refF1(tp, npred, ngold int) float64 {
	p, r := ratio(tp, npred), ratio(tp, ngold)
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// refGold is one gold attribution as the reference scorer reads it.
type refGold struct {
	content, source string
}

// refAnnotation is the file the reference scorer takes as an article's gold:
// the first in sorted order of TEXTNAME_*.ann, or "" when none.
func refAnnotation(dir, base string) string {
	anns, _ := filepath.Glob(filepath.Join(dir, "attributions", base+"_*.ann"))
	if len(anns) == 0 {
		return ""
	}
	sort.Strings(anns)
	return anns[0]
}

// readRefGold reads an .ann file's attributions the way the reference scorer
// does: span texts from the T lines' third field, an E line's Content and
// Source arguments (exactly those names), contents that are empty dropped.
func readRefGold(path string) ([]refGold, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open brat annotations: %w", err)
	}
	defer f.Close()
	spans := map[string]string{}
	var rels []map[string]string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<16), 1<<22)
	for sc.Scan() {
		parts := strings.Split(sc.Text(), "\t")
		switch {
		case strings.HasPrefix(parts[0], "T") && len(parts) >= 3:
			spans[parts[0]] = parts[2]
		case strings.HasPrefix(parts[0], "E") && len(parts) >= 2:
			rel := map[string]string{}
			for _, x := range strings.Fields(parts[1]) {
				if k, v, ok := strings.Cut(x, ":"); ok {
					rel[k] = v
				}
			}
			rels = append(rels, rel)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read brat annotations %s: %w", path, err)
	}
	var out []refGold
	for _, r := range rels {
		g := refGold{content: spans[r["Content"]], source: spans[r["Source"]]}
		if g.content != "" {
			out = append(out, g)
		}
	}
	return out, nil
}

// add scores one article's findings against its gold.
func (r *PolNeARReference) add(gold []refGold, f whosaid.Findings) {
	type item struct {
		text, speaker string
		toks          []string
		used          bool
	}
	items := make([]item, 0, len(f.Quotes)+len(f.Claims))
	speaker := func(s whosaid.Speaker) string {
		if s.Mention != nil && s.Mention.Text != "" {
			return s.Mention.Text
		}
		return s.Name
	}
	for _, q := range f.Quotes {
		items = append(items, item{text: q.Text, speaker: speaker(q.Speaker), toks: refTokens(q.Text)})
	}
	for _, c := range f.Claims {
		items = append(items, item{text: c.Text, speaker: speaker(c.Speaker), toks: refTokens(c.Text)})
	}
	r.Predicted += len(items)
	r.Gold += len(gold)
	for _, g := range gold {
		quoted := strings.ContainsAny(g.content, "\"“”")
		if quoted {
			r.Quoted++
		}
		gt := refTokens(g.content)
		for i := range items {
			it := &items[i]
			if it.used || refTokF1(gt, it.toks) < 0.5 {
				continue
			}
			it.used = true
			r.Matched++
			if quoted {
				r.QuotedMatched++
			}
			if refNorm(g.content) == refNorm(it.text) {
				r.Exact++
			}
			if refSourceOK(it.speaker, g.source) {
				r.SourceRight++
			}
			break
		}
	}
}

// refFold is the scorer's fold: NFKD, combining marks dropped, whitespace
// collapsed and trimmed, lower case.
func refFold(s string) string {
	d := norm.NFKD.String(s)
	var b strings.Builder
	b.Grow(len(d))
	for _, c := range d {
		if norm.NFKD.PropertiesString(string(c)).CCC() != 0 {
			continue
		}
		b.WriteRune(c)
	}
	return strings.ToLower(strings.Join(strings.FieldsFunc(b.String(), pyIsSpace), " "))
}

// pyIsSpace is Python's str.isspace, which also counts the information
// separators U+001C–U+001F.
func pyIsSpace(c rune) bool {
	return unicode.IsSpace(c) || (c >= 0x1c && c <= 0x1f)
}

// pyWord is a character of Python's \w: a letter, a number or '_'.
func pyWord(c rune) bool {
	return c == '_' || unicode.IsLetter(c) || unicode.IsNumber(c)
}

// refTokens are the scorer's tokens: runs of word characters of the folded
// text.
func refTokens(s string) []string {
	return strings.FieldsFunc(refFold(s), func(c rune) bool { return !pyWord(c) })
}

// refTokF1 is the F1 of the multiset overlap of two token lists.
func refTokF1(a, b []string) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	count := make(map[string]int, len(a))
	for _, t := range a {
		count[t]++
	}
	common := 0
	for _, t := range b {
		if count[t] > 0 {
			count[t]--
			common++
		}
	}
	if common == 0 {
		return 0
	}
	p, r := float64(common)/float64(len(a)), float64(common)/float64(len(b))
	return 2 * p * r / (p + r)
}

const refQuoteMarks = "\"“”‘’'"

// refNorm is the scorer's normal form for exact matches.
func refNorm(t string) string {
	t = strings.Join(strings.FieldsFunc(t, pyIsSpace), " ")
	t = strings.TrimFunc(t, pyIsSpace)
	t = strings.Trim(t, refQuoteMarks)
	t = strings.TrimFunc(t, pyIsSpace)
	t = strings.TrimRight(t, ",.;:")
	t = strings.Trim(t, refQuoteMarks)
	return strings.TrimFunc(t, pyIsSpace)
}

// refSourceOK is the scorer's source test.
func refSourceOK(mention, source string) bool {
	if source == "" || mention == "" {
		return source == "" && mention == ""
	}
	a, b := refFold(mention), refFold(source)
	if strings.Contains(b, a) || strings.Contains(a, b) {
		return true
	}
	st := map[string]bool{}
	for _, t := range refTokens(source) {
		st[t] = true
	}
	for _, t := range refTokens(mention) {
		if st[t] && t != "the" && t != "a" && t != "of" {
			return true
		}
	}
	return false
}

// AddDoc scores f against d's gold attributions (the first annotator's, as
// ReadPolNeAR reads them) by the reference scorer's rules: what genrank's
// cross-validation scores the claims of a held-out article by.
func (r *PolNeARReference) AddDoc(d PolNeARDoc, f whosaid.Findings) {
	gold := make([]refGold, 0, len(d.Attributions))
	for _, at := range d.Attributions {
		var src []string
		for _, s := range at.Source {
			src = append(src, d.Article.Text[s[0]:s[1]])
		}
		gold = append(gold, refGold{content: at.Text, source: strings.Join(src, " ")})
	}
	r.add(gold, f)
}
