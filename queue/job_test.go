package queue

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/whosaid/whosaid/corpus"
)

func TestSplit(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, []byte(body), 0o644))
		return p
	}
	var lines []string
	for i := range 7 {
		lines = append(lines, `{"id": "j`+string(rune('0'+i))+`", "text": "Story number `+string(rune('0'+i))+`."}`)
	}
	jsonl := write("shard.jsonl", strings.Join(lines, "\n")) // no final newline
	folder := filepath.Join(dir, "folder")
	a := write("folder/a.txt", "Alpha story.")
	b := write("folder/b.txt", "Beta story.")
	write("folder/.hidden.txt", "never read")
	write("folder/style.css", "body {}")
	c := write("folder/sub/c.txt", "Gamma story.")
	inner := write("folder/sub/more.jsonl", lines[0]+"\n"+lines[1]+"\n")
	warc := write("crawl.warc", "WARC/1.0\r\n")

	jobs, err := Split(context.Background(), []string{"https://example.com/feed.xml", jsonl, folder, warc}, Sizes{Lines: 3, Files: 2})
	require.NoError(t, err)
	assert.Equal(t, []Job{
		{Sources: []string{"https://example.com/feed.xml"}},
		{JSONL: jsonl, From: 1, To: 4},
		{JSONL: jsonl, From: 4, To: 7},
		{JSONL: jsonl, From: 7, To: 8},
		{Files: []string{a, b}},
		{JSONL: inner, From: 1, To: 3},
		{Files: []string{c}},
		{Sources: []string{warc}},
	}, jobs)

	// The shards of a file read what the whole file reads, line numbers
	// and all.
	var whole, shards []string
	collect := func(to *[]string) func(corpus.Item) error {
		return func(it corpus.Item) error {
			require.NoError(t, it.Err)
			*to = append(*to, it.Article.Source+" "+it.Article.Text)
			return nil
		}
	}
	require.NoError(t, corpus.Walk(context.Background(), []string{jsonl}, collect(&whole)))
	for _, j := range jobs[1:4] {
		require.NoError(t, j.Walk(context.Background(), &corpus.Walker{}, collect(&shards)))
	}
	assert.Equal(t, whole, shards)
	assert.Len(t, whole, 7)

	_, err = Split(context.Background(), []string{"-"}, Sizes{})
	assert.Error(t, err)
}
