package attrib

import (
	"strings"

	"github.com/whosaid/whosaid"
)

// link names the person a definite descriptor stands for: "the
// prosecutor", "the chief executive of Halden Rail", "his daughter", "the
// 44-year-old", a title the rules took for a name ("the Housing
// Secretary"). FORMAT.md gives such speech to the person named before;
// PolNeAR marks the descriptor itself, so the mention stays the
// descriptor's and only the name changes. The person is the latest named
// before the descriptor with its head word near one of their mentions
// ("Simon Garrow, prosecuting", "Ingrid Brekke, his daughter", "Housing
// Secretary Helen Ashworth"); for an age with no such person, the latest
// person named in its paragraph or the one before. It reports false, and
// the descriptor stays anonymous, when none is found.
func (a *article) link(s, e int, sp whosaid.Speaker) (whosaid.Speaker, bool) {
	if sp.Kind != whosaid.KindAnonymous && (sp.Kind != whosaid.KindPerson || a.isPersonName(sp.Name)) {
		return sp, false
	}
	if !containsFold(a.d.Text[s:e], sp.Name) {
		// The rules traced "the official" back to an unnamed source
		// described before ("a senior State Department official"): it
		// stays that source.
		return sp, false
	}
	k0, k1 := a.tokAt(s), a.tokAt(e)
	if k1-k0 < 2 || k1 > len(a.low) || !linkDets[a.low[k0]] {
		return sp, false
	}
	h := k1 - 1
	for j := k0 + 1; j < k1; j++ {
		if !a.tokFlagWord(j) || pronounWords[a.low[j]] {
			return sp, false // "the woman, who": no plain noun phrase
		}
		if prepositions[a.low[j]] {
			h = j - 1 // "the chief executive of Halden Rail": executive
			break
		}
	}
	head := a.low[h]
	if h <= k0 || !a.tokFlagWord(h) || plural(head) {
		return sp, false
	}
	for i := a.mentionAt(s) - 1; i >= 0; i-- {
		mt := &a.ments[i]
		// A mention typed "person" is one of a Person entity's, so its
		// name is a person's.
		if mt.typ != "person" || mt.m.End > s {
			continue
		}
		if a.nearWord(a.tokAt(mt.m.Start), a.tokAt(mt.m.End), head) {
			return whosaid.Speaker{Name: mt.name, Kind: whosaid.KindPerson}, true
		}
	}
	if !strings.HasSuffix(head, "-year-old") {
		return sp, false
	}
	p := a.d.ParagraphAt(s)
	if p < 0 {
		return sp, false
	}
	lo := a.d.Paragraphs[max(0, p-1)].Start
	for i := a.mentionAt(s) - 1; i >= 0 && a.ments[i].m.Start >= lo; i-- {
		if mt := &a.ments[i]; mt.typ == "person" && mt.m.End <= s {
			return whosaid.Speaker{Name: mt.name, Kind: whosaid.KindPerson}, true
		}
	}
	return sp, false
}

// linkDets open a descriptor that stands for someone named before.
var linkDets = map[string]bool{"the": true, "his": true, "her": true}

// plural reports whether a descriptor's head word reads as a plural
// ("prosecutors", "officials"): a group, not the person named before.
func plural(w string) bool {
	return strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us")
}

// isPersonName reports whether name is a person the entity stage named.
func (a *article) isPersonName(name string) bool {
	for i := range a.ents {
		if a.ents[i].Type == whosaid.Person && a.ents[i].Name == name {
			return true
		}
	}
	return false
}

// linkSpan is how many words before and after a mention nearWord reads.
const linkBefore, linkAfter = 3, 8

// nearWord reports whether a word sharing its stem with w lies just before
// the mention in tokens [k0,k1) or just after it, in its sentence and
// outside quotation marks.
func (a *article) nearWord(k0, k1 int, w string) bool {
	d := a.d
	sn := d.SentenceAt(d.Tokens[k0].Start)
	if sn < 0 {
		return false
	}
	lo, hi := max(a.tokAt(d.Sentences[sn].Start), k0-linkBefore), min(a.tokAt(d.Sentences[sn].End), k1+linkAfter, len(a.low))
	for j := lo; j < hi; j++ {
		if (j < k0 || j >= k1) && !a.inQ[j] && sameStem(a.low[j], w) {
			return true
		}
	}
	return false
}

// sameStem reports whether two words are the same or share their first six
// letters or more ("prosecutor", "prosecuting"), a word and its plural
// aside.
func sameStem(x, y string) bool {
	if x == y {
		return true
	}
	if x == y+"s" || y == x+"s" {
		return false // "officials" near a name is not "the official"
	}
	n := 0
	for n < len(x) && n < len(y) && x[n] == y[n] {
		n++
	}
	return n >= 6 && n >= min(len(x), len(y))-4
}

// lowerWord reports whether the article writes w (lower-cased) in lower
// case somewhere: a common noun, not a name.
func (a *article) lowerWord(w string) bool {
	for k, l := range a.low {
		if l == w && a.d.Text[a.d.Tokens[k].Start:a.d.Tokens[k].End] == l {
			return true
		}
	}
	return false
}

// containsFold reports whether s holds sub, case folded, without the
// copies strings.ToLower makes.
func containsFold(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		if strings.EqualFold(s[i:i+len(sub)], sub) {
			return true
		}
	}
	return false
}
