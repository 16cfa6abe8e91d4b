package testcorpus

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/whosaid/whosaid/internal/scramble"
)

// extractStages are the packages under extract/internal whose word lists
// ExtractorWords reads, with those of package extract itself.
var extractStages = []string{"text", "entities", "dates", "money", "speech"}

// ExtractorWords returns every lower-case word written in a string literal
// of the non-test source of package extract and its stages: its cue verbs,
// titles, number, date and currency words. Copy leaves these alone, so that
// a copy gives the extractor the same work as the original.
func ExtractorWords(tb testing.TB) map[string]bool {
	tb.Helper()
	paths, err := filepath.Glob(Path("extract/*.go"))
	require.NoError(tb, err)
	for _, stage := range extractStages {
		more, err := filepath.Glob(Path("extract/internal/" + stage + "/*.go"))
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

// Copy returns a as the n-th copy for a corpus doubled (or more): a new
// file name, and its text scrambled (scramble.Text) except for keep, the
// extractor's own words (ExtractorWords). Names, numbers, punctuation,
// quotation marks and every word the extractor looks for stay as they
// are, so the copy costs the extractor about what the original does; but
// most of its 5-word shingles differ, so the store's duplicate detection
// takes it for a story of its own and stores it in full, as a new article
// would be.
func Copy(a Article, n int, keep map[string]bool) Article {
	ext := filepath.Ext(a.Name)
	return Article{
		Name: fmt.Sprintf("%s.copy%d%s", strings.TrimSuffix(a.Name, ext), n, ext),
		Text: scramble.Text(a.Text, n, nil, keep),
	}
}
