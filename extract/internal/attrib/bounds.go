package attrib

import (
	"sort"
	"strings"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/extract/internal/rank"
	"github.com/whosaid/whosaid/extract/internal/text"
)

// Where a claim's content starts and ends is learnt from PolNeAR, whose
// contents take in the "that" (or "to", "whether") that opens the clause
// and stop before what the reporter adds ("…, in an interview with X",
// "… while critics warned …"). Each claim offers candidate starts (its own,
// the word before it, the words after a comma, a dash or a "that" near its
// beginning) and candidate ends (its own, and before each comma, dash,
// parenthesis or linking word inside it); the model picks one of each.

// Bound is one claim's boundary decisions as the trainer sees them: the
// candidates for its start and its end, as byte offsets with features.
type Bound struct {
	Claim            int // index of the claim
	Start, End       int // the claim's bytes before the decisions
	StartTok, EndTok int // the tokens at Start and End, which the keep-half rule counts
	Starts, Ends     []Edge
}

// Edge is one candidate start or end of a claim.
type Edge struct {
	Off   int
	Tok   int // the token at Off
	Feats []uint64
}

// maxCuts is how many ends inside a claim are weighed, the first ones.
const maxCuts = 10

// maxEdgeToks is how far into a claim a start is looked for, in tokens.
const maxEdgeToks = 15

// cutWords are the linking words a content may end before.
var cutWords = map[string]bool{
	"while": true, "because": true, "after": true, "as": true, "but": true, "and": true, "since": true,
	"though": true, "although": true, "when": true, "before": true, "until": true, "unless": true,
	"whereas": true, "which": true, "who": true, "where": true, "in": true, "on": true, "at": true,
	"during": true, "amid": true, "despite": true, "according": true, "saying": true, "adding": true,
	"so": true, "if": true, "than": true, "with": true, "for": true, "by": true, "to": true,
}

// startAfter are the words a content may start after: the prepositions
// that link a cue to its content and the verbs of saying.
var startAfter = map[string]bool{
	"for": true, "about": true, "of": true, "to": true, "on": true, "against": true, "with": true,
	"over": true, "in": true, "by": true, "from": true, "as": true, "said": true, "saying": true, "says": true,
	"say": true, "told": true, "added": true,
}

// cutPuncts are the marks a content may end before.
var cutPuncts = map[string]bool{",": true, "—": true, "–": true, "--": true, "-": true, ";": true, "(": true, ":": true}

// bounds moves each claim's start and end to the candidates the model
// ranks first.
func (r *Ranker) bounds(a *article, cs []whosaid.Claim) {
	d := a.d
	for i := range cs {
		c := &cs[i]
		a.arena = a.arena[:0] // the last claim's features are done with
		if s, e, ok := ChooseBounds(r.m, a.bound(c, i)); ok {
			c.Start, c.End, c.Text = s, e, d.Text[s:e]
		}
	}
}

// ChooseBounds returns the start and end of b's claim that m ranks first
// (the claim's own where it offers no candidate), and whether the stage
// moves the claim to them: genrank's cross-validation rebuilds the stage's
// claims with it. A content cut to less than half its words would often
// no longer be the same speech: such a cut, like crossed bounds, is left
// to the rules.
func ChooseBounds(m *rank.Model, b Bound) (start, end int, ok bool) {
	s, e, ks, ke := b.Start, b.End, b.StartTok, b.EndTok
	if k := bestEdge(m, b.Starts); k >= 0 {
		s, ks = b.Starts[k].Off, b.Starts[k].Tok
	}
	if k := bestEdge(m, b.Ends); k >= 0 {
		e, ke = b.Ends[k].Off, b.Ends[k].Tok
	}
	return s, e, s < e && 2*(ke-ks) >= b.EndTok-b.StartTok
}

// BoundSets returns every boundary decision Bounds would make on d,
// changing nothing: training data of extract/internal/genrank.
func BoundSets(d *text.Doc, cs []whosaid.Claim) []Bound {
	a := newArticle(d, nil, nil)
	out := make([]Bound, 0, len(cs))
	for i := range cs {
		out = append(out, a.bound(&cs[i], i))
	}
	return out
}

func bestEdge(m *rank.Model, es []Edge) int {
	best, bs := -1, float32(0)
	for i, e := range es {
		if s := m.Score(e.Feats); best < 0 || s > bs {
			best, bs = i, s
		}
	}
	return best
}

// newArticle prepares the token views of d the features read: the text
// lower-cased once (ASCII in place, a token with other bytes on its own).
func newArticle(d *text.Doc, ents []whosaid.Entity, g Genders) *article {
	return new(article).reset(d, ents, g)
}

// reset readies a for d, keeping the arrays of the article it held before.
func (a *article) reset(d *text.Doc, ents []whosaid.Entity, g Genders) *article {
	*a = article{d: d, ents: ents, low: resize(a.low, len(d.Tokens)), inQ: resize(a.inQ, len(d.Tokens)),
		ments: a.ments[:0], arena: a.arena[:0], items: a.items[:0], cands: a.cands[:0], feats: a.feats[:0], taken: a.taken,
		at: a.at, prons: a.prons[:0], spoke: a.spoke[:0], genders: g, gend: a.gend}
	clear(a.inQ)
	a.indexTokens()
	ascii := true
	for i := 0; i < len(d.Text); i++ {
		if d.Text[i] >= 0x80 {
			ascii = false
			break
		}
	}
	var lt string
	if ascii {
		lt = strings.ToLower(d.Text) // same offsets
	} else {
		b := []byte(d.Text)
		for i, c := range b {
			if 'A' <= c && c <= 'Z' {
				b[i] = c + 'a' - 'A'
			}
		}
		lt = string(b)
	}
	for i, t := range d.Tokens {
		w := lt[t.Start:t.End]
		if !ascii {
			for j := 0; j < len(w); j++ {
				if w[j] >= 0x80 {
					w = strings.ToLower(d.Text[t.Start:t.End])
					break
				}
			}
		}
		a.low[i] = w
		if isPronoun(w) {
			a.prons = append(a.prons, int32(i))
		}
	}
	a.entityGenders()
	for i, e := range ents {
		kind, typ := entityKind(e.Type)
		if kind == "" {
			continue
		}
		for _, m := range e.Mentions {
			a.ments = append(a.ments, ment{m: m, name: e.Name, kind: kind, typ: typ, g: a.gend[i]})
		}
	}
	sort.SliceStable(a.ments, func(i, j int) bool { return a.ments[i].m.Start < a.ments[j].m.Start })
	return a
}

// isQuoteMark reports whether a token is a double quotation mark.
func isQuoteMark(w string) bool {
	return w == "\"" || w == "“" || w == "”" || w == "«" || w == "»"
}

// bound lists claim i's candidate starts and ends with their features.
func (a *article) bound(c *whosaid.Claim, i int) Bound {
	d := a.d
	k0, k1 := a.tokAt(c.Start), a.tokAt(c.End)
	b := Bound{Claim: i, Start: c.Start, End: c.End, StartTok: k0, EndTok: k1}
	if k0 >= k1 {
		return b
	}
	cue := strings.ToLower(c.Cue)
	first := a.low[k0]
	addS := func(typ string, k int) {
		if k < 0 || k >= k1 {
			return
		}
		for _, e := range b.Starts {
			if e.Off == d.Tokens[k].Start {
				return
			}
		}
		at := len(a.arena)
		f := func(t rank.Template, parts ...string) { a.arena = append(a.arena, t.Key(parts...)) }
		pw := "<start>"
		if k > 0 {
			pw = a.low[k-1]
		}
		f(tSTyp, typ)
		f(tSW, a.low[k])
		f(tSTypW, typ, a.low[k])
		f(tSTypPrev, typ, pw)
		f(tSTypFirst, typ, first)
		f(tSTypSkip, typ, dist(k-k0))
		f(tSTypCue, typ, cue)
		off := d.Tokens[k].Start
		b.Starts = append(b.Starts, Edge{Off: off, Tok: a.tokAt(off), Feats: a.arena[at:len(a.arena):len(a.arena)]})
	}
	addS("orig", k0)
	if k0 > 0 && a.tokFlagWord(k0-1) {
		addS("prev", k0-1)
	}
	for k := k0; k < k1 && k < k0+maxEdgeToks; k++ {
		switch w := a.low[k]; {
		case cutPuncts[w]:
			addS("punct", k+1)
		case w == "that":
			if k > k0 {
				addS("that", k)
			}
			addS("postthat", k+1)
		case startAfter[w]:
			// "criticized Trump for [his remarks]", "asked about [the
			// deal]": PolNeAR's content often starts after the word.
			addS("after", k+1)
		}
	}
	addE := func(typ string, k int) {
		// The content ends before token k, and before the marks just
		// before it ("…in the first quarter, although…").
		j := k - 1
		for j > k0 && cutPuncts[a.low[j]] {
			j--
		}
		end := d.Tokens[j].End
		for _, e := range b.Ends {
			if e.Off == end {
				return
			}
		}
		at := len(a.arena)
		f := func(t rank.Template, parts ...string) { a.arena = append(a.arena, t.Key(parts...)) }
		w, nw := "<end>", "<end>"
		if k < len(a.low) {
			w = a.low[k]
		}
		if k+1 < len(a.low) {
			nw = a.low[k+1]
		}
		f(tETyp, typ)
		f(tEW, w)
		f(tETypW, typ, w)
		f(tEWNext, w, nw)
		f(tEWKept, w, dist(k-k0))
		f(tEWDropped, w, dist(k1-k))
		f(tETypCue, typ, cue)
		f(tELast, a.low[k-1])
		b.Ends = append(b.Ends, Edge{Off: end, Tok: a.tokAt(end), Feats: a.arena[at:len(a.arena):len(a.arena)]})
	}
	addE("orig", k1)
	quoted := false
	for k := k0; k < k1; k++ {
		if isQuoteMark(a.low[k]) {
			quoted = !quoted
		}
		if k-k0 < 2 || quoted {
			continue
		}
		if (cutPuncts[a.low[k]] || cutWords[a.low[k]]) && len(b.Ends) <= maxCuts {
			addE("cut", k)
		}
	}
	return b
}

// tokFlagWord reports whether token k starts with a letter.
func (a *article) tokFlagWord(k int) bool {
	r, _ := text.RuneAt(a.d.Text, a.d.Tokens[k].Start)
	return text.IsWordRune(r)
}

// resize returns s with length n, on its own array when that is big enough.
func resize[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	return s[:n]
}
