package text

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/whosaid/whosaid/internal/benchtest"

	"github.com/stretchr/testify/assert"
)

// tokenizeReference is tokenize as first written, with the unicode package
// for every rune; the fast one must cut exactly the same tokens.
func tokenizeReference(out []Token, text string) []Token {
	isWord := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
	abbrev := func(s string) bool {
		for _, p := range strings.Split(s, ".") {
			if utf8.RuneCountInString(p) != 1 || !unicode.IsLetter(lastRune(p)) {
				return false
			}
		}
		return true
	}
	i := 0
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		if unicode.IsSpace(r) {
			i += n
			continue
		}
		if !isWord(r) {
			out = append(out, Token{i, i + n})
			i += n
			continue
		}
		s := i
		i += n
		for i < len(text) {
			r, n := utf8.DecodeRuneInString(text[i:])
			if isWord(r) {
				i += n
				continue
			}
			if (r == '\'' || r == '’' || r == '-' || r == '.' || r == ',') && i+n < len(text) {
				r2, _ := utf8.DecodeRuneInString(text[i+n:])
				if isWord(r2) && (r != ',' || unicode.IsDigit(r2) && unicode.IsDigit(lastRune(text[s:i]))) &&
					(r != '.' || unicode.IsDigit(r2) || abbrev(text[s:i])) {
					i += n
					continue
				}
			}
			if r == '.' && strings.Contains(text[s:i], ".") && abbrev(text[s:i]) {
				i += n
			}
			break
		}
		out = append(out, Token{s, i})
	}
	return out
}

// TestTokenizeMatchesReference compares the tokenizer with the reference
// on nasty strings, the gold articles and, when ../shared is beside the
// checkout, the PolNeAR train texts.
func TestTokenizeMatchesReference(t *testing.T) {
	texts := []string{
		"",
		" ",
		"U.S. officials said the U.N. and U.K. met.",
		"don't O’Malley well-known 1,000.5 3.5% $4bn",
		"J. R. R. Tolkien wrote A.B.C.D.E.F. and x.y.",
		"a.", ".a", "a..b", "1,a", "a,1", "1,1,", "'quoted' ‘curly’ “double”",
		"İstanbul ÇAĞRI naïve façade ΣΊΣΥΦΟΣ 東京 straße\u00a0nbsp\u0085nel\u2028ls",
		"bad \xff utf-8 \xfe\xfe bytes, a\xffb, 1\xff2",
		"tabs\tand\nnew\r\nlines\v\f",
	}
	texts = append(texts, benchtest.GoldTexts(t)...)
	paths, _ := filepath.Glob("../../../../shared/data/polnear/train/text/*.txt")
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err == nil {
			texts = append(texts, string(data))
		}
	}
	for _, text := range texts {
		want := tokenizeReference(nil, text)
		got := Tokenize(nil, text)
		if len(want) == 0 {
			assert.Empty(t, got, text)
			continue
		}
		if !assert.Equal(t, want, got) {
			t.Logf("text: %.200q", text)
			return
		}
	}
}
