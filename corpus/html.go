package corpus

import (
	"bytes"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/PuerkitoBio/goquery"
	"github.com/whosaid/whosaid"
	"golang.org/x/net/html/charset"
)

// ReadHTML reads a news page: headline, byline, publication date, canonical
// URL, outlet and body text (see the package comment for where each comes
// from). The page's declared charset is honoured (a <meta charset>, an XML
// declaration or a byte-order mark; undeclared non-UTF-8 pages are read as
// windows-1252, as browsers do); bytes invalid in UTF-8 become U+FFFD.
//
// The error is an *Error naming source that wraps ErrEmpty, ErrBinary,
// ErrTooLarge (over MaxSize, or text over MaxText), ErrNoText (no article text on the page) or a
// read error from r.
func ReadHTML(source string, r io.Reader) (whosaid.Article, error) {
	data, err := readAll(r, MaxSize)
	if err != nil {
		return whosaid.Article{}, inputError(source, 0, err)
	}
	return readHTMLBytes(source, data)
}

func readHTMLBytes(source string, data []byte) (whosaid.Article, error) {
	return readHTMLPage(source, data, "")
}

// readHTMLPage reads a page whose HTTP Content-Type (which may name its
// charset) is contentType.
func readHTMLPage(source string, data []byte, contentType string) (whosaid.Article, error) {
	doc, err := parseHTML(data, contentType)
	if err == nil {
		var a whosaid.Article
		a, err = pageArticle(doc)
		if err == nil {
			a.Source = source
			return a, nil
		}
	}
	return whosaid.Article{}, inputError(source, 0, err)
}

// parseHTML decodes data to UTF-8 by its declared charset (a charset in
// contentType, from HTTP, wins over the page's own) and parses it.
func parseHTML(data []byte, contentType string) (*goquery.Document, error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, ErrEmpty
	}
	utf16 := bytes.HasPrefix(data, bomUTF16LE) || bytes.HasPrefix(data, bomUTF16BE)
	if !utf16 && isBinary(string(sample(data))) {
		return nil, ErrBinary
	}
	enc, name, certain := charset.DetermineEncoding(data, contentType)
	if !certain && name != "utf-8" && utf8.Valid(data) {
		// DetermineEncoding looks at the first 1024 bytes only, and
		// pages declare their charset late or wrongly. Text in
		// windows-1252 or Latin-1 with any non-ASCII letter is almost
		// never valid UTF-8, so a page valid throughout is UTF-8.
		name = "utf-8"
	}
	if name != "utf-8" {
		out, err := enc.NewDecoder().Bytes(data)
		if err != nil {
			return nil, fmt.Errorf("decode %s: %w", name, err)
		}
		data = out
	}
	data = bytes.TrimPrefix(data, bomUTF8)
	if !utf8.Valid(data) {
		data = bytes.ToValidUTF8(data, []byte("\uFFFD"))
	}
	doc, err := goquery.NewDocumentFromReader(bytes.NewReader(data))
	if err != nil {
		return nil, malformedHTML(err)
	}
	return doc, nil
}

// parseHTMLString parses HTML that is already text, such as the "html" field
// of a JSON line: its bytes are UTF-8 whatever its <meta charset> says.
func parseHTMLString(s string) (*goquery.Document, error) {
	if strings.TrimSpace(s) == "" {
		return nil, ErrEmpty
	}
	if isBinary(s) {
		return nil, ErrBinary
	}
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(s))
	if err != nil {
		return nil, malformedHTML(err)
	}
	return doc, nil
}

// malformedHTML words a parse error of golang.org/x/net/html, which gives up
// on pages nested more than 512 elements deep.
func malformedHTML(err error) error {
	return fmt.Errorf("%w HTML: %s", ErrMalformed, strings.TrimPrefix(err.Error(), "html: "))
}

// pageArticle reads the article on a parsed page. It returns ErrNoText when
// the page has no body text, and ErrTooLarge when the page holds more than
// 4*MaxText of text: its story would be refused anyway, and reading a
// page that size costs seconds.
func pageArticle(doc *goquery.Document) (whosaid.Article, error) {
	if len(doc.Nodes) > 0 {
		if n := visibleTextLen(doc.Nodes[0]); n > 4*MaxText {
			return whosaid.Article{}, fmt.Errorf("%w: page text of %d bytes, over the %d MiB limit", ErrTooLarge, n, 4*MaxText>>20)
		}
	}
	meta := metaTags(doc)
	ld := readJSONLD(doc)
	var a whosaid.Article
	a.Outlet = first(meta.get("og:site_name"), ld.publisher)
	a.Section = first(ld.section, meta.get("article:section"))
	a.Title = cleanTitle(first(
		ld.headline,
		meta.get("og:title"),
		meta.get("twitter:title"),
		textOf(doc.Find("article h1").First()),
		textOf(doc.Find("h1").First()),
	), a.Outlet, false)
	if a.Title == "" {
		a.Title = cleanTitle(textOf(doc.Find("title").First()), a.Outlet, true)
	}
	a.Byline = byline(doc, meta, ld)
	a.Published = published(doc, meta, ld)
	a.URL = canonicalURL(doc, meta, ld)

	text := strings.Join(extractBody(doc), "\n")
	if ld.body != "" && len(text) < len(ld.body)/2 {
		// A paywalled or script-rendered page: the markup holds a teaser,
		// the JSON-LD the story.
		text = bodyText(ld.body)
	}
	if text == "" {
		return whosaid.Article{}, ErrNoText
	}
	if err := checkTextSize(text); err != nil {
		return whosaid.Article{}, err
	}
	a.Text = text
	a.Dateline = ParseDateline(text)
	a.ID = ID(a)
	return a, nil
}

// metaMap holds <meta> contents by lower-cased property, name or itemprop.
type metaMap map[string][]string

func metaTags(doc *goquery.Document) metaMap {
	m := make(metaMap)
	doc.Find("meta").Each(func(_ int, s *goquery.Selection) {
		content, ok := s.Attr("content")
		if content = cleanSpace(content); !ok || content == "" {
			return
		}
		for _, attr := range []string{"property", "name", "itemprop"} {
			if key, ok := s.Attr(attr); ok && key != "" {
				key = strings.ToLower(strings.TrimSpace(key))
				m[key] = append(m[key], content)
			}
		}
	})
	return m
}

// get returns the first content of the first key present.
func (m metaMap) get(keys ...string) string {
	for _, k := range keys {
		if v := m[k]; len(v) > 0 {
			return v[0]
		}
	}
	return ""
}

// byline names the authors: JSON-LD, then meta tags, then rel=author links
// and byline elements.
func byline(doc *goquery.Document, meta metaMap, ld ldArticle) string {
	if len(ld.authors) > 0 {
		return strings.Join(ld.authors, ", ")
	}
	for _, k := range []string{"author", "article:author", "byl", "parsely-author", "sailthru.author", "dc.creator", "twitter:creator"} {
		for _, v := range meta[k] {
			if v = cleanByline(v); v != "" && !isURL(v) && !strings.HasPrefix(v, "@") {
				return v
			}
		}
	}
	var linked []string
	doc.Find(`a[rel~="author"], [itemprop="author"] [itemprop="name"]`).Each(func(_ int, s *goquery.Selection) {
		if v := cleanByline(s.Text()); v != "" && !slices.Contains(linked, v) {
			linked = append(linked, v)
		}
	})
	if len(linked) > 0 {
		return strings.Join(linked, ", ")
	}
	return cleanByline(textOf(doc.Find(`.byline, .author, [itemprop="author"]`).First()))
}

// cleanByline trims "By " and white space from a byline and drops ones too
// long to be names.
func cleanByline(s string) string {
	s = cleanSpace(s)
	if len(s) > 3 && strings.EqualFold(s[:3], "by ") {
		s = strings.TrimSpace(s[3:])
	}
	if len(s) > 200 {
		return ""
	}
	return s
}

// published finds the publication date, as YYYY-MM-DD.
func published(doc *goquery.Document, meta metaMap, ld ldArticle) string {
	candidates := []string{ld.published}
	for _, k := range []string{
		"article:published_time", "og:published_time", "published_time", "datepublished",
		"pubdate", "publishdate", "publish-date", "publication_date", "date", "dc.date.issued",
		"dc.date", "dcterms.created", "parsely-pub-date", "sailthru.date", "article.published",
		"og:article:published_time", "article:published",
	} {
		candidates = append(candidates, meta[k]...)
	}
	for _, sel := range []string{`time[itemprop="datePublished"]`, `time[pubdate]`, `article time[datetime]`, `time[datetime]`} {
		if v, ok := doc.Find(sel).First().Attr("datetime"); ok {
			candidates = append(candidates, v)
		}
	}
	for _, c := range candidates {
		if d, ok := normalizeDate(c); ok {
			return d
		}
	}
	return ""
}

// canonicalURL prefers an absolute <link rel=canonical>, then og:url, then
// the JSON-LD url.
func canonicalURL(doc *goquery.Document, meta metaMap, ld ldArticle) string {
	canon, _ := doc.Find(`link[rel~="canonical"]`).First().Attr("href")
	candidates := []string{strings.TrimSpace(canon), meta.get("og:url"), ld.url}
	for _, c := range candidates {
		if isURL(c) {
			return c
		}
	}
	return first(candidates...)
}

// cleanTitle drops a " | Outlet" (or " - Outlet") suffix from a title, and
// from a <title> (pageTitle) any short last " | " part, which names the site
// or section there.
func cleanTitle(title, outlet string, pageTitle bool) string {
	if outlet != "" {
		for _, sep := range []string{" | ", " - ", " – ", " — ", " :: "} {
			if t, ok := strings.CutSuffix(title, sep+outlet); ok && t != "" {
				return t
			}
		}
	}
	if i := strings.LastIndex(title, " | "); pageTitle && i > 0 && len(title)-i < 40 {
		return title[:i]
	}
	return title
}

func textOf(s *goquery.Selection) string { return cleanSpace(s.Text()) }

// first returns the first non-empty value.
func first(values ...string) string {
	for _, v := range values {
		if v = strings.TrimSpace(v); v != "" {
			return v
		}
	}
	return ""
}

// readAll reads r to its end, refusing more than limit bytes.
func readAll(r io.Reader, limit int64) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, fmt.Errorf("read: %w", err)
	}
	if int64(len(data)) > limit {
		return nil, tooLarge(limit)
	}
	return data, nil
}
