// Package corpus reads news articles from local sources: plain text files,
// HTML pages, JSON Lines (and single JSON article objects or arrays of them),
// gzip-compressed copies of any of these, folders of them, and standard input.
//
// Walk is the entry point for a batch: it visits every source in a stable
// order and hands each article, or each per-input problem, to a callback, so
// memory does not grow with the size of the corpus and one bad file never
// stops the rest. The single-format readers (ReadText, ReadHTML, ReadJSONL)
// are exported for callers that already hold one input.
//
// Each kind of source lives in its own file: text.go, html.go (with
// jsonld.go and body.go), jsonl.go; walk.go sniffs formats and walks folders;
// dateline.go parses wire datelines; id.go derives stable article ids;
// errors.go has the error values callers can branch on.
//
// Every reader returns text that is valid UTF-8 with "\n" line ends, sets
// Article.ID (see ID), Article.Source and, when the story opens with one,
// Article.Dateline (see ParseDateline).
package corpus
