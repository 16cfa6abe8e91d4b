// Package corpus reads news articles from wherever a batch finds them: plain
// text files, HTML pages, JSON Lines (and single JSON article objects or
// arrays of them), gzip-compressed copies of any of these, folders of them,
// standard input, http(s) URLs of pages, RSS, Atom and JSON feeds and
// (Google News) sitemaps whose linked articles it fetches, and WARC files
// such as the CC-NEWS crawls.
//
// Walk is the entry point for a batch: it visits every source in a stable
// order and hands each article, or each per-input problem, to a callback, so
// memory does not grow with the size of the corpus and one bad file or
// failed fetch never stops the rest. The single-format readers (ReadText,
// ReadHTML, ReadJSONL) are exported for callers that already hold one input.
//
// Fetcher does the network side politely: robots.txt first (RFC 9309), a
// cap on requests in flight and a delay between them per host, retries with
// exponential backoff, time and size limits, and conditional GETs from a
// FetchCache (the store keeps one) so that a re-run downloads only what
// changed. Feeds and sitemaps met while walking a folder are reported, not
// followed, so walking local files never goes to the network.
//
// Each kind of source lives in its own file: text.go, html.go (with
// jsonld.go for metadata and body.go for the story's paragraphs, found by
// go-trafilatura), jsonl.go, feed.go, sitemap.go, warc.go; walk.go sniffs
// formats and walks folders; remote.go follows URLs, feeds and sitemaps;
// fetch.go and robots.go fetch; date.go reads publication dates;
// dateline.go parses wire datelines; id.go derives stable article ids and
// canonical URLs; errors.go has the error values callers can branch on.
//
// Every reader returns text that is valid UTF-8 with "\n" line ends, sets
// Article.ID (see ID), Article.Source and, when the story opens with one,
// Article.Dateline (see ParseDateline).
package corpus
