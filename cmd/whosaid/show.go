package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/whosaid/whosaid"
)

func runShow(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "show", "[flags] ARTICLE_ID", "Shows one stored article with everything found in it.")
	qf := addQueryFlags(fs)
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if err := qf.check(); err != nil {
		return err
	}
	if len(pos) != 1 {
		fs.Usage()
		return errUsage
	}
	db, err := openReader(ctx, *qf.db)
	if err != nil {
		return err
	}
	defer db.Close()
	f, err := db.Article(ctx, pos[0])
	if err != nil {
		return err
	}
	switch *qf.format {
	case formatJSON:
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(f)
	case formatCSV:
		return findingRows(f).write(e.stdout, formatCSV)
	}
	return showText(e.stdout, f)
}

// findingRows flattens findings to one row per finding, for CSV.
func findingRows(f whosaid.Findings) rows {
	r := rows{header: []string{"finding", "text", "start", "end", "value", "speaker", "speaker_kind"}, wide: 1}
	add := func(kind, text string, start, end int, value, speaker, speakerKind string) {
		r.cells = append(r.cells, []string{kind, text, itoa(start), itoa(end), value, speaker, speakerKind})
	}
	for _, en := range f.Entities {
		for _, m := range en.Mentions {
			add(strings.ToLower(en.Type), m.Text, m.Start, m.End, strings.TrimSpace(en.Name+" "+en.Code), "", "")
		}
	}
	for _, d := range f.Dates {
		add("date", d.Text, d.Start, d.End, d.Value, "", "")
	}
	for _, a := range f.Amounts {
		v := strconv.FormatFloat(a.Value, 'f', -1, 64) + " " + a.Unit
		if a.Target {
			v += " (target)"
		}
		add(a.Kind, a.Text, a.Start, a.End, v, "", "")
	}
	for _, q := range f.Quotes {
		add("quote", q.Text, q.Start, q.End, q.Cue, q.Speaker.Name, q.Speaker.Kind)
	}
	for _, c := range f.Claims {
		add("claim", c.Text, c.Start, c.End, c.Cue, c.Speaker.Name, c.Speaker.Kind)
	}
	return r
}

// showText prints an article for reading: its header, then each kind of finding.
func showText(w io.Writer, f whosaid.Findings) error {
	a := f.Article
	fmt.Fprintf(w, "%s\n", a.ID)
	for _, kv := range [][2]string{{"title", a.Title}, {"byline", a.Byline}, {"published", a.Published},
		{"outlet", a.Outlet}, {"url", a.URL}, {"source", a.Source}} {
		if kv[1] != "" {
			fmt.Fprintf(w, "  %-10s %s\n", kv[0], kv[1])
		}
	}
	if d := a.Dateline; d != nil {
		fmt.Fprintf(w, "  %-10s %s\n", "dateline", strings.TrimSpace(d.Place+" ("+d.Agency+")"))
	}
	fmt.Fprintf(w, "\nEntities\n")
	for _, en := range f.Entities {
		extra := en.Code
		if len(en.Titles) > 0 {
			extra = strings.Join(en.Titles, "; ")
		}
		if extra != "" {
			extra = " [" + extra + "]"
		}
		fmt.Fprintf(w, "  %-8s %s%s ×%d\n", en.Type, en.Name, extra, len(en.Mentions))
	}
	fmt.Fprintf(w, "\nDates\n")
	for _, d := range f.Dates {
		fmt.Fprintf(w, "  %-28s %s\n", d.Text, d.Value)
	}
	fmt.Fprintf(w, "\nAmounts\n")
	for _, am := range f.Amounts {
		t := ""
		if am.Target {
			t = "  TARGET"
			if am.Deadline != "" {
				t += " by " + am.Deadline
			}
		}
		fmt.Fprintf(w, "  %-40s %s %s%s\n", am.Text, strconv.FormatFloat(am.Value, 'f', -1, 64), am.Unit, t)
	}
	fmt.Fprintf(w, "\nQuotes\n")
	for _, q := range f.Quotes {
		fmt.Fprintf(w, "  %s (%s):\n    “%s”\n", speakerLabel(q.Speaker.Name, q.Speaker.Kind), q.Cue, q.Text)
	}
	fmt.Fprintf(w, "\nClaims\n")
	for _, c := range f.Claims {
		fmt.Fprintf(w, "  %s (%s):\n    %s\n", speakerLabel(c.Speaker.Name, c.Speaker.Kind), c.Cue, c.Text)
	}
	return nil
}
