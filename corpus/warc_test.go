package corpus

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nlnwa/gowarc/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// warcRecord builds one record the way a crawler writes it.
func warcRecord(tb testing.TB, typ gowarc.RecordType, uri, date, block string) gowarc.WarcRecord {
	tb.Helper()
	b := gowarc.NewRecordBuilder(typ, gowarc.WithAddMissingRecordId(true), gowarc.WithAddMissingDigest(true),
		gowarc.WithAddMissingContentLength(true))
	_, err := b.WriteString(block)
	require.NoError(tb, err)
	b.AddWarcHeader(gowarc.WarcTargetURI, uri)
	b.AddWarcHeader(gowarc.WarcDate, date)
	ct := "application/http;msgtype=response"
	if typ == gowarc.Request {
		ct = "application/http;msgtype=request"
	}
	b.AddWarcHeader(gowarc.ContentType, ct)
	rec, _, err := b.Build()
	require.NoError(tb, err)
	return rec
}

// writeWARC writes records as a CC-NEWS style .warc.gz: one gzip member per
// record.
func writeWARC(tb testing.TB, recs ...gowarc.WarcRecord) []byte {
	tb.Helper()
	var buf bytes.Buffer
	m := gowarc.NewMarshaler()
	for _, r := range recs {
		zw := gzip.NewWriter(&buf)
		_, _, err := m.Marshal(zw, r, 0)
		require.NoError(tb, err)
		require.NoError(tb, zw.Close())
	}
	return buf.Bytes()
}

func httpResponse(status, contentType, body string) string {
	return fmt.Sprintf("HTTP/1.1 %s\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n%s", status, contentType, len(body), body)
}

func TestReadWARC(t *testing.T) {
	undated := strings.Replace(articlePage(7, "Undated"), `<meta property="article:published_time" content="2024-05-08T10:00:00Z">`, "", 1)
	data := writeWARC(t,
		warcRecord(t, gowarc.Request, "https://wire.example/news/1", "2024-06-01T12:00:00Z",
			"GET /news/1 HTTP/1.1\r\nHost: wire.example\r\n\r\n"),
		warcRecord(t, gowarc.Response, "https://wire.example/news/1", "2024-06-01T12:00:00Z",
			httpResponse("200 OK", "text/html; charset=utf-8", articlePage(1, "Dated story"))),
		warcRecord(t, gowarc.Response, "https://wire.example/logo.png", "2024-06-01T12:00:01Z",
			httpResponse("200 OK", "image/png", "\x89PNG\r\n\x1a\n")),
		warcRecord(t, gowarc.Response, "https://wire.example/old", "2024-06-01T12:00:02Z",
			httpResponse("301 Moved Permanently", "text/html", "<a href=/new>moved</a>")),
		warcRecord(t, gowarc.Response, "https://other.example/story?id=7", "2024-06-02T08:30:00Z",
			httpResponse("200 OK", "text/html", undated)),
	)
	require.NotContains(t, undated, "published_time")
	dir := t.TempDir()
	path := writeFile(t, dir, "CC-NEWS-test.warc.gz", data)

	items := collect(t, &Walker{}, path)
	require.Len(t, items, 2, "%v", summary(items))
	for _, it := range items {
		require.NoError(t, it.Err)
	}
	a, b := items[0].Article, items[1].Article
	assert.Equal(t, "https://wire.example/news/1", a.URL)
	assert.Equal(t, "2024-05-02", a.Published, "the page's own date")
	assert.Equal(t, "Dated story", a.Title)
	assert.Contains(t, a.Text, "on schedule and on budget")
	assert.True(t, strings.HasPrefix(a.Source, path+"#"), a.Source)

	assert.Equal(t, "https://other.example/story?id=7", b.URL)
	assert.Equal(t, "2024-06-02", b.Published, "the capture date stands in")
	assert.Equal(t, "Test Wire", b.Outlet)
	assert.Equal(t, ID(b), b.ID)

	// Found in a folder, and sniffed without its extension, too.
	writeFile(t, dir, "sub/crawl.bin.gz", data)
	items = collect(t, &Walker{}, filepath.Join(dir, "sub"))
	assert.Len(t, items, 2, "%v", summary(items))
}

// TestReadWARCMalformed checks that each kind of broken record is reported
// with the file, the record's offset and the reason, and that the good
// records around it are read.
func TestReadWARCMalformed(t *testing.T) {
	good := warcRecord(t, gowarc.Response, "https://wire.example/news/1", "2024-06-01T12:00:00Z",
		httpResponse("200 OK", "text/html; charset=utf-8", articlePage(1, "First story")))
	notHTTP := warcRecord(t, gowarc.Response, "https://wire.example/news/2", "2024-06-01T12:00:00Z",
		"garbage, not HTTP at all")
	good2 := warcRecord(t, gowarc.Response, "https://wire.example/news/3", "2024-06-01T12:00:00Z",
		httpResponse("200 OK", "text/html; charset=utf-8", articlePage(3, "Third story")))
	var plain bytes.Buffer
	m := gowarc.NewMarshaler()
	var ends []int
	for _, r := range []gowarc.WarcRecord{good, notHTTP, good2} {
		_, _, err := m.Marshal(&plain, r, 0)
		require.NoError(t, err)
		ends = append(ends, plain.Len())
	}
	all := plain.Bytes()
	tests := []struct {
		name string
		data []byte
		want []string
	}{
		{"block not HTTP", all, []string{"#0",
			`ERR #2072: malformed WARC record: not an HTTP response (error in http request block: invalid method "garbage,")`, "#2466"}},
		{"truncated record", all[:ends[0]+200], []string{"#0", "ERR #2072: malformed WARC record: not a http block: EOF"}},
		{"truncated gzip", truncated(writeWARC(t, good, notHTTP, good2)), []string{"#0", "ERR #2072: malformed WARC record: decompress: unexpected EOF"}},
		{"bad content length", bytes.Replace(all, []byte("Content-Length: "), []byte("Content-Length: x"), 1),
			[]string{"ERR #0: malformed WARC record: not a http block: EOF"}},
		{"garbage between gzip members", append(writeWARC(t, good), append([]byte("junk junk junk"), writeWARC(t, good2)...)...),
			[]string{"#0", "ERR #2072: malformed WARC record: decompress: gzip: invalid header"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := writeFile(t, t.TempDir(), "crawl.warc", tt.data)
			items := collect(t, &Walker{}, path)
			got := summary(items)
			for i := range got {
				got[i] = strings.Replace(got[i], path, "", 1)
			}
			assert.Equal(t, tt.want, got)
			for _, it := range items {
				if it.Err != nil {
					assert.ErrorIs(t, it.Err, ErrMalformed)
				}
			}
		})
	}
}

// FuzzReadWARC reads arbitrary bytes as a WARC file: no panic, every item
// an article with a "file#offset" source or an *Error, and the walk never
// fails as a whole.
func FuzzReadWARC(f *testing.F) {
	rec := func(uri, block string) []byte {
		var buf bytes.Buffer
		_, _, err := gowarc.NewMarshaler().Marshal(&buf, warcRecord(f, gowarc.Response, uri, "2024-06-01T12:00:00Z", block), 0)
		require.NoError(f, err)
		return buf.Bytes()
	}
	page := rec("https://wire.example/news/1", httpResponse("200 OK", "text/html", articlePage(1, "Story")))
	f.Add(page)
	f.Add(append(append([]byte{}, page...), rec("https://wire.example/x", "not http")...))
	f.Add(page[:len(page)/2])
	f.Add(writeWARC(f, warcRecord(f, gowarc.Response, "https://wire.example/news/2", "2024-06-01T12:00:00Z",
		"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n")))
	f.Add([]byte("WARC/1.1\r\nWARC-Type: response\r\nContent-Length: 99999999999\r\n\r\nHTTP/1.1 200 OK\r\n\r\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		w := &Walker{MaxSize: 1 << 20}
		err := w.readWARC(context.Background(), "f.warc", bytes.NewReader(data), func(it Item) error {
			if it.Err != nil {
				var ce *Error
				if !errors.As(it.Err, &ce) || !strings.HasPrefix(ce.Source, "f.warc") {
					t.Fatalf("bad error %v", it.Err)
				}
				return nil
			}
			if it.Article.Text == "" || !strings.HasPrefix(it.Article.Source, "f.warc#") {
				t.Fatalf("bad article %+v", it.Article)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	})
}

// TestReadWARCLongPage reads a page much longer than the reader's 4 KiB
// buffer whole: real CC-NEWS pages are tens of kilobytes, and a lenient
// reader option once cut every payload to its first 4 KiB.
func TestReadWARCLongPage(t *testing.T) {
	var b strings.Builder
	b.WriteString(`<!doctype html><html><head><title>Long story</title></head><body><article><h1>Long story</h1>`)
	for p := range 240 {
		fmt.Fprintf(&b, "<p>Paragraph %d: the minister for transport said on Tuesday that the new rail line would open on time and on budget.</p>\n", p)
	}
	b.WriteString(`<p>The last paragraph is still here.</p></article></body></html>`)
	page := b.String()
	require.Greater(t, len(page), 6*4096)
	data := writeWARC(t, warcRecord(t, gowarc.Response, "https://wire.example/long", "2024-06-01T12:00:00Z",
		httpResponse("200 OK", "text/html; charset=utf-8", page)))
	path := writeFile(t, t.TempDir(), "long.warc.gz", data)

	items := collect(t, &Walker{}, path)
	require.Len(t, items, 1, "%v", summary(items))
	require.NoError(t, items[0].Err)
	assert.Contains(t, items[0].Article.Text, "Paragraph 239:")
	assert.Contains(t, items[0].Article.Text, "The last paragraph is still here.")
}
