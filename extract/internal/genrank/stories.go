package main

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/whosaid/whosaid/eval"
	"github.com/whosaid/whosaid/extract"
	"github.com/whosaid/whosaid/extract/internal/rank"
)

// storyWeight is how many times a speaker decision of a training story
// (testdata/train-gold) counts against one of PolNeAR's: the stories are
// few (hundreds of decisions against PolNeAR's thousands) and in the
// styles PolNeAR lacks.
const storyWeight = 3

// story is the speaker decisions of one gold story in our format (FORMAT.md
// speakers), for training and for -cv's leave-stories-out figures.
type story struct {
	id string
	// sets are the ranked decisions with a right candidate; quote marks
	// which of them are quotes.
	sets  []rank.Set
	quote []bool
	// fixed counts, by quote (1) or claim (0), the decisions matched to a
	// gold speech that the model does not decide: kept as the rules had
	// them (right or wrong), or with no right candidate (wrong).
	fixedRight, fixedWrong, noRight [2]int
}

// readStories reads the gold stories of dir and labels their speaker
// decisions. An empty dir is no stories.
func readStories(x *extract.Extractor, dir string, lex map[string]bool, gs extract.Genders) ([]story, error) {
	if dir == "" {
		return nil, nil
	}
	golds, err := eval.LoadDir(dir)
	if err != nil {
		return nil, err
	}
	var out []story
	for _, g := range golds {
		st := story{id: strings.TrimSuffix(filepath.Base(g.Path), ".json")}
		_, sets, _, _ := x.TrainingSets(g.Article(), lex, gs)
		for _, s := range sets {
			countLinks(g, s)
			q := 0
			if s.Quote {
				q = 1
			}
			rs, matched, ok := labelGold(g, s)
			switch {
			case !matched:
			case s.Settled && ok:
				st.fixedRight[q]++
			case s.Settled:
				st.fixedWrong[q]++
			case !ok:
				st.noRight[q]++
			default:
				st.sets = append(st.sets, rs)
				st.quote = append(st.quote, s.Quote)
			}
		}
		out = append(out, st)
	}
	reportLinks(dir)
	return out, nil
}

// labelGold finds the gold quote or claim a decision's speech matches
// (matched false when none) and marks the candidates FORMAT.md would score
// right (ok false when none is).
func labelGold(g eval.Gold, s extract.SpeakerSet) (rs rank.Set, matched, ok bool) {
	gs, matched := matchGold(g, s)
	if !matched {
		return rank.Set{}, false, false
	}
	for _, c := range s.Cands {
		right := eval.SpeakerRight(gs, c.Speaker)
		ok = ok || right
		rs.Cands = append(rs.Cands, c.Feats)
		rs.Gold = append(rs.Gold, right)
	}
	return rs, true, ok
}

// matchGold is the gold quote or claim a decision's speech matches, as
// the scorer matches them.
func matchGold(g eval.Gold, s extract.SpeakerSet) (eval.GoldSpeech, bool) {
	speech, min := g.Claims, 0.5
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
		return eval.GoldSpeech{}, false
	}
	return speech[best], true
}

// linkCount counts the candidates whose descriptor the stage linked to a
// person ("the prosecutor" → Simon Garrow), by whether the person is the
// gold speaker and whether the descriptor was: the check of that rule.
var linkCount = map[[2]bool]int{}

// countLinks adds the linked candidates of s to linkCount.
func countLinks(g eval.Gold, s extract.SpeakerSet) {
	gs, ok := matchGold(g, s)
	if !ok {
		return
	}
	for _, c := range s.Cands {
		if c.Desc.Kind != "" {
			linkCount[[2]bool{eval.SpeakerRight(gs, c.Speaker), eval.SpeakerRight(gs, c.Desc)}]++
		}
	}
}

// reportLinks prints linkCount under name and empties it.
func reportLinks(name string) {
	fmt.Fprintf(os.Stderr, "rule check on %s: descriptors linked to a person: person right %d (descriptor wrong %d), person wrong %d (descriptor right %d)\n",
		name, linkCount[[2]bool{true, false}]+linkCount[[2]bool{true, true}], linkCount[[2]bool{true, false}],
		linkCount[[2]bool{false, true}]+linkCount[[2]bool{false, false}], linkCount[[2]bool{false, true}])
	clear(linkCount)
}

// storySets is the training sets of stories, each weight times, leaving
// out the stories of fold k of folds (k < 0: none left out).
func storySets(stories []story, weight, k, folds int) []rank.Set {
	var out []rank.Set
	for i, st := range stories {
		if k >= 0 && i%folds == k {
			continue
		}
		for range weight {
			out = append(out, st.sets...)
		}
	}
	return out
}

// storyTally is -cv's count over the held-out training stories.
type storyTally struct {
	right, total                 [2]int // by claim (0) and quote (1)
	ranked, rankedRight, noRight [2]int
	byStyle                      map[string][2]int // right, total of the quotes by the story's style
}

// score adds the decisions of the stories of fold k to t, m deciding the
// ranked ones.
func (t *storyTally) score(m *rank.Model, stories []story, k, folds int) {
	if t.byStyle == nil {
		t.byStyle = map[string][2]int{}
	}
	for i := k; i < len(stories); i += folds {
		st := stories[i]
		style := strings.TrimPrefix(st.id, "train-")
		if j := strings.IndexByte(style, '-'); j > 0 { // train-court-…: court
			style = style[:j]
		}
		bs := t.byStyle[style]
		for q := range 2 {
			t.right[q] += st.fixedRight[q]
			t.total[q] += st.fixedRight[q] + st.fixedWrong[q] + st.noRight[q]
			t.noRight[q] += st.noRight[q]
		}
		bs[0] += st.fixedRight[1]
		bs[1] += st.fixedRight[1] + st.fixedWrong[1] + st.noRight[1]
		for j, s := range st.sets {
			q := 0
			if st.quote[j] {
				q = 1
			}
			t.total[q]++
			t.ranked[q]++
			b := m.Best(s.Cands)
			right := b >= 0 && s.Gold[b]
			if right {
				t.right[q]++
				t.rankedRight[q]++
			}
			if q == 1 {
				bs[1]++
				if right {
					bs[0]++
				}
			}
		}
		t.byStyle[style] = bs
	}
}

// report prints t.
func (t *storyTally) report(n int) {
	if n == 0 {
		return
	}
	for _, style := range sortedStyles(t.byStyle) {
		bs := t.byStyle[style]
		fmt.Fprintf(os.Stderr, "  leave-stories-out CV on train-gold, quotes of %s: right %d of %d\n", style, bs[0], bs[1])
	}
	for q, what := range []string{"claims", "quotes"} {
		fmt.Fprintf(os.Stderr, "leave-stories-out CV on train-gold (%d stories), %s matched to gold: speaker right %d of %d (%.3f); ranked %d, right %d; no right candidate %d\n",
			n, what, t.right[q], t.total[q], float64(t.right[q])/float64(max(1, t.total[q])), t.ranked[q], t.rankedRight[q], t.noRight[q])
	}
}

func sortedStyles(m map[string][2]int) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
