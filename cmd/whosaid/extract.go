package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/whosaid/whosaid/corpus"
	"github.com/whosaid/whosaid/extract"
)

func runExtract(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "extract", "[flags] [FILE|-]", "Extracts one article (plain text or HTML; standard input when FILE is - or absent)\nand prints its findings as one JSON object. JSON Lines input gives JSON Lines out,\none object per article. No database is involved.")
	published := fs.String("published", "", "publication date `YYYY-MM-DD` that relative dates resolve against\n(overrides the date read from the input)")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 1 {
		fs.Usage()
		return errUsage
	}
	if *published != "" {
		if _, err := time.Parse("2006-01-02", *published); err != nil {
			return fmt.Errorf("--published %q is not a date YYYY-MM-DD: %w", *published, errUsage)
		}
	}
	source := "-"
	if len(pos) == 1 {
		source = pos[0]
	}
	var data []byte
	if source == "-" {
		data, err = io.ReadAll(io.LimitReader(e.stdin, corpus.MaxSize+1))
	} else {
		data, err = os.ReadFile(source)
	}
	if err != nil {
		return fmt.Errorf("read input: %w", err)
	}
	lines := isJSONLines(source, data)

	x, err := extract.New()
	if err != nil {
		return err
	}
	enc := json.NewEncoder(e.stdout)
	enc.SetEscapeHTML(false)
	if !lines {
		enc.SetIndent("", "  ")
	}
	w := corpus.Walker{Stdin: bytes.NewReader(data)}
	var n, bad int
	err = w.Walk(ctx, []string{"-"}, func(it corpus.Item) error {
		if it.Err != nil {
			bad++
			fmt.Fprintf(e.stderr, "%s\n", strings.Replace(it.Err.Error(), "stdin", displayName(source), 1))
			return nil
		}
		a := it.Article
		if source != "-" {
			a.Source = strings.Replace(a.Source, "stdin", source, 1)
		}
		if *published != "" {
			a.Published = *published
		}
		if a.ID == "" {
			a.ID = corpus.ID(a)
		}
		n++
		return enc.Encode(x.Extract(a))
	})
	if err != nil {
		return err
	}
	if bad > 0 {
		return fmt.Errorf("%d of %d articles skipped: %w", bad, n+bad, errSkipped)
	}
	if n == 0 {
		return fmt.Errorf("%s: no article found", displayName(source))
	}
	return nil
}

// isJSONLines reports whether the input holds JSON Lines, by its name or by
// its first byte.
func isJSONLines(source string, data []byte) bool {
	switch strings.ToLower(filepath.Ext(source)) {
	case ".jsonl", ".ndjson":
		return true
	case ".txt", ".html", ".htm":
		return false
	}
	t := bytes.TrimLeft(data, " \t\r\n\ufeff")
	return len(t) > 0 && t[0] == '{' && bytes.Count(bytes.TrimSpace(data), []byte("\n")) > 0
}

func displayName(source string) string {
	if source == "-" {
		return "stdin"
	}
	return source
}
