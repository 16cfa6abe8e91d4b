package web

import (
	"context"
	"net"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/whosaid/whosaid/store"
)

func TestPages(t *testing.T) {
	s, db := testServer(t)
	ctx := context.Background()
	quotes, err := db.Quotes(ctx, store.QuoteQuery{Speaker: "Linkevicius"})
	require.NoError(t, err)
	require.NotEmpty(t, quotes)
	q := quotes[0]

	t.Run("home", func(t *testing.T) {
		code, body := get(t, s, "/")
		assert.Equal(t, http.StatusOK, code)
		assert.Contains(t, body, `<form class="search" action="/quotes"`)
		assert.Contains(t, body, "Quoted most")
		assert.Contains(t, body, "/speakers/"+strconv.FormatInt(q.SpeakerID, 10))
	})
	t.Run("search", func(t *testing.T) {
		code, body := get(t, s, "/quotes?q="+url.QueryEscape("doubts"))
		assert.Equal(t, http.StatusOK, code)
		assert.Contains(t, body, "No doubts about that")
		assert.Contains(t, body, "Linas Linkevicius")
		assert.Contains(t, body, `value="doubts"`, "the form keeps the search")
	})
	t.Run("search is safe for any input", func(t *testing.T) {
		for _, in := range []string{`"; DROP TABLE quotes; --`, "NEAR(", "<script>alert(1)</script>", "*", "\x00", "%", "😀"} {
			code, body := get(t, s, "/quotes?q="+url.QueryEscape(in))
			assert.Equal(t, http.StatusOK, code, in)
			assert.NotContains(t, body, "<script>", in)
		}
	})
	t.Run("filters and paging", func(t *testing.T) {
		code, body := get(t, s, "/quotes?speaker=linkevicius&country=lt")
		assert.Equal(t, http.StatusOK, code)
		assert.Contains(t, body, "No doubts about that")
		_, body = get(t, s, "/quotes?entity=Atlantis")
		assert.Contains(t, body, "No quotes match this search")
		all, err := db.Quotes(ctx, store.QuoteQuery{})
		require.NoError(t, err)
		require.Greater(t, len(all), pageSize, "the sample has more than a page of quotes")
		_, body = get(t, s, "/quotes")
		assert.Contains(t, body, `rel="next" href="/quotes?page=2"`)
		_, body = get(t, s, "/quotes?page=2")
		assert.Contains(t, body, `rel="prev" href="/quotes"`)
		assert.Contains(t, body, all[pageSize].ArticleID)
		code, body = get(t, s, "/quotes?from=21/03/2017")
		assert.Equal(t, http.StatusBadRequest, code)
		assert.Contains(t, body, "YYYY-MM-DD")
	})
	t.Run("speaker", func(t *testing.T) {
		code, body := get(t, s, "/speakers/"+strconv.FormatInt(q.SpeakerID, 10))
		assert.Equal(t, http.StatusOK, code)
		assert.Contains(t, body, `<h1 class="speaker-name">Linas Linkevicius</h1>`)
		assert.Contains(t, body, "Lithuanian Foreign Minister")
		assert.Contains(t, body, "No doubts about that")
		assert.Contains(t, body, "2017-03", "quotes over time")
		assert.Contains(t, body, "Named alongside")
		assert.Contains(t, body, `href="/quotes?entity=NATO"`)
	})
	t.Run("article", func(t *testing.T) {
		code, body := get(t, s, "/articles/"+url.PathEscape(q.ArticleID))
		assert.Equal(t, http.StatusOK, code)
		assert.Contains(t, body, `<mark class="quote" id="q-`+strconv.FormatInt(q.ID, 10)+`"`)
		assert.Contains(t, body, `<mark class="entity person"`)
		assert.Contains(t, body, `<mark class="entity country"`)
		assert.Contains(t, body, `<mark class="date"`)
		assert.Contains(t, body, `<mark class="amount`)
		assert.Contains(t, body, `<mark class="claim"`)
		// The speaker's name in the text links to their page.
		assert.Regexp(t, regexp.MustCompile(`<a href="/speakers/`+strconv.FormatInt(q.SpeakerID, 10)+`">Linas Linkevicius</a>`), body)
		// The text reads the same once the markup is taken out.
		f, err := db.Article(ctx, q.ArticleID)
		require.NoError(t, err)
		start := strings.Index(body, `<article class="text">`)
		end := strings.Index(body, `</article>`)
		require.True(t, start >= 0 && end > start)
		text := regexp.MustCompile(`<[^>]*>`).ReplaceAllString(body[start+len(`<article class="text">`):end], "")
		assert.Equal(t, htmlEscape(f.Article.Text), text)
	})
	t.Run("not found", func(t *testing.T) {
		for _, u := range []string{"/nope", "/speakers/999999", "/speakers/abc", "/articles/no-such-article", "/static/nope.css"} {
			code, body := get(t, s, u)
			assert.Equal(t, http.StatusNotFound, code, u)
			if !strings.HasPrefix(u, "/static/") {
				assert.Contains(t, body, "404", u)
			}
		}
	})
	t.Run("read-only", func(t *testing.T) {
		rec := httptestPost(t, s, "/quotes")
		assert.Equal(t, http.StatusMethodNotAllowed, rec)
	})
	t.Run("stylesheet and headers", func(t *testing.T) {
		code, body := get(t, s, "/static/style.css")
		assert.Equal(t, http.StatusOK, code)
		assert.Contains(t, body, "mark.quote")
	})
}

// htmlEscape escapes text as html/template does in element content.
func htmlEscape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&#34;", "'", "&#39;", "\x00", "\uFFFD").Replace(s)
}

func TestHighlightNesting(t *testing.T) {
	text := "Jim Mattis said “NATO will pay” on Monday. Zoë"
	quote := strings.Index(text, "NATO will pay")
	segs := highlight(text, []span{
		{start: quote, end: quote + len("NATO will pay"), class: "quote", rank: 1},
		{start: quote, end: quote + len("NATO"), class: "entity org", href: "/x", rank: 2},
		{start: 0, end: 10, class: "entity person", href: "/p", rank: 2},
		{start: 4, end: 20, class: "claim"},                               // crosses an earlier span: dropped
		{start: len(text) - 1, end: len(text), class: "entity person"},    // inside "ë": dropped
		{start: -1, end: 3, class: "x"}, {start: 5, end: 500, class: "x"}, // outside the text: dropped
	})
	var flat func([]segment) string
	flat = func(ss []segment) string {
		var b strings.Builder
		for _, s := range ss {
			if s.Class == "" {
				b.WriteString(s.Text)
				continue
			}
			b.WriteString("[" + s.Class + "|" + s.Href + ":" + flat(s.Children) + "]")
		}
		return b.String()
	}
	assert.Equal(t, "[entity person|/p:Jim Mattis] said “[quote|:[entity org|/x:NATO] will pay]” on Monday. Zoë", flat(segs))
}

func TestServeShutsDown(t *testing.T) {
	s, _ := testServer(t)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- Serve(ctx, ln, s) }()
	resp, err := http.Get("http://" + ln.Addr().String() + "/")
	require.NoError(t, err)
	resp.Body.Close()
	assert.Equal(t, http.StatusOK, resp.StatusCode)
	cancel()
	select {
	case err := <-done:
		assert.NoError(t, err)
	case <-time.After(10 * time.Second):
		t.Fatal("Serve did not return after cancel")
	}
}
