package corpus

import (
	"bytes"
	"compress/gzip"
	"context"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
)

const pagesDir = "../testdata/corpus/pages"

// writeFile writes data to name under dir, creating folders, and returns the
// path.
func writeFile(tb testing.TB, dir, name string, data []byte) string {
	tb.Helper()
	path := filepath.Join(dir, filepath.FromSlash(name))
	require.NoError(tb, os.MkdirAll(filepath.Dir(path), 0o755))
	require.NoError(tb, os.WriteFile(path, data, 0o644))
	return path
}

func gzipped(tb testing.TB, data []byte) []byte {
	tb.Helper()
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	_, err := zw.Write(data)
	require.NoError(tb, err)
	require.NoError(tb, zw.Close())
	return buf.Bytes()
}

// collect walks sources with w and returns every item.
func collect(tb testing.TB, w *Walker, sources ...string) []Item {
	tb.Helper()
	var items []Item
	err := w.Walk(context.Background(), sources, func(it Item) error {
		items = append(items, it)
		return nil
	})
	require.NoError(tb, err)
	return items
}

// summary renders items as "source" for articles and "ERR message" for
// problems, for compact assertions on a whole batch.
func summary(items []Item) []string {
	out := make([]string, 0, len(items))
	for _, it := range items {
		if it.Err != nil {
			out = append(out, "ERR "+it.Err.Error())
		} else {
			out = append(out, it.Article.Source)
		}
	}
	return out
}

func ioMulti(rs ...io.Reader) io.Reader { return io.MultiReader(rs...) }
