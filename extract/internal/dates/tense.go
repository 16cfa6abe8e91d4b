package dates

import (
	"strings"

	"github.com/whosaid/whosaid/extract/internal/text"
)

// This file decides the tense around a date, which picks the year of a bare
// month and the week of a bare weekday.

// tense decides whether the event governing the date at tokens [i, j) lies
// before or after the publication date. A word right before the date may
// settle it alone ("effective Feb. 1", see boundCue); otherwise it walks
// back from the date to the start of its sentence and takes the first word
// that says ("said", "will", "was due"), then forward to the end; a passive
// participle defers to its auxiliary ("is to be held" is future, "was held"
// past, "has fluctuated" past). It returns cueNone when nothing in the
// sentence says.
func (s *dateScan) tense(i, j int) int8 {
	if c := s.boundCue(i - 1); c != cueNone {
		return c
	}
	lo, hi := s.sentenceTokens(i)
	for k := i - 1; k >= lo; k-- {
		if c := s.cueAt(k, lo); c != cueNone {
			return c
		}
	}
	for k := j; k < hi; k++ {
		if c := s.cueAt(k, lo); c != cueNone {
			// After the date, "planned" and "proposed" date the planning,
			// not the plan: "On Friday, the government planned to pay",
			// and the noun "plans" says nothing of the date ("On Friday,
			// when she set aside vacation plans").
			if c == cueFuture && strings.HasSuffix(s.d.Tok(k), "ed") {
				return cuePast
			}
			if c == cueFuture && s.planNoun(k) {
				continue
			}
			return c
		}
	}
	return cueNone
}

// cueAt classifies token k for tense, resolving participles against the
// auxiliary up to two tokens before them (lo bounds the sentence).
func (s *dateScan) cueAt(k, lo int) int8 {
	c, participle := s.wordCue(k)
	switch c {
	case cueBePast:
		return cuePast
	case cueBeFuture:
		return cueFuture
	case cueBeSkip:
		return cueNone
	}
	if c == cuePast && participle {
		for a := k - 1; a >= lo && a >= k-2; a-- {
			switch ac, _ := s.wordCue(a); ac {
			case cueBePast:
				return cuePast
			case cueBeFuture, cueFuture:
				return cueFuture // "would stay closed until Wednesday"
			case cuePresent:
				if isPerfectAux(s.tok(a)) {
					return cuePast // "has fluctuated since March": what has happened
				}
				return cuePresent
			case cueBeSkip:
				continue
			}
		}
	}
	return c
}

// wordCue returns the tense cue of token k and whether it may be a passive
// participle (a regular "-ed" or an irregular past form).
func (s *dateScan) wordCue(k int) (int8, bool) {
	t := s.d.Tok(k)
	if t == "" || t[0] >= 0x80 || text.IsDigit(t[0]) {
		return cueNone, false
	}
	if s.cls[k].kind == wMonth {
		return cueNone, false // "May" the month is not "may" the modal
	}
	if strings.HasSuffix(t, "'ll") || strings.HasSuffix(t, "’ll") {
		return cueFuture, false
	}
	var buf [16]byte
	b := text.Fold(buf[:], t)
	if b == nil {
		return cueNone, false
	}
	if c, ok := tenseCues[string(b)]; ok {
		if c == cueFuture && string(b) == "next" && strings.EqualFold(s.tok(k+1), "to") {
			return cueNone, false // "the blasts next to the embassies"
		}
		if string(b) == "could" && (s.tok(k+1) == "not" || s.tok(k+1) == "n't" || s.tok(k+1) == "n’t") {
			return cuePast, false // "could not stop the bullet Friday night": the past of "can"
		}
		return c, c == cuePast && len(b) > 3
	}
	if string(b) == "to" && isBeForm(s.tok(k-1)) {
		return cueFuture, false // "is to resume trading Tuesday"
	}
	if len(b) >= 5 && b[len(b)-2] == 'e' && b[len(b)-1] == 'd' && !text.StartsUpper(t) && !edExceptions[string(b)] {
		if b[0] == 'u' && b[1] == 'n' || s.determinerAt(k-1) {
			return cueNone, false // "a still unspecified date", "the planned trip": adjectives
		}
		return cuePast, true
	}
	return cueNone, false
}

// isBeForm reports whether t is "is", "are", "was" or "were", which before
// "to" make a schedule ("is to be held", "was to resume").
func isBeForm(t string) bool {
	switch strings.ToLower(t) {
	case "is", "are", "was", "were":
		return true
	}
	return false
}

// determinerAt reports whether token k is an article or possessive, after
// which an "-ed" word is an adjective, not a verb.
func (s *dateScan) determinerAt(k int) bool {
	switch strings.ToLower(s.tok(k)) {
	case "a", "an", "the", "its", "his", "her", "their", "our":
		return true
	}
	return false
}

// planNoun reports whether token k is "plan" or "plans" as a noun, not
// followed by "to".
func (s *dateScan) planNoun(k int) bool {
	t := s.d.Tok(k)
	return (strings.EqualFold(t, "plans") || strings.EqualFold(t, "plan")) && !strings.EqualFold(s.tok(k+1), "to")
}

// isPerfectAux reports whether t is "has" or "have", which before a
// participle make the present perfect, a tense of what has happened.
func isPerfectAux(t string) bool {
	return strings.EqualFold(t, "has") || strings.EqualFold(t, "have")
}

// boundCue reads the word right before a date that fixes its direction by
// itself, whatever the tense of the verb: "effective Feb. 1" names when a
// change takes hold, which a story announces ahead; "until January" and
// "through January" end a span that runs from the event, so the nearer
// side of publication is likelier than the verb's ("has extended loans
// through January" in October).
func (s *dateScan) boundCue(k int) int8 {
	var buf [16]byte
	switch string(text.Fold(buf[:], s.tok(k))) {
	case "effective":
		return cueFuture
	case "until", "through", "till":
		return cuePresent
	}
	return cueNone
}

// clockBefore returns where a clock time right before token i starts ("9
// a.m. Tuesday", "4 a.m. EDT Thursday", "noon Thursday"), or i when there is
// none. The clock time belongs to the day's phrase, so the tense is read
// around the whole: "until 9 a.m. Tuesday" is bounded by "until" as
// "until Tuesday" is, and a sentence split after "a.m." must not cut the
// weekday off from its verb.
func (s *dateScan) clockBefore(i int) int {
	k := i - 1
	if t := s.tok(k); len(t) >= 2 && len(t) <= 4 && isUpperWord(t) {
		k-- // a time zone: "EDT", "GMT"
	}
	switch strings.ToLower(strings.TrimSuffix(s.tok(k), ".")) {
	case "noon", "midnight":
		return k
	case "a.m", "p.m", "am", "pm":
		if t := s.tok(k - 1); t != "" && text.IsDigit(t[0]) {
			return k - 1
		}
	}
	return i
}

// isUpperWord reports whether t is all ASCII capital letters.
func isUpperWord(t string) bool {
	for i := 0; i < len(t); i++ {
		if t[i] < 'A' || t[i] > 'Z' {
			return false
		}
	}
	return true
}
