package main

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// wireParas is one wire story; the test site serves it under five outlets'
// URLs, each with its own headline and some trimmed or added text.
var wireParas = []string{
	"WASHINGTON (AP) — The Senate on Thursday passed a $1.2 trillion spending package that averts a partial government shutdown, sending the measure to the president just hours before funding was set to lapse.",
	"The vote was 74-24, with a majority of Republicans joining Democrats to support the bill after weeks of negotiations between the chamber's leaders and the White House.",
	"“This agreement keeps the government open and protects the programs that families rely on,” Senate Majority Leader Chuck Schumer said on the floor before the vote.",
	"Conservative critics argued the package spent too much and was negotiated behind closed doors, leaving lawmakers little time to read more than a thousand pages of legislation.",
	"The bill funds the Pentagon, the Department of Homeland Security and several other agencies through the end of September, when the fiscal year ends.",
	"It includes a pay raise for troops, money for additional border agents and new funding for child care programs that Democrats had pushed for since last year.",
	"House Speaker Mike Johnson brought the measure to the floor earlier in the week under a procedure that required a two-thirds majority, angering members of his own party.",
	"Some of those members have threatened to try to remove Johnson from his post, though it was unclear whether they had the votes to do so before the spring recess.",
}

// newsPage renders a page with its own headline and outlet.
func newsPage(title, outlet string, paras []string) string {
	var b strings.Builder
	fmt.Fprintf(&b, `<!doctype html><html><head><title>%s</title><meta property="og:site_name" content="%s">
<meta property="article:published_time" content="2024-03-22T18:00:00Z"></head><body><nav><a href="/">Home</a></nav><article><h1>%s</h1>`, title, outlet, title)
	for _, p := range paras {
		fmt.Fprintf(&b, "<p>%s</p>\n", p)
	}
	b.WriteString("</article><footer>© " + outlet + "</footer></body></html>")
	return b.String()
}

// TestIngestFeedSyndicationRerun ingests a 20-item feed whose site forbids
// two items in robots.txt and carries one wire story five times over, then
// runs again and finds nothing new.
func TestIngestFeedSyndicationRerun(t *testing.T) {
	n := len(wireParas)
	pages := map[string]string{
		"/copy/0": newsPage("Senate passes spending bill, averting shutdown", "AP", wireParas),
		"/copy/1": newsPage("Shutdown averted as Senate backs $1.2T package", "Daily Herald",
			append(append([]string{}, wireParas...), "Copyright 2024 The Associated Press. All rights reserved.")),
		"/copy/2": newsPage("Senate vote sends spending bill to president", "Gazette", wireParas[:n-1]),
		"/copy/3": newsPage("Congress beats shutdown deadline", "Valley Times",
			append(append([]string{}, wireParas[:n-2]...), "Associated Press writer Mary Clare Jalonick contributed to this report.")),
		"/copy/4": newsPage("Senate passes spending bill", "Morning Post", wireParas),
	}
	var items []string
	for i := range 5 {
		items = append(items, fmt.Sprintf("/copy/%d", i))
	}
	for i := range 13 {
		path := fmt.Sprintf("/local/%d", i)
		items = append(items, path)
		pages[path] = newsPage(fmt.Sprintf("Council story %d", i), "Local News", []string{
			fmt.Sprintf("The town council of district %d voted on Monday to repair %d bridges before winter, the mayor said.", i, i+2),
			fmt.Sprintf("“We cannot wait another year for bridge number %d,” council member Ana Ruiz told the meeting.", i),
			fmt.Sprintf("Work on the %d projects is expected to cost about $%d million and start in the spring of %d.", i+2, 3*i+4, 2025+i%3),
		})
	}
	items = append(items, "/private/1", "/private/2")

	var mu sync.Mutex
	served := map[string]int{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var body, ctype string
		switch {
		case r.URL.Path == "/robots.txt":
			body, ctype = "User-agent: whosaid\nDisallow: /private/\n", "text/plain"
		case r.URL.Path == "/feed.xml":
			var b strings.Builder
			b.WriteString(`<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>`)
			for _, it := range items {
				fmt.Fprintf(&b, "<item><title>%s</title><link>http://%s%s</link></item>", it, r.Host, it)
			}
			b.WriteString("</channel></rss>")
			body, ctype = b.String(), "application/rss+xml"
		default:
			p, ok := pages[r.URL.Path]
			if !ok {
				http.NotFound(w, r)
				return
			}
			body, ctype = p, "text/html; charset=utf-8"
		}
		etag := fmt.Sprintf(`"%d-%d"`, len(body), len(r.URL.Path))
		w.Header().Set("ETag", etag)
		if r.Header.Get("If-None-Match") == etag {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		mu.Lock()
		served[r.URL.Path]++
		mu.Unlock()
		w.Header().Set("Content-Type", ctype)
		fmt.Fprint(w, body)
	}))
	defer srv.Close()
	require.Len(t, items, 20)

	db := filepath.Join(t.TempDir(), "w.db")
	args := []string{"ingest", "--db", db, "--delay", "1ms", "--quiet", srv.URL + "/feed.xml"}
	_, stderr, code := whosaidRun(t, "", args...)
	assert.Equal(t, 1, code, "two items skipped: %s", stderr)
	assert.Equal(t, 2, strings.Count(stderr, "disallowed by robots.txt"), stderr)
	assert.Zero(t, served["/private/1"])

	out, stderr, code := whosaidRun(t, "", "quotes", "--db", db, "--speaker", "Schumer", "--format", "json")
	require.Equal(t, 0, code, stderr)
	var quotes []map[string]any
	require.NoError(t, json.Unmarshal([]byte(out), &quotes))
	require.Len(t, quotes, 1, "five copies, one story, one quote: %s", out)
	assert.EqualValues(t, 5, quotes[0]["occurrences"])

	// Nothing changed: the feed answers 304 and no page is downloaded
	// (robots.txt is read afresh by every run).
	before := map[string]int{}
	mu.Lock()
	for k, v := range served {
		before[k] = v
	}
	mu.Unlock()
	_, stderr, code = whosaidRun(t, "", "ingest", "--db", db, "--delay", "1ms", srv.URL+"/feed.xml")
	assert.Equal(t, 0, code, stderr)
	assert.Contains(t, stderr, "(0 new", stderr)
	mu.Lock()
	before["/robots.txt"]++
	assert.Equal(t, before, served, "a re-run downloads nothing")
	mu.Unlock()
}
