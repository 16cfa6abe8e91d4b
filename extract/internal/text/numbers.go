package text

import (
	"strings"
	"unicode/utf8"
)

// This file holds the small lexical helpers that the dates and amounts
// stages share: case folding without allocation, possessive stripping and
// number parsing. Both stages look words up in maps keyed by lower-case
// strings; folding into a stack buffer and indexing with string(buf) lets the
// compiler skip the allocation, which matters at millions of articles.

// IsDigit reports whether c is an ASCII digit.
func IsDigit(c byte) bool { return '0' <= c && c <= '9' }

// AllDigits reports whether s is a non-empty run of ASCII digits, the shape
// of years and days.
func AllDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !IsDigit(s[i]) {
			return false
		}
	}
	return true
}

// AtoiSmall parses a short run of digits (callers check AllDigits); it avoids
// strconv's error allocation on the hot path.
func AtoiSmall(s string) int {
	n := 0
	for i := 0; i < len(s) && i < 9; i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}

// LeadingNumber parses the numeric prefix of s ("1,500.25", "3.2bn" → 3.2,
// "34-billion-euro" → 34) and returns its value and byte length. Thousands
// separators are accepted only between digit groups, so "2,000" is 2000;
// an Indian "12,34,567" also parses. ok is false when s does not start with
// a digit.
func LeadingNumber(s string) (v float64, n int, ok bool) {
	if s == "" || !IsDigit(s[0]) {
		return 0, 0, false
	}
	var mant float64
	scale := 1.0
	dot := false
	i := 0
	for i < len(s) {
		c := s[i]
		switch {
		case IsDigit(c):
			mant = mant*10 + float64(c-'0')
			if dot {
				scale *= 10
			}
			i++
			continue
		case c == ',' && !dot && i+1 < len(s) && IsDigit(s[i+1]):
			i++
			continue
		case c == '.' && !dot && i+1 < len(s) && IsDigit(s[i+1]):
			dot = true
			i++
			continue
		}
		break
	}
	return mant / scale, i, true
}

// NumberWords are the spelled-out numbers news uses with units ("two
// percent", "five million yen"); compounds like "twenty-five" are summed by
// WordNumber.
var NumberWords = map[string]float64{
	"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
	"eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
	"fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
	"nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
	"sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
}

// WordNumber returns the value of a spelled-out number token ("two",
// "Twenty-five"), so that "twenty-five percent" is an amount like "25%".
func WordNumber(s string) (float64, bool) {
	var buf [24]byte
	b := Fold(buf[:], s)
	if b == nil {
		return 0, false
	}
	if v, ok := NumberWords[string(b)]; ok {
		return v, true
	}
	if h := strings.IndexByte(s, '-'); h > 0 {
		t, ok1 := NumberWords[string(b[:h])]
		u, ok2 := NumberWords[string(b[h+1:])]
		if ok1 && ok2 && t >= 20 && u < 10 {
			return t + u, true
		}
		if ok1 && ok2 && t < 10 && u == 100 {
			return t * 100, true // "One-hundred percent"
		}
	}
	return 0, false
}

// magnitudes scale a number: the words and the abbreviations wire services
// use ("$1.5bn", "£20m", "Rs 500 crore").
var Magnitudes = map[string]float64{
	"thousand": 1e3, "k": 1e3,
	"million": 1e6, "millions": 1e6, "mln": 1e6, "mn": 1e6, "m": 1e6, "mio": 1e6,
	"billion": 1e9, "billions": 1e9, "bn": 1e9, "bln": 1e9, "b": 1e9,
	"trillion": 1e12, "tn": 1e12, "trn": 1e12, "tr": 1e12,
	"lakh": 1e5, "lakhs": 1e5, "crore": 1e7, "crores": 1e7,
}

// magnitudeFilter keeps ordinary words off the magnitudes map.
var magnitudeFilter = NewWordFilter(Magnitudes)

// Magnitude returns the factor of a stand-alone magnitude token. The
// one-letter abbreviations only count when glued to the number ("20m"), so
// they are rejected here.
func Magnitude(s string) (float64, bool) {
	if len(s) < 2 || !magnitudeFilter.MayHold(s) {
		return 0, false
	}
	var buf [16]byte
	b := Fold(buf[:], s)
	if b == nil {
		return 0, false
	}
	m, ok := Magnitudes[string(b)]
	return m, ok
}

// StartsUpper reports whether s begins with an upper-case ASCII letter or a
// non-ASCII letter written in upper case; used to tell "May" from "may".
func StartsUpper(s string) bool {
	if s == "" {
		return false
	}
	c := s[0]
	if c < utf8.RuneSelf {
		return 'A' <= c && c <= 'Z'
	}
	r, _ := utf8.DecodeRuneInString(s)
	return strings.ToUpper(string(r)) == string(r) && strings.ToLower(string(r)) != string(r)
}
