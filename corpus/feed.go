package corpus

import (
	"bytes"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"
)

// link is an article that a feed or sitemap points to, with what the feed
// says of it; the page's own metadata wins over these.
type link struct {
	URL       string
	Title     string
	Published string // YYYY-MM-DD
	Byline    string
	Outlet    string
}

// feedLinks reads the item links of an RSS (0.9x, 1.0, 2.0), Atom or JSON
// Feed document, resolving relative links against base. A link listed
// twice is kept once. An item without an http or https link (none, a
// javascript: one, a relative one in a local file) has nothing to fetch: it
// is returned in bad, as an error wrapping ErrMalformed that names the item
// by its 1-based position and title, for the caller to report.
func feedLinks(data []byte, base *url.URL) (links []link, bad []error, err error) {
	feed, err := parseFeed(data)
	if err != nil {
		return nil, nil, fmt.Errorf("%w feed: %w", ErrMalformed, err)
	}
	outlet := cleanSpace(feed.Title)
	seen := make(map[string]bool)
	for i, it := range feed.Items {
		if it == nil {
			continue
		}
		raw := strings.TrimSpace(it.Link)
		if raw == "" && len(it.Links) > 0 {
			raw = strings.TrimSpace(it.Links[0])
		}
		if raw == "" && isURL(it.GUID) {
			raw = it.GUID
		}
		href := resolve(base, raw)
		if href == "" {
			bad = append(bad, badItem(i, it.Title, raw))
			continue
		}
		if seen[href] {
			continue
		}
		seen[href] = true
		l := link{URL: href, Title: cleanSpace(it.Title), Outlet: outlet}
		if t := firstTime(it.PublishedParsed, it.UpdatedParsed); t != nil {
			l.Published = t.UTC().Format(time.DateOnly)
		}
		var names []string
		for _, p := range it.Authors {
			if p != nil && cleanSpace(p.Name) != "" {
				names = append(names, cleanSpace(p.Name))
			}
		}
		l.Byline = strings.Join(names, ", ")
		links = append(links, l)
	}
	return links, bad, nil
}

// badItem says which feed item (0-based index i) has no usable link and
// what it had instead, shortened so one line of stderr stays one line.
func badItem(i int, title, raw string) error {
	name := fmt.Sprintf("item %d", i+1)
	if t := cleanSpace(title); t != "" {
		if len(t) > 60 {
			t = strings.ToValidUTF8(t[:60], "") + "…"
		}
		name += fmt.Sprintf(" (%q)", t)
	}
	if raw == "" {
		return fmt.Errorf("%w feed %s: no link", ErrMalformed, name)
	}
	if len(raw) > 80 {
		raw = strings.ToValidUTF8(raw[:80], "") + "…"
	}
	return fmt.Errorf("%w feed %s: link %q is not an absolute http or https URL", ErrMalformed, name, raw)
}

// parseFeed runs gofeed, turning a panic into an error: gofeed v1.4 panics
// on some malformed feeds (a JSON Feed whose items list holds null), and
// one bad feed must not bring down a batch.
func parseFeed(data []byte) (feed *gofeed.Feed, err error) {
	defer func() {
		if r := recover(); r != nil {
			feed, err = nil, fmt.Errorf("parser failed: %v", r)
		}
	}()
	return gofeed.NewParser().Parse(bytes.NewReader(data))
}

func firstTime(ts ...*time.Time) *time.Time {
	for _, t := range ts {
		if t != nil && !t.IsZero() {
			return t
		}
	}
	return nil
}

// resolve makes href absolute against base (when base is known) and
// returns "" for what is not an http or https URL. An empty href is "",
// not base itself: a feed item or sitemap entry without a link must not
// make the feed fetch itself as an article.
func resolve(base *url.URL, href string) string {
	href = strings.TrimSpace(href)
	if href == "" {
		return ""
	}
	u, err := url.Parse(href)
	if err != nil {
		return ""
	}
	if base != nil {
		u = base.ResolveReference(u)
	}
	if checkScheme(u) != nil {
		return ""
	}
	return u.String()
}
