package main

import (
	"context"
	"flag"
	"strings"

	"github.com/whosaid/whosaid/store"
)

func runQuotes(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "quotes", "[flags]", "Lists who said what: quotes with speaker, article and date, oldest first.")
	qf := addQueryFlags(fs)
	var q store.QuoteQuery
	addSpeechFilters(fs, &q, "quote")
	db, _, err := qf.open(ctx, fs, args)
	if err != nil {
		return err
	}
	q.Limit, q.Offset = *qf.limit, *qf.offset
	defer db.Close()
	found, err := db.Quotes(ctx, q)
	if err != nil {
		return err
	}
	if found == nil {
		found = []store.QuoteRow{}
	}
	out := rows{header: []string{"published", "speaker", "kind", "quote", "article"}, records: found, wide: 3}
	if *qf.format == formatCSV {
		out.header = []string{"id", "published", "speaker", "speaker_kind", "titles", "cue", "quote", "kind", "article_id", "url", "outlet", "start", "end", "sentence"}
		out.wide = -1
	}
	for _, r := range found {
		if *qf.format == formatCSV {
			out.cells = append(out.cells, []string{itoa64(r.ID), r.Published, r.Speaker, r.SpeakerKind, strings.Join(r.Titles, "; "), r.Cue, r.Text, r.Kind,
				r.ArticleID, r.URL, r.Outlet, itoa(r.Start), itoa(r.End), r.Sentence})
			continue
		}
		out.cells = append(out.cells, []string{r.Published, speakerLabel(r.Speaker, r.SpeakerKind), r.Kind, "“" + r.Text + "”", r.ArticleID})
	}
	return out.write(e.stdout, *qf.format)
}

// speakerLabel names a speaker for tables: unnamed sources are marked.
func speakerLabel(name, kind string) string {
	switch {
	case name == "":
		return "(unknown)"
	case kind == "anonymous":
		return "(unnamed) " + name
	}
	return name
}

// addSpeechFilters registers the filters quotes and claims share on q; what
// ("quote", "claim") names the rows in the help text.
func addSpeechFilters(fs *flag.FlagSet, q *store.QuoteQuery, what string) {
	fs.StringVar(&q.Speaker, "speaker", "", "only "+what+"s by speakers whose name contains `NAME`")
	fs.StringVar(&q.Search, "search", "", "full-text search in the "+what+" `text` (words ANDed; word* for a prefix; \"a phrase\")")
	fs.StringVar(&q.Article, "article", "", "only "+what+"s from this article `id`")
	fs.StringVar(&q.From, "from", "", "only articles published on or after `YYYY-MM-DD`")
	fs.StringVar(&q.To, "to", "", "only articles published on or before `YYYY-MM-DD`")
	fs.StringVar(&q.Entity, "entity", "", "only articles naming this entity (its full `name`, any case: \"NATO\", \"Rex Tillerson\")")
	fs.StringVar(&q.Country, "country", "", "only articles naming this country or a place in it (ISO `code`: US, de)")
	fs.StringVar(&q.Outlet, "outlet", "", "only articles from this `outlet` (any case)")
}
