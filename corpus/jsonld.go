package corpus

import (
	"encoding/json"
	"strings"

	"github.com/PuerkitoBio/goquery"
)

// ldArticle is what a page's JSON-LD says about its article.
type ldArticle struct {
	headline  string
	published string
	url       string
	body      string
	publisher string
	section   string
	authors   []string
}

// readJSONLD finds the article object (NewsArticle, Article, BlogPosting, …)
// in the page's JSON-LD blocks, looking inside arrays and "@graph" and
// following {"@id": …} references for authors and publishers. Blocks that do
// not parse are ignored: pages ship broken JSON-LD often enough.
func readJSONLD(doc *goquery.Document) ldArticle {
	var nodes []map[string]any
	doc.Find("script").Each(func(_ int, s *goquery.Selection) {
		if typ, _ := s.Attr("type"); !strings.Contains(strings.ToLower(typ), "ld+json") {
			return
		}
		var v any
		if json.Unmarshal([]byte(unwrapScript(s.Text())), &v) == nil {
			nodes = collectNodes(v, nodes)
		}
	})
	byID := make(map[string]map[string]any)
	for _, n := range nodes {
		if id, ok := n["@id"].(string); ok && len(n) > 1 {
			byID[id] = n
		}
	}
	var art map[string]any
	for _, n := range nodes {
		if isArticleType(n["@type"]) {
			art = n
			break
		}
	}
	if art == nil {
		for _, n := range nodes {
			if _, ok := n["headline"].(string); ok {
				art = n
				break
			}
		}
	}
	if art == nil {
		return ldArticle{}
	}
	ld := ldArticle{
		headline:  cleanSpace(str(art["headline"])),
		published: str(art["datePublished"]),
		body:      str(art["articleBody"]),
		url:       str(art["url"]),
		authors:   names(art["author"], byID),
		section:   firstString(art["articleSection"]),
	}
	if ld.url == "" {
		ld.url = str(art["mainEntityOfPage"])
		if m, ok := art["mainEntityOfPage"].(map[string]any); ok {
			ld.url = str(m["@id"])
		}
	}
	if p := names(art["publisher"], byID); len(p) > 0 {
		ld.publisher = p[0]
	}
	return ld
}

// firstString reads a value that is a string or a list of strings (as
// articleSection often is) and returns the first.
func firstString(v any) string {
	if l, ok := v.([]any); ok {
		for _, x := range l {
			if s := cleanSpace(str(x)); s != "" {
				return s
			}
		}
		return ""
	}
	return cleanSpace(str(v))
}

// unwrapScript strips the comment and CDATA wrappers some pages put around
// JSON-LD.
func unwrapScript(s string) string {
	s = strings.TrimSpace(s)
	for _, w := range [][2]string{{"<!--", "-->"}, {"//<![CDATA[", "//]]>"}, {"<![CDATA[", "]]>"}} {
		if strings.HasPrefix(s, w[0]) && strings.HasSuffix(s, w[1]) {
			s = strings.TrimSpace(s[len(w[0]) : len(s)-len(w[1])])
		}
	}
	return s
}

// collectNodes appends every object in v, descending into arrays and
// "@graph".
func collectNodes(v any, out []map[string]any) []map[string]any {
	switch v := v.(type) {
	case []any:
		for _, e := range v {
			out = collectNodes(e, out)
		}
	case map[string]any:
		out = append(out, v)
		if g, ok := v["@graph"]; ok {
			out = collectNodes(g, out)
		}
	}
	return out
}

// isArticleType reports whether a JSON-LD @type (a string or a list of
// them, possibly a full schema.org IRI) names a kind of article.
func isArticleType(t any) bool {
	switch t := t.(type) {
	case string:
		if i := strings.LastIndexAny(t, "/:#"); i >= 0 {
			t = t[i+1:]
		}
		return strings.HasSuffix(t, "Article") || t == "BlogPosting" ||
			t == "LiveBlogPosting" || t == "Report"
	case []any:
		for _, e := range t {
			if isArticleType(e) {
				return true
			}
		}
	}
	return false
}

// names reads the names in an author or publisher value: a string, an object
// with "name" (or an "@id" reference to one), or a list of these.
func names(v any, byID map[string]map[string]any) []string {
	var out []string
	seen := make(map[string]bool)
	var visit func(v any, depth int)
	visit = func(v any, depth int) {
		if depth > 3 {
			return
		}
		switch v := v.(type) {
		case string:
			if n := cleanSpace(v); n != "" && !isURL(n) && !seen[n] {
				seen[n] = true
				out = append(out, n)
			}
		case []any:
			for _, e := range v {
				visit(e, depth+1)
			}
		case map[string]any:
			if _, ok := v["name"]; !ok {
				if ref, ok := byID[str(v["@id"])]; ok {
					v = ref
				}
			}
			visit(v["name"], depth+1)
		}
	}
	visit(v, 0)
	return out
}

// str returns v when it is a string, trimmed, else "".
func str(v any) string {
	s, _ := v.(string)
	return strings.TrimSpace(s)
}

func isURL(s string) bool {
	return strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://")
}
