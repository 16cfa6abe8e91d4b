package attrib

import (
	"strings"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/extract/internal/rank"
)

// dist buckets a distance in tokens.
func dist(n int) string {
	switch {
	case n <= 0:
		return "0"
	case n == 1:
		return "1"
	case n == 2:
		return "2"
	case n <= 5:
		return "3-5"
	case n <= 10:
		return "6-10"
	case n <= 20:
		return "11-20"
	case n <= 40:
		return "21-40"
	}
	return "41+"
}

// features appends the features of candidate c of it to buf; prev is the
// rules' speaker of the speech before.
func (a *article) features(it *item, c cand, prev string, buf []uint64) []uint64 {
	d := a.d
	ik := "claim"
	if it.quote {
		ik = "quote"
	}
	rk := it.sp.Kind
	if rk == "" {
		rk = whosaid.KindUnknown
	}
	f := func(t rank.Template, parts ...string) { buf = append(buf, t.Key(parts...)) }
	f(tTyp, c.typ)
	f(tTypItem, c.typ, ik)
	f(tTypRulekind, c.typ, rk)
	if c.rule {
		f(tRule, rk)
		f(tRuleItem, rk, ik)
		if it.cue == "" {
			f(tRuleNocue, rk, ik)
		}
	}
	if c.typ == "prevq" || c.typ == "prevq2" {
		return a.runFeatures(it, c, buf)
	}
	if c.start < 0 {
		f(tNomention, rk, ik)
		// No speaker at all is right for some cues ("is expected to",
		// "seemed", "Asked about"): PolNeAR gives them no source.
		if it.cue != "" {
			f(tNomentionCue, it.cueLow, rk, ik)
		}
		if k := it.cueTok; k >= 0 {
			pw, nw := "<start>", "<end>"
			if k > 0 {
				pw = a.low[k-1]
			}
			if k+1 < len(a.low) {
				nw = a.low[k+1]
			}
			f(tNomentionPrev, pw, it.cueLow, rk, ik)
			f(tNomentionNext, it.cueLow, nw, rk, ik)
		}
		return buf
	}
	ck0, ck1 := a.tokAt(c.start), a.tokAt(c.end)
	ik0, ik1 := a.tokAt(it.start), a.tokAt(it.end)
	dir, n := "after", ck0-ik1
	switch {
	case c.end <= it.start:
		dir, n = "before", ik0-ck1
	case c.start < it.end:
		// Inside a claim: the distance from its start.
		dir, n = "inside", ck0-ik0
	}
	dd := dist(n)
	f(tDist, dir, dd)
	f(tDistTyp, dir, dd, c.typ)
	cs, is := d.SentenceAt(c.start), d.SentenceAt(it.start)
	ie := d.SentenceAt(max(it.start, it.end-1))
	sr := "other"
	switch {
	case cs >= is && cs <= ie:
		sr = "same"
	case cs == is-1:
		sr = "prev"
	case cs == ie+1:
		sr = "next"
	}
	f(tSent, sr, dir)
	f(tSentTyp, sr, dir, c.typ)
	pr := "same"
	if cp, ip := d.ParagraphAt(c.start), d.ParagraphAt(it.start); cp < ip {
		pr = "prev"
	} else if cp > ip {
		pr = "next"
	}
	f(tPara, pr, dir, ik)
	// The words around the mention: a cue right after it ("Smith said")
	// or right before it ("said Smith").
	nw, pw := "<end>", "<start>"
	if ck1 < len(a.low) {
		nw = a.low[ck1]
	}
	if ck0 > 0 {
		pw = a.low[ck0-1]
	}
	f(tNext, nw)
	f(tPrev, pw)
	f(tNextTyp, nw, c.typ)
	if c.typ == "np" || c.typ == "snp" {
		f(tNphead, a.low[ck1-1])
		f(tNpfirst, a.low[ck0])
	}
	if c.typ == "pron" || c.typ == "rel" {
		f(tPron, a.low[ck0], dir, sr)
	}
	// Where the mention sits: opening its sentence or paragraph.
	if cs >= 0 && d.Sentences[cs].Start == c.start {
		f(tSentstart, c.typ, sr)
	}
	if p := d.ParagraphAt(c.start); p >= 0 && d.Paragraphs[p].Start == c.start {
		f(tParastart, c.typ, pr)
	}
	buf = a.between(it, ck0, ck1, ik0, ik1, dir, c.typ, buf)
	if prev != "" && strings.EqualFold(c.sp.Name, prev) {
		f(tPrevspk, c.typ, ik)
	}
	buf = a.salience(it, c, buf)
	if it.sp.Kind != whosaid.KindUnknown && strings.EqualFold(c.sp.Name, it.sp.Name) {
		f(tSamename, c.typ)
	}
	if it.cue != "" {
		f(tCueTyp, it.cueLow, c.typ)
	}
	return buf
}

// between appends the features of what lies between the mention (tokens
// ck0–ck1) and the speech (ik0–ik1): other quotations, and the cue.
func (a *article) between(it *item, ck0, ck1, ik0, ik1 int, dir, typ string, buf []uint64) []uint64 {
	f := func(t rank.Template, parts ...string) { buf = append(buf, t.Key(parts...)) }
	ik := "claim"
	if it.quote {
		ik = "quote"
	}
	// Quotation marks between the mention and the speech belong to other
	// speech, which usually has its own speaker.
	between := 0
	lo, hi := ck1, ik0
	if dir == "after" {
		lo, hi = ik1, ck0
	}
	for k := lo; k < hi && k < len(a.inQ); k++ {
		if a.inQ[k] && (k == lo || !a.inQ[k-1]) {
			between++
		}
	}
	f(tQbetween, [3]string{"0", "1", "2"}[min(between, 2)], dir)
	if between > 0 {
		f(tQbetweenTyp, typ)
	}
	// Where the mention sits from the cue: its subject ends just before
	// it ("Smith said"), an inverted one starts just after ("said Smith").
	if k := it.cueTok; k >= 0 {
		rel := "far"
		switch {
		case ck1 <= k && k-ck1 <= 3:
			rel = "subj" + dist(k-ck1)
		case ck0 > k && ck0-k-1 <= 3:
			rel = "obj" + dist(ck0-k-1)
		}
		f(tCuerel, rel, typ)
		f(tCuerelItem, rel, ik)
	} else {
		f(tCuerel, "nocue", typ)
	}
	return buf
}

// salience appends how present the candidate's speaker is before the
// speech: how often its name was mentioned, and whether the rules gave it
// speech already.
func (a *article) salience(it *item, c cand, buf []uint64) []uint64 {
	if c.sp.Name == "" {
		return buf
	}
	n := 0
	for i := range a.ments {
		if a.ments[i].m.End > it.start {
			break
		}
		if a.ments[i].name == c.sp.Name {
			n++
		}
	}
	spoke := false
	for _, s := range a.spoke {
		if s == c.sp.Name {
			spoke = true
			break
		}
	}
	buf = append(buf, tMentions.Key(dist(n), c.typ))
	if spoke {
		buf = append(buf, tSpoke.Key(c.typ))
	}
	return buf
}
