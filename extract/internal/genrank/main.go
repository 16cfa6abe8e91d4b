// Command genrank learns the speaker ranker of the attribution stage
// (extract/speaker_rank.go) from PolNeAR train and the project's own gold
// stories, and writes it to extract/data/attrib.model. `make model` runs
// it; the same data always gives the same file.
//
// Each quote and claim the rules find is a ranking decision among the
// candidate speakers around it. On PolNeAR a candidate is right when its
// mention overlaps the gold Source of the attribution whose Content the
// speech matches (token F1 >= 0.5 and overlapping spans), or, with no
// mention, when its name passes the reference scorer's source test; on the
// gold stories when it is the speaker FORMAT.md scores right. Decisions
// with no right candidate teach nothing and are left out.
//
// With -cv it first reports five-fold cross-validation by article on
// PolNeAR train: how often the rules' choice and the ranked choice are
// right over the decisions that have a right candidate.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/whosaid/whosaid"

	"github.com/whosaid/whosaid/eval"
	"github.com/whosaid/whosaid/extract"
	"github.com/whosaid/whosaid/extract/internal/rank"
)

// epochs is the number of passes of the perceptron.
const epochs = 10

func main() {
	shared := flag.String("shared", "../../shared", "the shared data folder (data/polnear/train)")
	gold := flag.String("gold", "../testdata/gold", "the project's gold stories (not gold-blind)")
	out := flag.String("out", "data/attrib.model", "model file to write")
	cv := flag.Bool("cv", false, "report five-fold cross-validation on PolNeAR train first")
	flag.Parse()
	if err := run(filepath.Join(*shared, "data", "polnear", "train"), *gold, *out, *cv); err != nil {
		fmt.Fprintln(os.Stderr, "genrank:", err)
		os.Exit(1)
	}
}

// doc is the labelled decisions of one article: speakers, and claims'
// starts and ends.
type doc struct {
	sets, bounds []rank.Set
}

func run(polnear, goldDir, out string, cv bool) error {
	// The ranker must learn from the rules alone: an empty model file
	// would otherwise not matter, a present one is bypassed by SpeakerSets.
	x, err := extract.New()
	if err != nil {
		return err
	}
	pdocs, err := eval.ReadPolNeAR(polnear)
	if err != nil {
		return err
	}
	var docs []doc
	total, labelled := 0, 0
	for _, pd := range pdocs {
		f, sets, bounds := x.TrainingSets(pd.Article)
		d := doc{bounds: labelBounds(pd, f.Claims, bounds)}
		for _, s := range sets {
			total++
			if rs, ok := labelPolNeAR(pd, s); ok {
				d.sets = append(d.sets, rs)
				labelled++
			}
		}
		docs = append(docs, d)
	}
	fmt.Fprintf(os.Stderr, "polnear train: %d articles, %d decisions, %d with a right candidate\n", len(pdocs), total, labelled)
	var own []rank.Set
	golds, err := eval.LoadDir(goldDir)
	if err != nil {
		return err
	}
	for _, g := range golds {
		_, sets, _ := x.TrainingSets(g.Article())
		for _, s := range sets {
			if rs, ok := labelGold(g, s); ok {
				own = append(own, rs)
			}
		}
	}
	fmt.Fprintf(os.Stderr, "gold stories: %d articles, %d labelled decisions\n", len(golds), len(own))
	if cv {
		crossValidate(docs)
	}
	var all []rank.Set
	nb := 0
	for _, d := range docs {
		all = append(all, d.sets...)
		all = append(all, d.bounds...)
		nb += len(d.bounds)
	}
	fmt.Fprintf(os.Stderr, "claim bounds: %d labelled start and end decisions\n", nb)
	all = append(all, own...)
	m := rank.Train(all, epochs)
	f, err := os.Create(out)
	if err != nil {
		return fmt.Errorf("create speaker model: %w", err)
	}
	if _, err := m.WriteTo(f); err != nil {
		f.Close()
		return fmt.Errorf("write speaker model: %w", err)
	}
	fmt.Fprintf(os.Stderr, "wrote %s: %d features\n", out, m.Len())
	return f.Close()
}

// crossValidate trains on four fifths of the articles and counts right
// decisions on the fifth, for the rules' choice (candidate 0) and the model.
func crossValidate(docs []doc) {
	const folds = 5
	n, ruleRight, modelRight := 0, 0, 0
	nb, bRule, bModel := 0, 0, 0
	for k := 0; k < folds; k++ {
		var train []rank.Set
		for i, d := range docs {
			if i%folds != k {
				train = append(train, d.sets...)
			}
		}
		for i, d := range docs {
			if i%folds != k {
				train = append(train, d.bounds...)
			}
		}
		m := rank.Train(train, epochs)
		for i := k; i < len(docs); i += folds {
			for _, s := range docs[i].bounds {
				nb++
				if s.Gold[0] {
					bRule++
				}
				if b := m.Best(s.Cands); b >= 0 && s.Gold[b] {
					bModel++
				}
			}
			for _, s := range docs[i].sets {
				n++
				if s.Gold[0] {
					ruleRight++
				}
				if b := m.Best(s.Cands); b >= 0 && s.Gold[b] {
					modelRight++
				}
			}
		}
	}
	fmt.Fprintf(os.Stderr, "5-fold CV on PolNeAR train, %d decisions with a right candidate: rules %.3f, ranker %.3f\n",
		n, float64(ruleRight)/float64(n), float64(modelRight)/float64(n))
	fmt.Fprintf(os.Stderr, "5-fold CV on PolNeAR train, %d claim start/end decisions with a right candidate: rules %.3f, model %.3f\n",
		nb, float64(bRule)/float64(nb), float64(bModel)/float64(nb))
}

func overlaps(s, e int, spans [][2]int) bool {
	for _, sp := range spans {
		if s < sp[1] && e > sp[0] {
			return true
		}
	}
	return false
}

// labelPolNeAR finds the gold attribution a decision's speech matches and
// marks the candidates that name its source.
func labelPolNeAR(pd eval.PolNeARDoc, s extract.SpeakerSet) (rank.Set, bool) {
	text := pd.Article.Text
	best, bf := -1, 0.0
	for i, g := range pd.Attributions {
		if !overlaps(s.Start, s.End, g.Content) {
			continue
		}
		if f := eval.TokenF1(g.Text, text[s.Start:s.End]); f >= 0.5 && f > bf {
			best, bf = i, f
		}
	}
	if best < 0 || len(pd.Attributions[best].Source) == 0 {
		return rank.Set{}, false
	}
	g := pd.Attributions[best]
	src := ""
	for i, sp := range g.Source {
		if i > 0 {
			src += " "
		}
		src += text[sp[0]:sp[1]]
	}
	rs := rank.Set{}
	any := false
	for _, c := range s.Cands {
		right := false
		if c.Start >= 0 {
			right = overlaps(c.Start, c.End, g.Source)
		} else if c.Speaker.Name != "" {
			right = eval.SourceOK(c.Speaker.Name, src)
		}
		any = any || right
		rs.Cands = append(rs.Cands, c.Feats)
		rs.Gold = append(rs.Gold, right)
	}
	return rs, any
}

// labelGold finds the gold quote or claim a decision's speech matches and
// marks the candidates FORMAT.md would score right.
func labelGold(g eval.Gold, s extract.SpeakerSet) (rank.Set, bool) {
	speech := g.Claims
	min := 0.5
	if s.Quote {
		speech, min = g.Quotes, 0.8
	}
	t := g.Text[s.Start:s.End]
	best, bf := -1, 0.0
	for i, gs := range speech {
		if f := eval.TokenF1(gs.Text, t); f >= min && f > bf {
			best, bf = i, f
		}
	}
	if best < 0 {
		return rank.Set{}, false
	}
	rs := rank.Set{}
	any := false
	for _, c := range s.Cands {
		right := eval.SpeakerRight(speech[best], c.Speaker)
		any = any || right
		rs.Cands = append(rs.Cands, c.Feats)
		rs.Gold = append(rs.Gold, right)
	}
	return rs, any
}

// labelBounds marks, for each claim matched to a gold content, the
// candidate starts and ends that fall where the gold content starts and
// ends (ignoring spaces, quotation marks and final punctuation, as the
// reference scorer's exact match does).
func labelBounds(pd eval.PolNeARDoc, claims []whosaid.Claim, bounds []extract.Bound) []rank.Set {
	text := pd.Article.Text
	var out []rank.Set
	for _, b := range bounds {
		c := claims[b.Claim]
		best, bf := -1, 0.0
		for i, g := range pd.Attributions {
			if !overlaps(c.Start, c.End, g.Content) {
				continue
			}
			if f := eval.TokenF1(g.Text, c.Text); f >= 0.5 && f > bf {
				best, bf = i, f
			}
		}
		if best < 0 {
			continue
		}
		g := pd.Attributions[best].Content
		gs, ge := canonStart(text, g[0][0]), canonEnd(text, g[len(g)-1][1])
		for _, side := range []struct {
			edges []extract.Edge
			want  int
			canon func(string, int) int
		}{{b.Starts, gs, canonStart}, {b.Ends, ge, canonEnd}} {
			s := rank.Set{}
			any := false
			for _, e := range side.edges {
				right := side.canon(text, e.Off) == side.want
				any = any || right
				s.Cands = append(s.Cands, e.Feats)
				s.Gold = append(s.Gold, right)
			}
			if any {
				out = append(out, s)
			}
		}
	}
	return out
}

// canonStart skips spaces and quotation marks from off.
func canonStart(text string, off int) int {
	for off < len(text) {
		r, n := utf8.DecodeRuneInString(text[off:])
		if !unicode.IsSpace(r) && !strings.ContainsRune(quoteMarks, r) {
			break
		}
		off += n
	}
	return off
}

// canonEnd steps back from off over spaces, quotation marks and , . ; :.
func canonEnd(text string, off int) int {
	for off > 0 {
		r, n := utf8.DecodeLastRuneInString(text[:off])
		if !unicode.IsSpace(r) && !strings.ContainsRune(quoteMarks+",.;:", r) {
			break
		}
		off -= n
	}
	return off
}

const quoteMarks = "\"“”‘’'"
