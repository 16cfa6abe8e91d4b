// Package attrib is the learned step of attribution, run after the rules
// of the speech stage: it revisits the speaker of each quote and claim, and
// where each claim's content starts and ends.
//
// A speaker's candidates are the rules' choice and every mention near the
// speech that could be a speaker (a claim's own words included, outside
// quotation marks): the people, organizations and countries
// the entity stage named, the personal pronouns, the noun phrases at the
// cue and opening its sentence, a "who" before the cue, and the label that
// opens a transcript paragraph ("WALLACE:"). Each is described by features (its
// kind, where it lies from the speech, the words around it, whether the
// rules chose it). A claim's candidate starts and ends are the rules' own,
// the "that" before the content, and the commas, dashes and conjunctions
// inside it. Linear models learnt from PolNeAR train and the project's gold
// stories by extract/internal/genrank pick one of each.
//
// It imports nothing of the project but the domain package, text and the
// ranker.
package attrib

import (
	"bytes"
	_ "embed"
	"fmt"
	"sort"
	"strings"
	"sync"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/extract/internal/rank"
	"github.com/whosaid/whosaid/extract/internal/text"
)

// attribModel is the stage's weights, learnt by `make model` (go run
// ./internal/genrank); an empty file leaves the rules' findings alone.
//
//go:embed data/attrib.model
var attribModel []byte

// Ranker holds the learned model. It is loaded once by Load and read-only,
// safe for concurrent use.
type Ranker struct {
	m    *rank.Model
	g    Genders
	pool sync.Pool // *article, whose arrays are reused article after article
}

// Load parses the embedded model. It fails only if the embedded file is
// malformed.
func Load() (*Ranker, error) {
	if len(attribModel) == 0 {
		return &Ranker{}, nil
	}
	m, err := rank.Parse(attribModel)
	if err != nil {
		return nil, fmt.Errorf("read attribution model: %w", err)
	}
	g, err := ReadGenders(bytes.NewReader(genderTable))
	if err != nil {
		return nil, err
	}
	return &Ranker{m: m, g: g}, nil
}

// Set is one ranking decision as the trainer sees it: the quote or claim
// and its candidates.
type Set struct {
	Start, End int
	Quote      bool
	Cands      []Cand
	// Settled marks the rules' plain case ("Smith said" in the sentence),
	// not ranked: its one candidate is the rules' choice.
	Settled bool
}

// Cand is one candidate of a Set: its mention (Start -1 for a rule choice
// with no mention), the speaker it stands for and its features.
type Cand struct {
	Start, End int
	Speaker    whosaid.Speaker
	Feats      []uint64
	// Desc is the descriptor Speaker names when link named a person
	// for it ("the prosecutor" for Simon Garrow), empty otherwise: what
	// genrank counts the link by.
	Desc whosaid.Speaker
}

// Apply runs the learned step on the rules' quotes and claims of d: it
// adds the proposed claims the model keeps, revisits every speaker, then
// every claim's bounds, and returns the claims.
func (r *Ranker) Apply(d *text.Doc, ents []whosaid.Entity, qs []whosaid.Quote, cs []whosaid.Claim) []whosaid.Claim {
	if r == nil || r.m == nil {
		return cs
	}
	a, _ := r.pool.Get().(*article)
	if a == nil {
		a = new(article)
	}
	defer r.pool.Put(a)
	a.reset(d, ents, r.g)
	cs = r.propose(a, qs, cs)
	run(a, qs, cs, func(it *item, cands []cand, feats [][]uint64) {
		if b := r.m.Best(feats); b >= 0 && b < len(cands) && !cands[b].rule {
			*it.sp = a.speaker(cands[b])
		}
	})
	r.bounds(a, cs)
	return cs
}

// Decisions returns every decision Rank would make on d, changing nothing,
// with the gender table g: the training data of extract/internal/genrank.
func Decisions(d *text.Doc, ents []whosaid.Entity, qs []whosaid.Quote, cs []whosaid.Claim, g Genders) []Set {
	var out []Set
	a := newArticle(d, ents, g)
	run(a, qs, cs, func(it *item, cands []cand, feats [][]uint64) {
		s := Set{Start: it.start, End: it.end, Quote: it.quote, Settled: feats == nil}
		for i, c := range cands {
			var fs []uint64
			if feats != nil {
				fs = append(fs, feats[i]...)
			}
			s.Cands = append(s.Cands, Cand{Start: c.start, End: c.end, Speaker: a.speaker(c), Desc: c.desc, Feats: fs})
		}
		out = append(out, s)
	})
	return out
}

// cand is one candidate speaker of a quote or claim.
type cand struct {
	start, end int // the mention's bytes; -1 for a rule choice with no mention
	sp         whosaid.Speaker
	typ        string          // rule, person, org, country, pron, label, np (at the cue), snp (opening the sentence), rel ("who")
	rule       bool            // the rules chose this mention (or this speaker)
	desc       whosaid.Speaker // the descriptor sp was linked from, empty when none
}

// item is a quote or claim whose speaker is ranked.
type item struct {
	start, end int
	quote      bool
	cue        string
	cueTok     int    // the cue's token nearest the speech, -1 when none is found
	cueLow     string // the cue lower-cased
	sp         *whosaid.Speaker
	desc       whosaid.Speaker // the rules' descriptor that fixRule linked to *sp, empty when none
}

// article is what the features read of the article: tokens lower-cased and
// which lie inside a quote.
type article struct {
	d    *text.Doc
	ents []whosaid.Entity
	low  []string
	inQ  []bool
	// lastPerson and lastOrg are the rules' latest speakers of each kind,
	// what a pronoun is taken to stand for.
	lastPerson, lastOrg whosaid.Speaker
	// ments are the mentions of ents that may speak, in text order.
	ments []ment
	// genders is the table of given names; gend the gender of each
	// person of ents (entityGenders), 0 when unknown.
	genders Genders
	gend    []byte
	// arena holds the features of claims' bounds and proposals, each a
	// full slice of it, so that they cost no allocation of their own.
	arena []uint64
	// Scratch kept between articles.
	items []item
	cands []cand
	feats [][]uint64
	taken []bool
	// at is tokAt's answer for every offset of the text and the one after
	// it, nil when the tokens are out of order: the stage asks it for
	// every candidate, speech and edge, and the binary search was a tenth
	// of its time.
	at []int32
	// spoke are the names of the rules' speakers of the speech so far.
	spoke []string
	// prons are the tokens pronoun may take, in order: candidates looks
	// at these rather than at every word of the window for every speech.
	prons []int32
	// run is who spoke the latest quotes.
	run quoteRun
}

// windowParas is how many paragraphs before and after the speech the
// candidates are drawn from.
const windowParas = 1

// run visits the quotes and claims in text order and hands each with its
// candidates and their features to decide.
func run(a *article, qs []whosaid.Quote, cs []whosaid.Claim, decide func(*item, []cand, [][]uint64)) {
	if len(qs)+len(cs) == 0 {
		return
	}
	d := a.d
	items := a.items[:0]
	for i := range qs {
		q := &qs[i]
		items = append(items, item{start: q.Start, end: q.End, quote: true, cue: q.Cue, sp: &q.Speaker})
		// The marks count as inside.
		for k := a.tokAt(q.Start - 1); k < len(d.Tokens) && d.Tokens[k].Start <= q.End; k++ {
			a.inQ[k] = true
		}
	}
	for i := range cs {
		c := &cs[i]
		items = append(items, item{start: c.Start, end: c.End, cue: c.Cue, sp: &c.Speaker})
	}
	sort.SliceStable(items, func(i, j int) bool { return items[i].start < items[j].start })
	cands, feats := a.cands[:0], a.feats
	prev := ""
	for i := range items {
		it := &items[i]
		it.cueLow = strings.ToLower(it.cue)
		it.cueTok = a.cueToken(it)
		a.fixRule(it)
		if a.settled(it) {
			// The rules' plain case, which the model keeps: not ranked
			// (handed on alone, for the trainer to count).
			rule := cand{start: it.sp.Mention.Start, end: it.sp.Mention.End, sp: *it.sp, desc: it.desc, typ: "rule", rule: true}
			decide(it, []cand{rule}, nil)
			switch it.sp.Kind {
			case whosaid.KindPerson:
				a.lastPerson = *it.sp
			case whosaid.KindOrganization:
				a.lastOrg = *it.sp
			}
			prev = it.sp.Name
			a.spoke = append(a.spoke, it.sp.Name)
			if it.quote {
				a.run.note(*it.sp, d.ParagraphAt(it.start))
			}
			continue
		}
		cands = a.candidates(it, cands[:0])
		for len(feats) < len(cands) {
			if len(feats) < cap(feats) {
				// The buffer an earlier article left there, which reset
				// only cut off: appending nil threw it away.
				feats = feats[:len(feats)+1]
			} else {
				feats = append(feats, nil)
			}
		}
		for j, c := range cands {
			feats[j] = a.features(it, c, prev, feats[j][:0])
		}
		// The features read the rules' speakers only, so that they are the
		// same in training and in use.
		ruleSp := *it.sp
		prev = ruleSp.Name
		if it.quote {
			a.run.note(ruleSp, d.ParagraphAt(it.start))
		}
		if ruleSp.Name != "" {
			a.spoke = append(a.spoke, ruleSp.Name)
		}
		decide(it, cands, feats[:len(cands)])
		switch ruleSp.Kind {
		case whosaid.KindPerson:
			a.lastPerson = ruleSp
		case whosaid.KindOrganization:
			a.lastOrg = ruleSp
		}
	}
	clear(items) // no pointers into this article's findings outlive it
	a.items, a.cands, a.feats = items[:0], cands[:0], feats
}

// indexTokens fills a.at for the tokens of a.d.
func (a *article) indexTokens() {
	ts := a.d.Tokens
	n := len(a.d.Text)
	for k := 1; k < len(ts); k++ {
		if ts[k].Start < ts[k-1].Start {
			a.at = a.at[:0]
			return
		}
	}
	if len(ts) > 0 && (ts[0].Start < 0 || ts[len(ts)-1].Start > n) {
		a.at = a.at[:0]
		return
	}
	a.at = resize(a.at, n+1)
	k := 0
	for off := range a.at {
		for k < len(ts) && ts[k].Start < off {
			k++
		}
		a.at[off] = int32(k)
	}
}

// tokAt returns the index of the first token starting at or after off.
func (a *article) tokAt(off int) int {
	if uint(off) < uint(len(a.at)) {
		return int(a.at[off])
	}
	ts := a.d.Tokens
	lo, hi := 0, len(ts)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if ts[m].Start < off {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// candidates lists the candidates of it: the rules' choice first, then the
// mentions of the window outside quotation marks and outside it.
func (a *article) candidates(it *item, out []cand) []cand {
	d := a.d
	rule := cand{start: -1, end: -1, sp: *it.sp, desc: it.desc, typ: "rule", rule: true}
	if m := it.sp.Mention; m != nil {
		rule.start, rule.end = m.Start, m.End
	}
	out = append(out, rule)
	p := d.ParagraphAt(it.start)
	if p < 0 {
		return out
	}
	lo := d.Paragraphs[max(0, p-windowParas)].Start
	hi := d.Paragraphs[min(len(d.Paragraphs)-1, p+windowParas)].End
	add := func(c cand) {
		if c.start < lo || c.end > hi || it.quote && c.start < it.end && c.end > it.start ||
			c.start < it.start && c.end > it.start || c.start < it.end && c.end > it.end {
			// A claim's own words may hold its source ("Freeing her
			// husband, he promised, was…", where PolNeAR's content takes
			// in the cue and the source): a quote's never do.
			return
		}
		if k := a.tokAt(c.start); c.typ != "rel" && k+1 < len(a.low) && d.Tokens[k+1].Start >= c.end && notLabel[a.low[k]] && !a.upper(k) {
			return // a lone function word the tagger took for a name
		}
		if k := a.tokAt(c.start); k < len(a.inQ) && a.inQ[k] {
			return
		}
		if c.start < rule.end && c.end > rule.start {
			return // part of the rules' own choice, already listed
		}
		if c.typ == "np" || c.typ == "snp" {
			if sp, ok := a.link(c.start, c.end, c.sp); ok {
				c.desc, c.sp = c.sp, sp
			}
		}
		c.rule = it.sp.Kind != whosaid.KindUnknown && strings.EqualFold(c.sp.Name, it.sp.Name) && rule.start < 0
		out = append(out, c)
	}
	for i := a.mentionAt(lo); i < len(a.ments) && a.ments[i].m.Start < hi; i++ {
		mt := &a.ments[i]
		add(cand{start: mt.m.Start, end: mt.m.End, typ: mt.typ, sp: whosaid.Speaker{Name: mt.name, Kind: mt.kind}})
	}
	k0, k1 := a.tokAt(lo), a.tokAt(hi)
	ps := a.prons
	for len(ps) > 0 && int(ps[0]) < k0 {
		ps = ps[1:]
	}
	for _, pk := range ps {
		k := int(pk)
		if k >= k1 {
			break
		}
		if a.inQ[k] {
			continue
		}
		sp, ok := a.pronoun(a.low[k], k)
		if !ok {
			continue
		}
		t := d.Tokens[k]
		add(cand{start: t.Start, end: t.End, typ: "pron", sp: sp})
	}
	if it.cueTok >= 0 {
		for _, np := range [2][2]int{a.subjectNP(it.cueTok), a.objectNP(it.cueTok)} {
			if np[1] > np[0] {
				s, e := d.Tokens[np[0]].Start, d.Tokens[np[1]-1].End
				add(cand{start: s, end: e, typ: "np", sp: a.npSpeaker(np[0], np[1])})
			}
		}
	}
	if s, e, ok := a.label(p); ok && e <= it.start {
		add(cand{start: s, end: e, typ: "label", sp: a.labelSpeaker(s, e)})
	}
	if k := it.cueTok; k >= 0 {
		if r := a.relative(k); r >= 0 {
			if sp, ok := a.antecedent(r); ok {
				t := d.Tokens[r]
				add(cand{start: t.Start, end: t.End, typ: "rel", sp: sp})
			}
		}
		if np := a.openingNP(k); np[1] > np[0] && np != a.subjectNP(k) {
			s, e := d.Tokens[np[0]].Start, d.Tokens[np[1]-1].End
			add(cand{start: s, end: e, typ: "snp", sp: a.npSpeaker(np[0], np[1])})
		}
	}
	if len(out) > maxCands+1 {
		// The nearest mentions only: farther ones are almost never the
		// speaker, and each costs its features.
		rest := out[1:]
		gap := func(c cand) int {
			switch {
			case c.end <= it.start:
				return it.start - c.end
			case c.start >= it.end:
				return c.start - it.end
			case it.cueTok >= 0:
				// Inside a claim: near its cue, or not at all.
				x := d.Tokens[it.cueTok].Start
				return max(c.start-x, x-c.start)
			}
			return 1 << 30
		}
		sort.SliceStable(rest, func(i, j int) bool { return gap(rest[i]) < gap(rest[j]) })
		out = out[:maxCands+1]
	}
	return a.runCandidates(it, out)
}

// fixRule renames the rules' speaker of it where the rules' naming is known
// to go wrong: a lone function word they took for a name, a "he" or "she"
// they gave their last speaker, a transcript label they took for a name of
// its own.
func (a *article) fixRule(it *item) {
	d := a.d
	if m := it.sp.Mention; m != nil && notLabel[strings.ToLower(m.Text)] && !strings.HasSuffix(it.sp.Name, " "+m.Text) &&
		!(len(m.Text) > 1 && strings.ToUpper(m.Text) == m.Text) { // "WHO" is a name
		// A lone function word opening a sentence taken for a name ("A
		// federal lawsuit was…") is no speaker, unless it is the
		// surname ("Al From"): the rules' choice stands for none.
		*it.sp = whosaid.Speaker{Kind: whosaid.KindUnknown}
		return
	}
	p := d.ParagraphAt(it.start)
	if p < 0 {
		return
	}
	if m := it.sp.Mention; m != nil && it.sp.Kind == whosaid.KindPerson && (strings.EqualFold(m.Text, "he") || strings.EqualFold(m.Text, "she")) {
		// The rules' "he" stands for their last speaker; the person named
		// last before it is more often meant, and never one of the other
		// gender.
		k, pg := a.tokAt(m.Start), PronounGender(strings.ToLower(m.Text))
		if sp, ok := a.nearPerson(k, pg); ok {
			it.sp.Name, it.sp.Kind = sp.Name, sp.Kind
		} else if clash(a.genderOf(it.sp.Name), pg) {
			if sp, ok := a.lastNamed(k, whosaid.Person, pg); ok {
				it.sp.Name, it.sp.Kind = sp.Name, sp.Kind
			}
		}
	}
	if m := it.sp.Mention; m != nil {
		if sp, ok := a.link(m.Start, m.End, *it.sp); ok {
			it.desc = *it.sp
			it.sp.Name, it.sp.Kind = sp.Name, sp.Kind
		}
	}
	if s, e, ok := a.label(p); ok && it.sp.Mention != nil && it.sp.Mention.Start == s && it.sp.Mention.End == e {
		// The rules took the label's words for the speaker: name it as a
		// label is named.
		m := it.sp.Mention
		*it.sp = a.labelSpeaker(s, e)
		it.sp.Mention = m
	}
}

// maxCands is how many mentions besides the rules' choice are ranked.
const maxCands = 8

// entityKind maps an entity type to a speaker kind and a candidate type;
// kind is empty for types that do not speak.
func entityKind(t string) (kind, typ string) {
	switch t {
	case whosaid.Person:
		return whosaid.KindPerson, "person"
	case whosaid.Org:
		return whosaid.KindOrganization, "org"
	case whosaid.Country:
		return whosaid.KindOrganization, "country"
	}
	return "", ""
}

// pronoun resolves a personal pronoun to the latest speaker of its kind
// before it, else the latest person named before it, passing over the
// persons of the other gender: the model decides whether the pronoun is
// the speaker, not whom it stands for.
func (a *article) pronoun(w string, k int) (whosaid.Speaker, bool) {
	// isPronoun must hold for every word taken here.
	switch w {
	case "he", "she", "i":
		pg := PronounGender(w)
		if sp, ok := a.nearPerson(k, pg); ok {
			return sp, true
		}
		if a.lastPerson.Name != "" && !clash(a.genderOf(a.lastPerson.Name), pg) {
			return whosaid.Speaker{Name: a.lastPerson.Name, Kind: whosaid.KindPerson}, true
		}
		return a.lastNamed(k, whosaid.Person, pg)
	case "it", "we", "they":
		if a.lastOrg.Name != "" {
			return whosaid.Speaker{Name: a.lastOrg.Name, Kind: whosaid.KindOrganization}, true
		}
		if w == "they" || w == "we" {
			return whosaid.Speaker{Name: w, Kind: whosaid.KindAnonymous}, true
		}
		return a.lastNamed(k, whosaid.Org, 0)
	}
	return whosaid.Speaker{}, false
}

// isPronoun reports whether pronoun may take w.
func isPronoun(w string) bool {
	switch w {
	case "he", "she", "i", "it", "we", "they":
		return true
	}
	return false
}

// nearPerson is the person named last before token k in k's paragraph,
// outside quotation marks, as the subject opening a sentence ("Sen. Ted
// Budd took…"), not of the other gender than pg's: whom "he" or "she"
// most often stands for, rather than the last speaker. (Reaching into the
// paragraph before, with no gender to check, picks the wrong person more
// often on the gold stories.)
func (a *article) nearPerson(k int, pg byte) (whosaid.Speaker, bool) {
	d := a.d
	off := d.Tokens[k].Start
	p := d.ParagraphAt(off)
	if p < 0 {
		return whosaid.Speaker{}, false
	}
	lo := d.Paragraphs[p].Start
	for i := a.mentionAt(off) - 1; i >= 0 && a.ments[i].m.Start >= lo; i-- {
		mt := &a.ments[i]
		if mt.typ != "person" || mt.m.End > off || clash(mt.g, pg) {
			continue
		}
		mk := a.tokAt(mt.m.Start)
		ss := d.SentenceAt(mt.m.Start)
		if !a.inQ[mk] && ss >= 0 && mk-a.tokAt(d.Sentences[ss].Start) <= 3 {
			return whosaid.Speaker{Name: mt.name, Kind: whosaid.KindPerson}, true
		}
	}
	return whosaid.Speaker{}, false
}

// lastNamed is the entity of type typ mentioned last before token k, not
// of the other gender than pg's.
func (a *article) lastNamed(k int, typ string, pg byte) (whosaid.Speaker, bool) {
	off := a.d.Tokens[k].Start
	want, _ := entityKind(typ)
	for i := a.mentionAt(off) - 1; i >= 0; i-- {
		if mt := &a.ments[i]; mt.kind == want && mt.typ != "country" && mt.m.End <= off && !clash(mt.g, pg) {
			return whosaid.Speaker{Name: mt.name, Kind: mt.kind}, true
		}
	}
	return whosaid.Speaker{}, false
}

// ment is a mention of a person, organization or country, in text order.
type ment struct {
	m               whosaid.Mention
	name, kind, typ string
	g               byte // a person's gender, 0 when unknown
}

// mentionAt is the index of the first mention ending after off.
func (a *article) mentionAt(off int) int {
	return sort.Search(len(a.ments), func(i int) bool { return a.ments[i].m.End > off })
}

// label finds the label opening paragraph p: one to three capitalised words
// and a colon ("WALLACE:", "Sen. Smith:"). It returns the words' bytes.
func (a *article) label(p int) (s, e int, ok bool) {
	d := a.d
	ps := d.Paragraphs[p]
	k := a.tokAt(ps.Start)
	j := k
	for j < len(a.low) && j < k+4 && d.Tokens[j].End <= ps.End {
		t := d.Tokens[j]
		r, _ := text.RuneAt(d.Text, t.Start)
		if !(r >= 'A' && r <= 'Z') && !(a.low[j] == "." && j > k) {
			break
		}
		j++
	}
	if j == k || j >= len(a.low) || a.low[j] != ":" || j == k+1 && notLabel[a.low[k]] {
		return 0, 0, false
	}
	return d.Tokens[k].Start, d.Tokens[j-1].End, true
}

// notLabel are words that open a paragraph with a colon without naming a
// speaker: the question and answer marks of an interview, and the
// function words of a heading ("From:", "This:").
var notLabel = map[string]bool{"q": true, "or": true, "what": true, "who": true, "how": true, "why": true, "if": true, "so": true, "a": true, "an": true, "the": true, "at": true, "from": true,
	"to": true, "this": true, "that": true, "in": true, "on": true, "for": true, "of": true, "by": true,
	"these": true, "those": true, "as": true, "is": true, "are": true, "was": true, "were": true,
	"be": true, "has": true, "have": true, "had": true, "not": true, "no": true, "yes": true, "do": true, "does": true, "did": true, "with": true, "and": true, "but": true,
	"update": true, "note": true, "editor's": true, "photo": true, "video": true, "watch": true, "read": true}

// labelSpeaker is who a transcript label names: the person or organization
// named in the text whose name ends with the label's last word, else a
// person named as the label is written.
func (a *article) labelSpeaker(s, e int) whosaid.Speaker {
	lt := a.d.Text[s:e]
	last := strings.TrimSuffix(strings.ToLower(lt[strings.LastIndexByte(lt, ' ')+1:]), ".")
	// A person whose name ends with the label's word first ("HART:" is
	// Daniel Hart even when the tagger also took "HART" for a name of its
	// own), then any name equal to it.
	for _, en := range a.ents {
		if n := strings.ToLower(en.Name); en.Type == whosaid.Person && strings.HasSuffix(n, " "+last) {
			return whosaid.Speaker{Name: en.Name, Kind: whosaid.KindPerson}
		}
	}
	for _, en := range a.ents {
		kind, _ := entityKind(en.Type)
		if kind != "" && strings.ToLower(en.Name) == last {
			return whosaid.Speaker{Name: en.Name, Kind: kind}
		}
	}
	if a.lowerWord(last) {
		// "CALLER:", "Operator:": a word the article also writes in
		// lower case is a role, not a name.
		return whosaid.Speaker{Name: strings.ToLower(lt), Kind: whosaid.KindAnonymous}
	}
	return whosaid.Speaker{Name: lt, Kind: whosaid.KindPerson}
}

// cueToken finds the token of it's cue nearest the speech, within the
// sentences it spans and the one on each side; -1 when there is none.
func (a *article) cueToken(it *item) int {
	if it.cue == "" {
		return -1
	}
	d := a.d
	cue := it.cueLow
	if i := strings.IndexByte(cue, ' '); i > 0 {
		cue = cue[:i]
	}
	s0 := max(0, d.SentenceAt(it.start)-1)
	s1 := d.SentenceAt(max(it.start, it.end-1)) + 1
	if s1 >= len(d.Sentences) || s1 <= 0 {
		s1 = len(d.Sentences) - 1
	}
	lo, hi := a.tokAt(d.Sentences[s0].Start), a.tokAt(d.Sentences[s1].End)
	k0, k1 := a.tokAt(it.start), a.tokAt(it.end)
	best, bd := -1, 1<<30
	for k := lo; k < hi && k < len(a.low); k++ {
		if a.low[k] != cue || k >= k0 && k < k1 {
			continue
		}
		dist := k0 - k
		if k >= k1 {
			dist = k - k1
		}
		if dist < bd {
			best, bd = k, dist
		}
	}
	return best
}

// npSkip are the words between a subject and its verb ("has said", "also
// told") and the words that end a noun phrase going left.
var npSkip = map[string]bool{"been": true, "being": true, "be": true, "has": true, "have": true, "had": true, "also": true, "would": true, "will": true,
	"did": true, "does": true, "do": true, "is": true, "was": true, "were": true, "are": true, "had been": true,
	"could": true, "may": true, "might": true, "should": true, "later": true, "then": true, "previously": true}

var npStop = map[string]bool{"that": true, "and": true, "but": true, "who": true, "which": true, "while": true,
	"as": true, "when": true, "because": true, "if": true, "said": true, "says": true, "told": true, "to": true}

// determiners lead a noun phrase and stay out of a descriptor.
var determiners = map[string]bool{"the": true, "a": true, "an": true, "some": true, "many": true, "several": true,
	"two": true, "three": true, "other": true, "its": true, "his": true, "her": true, "their": true, "one": true}

// subjectNP is the noun phrase just before the cue token k, as a token
// range, empty when there is none.
func (a *article) subjectNP(k int) [2]int {
	j := k - 1
	for j >= 0 && (npSkip[a.low[j]] || strings.HasSuffix(a.low[j], "ly") && a.tokFlagWord(j)) {
		j--
	}
	e := j + 1
	for j >= 0 && e-j <= 6 && a.tokFlagWord(j) && !a.inQ[j] && !npStop[a.low[j]] && !npSkip[a.low[j]] {
		j--
	}
	s := j + 1
	if s >= e || pronounWords[a.low[e-1]] || strings.HasSuffix(a.low[e-1], "ed") {
		return [2]int{}
	}
	return [2]int{s, e}
}

// objectNP is the noun phrase just after the cue token k ("said the
// spokesman"), up to the next punctuation.
func (a *article) objectNP(k int) [2]int {
	s := k + 1
	e := s
	for e < len(a.low) && e-s < 6 && a.tokFlagWord(e) && !a.inQ[e] && !npStop[a.low[e]] {
		e++
	}
	if e > s && determiners[a.low[s]] {
		return [2]int{s, e}
	}
	return [2]int{}
}

// relative is the relative pronoun "who" before the cue token k, at most
// relGap words before it and no punctuation or linking word between ("Smith,
// who said", "Beck, who has in the past described"), or -1. PolNeAR marks
// the pronoun itself as the source; its speaker is the antecedent. ("which"
// is left out: a lone "which" reads as no speaker at all.)
func (a *article) relative(k int) int {
	for j := k - 1; j >= 0 && j >= k-1-relGap && !a.inQ[j]; j-- {
		if a.low[j] == "who" {
			return j
		}
		if !a.tokFlagWord(j) || npStop[a.low[j]] {
			break
		}
	}
	return -1
}

// relGap is how many words may lie between "who" and its cue.
const relGap = 5

// antecedent is the speaker relative pronoun r stands for: the mention
// ending just before it (a comma between), else the noun phrase there.
func (a *article) antecedent(r int) (whosaid.Speaker, bool) {
	d := a.d
	j := r - 1
	if j >= 0 && a.low[j] == "," {
		j--
	}
	if j < 0 || a.inQ[j] {
		return whosaid.Speaker{}, false
	}
	if i := a.mentionAt(d.Tokens[j].Start); i < len(a.ments) && a.ments[i].m.End == d.Tokens[j].End {
		mt := &a.ments[i]
		return whosaid.Speaker{Name: mt.name, Kind: mt.kind}, true
	}
	s := j
	for s >= 0 && j-s < 6 && a.tokFlagWord(s) && !a.inQ[s] && !npStop[a.low[s]] && !npSkip[a.low[s]] {
		s--
	}
	if s++; s > j || pronounWords[a.low[j]] {
		return whosaid.Speaker{}, false
	}
	return a.npSpeaker(s, j+1), true
}

// openingNP is the noun phrase that opens the sentence of the cue token k
// ("The judge, for his part, said", "Pew found", "In 2014, Pew found"),
// a determiner or a capitalised word first, up to the first comma,
// preposition or linking word, as a token range; empty when there is
// none. A sentence opening with a conjunction is read from after it, one
// opening with a preposition from after its first comma.
func (a *article) openingNP(k int) [2]int {
	d := a.d
	s := d.SentenceAt(d.Tokens[k].Start)
	if s < 0 {
		return [2]int{}
	}
	k0 := a.tokAt(d.Sentences[s].Start)
	if k0 < k && openers[a.low[k0]] {
		k0++ // "But the star journalist…"
		if k0 < k && a.low[k0] == "," {
			k0++
		}
	}
	if k0 < k && prepositions[a.low[k0]] {
		j := k0 + 1
		for j < k && j-k0 < 12 && a.low[j] != "," {
			j++
		}
		k0 = j + 1
	}
	if k0 >= k || a.inQ[k0] || notLabel[a.low[k0]] && !determiners[a.low[k0]] || pronounWords[a.low[k0]] ||
		!determiners[a.low[k0]] && !a.isCapTok(k0) {
		return [2]int{}
	}
	e := k0 + 1
	for e < k && e-k0 < 6 && a.tokFlagWord(e) && !a.inQ[e] && !npStop[a.low[e]] && !npSkip[a.low[e]] &&
		(!prepositions[a.low[e]] || a.low[e] == "of" && e == k0+1) {
		e++
	}
	if e == k0+1 && determiners[a.low[k0]] || verbLike(a.low[k0]) {
		// A determiner alone, or a verb or adverb opening the sentence
		// ("Asked about it, Smith said", "Earlier, …").
		return [2]int{}
	}
	return [2]int{k0, e}
}

// openers are the conjunctions and adverbs a sentence may open with
// before its subject.
var openers = map[string]bool{"but": true, "and": true, "so": true, "yet": true, "still": true, "now": true,
	"then": true, "also": true, "instead": true, "meanwhile": true, "however": true, "indeed": true}

// verbLike reports whether w reads as a participle, a past tense or an
// adverb rather than a noun.
func verbLike(w string) bool {
	return strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ing") || strings.HasSuffix(w, "ly")
}

// prepositions end an opening noun phrase: its head comes before them
// ("The head of the agency", "The derailment near the…").
var prepositions = map[string]bool{"of": true, "in": true, "on": true, "at": true, "near": true, "for": true, "from": true,
	"with": true, "after": true, "before": true, "over": true, "under": true, "about": true, "into": true, "during": true, "since": true}

// npSpeaker is the anonymous speaker a noun phrase describes: its words
// without leading determiners ("the spokesman" → "spokesman").
func (a *article) npSpeaker(s, e int) whosaid.Speaker {
	d := a.d
	h := s
	for h < e-1 && determiners[a.low[h]] {
		h++
	}
	return whosaid.Speaker{Name: d.Text[d.Tokens[h].Start:d.Tokens[e-1].End], Kind: whosaid.KindAnonymous}
}

// settled reports whether the rules' speaker of it is the plain case the
// ranker keeps: a name right before or after the cue ("Smith said", "said
// Smith", "according to Smith") in the sentence of the speech.
func (a *article) settled(it *item) bool {
	m := it.sp.Mention
	k := it.cueTok
	if m == nil || k < 0 || it.sp.Kind != whosaid.KindPerson && it.sp.Kind != whosaid.KindOrganization {
		return false
	}
	d := a.d
	if s := d.SentenceAt(m.Start); s < d.SentenceAt(it.start) || s > d.SentenceAt(max(it.start, it.end-1)) {
		return false
	}
	mk0, mk1 := a.tokAt(m.Start), a.tokAt(m.End)
	after := 1
	if k+1 < len(a.low) && (a.low[k+1] == "to" || a.low[k+1] == "by") {
		after = 2 // "according to X", "as stated by X"
	}
	return mk1 <= k && k-mk1 <= 1 || mk0 > k && mk0-k-1 <= after
}

// upper reports whether token k is an acronym in capitals ("WHO", "IT").
func (a *article) upper(k int) bool {
	w := a.d.Text[a.d.Tokens[k].Start:a.d.Tokens[k].End]
	return len(w) > 1 && strings.ToUpper(w) == w
}

// speaker is the speaker candidate c stands for, with its mention (only the
// chosen candidate's mention is made, to spare the others an allocation).
func (a *article) speaker(c cand) whosaid.Speaker {
	sp := c.sp
	if sp.Mention == nil && c.start >= 0 {
		sp.Mention = &whosaid.Mention{Text: a.d.Text[c.start:c.end], Start: c.start, End: c.end}
	}
	return sp
}
