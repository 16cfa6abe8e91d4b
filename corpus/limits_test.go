package corpus

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// bigText is about n bytes of plausible story text in paragraphs.
func bigText(n int) string {
	const para = "The minister said the plan was \"on schedule and on budget\" and would be finished next year, officials said.\n"
	return strings.Repeat(para, n/len(para)+1)
}

// TestHostileInputs feeds the walker the inputs a scrape of millions of
// pages meets sooner or later. Each must be read or refused with a stated
// reason, quickly, without a panic or a stack overflow.
func TestHostileInputs(t *testing.T) {
	deep := "<html><body>" + strings.Repeat("<div>", 20000) + "<p>WASHINGTON (Reuters) - Deep.</p>" + strings.Repeat("</div>", 20000) + "</body></html>"
	deepUnclosed := "<html><body>" + strings.Repeat("<div><span><b><i>", 5000) + "<p>Deep.</p>"
	var bigPage strings.Builder
	bigPage.WriteString("<html><body><article>")
	for bigPage.Len() < 5*MaxText {
		bigPage.WriteString("<p>The minister said the plan was on schedule and on budget, officials said.</p>\n")
	}
	bigPage.WriteString("</article></body></html>")
	latin1Page := "<html><head><title>Caf\xe9</title></head><body><article><p>PARIS (AFP) - Le caf\xe9 cr\xe8me est servi, a dit le patron.</p></article></body></html>"

	tests := []struct {
		name, file string
		data       []byte
		want       string // the article text, or "ERR " and the message less the file name
	}{
		{"empty", "a.txt", nil, "ERR empty input"},
		{"binary", "a.txt", []byte("\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x02\x00>\x00"), "ERR binary data, not text"},
		{"latin-1 text", "a.txt", []byte("Caf\xe9 cr\xe8me, said the ma\xeetre d'h\xf4tel."), "Café crème, said the maître d'hôtel."},
		{"latin-1 html", "a.html", []byte(latin1Page), "PARIS (AFP) - Le café crème est servi, a dit le patron."},
		{"stray nul", "a.txt", []byte(bigText(400) + "\x00"), strings.TrimSpace(bigText(400))},
		{"30 MB text", "a.txt", []byte(bigText(30 << 20)), "ERR too large: article text of 31457375 bytes, over the 1 MiB limit"},
		{"5 MB of page text", "a.html", []byte(bigPage.String()), "ERR too large: page text of 4789798 bytes, over the 4 MiB limit"},
		{"html nested 20,000 deep", "a.html", []byte(deep), "ERR malformed HTML: open stack of elements exceeds 512 nodes"},
		{"html left open 20,000 deep", "a.html", []byte(deepUnclosed), "ERR malformed HTML: open stack of elements exceeds 512 nodes"},
		{"truncated gzip", "a.txt.gz", truncated(gzipped(t, []byte(bigText(1000)))), "ERR read: decompress: unexpected EOF"},
		{"over the file limit", "a.txt", bytes.Repeat([]byte("a"), MaxSize+1), "ERR too large: over the 32 MiB limit"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := writeFile(t, t.TempDir(), tt.file, tt.data)
			start := time.Now()
			items := collect(t, &Walker{}, path)
			took := time.Since(start)
			require.Len(t, items, 1)
			if it := items[0]; it.Err != nil {
				assert.Equal(t, tt.want, "ERR "+strings.TrimPrefix(it.Err.Error(), path+": "))
			} else {
				assert.Equal(t, tt.want, it.Article.Text)
				assert.NotContains(t, it.Article.Text, "\x00")
			}
			assert.Less(t, took, 20*time.Second, "bounded time")
		})
	}
}

// TestTrafilaturaBypass checks that a page with more text than
// go-trafilatura handles in reasonable time is still read, by the linear
// heuristic, and promptly.
func TestTrafilaturaBypass(t *testing.T) {
	var b strings.Builder
	b.WriteString("<html><body><article>")
	for b.Len() < 600<<10 {
		b.WriteString("<p>WASHINGTON (Reuters) - The minister said the plan was on schedule, officials said.</p>\n")
	}
	b.WriteString("</article></body></html>")
	start := time.Now()
	a, err := ReadHTML("long.html", strings.NewReader(b.String()))
	require.NoError(t, err)
	assert.Greater(t, len(a.Text), 500<<10)
	assert.Less(t, time.Since(start), 10*time.Second)
}
