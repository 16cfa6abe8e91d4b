package eval_test

import (
	"os"
	"testing"
)

// needShared skips tb when the public data set at path is not beside the
// checkout: CI has ../shared, a bare clone may not.
func needShared(tb testing.TB, path string) {
	tb.Helper()
	if _, err := os.Stat(path); err != nil {
		tb.Skipf("%s is not beside the checkout (see ../shared/data/README.md): %v", path, err)
	}
}
