package speech

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/whosaid/whosaid"

	"github.com/whosaid/whosaid/extract/internal/text"
)

// quoteSpan is one stretch between quotation marks. Open and Close are the byte
// offsets of the marks (Close is the paragraph end when the quote runs on);
// Start and End delimit the text between them.
type quoteSpan struct {
	Open, Close int
	Start, End  int
	// cont marks a quote whose paragraph ends without a closing mark and whose
	// next paragraph reopens it: the same speaker goes on.
	cont bool
	// prevCont marks a quote that continues one from the previous paragraph.
	prevCont bool
	para     int
}

// attribute finds quotes and claims and their speakers among ents. It is a
// few linear passes: quote marks, then reporting cues per sentence, then the
// assignment of each quote to the cue whose content covers it.
func Attribute(d *text.Doc, ents []whosaid.Entity) ([]whosaid.Quote, []whosaid.Claim) {
	a := pool.Get().(*analyzer)
	defer pool.Put(a)
	a.prepare(d, ents)
	a.findAttributions()
	return a.quotes(), a.claims()
}

// pool keeps analyzers between articles: their per-token views and the
// registry were most of what attribution allocated, and none of them
// outlives attribute (quotes and claims hold strings of the text and
// mentions of their own).
var pool = sync.Pool{New: func() any { return new(analyzer) }}

// quote families: a mark opens and closes only within its family, so an
// apostrophe can never close a double quote.
const (
	famDouble = 1
	famSingle = 2
	famAngle  = 3
	famAngle1 = 4
)

// openMark is a quotation mark still waiting for its closing partner.
type openMark struct {
	pos, n int
	r      rune
	fam    int
}

// scanQuotes finds the outermost quotations of text, paragraph by
// paragraph. Inner quotes stay part of the outer one; apostrophes in words
// (don’t, O’Malley, ’90s, rock ’n’ roll) are told from marks by their
// neighbours; a quote left open at a paragraph end goes on if the next
// paragraph reopens it, as wire style does for long quotations. The quotes
// are appended to out.
//
// Only the tokens of the text are visited, not its bytes: a mark is never
// a word rune, so it is a token of its own, except an apostrophe the
// tokenizer kept inside a word, which has letters on both sides and would
// be passed over below anyway.
func scanQuotes(out []quoteSpan, src string, paras []text.Span, toks []text.Token) []quoteSpan {
	q := quoteScan{src: src, out: out}
	ti := 0
	for pi, p := range paras {
		q.stack, q.para = q.stack[:0], pi
		for ti < len(toks) && toks[ti].Start < p.Start {
			ti++
		}
		for ; ti < len(toks) && toks[ti].Start < p.End; ti++ {
			i := toks[ti].Start
			// Every mark is '"', '\'' or a rune whose UTF-8 form opens with
			// 0xC2 or 0xE2: other tokens are passed without decoding.
			if !markLead[src[i]] {
				continue
			}
			r, n := utf8.DecodeRuneInString(src[i:])
			if !text.IsQuoteMark(r) {
				continue
			}
			q.mark(r, i, n, p)
		}
		if len(q.stack) > 0 {
			o := q.stack[0]
			s, e := text.TrimSpan(src, o.pos+o.n, p.End)
			reopen := pi+1 < len(paras) && startsWithFam(src, paras[pi+1], o.fam)
			if s < e && (reopen || wordCount(src[s:e], 3) >= 3) {
				q.out = append(q.out, quoteSpan{Open: o.pos, Close: p.End, Start: s, End: e, cont: reopen, para: pi})
			}
		}
	}
	out = q.out
	// A quote that reopens the paragraph after a continued one carries on
	// the chain; a continued quote with no such successor is only unbalanced.
	for k := range out {
		if !out[k].cont {
			continue
		}
		if k+1 < len(out) && out[k+1].para == out[k].para+1 && out[k+1].Open == paras[out[k+1].para].Start {
			out[k+1].prevCont = true
		} else {
			out[k].cont = false
		}
	}
	return out
}

// quoteScan is the state of one scanQuotes call: the marks open in the
// current paragraph, innermost last, and the quotes closed so far.
type quoteScan struct {
	src   string
	stack []openMark
	out   []quoteSpan
	para  int // index of the paragraph being scanned
}

// closeFam closes the innermost open mark of family fam at the mark at i,
// and every mark opened inside it; closing the outermost one ends a quote.
// It reports whether a mark of fam was open.
func (q *quoteScan) closeFam(fam, i int) bool {
	for k := len(q.stack) - 1; k >= 0; k-- {
		if q.stack[k].fam == fam {
			if k == 0 {
				o := q.stack[0]
				q.out = append(q.out, quoteSpan{Open: o.pos, Close: i, Start: o.pos + o.n, End: i, para: q.para})
			}
			q.stack = q.stack[:k]
			return true
		}
	}
	return false
}

// push opens a mark of family fam: the rune r, n bytes at i.
func (q *quoteScan) push(fam, i, n int, r rune) { q.stack = append(q.stack, openMark{i, n, r, fam}) }

// mark opens or closes quotes at the quotation mark r, n bytes at i in
// paragraph p, by its family, what is open and the runes either side.
func (q *quoteScan) mark(r rune, i, n int, p text.Span) {
	prev, _ := utf8.DecodeLastRuneInString(q.src[:i])
	if i == p.Start {
		prev = ' '
	}
	next := ' '
	if i+n < p.End {
		next, _ = utf8.DecodeRuneInString(q.src[i+n:])
	}
	canOpen := (isSpaceOrOpen(prev) || text.IsQuoteMark(prev)) && !unicode.IsSpace(next)
	canClose := !unicode.IsSpace(prev) && (isClosingContext(next) || text.IsQuoteMark(next))
	inWord := text.IsWordRune(prev) && text.IsWordRune(next)
	top := -1
	if len(q.stack) > 0 {
		top = q.stack[len(q.stack)-1].fam
	}
	switch r {
	case '“':
		if top == famDouble && q.stack[len(q.stack)-1].r == '„' {
			q.closeFam(famDouble, i)
		} else if canClose && !canOpen && top == famDouble {
			q.closeFam(famDouble, i)
		} else {
			q.push(famDouble, i, n, r)
		}
	case '„':
		q.push(famDouble, i, n, r)
	case '”':
		if !q.closeFam(famDouble, i) && canOpen && !canClose {
			q.push(famDouble, i, n, r)
		}
	case '"':
		switch {
		case top == famDouble && canClose:
			q.closeFam(famDouble, i)
		case canOpen:
			q.push(famDouble, i, n, r)
		case hasFam(q.stack, famDouble):
			q.closeFam(famDouble, i)
		}
	case '«':
		if top == famAngle && q.stack[len(q.stack)-1].r == '»' {
			q.closeFam(famAngle, i)
		} else {
			q.push(famAngle, i, n, r)
		}
	case '»':
		if !q.closeFam(famAngle, i) && canOpen {
			q.push(famAngle, i, n, r)
		}
	case '‹':
		if top == famAngle1 && q.stack[len(q.stack)-1].r == '›' {
			q.closeFam(famAngle1, i)
		} else {
			q.push(famAngle1, i, n, r)
		}
	case '›':
		if !q.closeFam(famAngle1, i) && canOpen {
			q.push(famAngle1, i, n, r)
		}
	case '‚':
		if canOpen {
			q.push(famSingle, i, n, r)
		}
	case '‘':
		if top == famSingle && q.stack[len(q.stack)-1].r == '‚' {
			q.closeFam(famSingle, i)
		} else if canOpen && !isElision(q.src, i+n) {
			q.push(famSingle, i, n, r)
		}
	case '’', '\'':
		if inWord || unicode.IsDigit(next) {
			break // don’t, O’Malley, ’90s
		}
		if hasFam(q.stack, famSingle) && canClose && !pluralPossessive(q.src, i, n, p.End) {
			q.closeFam(famSingle, i)
		} else if r == '\'' && canOpen && !isElision(q.src, i+n) {
			q.push(famSingle, i, n, r)
		}
	}
}

// markLead marks the bytes a quotation mark can start with, for the
// scan to pass over all others with one table look-up.
var markLead = [256]bool{'"': true, '\'': true, 0xC2: true, 0xE2: true}

// hasFam reports whether a mark of family fam is open, so that a
// straight quote can close it even out of turn.
func hasFam(stack []openMark, fam int) bool {
	for _, o := range stack {
		if o.fam == fam {
			return true
		}
	}
	return false
}

// startsWithFam reports whether paragraph p opens with a quotation mark of
// family fam, the wire-style signal that a quotation continues.
func startsWithFam(src string, p text.Span, fam int) bool {
	r, _ := utf8.DecodeRuneInString(src[p.Start:])
	switch fam {
	case famDouble:
		return r == '“' || r == '"' || r == '„'
	case famSingle:
		return r == '‘' || r == '\'' || r == '‚'
	case famAngle:
		return r == '«' || r == '»'
	case famAngle1:
		return r == '‹' || r == '›'
	}
	return false
}

// isElision reports whether an opening-looking mark at the word starting at
// off is really an elided letter: ’n’ (rock ’n’ roll), ’em, ’til, ’cause.
func isElision(src string, off int) bool {
	e := off
	for e < len(src) {
		r, n := utf8.DecodeRuneInString(src[e:])
		if !text.IsWordRune(r) {
			break
		}
		e += n
	}
	switch strings.ToLower(src[off:e]) {
	case "n", "em", "til", "cause", "tis", "twas", "bout", "round", "s":
		return true
	}
	return false
}

// isSpaceOrOpen reports whether r may stand before an opening mark.
func isSpaceOrOpen(r rune) bool {
	return unicode.IsSpace(r) || r == '(' || r == '[' || r == '—' || r == '–' || r == '-' || r == '/' || r == ':'
}

// isClosingContext reports whether r may follow a closing mark.
func isClosingContext(r rune) bool {
	return unicode.IsSpace(r) || unicode.IsPunct(r) && r != '\'' || r == ')'
}

// wordCount counts runs of letters and digits in s, up to limit: callers
// only compare the count with a small number, and a quotation may run to
// hundreds of words.
func wordCount(s string, limit int) int {
	n, in := 0, false
	for _, r := range s {
		w := text.IsWordRune(r)
		if w && !in {
			n++
			if n == limit {
				return n
			}
		}
		in = w
	}
	return n
}

// quotes turns the quote spans into Quotes, dropping those that are not
// speech: titles and scare quotes are short and sit in sentences with no
// reporting cue covering them.
func (a *analyzer) quotes() []whosaid.Quote {
	d := a.d
	var out []whosaid.Quote
	var chain *whosaid.Speaker
	var chainCue string
	for qi, q := range a.qs {
		at := a.quoteAttrib(qi)
		words := wordCount(d.Text[q.Start:q.End], 5) // the rules below ask no more
		if q.prevCont && chain != nil {
			sp := *chain
			out = append(out, a.makeQuote(q, sp, chainCue))
			if !q.cont {
				chain = nil
			}
			continue
		}
		if at == nil && !a.isSpeechLike(q, words) && !a.afterSpeechVerb(q) {
			continue
		}
		if at != nil && a.isScare(q, words, at) {
			continue
		}
		var sp whosaid.Speaker
		cue := ""
		if at != nil {
			sp, cue = at.sp, at.cue
		} else {
			sp = a.neighbourSpeaker(q)
		}
		if q.cont {
			// The speaker of a multi-paragraph quote is often named only at its
			// last paragraph: look ahead along the chain.
			if sp.Kind == whosaid.KindUnknown {
				for k := qi + 1; k < len(a.qs); k++ {
					if at2 := a.quoteAttrib(k); at2 != nil {
						sp, cue = at2.sp, at2.cue
						break
					}
					if !a.qs[k].cont {
						break
					}
				}
			}
			c := sp
			chain, chainCue = &c, cue
		}
		out = append(out, a.makeQuote(q, sp, cue))
	}
	return out
}

// makeQuote fills in a Quote with its kind and sentence.
func (a *analyzer) makeQuote(q quoteSpan, sp whosaid.Speaker, cue string) whosaid.Quote {
	t := a.d.Text
	kind := whosaid.PartialQuote
	r, _ := utf8.DecodeRuneInString(t[q.Start:])
	before := strings.TrimRight(t[:q.Open], " ")
	if unicode.IsUpper(r) && (len(before) == 0 || strings.HasSuffix(before, ",") || strings.HasSuffix(before, ":") ||
		strings.HasSuffix(before, ".") || strings.HasSuffix(before, "\n") || wordCount(t[q.Start:q.End], 7) > 6) {
		kind = whosaid.FullQuote
	}
	if q.prevCont {
		kind = whosaid.FullQuote
	}
	s := a.d.SentenceAt(q.Start)
	sent := ""
	if s >= 0 {
		sent = t[a.d.Sentences[s].Start:a.d.Sentences[s].End]
	}
	if sp.Kind == "" {
		// A cue with no subject at all ("vowed “…”" opening a text)
		// leaves the zero Speaker; the contract says unknown.
		sp.Kind = whosaid.KindUnknown
	}
	return whosaid.Quote{Text: t[q.Start:q.End], Start: q.Start, End: q.End, Kind: kind, Cue: cue, Speaker: sp, Sentence: sent}
}

// isSpeechLike reports whether a quote with no covering cue is still speech:
// a sentence-like stretch is, a short term or a capitalised title is not.
func (a *analyzer) isSpeechLike(q quoteSpan, words int) bool {
	t := a.d.Text[q.Start:q.End]
	if words >= 5 {
		return !a.titleLike(q)
	}
	last, _ := utf8.DecodeLastRuneInString(t)
	// An exclamation or a question is an utterance even when short ("Too
	// forced?", "You suck!", "Really?"); a term in marks never ends in one.
	return words >= 2 && (last == '.' || last == '!' || last == '?' || last == ',') || words >= 1 && (last == '!' || last == '?')
}

// isScare reports whether a short quote covered by a cue is still a term or
// title: preceded by "so-called", "known as", or all capitalised words.
func (a *analyzer) isScare(q quoteSpan, words int, at *attrib) bool {
	if words > 4 {
		return false
	}
	prevTok := a.tokBefore(q.Open)
	if prevTok >= 0 && scareLead[strings.ToLower(a.d.Tok(prevTok))] {
		return true
	}
	return a.titleLike(q)
}

// titleLike reports whether the quoted text looks like the title of a work:
// several words, each content word capitalised, no final punctuation.
func (a *analyzer) titleLike(q quoteSpan) bool {
	t := a.d.Text[q.Start:q.End]
	last, _ := utf8.DecodeLastRuneInString(t)
	if last == '.' || last == ',' || last == '!' || last == '?' {
		return false
	}
	// Two to ten words: the walk stops at the eleventh, or at the first
	// word that is no part of a title, rather than splitting a long quote.
	k := 0
	for f := range strings.FieldsSeq(t) {
		if k == 10 {
			return false
		}
		r, _ := utf8.DecodeRuneInString(f)
		if !unicode.IsUpper(r) && (k == 0 || !orgParticles[f] && f != "a" && f != "an" && f != "in" && f != "with" && f != "at") {
			return false
		}
		k++
	}
	return k >= 2
}

// tokBefore returns the index of the last token ending at or before off, or -1.
func (a *analyzer) tokBefore(off int) int {
	k := a.tokAt(off) - 1
	for k >= 0 && a.d.Tokens[k].End > off {
		k--
	}
	return k
}

// neighbourSpeaker finds the speaker of a quote no cue covers: the subject
// before a colon ("X put it bluntly: “…”"), else the latest speaker of the
// paragraph, else the next one, else, for a paragraph that is all quote, the
// last speaker of the paragraph before.
func (a *analyzer) neighbourSpeaker(q quoteSpan) whosaid.Speaker {
	d := a.d
	before := strings.TrimRight(d.Text[:q.Open], " ")
	para := a.paraAt(q.Open)
	if para >= 0 && len(before) >= d.Paragraphs[para].Start && strings.TrimSpace(d.Text[d.Paragraphs[para].Start:len(before)]) == "A:" {
		// Interview Q&A: the answer is the interviewee's, the person who
		// spoke last before it.
		best := -1
		for i, f := range a.focus {
			if f.pos < q.Open && f.sp.Kind == whosaid.KindPerson && (best < 0 || f.pos > a.focus[best].pos) {
				best = i
			}
		}
		if best >= 0 {
			return whosaid.Speaker{Name: a.focus[best].sp.Name, Kind: whosaid.KindPerson}
		}
	}
	if strings.HasSuffix(before, ":") {
		s := d.SentenceAt(q.Open)
		if s >= 0 {
			t0 := a.sentTok[s][0]
			for t0 < len(d.Tokens) && d.Tokens[t0].Start < a.bodyStart {
				t0++
			}
			if sp := a.clauseSubject(t0, a.tokBefore(len(before))); sp.Kind != whosaid.KindUnknown {
				return sp
			}
		}
	}
	if sp, ok := a.viewOf(q); ok {
		return sp
	}
	var prev, next *attrib
	for i := range a.atts {
		at := &a.atts[i]
		off := d.Tokens[at.cueTok].Start
		if a.paraAt(off) != para || at.sp.Kind == whosaid.KindUnknown || at.flags&cueWeak != 0 && at.flags&cueQuote == 0 {
			continue
		}
		if off < q.Open {
			prev = at
		} else if next == nil {
			next = at
		}
	}
	switch {
	case prev != nil:
		return prev.sp
	case next != nil:
		return next.sp
	}
	if para > 0 && q.Open == d.Paragraphs[para].Start {
		var last *attrib
		for i := range a.atts {
			at := &a.atts[i]
			if a.paraAt(d.Tokens[at.cueTok].Start) == para-1 && at.sp.Kind != whosaid.KindUnknown {
				last = at
			}
		}
		if last != nil {
			return last.sp
		}
	}
	return whosaid.Speaker{Kind: whosaid.KindUnknown}
}

// viewLeads open a sentence that names the speaker of the quote before it:
// "“…” That was the view of Jane Smith, …".
var viewLeads = []string{"that was the view of ", "that is the view of ", "so said ", "that was the message from ",
	"that was the verdict of ", "such was the view of ", "that was how ", "those were the words of "}

// viewOf finds a speaker named in the sentence right after the quote by a
// phrase such as "That was the view of X".
func (a *analyzer) viewOf(q quoteSpan) (whosaid.Speaker, bool) {
	s := a.d.SentenceAt(q.Close)
	if s < 0 || s+1 >= len(a.d.Sentences) || a.paraAt(a.d.Sentences[s+1].Start) != a.paraAt(q.Close) {
		return whosaid.Speaker{}, false
	}
	next := a.d.Sentences[s+1]
	for _, lead := range viewLeads {
		if len(a.d.Text[next.Start:next.End]) > len(lead) && strings.EqualFold(a.d.Text[next.Start:next.Start+len(lead)], lead) {
			b := a.tokAt(next.Start + len(lead))
			e := b
			t1 := a.sentTok[s+1][1]
			for e < t1 && a.low[e] != "," && !(a.low[e] == "." && !abbrevDot[a.low[e-1]]) {
				e++
			}
			if sp := a.speakerFromNP(b, e); sp.Kind != whosaid.KindUnknown {
				return sp, true
			}
		}
	}
	return whosaid.Speaker{}, false
}

// pluralPossessive reports whether the mark at i (n bytes) after an "s" is
// the apostrophe of a plural possessive ("the players' union") rather than
// a closing quote: a lower-case word follows and a later single mark in the
// paragraph can still close the quote.
func pluralPossessive(src string, i, n, end int) bool {
	if i == 0 || src[i-1] != 's' || i+n+1 >= end || src[i+n] != ' ' {
		return false
	}
	r, _ := utf8.DecodeRuneInString(src[i+n+1:])
	if !unicode.IsLower(r) {
		return false
	}
	for j := i + n; j < end; {
		c, m := utf8.DecodeRuneInString(src[j:])
		if (c == '\'' || c == '’') && j > 0 && !unicode.IsSpace(rune(src[j-1])) && (j+m >= end || !isWordRune(src, j+m)) {
			return true
		}
		j += m
	}
	return false
}

// isWordRune reports whether a letter or digit starts at off.
func isWordRune(src string, off int) bool {
	r, _ := utf8.DecodeRuneInString(src[off:])
	return text.IsWordRune(r)
}

// afterSpeechVerb reports whether the quote follows a speech verb directly
// ("by saying “Too many.”", "chanted “Lock her up”"): the words in marks are
// then what was said, however short.
func (a *analyzer) afterSpeechVerb(q quoteSpan) bool {
	k := a.tokBefore(q.Open)
	if k < 0 || a.d.Tokens[k].End < q.Open-1 {
		return false
	}
	return speechVerbs[strings.ToLower(a.d.Tok(k))]
}

// speechVerbs are verbs of uttering whose object is the words said.
var speechVerbs = map[string]bool{
	"say": true, "says": true, "said": true, "saying": true,
	"chant": true, "chants": true, "chanted": true, "chanting": true,
	"shout": true, "shouts": true, "shouted": true, "shouting": true,
	"yell": true, "yells": true, "yelled": true, "yelling": true,
	"echo": true, "echoes": true, "echoed": true, "echoing": true,
	"reply": true, "replies": true, "replied": true, "replying": true,
	"answer": true, "answers": true, "answered": true, "answering": true,
	"tweet": true, "tweets": true, "tweeted": true, "tweeting": true,
	"exclaim": true, "exclaims": true, "exclaimed": true, "exclaiming": true,
	"respond": true, "responds": true, "responded": true, "responding": true,
	"added": true, "adding": true, "adds": true,
}
