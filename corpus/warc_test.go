package corpus

import (
	"bytes"
	"compress/gzip"
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
