package extract

import (
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/whosaid/whosaid"
)

func qDatelineEnd(t string) int {
	lim := len(t)
	if lim > 120 {
		lim = 120
	}
	head := t[:lim]
	if nl := strings.IndexByte(head, '\n'); nl >= 0 {
		head = head[:nl]
	}
	cp := strings.IndexByte(head, ')')
	if cp < 0 {
		return 0
	}
	for _, sep := range []string{" -- ", " — ", " – ", " - "} {
		if i := strings.Index(head[cp:], sep); i >= 0 && i < 8 {
			return cp + i + len(sep)
		}
	}
	return 0
}

func (a *qAnalyzer) tokAt(off int) int {
	return sort.Search(len(a.d.Tokens), func(i int) bool { return a.d.Tokens[i].Start >= off })
}

func (a *qAnalyzer) isCap(k int) bool {
	r, _ := utf8.DecodeRuneInString(a.d.Tok(k))
	return unicode.IsUpper(r)
}

func (a *qAnalyzer) isWordTok(k int) bool {
	r, _ := utf8.DecodeRuneInString(a.d.Tok(k))
	return isWordRune(r)
}

func (a *qAnalyzer) sentStartTok(k int) int {
	s := a.d.SentenceAt(a.d.Tokens[k].Start)
	if s < 0 {
		return k
	}
	return a.sentTok[s][0]
}

var qAbbrevDot = map[string]bool{
	"inc": true, "corp": true, "ltd": true, "co": true, "jr": true, "sr": true, "st": true,
	"dr": true, "mr": true, "mrs": true, "ms": true, "prof": true, "gen": true, "sen": true,
	"rep": true, "gov": true, "lt": true, "col": true, "capt": true, "adm": true, "sgt": true,
}

var qDateWords = map[string]bool{
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true,
	"saturday": true, "sunday": true, "january": true, "february": true, "march": true,
	"april": true, "june": true, "july": true, "august": true, "september": true,
	"october": true, "november": true, "december": true,
}

func (a *qAnalyzer) runEnd(k, lim int) int {
	e := k
	for e < lim {
		t := a.d.Tok(e)
		switch {
		case a.isCap(e) && a.isWordTok(e) && !qDateWords[a.low[e]]:
			e++
		case (t == "+" || t == "&") && e > k && a.d.Tokens[e].Start == a.d.Tokens[e-1].End:
			e++
		case t == "." && e > k && qAbbrevDot[a.low[e-1]] && a.d.Tokens[e].Start == a.d.Tokens[e-1].End:
			e++
		case (qNameParticles[t] || qOrgParticles[t] && t != "the") && e > k && e+1 < lim && a.isCap(e+1) && !qDateWords[a.low[e+1]]:
			if t == "and" || t == "&" {
				// "Mr. John Hale and Mrs. Edith Hale" are two people; "Ministry
				// of Internal Affairs and Communications" is one body.
				hasOrg := false
				for j := k; j < e; j++ {
					hasOrg = hasOrg || qOrgWords[a.low[j]]
				}
				if !hasOrg {
					return e
				}
			}
			e++
		default:
			return e
		}
	}
	return e
}

func (a *qAnalyzer) buildRegistry() {
	d := a.d
	for _, e := range a.ents {
		lname := strings.ToLower(e.Name)
		titles := strings.Join(e.Titles, " ")
		kind := ""
		switch e.Type {
		case whosaid.Person:
			kind = whosaid.KindPerson
		case whosaid.Org:
			kind = whosaid.KindOrganization
		default:
			continue
		}
		for _, m := range e.Mentions {
			desc := a.context(m.Start, m.End)
			if titles != "" {
				desc = titles + " " + desc
			}
			a.reg = append(a.reg, qRegEntry{name: e.Name, lname: lname, kind: kind, desc: desc, pos: m.Start, para: d.ParagraphAt(m.Start),
				subject: a.isSubjectPos(m.Start)})
		}
	}
	for s := range d.Sentences {
		t0, t1 := a.sentTok[s][0], a.sentTok[s][1]
		for k := t0; k < t1; {
			if !a.isCap(k) || !a.isWordTok(k) || d.Tokens[k].Start < a.bodyStart || a.inQ[k] {
				k++
				continue
			}
			e := a.runEnd(k, t1)
			if e == k {
				k++
				continue
			}
			if a.overlapsAnyEnt(d.Tokens[k].Start, d.Tokens[e-1].End) {
				k = e
				continue
			}
			name, kind, titled, gender, ns := a.nameFromRun(k, e)
			if gender != 0 && kind == whosaid.KindPerson {
				// "Mr Pell" after "Mr Graham Pell and Mrs Alison Pell": the
				// title tells which Pell.
				if r, ok := a.lookupGender(d.Tok(e-1), d.Tokens[ns].Start, gender); ok {
					name = r
				}
			}
			if name != "" {
				weak := !titled && kind == whosaid.KindPerson
				if k == t0 && e-k == 1 && !titled {
					// A lone capital opening a sentence is usually a common word.
					if _, ok := a.lookupName(name, d.Tokens[k].Start, ""); !ok {
						k = e
						continue
					}
				}
				start := d.Tokens[ns].Start
				a.reg = append(a.reg, qRegEntry{name: name, lname: strings.ToLower(name), kind: kind, desc: a.context(d.Tokens[k].Start, d.Tokens[e-1].End),
					pos: start, weak: weak, subject: k == t0 || a.isSubjectPos(d.Tokens[k].Start), para: d.ParagraphAt(start), gender: gender})
			}
			k = e
		}
	}
	slices.SortStableFunc(a.reg, func(x, y qRegEntry) int { return x.pos - y.pos })
	for _, r := range a.reg {
		if r.kind == whosaid.KindPerson && r.subject {
			a.focus = append(a.focus, qFocusItem{pos: r.pos, para: r.para, sp: whosaid.Speaker{Name: r.name, Kind: r.kind}, desc: r.desc, weak: r.weak})
		}
	}
}

func (a *qAnalyzer) isSubjectPos(off int) bool {
	s := a.d.SentenceAt(off)
	if s < 0 {
		return false
	}
	st := a.d.Sentences[s].Start
	if st < a.bodyStart && off >= a.bodyStart {
		st = a.bodyStart
	}
	pre := strings.TrimSpace(a.d.Text[st:off])
	if pre == "" || strings.EqualFold(pre, "the") {
		return true
	}
	if !strings.HasSuffix(pre, ",") || len(pre) >= 60 || strings.Count(pre, ",") != 1 {
		return false
	}
	fw := pre
	if i := strings.IndexAny(fw, " ,"); i >= 0 {
		fw = fw[:i]
	}
	fw = strings.ToLower(fw)
	// "In Vienna, X…" or "Its chairman, X, …".
	return qIntroWords[fw] || qDeterminers[fw] && strings.Count(pre, " ") < 4
}

func (a *qAnalyzer) context(start, end int) string {
	s := a.d.SentenceAt(start)
	if s < 0 {
		return ""
	}
	sp := a.d.Sentences[s]
	b := start
	words := 0
	for b > sp.Start && words < 5 {
		c := a.d.Text[b-1]
		if c == ',' || c == '.' || c == ';' || c == '"' {
			break
		}
		if c == ' ' {
			words++
		}
		b--
	}
	e := end
	if e+2 < sp.End && a.d.Text[e] == ',' {
		e++
		for e < sp.End && a.d.Text[e] != ',' && a.d.Text[e] != '.' {
			e++
		}
	}
	return a.d.Text[b:e]
}

func (a *qAnalyzer) coveredByEnt(s, e int) bool {
	_, ok := a.entAt(s, e)
	return ok
}

func (a *qAnalyzer) overlapsAnyEnt(s, e int) bool {
	for _, en := range a.ents {
		for _, m := range en.Mentions {
			if m.Start < e && m.End > s {
				return true
			}
		}
	}
	return false
}

func (a *qAnalyzer) entAt(s, e int) (whosaid.Speaker, bool) {
	best, bestEnd := whosaid.Speaker{}, -1
	for _, en := range a.ents {
		if en.Type != whosaid.Person && en.Type != whosaid.Org {
			continue
		}
		for _, m := range en.Mentions {
			if m.Start < e && m.End > s && m.End > bestEnd {
				kind := whosaid.KindPerson
				if en.Type == whosaid.Org {
					kind = whosaid.KindOrganization
				}
				best, bestEnd = whosaid.Speaker{Name: en.Name, Kind: kind}, m.End
			}
		}
	}
	return best, bestEnd >= 0
}

func qIsAcronym(s string) bool {
	n := 0
	for _, r := range s {
		switch {
		case unicode.IsUpper(r):
			n++
		case r == '.' || r == '+' || r == '&':
		default:
			return false
		}
	}
	return n >= 2
}

func qInitials(name string) string {
	var b strings.Builder
	for _, f := range strings.Fields(name) {
		if qOrgParticles[f] || qNameParticles[f] {
			continue
		}
		r, _ := utf8.DecodeRuneInString(f)
		if unicode.IsUpper(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

var qAcronymStrip = strings.NewReplacer(".", "", "+", "")

func (a *qAnalyzer) lookupName(name string, pos int, kind string) (qRegEntry, bool) {
	lname := strings.ToLower(name)
	acro := qIsAcronym(name)
	bare := qAcronymStrip.Replace(name)
	best, found := qRegEntry{}, false
	score := func(r qRegEntry) int {
		ln := r.lname
		switch {
		case ln == lname:
			return 3
		case r.kind == whosaid.KindPerson && (qHasWordSuffix(ln, lname) || qHasWordPrefix(ln, lname)):
			return 2
		case r.kind == whosaid.KindOrganization && qHasWordPrefix(ln, lname):
			return 2
		case acro && r.kind == whosaid.KindOrganization && len(bare) >= 2 && qInitials(r.name) == bare:
			return 2
		}
		return 0
	}
	bestScore := 0
	for _, r := range a.reg {
		if r.pos >= pos && found {
			break
		}
		if kind == whosaid.KindPerson && r.kind != whosaid.KindPerson && !acro {
			// An org name can still be met in short ("Quillon"), so only skip
			// orgs when the short form could not be one.
			if !qHasWordPrefix(r.lname, lname) {
				continue
			}
		}
		sc := score(r)
		if sc == 0 || len(r.name) < len(name) && sc < 3 {
			continue
		}
		if r.weak && sc < 3 && !found {
			sc = 1
		}
		if r.pos < pos && sc >= bestScore || !found {
			best, found, bestScore = r, true, sc
		}
	}
	if found && strings.EqualFold(best.name, name) && best.weak {
		return best, true
	}
	return best, found
}

func qHasWordPrefix(s, w string) bool {
	return len(s) > len(w) && s[len(w)] == ' ' && s[:len(w)] == w
}

func qHasWordSuffix(s, w string) bool {
	return len(s) > len(w) && s[len(s)-len(w)-1] == ' ' && s[len(s)-len(w):] == w
}
