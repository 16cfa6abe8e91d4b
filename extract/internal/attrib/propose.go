package attrib

import (
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/extract/internal/rank"
	"github.com/whosaid/whosaid/extract/internal/text"
)

// The rules find the speech of verbs of saying; PolNeAR attributes much
// more: stances ("criticized", "supports"), intentions ("plans to"),
// findings ("the poll showed"), with contents that are clauses as often as
// noun phrases. Each word that ends PolNeAR train's cues often enough (the
// trigger lexicon, kept in the model) proposes a claim where no quote or
// claim is: its content runs from the next word to the end of the clause,
// and a learnt keep-or-drop decision says whether it is one.

// Proposal is one candidate claim as the trainer sees it: the trigger word,
// the content's bytes, and the features of keeping it.
type Proposal struct {
	Cue        int // token index of the trigger
	Start, End int
	Keep       []uint64
	Heading    bool // in a paragraph that does not end as a sentence does
}

// dropFeats is the one feature of dropping a proposal: its weight is the
// threshold keeping must pass.
var dropFeats = []uint64{rank.Key("p:drop", "")}

// DropFeatures are the features of dropping a proposal, for training.
func DropFeatures() []uint64 { return dropFeats }

// lexKey marks a trigger word in the model.
func lexKey(w string) uint64 { return rank.Key("lex", w) }

// LexiconKeys are the keys of the model that make words triggers.
func LexiconKeys(words []string) []uint64 {
	out := make([]uint64, len(words))
	for i, w := range words {
		out[i] = lexKey(w)
	}
	return out
}

// maxContentToks caps a proposed content.
const maxContentToks = 60

// propose appends to cs the proposed claims the model keeps, in text
// order with the others.
func (r *Ranker) propose(a *article, qs []whosaid.Quote, cs []whosaid.Claim) []whosaid.Claim {
	d := a.d
	ps := a.proposals(qs, cs, func(w string) bool { return r.m.Has(lexKey(w)) })
	n := len(cs)
	for _, p := range ps {
		if Keeps(r.m, p) {
			cs = append(cs, ProposalClaim(d, p))
		}
	}
	if len(cs) > n {
		sort.SliceStable(cs, func(i, j int) bool { return cs[i].Start < cs[j].Start })
	}
	return cs
}

// Keeps reports whether model m keeps proposal p: the stage's choice,
// which genrank's cross-validation repeats. Headings, captions and list
// items are no claims (on PolNeAR train such proposals are wrong 19 times,
// right 17: genrank's rule check).
func Keeps(m *rank.Model, p Proposal) bool {
	return !p.Heading && m.Score(p.Keep) > m.Score(dropFeats)
}

// ProposalClaim is the claim p proposes, its speaker left to the ranker.
func ProposalClaim(d *text.Doc, p Proposal) whosaid.Claim {
	t := d.Tokens[p.Cue]
	sent := ""
	if s := d.SentenceAt(p.Start); s >= 0 {
		sent = d.Text[d.Sentences[s].Start:d.Sentences[s].End]
	}
	return whosaid.Claim{Text: d.Text[p.Start:p.End], Start: p.Start, End: p.End,
		Cue: d.Text[t.Start:t.End], Speaker: whosaid.Speaker{Kind: whosaid.KindUnknown}, Sentence: sent}
}

// Proposals lists every proposal Propose would weigh on d, with the
// trigger lexicon given: training data of extract/internal/genrank.
func Proposals(d *text.Doc, qs []whosaid.Quote, cs []whosaid.Claim, lex map[string]bool) []Proposal {
	return newArticle(d, nil, nil).proposals(qs, cs, func(w string) bool { return lex[w] })
}

// proposals finds the trigger words outside quotes and outside the spans of
// quotes and claims, and the content each proposes.
func (a *article) proposals(qs []whosaid.Quote, cs []whosaid.Claim, lex func(string) bool) []Proposal {
	d := a.d
	a.taken = resize(a.taken, len(d.Tokens))
	clear(a.taken)
	taken := a.taken
	mark := func(s, e int) {
		for k := a.tokAt(s - 1); k < len(d.Tokens) && d.Tokens[k].Start < e+1; k++ {
			taken[k] = true
		}
	}
	for _, q := range qs {
		mark(q.Start, q.End)
	}
	for _, c := range cs {
		mark(c.Start, c.End)
	}
	var out []Proposal
	for s := range d.Sentences {
		sp := d.Sentences[s]
		k0, k1 := a.tokAt(sp.Start), a.tokAt(sp.End)
		for k := k0; k < k1-1; k++ {
			if taken[k] || !lex(a.low[k]) || !a.tokFlagWord(k) {
				continue
			}
			// The content: the next word to the end of the clause, on
			// through a partial quotation inside it ("called the plan
			// “a disaster” on Monday"), where PolNeAR's content runs on
			// too.
			cs, ce := k+1, k+1
			for ce < k1 && ce-cs < maxContentToks && a.low[ce] != ";" {
				if taken[ce] {
					j := a.pastQuote(qs, ce)
					if j < 0 || j > k1 {
						break
					}
					ce = j
					continue
				}
				ce++
			}
			atQuote := ce < k1 && taken[ce] // stopped by a quote or claim
			// Marks end it, but not the one opening the quote it stopped
			// at (a curly mark is not among the quote's marked tokens).
			for ce > cs && !a.tokFlagWord(ce-1) && a.low[ce-1] != ")" &&
				(!isQuoteMark(a.low[ce-1]) || !taken[ce-1] && ce < k1 && taken[ce]) {
				ce--
			}
			if ce-cs < 1 {
				continue
			}
			out = append(out, Proposal{Cue: k, Start: d.Tokens[cs].Start, End: d.Tokens[ce-1].End,
				Keep: a.proposalFeats(k, cs, ce, k0, atQuote), Heading: a.headingLike(k)})
			k = ce - 1 // one proposal per clause
		}
	}
	return out
}

// pastQuote returns the token after the partial quote of qs whose marked
// tokens start at token k, or -1 when none does (k is a claim's, or a full
// quote's: speech of its own, not words inside a claim).
func (a *article) pastQuote(qs []whosaid.Quote, k int) int {
	i := sort.Search(len(qs), func(i int) bool { return a.tokAt(qs[i].Start-1) >= k })
	if i == len(qs) || a.tokAt(qs[i].Start-1) != k || qs[i].Kind != whosaid.PartialQuote {
		return -1
	}
	return a.tokAt(qs[i].End + 1)
}

// proposalFeats describes keeping the proposal of trigger k with content
// tokens [cs, ce) in a sentence starting at token k0, the content stopped
// by a quotation or claim when atQuote.
func (a *article) proposalFeats(k, cs, ce, k0 int, atQuote bool) []uint64 {
	at := len(a.arena)
	f := func(t rank.Template, parts ...string) { a.arena = append(a.arena, t.Key(parts...)) }
	w := a.low[k]
	pw, ppw := "<s>", "<s>"
	if k > k0 {
		pw = a.low[k-1]
	}
	if k > k0+1 {
		ppw = a.low[k-2]
	}
	nw := a.low[cs]
	f(tPBias, "")
	f(tPW, w)
	f(tPPrevW, pw, w)
	f(tPPprevPrevW, ppw, pw, w)
	f(tPWNext, w, nw)
	f(tPNext, nw)
	f(tPLen, dist(ce-cs))
	f(tPWLen, w, dist(ce-cs))
	f(tPPos, dist(k-k0))
	// A subject just before: a pronoun or a capitalised word.
	subj := "none"
	for j := k - 1; j >= k0 && j >= k-4; j-- {
		if pronounWords[a.low[j]] {
			subj = "pron"
			break
		}
		if a.isCapTok(j) && j > k0 {
			subj = "cap"
			break
		}
	}
	f(tPSubj, subj)
	f(tPSubjW, subj, w)
	nw2 := "<e>"
	if cs+1 < ce {
		nw2 = a.low[cs+1]
	}
	f(tPNext2, nw+" "+nw2)
	f(tPWNext2, w, nw+" "+nw2)
	f(tPLast, a.low[ce-1])
	if p := a.d.ParagraphAt(a.d.Tokens[k].Start); p >= 0 && a.tokAt(a.d.Paragraphs[p].Start) == k0 {
		f(tPParafirst, subj)
	}
	comma := false
	for j := k0; j < k; j++ {
		comma = comma || a.low[j] == ","
	}
	if comma {
		f(tPCommaW, w)
	}
	// A quotation inside the content: where it says most of it, the
	// quote alone is already the speech.
	inq := 0
	for j := cs; j < ce; j++ {
		if a.taken[j] {
			inq++
		}
	}
	if atQuote {
		f(tPQuoted, "before")
	}
	switch {
	case inq == 0:
	case 2*inq >= ce-cs:
		f(tPQuoted, "most")
	default:
		f(tPQuoted, "part")
	}
	return a.arena[at:len(a.arena):len(a.arena)]
}

// pronounWords are the personal pronouns that make a subject.
var pronounWords = map[string]bool{"he": true, "she": true, "they": true, "we": true, "i": true, "it": true}

// isCapTok reports whether token k starts with an upper-case letter.
func (a *article) isCapTok(k int) bool {
	r, _ := text.RuneAt(a.d.Text, a.d.Tokens[k].Start)
	return r >= 'A' && r <= 'Z'
}

// headingLike reports whether token k lies in a paragraph that does not end
// as a sentence does: a heading, a caption or a list item.
func (a *article) headingLike(k int) bool {
	d := a.d
	p := d.ParagraphAt(d.Tokens[k].Start)
	if p < 0 {
		return false
	}
	t := strings.TrimRight(d.Text[d.Paragraphs[p].Start:d.Paragraphs[p].End], " \t\r")
	r, _ := utf8.DecodeLastRuneInString(t)
	return !strings.ContainsRune(".!?…\"”’')]:", r)
}
