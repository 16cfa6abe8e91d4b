package corpus

import (
	"net/url"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestFeedLinksBadItems checks that items with nothing to fetch are
// returned as problems naming the item, beside the good links.
func TestFeedLinksBadItems(t *testing.T) {
	feed := `<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>
<item><title>Good</title><link>https://wire.example/a</link></item>
<item><title>No link</title><description>Just words.</description></item>
<item><title>Script</title><link>javascript:alert(1)</link></item>
<item><title>Relative</title><link>/b</link></item>
<item><title>Again</title><link>https://wire.example/a</link></item>
</channel></rss>`
	links, bad, err := feedLinks([]byte(feed), nil)
	require.NoError(t, err)
	require.Len(t, links, 1)
	assert.Equal(t, "https://wire.example/a", links[0].URL)
	var msgs []string
	for _, b := range bad {
		assert.ErrorIs(t, b, ErrMalformed)
		msgs = append(msgs, b.Error())
	}
	assert.Equal(t, []string{
		`malformed feed item 2 ("No link"): no link`,
		`malformed feed item 3 ("Script"): link "javascript:alert(1)" is not an absolute http or https URL`,
		`malformed feed item 4 ("Relative"): link "/b" is not an absolute http or https URL`,
	}, msgs)

	base, _ := url.Parse("https://wire.example/feed")
	links, bad, err = feedLinks([]byte(feed), base)
	require.NoError(t, err)
	assert.Len(t, links, 2, "a relative link resolves against the feed's URL")
	assert.Len(t, bad, 2)

	_, _, err = feedLinks([]byte(`<rss><channel><item><title>cut`), nil)
	assert.ErrorIs(t, err, ErrMalformed)
}

// TestReadFeedFileBadItems checks that a feed named as a source reports its
// unusable items through the walk, one problem each.
func TestReadFeedFileBadItems(t *testing.T) {
	path := writeFile(t, t.TempDir(), "feed.xml", []byte(`<?xml version="1.0"?><rss version="2.0"><channel>
<item><title>No link</title></item><item><link>mailto:x@example.com</link></item></channel></rss>`))
	items := collect(t, &Walker{}, path)
	got := summary(items)
	for i := range got {
		got[i] = strings.Replace(got[i], path, "feed.xml", 1)
	}
	assert.Equal(t, []string{
		`ERR feed.xml: malformed feed item 1 ("No link"): no link`,
		`ERR feed.xml: malformed feed item 2: link "mailto:x@example.com" is not an absolute http or https URL`,
	}, got)
}

// FuzzFeedLinks feeds arbitrary documents to the feed and sitemap readers:
// they must not panic, and every link they return must be an absolute http
// or https URL, listed once.
func FuzzFeedLinks(f *testing.F) {
	f.Add([]byte(`<?xml version="1.0"?><rss version="2.0"><channel><title>W</title><item><title>A</title><link>https://e.example/a</link><pubDate>Tue, 07 May 2024 10:00:00 GMT</pubDate></item><item><link>/rel</link></item></channel></rss>`))
	f.Add([]byte(`<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><entry><title>x</title><link href="/news/a2"/><updated>2024-05-07T10:00:00Z</updated><author><name>N</name></author></entry></feed>`))
	f.Add([]byte(`{"version": "https://jsonfeed.org/version/1.1", "title": "J", "items": [{"id": "1", "url": "https://e.example/j", "date_published": "2024-05-07T10:00:00Z"}, {"id": "2"}, null]}`))
	f.Add([]byte(`<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"><url><loc>https://e.example/s</loc><news:news><news:title>T</news:title></news:news></url></urlset>`))
	f.Add([]byte(`<sitemapindex><sitemap><loc>https://e.example/sm.xml</loc></sitemap></sitemapindex>`))
	f.Add([]byte(`<rss><channel><item><title>cut`))
	f.Add([]byte("<rss version=\"2.0\"><channel><item><link>https://e.example/\x00</link></item></channel></rss>"))
	base, _ := url.Parse("https://e.example/feed")
	f.Fuzz(func(t *testing.T, data []byte) {
		check := func(links []link) {
			seen := make(map[string]bool)
			for _, l := range links {
				if !isURL(l.URL) || seen[l.URL] {
					t.Fatalf("bad or repeated link %q", l.URL)
				}
				seen[l.URL] = true
				if l.Published != "" && len(l.Published) != 10 {
					t.Fatalf("published %q", l.Published)
				}
			}
		}
		for _, b := range []*url.URL{nil, base} {
			if isSitemap(data) {
				links, _, err := sitemapLinks(data, b)
				if err == nil {
					check(links)
				}
				continue
			}
			links, bad, err := feedLinks(data, b)
			if err != nil {
				if len(links) > 0 || len(bad) > 0 {
					t.Fatal("links with an error")
				}
				continue
			}
			check(links)
			for _, e := range bad {
				if !strings.HasPrefix(e.Error(), "malformed feed item ") {
					t.Fatalf("bad item error %q", e)
				}
			}
		}
	})
}
