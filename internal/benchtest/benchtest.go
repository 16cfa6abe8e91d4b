// Package benchtest holds what the tests and benchmarks of package extract,
// its stage packages and ingest share: the texts of the gold articles and the
// CPU time of the process. Only tests import it.
package benchtest

import (
	"encoding/json"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/whosaid/whosaid"
)

// Root is the module's root directory, found from this file's place so
// that a test at any depth reads the same files.
func Root(tb testing.TB) string {
	tb.Helper()
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		tb.Fatal("benchtest: no caller information")
	}
	return filepath.Join(filepath.Dir(file), "..", "..")
}

// GoldTexts are the texts of the dev gold articles (testdata/gold):
// realistic news text, read once per call.
func GoldTexts(tb testing.TB) []string {
	tb.Helper()
	files, err := filepath.Glob(filepath.Join(Root(tb), "testdata", "gold", "*.json"))
	if err != nil || len(files) == 0 {
		tb.Fatalf("benchtest: no gold articles (%v)", err)
	}
	var texts []string
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		var g struct{ Text string }
		if err := json.Unmarshal(raw, &g); err != nil {
			tb.Fatalf("%s: %v", f, err)
		}
		texts = append(texts, g.Text)
	}
	return texts
}

// Gold is the part of the dev gold articles (testdata/gold) that the stage
// benchmarks read: id, publication date and text, as articles.
func Gold(tb testing.TB) []whosaid.Article {
	tb.Helper()
	files, err := filepath.Glob(filepath.Join(Root(tb), "testdata", "gold", "*.json"))
	if err != nil || len(files) == 0 {
		tb.Fatalf("benchtest: no gold articles (%v)", err)
	}
	var out []whosaid.Article
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		var g struct{ ID, Published, Text string }
		if err := json.Unmarshal(raw, &g); err != nil {
			tb.Fatalf("%s: %v", f, err)
		}
		out = append(out, whosaid.Article{ID: g.ID, Published: g.Published, Text: g.Text})
	}
	return out
}
