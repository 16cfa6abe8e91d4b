package money

import (
	"strings"

	"github.com/whosaid/whosaid"

	"github.com/whosaid/whosaid/extract/internal/text"
)

// amounts finds every sum of money and percentage in d, in text order. A
// percentage that names its base ("2 percent of gross domestic product")
// takes the base into Text and Of. Amounts stated as goals, caps or pledges
// are marked Target, with Deadline taken from a "by 2030" in dates and Holder
// from the words naming whose goal it is.
func Amounts(d *text.Doc, dates []whosaid.Date) []whosaid.Amount {
	a := amountScan{d: d, dates: dates}
	urls := urlSpans(d.Text)
	for i := 0; i < len(d.Tokens); {
		for len(urls) > 0 && urls[0].End <= d.Tokens[i].Start {
			urls = urls[1:]
		}
		if len(urls) > 0 && urls[0].Start <= d.Tokens[i].Start {
			i++ // inside a URL: "%20" is an escape
			continue
		}
		if end, ok := a.match(i); ok {
			i = end
			continue
		}
		i++
	}
	repeatTargets(a.out)
	sameSum(d.Text, a.out)
	listTargets(d.Text, a.out)
	return a.out
}

// amountScan is the state of one amounts call.
type amountScan struct {
	d     *text.Doc
	dates []whosaid.Date
	out   []whosaid.Amount
}

// quantity is a number with its unit as read from the text.
type quantity struct {
	start, end int // token range
	textEnd    int // byte offset where the amount's text ends
	value      float64
	scaled     bool // a magnitude word or suffix was applied
	kind, unit string
	subStart   int // byte offsets when the amount is part of a token ("3-4 percent")
}

// tok returns token i's text, "" outside the document.
func (a *amountScan) tok(i int) string {
	if i < 0 || i >= len(a.d.Tokens) {
		return ""
	}
	return a.d.Tok(i)
}

// is reports whether token i, folded, equals w.
func (a *amountScan) is(i int, w string) bool {
	t := a.tok(i)
	return len(t) == len(w) && strings.EqualFold(t, w)
}

// match reads an amount starting at token i and returns the token after it.
func (a *amountScan) match(i int) (int, bool) {
	if !a.mayStart(i) {
		return 0, false
	}
	if q, ok := a.percentOf(i); ok {
		a.emit(q)
		return q.end, true
	}
	sign := 1.0
	if a.is(i, "minus") || a.is(i, "negative") {
		sign = -1 // "minus five percent"
	}
	var q quantity
	var ok bool
	if sign < 0 {
		q, ok = a.read(i + 1)
		q.start, q.subStart, q.value = i, -1, -q.value
	} else {
		q, ok = a.read(i)
	}
	if !ok {
		return 0, false
	}
	a.joinSubunit(&q)
	if q.kind == "" {
		// A bare number can borrow its unit from the other end of a range:
		// "between 3 and 4 percent", "$5 to 7 billion"; not a year or a
		// day the dates stage read ("from $362 million in 2014 to $557
		// million", "on July 14 to 46 percent").
		if a.inDate(a.d.Tokens[q.start].Start) || !a.rangeUnit(&q) {
			return 0, false
		}
	} else if !q.scaled && q.kind == whosaid.Money {
		a.rangeUnit(&q)
	}
	a.emit(q)
	return q.end, true
}

// mayStart is a cheap test that token i could open an amount: a digit, a
// currency symbol, a prefix before a number or "$", or a number word before
// a percent or magnitude word. It keeps the map lookups of read off the
// ordinary words that make up almost all of an article.
func (a *amountScan) mayStart(i int) bool {
	t := a.tok(i)
	c := t[0]
	if text.IsDigit(c) && a.is(i-1, ".") && text.AllDigits(a.tok(i-2)) {
		return false // the decimals of a number spaced out by a wire's tokenizer: "1 . 8500 marks"
	}
	if text.IsDigit(c) || c == '$' {
		return true
	}
	if c >= 0x80 {
		// Every other word read matches is ASCII, so a token opening with
		// another byte starts an amount only as a currency symbol ("€");
		// curly quotes and dashes, common in news, stop here.
		_, ok := currencySymbols[t]
		return ok
	}
	if len(t) > 3 && 'A' <= c && c <= 'Z' && text.IsDigit(t[3]) {
		return true // "USD115"
	}
	if len(t) > 1 && 'A' <= c && c <= 'Z' && (text.IsDigit(t[1]) || len(t) > 2 && text.IsDigit(t[2])) {
		return true // "R5", "RM15", "Tk500"
	}
	n := a.tok(i + 1)
	if n == "" {
		return false
	}
	n0 := n[0]
	if text.IsDigit(n0) || n == "$" || n == "%" || n == "." && 'A' <= c && c <= 'Z' {
		return true
	}
	if n0 >= 0x80 && len(t) <= 3 {
		_, ok := a.pairedSymbol(i)
		return ok // "E£"
	}
	if n0 >= 0x80 || !text.IsLetter(n0) {
		return false
	}
	if !starterFilter.MayHold(t) {
		// Only a number word, "a", a fraction, a sign or a percent word
		// opens an amount before a word; else a compound ("one-yen").
		h := strings.IndexByte(t, '-')
		if h > 0 && ((n0|0x20) == 'p' || a.isMagnitude(i+1)) && a.isNumberWord(i) {
			return true // "Twenty-four percent", "twenty-five million dollars"
		}
		return h > 0 && h+1 < len(t) && currencyFilter.MayHold(t[h+1:])
	}
	// From here on only words follow; each test is guarded by a first
	// letter so that ordinary text costs a few byte compares.
	switch n0 | 0x20 {
	case 'p':
		if a.is(i+1, "percent") || a.is(i+1, "per") || a.is(i+1, "percentage") || a.is(i+1, "pct") {
			return true
		}
	case 'o':
		if n == "of" && (c|0x20 == 'p') && (a.is(i, "percent") || a.is(i, "percents")) {
			return true // "percent of 10"
		}
	case 'c':
		if n == "cent" && a.is(i, "per") && a.is(i+2, "of") {
			return true // "per cent of 210"
		}
	case 'a':
		if n == "a" && (c|0x20 == 'h') && a.is(i, "half") {
			return true // "half a million"
		}
	case 'q':
		if a.is(i+1, "quarter") || a.is(i+1, "quarters") {
			return true
		}
	}
	switch c | 0x20 {
	case 'm', 'n':
		if a.is(i, "minus") || a.is(i, "negative") {
			return true
		}
	}
	if starterFilter.MayHold(n) && a.isNumberWord(i+1) && a.isNumberWord(i) {
		return true // "twenty five percent": read takes both words
	}
	if len(n) == 4 && n0 == 'M' && millionCodes[n] != "" {
		return true // "twenty MUSD"
	}
	if currencyFilter.MayHold(n) && a.isCurrencyName(i+1) && a.isNumberWord(i) {
		return true // "thirteen dollars", "one penny"
	}
	switch n0 | 0x20 {
	case 'm', 'b', 't', 'h', 'l', 'c', 'k':
		return a.isMagnitude(i+1) || a.is(i+1, "half") || a.is(i+1, "hundred")
	}
	return false
}

// read parses the amount starting at token i: an optional currency prefix,
// a number with its magnitude, and the unit after it. kind is "" when no
// unit follows (the caller may still find one through a range).
func (a *amountScan) read(i int) (quantity, bool) {
	q := quantity{start: i, subStart: -1, textEnd: -1}
	if iso, v, ok := gluedPrefix(a.tok(i), a.isMagnitude(i+1)); ok {
		q.kind, q.unit, q.value, q.end = whosaid.Money, iso, v, i+1
		if m, ok := a.magnitude(i + 1); ok {
			q.value, q.end, q.scaled = v*m, i+2, true // "RM15 million"
		}
		q.textEnd = a.d.Tokens[q.end-1].End
		return q, true
	}
	if iso, v, ok := gluedCode(a.tok(i)); ok {
		q.kind, q.unit, q.value, q.end = whosaid.Money, iso, v, i+1
		q.textEnd = a.d.Tokens[i].End
		return q, true
	}
	j := i
	prefix := a.prefix(i, &j)
	mscale := 1.0
	if iso, ok := millionCodes[a.tok(i)]; ok && j == i {
		if s := a.tok(i + 1); s != "" && text.IsDigit(s[0]) {
			prefix, j, mscale = iso, i+1, 1e6 // "MAUD 60"
		}
	}
	v, end, scaled, ok := a.number(j, &q)
	v *= mscale
	if !ok {
		return q, false
	}
	if q.end > end {
		end = q.end // a range inside one token ran on to its unit
	}
	q.value, q.end, q.scaled = v, end, scaled
	if q.textEnd < 0 {
		q.textEnd = a.d.Tokens[end-1].End
	}
	if q.kind != "" {
		if prefix != "" && q.kind == whosaid.Money {
			q.unit = prefix
		}
		return q, true
	}
	if prefix != "" {
		q.kind, q.unit = whosaid.Money, prefix
		// "$10 billion dollars": swallow a repeated currency word.
		if a.isDollarWord(q.end) {
			q.end++
			q.textEnd = a.d.Tokens[q.end-1].End
		}
		return q, true
	}
	if a.percentAfter(&q) {
		return q, true
	}
	if u, n := a.currencyAfter(q.end); n > 0 {
		if a.is(q.end+n-1, "won") && !q.scaled && q.value < 1000 {
			return q, true // "Ortega won"
		}
		q.kind, q.unit = whosaid.Money, u.iso
		q.value *= u.scale
		q.end += n
		if m, ok := a.magnitude(q.end); ok && !q.scaled && u.scale == 1 {
			q.value *= m // "75 USD million"
			q.scaled = true
			q.end++
		}
		q.textEnd = a.d.Tokens[q.end-1].End
		return q, true
	}
	return q, true
}

// number parses the number at token j with its magnitude ("1.5 billion",
// "£20m", "two", "a million") and one-token compounds ("34-billion-euro",
// "25-basis-point", "3-4"). It fills q.kind and q.unit when the compound
// carries its own unit.
func (a *amountScan) number(j int, q *quantity) (v float64, end int, scaled, ok bool) {
	t := a.tok(j)
	if t == "" {
		return 0, 0, false, false
	}
	var rest string
	if text.IsDigit(t[0]) {
		var n int
		v, n, _ = text.LeadingNumber(t)
		rest = t[n:]
	} else if f, k, ok := a.fraction(j); ok {
		m, _ := a.magnitude(k)
		return f * m, k + 1, true, true // "half a million", "three quarters billion"
	} else if h := strings.IndexByte(t, '-'); h > 0 && !a.isNumberWord(j) {
		w, ok := text.WordNumber(t[:h])
		if !ok || !a.compound(j, t, h, &w, &scaled, q) {
			return 0, 0, false, false // "one-yen"; "one-time" is no amount
		}
		return w, j + 1, scaled, true
	} else if w, e, ok := a.spelledNumber(j); ok {
		v = w
		if e > j+1 {
			end = e
			if m, ok := a.magnitude(end); ok {
				return v * m, end + 1, true, true
			}
			return v, end, false, true // "one hundred"
		}
	} else if (t == "a" || t == "an" || t == "A" || t == "An") && a.isMagnitude(j+1) {
		v = 1
	} else {
		return 0, 0, false, false
	}
	end = j + 1
	switch {
	case rest == "":
	case rest[0] == '-' || strings.HasPrefix(rest, "–"):
		if !a.compound(j, t, len(t)-len(rest), &v, &scaled, q) {
			return 0, 0, false, false
		}
		return v, end, scaled, true
	default:
		var buf [8]byte
		b := text.Fold(buf[:], rest)
		m, isMag := text.Magnitudes[string(b)]
		if b == nil || !isMag {
			if iso, ok := currencyCodes[strings.ToUpper(rest)]; ok && len(rest) == 3 {
				q.kind, q.unit = whosaid.Money, iso // "115USD"
				return v, end, false, true
			}
			if iso, ok := currencySymbols[rest]; ok {
				q.kind, q.unit = whosaid.Money, iso // "100元"
				return v, end, false, true
			}
			return 0, 0, false, false // "5th", "10am", "3D"
		}
		v *= m
		v, end = a.stackedMagnitude(end, v, m)
		scaled = true
	}
	if !scaled {
		if m, ok := a.magnitude(end); ok {
			v *= m
			scaled = true
			end++
			v, end = a.stackedMagnitude(end, v, m)
		}
	}
	return v, end, scaled, true
}

// stackedMagnitude applies a larger magnitude word at token end after one
// of factor m: "₹1.5 lakh crore" is 1.5 × 10⁵ × 10⁷, "a thousand crore"
// 10¹⁰, "one thousand million" 10⁹.
func (a *amountScan) stackedMagnitude(end int, v, m float64) (float64, int) {
	if m2, ok := a.magnitude(end); ok && m2 > m {
		return v * m2, end + 1
	}
	return v, end
}

// isMagnitude reports whether token i is a magnitude word.
func (a *amountScan) isMagnitude(i int) bool {
	_, ok := a.magnitude(i)
	return ok
}

// magnitude returns the factor of token i when it is a magnitude word.
func (a *amountScan) magnitude(i int) (float64, bool) { return text.Magnitude(a.tok(i)) }

// compound reads the hyphenated remainder of a number token: magnitudes,
// a currency or percent word ("34-billion-euro", "5-percent",
// "0.25-percentage-point", "12-cent"), or a range ("3-4"). head is the byte
// length of the number. It returns false when the token is something else
// ("10-year", "6-4").
func (a *amountScan) compound(j int, t string, head int, v *float64, scaled *bool, q *quantity) bool {
	tk := a.d.Tokens[j]
	rest := t[head:]
	if len(rest) > 1 && text.IsDigit(rest[1]) {
		// A range inside one token: "3-4 percent", "$5-7 billion".
		v2, n2, _ := text.LeadingNumber(rest[1:])
		if 1+n2 != len(rest) {
			return false
		}
		q2 := quantity{start: j, end: j + 1, value: v2, subStart: tk.Start + head + 1}
		q2.textEnd = tk.End
		if m, ok := a.magnitude(j + 1); ok {
			q2.value *= m
			*v *= m
			q2.scaled = true
			q2.end++
		}
		if !a.percentAfter(&q2) {
			if u, n := a.currencyAfter(q2.end); n > 0 {
				q2.kind, q2.unit = whosaid.Money, u.iso
				q2.end += n
			} else if q.unit != "" || a.prefixBefore(j) != "" {
				q2.kind = whosaid.Money
			} else {
				return false
			}
		}
		q2.textEnd = a.d.Tokens[q2.end-1].End
		q.kind, q.unit = q2.kind, q2.unit
		if q2.unit == "" {
			q.unit = a.prefixBefore(j)
			q2.unit = q.unit
		}
		if q2.unit == "pp" && a.basisPoints(j+1) {
			*v /= 100
		}
		q.textEnd = tk.Start + head
		q.end = j + 1
		q.value = *v
		a.emit(*q)
		*q = q2
		*v = q2.value
		return true
	}
	parts := strings.Split(strings.ToLower(rest[1:]), "-")
	consumed := head
	for k := 0; k < len(parts); k++ {
		p := parts[k]
		if m, ok := text.Magnitudes[p]; ok && len(p) > 1 {
			*v *= m
			*scaled = true
			consumed += 1 + len(p)
			continue
		}
		switch {
		case p == "percent" || p == "pct" || p == "per" && k+1 < len(parts) && parts[k+1] == "cent":
			q.kind, q.unit = whosaid.Percent, "%"
		case p == "percentage" && k+1 < len(parts) && strings.HasPrefix(parts[k+1], "point"):
			q.kind, q.unit = whosaid.Percent, "pp"
		case p == "basis" && k+1 < len(parts) && strings.HasPrefix(parts[k+1], "point"):
			q.kind, q.unit = whosaid.Percent, "pp"
			*v /= 100
		default:
			if u, ok := currencyNames[p]; ok && p != "won" {
				q.kind, q.unit = whosaid.Money, u.iso
				*v *= u.scale
			} else if a.prefixBefore(j) != "" {
				// "$70-a-share": the amount is the number alone.
				q.textEnd = tk.Start + consumed
				return true
			} else {
				return false
			}
		}
		q.textEnd = tk.End
		return true
	}
	return a.prefixBefore(j) != ""
}

// percentAfter reads a percent unit at token q.end: "%", "percent", "per
// cent", "pct", "percentage point(s)", "basis points", "bps".
func (a *amountScan) percentAfter(q *quantity) bool {
	j := q.end
	t := a.tok(j)
	if t == "" {
		return false
	}
	n := 0
	unit := "%"
	bp := false
	var buf [24]byte
	b := text.Fold(buf[:], t)
	switch w := string(b); {
	case t == "%" || t == "٪":
		n = 1
	case w == "percent" || w == "pct" || w == "percents" || w == "pc":
		n = 1
		if a.is(j+1, "point") || a.is(j+1, "points") {
			n, unit = 2, "pp"
		}
	case w == "per" && a.is(j+1, "cent"):
		n = 2
	case w == "percentage":
		n = 1
		if a.is(j+1, "point") || a.is(j+1, "points") {
			n, unit = 2, "pp"
		}
	case w == "percentage-point" || w == "percentage-points":
		n, unit = 1, "pp"
	case w == "basis" && (a.is(j+1, "point") || a.is(j+1, "points")):
		n, unit, bp = 2, "pp", true
	case w == "basis-point" || w == "basis-points" || w == "bps" || w == "bp":
		n, unit, bp = 1, "pp", true
	}
	if n == 0 {
		return false
	}
	q.kind, q.unit = whosaid.Percent, unit
	if bp {
		q.value /= 100
	}
	q.end = j + n
	q.textEnd = a.d.Tokens[q.end-1].End
	return true
}

// basisPoints reports whether the percent unit at token j is in basis points.
func (a *amountScan) basisPoints(j int) bool {
	return a.is(j, "basis") || a.is(j, "bps") || a.is(j, "bp") || strings.HasPrefix(strings.ToLower(a.tok(j)), "basis-")
}

// rangeUnit completes the first end of a range from the second: "between 3
// and 4 percent" gives 3 its percent; "$5 to 7 billion" gives $5 its
// billion. It reports whether q now has a unit.
func (a *amountScan) rangeUnit(q *quantity) bool {
	j := q.end
	t := a.tok(j)
	if !(a.is(j, "to") || a.is(j, "and") || a.is(j, "or") || t == "-" || t == "–") {
		return q.kind != ""
	}
	q2, ok := a.read(j + 1)
	if !ok || q2.kind == "" || q.kind != "" && (q.kind != q2.kind || q.unit != q2.unit) {
		return q.kind != ""
	}
	if q.kind == "" {
		q.kind, q.unit = q2.kind, q2.unit
		if q2.unit == "pp" && a.basisPoints(q2.end-2) || q2.unit == "pp" && a.basisPoints(q2.end-1) {
			q.value /= 100
		}
		if b, _, ok := text.LeadingNumber(a.tok(j + 1)); ok && b > 0 && q2.kind == whosaid.Money && !q2.scaled {
			if r := q2.value / b; r > 0.0099 && r < 0.0101 {
				q.value /= 100 // "42 to 44 cents": the first end is in cents too
			}
		}
	}
	if !q.scaled && q2.scaled {
		// Scale by the second's magnitude: its value over its bare number.
		if m, ok := a.magnitude(a.numberTokenEnd(j+1) + 0); ok {
			q.value *= m
		} else if m, ok := a.glued(j + 1); ok {
			q.value *= m
		}
	}
	return true
}

// numberTokenEnd returns the token after the number of the amount at i
// (skipping a currency prefix).
func (a *amountScan) numberTokenEnd(i int) int {
	k := i
	if a.prefix(i, &k) == "" {
		k = i
	}
	return k + 1
}

// glued returns the magnitude glued to the number of the amount at i
// ("7bn").
func (a *amountScan) glued(i int) (float64, bool) {
	k := a.numberTokenEnd(i) - 1
	t := a.tok(k)
	if t == "" || !text.IsDigit(t[0]) {
		return 0, false
	}
	_, n, _ := text.LeadingNumber(t)
	var buf [8]byte
	b := text.Fold(buf[:], t[n:])
	m, ok := text.Magnitudes[string(b)]
	return m, ok && b != nil && len(b) > 0
}

// emit records q, extending a percentage with the base it names.
func (a *amountScan) emit(q quantity) {
	start := a.d.Tokens[q.start].Start
	if q.subStart >= 0 {
		start = q.subStart
	}
	am := whosaid.Amount{Kind: q.kind, Value: roundValue(q.value), Unit: q.unit, Start: start, End: q.textEnd}
	last := q.end
	if q.kind == whosaid.Percent {
		if of, end, ofEnd := a.base(q.end); of != "" {
			am.Of = of
			am.End = ofEnd
			last = end
		}
	}
	am.Text = a.d.Text[am.Start:am.End]
	am.Target, am.Deadline, am.Holder = a.target(q.start, last, am.End)
	a.out = append(a.out, am)
}

// base reads "of gross domestic product" after a percentage at token i. It
// returns the base (without a possessive pronoun: "of its budget" →
// "budget"), the token after it and its end offset. The base stops at
// prepositions, clause words, numbers and dates, which begin the next part
// of the sentence ("of GDP by 2027", "of its budget last year").
func (a *amountScan) base(i int) (string, int, int) {
	if !a.is(i, "of") {
		return "", 0, 0
	}
	first, last := -1, -1
	var buf [24]byte
	for k := i + 1; k < len(a.d.Tokens) && k <= i+7; k++ {
		t := a.tok(k)
		if t == "" || !isWordStart(t) || a.inDate(a.d.Tokens[k].Start) {
			break
		}
		b := text.Fold(buf[:], t)
		if b != nil && (baseStops[string(b)] || pollVerbs[string(b)] && !determiners[strings.ToLower(a.tok(k-1))]) {
			break
		}
		if b != nil && approximators[string(b)] && (first < 0 || a.is(first, "the") && last == first) {
			return "", 0, 0
		}
		if b != nil && (string(b) == "the" || string(b) == "a" || string(b) == "an" || possessivePronouns[string(b)]) && first >= 0 {
			break
		}
		if first < 0 && b != nil && possessivePronouns[string(b)] {
			continue
		}
		if first < 0 {
			first = k
		}
		last = k
	}
	if first < 0 || last == first && (a.is(first, "the") || a.is(first, "a")) {
		return "", 0, 0
	}
	s, e := a.d.Tokens[first].Start, a.d.Tokens[last].End
	return a.d.Text[s:e], last + 1, e
}

// isWordStart reports whether t starts with a letter (not a digit or mark).
func isWordStart(t string) bool {
	c := t[0]
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c >= 0x80 && t != "’" && t != "”" && t != "“" && t != "—" && t != "–"
}

var possessivePronouns = map[string]bool{"its": true, "their": true, "his": true, "her": true,
	"our": true, "my": true, "your": true}

// baseStops end the base of a percentage.
var baseStops = map[string]bool{
	"in": true, "on": true, "at": true, "by": true, "for": true, "from": true, "to": true, "with": true,
	"since": true, "until": true, "during": true, "over": true, "than": true, "as": true, "against": true,
	"into": true, "per": true, "after": true, "before": true, "under": true, "between": true,
	"through": true, "within": true, "among": true, "across": true, "and": true, "or": true, "but": true, "nor": true,
	"that": true, "which": true, "who": true, "whom": true, "whose": true, "where": true, "when": true,
	"while": true, "is": true, "was": true, "are": true, "were": true, "has": true, "have": true,
	"had": true, "will": true, "would": true, "said": true, "says": true, "this": true, "last": true,
	"next": true, "a": false, "year-on-year": true, "annually": true, "each": true, "every": true,
}

// pollVerbs end a base, whose subject it is ("40 percent of Americans own
// no stocks", "12% of Democrats say"), unless a determiner makes them a
// noun ("51 percent of the support of likely voters").
var pollVerbs = map[string]bool{
	"say": true, "think": true, "believe": true, "support": true, "oppose": true, "approve": true,
	"disapprove": true, "want": true, "favor": true, "favour": true, "own": true, "agree": true,
	"disagree": true, "prefer": true, "expect": true, "feel": true, "do": true, "did": true,
	"does": true, "can": true, "could": true, "should": true, "may": true, "might": true, "must": true,
}

// approximators before a number end a base that has named nothing yet:
// "15 percent of the roughly 54,000 pages" has no base of its own words.
var approximators = map[string]bool{"roughly": true, "about": true, "around": true, "nearly": true,
	"almost": true, "some": true, "approximately": true, "over": true, "more": true}

// inDate reports whether byte offset off lies inside a found date.
func (a *amountScan) inDate(off int) bool {
	for _, d := range a.dates {
		if off >= d.Start && off < d.End {
			return true
		}
	}
	return false
}
