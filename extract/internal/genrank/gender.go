package main

import (
	"fmt"
	"os"
	"sort"
	"strings"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/eval"
	"github.com/whosaid/whosaid/extract"
	"github.com/whosaid/whosaid/extract/internal/attrib"
	"github.com/whosaid/whosaid/extract/internal/text"
)

// The gender table is learnt from who the pronouns after a person's name
// stand for: after each mention of a person, the first "he", "his", "him"
// or "she", "her", "hers" in the rest of its sentence and the next one,
// with no other person mentioned before it, counts for the person's given
// name, as does Mr. or Mrs., Ms., Miss just before a mention. A name is
// kept where it was counted at least minGender times and one gender has at
// least minGenderShare of its counts.
const (
	minGender      = 3
	minGenderShare = 0.8
)

// person is a mention of a person in a text, with the given name of the
// person it names ("" when unknown).
type person struct {
	start, end int
	given      string
}

// countGender adds to cs what the text of d says of the gender of its
// persons' given names.
func countGender(d *text.Doc, ps []person, cs map[string]*attrib.GenderCount) {
	sort.SliceStable(ps, func(i, j int) bool { return ps[i].start < ps[j].start })
	at := func(off int) int {
		return sort.Search(len(d.Tokens), func(k int) bool { return d.Tokens[k].Start >= off })
	}
	for i, p := range ps {
		if p.given == "" {
			continue
		}
		c := cs[p.given]
		if c == nil {
			c = &attrib.GenderCount{Name: p.given}
			cs[p.given] = c
		}
		switch attrib.HonorificBefore(d, at(p.start)) {
		case 'm':
			c.Mr++
		case 'f':
			c.Mrs++
		}
		limit := len(d.Text)
		if s := d.SentenceAt(p.start); s >= 0 && s+1 < len(d.Sentences) {
			limit = d.Sentences[s+1].End
		}
		if i+1 < len(ps) && ps[i+1].start < limit {
			limit = ps[i+1].start // another person first
		}
		for k := at(p.end); k < len(d.Tokens) && d.Tokens[k].Start < limit; k++ {
			if g := attrib.PronounGender(strings.ToLower(d.Tok(k))); g != 0 {
				if g == 'm' {
					c.He++
				} else {
					c.She++
				}
				break
			}
		}
	}
}

// entityPersons lists the mentions of the person entities es, each with the
// given name of its entity's name.
func entityPersons(es []whosaid.Entity) []person {
	var ps []person
	for _, e := range es {
		if e.Type != whosaid.Person {
			continue
		}
		g := attrib.GivenName(e.Name)
		for _, m := range e.Mentions {
			ps = append(ps, person{m.Start, m.End, g})
		}
	}
	return ps
}

// conllPersons lists the gold PER names of a CoNLL document rebuilt as
// text (starts are its tokens' offsets); a one-word name takes the given
// name of the longer name in the document it ends ("Clinton" after "Bill
// Clinton").
func conllPersons(cd eval.CoNLLDoc, txt string, starts []int) []person {
	var ps []person
	last := map[string]string{} // last word → given name
	for _, c := range cd.Names {
		if c.Type != "PER" {
			continue
		}
		s, e := starts[c.Start], starts[c.End-1]+len(cd.Words[c.End-1])
		g := attrib.GivenName(txt[s:e])
		if g != "" {
			last[strings.ToLower(cd.Words[c.End-1])] = g
		}
		ps = append(ps, person{s, e, g})
	}
	for i := range ps {
		if ps[i].given == "" && !strings.Contains(txt[ps[i].start:ps[i].end], " ") {
			ps[i].given = last[strings.ToLower(txt[ps[i].start:ps[i].end])]
		}
	}
	return ps
}

// learnGenders counts the gender evidence of PolNeAR train (persons as the
// entity stage finds them) and CoNLL-2003 train (gold PER names), keeps
// the names it makes plain, and prints how well the pronouns alone agree
// with the honorifics on the names both speak of.
func learnGenders(x *extract.Extractor, pdocs []eval.PolNeARDoc, conll string) (attrib.Genders, []attrib.GenderCount, error) {
	cs := map[string]*attrib.GenderCount{}
	for _, pd := range pdocs {
		d := text.NewDoc(pd.Article.Text)
		countGender(d, entityPersons(x.Extract(pd.Article).Entities), cs)
	}
	cdocs, err := eval.ReadCoNLL(conll)
	if err != nil {
		return nil, nil, err
	}
	for _, cd := range cdocs {
		txt, starts := cd.Text()
		countGender(text.NewDoc(txt), conllPersons(cd, txt, starts), cs)
	}
	var all []attrib.GenderCount
	for _, c := range cs {
		all = append(all, *c)
	}
	sort.Slice(all, func(i, j int) bool { return all[i].Name < all[j].Name })
	g := attrib.Genders{}
	agree, disagree := 0, 0
	for _, c := range all {
		if s := decideGender(c.He+c.Mr, c.She+c.Mrs); s != 0 {
			g[c.Name] = s
		}
		// The check: the pronouns' verdict alone against the
		// honorifics' alone, where both are plain.
		if hp, hh := decideGender(c.He, c.She), decideGender(c.Mr, c.Mrs); hp != 0 && hh != 0 {
			if hp == hh {
				agree++
			} else {
				disagree++
			}
		}
	}
	fmt.Fprintf(os.Stderr, "gender table: %d of %d given names kept (%d m, %d f); on the names both make plain, pronouns agree with honorifics %d, disagree %d\n",
		len(g), len(all), countOf(g, 'm'), countOf(g, 'f'), agree, disagree)
	return g, all, nil
}

// decideGender is 'm' or 'f' where counts m and f make it plain, 0 else.
func decideGender(m, f int) byte {
	n := m + f
	switch {
	case n < minGender:
		return 0
	case float64(m) >= minGenderShare*float64(n):
		return 'm'
	case float64(f) >= minGenderShare*float64(n):
		return 'f'
	}
	return 0
}

func countOf(g attrib.Genders, s byte) int {
	n := 0
	for _, v := range g {
		if v == s {
			n++
		}
	}
	return n
}

func writeGenders(path string, g attrib.Genders, cs []attrib.GenderCount) error {
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("create gender table: %w", err)
	}
	if err := attrib.WriteGenders(f, g, cs); err != nil {
		f.Close()
		return fmt.Errorf("write gender table: %w", err)
	}
	return f.Close()
}

// checkResolution counts, over the mentions of PolNeAR train's persons of
// known gender that open a sentence and are not their first, how often
// "he" or "she" put in their place would be resolved to them, with the
// gender check and without: the check of the ranker's resolution.
func checkResolution(x *extract.Extractor, pdocs []eval.PolNeARDoc, g attrib.Genders) {
	var right, wrong [2]int
	for _, pd := range pdocs {
		d := text.NewDoc(pd.Article.Text)
		ents := x.Extract(pd.Article).Entities
		for _, e := range ents {
			pg := g[attrib.GivenName(e.Name)]
			if e.Type != whosaid.Person || pg == 0 {
				continue
			}
			for _, m := range e.Mentions[1:] {
				s := d.SentenceAt(m.Start)
				if s < 0 || d.Sentences[s].Start != m.Start {
					continue
				}
				k := sort.Search(len(d.Tokens), func(i int) bool { return d.Tokens[i].Start >= m.Start })
				for i, want := range [2]byte{0, pg} {
					if attrib.Resolve(d, ents, g, k, want) == e.Name {
						right[i]++
					} else {
						wrong[i]++
					}
				}
			}
		}
	}
	fmt.Fprintf(os.Stderr, "pronoun resolution on PolNeAR train (a sentence-opening mention of a person of known gender read as he/she): without gender right %d wrong %d, with gender right %d wrong %d\n",
		right[0], wrong[0], right[1], wrong[1])
}
