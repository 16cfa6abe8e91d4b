package main

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"unicode/utf8"
)

// Output formats shared by the query commands.
const (
	formatTable = "table"
	formatJSON  = "json"
	formatCSV   = "csv"
)

// queryFlags are the flags every query command shares.
type queryFlags struct {
	db     *string
	format *string
	limit  *int
	offset *int
}

func addQueryFlags(fs *flag.FlagSet) queryFlags {
	return queryFlags{
		db:     fs.String("db", "whosaid.db", dbUsage),
		format: fs.String("format", formatTable, "output `format`: table, json or csv"),
		limit:  fs.Int("limit", 0, "at most this many rows (0: all)"),
		offset: fs.Int("offset", 0, "skip this many rows first (with --limit, for paging)"),
	}
}

// open parses a query command's arguments, checks the shared flags and opens
// the database read-only, so queries never change it and can run beside an
// ingest. It returns the positional arguments.
func (q queryFlags) open(ctx context.Context, fs *flag.FlagSet, args []string) (reader, []string, error) {
	pos, err := parse(fs, args)
	if err != nil {
		return nil, nil, err
	}
	if err := q.check(); err != nil {
		return nil, nil, err
	}
	db, err := openReader(ctx, *q.db)
	if err != nil {
		return nil, nil, err
	}
	return db, pos, nil
}

func (q queryFlags) check() error {
	switch *q.format {
	case formatTable, formatJSON, formatCSV:
		return nil
	}
	return fmt.Errorf("unknown --format %q (want table, json or csv): %w", *q.format, errUsage)
}

// rows is query output: the records for JSON, and the same as strings for
// tables and CSV.
type rows struct {
	header  []string
	cells   [][]string
	records any
	// wide is the column that tables shorten to keep lines readable; -1 for none.
	wide int
}

// write prints r in format: a JSON array, CSV with a header, or an aligned
// table in which the wide column is cut to tableWidth characters.
func (r rows) write(w io.Writer, format string) error {
	switch format {
	case formatJSON:
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(r.records)
	case formatCSV:
		cw := csv.NewWriter(w)
		if err := cw.Write(r.header); err != nil {
			return err
		}
		if err := cw.WriteAll(r.cells); err != nil {
			return err
		}
		return cw.Error()
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, strings.Join(r.header, "\t"))
	for _, row := range r.cells {
		cells := make([]string, len(row))
		for i, c := range row {
			c = strings.ReplaceAll(c, "\n", " ")
			c = strings.ReplaceAll(c, "\t", " ")
			if i == r.wide {
				c = cut(c, tableWidth)
			}
			cells[i] = c
		}
		fmt.Fprintln(tw, strings.Join(cells, "\t"))
	}
	return tw.Flush()
}

// tableWidth is where tables cut long text; json and csv keep it whole.
const tableWidth = 90

func cut(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}
