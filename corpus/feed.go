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
// Feed document, resolving relative links against base. Items without a
// link are passed over; a link listed twice is kept once.
func feedLinks(data []byte, base *url.URL) ([]link, error) {
	feed, err := gofeed.NewParser().Parse(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("parse feed: %w", err)
	}
	outlet := cleanSpace(feed.Title)
	var links []link
	seen := make(map[string]bool)
	for _, it := range feed.Items {
		href := strings.TrimSpace(it.Link)
		if href == "" && len(it.Links) > 0 {
			href = strings.TrimSpace(it.Links[0])
		}
		if href == "" && isURL(it.GUID) {
			href = it.GUID
		}
		href = resolve(base, href)
		if href == "" || seen[href] {
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
	return links, nil
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
// returns "" for what is not an http or https URL.
func resolve(base *url.URL, href string) string {
	href = strings.TrimSpace(href)
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
