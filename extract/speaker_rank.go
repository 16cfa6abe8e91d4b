package extract

import (
	"bytes"
	_ "embed"
	"sort"
	"strings"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/extract/internal/rank"
)

// The speaker ranker revisits the speaker the rules chose for each quote and
// claim. Its candidates are that choice and every mention near the speech
// that could be a speaker: the people and organizations named, the personal
// pronouns, and the label that opens a transcript paragraph ("WALLACE:").
// Each candidate is described by features (its kind, where it lies from the
// speech, the words around it, whether the rules chose it) and the linear
// model learnt from PolNeAR train by extract/internal/genrank picks one.

// spkCand is one candidate speaker of a quote or claim.
type spkCand struct {
	start, end int // the mention's bytes; -1 for a rule choice with no mention
	sp         whosaid.Speaker
	typ        string // rule, person, org, country, pron, label
	rule       bool   // the rules chose this mention (or this speaker)
}

// spkItem is a quote or claim whose speaker is ranked.
type spkItem struct {
	start, end int
	quote      bool
	cont       bool // a quote that continues one from the paragraph before
	cue        string
	sp         *whosaid.Speaker
}

// SpeakerSet is one ranking decision as the trainer sees it: the quote or
// claim, and per candidate its mention, the speaker it stands for and its
// features.
type SpeakerSet struct {
	Start, End int
	Quote      bool
	Cands      []SpeakerCand
}

// SpeakerCand is one candidate of a SpeakerSet. Start is -1 for a rule
// choice with no mention.
type SpeakerCand struct {
	Start, End int
	Speaker    whosaid.Speaker
	Feats      []uint64
}

// spkWindowParas is how many paragraphs before and after the speech the
// candidates are drawn from.
const spkWindowParas = 1

// rankSpeakers sets the speaker of each quote and claim to the candidate the
// model ranks first. With sets non-nil it changes nothing and appends every
// decision to *sets instead, for training.
func (a *qAnalyzer) rankSpeakers(m *rank.Model, qs []whosaid.Quote, cs []whosaid.Claim, sets *[]SpeakerSet) {
	if m == nil && sets == nil {
		return
	}
	items := make([]spkItem, 0, len(qs)+len(cs))
	qi := 0
	for i := range qs {
		q := &qs[i]
		cont := false
		for qi < len(a.qs) && a.qs[qi].Start < q.Start {
			qi++
		}
		if qi < len(a.qs) && a.qs[qi].Start == q.Start {
			cont = a.qs[qi].prevCont
		}
		items = append(items, spkItem{start: q.Start, end: q.End, quote: true, cont: cont, cue: q.Cue, sp: &q.Speaker})
	}
	for i := range cs {
		c := &cs[i]
		items = append(items, spkItem{start: c.Start, end: c.End, cue: c.Cue, sp: &c.Speaker})
	}
	sort.SliceStable(items, func(i, j int) bool { return items[i].start < items[j].start })
	var cands []spkCand
	var feats [][]uint64
	prev := ""
	for _, it := range items {
		cands = a.speakerCands(it, cands[:0])
		for len(feats) < len(cands) {
			feats = append(feats, nil)
		}
		for i, c := range cands {
			feats[i] = a.speakerFeats(it, c, prev, feats[i][:0])
		}
		prev = strings.ToLower(it.sp.Name)
		if sets != nil {
			s := SpeakerSet{Start: it.start, End: it.end, Quote: it.quote}
			for i, c := range cands {
				s.Cands = append(s.Cands, SpeakerCand{Start: c.start, End: c.end, Speaker: c.sp, Feats: append([]uint64(nil), feats[i]...)})
			}
			*sets = append(*sets, s)
			continue
		}
		if b := m.Best(feats[:len(cands)]); b >= 0 && !cands[b].rule {
			*it.sp = cands[b].sp
		}
	}
}

// speakerCands lists the candidates of it: the rules' choice first, then the
// mentions of the window outside quotation marks and outside it.
func (a *qAnalyzer) speakerCands(it spkItem, out []spkCand) []spkCand {
	d := a.d
	rule := spkCand{start: -1, end: -1, sp: *it.sp, typ: "rule", rule: true}
	if m := it.sp.Mention; m != nil {
		rule.start, rule.end = m.Start, m.End
	}
	out = append(out, rule)
	p := a.paraAt(it.start)
	if p < 0 {
		return out
	}
	lo := d.Paragraphs[max(0, p-spkWindowParas)].Start
	hi := d.Paragraphs[min(len(d.Paragraphs)-1, p+spkWindowParas)].End
	add := func(c spkCand) {
		if c.start < lo || c.end > hi || c.start < it.end && c.end > it.start || c.start < a.bodyStart {
			return
		}
		if k := a.tokAt(c.start); k < len(a.inQ) && a.inQ[k] {
			return
		}
		if c.start == rule.start && c.end == rule.end {
			return // the rules' own choice, already listed
		}
		c.rule = it.sp.Kind != whosaid.KindUnknown && strings.EqualFold(c.sp.Name, it.sp.Name) && rule.start < 0
		out = append(out, c)
	}
	for _, e := range a.ents {
		var kind, typ string
		switch e.Type {
		case whosaid.Person:
			kind, typ = whosaid.KindPerson, "person"
		case whosaid.Org:
			kind, typ = whosaid.KindOrganization, "org"
		case whosaid.Country:
			kind, typ = whosaid.KindOrganization, "country"
		default:
			continue
		}
		for _, m := range e.Mentions {
			if m.End <= lo || m.Start >= hi {
				continue
			}
			mm := m
			add(spkCand{start: m.Start, end: m.End, typ: typ, sp: whosaid.Speaker{Name: e.Name, Kind: kind, Mention: &mm}})
		}
	}
	k0, k1 := a.tokAt(lo), a.tokAt(hi)
	for k := k0; k < k1; k++ {
		w := a.low[k]
		if !qPronouns[w] || a.inQ[k] {
			continue
		}
		t := d.Tokens[k]
		sp := a.resolvePronoun(w, t.Start)
		if sp.Kind == whosaid.KindUnknown {
			continue
		}
		sp.Mention = &whosaid.Mention{Text: d.Text[t.Start:t.End], Start: t.Start, End: t.End}
		add(spkCand{start: t.Start, end: t.End, typ: "pron", sp: sp})
	}
	// A label opening the speech's paragraph: one to three capitalised
	// words and a colon ("WALLACE:", "Sen. Smith:").
	ps := d.Paragraphs[p]
	k := a.tokAt(ps.Start)
	e := k
	for e < len(a.low) && e < k+3 && d.Tokens[e].End <= ps.End && a.isCap(e) {
		e++
	}
	if e > k && e < len(a.low) && a.low[e] == ":" && d.Tokens[e].End <= it.start {
		s, en := d.Tokens[k].Start, d.Tokens[e-1].End
		sp := a.labelSpeaker(s, en)
		add(spkCand{start: s, end: en, typ: "label", sp: sp})
	}
	return out
}

// labelSpeaker is who a transcript label names: the person or organization
// named in the text whose name ends with the label's last word, else the
// label as written.
func (a *qAnalyzer) labelSpeaker(s, e int) whosaid.Speaker {
	text := a.d.Text[s:e]
	last := strings.ToLower(text[strings.LastIndexByte(text, ' ')+1:])
	last = strings.TrimSuffix(last, ".")
	m := &whosaid.Mention{Text: text, Start: s, End: e}
	for _, en := range a.ents {
		if en.Type != whosaid.Person && en.Type != whosaid.Org {
			continue
		}
		n := strings.ToLower(en.Name)
		if n == last || strings.HasSuffix(n, " "+last) {
			kind := whosaid.KindPerson
			if en.Type == whosaid.Org {
				kind = whosaid.KindOrganization
			}
			return whosaid.Speaker{Name: en.Name, Kind: kind, Mention: m}
		}
	}
	return whosaid.Speaker{Name: text, Kind: whosaid.KindPerson, Mention: m}
}

// spkDist buckets a distance in tokens.
func spkDist(n int) string {
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

// speakerFeats appends the features of candidate c of it to buf; prev is the
// rules' speaker of the speech before, lower-cased.
func (a *qAnalyzer) speakerFeats(it spkItem, c spkCand, prev string, buf []uint64) []uint64 {
	d := a.d
	ik := "claim"
	if it.quote {
		ik = "quote"
	}
	rk := it.sp.Kind
	if rk == "" {
		rk = whosaid.KindUnknown
	}
	f := func(t, v string) { buf = append(buf, rank.Key(t, v)) }
	f("typ", c.typ)
	f("typ|item", c.typ+"|"+ik)
	f("typ|rulekind", c.typ+"|"+rk)
	if c.rule {
		f("rule", rk)
		f("rule|item", rk+"|"+ik)
		if it.cont {
			f("rule|cont", rk)
		}
		if it.cue == "" {
			f("rule|nocue", rk+"|"+ik)
		}
	}
	if c.start < 0 {
		f("nomention", rk+"|"+ik)
		return buf
	}
	ck0, ck1 := a.tokAt(c.start), a.tokAt(c.end)
	ik0, ik1 := a.tokAt(it.start), a.tokAt(it.end)
	dir, dist := "after", ck0-ik1
	if c.end <= it.start {
		dir, dist = "before", ik0-ck1
	}
	dd := spkDist(dist)
	f("dist", dir+"|"+dd)
	f("dist|typ", dir+"|"+dd+"|"+c.typ)
	f("dist|item", dir+"|"+dd+"|"+ik)
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
	f("sent", sr+"|"+dir)
	f("sent|typ", sr+"|"+dir+"|"+c.typ)
	pr := "same"
	if cp, ip := a.paraAt(c.start), a.paraAt(it.start); cp < ip {
		pr = "prev"
	} else if cp > ip {
		pr = "next"
	}
	f("para", pr+"|"+dir+"|"+ik)
	// The words around the mention: a cue right after it ("Smith said")
	// or right before it ("said Smith").
	nw, pw := "<end>", "<start>"
	if ck1 < len(a.low) {
		nw = a.low[ck1]
	}
	if ck0 > 0 {
		pw = a.low[ck0-1]
	}
	if ck1 < len(a.low) && a.wc[ck1].cue != 0 {
		f("nextcue", c.typ)
		f("nextcue|sent", sr+"|"+dir)
	}
	if ck0 > 0 && a.wc[ck0-1].cue != 0 {
		f("prevcue", c.typ)
		f("prevcue|sent", sr+"|"+dir)
	}
	f("next", nw)
	f("prev", pw)
	f("next|dir", nw+"|"+dir)
	if c.typ == "pron" {
		f("pron", a.low[ck0]+"|"+dir+"|"+sr)
	}
	// Where the mention sits: opening its sentence or paragraph.
	if cs >= 0 && a.sentTok[cs][0] == ck0 {
		f("sentstart", c.typ+"|"+sr)
	}
	if p := a.paraAt(c.start); p >= 0 && d.Paragraphs[p].Start == c.start {
		f("parastart", c.typ)
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
	f("qbetween", string(rune('0'+min(between, 2))))
	if between > 0 {
		f("qbetween", "yes|"+c.typ)
	}
	if prev != "" && strings.EqualFold(c.sp.Name, prev) {
		f("prevspk", c.typ+"|"+ik)
	}
	if it.sp.Kind != whosaid.KindUnknown && strings.EqualFold(c.sp.Name, it.sp.Name) {
		f("samename", c.typ)
	}
	if it.cue != "" {
		f("cue|typ", strings.ToLower(it.cue)+"|"+c.typ)
	}
	return buf
}

// speakerModel is the ranker's weights, learnt by `make model` (go run
// ./internal/genrank); an empty file leaves the rules' speakers alone.
//
//go:embed data/speaker.model
var speakerModel []byte

// loadSpeakerModel parses the embedded ranker, nil when it is empty.
func loadSpeakerModel() (*rank.Model, error) {
	if len(speakerModel) == 0 {
		return nil, nil
	}
	return rank.Read(bytes.NewReader(speakerModel))
}
