package main

import (
	"context"

	"github.com/whosaid/whosaid/store"
)

func runClaims(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "claims", "[flags]", "Lists reported claims (speech without quotation marks) with speaker, article and date.")
	qf := addQueryFlags(fs)
	var q store.QuoteQuery
	addSpeechFilters(fs, &q, "claim")
	db, _, err := qf.open(ctx, fs, args)
	if err != nil {
		return err
	}
	q.Limit, q.Offset = *qf.limit, *qf.offset
	defer db.Close()
	found, err := db.Claims(ctx, store.ClaimQuery(q))
	if err != nil {
		return err
	}
	if found == nil {
		found = []store.ClaimRow{}
	}
	out := rows{header: []string{"published", "speaker", "cue", "claim", "article"}, records: found, wide: 3}
	if *qf.format == formatCSV {
		out.header = []string{"id", "published", "speaker", "speaker_kind", "cue", "claim", "article_id", "url", "outlet", "start", "end"}
		out.wide = -1
	}
	for _, r := range found {
		if *qf.format == formatCSV {
			out.cells = append(out.cells, []string{itoa64(r.ID), r.Published, r.Speaker, r.SpeakerKind, r.Cue, r.Text,
				r.ArticleID, r.URL, r.Outlet, itoa(r.Start), itoa(r.End)})
			continue
		}
		out.cells = append(out.cells, []string{r.Published, speakerLabel(r.Speaker, r.SpeakerKind), r.Cue, r.Text, r.ArticleID})
	}
	return out.write(e.stdout, *qf.format)
}
