package corpus

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// memCache is a FetchCache in memory.
type memCache struct {
	mu   sync.Mutex
	rows map[string][2]string
}

func (c *memCache) GetFetch(_ context.Context, url string) (string, string, bool, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	r, ok := c.rows[url]
	return r[0], r[1], ok, nil
}

func (c *memCache) PutFetch(_ context.Context, url, etag, lastMod string, _ int) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.rows == nil {
		c.rows = make(map[string][2]string)
	}
	c.rows[url] = [2]string{etag, lastMod}
	return nil
}

// testFetcher is fast and polite enough for a local server.
func testFetcher(cache FetchCache) *Fetcher {
	return &Fetcher{Delay: time.Millisecond, Backoff: time.Millisecond, MaxBackoff: 10 * time.Millisecond,
		Timeout: 2 * time.Second, Retries: 2, Cache: cache}
}

// articlePage is a news page long enough for the body extractor.
func articlePage(n int, title string) string {
	var b strings.Builder
	fmt.Fprintf(&b, `<!doctype html><html><head><title>%s</title>
<meta property="og:site_name" content="Test Wire">
<meta property="article:published_time" content="2024-05-%02dT10:00:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav><article><h1>%s</h1>`, title, 1+n%28, title)
	for p := range 6 {
		fmt.Fprintf(&b, "<p>Story %d, paragraph %d: the minister for transport said on Tuesday that the new rail line would open in %d, "+
			"\u201cwe are on schedule and on budget,\u201d she told reporters in the capital after a cabinet meeting.</p>\n", n, p, 2030+n)
	}
	b.WriteString(`</article><footer>Copyright Test Wire</footer></body></html>`)
	return b.String()
}

// site is a local news site: articles under /news/ and /private/ (which
// robots.txt forbids), with ETags, counting what it serves.
type site struct {
	*httptest.Server
	mu       sync.Mutex
	served   map[string]int // 200s by path
	notMod   int
	inFlight atomic.Int32
	maxIn    atomic.Int32
	feed     func(base string) (contentType, body string)
}

func newSite(tb testing.TB, feed func(base string) (string, string)) *site {
	tb.Helper()
	s := &site{served: make(map[string]int), feed: feed}
	s.Server = httptest.NewServer(http.HandlerFunc(s.handle))
	tb.Cleanup(s.Close)
	return s
}

func (s *site) handle(w http.ResponseWriter, r *http.Request) {
	n := s.inFlight.Add(1)
	defer s.inFlight.Add(-1)
	for m := s.maxIn.Load(); n > m && !s.maxIn.CompareAndSwap(m, n); m = s.maxIn.Load() {
	}
	if ua := r.Header.Get("User-Agent"); ua != DefaultUserAgent {
		http.Error(w, "no user agent", http.StatusForbidden)
		return
	}
	var ctype, body string
	switch {
	case r.URL.Path == "/robots.txt":
		ctype, body = "text/plain", "User-agent: *\nDisallow: /private/\n"
	case r.URL.Path == "/feed":
		ctype, body = s.feed(s.URL)
	case strings.HasPrefix(r.URL.Path, "/news/"), strings.HasPrefix(r.URL.Path, "/private/"):
		ctype, body = "text/html; charset=utf-8", articlePage(len(r.URL.Path), "Rail line "+r.URL.Path)
	default:
		http.NotFound(w, r)
		return
	}
	etag := fmt.Sprintf(`"%x"`, hash16(body))
	w.Header().Set("ETag", etag)
	if r.Header.Get("If-None-Match") == etag {
		s.mu.Lock()
		s.notMod++
		s.mu.Unlock()
		w.WriteHeader(http.StatusNotModified)
		return
	}
	s.mu.Lock()
	s.served[r.URL.Path]++
	s.mu.Unlock()
	w.Header().Set("Content-Type", ctype)
	fmt.Fprint(w, body)
}

// rss is an RSS 2.0 feed of n items; every fifth is under /private/.
func rss(n int) func(string) (string, string) {
	return func(base string) (string, string) {
		var b strings.Builder
		b.WriteString(`<?xml version="1.0"?><rss version="2.0"><channel><title>Test Wire</title>`)
		for i := range n {
			dir := "news"
			if i%5 == 4 {
				dir = "private"
			}
			fmt.Fprintf(&b, `<item><title>Item %d</title><link>%s/%s/%d</link><pubDate>Tue, 07 May 2024 10:00:00 GMT</pubDate></item>`, i, base, dir, i)
		}
		b.WriteString(`</channel></rss>`)
		return "application/rss+xml", b.String()
	}
}

func walkAll(tb testing.TB, w *Walker, sources ...string) (articles []Item, problems []Item) {
	tb.Helper()
	err := w.Walk(context.Background(), sources, func(it Item) error {
		if it.Err != nil {
			problems = append(problems, it)
		} else {
			articles = append(articles, it)
		}
		return nil
	})
	require.NoError(tb, err)
	return articles, problems
}

func TestFeedRobotsAndRerun(t *testing.T) {
	items := 20
	s := newSite(t, func(base string) (string, string) { return rss(items)(base) })
	cache := &memCache{}

	f := testFetcher(cache)
	f.PerHost = 2
	articles, problems := walkAll(t, &Walker{Fetcher: f}, s.URL+"/feed")
	require.Len(t, articles, 16, "20 items less the 4 robots.txt forbids")
	require.Len(t, problems, 4)
	for _, p := range problems {
		assert.ErrorIs(t, p.Err, ErrDisallowed)
		assert.Contains(t, p.Err.Error(), "/private/")
	}
	for i, it := range articles {
		a := it.Article
		assert.True(t, strings.HasPrefix(a.URL, s.URL+"/news/"), a.URL)
		assert.Equal(t, "Test Wire", a.Outlet)
		assert.NotEmpty(t, a.Title)
		assert.Contains(t, a.Text, "on schedule and on budget")
		if i > 0 {
			assert.Less(t, articles[i-1].Article.Source, "~", "feed order kept")
		}
	}
	assert.Equal(t, 0, s.served["/private/4"], "a forbidden page is never requested")
	assert.LessOrEqual(t, s.maxIn.Load(), int32(2), "at most PerHost requests in flight")
	st := f.Stats()
	assert.EqualValues(t, 17, st.Fetched, "the feed and 16 articles")
	assert.EqualValues(t, 4, st.Disallowed)

	// Nothing changed: one conditional GET for the feed, answered 304.
	f2 := testFetcher(cache)
	articles, problems = walkAll(t, &Walker{Fetcher: f2}, s.URL+"/feed")
	assert.Empty(t, articles)
	require.Len(t, problems, 1)
	assert.ErrorIs(t, problems[0].Err, ErrNotModified)
	assert.EqualValues(t, 0, f2.Stats().Fetched)
	assert.Equal(t, 1, s.served["/feed"])

	// The feed gains an item: only the feed and the new article are
	// downloaded, the 16 old articles answer 304.
	items = 21
	f3 := testFetcher(cache)
	articles, problems = walkAll(t, &Walker{Fetcher: f3}, s.URL+"/feed")
	require.Len(t, articles, 1)
	assert.Equal(t, s.URL+"/news/20", articles[0].Article.URL)
	notMod := 0
	for _, p := range problems {
		if errors.Is(p.Err, ErrNotModified) {
			notMod++
		}
	}
	assert.Equal(t, 16, notMod)
	assert.EqualValues(t, 2, f3.Stats().Fetched)
	assert.Equal(t, 1, s.served["/news/0"])
}

func TestFeedFormats(t *testing.T) {
	tests := []struct {
		name   string
		feed   func(base string) (string, string)
		title  string
		outlet string
	}{
		{"atom", func(base string) (string, string) {
			return "application/atom+xml", `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Wire</title>
<entry><title>Atom one</title><link href="` + base + `/news/a1"/><updated>2024-05-07T10:00:00Z</updated><author><name>Ann Reporter</name></author></entry>
<entry><title>Atom two</title><link href="/news/a2"/><updated>2024-05-07T10:00:00Z</updated></entry></feed>`
		}, "Atom one", "Test Wire"},
		{"json feed", func(base string) (string, string) {
			return "application/feed+json", `{"version": "https://jsonfeed.org/version/1.1", "title": "JSON Wire",
"items": [{"id": "1", "url": "` + base + `/news/j1", "title": "JSON one"}, {"id": "2", "url": "` + base + `/news/j2", "title": "JSON two"}]}`
		}, "JSON one", "Test Wire"},
		{"google news sitemap", func(base string) (string, string) {
			return "text/xml", `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc>` + base + `/news/s1</loc><news:news><news:publication><news:name>Sitemap Wire</news:name><news:language>en</news:language></news:publication>
<news:publication_date>2024-05-07T10:00:00+00:00</news:publication_date><news:title>Sitemap one</news:title></news:news></url>
<url><loc>` + base + `/news/s2</loc></url></urlset>`
		}, "Sitemap one", "Test Wire"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newSite(t, tt.feed)
			articles, problems := walkAll(t, &Walker{Fetcher: testFetcher(nil)}, s.URL+"/feed")
			require.Empty(t, problems)
			require.Len(t, articles, 2)
			for _, it := range articles {
				assert.True(t, strings.HasPrefix(it.Article.URL, s.URL+"/news/"), it.Article.URL)
				assert.Equal(t, tt.outlet, it.Article.Outlet, "the page's og:site_name wins")
				assert.Contains(t, it.Article.Text, "rail line")
			}
		})
	}
}

func TestSitemapFeedFillsBlanks(t *testing.T) {
	// A page without metadata takes its title, date and outlet from the
	// sitemap's news extension.
	s := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/sitemap.xml":
			fmt.Fprintf(w, `<urlset xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"><url><loc>/bare</loc>
<news:news><news:publication><news:name>Bare Times</news:name></news:publication>
<news:publication_date>2024-05-07</news:publication_date><news:title>Bare story</news:title></news:news></url></urlset>`)
		case "/bare":
			fmt.Fprint(w, "<html><body><div>"+strings.Repeat("<p>The council voted on Tuesday to build a new bridge over the river, officials said.</p>", 5)+"</div></body></html>")
		default:
			http.NotFound(w, r)
		}
	}))
	defer s.Close()
	articles, problems := walkAll(t, &Walker{Fetcher: testFetcher(nil)}, s.URL+"/sitemap.xml")
	require.Empty(t, problems)
	require.Len(t, articles, 1)
	a := articles[0].Article
	assert.Equal(t, "Bare story", a.Title)
	assert.Equal(t, "2024-05-07", a.Published)
	assert.Equal(t, "Bare Times", a.Outlet)
	assert.Equal(t, s.URL+"/bare", a.URL)
	assert.Equal(t, ID(a), a.ID)
	assert.True(t, strings.HasPrefix(a.ID, "u"), "id from the URL")
}

func TestFetchFailures(t *testing.T) {
	var flaky, dead, gone atomic.Int32
	s := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/robots.txt":
			http.NotFound(w, r)
		case "/slow":
			select {
			case <-time.After(2 * time.Second):
			case <-r.Context().Done():
			}
			fmt.Fprint(w, articlePage(1, "Slow"))
		case "/flaky": // fails twice, then works
			if flaky.Add(1) <= 2 {
				w.Header().Set("Retry-After", "0")
				http.Error(w, "busy", http.StatusServiceUnavailable)
				return
			}
			fmt.Fprint(w, articlePage(2, "Flaky"))
		case "/dead":
			dead.Add(1)
			http.Error(w, "broken", http.StatusInternalServerError)
		case "/gone":
			gone.Add(1)
			http.NotFound(w, r)
		case "/huge":
			fmt.Fprint(w, articlePage(3, strings.Repeat("x", 5000)))
		}
	}))
	defer s.Close()

	f := testFetcher(nil)
	f.Timeout = 100 * time.Millisecond
	f.MaxSize = 4000
	start := time.Now()
	articles, problems := walkAll(t, &Walker{Fetcher: f},
		s.URL+"/slow", s.URL+"/flaky", s.URL+"/dead", s.URL+"/gone", s.URL+"/huge", "ftp://example.com/x", "file:///etc/passwd")
	assert.Less(t, time.Since(start), 2*time.Second, "timeouts and backoff stay short")
	require.Len(t, articles, 1)
	assert.Equal(t, s.URL+"/flaky", articles[0].Article.URL)
	assert.EqualValues(t, 3, flaky.Load(), "two failures, then success")

	require.Len(t, problems, 6)
	assert.ErrorIs(t, problems[0].Err, context.DeadlineExceeded, "slow host: %v", problems[0].Err)
	var he *HTTPError
	require.ErrorAs(t, problems[1].Err, &he)
	assert.Equal(t, 500, he.Status)
	assert.Equal(t, 3, he.Attempts)
	assert.EqualValues(t, 3, dead.Load(), "a failing host is retried, then given up on")
	require.ErrorAs(t, problems[2].Err, &he)
	assert.Equal(t, 404, he.Status)
	assert.EqualValues(t, 1, gone.Load(), "a 404 is not retried")
	assert.ErrorIs(t, problems[3].Err, ErrTooLarge)
	assert.ErrorIs(t, problems[4].Err, ErrUnsupported)
	assert.ErrorIs(t, problems[5].Err, ErrUnsupported)
	st := f.Stats()
	assert.EqualValues(t, 4, st.Failed, "refused schemes are not fetch failures")
}

func TestRobotsUnreachableForbids(t *testing.T) {
	// RFC 9309: a robots.txt answering 5xx means "crawl nothing".
	s := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.Error(w, "down", http.StatusServiceUnavailable)
			return
		}
		fmt.Fprint(w, articlePage(1, "x"))
	}))
	defer s.Close()
	_, problems := walkAll(t, &Walker{Fetcher: testFetcher(nil)}, s.URL+"/news/1")
	require.Len(t, problems, 1)
	assert.ErrorIs(t, problems[0].Err, ErrDisallowed)
}

func TestHostDelay(t *testing.T) {
	s := newSite(t, rss(6))
	f := testFetcher(nil)
	f.Delay = 20 * time.Millisecond
	start := time.Now()
	articles, _ := walkAll(t, &Walker{Fetcher: f}, s.URL+"/feed")
	require.Len(t, articles, 5)
	// robots.txt, the feed and 5 articles: 7 requests, 6 delays.
	assert.GreaterOrEqual(t, time.Since(start), 6*20*time.Millisecond)
}
