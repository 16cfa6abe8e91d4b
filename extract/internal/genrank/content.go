package main

import (
	"fmt"
	"maps"
	"os"
	"slices"
	"sort"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/eval"
	"github.com/whosaid/whosaid/extract"
	"github.com/whosaid/whosaid/extract/internal/attrib"
	"github.com/whosaid/whosaid/extract/internal/rank"
)

// heldOut is what the claims of one article are rebuilt from when it is
// held out: the rules' findings, the proposals and every claim's bounds.
type heldOut struct {
	pd     eval.PolNeARDoc
	f      whosaid.Findings
	props  []extract.Proposal
	bounds []extract.Bound // one per claim of the rules and proposal, in text order
}

// claimsOf is the claims the stage would give on h with model m: the
// rules' claims and the proposals m keeps, each with the bounds m picks,
// echoes of quotes dropped (extract.Extract's steps, speakers aside).
func claimsOf(m *rank.Model, h heldOut) []whosaid.Claim {
	type claim struct {
		c    whosaid.Claim
		keep bool
	}
	t := h.pd.Article.Text
	all := make([]claim, 0, len(h.f.Claims)+len(h.props))
	for _, c := range h.f.Claims {
		all = append(all, claim{c, true})
	}
	for _, p := range h.props {
		all = append(all, claim{whosaid.Claim{Text: t[p.Start:p.End], Start: p.Start, End: p.End}, attrib.Keeps(m, p)})
	}
	// The order extract.TrainingSets lists the bounds in.
	sort.SliceStable(all, func(i, j int) bool { return all[i].c.Start < all[j].c.Start })
	var out []whosaid.Claim
	for i, c := range all {
		if !c.keep {
			continue
		}
		if s, e, ok := attrib.ChooseBounds(m, h.bounds[i]); ok {
			c.c.Start, c.c.End, c.c.Text = s, e, t[s:e]
		}
		out = append(out, c.c)
	}
	return attrib.DropEchoes(h.f.Quotes, out)
}

// contentCV trains the claim decisions (bounds and proposals, with extra,
// the gold stories' proposals) on four fifths of the articles and scores
// the rebuilt claims of the fifth, with the rules' quotes, by the
// reference scorer: content F1 and exact matches as `whosaid eval` gives
// them on dev, speakers aside. It counts the matched contents that are not
// exact by how their bounds differ from the gold's.
func contentCV(docs []doc, extra []rank.Set) {
	const folds = 5
	var r eval.PolNeARReference
	miss := map[string]int{}
	for k := 0; k < folds; k++ {
		train := appendClaimSets(slices.Clone(extra), docs, k, folds)
		m := rank.Train(train, epochs, runs)
		for i := k; i < len(docs); i += folds {
			h := docs[i].held
			f := h.f
			f.Claims = claimsOf(m, h)
			r.AddDoc(h.pd, f)
			boundMisses(h.pd, f.Claims, miss)
		}
	}
	for _, k := range slices.Sorted(maps.Keys(miss)) {
		fmt.Fprintf(os.Stderr, "  CV claims matched, not exact: %s: %d\n", k, miss[k])
	}
	fmt.Fprintf(os.Stderr, "5-fold CV on PolNeAR train, rebuilt claims (reference scorer, speakers aside): content P %.3f R %.3f F1 %.3f (%d matched, %d predicted, %d gold), exact F1 %.3f (%d)\n",
		r.ContentP(), r.ContentR(), r.ContentF1(), r.Matched, r.Predicted, r.Gold, r.ExactF1(), r.Exact)
}

// appendClaimSets appends to train the claim decisions (bounds and
// proposals) of the articles outside fold k of folds.
func appendClaimSets(train []rank.Set, docs []doc, k, folds int) []rank.Set {
	for i, d := range docs {
		if i%folds != k {
			train = append(train, d.bounds...)
			train = append(train, d.props...)
		}
	}
	return train
}

// boundMisses counts each claim of cs that matches a gold content (token
// F1 >= 0.5, overlapping) but not exactly, by where its start and end lie
// from the gold's: early, late or right.
func boundMisses(pd eval.PolNeARDoc, cs []whosaid.Claim, miss map[string]int) {
	t := pd.Article.Text
	for _, c := range cs {
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
		gs, ge := canonStart(t, g[0][0]), canonEnd(t, g[len(g)-1][1])
		cs, ce := canonStart(t, c.Start), canonEnd(t, c.End)
		if gs == cs && ge == ce {
			continue
		}
		miss["start "+side(cs, gs)+", end "+side(ce, ge)]++
	}
}

func side(got, want int) string {
	switch {
	case got < want:
		return "early"
	case got > want:
		return "late"
	}
	return "right"
}
