package store

import (
	"strings"
	"unicode"
)

// ftsQuery turns what a user typed into a safe FTS5 MATCH expression, or ""
// when it holds nothing searchable.
//
// Every word becomes a quoted FTS5 string ("word", with " doubled), so FTS5
// operators and syntax typed by the user (AND, OR, NOT, NEAR(, ^, column:,
// parentheses) are searched for as plain words, never interpreted. The terms
// are ANDed, which FTS5 does for adjacent terms. Two forms are honoured:
//
//   - a trailing * on a word asks for a prefix match: defen* finds defense;
//   - text between a pair of double quotes is one phrase: "clear path".
//
// Words with no letter or digit (punctuation, a lone *) are dropped, since
// the tokenizer would drop them anyway and an empty phrase matches nothing.
func ftsQuery(input string) string {
	var terms []string
	for _, t := range SearchTerms(input) {
		q := `"` + strings.ReplaceAll(t.Text, `"`, `""`) + `"`
		if t.Prefix {
			q += "*"
		}
		terms = append(terms, q)
	}
	return strings.Join(terms, " ")
}

// SearchTerm is one term of a search as the user typed it: a word, a word
// with a trailing * (Prefix), or the text between a pair of double quotes
// (Phrase). Every term must match.
type SearchTerm struct {
	Text           string
	Phrase, Prefix bool
}

// SearchTerms splits what a user typed into the terms ftsQuery searches
// for (see there), dropping those with nothing searchable. Other backends
// search for the same terms.
func SearchTerms(input string) []SearchTerm {
	var terms []SearchTerm
	add := func(word string, phrase bool) {
		prefix := false
		if !phrase {
			trimmed := strings.TrimRight(word, "*")
			prefix = trimmed != word
			word = trimmed
		}
		if !strings.ContainsFunc(word, searchable) {
			return
		}
		terms = append(terms, SearchTerm{Text: word, Phrase: phrase, Prefix: prefix})
	}
	// A NUL ends a string for FTS5's parser ("unterminated string"), and
	// nobody searches for one: it separates words like a space.
	s := strings.ReplaceAll(input, "\x00", " ")
	for {
		s = strings.TrimLeftFunc(s, unicode.IsSpace)
		if s == "" {
			break
		}
		if s[0] == '"' {
			if end := strings.IndexByte(s[1:], '"'); end >= 0 {
				add(s[1:1+end], true)
				s = s[2+end:]
				continue
			}
		}
		end := strings.IndexFunc(s, unicode.IsSpace)
		if end < 0 {
			end = len(s)
		}
		add(s[:end], false)
		s = s[end:]
	}
	return terms
}

// Searchable reports whether r is part of a search token (letters,
// numbers, private-use characters), as FTS5's unicode61 tokenizer keeps.
func Searchable(r rune) bool { return searchable(r) }

// searchable reports whether the FTS5 unicode61 tokenizer keeps r as part of
// a token: letters, numbers and private-use characters.
func searchable(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.Is(unicode.Co, r)
}
