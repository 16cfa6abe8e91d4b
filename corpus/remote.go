package corpus

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strings"

	"github.com/whosaid/whosaid"
)

// maxSitemapDepth bounds how far sitemap indexes are followed: an index of
// indexes of sitemaps is as deep as real sites go.
const maxSitemapDepth = 2

// isRemote tells a source given as a URL (any scheme: the fetcher refuses
// all but http and https) from a path.
func isRemote(src string) bool {
	i := strings.Index(src, "://")
	if i <= 0 {
		return false
	}
	for _, r := range src[:i] {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '+' || r == '-' || r == '.') {
			return false
		}
	}
	return true
}

// fetcher is w.Fetcher, or a default one kept for the Walker's life so
// that its robots.txt and per-host state carry across sources.
func (w *Walker) fetcher() *Fetcher {
	if w.Fetcher != nil {
		return w.Fetcher
	}
	if w.ownFetcher == nil {
		w.ownFetcher = &Fetcher{}
	}
	return w.ownFetcher
}

// walkURL reads what rawURL serves: an article page, or a feed or sitemap
// whose articles it then fetches.
func (w *Walker) walkURL(ctx context.Context, rawURL string, yield func(Item) error) error {
	f := w.fetcher()
	p, err := f.fetch(ctx, rawURL, true)
	if err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		return yield(Item{Err: inputError(rawURL, 0, err)})
	}
	return w.readPage(ctx, f, p, 0, yield)
}

// readPage reads a fetched page by what it holds.
func (w *Walker) readPage(ctx context.Context, f *Fetcher, p *Page, depth int, yield func(Item) error) error {
	body, err := gunzipPage(p.Body, f.maxSize())
	if err != nil {
		return yield(Item{Err: inputError(p.URL, 0, err)})
	}
	base, _ := url.Parse(p.FinalURL)
	switch pageKind(p.ContentType, body) {
	case kindHTML:
		it := pageItem(p, body, link{URL: p.URL})
		if it.Err == nil {
			if err := f.remember(ctx, p); err != nil {
				return err
			}
		}
		return yield(it)
	case kindFeed:
		var links []link
		var children []string
		var bad []error
		if isSitemap(body) {
			links, children, err = sitemapLinks(body, base)
		} else {
			links, bad, err = feedLinks(body, base)
		}
		if err != nil {
			return yield(Item{Err: inputError(p.URL, 0, err)})
		}
		for _, b := range bad {
			if err := yield(Item{Err: inputError(p.URL, 0, b)}); err != nil {
				return err
			}
		}
		complete := true
		for _, child := range children {
			if depth >= maxSitemapDepth {
				break
			}
			cp, err := f.fetch(ctx, child, true)
			if err != nil {
				if ctx.Err() != nil {
					return ctx.Err()
				}
				complete = complete && !retryable(err)
				if errors.Is(err, ErrNotModified) {
					err = nil
				}
				if err != nil {
					if err := yield(Item{Err: inputError(child, 0, err)}); err != nil {
						return err
					}
				}
				continue
			}
			if err := w.readPage(ctx, f, cp, depth+1, yield); err != nil {
				return err
			}
		}
		ok, err := w.fetchArticles(ctx, f, links, yield)
		if err != nil {
			return err
		}
		if ok && complete {
			// Only now may a re-run skip this feed when it is unchanged:
			// every article it lists is in, or failed for good.
			return f.remember(ctx, p)
		}
		return nil
	}
	return yield(Item{Err: inputError(p.URL, 0, fmt.Errorf("%w: %s is neither a page nor a feed", ErrUnsupported, orDefault(p.ContentType, "content")))})
}

// gunzipPage decompresses a body that is still gzip (a sitemap.xml.gz
// served as a file, not with Content-Encoding).
func gunzipPage(body []byte, limit int64) ([]byte, error) {
	if len(body) < 2 || body[0] != 0x1f || body[1] != 0x8b {
		return body, nil
	}
	zr, err := gzip.NewReader(bytes.NewReader(body))
	if err != nil {
		return nil, fmt.Errorf("decompress: %w", err)
	}
	return readAll(gunzipReader{zr}, limit)
}

// pageKind tells an HTML page from a feed or sitemap, by the body first:
// servers label feeds text/xml, text/html or text/plain as often as
// correctly.
func pageKind(contentType string, body []byte) kind {
	head := bytes.TrimLeft(bytes.TrimPrefix(body[:min(len(body), 1024)], bomUTF8), " \t\r\n\f")
	if len(head) > 0 && head[0] == '{' {
		if bytes.Contains(bytes.ToLower(body[:min(len(body), 4096)]), []byte("jsonfeed.org/version")) {
			return kindFeed
		}
		return kindUnknown
	}
	if k := sniff(bufio.NewReader(bytes.NewReader(head)), kindUnknown); k == kindFeed || k == kindHTML {
		return k
	}
	if strings.Contains(strings.ToLower(contentType), "html") {
		return kindHTML
	}
	return kindUnknown
}

// fetchArticles fetches the pages links point to, up to f.Concurrency at a
// time, and yields their articles (or problems) in the order listed. ok is
// false when a page failed in a way a later run might not (a timeout, a
// 5xx): then the feed's validators must not be recorded.
func (w *Walker) fetchArticles(ctx context.Context, f *Fetcher, links []link, yield func(Item) error) (ok bool, err error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	results := make([]chan Item, len(links))
	for i := range results {
		results[i] = make(chan Item, 1)
	}
	slots := make(chan struct{}, f.concurrency())
	go func() {
		for i, l := range links {
			select {
			case slots <- struct{}{}:
			case <-ctx.Done():
				return
			}
			go func() {
				defer func() { <-slots }()
				results[i] <- w.fetchArticle(ctx, f, l)
			}()
		}
	}()
	ok = true
	for i := range links {
		var it Item
		select {
		case it = <-results[i]:
		case <-ctx.Done():
			return false, ctx.Err()
		}
		if it.Err != nil && retryable(it.Err) {
			ok = false
		}
		if ctx.Err() != nil {
			return false, ctx.Err()
		}
		if err := yield(it); err != nil {
			return false, err
		}
	}
	return ok, nil
}

// fetchArticle fetches one linked page and reads its article.
func (w *Walker) fetchArticle(ctx context.Context, f *Fetcher, l link) Item {
	p, err := f.fetch(ctx, l.URL, true)
	if err != nil {
		return Item{Err: inputError(l.URL, 0, err)}
	}
	body, err := gunzipPage(p.Body, f.maxSize())
	if err != nil {
		return Item{Err: inputError(l.URL, 0, err)}
	}
	if pageKind(p.ContentType, body) != kindHTML {
		return Item{Err: inputError(l.URL, 0, fmt.Errorf("%w: not an HTML page (%s)", ErrUnsupported, p.ContentType))}
	}
	it := pageItem(p, body, l)
	if it.Err == nil {
		if err := f.remember(ctx, p); err != nil {
			return Item{Err: inputError(l.URL, 0, err)}
		}
	}
	return it
}

// pageItem reads the article on a fetched page and completes it with what
// the feed said and where it was fetched from.
func pageItem(p *Page, body []byte, l link) Item {
	a, err := readHTMLPage(p.URL, body, p.ContentType)
	if err != nil {
		return Item{Err: err}
	}
	fillFromLink(&a, l, p.FinalURL)
	return Item{Article: a}
}

// fillFromLink fills what the page left blank from the feed, makes a
// relative canonical URL absolute (or uses the fetched one when the page
// names none), names the outlet by the host when nothing else does, and
// derives the id again when the URL changed.
func fillFromLink(a *whosaid.Article, l link, finalURL string) {
	a.Title = first(a.Title, l.Title)
	a.Published = first(a.Published, l.Published)
	a.Byline = first(a.Byline, l.Byline)
	base, _ := url.Parse(finalURL)
	u := resolve(base, a.URL)
	if u == "" {
		u = finalURL
	}
	if u != a.URL {
		if a.ID == ID(whosaid.Article{URL: a.URL, Text: a.Text}) {
			a.ID = ""
		}
		a.URL = u
		a.ID = ID(*a)
	}
	if a.Outlet == "" {
		a.Outlet = l.Outlet
	}
	if a.Outlet == "" && base != nil {
		a.Outlet = strings.TrimPrefix(base.Hostname(), "www.")
	}
}

// readFeedStream reads a feed or sitemap file (a local one: its relative
// links cannot be resolved) and fetches its articles.
func (w *Walker) readFeedStream(ctx context.Context, source string, r io.Reader, yield func(Item) error) error {
	f := w.fetcher()
	data, err := readAll(r, w.limit())
	if err != nil {
		return yield(Item{Err: inputError(source, 0, err)})
	}
	var links []link
	var children []string
	var bad []error
	if isSitemap(data) {
		links, children, err = sitemapLinks(data, nil)
	} else {
		links, bad, err = feedLinks(data, nil)
	}
	if err != nil {
		return yield(Item{Err: inputError(source, 0, err)})
	}
	for _, b := range bad {
		if err := yield(Item{Err: inputError(source, 0, b)}); err != nil {
			return err
		}
	}
	for _, child := range children {
		if err := w.walkURL(ctx, child, yield); err != nil {
			return err
		}
	}
	_, err = w.fetchArticles(ctx, f, links, yield)
	return err
}
