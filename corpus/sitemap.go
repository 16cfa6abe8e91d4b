package corpus

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"net/url"
	"strings"
)

// sitemap is a sitemap (urlset) with Google News extensions, or a sitemap
// index. encoding/xml matches local names in any namespace, so
// <news:news> is found under whatever prefix the file binds.
type sitemap struct {
	XMLName xml.Name
	URLs    []struct {
		Loc  string `xml:"loc"`
		News *struct {
			Publication struct {
				Name string `xml:"name"`
			} `xml:"publication"`
			PublicationDate string `xml:"publication_date"`
			Title           string `xml:"title"`
		} `xml:"news"`
	} `xml:"url"`
	Sitemaps []struct {
		Loc string `xml:"loc"`
	} `xml:"sitemap"`
}

// isSitemap tells a sitemap or sitemap index from a feed by its root
// element.
func isSitemap(data []byte) bool {
	head := bytes.ToLower(data[:min(len(data), 4096)])
	return bytes.Contains(head, []byte("<urlset")) || bytes.Contains(head, []byte("<sitemapindex"))
}

// sitemapLinks reads a sitemap: the article links of a urlset (with the
// Google News title, publication name and date when given), or the child
// sitemaps of a sitemap index.
func sitemapLinks(data []byte, base *url.URL) (links []link, children []string, err error) {
	var sm sitemap
	if err := xml.Unmarshal(data, &sm); err != nil {
		return nil, nil, fmt.Errorf("%w sitemap: %w", ErrMalformed, err)
	}
	seen := make(map[string]bool)
	for _, u := range sm.URLs {
		href := resolve(base, u.Loc)
		if href == "" || seen[href] {
			continue
		}
		seen[href] = true
		l := link{URL: href}
		if n := u.News; n != nil {
			l.Title = cleanSpace(n.Title)
			l.Outlet = cleanSpace(n.Publication.Name)
			if d, ok := normalizeDate(strings.TrimSpace(n.PublicationDate)); ok {
				l.Published = d
			}
		}
		links = append(links, l)
	}
	for _, s := range sm.Sitemaps {
		if href := resolve(base, s.Loc); href != "" {
			children = append(children, href)
		}
	}
	return links, children, nil
}
