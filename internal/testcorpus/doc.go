// Package testcorpus builds the corpora and databases that tests and
// benchmarks of several packages measure with: the speed corpus of real
// news from ../shared (Speed) and its disguised copies (Copy), and the
// query benchmark's database of the dev articles copied many times
// (QueryDB). It is test support: only _test.go files import it.
//
// Paths are found from this package's source file, so callers in any
// folder of the module get the same files.
package testcorpus

import (
	"path/filepath"
	"runtime"
)

// root is the module's folder.
var root = func() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..")
}()

// Path returns the path of rel, a path relative to the module's folder.
func Path(rel string) string { return filepath.Join(root, rel) }
