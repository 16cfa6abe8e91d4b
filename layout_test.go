package whosaid_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const module = "github.com/whosaid/whosaid"

// mayImport lists, for the packages whose place in the data flow is fixed,
// every package of ours they may import besides the root domain package.
// Extract's stages import the text package and their own leaf data
// (entities its tagger, dates the holiday calendar, money the currency
// table, attrib its ranker), never each other; text and the leaves import nothing of ours;
// store keeps findings and never parses text, so it imports no extract
// (store/link, the speaker-linking rules every backend shares, aside;
// store/sqlar, the compressed form of the article text, store/recent,
// the large and recent trees, and store/shingle, the shingle hashes of
// near-duplicate detection, are leaves).
var mayImport = map[string][]string{
	"extract/internal/text":     {},
	"extract/internal/holidays": {},
	"extract/internal/iso4217":  {},
	"extract/internal/entities": {"extract/internal/text", "extract/internal/ner"},
	"extract/internal/dates":    {"extract/internal/text", "extract/internal/holidays"},
	"extract/internal/money":    {"extract/internal/text", "extract/internal/iso4217"},
	"extract/internal/speech":   {"extract/internal/text"},
	"extract/internal/attrib":   {"extract/internal/text", "extract/internal/rank"},
	"extract/internal/rank":     {},
	"store":                     {"store/link", "store/sqlar", "store/recent", "store/shingle"},
	"store/link":                {},
	"store/sqlar":               {},
	"store/recent":              {},
	"store/shingle":             {},
}

// TestLayout keeps the repository a place a newcomer can walk into: the
// imports mayImport fixes, no package over 4,000 lines of non-test code,
// and no function over 120 lines (third_party, a stand-in for another
// project, aside).
func TestLayout(t *testing.T) {
	lines := map[string]int{}
	err := filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (strings.HasPrefix(d.Name(), ".") && path != "." || d.Name() == "third_party" || d.Name() == "testdata") {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		pkg := filepath.ToSlash(filepath.Dir(path))
		src, err := os.ReadFile(path)
		require.NoError(t, err)
		lines[pkg] += strings.Count(string(src), "\n")
		fset := token.NewFileSet()
		file, err := parser.ParseFile(fset, path, src, 0)
		require.NoError(t, err)
		if allowed, fixed := mayImport[pkg]; fixed {
			for _, imp := range file.Imports {
				p, _ := strconv.Unquote(imp.Path.Value)
				if p != module && strings.HasPrefix(p, module+"/") {
					assert.Contains(t, allowed, strings.TrimPrefix(p, module+"/"), "%s imports %s", path, p)
				}
			}
		}
		for _, decl := range file.Decls {
			if fd, ok := decl.(*ast.FuncDecl); ok {
				n := fset.Position(fd.End()).Line - fset.Position(fd.Pos()).Line + 1
				assert.LessOrEqual(t, n, 120, "%s: %s is %d lines", path, fd.Name.Name, n)
			}
		}
		return nil
	})
	require.NoError(t, err)
	for pkg := range mayImport {
		assert.Contains(t, lines, pkg, "mayImport names %s, which has no Go files", pkg)
	}
	for pkg, n := range lines {
		assert.LessOrEqual(t, n, 4000, "%s has %d lines of non-test Go", pkg, n)
	}
}
