package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestIngestReportsEverySkip ingests a folder of bad inputs beside good
// ones, with the progress bar on (as on a terminal): each skipped input
// gets one stderr line naming the file (and line or record) and the
// reason, the summary line comes last, the good articles are stored, and
// the exit status is 1.
func TestIngestReportsEverySkip(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"good.txt":     seedText(t),
		"latin1.txt":   "PARIS (AFP) - \"C'est fini,\" a d\xe9clar\xe9 le ministre Jean Dupont.",
		"empty.txt":    "",
		"binary.txt":   "\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00",
		"deep.html":    "<html><body>" + strings.Repeat("<div>", 20000) + "<p>x</p></body></html>",
		"lines.jsonl":  "{\"text\":\"LONDON (Reuters) - A good line.\"}\n{broken\n",
		"bad.warc":     "WARC/1.1\r\nWARC-Type: response\r\nContent-Length: x\r\n\r\n",
		"huge.txt":     strings.Repeat("Words and more words, said Jane Doe.\n", (2<<20)/36),
		"cut.txt.gz":   "\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff",
		"zz-stray.txt": strings.Repeat("A sentence of a story. ", 30) + "\x00",
	}
	for name, data := range files {
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644))
	}
	db := filepath.Join(t.TempDir(), "w.db")
	var out, errOut bytes.Buffer
	e := &env{stdin: strings.NewReader(""), stdout: &out, stderr: &errOut, tty: true}
	code := run(context.Background(), e, []string{"ingest", "--db", db, dir})
	assert.Equal(t, 1, code, errOut.String())

	stderr := errOut.String()
	for name, why := range map[string]string{
		"empty.txt":   ": empty input",
		"binary.txt":  ": binary data, not text",
		"deep.html":   ": malformed HTML: open stack of elements exceeds 512 nodes",
		"lines.jsonl": ":2: invalid JSON",
		"bad.warc":    "#0: malformed WARC record: a response without WARC-Target-URI",
		"huge.txt":    ": too large: article text of",
		"cut.txt.gz":  ": read: decompress: unexpected EOF",
	} {
		assert.Equal(t, 1, strings.Count(stderr, filepath.Join(dir, name)), "one line for %s in\n%s", name, stderr)
		assert.Contains(t, stderr, filepath.Join(dir, name)+why)
	}
	assert.NotContains(t, stderr, "good.txt")
	assert.NotContains(t, stderr, "latin1.txt")
	assert.NotContains(t, stderr, "zz-stray.txt")
	assert.Regexp(t, `\ringested 4 articles \(4 new, 0 already stored, 7 skipped\)[^\n]*\nwhosaid ingest: 7 of 11 inputs skipped[^\n]*\n$`, stderr,
		"the summary comes last, on a line the progress bar was cleared from")

	stdout, _, code := whosaidRun(t, "", "quotes", "--db", db, "--format", "json", "--search", "fini")
	require.Equal(t, 0, code)
	assert.Contains(t, stdout, "C'est fini", "Latin-1 text is read, not dropped")
}
