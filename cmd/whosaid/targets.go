package main

import (
	"context"
	"strconv"

	"github.com/whosaid/whosaid/store"
)

func runTargets(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "targets", "[flags]", "Lists amounts that are targets (goals, thresholds, pledges, caps, demands)\nwith holder, value, base, deadline and article.")
	qf := addQueryFlags(fs)
	db, _, err := qf.open(ctx, fs, args)
	if err != nil {
		return err
	}
	defer db.Close()
	found, err := db.Targets(ctx, *qf.limit, *qf.offset)
	if err != nil {
		return err
	}
	if found == nil {
		found = []store.TargetRow{}
	}
	out := rows{header: []string{"published", "holder", "value", "unit", "of", "deadline", "text", "article"}, records: found, wide: 6}
	for _, r := range found {
		a := r.Amount
		out.cells = append(out.cells, []string{r.Published, a.Holder, strconv.FormatFloat(a.Value, 'f', -1, 64), a.Unit,
			a.Of, a.Deadline, a.Text, r.ArticleID})
	}
	return out.write(e.stdout, *qf.format)
}

func itoa(n int) string     { return strconv.Itoa(n) }
func itoa64(n int64) string { return strconv.FormatInt(n, 10) }
