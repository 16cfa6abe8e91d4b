package extract

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// stageImports are the packages of ours each stage may import: the domain
// package, text, and for entities its tagger. No stage imports another.
var stageImports = map[string][]string{
	"text":     {},
	"entities": {"extract/internal/text", "extract/internal/ner"},
	"dates":    {"extract/internal/text"},
	"money":    {"extract/internal/text"},
	"speech":   {"extract/internal/text"},
	"attrib":   {"extract/internal/text", "extract/internal/rank"},
}

// TestLayout keeps the pipeline's shape: each stage imports only what
// stageImports allows, no package has more than 4,000 lines of non-test
// code, and no function is longer than 120 lines.
func TestLayout(t *testing.T) {
	const mod = "github.com/whosaid/whosaid"
	dirs, err := filepath.Glob("internal/*")
	require.NoError(t, err)
	dirs = append(dirs, ".")
	for _, dir := range dirs {
		files, err := filepath.Glob(filepath.Join(dir, "*.go"))
		require.NoError(t, err)
		allowed, isStage := stageImports[filepath.Base(dir)]
		lines := 0
		for _, f := range files {
			if strings.HasSuffix(f, "_test.go") {
				continue
			}
			src, err := os.ReadFile(f)
			require.NoError(t, err)
			lines += strings.Count(string(src), "\n")
			fset := token.NewFileSet()
			file, err := parser.ParseFile(fset, f, src, 0)
			require.NoError(t, err)
			for _, imp := range file.Imports {
				p, _ := strconv.Unquote(imp.Path.Value)
				if !isStage || p == mod || !strings.HasPrefix(p, mod+"/") {
					continue
				}
				assert.Contains(t, allowed, strings.TrimPrefix(p, mod+"/"), "%s imports %s", f, p)
			}
			for _, d := range file.Decls {
				if fd, ok := d.(*ast.FuncDecl); ok {
					n := fset.Position(fd.End()).Line - fset.Position(fd.Pos()).Line + 1
					assert.LessOrEqual(t, n, 120, "%s: %s is %d lines", f, fd.Name.Name, n)
				}
			}
		}
		assert.LessOrEqual(t, lines, 4000, "%s has %d lines of non-test Go", dir, lines)
	}
}
