package main

import (
	"context"
	"strings"

	"github.com/whosaid/whosaid/store"
)

func runSpeakers(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "speakers", "[flags]", "Lists speakers, those quoted most first, with their counts and titles.")
	qf := addQueryFlags(fs)
	db, _, err := qf.open(ctx, fs, args)
	if err != nil {
		return err
	}
	defer db.Close()
	found, err := db.Speakers(ctx, *qf.limit)
	if err != nil {
		return err
	}
	if found == nil {
		found = []store.SpeakerRow{}
	}
	out := rows{header: []string{"speaker", "kind", "quotes", "claims", "titles"}, records: found, wide: 4}
	for _, r := range found {
		out.cells = append(out.cells, []string{speakerLabel(r.Name, r.Kind), r.Kind, itoa(r.Quotes), itoa(r.Claims), strings.Join(r.Titles, "; ")})
	}
	return out.write(e.stdout, *qf.format)
}
