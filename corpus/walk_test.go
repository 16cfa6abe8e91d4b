package corpus

import (
	"bytes"
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestWalkBatch reads a folder holding every kind of input, good and bad,
// and checks that each bad one is reported by name (and line) while all the
// rest is read, in lexical order.
func TestWalkBatch(t *testing.T) {
	root := t.TempDir()
	page, err := os.ReadFile(filepath.Join(pagesDir, "reuters-nato.html"))
	require.NoError(t, err)
	files := map[string][]byte{
		"a.txt":   []byte("LONDON (Reuters) - Plain text.\r\n"),
		"b.html":  page,
		"big.txt": bytes.Repeat([]byte("x"), 20000),
		"c.jsonl": []byte(`{"id":"c1","text":"first"}` + "\n" +
			`{"id":"c2","text":` + "\n" +
			`{"id":"c3","text":"third"}` + "\n"),
		"d.json":                 []byte("{\n  \"id\": \"d\",\n  \"published\": \"2017-03-21\",\n  \"text\": \"A single object, pretty-printed.\"\n}\n"),
		"e.json":                 []byte("[\n  {\"text\": \"array one\"},\n  {\"title\": \"no text\"},\n  {\n    \"text\": \"array three\"\n  }\n]\n"),
		"empty.txt":              nil,
		"f.bin":                  {0x7f, 'E', 'L', 'F', 0, 0, 0, 1, 2, 3},
		"feed.xml":               []byte(`<?xml version="1.0"?><rss version="2.0"><channel></channel></rss>`),
		"g.txt":                  []byte("Caf\xe9 cr\xe8me"),
		"h.jsonl.gz":             gzipped(t, []byte(`{"text":"gz one"}`+"\n"+`{"text":"gz two"}`+"\n"+`{broken`+"\n")),
		"i.html.gz":              gzipped(t, []byte(`<html><body><p>PARIS (AFP) - Zipped page.</p></body></html>`)),
		"j":                      gzipped(t, []byte("No extension, gzipped text.")),
		"k.json":                 []byte(`{"text":"jsonl named json 1"}` + "\n" + `{"text":"jsonl named json 2"}` + "\n"),
		"l.gz":                   []byte("\x1f\x8bnot really gzip"),
		"l2.txt.gz":              truncated(gzipped(t, bytes.Repeat([]byte("truncated "), 100))),
		"logo.png":               []byte("\x89PNG\r\n\x1a\n\x00\x00"),
		"m":                      []byte("<!DOCTYPE html><title>Sniffed</title><p>Sniffed as HTML.</p>"),
		"style.css":              []byte("p { color: red }"),
		".hidden.txt":            []byte("hidden"),
		".git/config":            []byte("[core]"),
		"sub/nested/y.md":        []byte("Markdown is text."),
		"sub/z.txt":              []byte("Deep text."),
		"sub/.cache/skipped.txt": []byte("hidden folder"),
	}
	for name, data := range files {
		writeFile(t, root, name, data)
	}
	require.NoError(t, os.Symlink(filepath.Join(root, "missing.txt"), filepath.Join(root, "dangling.txt")))
	require.NoError(t, os.Symlink(filepath.Join(root, "sub"), filepath.Join(root, "dirlink")))
	require.NoError(t, os.Symlink(filepath.Join(root, "a.txt"), filepath.Join(root, "filelink.txt")))

	w := &Walker{MaxSize: 16384, Stdin: strings.NewReader(`{"text":"from stdin"}` + "\n")}
	items := collect(t, w, root, filepath.Join(root, "logo.png"), "-", filepath.Join(root, "nope"))

	got := summary(items)
	for i := range got {
		got[i] = strings.ReplaceAll(got[i], root+string(filepath.Separator), "")
	}
	want := []string{
		"a.txt",
		"b.html",
		"ERR big.txt: too large: over the 16384 byte limit",
		"c.jsonl:1",
		"ERR c.jsonl:2: invalid JSON: unexpected end of JSON input",
		"c.jsonl:3",
		"d.json",
		"ERR dangling.txt: stat: no such file or directory",
		"e.json:2",
		`ERR e.json:3: no article text: neither "text" nor "html"`,
		"e.json:4",
		"ERR empty.txt: empty input",
		"ERR f.bin: binary data, not text",
		"ERR feed.xml: unsupported format: a feed or sitemap in a folder (name it as a source to fetch its articles)",
		"filelink.txt",
		"g.txt",
		"h.jsonl.gz:1",
		"h.jsonl.gz:2",
		"ERR h.jsonl.gz:3: invalid JSON: invalid character 'b' looking for beginning of object key string",
		"i.html.gz",
		"j",
		"k.json:1",
		"k.json:2",
		"ERR l.gz: decompress: gzip: invalid header",
		"ERR l2.txt.gz: read: decompress: unexpected EOF",
		"m",
		"sub/nested/y.md",
		"sub/z.txt",
		"ERR logo.png: binary data, not text", // named explicitly: read, and refused
		"stdin:1",
		"ERR nope: stat: no such file or directory",
	}
	assert.Equal(t, want, got)

	byName := make(map[string]Item)
	for _, it := range items {
		if it.Err == nil {
			byName[strings.TrimPrefix(it.Article.Source, root+string(filepath.Separator))] = it
		} else {
			var ce *Error
			assert.ErrorAs(t, it.Err, &ce, "every problem is an *Error")
			assert.Empty(t, it.Article, "an item is an article or an error, not both")
		}
	}
	assert.Equal(t, "LONDON (Reuters) - Plain text.", byName["a.txt"].Article.Text)
	assert.Equal(t, "LONDON", byName["a.txt"].Article.Dateline.Place)
	assert.Equal(t, "Reuters", byName["b.html"].Article.Outlet)
	assert.Equal(t, "c3", byName["c.jsonl:3"].Article.ID)
	assert.Equal(t, "2017-03-21", byName["d.json"].Article.Published)
	assert.Equal(t, "array three", byName["e.json:4"].Article.Text)
	assert.Equal(t, "gz two", byName["h.jsonl.gz:2"].Article.Text)
	assert.Equal(t, "PARIS (AFP) - Zipped page.", byName["i.html.gz"].Article.Text)
	assert.Equal(t, "No extension, gzipped text.", byName["j"].Article.Text)
	assert.Equal(t, "Sniffed", byName["m"].Article.Title)
	assert.Equal(t, "Café crème", byName["g.txt"].Article.Text, "Latin-1 text is read as such")
	assert.Equal(t, "from stdin", byName["stdin:1"].Article.Text)

	for _, it := range items {
		if it.Err != nil && strings.Contains(it.Err.Error(), "dangling") {
			assert.ErrorIs(t, it.Err, fs.ErrNotExist)
		}
	}

	// The same sources give the same items, ids included.
	w.Stdin = strings.NewReader(`{"text":"from stdin"}` + "\n")
	again := collect(t, w, root, filepath.Join(root, "logo.png"), "-", filepath.Join(root, "nope"))
	require.Equal(t, len(items), len(again))
	for i := range items {
		assert.Equal(t, items[i].Article, again[i].Article)
	}
}

func TestWalkStdinSniffs(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"text", "WASHINGTON (Reuters) - Hi.", "WASHINGTON (Reuters) - Hi."},
		{"html", "\n  <html><body><p>Hi from HTML.</p></body></html>", "Hi from HTML."},
		{"jsonl", `{"text":"Hi from JSON."}`, "Hi from JSON."},
		{"json array", "[\n{\"text\":\"Hi from an array.\"}\n]", "Hi from an array."},
		{"gzip", string(gzipped(t, []byte("Hi from gzip."))), "Hi from gzip."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			items := collect(t, &Walker{Stdin: strings.NewReader(tt.in)}, "-")
			require.Len(t, items, 1)
			require.NoError(t, items[0].Err)
			assert.Equal(t, tt.want, items[0].Article.Text)
			assert.True(t, strings.HasPrefix(items[0].Article.Source, "stdin"))
		})
	}
	t.Run("read error", func(t *testing.T) {
		items := collect(t, &Walker{Stdin: iotest.ErrReader(errors.New("broken pipe"))}, "-")
		require.Len(t, items, 1)
		assert.EqualError(t, items[0].Err, "stdin: read: broken pipe")
	})
}

func TestWalkUnreadable(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root reads any file")
	}
	root := t.TempDir()
	writeFile(t, root, "a.txt", []byte("readable"))
	locked := writeFile(t, root, "b.txt", []byte("locked"))
	require.NoError(t, os.Chmod(locked, 0))
	lockedDir := filepath.Join(root, "c")
	writeFile(t, root, "c/x.txt", []byte("in a locked folder"))
	require.NoError(t, os.Chmod(lockedDir, 0))
	t.Cleanup(func() { _ = os.Chmod(lockedDir, 0o755) })
	writeFile(t, root, "d.txt", []byte("after"))

	items := collect(t, &Walker{}, root)
	got := summary(items)
	for i := range got {
		got[i] = strings.ReplaceAll(got[i], root+string(filepath.Separator), "")
	}
	assert.Equal(t, []string{
		"a.txt",
		"ERR b.txt: open: permission denied",
		"ERR c: open: permission denied",
		"d.txt",
	}, got)
	assert.ErrorIs(t, items[1].Err, fs.ErrPermission)
}

func TestWalkStops(t *testing.T) {
	root := t.TempDir()
	for _, n := range []string{"a.txt", "b.txt", "c.txt"} {
		writeFile(t, root, n, []byte("text "+n))
	}
	stop := errors.New("stop")
	var seen []string
	err := Walk(context.Background(), []string{root}, func(it Item) error {
		seen = append(seen, filepath.Base(it.Article.Source))
		if len(seen) == 2 {
			return stop
		}
		return nil
	})
	assert.ErrorIs(t, err, stop)
	assert.Equal(t, []string{"a.txt", "b.txt"}, seen)

	ctx, cancel := context.WithCancel(context.Background())
	err = Walk(ctx, []string{root}, func(Item) error {
		cancel()
		return nil
	})
	assert.ErrorIs(t, err, context.Canceled)
}

func TestWalkDefaultLimit(t *testing.T) {
	assert.Equal(t, int64(32<<20), (&Walker{}).limit())
	assert.Equal(t, int64(10), (&Walker{MaxSize: 10}).limit())
}

func truncated(b []byte) []byte { return b[:len(b)/2] }

func TestWalkJSONFirstLineTooLong(t *testing.T) {
	root := t.TempDir()
	path := writeFile(t, root, "x.json", []byte(`{"text":"`+strings.Repeat("a", 100)+`"}`+"\n"+`{"text":"second"}`+"\n"))
	items := collect(t, &Walker{MaxSize: 64}, path)
	assert.Equal(t, []string{"ERR " + path + ":1: too large: over the 64 byte limit", path + ":2"}, summary(items))
}
