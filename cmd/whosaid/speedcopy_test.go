package main

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// extractSource is the extract package's source, read for its lexicon
// with that of its stage packages (extractStages under internal/).
const extractSource = "../../extract"

var extractStages = []string{"text", "entities", "dates", "money", "speech"}

// extractWords returns every lower-case word written in a string literal of
// the non-test source of package extract and its stages: its cue verbs, titles, number,
// date and currency words. A corpus copy leaves these alone (see
// speedCopy), so the copy gives the extractor the same work as the
// original.
func extractWords(tb testing.TB) map[string]bool {
	tb.Helper()
	paths, err := filepath.Glob(filepath.Join(extractSource, "*.go"))
	require.NoError(tb, err)
	for _, stage := range extractStages {
		more, err := filepath.Glob(filepath.Join(extractSource, "internal", stage, "*.go"))
		require.NoError(tb, err)
		paths = append(paths, more...)
	}
	require.NotEmpty(tb, paths)
	words := map[string]bool{}
	fset := token.NewFileSet()
	for _, p := range paths {
		if strings.HasSuffix(p, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, p, nil, parser.SkipObjectResolution)
		require.NoError(tb, err)
		ast.Inspect(f, func(n ast.Node) bool {
			lit, ok := n.(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				return true
			}
			s, err := strconv.Unquote(lit.Value)
			if err != nil {
				return true
			}
			for _, w := range strings.FieldsFunc(s, func(r rune) bool { return r < 'a' || r > 'z' }) {
				words[w] = true
			}
			return true
		})
	}
	return words
}

// speedCopy returns article a as the n-th copy for the doubled corpus: a
// new file name, and a text whose ordinary lower-case words of three letters
// or more (not in keep, the extractor's own words) have their letters
// shifted along the alphabet by an amount that depends on n and the word.
// Names, numbers, punctuation, quotation marks and every word the
// extractor looks for stay as they are, so the copy costs the extractor
// about what the original does; but most of its 5-word shingles differ, so
// the store's duplicate detection (exact or near) takes it for a story of
// its own and stores it in full, as a new article would be.
func speedCopy(a speedArticle, n int, keep map[string]bool) speedArticle {
	text := []byte(a.text)
	isLower := func(b byte) bool { return 'a' <= b && b <= 'z' }
	isWord := func(b byte) bool { return 'a' <= b|0x20 && b|0x20 <= 'z' || '0' <= b && b <= '9' || b >= 0x80 }
	word := 0
	for i := 0; i < len(text); {
		if !isWord(text[i]) {
			i++
			continue
		}
		j, lower := i, true
		for j < len(text) && isWord(text[j]) {
			lower = lower && isLower(text[j])
			j++
		}
		word++
		if lower && j-i >= 3 && !keep[string(text[i:j])] {
			x := uint64(n)*0x9E3779B97F4A7C15 ^ uint64(word)*0xC2B2AE3D27D4EB4F
			x ^= x >> 31
			x *= 0xBF58476D1CE4E5B9
			x ^= x >> 29
			shift := byte(1 + x%25)
			for k := i; k < j; k++ {
				text[k] = 'a' + (text[k]-'a'+shift)%26
			}
		}
		i = j
	}
	ext := filepath.Ext(a.name)
	return speedArticle{name: fmt.Sprintf("%s.copy%d%s", strings.TrimSuffix(a.name, ext), n, ext), text: string(text)}
}

// TestSpeedCopy checks that a copy keeps names, numbers, quotation marks
// and the extractor's words, and changes ordinary words.
func TestSpeedCopy(t *testing.T) {
	keep := extractWords(t)
	require.True(t, keep["said"])
	a := speedArticle{name: "a.txt", text: `Rex Tillerson said on Tuesday: “We will see about $5 million.” The orchestra played beautifully.`}
	c := speedCopy(a, 1, keep)
	assert.Equal(t, "a.copy1.txt", c.name)
	assert.Len(t, c.text, len(a.text))
	for _, w := range []string{"Rex Tillerson said on Tuesday", "$5 million", "“We will see about", "The"} {
		assert.Contains(t, c.text, w)
	}
	assert.NotContains(t, c.text, "orchestra")
	assert.NotEqual(t, c.text, speedCopy(a, 2, keep).text)
}
