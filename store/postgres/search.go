package postgres

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/jackc/pgx/v5/pgtype"
	"golang.org/x/text/unicode/norm"

	"github.com/whosaid/whosaid/store"
)

// Full-text search finds the quotes and claims SQLite's FTS5 finds for the
// same --search text. PostgreSQL's parsers and dictionaries split and
// normalise words their own way ("U.S." is one token to them, two to FTS5),
// so whosaid does the splitting itself, as FTS5's unicode61 tokenizer with
// remove_diacritics does: a word is a run of letters, digits and
// private-use characters (store.Searchable), lower-cased, with its
// diacritics removed. The writer stores a row's words as a tsvector of
// those lexemes with their positions (tsvector), and a search becomes a
// tsquery over the same lexemes (tsquery): the terms of store.SearchTerms
// ANDed, a term of several words (a phrase, or "U.S.") as a <-> chain, a
// trailing * as a prefix match of the last word.

// maxLexeme is the longest word PostgreSQL keeps in a tsvector, in bytes;
// longer ones (no real word is) are left out of the index.
const maxLexeme = 2046

// maxPosition is the largest position a tsvector records; later words
// share it.
const maxPosition = 16383

// words splits text into search words.
func words(text string) []string {
	var out []string
	start := -1
	for i, r := range text {
		if store.Searchable(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			out = append(out, fold(text[start:i]))
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, fold(text[start:]))
	}
	return out
}

// fold lower-cases a word and removes its diacritics ("É" → "e").
func fold(w string) string {
	w = strings.ToLower(w)
	ascii := true
	for i := 0; i < len(w); i++ {
		if w[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return w
	}
	var b strings.Builder
	for _, r := range norm.NFD.String(w) {
		if !unicode.Is(unicode.Mn, r) {
			b.WriteRune(r)
		}
	}
	return norm.NFC.String(b.String())
}

// lexeme quotes a word for a tsvector or tsquery literal.
func lexeme(w string) string {
	return "'" + strings.ReplaceAll(strings.ReplaceAll(w, `\`, `\\`), "'", "''") + "'"
}

// tsvector is the tsvector of text's words with their positions.
func tsvector(text string) pgtype.TSVector {
	v := pgtype.TSVector{Valid: true}
	at := map[string]int{} // index in v.Lexemes
	for i, w := range words(text) {
		if len(w) > maxLexeme {
			continue
		}
		pos := pgtype.TSVectorPosition{Position: uint16(min(i+1, maxPosition)), Weight: pgtype.TSVectorWeightD}
		j, ok := at[w]
		if !ok {
			j = len(v.Lexemes)
			at[w] = j
			v.Lexemes = append(v.Lexemes, pgtype.TSVectorLexeme{Word: w})
		}
		ps := v.Lexemes[j].Positions
		if n := len(ps); n > 0 && ps[n-1].Position == pos.Position {
			continue // past maxPosition
		}
		v.Lexemes[j].Positions = append(ps, pos)
	}
	return v
}

// tsquery turns what a user typed into a tsquery literal, or "" when it
// holds nothing searchable (which matches nothing, as in SQLite).
func tsquery(input string) string {
	var terms []string
	for _, t := range store.SearchTerms(input) {
		ws := words(t.Text)
		if len(ws) == 0 {
			continue
		}
		parts := make([]string, len(ws))
		for i, w := range ws {
			parts[i] = lexeme(w)
		}
		if t.Prefix {
			parts[len(parts)-1] += ":*"
		}
		terms = append(terms, "("+strings.Join(parts, " <-> ")+")")
	}
	return strings.Join(terms, " & ")
}
