package speech

import (
	"strconv"
	"strings"

	"github.com/whosaid/whosaid"

	"github.com/whosaid/whosaid/extract/internal/text"
)

// genderBefore reads Mr./Mrs./Ms. just before token k.
func (a *analyzer) genderBefore(k int) byte {
	for j := k; j >= 0 && j >= k-2; j-- {
		switch strings.TrimSuffix(a.low[j], ".") {
		case "mr":
			return 'm'
		case "mrs", "ms":
			return 'f'
		}
	}
	return 0
}

// lookupGender finds the most recent registered person whose name ends with
// surname and whose gender, when known, is g: Mr. and Mrs. Smith stay apart.
func (a *analyzer) lookupGender(surname string, pos int, g byte) (string, bool) {
	best, ok := "", false
	lsur := strings.ToLower(surname)
	for i := range a.reg {
		r := &a.reg[i]
		if r.pos >= pos {
			break
		}
		// r.lname is r.name lower-cased.
		if r.kind == whosaid.KindPerson && (r.gender == g) && strings.HasSuffix(r.lname, lsur) {
			best, ok = r.name, true
		}
	}
	return best, ok
}

// resolvePronoun finds who "he" or "she" stands for: the most recent speaker
// or sentence-opening person in the same paragraph, else the last speaker,
// else the last person named. "it" goes to the last organization.
func (a *analyzer) resolvePronoun(w string, pos int) whosaid.Speaker {
	para := a.paraAt(pos)
	switch w {
	case "he", "she":
		var best *focusItem
		for _, allowWeak := range []bool{false, true} {
			for i := range a.focus {
				f := &a.focus[i]
				if f.pos >= pos || f.para != para || f.sp.Kind == whosaid.KindOrganization || f.sp.Kind == whosaid.KindUnknown || f.weak && !allowWeak {
					continue
				}
				if best == nil || f.pos > best.pos {
					best = f
				}
			}
			if best != nil {
				break
			}
		}
		if best == nil {
			for i := range a.focus {
				f := &a.focus[i]
				if f.pos >= pos || f.sp.Kind == whosaid.KindOrganization || f.sp.Kind == whosaid.KindUnknown {
					continue
				}
				if best == nil || f.pos > best.pos || f.isSpeaker() && !best.isSpeaker() && best.para == f.para {
					best = f
				}
			}
		}
		if best != nil {
			return whosaid.Speaker{Name: best.sp.Name, Kind: best.sp.Kind}
		}
		for i := len(a.reg) - 1; i >= 0; i-- {
			if r := a.reg[i]; r.pos < pos && r.kind == whosaid.KindPerson {
				return whosaid.Speaker{Name: r.name, Kind: r.kind}
			}
		}
	case "it":
		if sp, ok := a.resolveOrgRole("", pos); ok {
			return sp
		}
	case "they":
		// The latest group or body that spoke, in this paragraph or the one
		// before; else an unnamed group.
		for i := len(a.focus) - 1; i >= 0; i-- {
			f := a.focus[i]
			if f.pos >= pos || f.para < para-1 {
				continue
			}
			if f.sp.Kind == whosaid.KindOrganization || f.sp.Kind == whosaid.KindAnonymous && strings.HasSuffix(f.sp.Name, "s") {
				return whosaid.Speaker{Name: f.sp.Name, Kind: f.sp.Kind}
			}
		}
		return whosaid.Speaker{Name: "they", Kind: whosaid.KindAnonymous}
	}
	return whosaid.Speaker{Kind: whosaid.KindUnknown}
}

// isSpeaker reports whether the focus item came from an attribution rather
// than a mere mention.
func (f *focusItem) isSpeaker() bool {
	return f.spoke
}

// resolveRole finds the person or anonymous source a definite role noun
// ("the official", "the minister", "one of the delegates") refers to: the
// latest speaker or named person whose description holds the role word.
func (a *analyzer) resolveRole(role string, pos int) (whosaid.Speaker, bool) {
	stem := strings.TrimSuffix(role, "s")
	var best whosaid.Speaker
	bestPos := -1
	for _, f := range a.focus {
		if f.pos >= pos || f.sp.Kind == whosaid.KindOrganization || f.sp.Kind == whosaid.KindUnknown {
			continue
		}
		if f.pos > bestPos && (containsWord(strings.ToLower(f.sp.Name), stem) || containsWord(strings.ToLower(f.desc), stem)) {
			best, bestPos = f.sp, f.pos
		}
	}
	if bestPos >= 0 {
		return whosaid.Speaker{Name: best.Name, Kind: best.Kind}, true
	}
	for i := len(a.reg) - 1; i >= 0; i-- {
		r := a.reg[i]
		if r.pos < pos && r.kind == whosaid.KindPerson && !r.weak && containsWord(strings.ToLower(r.desc), stem) {
			return whosaid.Speaker{Name: r.name, Kind: r.kind}, true
		}
	}
	return whosaid.Speaker{}, false
}

// containsWord reports whether s holds a word starting with stem ("minister"
// matches "ministers", "official" matches "officials").
func containsWord(s, stem string) bool {
	for i := 0; ; {
		j := strings.Index(s[i:], stem)
		if j < 0 {
			return false
		}
		j += i
		e := j + len(stem)
		// The word may go on by a plural ending only: "minister" matches
		// "ministers" but "man" does not match "many".
		if e < len(s) && s[e] == 's' {
			e++
		} else if e+1 < len(s) && s[e] == 'e' && s[e+1] == 's' {
			e += 2
		}
		if (j == 0 || !text.IsWordRune(rune(s[j-1]))) && (e >= len(s) || !text.IsWordRune(rune(s[e]))) {
			return true
		}
		i = j + 1
	}
}

// resolveOrgRole finds the organization "the ministry", "the company", "the
// statement" or "it" refers to: the latest organization speaker or name
// holding the role word, else the latest organization speaker, else the
// first organization of the story that is not the news agency.
func (a *analyzer) resolveOrgRole(role string, pos int) (whosaid.Speaker, bool) {
	generic := role == "" || role == "statement" || role == "company" || role == "group" || role == "firm" || role == "report"
	var last whosaid.Speaker
	lastPos := -1
	if role == "statement" || role == "report" {
		// "the statement said": whoever issued the last statement.
		for _, f := range a.focus {
			if f.pos < pos && f.sp.Kind == whosaid.KindOrganization && f.pos > lastPos && strings.Contains(strings.ToLower(f.desc), role) {
				last, lastPos = f.sp, f.pos
			}
		}
		if lastPos >= 0 {
			return whosaid.Speaker{Name: last.Name, Kind: last.Kind}, true
		}
	}
	for _, f := range a.focus {
		if f.pos < pos && f.sp.Kind == whosaid.KindOrganization && f.pos > lastPos {
			if role == "" || generic || containsWord(strings.ToLower(f.sp.Name), role) {
				last, lastPos = f.sp, f.pos
			}
		}
	}
	if lastPos >= 0 {
		return whosaid.Speaker{Name: last.Name, Kind: last.Kind}, true
	}
	for i := len(a.reg) - 1; i >= 0 && role != ""; i-- {
		r := a.reg[i]
		if r.pos < pos && r.kind == whosaid.KindOrganization && containsWord(r.lname, role) {
			return whosaid.Speaker{Name: r.name, Kind: r.kind}, true
		}
	}
	if generic {
		for _, r := range a.reg {
			if r.pos < pos && r.kind == whosaid.KindOrganization && r.pos >= a.bodyStart && !a.isAgencyMention(r) {
				return whosaid.Speaker{Name: r.name, Kind: r.kind}, true
			}
		}
	}
	return whosaid.Speaker{}, false
}

// isAgencyMention reports whether r is the news agency the story was told to
// ("told AFP"), which is never the company a story is about.
func (a *analyzer) isAgencyMention(r regEntry) bool {
	pre := strings.TrimSpace(a.d.Text[max(0, r.pos-12):r.pos])
	return strings.HasSuffix(pre, "told") || strings.HasSuffix(pre, "(")
}

// resolveAge finds the person "the 23-year-old" refers to: one introduced
// with that age ("Zhou, 26,", "a 34-year-old mother"), else the subject of the
// sentence before the first "the N-year-old".
func (a *analyzer) resolveAge(w string, pos int) whosaid.Speaker {
	n := strings.TrimSuffix(w, "-year-old")
	if _, err := strconv.Atoi(n); err != nil {
		return whosaid.Speaker{Kind: whosaid.KindUnknown}
	}
	t := a.d.Text
	first := strings.Index(t, n+"-year-old")
	if first < 0 || first >= pos {
		first = pos
	}
	// "Name, N," earlier in the text.
	if i := strings.Index(t[:pos], ", "+n+","); i >= 0 {
		if r, ok := a.regEndingAt(i); ok {
			return whosaid.Speaker{Name: r.name, Kind: r.kind}
		}
	}
	s := a.d.SentenceAt(first)
	if s > 0 {
		prev := a.d.Sentences[s-1]
		for _, r := range a.reg {
			if r.pos >= prev.Start && r.pos < prev.End && r.kind == whosaid.KindPerson {
				return whosaid.Speaker{Name: r.name, Kind: r.kind}
			}
		}
	}
	return whosaid.Speaker{Name: w, Kind: whosaid.KindAnonymous}
}

// regEndingAt finds a registered name whose mention ends at off, the name
// an age apposition ("Zhou, 26,") belongs to.
func (a *analyzer) regEndingAt(off int) (regEntry, bool) {
	for i := len(a.reg) - 1; i >= 0; i-- {
		r := a.reg[i]
		if r.pos < off && off-r.pos <= 40 {
			if strings.HasSuffix(a.d.Text[r.pos:off], strings.Fields(r.name)[len(strings.Fields(r.name))-1]) {
				return r, true
			}
		}
	}
	return regEntry{}, false
}

// addFocus records a speaker as the latest antecedent for pronouns and
// role nouns.
func (a *analyzer) addFocus(pos int, sp whosaid.Speaker, desc string) {
	if sp.Kind == whosaid.KindUnknown {
		return
	}
	a.focus = append(a.focus, focusItem{pos: pos, para: a.paraAt(pos), sp: whosaid.Speaker{Name: sp.Name, Kind: sp.Kind}, desc: desc, spoke: true})
}
