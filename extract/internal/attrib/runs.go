package attrib

import (
	"strings"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/extract/internal/rank"
)

// quoteRun is who spoke the latest quotes, as the rules named them: the
// speaker a quote with no cue of its own most often continues ("“…,” she
// said." then a paragraph of quotation alone), and in a run of questions
// and answers the one before (a hearing's "“Why did you pay him?” /
// “Because…”").
type quoteRun struct {
	sp   [2]whosaid.Speaker // the latest quote's speaker, and the latest other one before it
	para [2]int             // the paragraph of each
}

// runParas is how many paragraphs back a run's speaker is still a
// candidate.
const runParas = 2

// note records the rules' speaker sp of a quote in paragraph p. A quote
// the rules left with no speaker does not end the run.
func (r *quoteRun) note(sp whosaid.Speaker, p int) {
	if sp.Name == "" || sp.Kind == whosaid.KindUnknown {
		return
	}
	if !strings.EqualFold(sp.Name, r.sp[0].Name) {
		r.sp[1], r.para[1] = r.sp[0], r.para[0]
	}
	r.sp[0], r.para[0] = whosaid.Speaker{Name: sp.Name, Kind: sp.Kind}, p
}

// runCandidates appends to out the run's speakers as candidates of the
// quote it, with no mention, unless a candidate already names them.
func (a *article) runCandidates(it *item, out []cand) []cand {
	if !it.quote || it.cue != "" {
		return out // a quote with a cue has its speaker at the cue
	}
	p := a.d.ParagraphAt(it.start)
	for j, typ := range [2]string{"prevq", "prevq2"} {
		sp := a.run.sp[j]
		if sp.Name == "" || p-a.run.para[j] > runParas || p < a.run.para[j] {
			continue
		}
		named := false
		for _, c := range out {
			named = named || strings.EqualFold(c.sp.Name, sp.Name)
		}
		if !named {
			out = append(out, cand{start: -1, end: -1, typ: typ, sp: sp})
		}
	}
	return out
}

var (
	tRunItem  = rank.NewTemplate("run|cue|rulekind")
	tRunPara  = rank.NewTemplate("run|para")
	tRunOpen  = rank.NewTemplate("run|open|cue")
	tRunNames = rank.NewTemplate("run|names|prons")
)

// runFeatures appends the features of a run candidate c of it: whether the
// quote has a cue and a speaker from the rules, how far back the run's
// quote is, whether the quote opens its paragraph, and how many persons
// and pronouns its paragraph names outside quotation marks.
func (a *article) runFeatures(it *item, c cand, buf []uint64) []uint64 {
	d := a.d
	cue := "cue"
	if it.cue == "" {
		cue = "nocue"
	}
	rk := it.sp.Kind
	if rk == "" {
		rk = whosaid.KindUnknown
	}
	p := d.ParagraphAt(it.start)
	j := 0
	if c.typ == "prevq2" {
		j = 1
	}
	buf = append(buf, tRunItem.Key(c.typ, cue, rk), tRunPara.Key(c.typ, dist(p-a.run.para[j])))
	open := "inside"
	if p >= 0 && strings.TrimLeft(d.Text[d.Paragraphs[p].Start:it.start], " \t\"“‘'") == "" {
		open = "opens"
	}
	buf = append(buf, tRunOpen.Key(c.typ, open, cue))
	names, prons := 0, 0
	if p >= 0 {
		ps, pe := d.Paragraphs[p].Start, d.Paragraphs[p].End
		for i := a.mentionAt(ps); i < len(a.ments) && a.ments[i].m.Start < pe; i++ {
			if k := a.tokAt(a.ments[i].m.Start); a.ments[i].typ == "person" && k < len(a.inQ) && !a.inQ[k] {
				names++
			}
		}
		for k := a.tokAt(ps); k < len(a.low) && d.Tokens[k].Start < pe; k++ {
			if !a.inQ[k] && isPronoun(a.low[k]) {
				prons++
			}
		}
	}
	return append(buf, tRunNames.Key(c.typ, dist(names), dist(prons)))
}
