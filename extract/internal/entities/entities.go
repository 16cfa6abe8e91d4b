package entities

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/whosaid/whosaid"

	"github.com/whosaid/whosaid/extract/internal/text"
)

// Tagger finds people, organizations, countries and places. It is a
// rule and gazetteer tagger: capitalised runs of tokens are cut into titles,
// names and gazetteer phrases, classified by keywords and context, then
// linked across the article (a surname to its full name, an acronym to its
// organization). Its tables are loaded once and only read afterwards, so one
// tagger serves every goroutine.
type Tagger struct {
	gz    *gazetteer
	names *nameTagger // the statistical tagger, consulted where rules are unsure
	dec   *decider    // the span classifier that has the last word (decide.go); nil keeps the rules' output
	// collect, when set, receives the candidates and their features in
	// place of deciding: decide_train_test.go learns the decider from them.
	collect func(st *state)
	pool    text.FreeList[state] // reused so tagging an article allocates little, and its word cache is kept
}

// NewTagger parses the embedded tables once; the tagger is then
// shared read-only by every goroutine of the extractor.
func NewTagger() (*Tagger, error) {
	// The gazetteers and the name tagger's model load side by side, at
	// every start before the first article: the gazetteers' maps are built
	// from their tables, while the model is used in place and its word
	// lexicon built.
	var gz *gazetteer
	var gzErr error
	loaded := make(chan struct{})
	go func() {
		defer close(loaded)
		gz, gzErr = loadGazetteer()
	}()
	nt, err := newNameTagger()
	// The decider's table fills while the gazetteers, the longer load,
	// are still being built.
	dec, decErr := loadDecider(decideModel)
	<-loaded
	if gzErr != nil {
		return nil, gzErr
	}
	if err != nil {
		return nil, err
	}
	if decErr != nil {
		return nil, decErr
	}
	t := &Tagger{gz: gz, names: nt, dec: dec}
	return t, nil
}

// Token flags.
const (
	tfCap      = 1 << iota // starts with an upper-case letter
	tfAllCaps              // two or more letters, all upper case
	tfPoss                 // ends with a possessive 's, stripped from core
	tfSentInit             // first word of its sentence
	tfLetter               // starts with a letter
	tfLower                // starts with a lower-case letter
)

// etok is a token as the entity stage sees it: core is where the name ends
// once a possessive "’s" is taken off.
type etok struct {
	start, end, core int
	flags            uint8
}

// atom is a gazetteer phrase found in the text, tokens [s, e).
type atom struct {
	s, e int
	ent  *gazEntry
	alt  *gazEntry // the same words as a place, when ent is a country ("Georgia")
}

// cand is one mention found by the chunk classifier, before linking.
type cand struct {
	s, e    int // tokens
	typ     string
	ent     *gazEntry // gazetteer phrase, for countries, places and known organizations
	alt     *gazEntry
	title   string // title phrase before a person's name
	strong  bool   // a title, honorific or role word vouches for a person
	pending bool   // unclassified: resolved by linking, dropped otherwise
	s0      int    // start before sentence-initial words were dropped
	name    string // a person's name when it is not the mention's text ("Klára" of "Klára and Tereza Hrubešová")
	start   int    // byte offsets of the mention
	end     int
	entity  int   // index into state.ents after linking, -1 before
	how     uint8 // which rule made it (hwDateline…), for the decider
}

// The rules that make candidates, as the decider reads them.
const (
	hwOther    = iota
	hwDateline // the place and agency of a wire dateline
	hwHyphen   // a part of a hyphenated word ("non-OPEC")
	hwCoord    // a first name given the surname it is coordinated with
	hwGaz      // a gazetteer phrase
	hwTitled   // a name after a title ("Defense Secretary Jim Mattis")
	hwKeyword  // an organization by keyword ("Hanseong Energy")
	hwName     // a run classified by first names and context, or left pending
	hwModel    // a pending run the tagger typed (modelEntity)
	hwLinked   // a pending run linked to a name found elsewhere
	hwSplit    // a part of a longer candidate cut at "and" (decide.go)
	hwStrip    // a longer candidate without its first word, an ordinary one ("About Acme")
	hwCue      // a lone word no rule or tagger proposed, met elsewhere in a company's context (decide_cues.go)
)

// state is the scratch space of one tag call.
type state struct {
	d      *text.Doc
	toks   []etok
	atoms  []atom
	atomAt []int32 // per token: 1+index of the atom starting there, 0 if none
	atomIn []int32 // per token: 1+index of the atom covering it, 0 if none
	cands  []cand
	ents   []entity
	titleb strings.Builder
	names  []nameSpan // the statistical tagger's names, by start offset
	nerDoc nerDoc
	// midCaps are the tokens capitalised in mid-sentence, for
	// capitalisedElsewhere; midCapsDone says they are listed for this article.
	midCaps     []int32
	midCapsDone bool
	named       int            // st.ents[:named] are the full names collectPeople made
	words       []string       // scratch for the words of a name being linked
	common      []uint8        // per token: isCommon's answer, 0 until asked
	lex         []uint16       // per token: its lx* bits with lxKnown, 0 until asked
	gz          *gazetteer     // the tagger's, which has reads
	order       []mentionOrder // scratch for output's sort
	found       []mention      // mentions in the order linking met them
	counts      []int          // scratch for attachMentions
	// The decider's scratch (decide.go).
	dc     []spanCand
	dcTmp  []spanCand
	feats  []uint64
	heads  []int8 // per sentence: 0 not asked, 1 not a headline, 2 a headline
	docw   map[string]docWord
	cues   map[string]uint16 // per capitalised word: the cue bits of its mentions (decide_cues.go)
	dcSame []int32           // per candidate: 1+index of the candidate before it on the same words, 0 if none
	keep   []int
	// genreOf is the article's genre (decide_features.go genre), for decide.
	genreOf int8
	taken   []int8
	found2  []mention
}

// tag finds the entities of one article. a.Dateline, when set, names the
// agency and place of the opening line; otherwise the line is parsed here.
func (t *Tagger) Tag(d *text.Doc, a whosaid.Article) []whosaid.Entity {
	st := t.pool.Get()
	defer t.pool.Put(st)
	st.reset(d)
	st.names = t.names.spans(d, &st.nerDoc, st.names[:0])
	t.prepare(st)
	t.findAtoms(st)
	dl := t.dateline(st, a)
	t.chunks(st, dl)
	return t.resolve(st, dl)
}

// reset empties the scratch space for d, keeping its capacity so a pooled
// state tags the next article without growing again.
func (st *state) reset(d *text.Doc) {
	st.d = d
	st.toks = st.toks[:0]
	st.atoms = st.atoms[:0]
	st.atomAt = st.atomAt[:0]
	st.atomIn = st.atomIn[:0]
	st.cands = st.cands[:0]
	st.ents = st.ents[:0]
	st.found = st.found[:0]
	st.named = 0
	st.midCapsDone = false
}

// modelType is the type the statistical tagger gives the text [start,
// end), voted over the article: the name overlapping it most and every name
// of the same words elsewhere, so a headline's "Boeing" is what the story
// says it is. It is "" if the tagger found no name there.
func (st *state) modelType(start, end int) string {
	t, _ := st.modelName(start, end)
	return t
}

// modelName is modelType with the name it was read from, so a caller can
// take the tagger's bounds ("Yorkshire" of "A Yorkshire couple").
func (st *state) modelName(start, end int) (string, nameSpan) {
	best, most := -1, 0
	for i, n := range st.names {
		if n.Start >= end {
			break
		}
		if o := min(end, n.End) - max(start, n.Start); o > most {
			best, most = i, o
		}
	}
	if best < 0 {
		return "", nameSpan{}
	}
	b := st.names[best]
	text := st.d.Text[b.Start:b.End]
	var votes [4]int
	typ := func(t string) int {
		switch t {
		case "PER":
			return 0
		case "ORG":
			return 1
		case "LOC":
			return 2
		}
		return 3
	}
	for _, n := range st.names {
		if n.End-n.Start == len(text) && st.d.Text[n.Start:n.End] == text {
			votes[typ(n.Type)]++
		}
	}
	win := typ(b.Type)
	for k, v := range votes {
		if v > votes[win] {
			win = k
		}
	}
	return [...]string{"PER", "ORG", "LOC", "MISC"}[win], b
}

// prepare computes the token flags once, so the classifier never decodes a
// rune twice.
func (t *Tagger) prepare(st *state) {
	d := st.d
	si := 0
	for i, tk := range d.Tokens {
		e := etok{start: tk.Start, end: tk.End, core: tk.End}
		w := d.Text[tk.Start:tk.End]
		r, _ := text.RuneAt(d.Text, tk.Start)
		if unicode.IsLetter(r) {
			e.flags |= tfLetter
			if unicode.IsUpper(r) {
				e.flags |= tfCap
				if allCaps(w) {
					e.flags |= tfAllCaps
				}
			} else {
				e.flags |= tfLower
			}
			if n := text.PossessiveLen(w); n > 0 {
				e.core = tk.End - n
				e.flags |= tfPoss
			}
		}
		for si < len(d.Sentences) && d.Sentences[si].End <= tk.Start {
			si++
		}
		if si < len(d.Sentences) && sentenceInitial(d, st.toks, i, d.Sentences[si].Start) {
			e.flags |= tfSentInit
		}
		st.toks = append(st.toks, e)
	}
	if cap(st.atomAt) < len(st.toks) {
		st.atomAt = make([]int32, len(st.toks))
		st.atomIn = make([]int32, len(st.toks))
	}
	st.atomAt = st.atomAt[:len(st.toks)]
	st.atomIn = st.atomIn[:len(st.toks)]
	clear(st.atomAt)
	clear(st.atomIn)
	st.common = text.Resize(st.common, len(st.toks))
	clear(st.common)
	st.lex = text.Resize(st.lex, len(st.toks))
	clear(st.lex)
	st.gz = t.gz
}

// sentenceInitial reports whether token i is the first word of the sentence
// starting at byte sent, allowing opening quotes and brackets before it.
func sentenceInitial(d *text.Doc, prev []etok, i, sent int) bool {
	for j := i - 1; j >= 0; j-- {
		if prev[j].start < sent {
			return true
		}
		if prev[j].flags&tfLetter != 0 {
			return false
		}
		r, _ := utf8.DecodeRuneInString(d.Text[prev[j].start:])
		if !text.IsOpenQuote(r) && r != '-' && r != '—' && r != '–' {
			return false
		}
	}
	return true
}

// allCaps reports whether w has two or more letters and no lower-case one:
// "NATO", "U.S.", a dateline's "WASHINGTON".
func allCaps(w string) bool {
	n := 0
	for _, r := range w {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n >= 2
}

// has reports whether the word of token i is in one of the word lists of
// bits (lx*). A token's lists are read on its first question, or by
// findAtoms with its phrases; later questions only test bits.
func (st *state) has(i int, bits uint16) bool {
	l := st.lex[i]
	if l == 0 {
		l = lxKnown
		// The lists hold capitalised words, so other tokens need no probe
		// unless the gazetteer says otherwise.
		if st.is(i, tfCap) || st.gz.lexAnyCase {
			l |= st.gz.words[st.word(i)].lex
		}
		st.lex[i] = l
	}
	return l&bits != 0
}

// word is the text of token i without a possessive.
func (st *state) word(i int) string { return st.d.Text[st.toks[i].start:st.toks[i].core] }

// full is the text of token i as written.
func (st *state) full(i int) string { return st.d.Text[st.toks[i].start:st.toks[i].end] }

// is tests flag f of token i, false outside the document, so the rules can
// look one token before or after a run without bounds checks.
func (st *state) is(i int, f uint8) bool {
	return i >= 0 && i < len(st.toks) && st.toks[i].flags&f != 0
}

// findAtoms marks every gazetteer phrase, longest first at each token.
// Lookups start only at words, so most tokens cost one flag test.
func (t *Tagger) findAtoms(st *state) {
	var buf [64]byte
	for i := 0; i < len(st.toks); {
		// Gazetteer phrases start capitalised but for a few organizations
		// ("dpa", "al-Qaeda"): test lower-case words against those alone.
		if !st.is(i, tfCap) && !(st.is(i, tfLower) && t.gz.isLowerFirst(st.word(i))) {
			i++
			continue
		}
		w := t.gz.words[st.word(i)]
		st.lex[i] = w.lex | lxKnown // the probe answers has too
		es := t.gz.phrases(w)
		if es == nil && st.is(i, tfAllCaps) && st.toks[i].core-st.toks[i].start <= len(buf) {
			// "WASHINGTON" in a dateline, "GENEVA": look up as "Washington".
			es = t.gz.phrases(t.gz.words[string(titleCase(buf[:0], st.word(i)))])
		}
		n := 0
		for _, e := range es {
			if e.kind != gzOrg && st.is(i, tfLower) {
				continue
			}
			if m := st.matchRest(i, e); m > 0 {
				a := atom{s: i, e: i + m, ent: e}
				if e.kind == gzCountry {
					a.alt = placeAlso(es, len(e.rest))
				}
				st.atoms = append(st.atoms, a)
				st.atomAt[i] = int32(len(st.atoms))
				for k := i; k < i+m; k++ {
					st.atomIn[k] = int32(len(st.atoms))
				}
				n = m
				break
			}
		}
		if n == 0 {
			n = 1
		}
		i += n
	}
}

// placeAlso finds a US state of the same words among es: "Georgia" is a
// country and a state.
func placeAlso(es []*gazEntry, n int) *gazEntry {
	for _, e := range es {
		if e.kind == gzPlace && len(e.rest) == n && e.pops[0] < 0 && e.codes[0] == "US" {
			return e
		}
	}
	return nil
}

// matchRest reports how many tokens entry e covers from token i, 0 if it
// does not match. Only the last token may carry a possessive.
func (st *state) matchRest(i int, e *gazEntry) int {
	if len(e.rest) == 0 {
		return 1
	}
	if st.is(i, tfPoss) {
		return 0
	}
	for k, w := range e.rest {
		j := i + 1 + k
		if j >= len(st.toks) {
			return 0
		}
		last := k == len(e.rest)-1
		got := st.full(j)
		if last {
			got = st.word(j)
		} else if st.is(j, tfPoss) {
			return 0
		}
		if got != w && !(st.is(j, tfAllCaps) && strings.EqualFold(got, w)) {
			return 0
		}
	}
	return len(e.rest) + 1
}

// titleCase writes an all-caps word as "Washington" into buf.
func titleCase(buf []byte, w string) []byte {
	first := true
	for _, r := range w {
		if first {
			buf = utf8.AppendRune(buf, r)
		} else {
			buf = utf8.AppendRune(buf, unicode.ToLower(r))
		}
		first = r == ' ' || r == '-'
	}
	return buf
}

// isCommon reports whether token i is an ordinary English word that is
// capitalised here only by position. The answer is kept per token, as the
// classifier and the linker ask it of the same token more than once.
func (t *Tagger) isCommon(st *state, i int) bool {
	if c := st.common[i]; c != 0 {
		return c == commonYes
	}
	w := st.word(i)
	common := false
	if len(w) <= 48 {
		var buf [64]byte
		common = t.gz.common[string(text.AppendLower(buf[:0], w))]
	}
	st.common[i] = commonNo
	if common {
		st.common[i] = commonYes
	}
	return common
}

// The values of state.common: not asked yet, or the answer.
const (
	commonNo = iota + 1
	commonYes
)

// covering returns the atom covering token i, or nil.
func (st *state) covering(i int) *atom {
	if i < 0 || i >= len(st.atomIn) || st.atomIn[i] == 0 {
		return nil
	}
	return &st.atoms[st.atomIn[i]-1]
}

// bindsEnd reports whether token i is covered by an organization or by a
// phrase of several words: such a token cannot end a name built by rule
// ("US Federal Reserve"), while a one-word place can ("Christian Democratic
// Union", though Union is a town).
func (st *state) bindsEnd(i int) bool {
	a := st.covering(i)
	return a != nil && (a.ent.kind == gzOrg || a.e-a.s > 1)
}
