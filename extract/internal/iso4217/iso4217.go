package iso4217

import (
	"math"
	"strings"
)

// entry is one row of the generated table.
type entry struct {
	code    string
	digits  int
	symbols []string
}

// notSymbols are CLDR symbols that English text writes as words or names
// ("Le Pen", "CF Montréal").
var notSymbols = map[string]bool{"Le": true, "CF": true, "Ar": true, "RF": true, "FG": true, "KM": true}

// commonWords are names and subunits that are also ordinary English words
// ("8500 marks" in a 1990s story are Deutsche marks, "a sum", "the real
// value"): they are not read as a currency alone. An adjective or the code
// still names the currency.
var commonWords = map[string]bool{"mark": true, "marks": true, "gold": true, "sum": true, "sums": true,
	"sol": true, "sols": true, "soles": true, "dram": true, "drams": true, "real": true, "reals": true,
	"para": true, "ban": true, "bani": true, "ore": true, "sen": true, "avo": true, "avos": true,
	"pul": true, "puls": true, "colon": true, "colons": true, "mongo": true, "kip": true, "kips": true,
	"lipa": true, "som": true, "soms": true, "sente": true, "tala": true, "talas": true}

// withdrawnDigits are the minor-unit digits of the withdrawn currencies in
// extraNames.
var withdrawnDigits = map[string]int{"BGN": 2, "HRK": 2}

// Currency is one currency and what news text calls it.
type Currency struct {
	// Code is the ISO 4217 code.
	Code string
	// Digits is the number of minor-unit digits: a subunit is 10^-Digits.
	Digits int
	// Name is the singular English name ("hryvnia"), the family the
	// adjectives refine ("dollar" for every dollar).
	Name string
	// Sub is the subunit's singular name ("kopiyka"), or "".
	Sub string
}

// Word is what a name or a subunit name tells of the amount beside it.
type Word struct {
	// Code is the currency the word means alone (its default, when several
	// share the name).
	Code string
	// Family is the singular unit name that adjectives refine ("dollar").
	Family string
	// Scale is 1 for a unit, 10^-Digits for a subunit.
	Scale float64
}

var (
	byCode    = map[string]Currency{}
	byName    = map[string]Word{}   // lower-case unit names and plurals
	bySub     = map[string]Word{}   // lower-case subunit names and plurals → default
	subOf     = map[string]bool{}   // code + " " + lower-case subunit name
	byAdj     = map[string]string{} // lower-case adjective + " " + family → code
	bySymbol  = map[string]string{} // symbols and abbreviations, as written
	codeOrder []string
)

func init() {
	digits := map[string]int{}
	for c, d := range withdrawnDigits {
		digits[c] = d
	}
	for _, e := range table {
		digits[e.code] = e.digits
		codeOrder = append(codeOrder, e.code)
		for _, s := range e.symbols {
			// A lone capital letter ("P", "D", "E") is too often something
			// else ("Q3"); the newspaper ones are listed by hand in names.
			if len(s) == 1 && s[0] >= 'A' && s[0] <= 'Z' || notSymbols[s] {
				continue
			}
			bySymbol[s] = e.code
		}
	}
	all := append(append([]named(nil), names...), extraNames...)
	counts := map[string]int{}
	for _, n := range all {
		counts[n.name]++
	}
	// Words take their meaning in two passes: names and the plurals style
	// guides give first, then the variants, so "riyals" is the Saudi riyal's
	// plural before it is a spelling of the Iranian rial's.
	for pass := 0; pass < 2; pass++ {
		for _, n := range all {
			words := split(n.plural)
			if pass == 0 {
				words = append([]string{n.name}, words[:1]...)
			} else {
				words = words[1:]
			}
			code := n.code
			if counts[n.name] > 1 {
				code = defaults[n.name]
			}
			for _, w := range words {
				w = strings.ToLower(w)
				if _, ok := byName[w]; !ok && code != "" && !commonWords[w] {
					byName[w] = Word{Code: code, Family: n.name, Scale: 1}
				}
			}
		}
	}
	for _, n := range all {
		d := digits[n.code]
		if _, ok := byCode[n.code]; !ok {
			byCode[n.code] = Currency{Code: n.code, Digits: d, Name: n.name, Sub: n.sub}
		}
		if _, ok := digits[n.code]; !ok {
			codeOrder = append(codeOrder, n.code)
			digits[n.code] = d
		}
		// An adjective refines every family the currency's words belong to
		// ("Iranian riyals" as well as "Iranian rials").
		for _, w := range append([]string{n.name}, split(n.plural)...) {
			fam := byName[strings.ToLower(w)].Family
			if fam == "" {
				fam = n.name
			}
			for _, a := range split(n.adjectives) {
				if k := strings.ToLower(a) + " " + fam; byAdj[k] == "" {
					byAdj[k] = n.code
				}
			}
		}
		for _, a := range split(n.abbrevs) {
			bySymbol[a] = n.code
		}
		if n.sub != "" && d > 0 {
			scale := math.Pow10(-d)
			for _, w := range append([]string{n.sub}, split(n.subPlural)...) {
				w = strings.ToLower(w)
				subOf[n.code+" "+w] = true
				def := subDefaults[n.sub]
				if def == "" {
					def = n.code
				}
				if _, ok := bySub[w]; !ok && def == n.code && !commonWords[w] {
					bySub[w] = Word{Code: n.code, Family: n.name, Scale: scale}
				}
			}
		}
	}
	for code := range bySymbol {
		if _, ok := digits[bySymbol[code]]; !ok {
			delete(bySymbol, code)
		}
	}
}

func split(list string) []string {
	if list == "" {
		return nil
	}
	return strings.Split(list, "|")
}

// Codes returns every code, active ones in ISO's order first.
func Codes() []string { return append([]string(nil), codeOrder...) }

// ByCode returns the currency with ISO code code.
func ByCode(code string) (Currency, bool) {
	c, ok := byCode[code]
	return c, ok
}

// ByName returns what the lower-case unit name or plural w means alone
// ("hryvnias", "ringgit", "dollars" → USD).
func ByName(w string) (Word, bool) {
	u, ok := byName[w]
	return u, ok
}

// BySubunit returns what the lower-case subunit name or plural w means
// alone ("kopiykas" → UAH, 0.01; "cents" → USD).
func BySubunit(w string) (Word, bool) {
	u, ok := bySub[w]
	return u, ok
}

// IsSubunit reports whether the lower-case word w names a subunit of code
// ("UAH", "kopiykas"), and its scale.
func IsSubunit(code, w string) (float64, bool) {
	if !subOf[code+" "+w] {
		return 0, false
	}
	return math.Pow10(-byCode[code].Digits), true
}

// ByAdjective returns the currency that the lower-case adjective or
// country name adj picks out of family ("egyptian", "pound" → EGP).
func ByAdjective(adj, family string) (string, bool) {
	c, ok := byAdj[adj+" "+family]
	return c, ok
}

// BySymbol returns the currency a symbol or newspaper abbreviation means,
// as written ("₴", "RM", "LE", "KD"). Codes themselves are not symbols: use
// ByCode.
func BySymbol(s string) (string, bool) {
	c, ok := bySymbol[s]
	return c, ok
}

// Symbols calls f with every symbol and abbreviation and its currency.
func Symbols(f func(symbol, code string)) {
	for s, c := range bySymbol {
		f(s, c)
	}
}

// Names calls f with every unit name and plural and what it means alone.
func Names(f func(name string, w Word)) {
	for n, w := range byName {
		f(n, w)
	}
}

// Subunits calls f with every subunit name and plural that has a default.
func Subunits(f func(name string, w Word)) {
	for n, w := range bySub {
		f(n, w)
	}
}

// Adjectives calls f with every adjective, the family it refines and the
// currency they pick.
func Adjectives(f func(adj, family, code string)) {
	for k, c := range byAdj {
		i := strings.LastIndexByte(k, ' ')
		f(k[:i], k[i+1:], c)
	}
}
