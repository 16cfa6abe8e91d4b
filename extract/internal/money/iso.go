package money

import (
	"strings"

	"github.com/whosaid/whosaid/extract/internal/iso4217"
	"github.com/whosaid/whosaid/extract/internal/text"
)

// This file widens the money vocabulary of currency.go to every ISO 4217
// currency (package iso4217): codes, English names and plurals ("300
// ringgit", "500 tugriks", "300 leva"), country adjectives ("Egyptian
// pounds", "Iranian riyals"), symbols and newspaper abbreviations ("RM15
// million", "LE 500", "KD 1 million", "E£ 20 billion") and subunits ("50
// kopiykas", "9 hryvnias 20 kopiykas"). The hand-written entries of
// currency.go come first: the tables only add what they lack.

// notPrefixCodes are ISO codes that are also English words or common
// capitalised names ("ALL 100 passengers", "TOP 10", "AMD 7nm"), so they
// are not read as a currency before a number.
var notPrefixCodes = map[string]bool{"ALL": true, "TOP": true, "CUP": true, "MAD": true, "PEN": true,
	"BAM": true, "BOB": true, "SOS": true, "AMD": true, "GEL": true, "MOP": true, "CVE": true,
	"RON": true, "DOP": true, "PAB": true, "MUR": true, "TRY": true}

// withISOCodes adds every ISO code and every letter abbreviation to the
// codes read before (and, for three capitals, after) a number.
func withISOCodes(m map[string]string) map[string]string {
	for _, code := range iso4217.Codes() {
		if _, ok := m[code]; !ok && !notPrefixCodes[code] {
			m[code] = code
		}
	}
	iso4217.Symbols(func(sym, code string) {
		if _, ok := m[sym]; !ok && text.IsLetter(sym[0]) && allLetters(sym) && len(sym) > 1 {
			m[sym] = code
		}
	})
	return m
}

// withISOSymbols adds the symbols that are no letters ("₮", "E£", "GH₵").
func withISOSymbols(m map[string]string) map[string]string {
	iso4217.Symbols(func(sym, code string) {
		if _, ok := m[sym]; !ok && !allLetters(sym) && !strings.Contains(sym, "$") {
			m[sym] = code
		}
	})
	return m
}

// withISONames adds every unit name and plural, and the subunits with a
// currency of their own ("kopiykas", "halalas").
func withISONames(m map[string]currencyName) map[string]currencyName {
	iso4217.Names(func(name string, w iso4217.Word) {
		if _, ok := m[name]; !ok && isASCIIWord(name) {
			m[name] = currencyName{iso: w.Code, family: w.Family, scale: 1}
		}
	})
	iso4217.Subunits(func(name string, w iso4217.Word) {
		if _, ok := m[name]; !ok && isASCIIWord(name) {
			m[name] = currencyName{iso: w.Code, family: w.Family, scale: w.Scale}
		}
	})
	return m
}

// withISOAdjectives adds the adjectives and country names that pick a
// currency out of its family ("mongolian tugrik", "qatari riyal").
func withISOAdjectives(m map[string]string) map[string]string {
	iso4217.Adjectives(func(adj, family, code string) {
		if _, ok := m[adj+" "+family]; !ok {
			m[adj+" "+family] = code
		}
	})
	return m
}

// allLetters reports whether s is ASCII letters only.
func allLetters(s string) bool {
	for k := 0; k < len(s); k++ {
		if !text.IsLetter(s[k]) {
			return false
		}
	}
	return s != ""
}

// isASCIIWord reports whether s is one lower-case ASCII word (the form
// foldWord gives), which the currency-name tables can hold.
func isASCIIWord(s string) bool {
	for k := 0; k < len(s); k++ {
		if c := s[k]; (c < 'a' || c > 'z') && c != '\'' {
			return false
		}
	}
	return s != ""
}

// gluedPrefix reads a currency abbreviation glued before the number in
// token t ("RM15", "RM1,100", "R5", "Tk500", "USD115") and returns the currency and
// the number. A single capital ("R", "N", "P") counts only when a
// magnitude word follows (then is true) or the number has a separator,
// since "R2" and "N95" are mostly names.
func gluedPrefix(t string, magnitudeNext bool) (string, float64, bool) {
	k := 0
	for k < len(t) && k < 4 && text.IsLetter(t[k]) {
		k++
	}
	if k == 0 || k >= len(t) || !text.IsDigit(t[k]) {
		return "", 0, false
	}
	iso, ok := currencyCodes[t[:k]]
	if !ok {
		if iso, ok = iso4217.BySymbol(t[:k]); !ok {
			return "", 0, false
		}
	}
	v, n, _ := text.LeadingNumber(t[k:])
	if k+n != len(t) {
		return "", 0, false
	}
	if k == 1 && !magnitudeNext && !strings.ContainsAny(t[k:], ".,") {
		return "", 0, false
	}
	return iso, v, true
}

// pairedSymbol reads a symbol written as a letter token and a symbol token
// side by side ("E" "£" for the Egyptian pound, "L" "£") at token i, and
// returns the currency.
func (a *amountScan) pairedSymbol(i int) (string, bool) {
	t, n := a.tok(i), a.tok(i+1)
	if len(t) == 0 || len(t) > 3 || n == "" || n[0] < 0x80 || a.d.Tokens[i].End != a.d.Tokens[i+1].Start {
		return "", false
	}
	iso, ok := currencySymbols[t+n]
	return iso, ok
}

// isSubunitOf reports whether the lower-case word w names a hundredth of
// code ("rubles" … "kopecks"), when its table scale is a hundredth too.
func isSubunitOf(code, w string) bool {
	s, ok := iso4217.IsSubunit(code, w)
	return ok && s == 0.01
}
