package corpus

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/whosaid/whosaid"
)

// ParseDateline recognises the wire-story opening at the very start of text
// and returns it, or nil when text does not open with one. Forms read:
//
//	WASHINGTON (Reuters) -            Bonn (AFP) -          (Bloomberg) --
//	TOKYO, March 3 (AP) —             BERLIN, Nov 12 (dpa) -
//	BRUSSELS, Belgium (AP) —          SAVANNAH, Ga. (AP) —
//	HONG KONG/SINGAPORE (Reuters) -   NEW YORK —
//
// Place keeps the place as written, qualifiers included ("BRUSSELS,
// Belgium"), without the date, which goes to Date ("March 3"). End is the
// byte offset in text where the story proper starts, past the dash and the
// white space after it.
//
// To avoid misfiring on ordinary sentences ("The U.S. (and others) - ..."), a
// place written in mixed case needs a known agency; an unknown agency needs an
// all-capitals place; a dateline without an agency needs an all-capitals
// place that is not a common acronym ("US", "NATO") or a label ("BREAKING");
// and an agency alone, "(Bloomberg) --", must be a known one.
func ParseDateline(text string) *whosaid.Dateline {
	p := datelineParser{s: text}
	return p.parse()
}

// maxDateline bounds how far into the text a dateline may reach.
const maxDateline = 160

type datelineParser struct {
	s   string
	pos int
}

func (p *datelineParser) parse() *whosaid.Dateline {
	p.skipSpace(true)
	var d whosaid.Dateline
	var mainPlace string
	if !p.at("(") {
		start := p.pos
		if !p.placeWords() {
			return nil
		}
		mainPlace = p.s[start:p.pos]
		end := p.pos // end of the place, before any date
		// Up to three ", X" groups: qualifiers ("Belgium", "Ga.") and then a
		// date ("March 3"), which ends the dateline's place part.
		for range 3 {
			comma := p.pos
			if !p.at(",") {
				break
			}
			p.pos++
			if !p.skipSpace(false) {
				p.pos = comma
				break
			}
			if ds, ok := p.date(); ok {
				d.Date = ds
				break
			}
			if !p.placeWords() {
				return nil
			}
			end = p.pos
		}
		d.Place = p.s[start:end]
		p.skipSpace(false)
	}
	if p.at("(") {
		agency, ok := p.agency()
		if !ok {
			return nil
		}
		d.Agency = agency
	}
	if !p.separator() {
		return nil
	}
	if p.pos > maxDateline {
		return nil
	}
	if !plausible(mainPlace, d.Agency) {
		return nil
	}
	p.skipSpace(true)
	d.End = p.pos
	return &d
}

// plausible applies the misfire guards of ParseDateline.
func plausible(place, agency string) bool {
	known := knownAgencies[strings.ToLower(agency)]
	switch {
	case place == "" && agency == "":
		return false
	case place == "":
		return known
	case agency == "":
		return allCaps(place) && !notPlaces[strings.ToUpper(place)]
	case known:
		return true
	default:
		r, _ := utf8.DecodeRuneInString(agency)
		return allCaps(place) && !notPlaces[strings.ToUpper(place)] &&
			unicode.IsUpper(r) && len(strings.Fields(agency)) <= 4
	}
}

// allCaps reports whether s has at least two letters and no lower-case one.
func allCaps(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters >= 2
}

func (p *datelineParser) at(prefix string) bool { return strings.HasPrefix(p.s[p.pos:], prefix) }

// skipSpace skips white space (newlines too when lines is set) and reports
// whether it skipped any.
func (p *datelineParser) skipSpace(lines bool) bool {
	start := p.pos
	for p.pos < len(p.s) {
		r, n := utf8.DecodeRuneInString(p.s[p.pos:])
		if !unicode.IsSpace(r) || (!lines && (r == '\n' || r == '\r')) {
			break
		}
		p.pos += n
	}
	return p.pos > start
}

// placeWords reads one or more capitalised words ("NEW YORK", "Rio de
// Janeiro", "D.C.", "HONG KONG/SINGAPORE"), leaving pos after the last one.
func (p *datelineParser) placeWords() bool {
	w, ok := p.word()
	if !ok || !startsUpper(w) {
		return false
	}
	p.pos += len(w)
	for count := 1; count < 8; count++ {
		save := p.pos
		if p.at("/") {
			p.pos++
		} else if !p.singleSpace() {
			break
		}
		w, ok := p.word()
		if !ok {
			p.pos = save
			break
		}
		if !startsUpper(w) {
			// A lower-case connector counts only between capitalised words.
			if !connectors[w] {
				p.pos = save
				break
			}
			p.pos += len(w)
			if !p.singleSpace() {
				p.pos = save
				break
			}
			next, ok := p.word()
			if !ok || !startsUpper(next) {
				p.pos = save
				break
			}
			w = next
		}
		p.pos += len(w)
	}
	return true
}

// singleSpace consumes exactly one space (or no-break space) on the line.
func (p *datelineParser) singleSpace() bool {
	r, n := utf8.DecodeRuneInString(p.s[p.pos:])
	if r != ' ' && r != '\u00a0' {
		return false
	}
	p.pos += n
	return true
}

// word returns the word at pos: a letter followed by letters and the marks
// found in place names (. ' ’ - &).
func (p *datelineParser) word() (string, bool) {
	i := p.pos
	for i < len(p.s) {
		r, n := utf8.DecodeRuneInString(p.s[i:])
		if unicode.IsLetter(r) || (i > p.pos && strings.ContainsRune(".'’-&", r)) {
			i += n
			continue
		}
		break
	}
	if i == p.pos {
		return "", false
	}
	return p.s[p.pos:i], true
}

func startsUpper(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// date reads "March 3", "Nov. 12", "3 March" or "March 3, 2017".
func (p *datelineParser) date() (string, bool) {
	start := p.pos
	if w, ok := p.word(); ok && isMonth(w) {
		p.pos += len(w)
		if p.singleSpace() && p.digits(1, 2) {
			p.year()
			return p.s[start:p.pos], true
		}
	} else if p.digits(1, 2) && p.singleSpace() {
		if w, ok := p.word(); ok && isMonth(w) {
			p.pos += len(w)
			p.year()
			return p.s[start:p.pos], true
		}
	}
	p.pos = start
	return "", false
}

// year consumes an optional ", 2017" or " 2017".
func (p *datelineParser) year() {
	save := p.pos
	if p.at(",") {
		p.pos++
	}
	if p.singleSpace() && p.digits(4, 4) {
		return
	}
	p.pos = save
}

// digits consumes min to max ASCII digits not followed by another digit.
func (p *datelineParser) digits(min, max int) bool {
	i := p.pos
	for i < len(p.s) && i-p.pos < max && p.s[i] >= '0' && p.s[i] <= '9' {
		i++
	}
	if i-p.pos < min || (i < len(p.s) && p.s[i] >= '0' && p.s[i] <= '9') {
		return false
	}
	p.pos = i
	return true
}

func isMonth(w string) bool {
	return months[strings.ToLower(strings.TrimSuffix(w, "."))]
}

// agency reads "(Reuters)" at pos and returns its trimmed content.
func (p *datelineParser) agency() (string, bool) {
	end := strings.IndexByte(p.s[p.pos:], ')')
	if end < 0 || end > 50 {
		return "", false
	}
	inner := p.s[p.pos+1 : p.pos+end]
	agency := strings.TrimSpace(inner)
	if agency == "" {
		return "", false
	}
	for _, r := range agency {
		if !unicode.IsLetter(r) && !strings.ContainsRune(" .-&'’/", r) {
			return "", false
		}
	}
	p.pos += end + 1
	return agency, true
}

// separator consumes the dash after a dateline: "-", "--", "—", "–", "―" (or
// AP's old "_"), with optional space before it. A hyphen or underscore must
// be followed by white space or the end of text; the long dashes may run
// into the first word.
func (p *datelineParser) separator() bool {
	p.skipSpace(false)
	for _, dash := range []string{"--", "—", "–", "―", "-", "_"} {
		if !p.at(dash) {
			continue
		}
		p.pos += len(dash)
		if dash == "--" || dash == "-" || dash == "_" {
			r, _ := utf8.DecodeRuneInString(p.s[p.pos:])
			return p.pos == len(p.s) || unicode.IsSpace(r)
		}
		return true
	}
	return false
}

var months = setOf(
	"january", "february", "march", "april", "may", "june", "july",
	"august", "september", "october", "november", "december",
	"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
)

// connectors are the lower-case words inside place names.
var connectors = setOf(
	"de", "da", "do", "dos", "das", "del", "della", "di", "du", "des", "la", "le",
	"les", "el", "al", "am", "an", "der", "den", "of", "on", "upon", "sur", "en", "y",
)

// knownAgencies are the wire services and outlets that sign datelines,
// lower-cased.
var knownAgencies = setOf(
	"reuters", "reuters breakingviews", "breakingviews", "thomson reuters foundation",
	"ap", "associated press", "the associated press",
	"afp", "agence france-presse", "agence france presse",
	"bloomberg", "bloomberg news", "dpa", "dpa-afx", "xinhua", "upi", "efe", "ansa",
	"kyodo", "kyodo news", "jiji", "yonhap", "tass", "itar-tass", "ria novosti",
	"interfax", "sputnik", "pti", "ians", "ani", "aap", "cna", "anadolu", "aa",
	"bernama", "antara", "kna", "apa", "belga", "anp", "ntb", "tt", "ritzau",
	"lusa", "wafa", "irna", "mena", "spa", "wam", "qna", "kuna", "bna", "petra",
	"nan", "prensa latina", "notimex", "cp", "the canadian press", "canadian press",
	"pa", "pa media", "press association", "ukrinform", "unian", "bta", "hina",
	"mti", "ctk", "tanjug", "cnn", "cnbc", "abc news", "nbc news", "cbs news",
	"marketwatch", "dow jones", "mni", "rtrs", "csm", "ips",
)

// notPlaces are all-capitals openings that are not places.
var notPlaces = setOf(
	"US", "U.S", "U.S.", "UK", "U.K.", "EU", "E.U.", "UN", "U.N.", "NATO", "OPEC",
	"IMF", "WHO", "FBI", "CIA", "CEO", "GDP", "AI", "BREAKING", "BREAKING NEWS",
	"UPDATE", "UPDATED", "EXCLUSIVE", "ANALYSIS", "OPINION", "EDITORIAL", "WATCH",
	"LIVE", "FACTBOX", "EXPLAINER", "COMMENTARY", "CORRECTION", "CORRECTED",
	"REFILE", "PHOTOS", "VIDEO", "NOTE", "WARNING", "ALERT", "URGENT", "FLASH",
)

func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}
