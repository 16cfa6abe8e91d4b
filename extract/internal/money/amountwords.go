package money

import (
	"math"
	"strings"

	"github.com/whosaid/whosaid"

	"github.com/whosaid/whosaid/extract/internal/iso4217"
	"github.com/whosaid/whosaid/extract/internal/text"
)

// This file holds the less common ways of writing an amount: sums in two
// units ("3 dollars 50 cents", "thirteen dollars and forty-five cents",
// "17 USD 25"), fractions of a magnitude ("half a million", "a quarter
// million", "three quarters billion"), codes in millions ("30 MUSD",
// "MEUR 120"), codes glued to the number ("USD115"), signs ("minus five
// percent"), the inverted "percent of 10", and the URLs whose "%20" escapes
// are no percentages.

// millionCodes are the "M" + ISO code abbreviations of corporate reports:
// "30 MUSD" is 30 million dollars.
var millionCodes = map[string]string{
	"MUSD": "USD", "MEUR": "EUR", "MGBP": "GBP", "MAUD": "AUD", "MCAD": "CAD", "MCHF": "CHF",
	"MSEK": "SEK", "MNOK": "NOK", "MDKK": "DKK", "MJPY": "JPY", "MCNY": "CNY",
}

// lowerCodes are ISO codes also read in lower case after a number ("20
// usd"): only those that are no English word, so "10 try" stays a verb.
var lowerCodes = map[string]string{"usd": "USD", "eur": "EUR", "gbp": "GBP", "jpy": "JPY",
	"cny": "CNY", "chf": "CHF", "cad": "CAD", "aud": "AUD", "inr": "INR", "hkd": "HKD", "nzd": "NZD"}

// fractionWords scale the magnitude after them: "half a million" reads as
// half, "a quarter million" as a quarter.
var fractionWords = map[string]float64{"half": 0.5, "quarter": 0.25, "quarters": 0.25}

// starterFilter holds the words that can open an amount written before
// another word: spelled numbers, "a", fractions, signs and percent words. It
// lets mayStart drop ordinary words with one bitmap test.
var starterFilter = text.NewWordFilter(starterWords())

// starterWords lists the words starterFilter is built from.
func starterWords() map[string]bool {
	m := map[string]bool{"a": true, "an": true, "minus": true, "negative": true, "per": true,
		"percent": true, "percents": true}
	for w := range text.NumberWords {
		m[w] = true
	}
	for w := range fractionWords {
		m[w] = true
	}
	return m
}

// subunitWords name the hundredth of a main unit after a sum in it: "3
// dollars 50 cents".
var subunitWords = map[string]bool{"cent": true, "cents": true, "pence": true, "penny": true}

// gluedCode reads a currency code glued before the number ("USD115.5",
// "USD50") at token j and returns the code, the value and whether it did.
func gluedCode(t string) (string, float64, bool) {
	if len(t) < 4 || !text.IsDigit(t[3]) {
		return "", 0, false
	}
	iso, ok := currencyCodes[t[:3]]
	if !ok {
		return "", 0, false
	}
	v, n, _ := text.LeadingNumber(t[3:])
	if 3+n != len(t) {
		return "", 0, false
	}
	return iso, v, true
}

// fraction reads "half", "a quarter", "three quarters" before a magnitude
// at token j and returns the fraction and the token of the magnitude.
func (a *amountScan) fraction(j int) (float64, int, bool) {
	k, f := j, 1.0
	switch {
	case a.is(k, "a") || a.is(k, "an"):
		k++
	default:
		if w, ok := text.WordNumber(a.tok(k)); ok && w < 10 {
			f = w
			k++
		}
	}
	var buf [16]byte
	b := text.Fold(buf[:], a.tok(k))
	fr, ok := fractionWords[string(b)]
	if b == nil || !ok || k == j && string(b) == "quarters" {
		return 0, 0, false
	}
	if a.is(k+1, "a") && a.isMagnitude(k+2) {
		k++ // "half a million"
	}
	if !a.isMagnitude(k + 1) {
		return 0, 0, false
	}
	return f * fr, k + 1, true
}

// spelledNumber reads a spelled-out number of up to three tokens at j
// ("forty-five", "forty five", "one hundred", "twenty-two") and returns its
// value and the token after it.
func (a *amountScan) spelledNumber(j int) (float64, int, bool) {
	v, ok := text.WordNumber(a.tok(j))
	if !ok {
		return 0, 0, false
	}
	end := j + 1
	if a.is(end, "hundred") && v < 10 {
		v *= 100
		end++
		if a.is(end, "and") {
			if w, ok := text.WordNumber(a.tok(end + 1)); ok && w < 100 {
				v += w
				end += 2
			}
		} else if w, ok := text.WordNumber(a.tok(end)); ok && w < 100 {
			v += w
			end++
		}
		return v, end, true
	}
	if v >= 20 && v < 100 && int(v)%10 == 0 {
		if w, ok := text.WordNumber(a.tok(end)); ok && w < 10 {
			v += w // "forty five"
			end++
		}
	}
	return v, end, true
}

// joinSubunit extends a money amount in a main unit by the hundredths
// written after it: "3 dollars 50 cents", "thirteen dollars and forty-five
// cents", "15 dollars 50.", "17 USD 25", "C$ 100 and fifty". A bare
// number after the unit joins only when nothing but punctuation, "and",
// "more" or "less" follows it, so "15 dollars 50 times" stays apart.
func (a *amountScan) joinSubunit(q *quantity) {
	if q.kind != whosaid.Money || q.scaled || q.value != float64(int64(q.value)) {
		return
	}
	k := q.end
	if a.is(k, "and") {
		k++
	}
	var n float64
	var end int
	if t := a.tok(k); t != "" && text.IsDigit(t[0]) {
		v, l, _ := text.LeadingNumber(t)
		if l != len(t) || strings.ContainsAny(t, ".,") {
			return
		}
		n, end = v, k+1
	} else if v, e, ok := a.spelledNumber(k); ok {
		n, end = v, e
	} else {
		return
	}
	if _, ok := currencySymbols[a.tok(end)]; ok {
		return // "10 $ 30 $" is two sums
	}
	var buf [16]byte
	b := text.Fold(buf[:], a.tok(end))
	scale := 0.01
	if b != nil {
		if s, ok := iso4217.IsSubunit(q.unit, string(b)); ok {
			scale = s // "9 hryvnias 20 kopiykas", "5 dinars 500 fils"
		}
	}
	if n <= 0 || n*scale >= 1 {
		return
	}
	switch {
	case b != nil && (subunitWords[string(b)] || scale != 0.01):
		end++
	case b != nil && isSubunitOf(q.unit, string(b)):
		end++
	case b == nil || len(b) == 0 || !isWordStart(a.tok(end)):
	case string(b) == "and" || string(b) == "more" || string(b) == "less":
	default:
		return
	}
	q.value += n * scale
	q.end = end
	q.textEnd = a.d.Tokens[end-1].End
}

// postfixSymbol reports whether the currency symbol at token j follows its
// number ("10 $") even though a number comes after it: it does when that
// number is itself followed by a currency ("10 $ 30 $", "10 $ 30 cent").
func (a *amountScan) postfixSymbol(j int) bool {
	s := a.tok(j + 1)
	if s == "" || !text.IsDigit(s[0]) {
		return true
	}
	next := a.tok(j + 2)
	if _, ok := currencySymbols[next]; ok {
		return true
	}
	var buf [16]byte
	b := text.Fold(buf[:], next)
	return b != nil && subunitWords[string(b)]
}

// percentOf reads the inverted "percent of 10", "per cent of twenty-two"
// at token i, where no number comes before the unit. The number must end
// the clause, so "percent of voters" and "percent of 18-year-olds" are not
// read.
func (a *amountScan) percentOf(i int) (quantity, bool) {
	q := quantity{start: i, subStart: -1}
	k := i + 1
	if a.is(i, "per") && a.is(k, "cent") {
		k++
	} else if !(a.is(i, "percent") || a.is(i, "percents")) {
		return q, false
	}
	if prev := a.tok(i - 1); prev != "" && (text.IsDigit(prev[0]) || a.isNumberWord(i-1)) {
		return q, false
	}
	if !a.is(k, "of") {
		return q, false
	}
	var v float64
	var end int
	if t := a.tok(k + 1); t != "" && text.IsDigit(t[0]) {
		n, l, _ := text.LeadingNumber(t)
		if l != len(t) {
			return q, false
		}
		v, end = n, k+2
	} else if n, e, ok := a.spelledNumber(k + 1); ok {
		v, end = n, e
	} else {
		return q, false
	}
	if t := a.tok(end); t != "" && (isWordStart(t) || text.IsDigit(t[0])) {
		return q, false
	}
	q.kind, q.unit, q.value, q.end = whosaid.Percent, "%", v, end
	q.textEnd = a.d.Tokens[end-1].End
	return q, true
}

// isNumberWord reports whether token i is a spelled-out number.
func (a *amountScan) isNumberWord(i int) bool {
	_, ok := text.WordNumber(a.tok(i))
	return ok
}

// urlSpans returns the byte ranges of the URLs in text, inside which no
// amount is read ("q=30%25%2020%").
func urlSpans(src string) []text.Span {
	var out []text.Span
	for off := 0; off < len(src); {
		k := strings.Index(src[off:], "://")
		w := strings.Index(src[off:], "www.")
		if k < 0 && w < 0 {
			break
		}
		start := k
		if k < 0 || w >= 0 && w < k {
			start = w
		} else {
			for start > 0 && text.IsLetter(src[off+start-1]) {
				start--
			}
		}
		start += off
		end := start
		for end < len(src) && src[end] != ' ' && src[end] != '\n' && src[end] != '\t' {
			end++
		}
		out = append(out, text.Span{Start: start, End: end})
		off = end
	}
	return out
}

// roundValue drops the binary noise of scaling a decimal ("16.4 million"
// is 16399999.999999998 in float arithmetic) by keeping 12 significant
// digits, more than any amount in the news is written with.
func roundValue(v float64) float64 {
	if v == 0 || math.IsInf(v, 0) || math.IsNaN(v) {
		return v
	}
	e := math.Pow(10, 11-math.Floor(math.Log10(math.Abs(v))))
	return math.Round(v*e) / e
}
