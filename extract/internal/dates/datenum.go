package dates

import (
	"strings"

	"github.com/whosaid/whosaid"

	"github.com/whosaid/whosaid/extract/internal/text"
)

// This file holds the numeric side of the dates stage: years and the
// context that tells them from counts and prices, day numbers, ISO and US
// numeric dates, and one-token compounds such as "first-quarter".

// yearAt reports whether token i is a plausible four-digit year. strict
// relaxes the context checks for positions where a year is expected
// ("March 2017", "fiscal 2024").
func (s *dateScan) yearAt(i int, strict bool) (int, bool) {
	t, _ := text.TrimPossessive(s.tok(i))
	if len(t) != 4 || !text.AllDigits(t) {
		return 0, false
	}
	y := text.AtoiSmall(t)
	if y < 1000 || y > 2199 {
		return 0, false
	}
	if strict {
		return y, true
	}
	return y, s.yearContext(i, y)
}

// yearContext rejects four-digit numbers that are counts, prices, codes or
// clock times rather than years: "$2024", "1500 troops", "Route 2024",
// "1800 GMT", "2024 Main Street".
func (s *dateScan) yearContext(i, y int) bool {
	prev := s.tok(i - 1)
	if prev != "" {
		if p := prev[0]; p == '$' || p == '#' || p == '+' || p >= 0x80 && prev != "’" && prev != "“" && prev != "”" && prev != "–" && prev != "—" {
			return false
		}
		if s.adjacent(i-1) && (prev == "-" || prev == "/" || prev == "." || prev == ":") {
			return false
		}
		if text.StartsUpper(prev) && s.kind(i-1) == wNone && !s.sentenceStart(i-1) {
			if _, n := text.TrimPossessive(prev); n == 0 && !yearPrefixOK[prev] {
				return false // "Windows 2000", "Flight 2024"
			}
		}
		var buf [16]byte
		if b := text.Fold(buf[:], prev); b != nil && approxWords[string(b)] && y < 1900 {
			return false
		}
	}
	next := s.tok(i + 1)
	if next != "" {
		if next == "%" || next[0] >= 0x80 && next != "’" && next != "”" && next != "–" && next != "—" {
			return false
		}
		if s.adjacent(i) && (next == ":" || next == "/") {
			return false
		}
		var buf [16]byte
		if b := text.Fold(buf[:], next); b != nil && notAfterYear[string(b)] {
			return false
		}
		if _, ok := text.Magnitude(next); ok {
			return false
		}
	}
	if y < 1900 {
		// Older years need a preposition: "in 1848", "since 1776".
		var buf [16]byte
		b := text.Fold(buf[:], prev)
		return b != nil && yearPreps[string(b)]
	}
	return true
}

// sentenceStart reports whether token i opens a sentence (or follows an
// opening quote or parenthesis that does).
func (s *dateScan) sentenceStart(i int) bool {
	if i <= 0 {
		return true
	}
	off := s.d.Tokens[i].Start
	si := s.d.SentenceAt(off)
	if si < 0 {
		return true
	}
	st := s.d.Sentences[si].Start
	for j := i - 1; j >= 0 && s.d.Tokens[j].Start >= st; j-- {
		t := s.d.Tok(j)
		if t != "“" && t != "\"" && t != "(" && t != "‘" && t != "'" {
			return false
		}
	}
	return true
}

// yearPrefixOK are capitalised words that may stand before a year.
var yearPrefixOK = map[string]bool{
	"In": true, "Since": true, "By": true, "Until": true, "From": true, "Before": true, "After": true,
	"During": true, "Through": true, "Between": true, "Of": true, "For": true, "And": true, "Or": true,
	"Early": true, "Late": true, "Mid": true, "Summer": true, "Spring": true, "Autumn": true, "Winter": true,
	"Fall": true, "Fiscal": true, "FY": true, "Christmas": true, "Easter": true,
}

// yearPreps introduce years before 1900.
var yearPreps = map[string]bool{"in": true, "since": true, "by": true, "until": true, "from": true,
	"before": true, "after": true, "during": true, "of": true, "to": true, "and": true, "between": true}

// approxWords before a number make a count more likely than a year.
var approxWords = map[string]bool{"about": true, "around": true, "nearly": true, "almost": true,
	"roughly": true, "approximately": true, "some": true, "over": true, "than": true, "only": true, "just": true}

// notAfterYear are words that, after a four-digit number, make it a count or
// a clock time: "1500 troops", "1800 GMT", "2024 Main Street".
var notAfterYear = map[string]bool{
	"people": true, "troops": true, "soldiers": true, "workers": true, "jobs": true, "votes": true,
	"points": true, "units": true, "barrels": true, "tonnes": true, "tons": true, "homes": true,
	"cars": true, "feet": true, "meters": true, "metres": true, "km": true, "kilometers": true,
	"kilometres": true, "miles": true, "residents": true, "students": true, "cases": true,
	"deaths": true, "members": true, "employees": true, "staff": true, "households": true,
	"percent": true, "pct": true, "per": true, "gmt": true, "utc": true, "hours": true, "hrs": true,
	"local": true, "et": true, "est": true, "edt": true, "cet": true, "bst": true, "street": true,
	"st": true, "avenue": true, "ave": true, "road": true, "rd": true, "boulevard": true, "blvd": true,
	"lane": true, "drive": true, "dollars": true, "euros": true, "yen": true, "pounds": true,
	"shares": true, "children": true, "civilians": true, "refugees": true, "migrants": true,
	"patients": true, "rounds": true, "words": true, "pages": true, "times": true, "acres": true,
	"hectares": true, "beds": true, "vehicles": true, "flights": true, "passengers": true,
	"calories": true, "mg": true, "kg": true, "mw": true, "gw": true, "am": true, "pm": true,
}

// dayToken reports whether t can be a day of the month.
func dayToken(t string) bool { _, ok := dayNumber(t); return ok }

// yearToken reports whether t is four digits.
func yearToken(t string) bool { return len(t) == 4 && text.AllDigits(t) }

// dayNumber parses "31", "5th", "1st" as a day of the month.
func dayNumber(t string) (int, bool) {
	n := 0
	k := 0
	for k < len(t) && text.IsDigit(t[k]) && k < 2 {
		n = n*10 + int(t[k]-'0')
		k++
	}
	if k == 0 || n < 1 || n > 31 {
		return 0, false
	}
	switch t[k:] {
	case "", "st", "nd", "rd", "th":
		return n, true
	}
	return 0, false
}

// matchNumeric handles dates that start with a digit: years, decades,
// "2017-03-31", "3/31/2017", "31 March 2017", "2014-2018", "two years ago"
// written "2 years ago".
func (s *dateScan) matchNumeric(i int) (int, bool) {
	t := s.tok(i)
	if v, end, ok := s.century(i); ok {
		s.emit(i, end, v)
		return end, true
	}
	if d, ok := dayNumber(t); ok && s.kind(i+1) == wMonth {
		m := int(s.cls[i+1].val)
		j := i + 2
		if s.tok(j) == "." && s.adjacent(i+1) && len(s.tok(i+1)) <= 4 && yearToken(s.tok(j+1)) {
			j++
		}
		if y, ok := s.yearAt(j, true); ok {
			s.emit(i, j+1, timexDay(y, m, d))
			return j + 1, true
		}
		if !s.known {
			s.emit(i, j, timexDay(-1, m, d))
			return j, true
		}
		s.emit(i, j, timexDay(resolveMonthDay(s.ref, m, d, s.tense(i, j)), m, d))
		return j, true
	}
	if text.AllDigits(t) && len(t) <= 2 {
		if end, ok := s.ago(i, text.AtoiSmall(t)); ok {
			return end, true
		}
		// US order "3/31/2017".
		if s.tok(i+1) == "/" && s.tok(i+3) == "/" && s.adjacent(i) && s.adjacent(i+1) && s.adjacent(i+2) && s.adjacent(i+3) {
			m, d, yt := text.AtoiSmall(t), s.tok(i+2), s.tok(i+4)
			if text.AllDigits(d) && text.AllDigits(yt) && (len(yt) == 4 || len(yt) == 2) && m >= 1 && m <= 12 {
				dd := text.AtoiSmall(d)
				y := text.AtoiSmall(yt)
				if len(yt) == 2 {
					y += 2000
					if y > s.ref.Year()+10 {
						y -= 100
					}
				}
				if dd >= 1 && dd <= 31 {
					s.emit(i, i+5, timexDay(y, m, dd))
					return i + 5, true
				}
			}
		}
		return 0, false
	}
	if y, ok := s.yearAt(i, false); ok {
		if s.kind(i+1) == wOrd {
			if end, ok := s.partOfYear(i, i+1, y); ok {
				return end, true // "1988 second quarter"
			}
		}
		s.emit(i, i+1, timexYear(y))
		return i + 1, true
	}
	core, _ := text.TrimPossessive(t)
	// Decades: "1990s".
	if len(core) == 5 && core[4] == 's' && text.AllDigits(core[:4]) && core[3] == '0' && s.tok(i-1) != "$" {
		s.emit(i, i+1, core[:3])
		return i + 1, true
	}
	// ISO dates and year ranges are single tokens: "2017-03-31", "2014-2018".
	if len(core) >= 7 && core[4] == '-' && text.AllDigits(core[:4]) {
		y := text.AtoiSmall(core[:4])
		rest := core[5:]
		switch {
		case len(rest) == 2 && text.AllDigits(rest) && len(core) == 7:
			if m := text.AtoiSmall(rest); m >= 1 && m <= 12 && s.yearOK(y) {
				s.emit(i, i+1, timexMonth(y, m))
				return i + 1, true
			}
		case len(rest) == 5 && rest[2] == '-' && text.AllDigits(rest[:2]) && text.AllDigits(rest[3:]):
			m, d := text.AtoiSmall(rest[:2]), text.AtoiSmall(rest[3:])
			if m >= 1 && m <= 12 && d >= 1 && d <= 31 {
				s.emit(i, i+1, timexDay(y, m, d))
				return i + 1, true
			}
		case len(rest) == 4 && text.AllDigits(rest):
			y2 := text.AtoiSmall(rest)
			if s.yearOK(y) && s.yearOK(y2) && y2 > y && y2-y < 100 && s.tok(i-1) != "$" {
				tk := s.d.Tokens[i]
				s.out = append(s.out,
					whosaid.Date{Text: s.d.Text[tk.Start : tk.Start+4], Start: tk.Start, End: tk.Start + 4, Value: timexYear(y)},
					whosaid.Date{Text: s.d.Text[tk.Start+5 : tk.Start+9], Start: tk.Start + 5, End: tk.Start + 9, Value: timexYear(y2)})
				return i + 1, true
			}
		}
	}
	// Day-first numeric dates: "31.03.2017".
	if len(core) == 10 && core[2] == '.' && core[5] == '.' && text.AllDigits(core[:2]) && text.AllDigits(core[3:5]) && text.AllDigits(core[6:]) {
		d, m, y := text.AtoiSmall(core[:2]), text.AtoiSmall(core[3:5]), text.AtoiSmall(core[6:])
		if d >= 1 && d <= 31 && m >= 1 && m <= 12 && s.yearOK(y) {
			s.emit(i, i+1, timexDay(y, m, d))
			return i + 1, true
		}
	}
	return 0, false
}

// yearOK bounds years in numeric forms.
func (s *dateScan) yearOK(y int) bool { return y >= 1800 && y <= 2199 }

// matchHyphen handles one-token compounds: "first-quarter", "second-half",
// "mid-March", "mid-2025", "early-1990s", "post-1959".
func (s *dateScan) matchHyphen(i int) (int, bool) {
	t, _ := text.TrimPossessive(s.tok(i))
	h := strings.IndexByte(t, '-')
	var buf [16]byte
	head := text.Fold(buf[:], t[:h])
	if head == nil {
		return 0, false
	}
	tail := t[h+1:]
	if (string(head) == "pre" || string(head) == "post") && len(tail) == 4 && text.AllDigits(tail) && s.yearOK(text.AtoiSmall(tail)) {
		s.emit(i, i+1, tail) // "the post-1959 politics" is anchored on 1959
		return i + 1, true
	}
	w, ok := dateLexicon[string(head)]
	if !ok {
		return 0, false
	}
	var tb [16]byte
	tw := text.Fold(tb[:], tail)
	switch w.kind {
	case wUnit:
		if isYearAgoWord(t) && s.known && !s.beforeQuantity(i+1) {
			end := i + 1
			if s.unit(end) == uQuarter || s.isPeriod(end) {
				end++ // "year-ago period"
			}
			s.emit(i, end, s.yearBefore(i))
			return end, true
		}
	case wFiscal:
		if tw == nil {
			return 0, false
		}
		if ow, ok := dateLexicon[string(tw)]; ok && ow.kind == wOrd {
			return s.fiscalPart(i, int(ow.val)) // "the fiscal-first quarter"
		}
	case wOrd:
		if tw == nil {
			return 0, false
		}
		part := ""
		switch string(tw) {
		case "quarter":
			part = "Q"
		case "half":
			if w.val > 2 {
				return 0, false
			}
			part = "H"
		default:
			return 0, false
		}
		s.emit(i, i+1, timexPart(s.pubYear(), part, int(w.val)))
		return i + 1, true
	case wEarly:
		if len(tail) == 4 && text.AllDigits(tail) {
			if y := text.AtoiSmall(tail); s.yearOK(y) {
				s.emit(i, i+1, tail)
				return i + 1, true
			}
		}
		if len(tail) == 5 && tail[4] == 's' && text.AllDigits(tail[:4]) {
			s.emit(i, i+1, tail[:3])
			return i + 1, true
		}
		if tw != nil {
			if mw, ok := dateLexicon[string(tw)]; ok && mw.kind == wMonth && text.StartsUpper(tail) {
				y := -1
				if s.known {
					y = resolveMonth(s.ref, int(mw.val), s.tense(i, i+1))
				}
				s.emit(i, i+1, timexMonth(y, int(mw.val)))
				return i + 1, true
			}
		}
	}
	return 0, false
}

// fiscalPart handles "fiscal-first quarter" at token i, with ordinal n: the
// company's own numbering, which an "ended Sept. 30" after it does not
// override (a fiscal first quarter may end in September).
func (s *dateScan) fiscalPart(i, n int) (int, bool) {
	if s.unit(i+1) != uQuarter {
		return 0, false
	}
	y, end := s.ofYear(i + 2)
	if y == 0 {
		y = s.pubYear()
	}
	s.emit(i, end, timexPart(y, "Q", n))
	return end, true
}
