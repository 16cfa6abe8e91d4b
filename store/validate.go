package store

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strconv"
	"sync"
	"time"

	"github.com/whosaid/whosaid"
)

// contentHash identifies an article by its text alone: the same story read
// from two places (a wire story on two sites, a file and its URL) hashes the
// same and is stored once. Hex SHA-256 of the UTF-8 bytes.
func contentHash(text string) string {
	sum := sha256.Sum256([]byte(text))
	return hex.EncodeToString(sum[:])
}

// defaultID is the id given to an article that arrives without one: the
// first 16 hex digits (64 bits) of its content hash.
func defaultID(hash string) string { return hash[:16] }

// findingsHash fingerprints everything Put would store about an article
// except where it was read from (Source), so re-reading the same story from
// another path is not a change, while a new extractor's better findings are.
func findingsHash(f whosaid.Findings) (string, error) {
	f.Article.Source = ""
	// json.Marshal's bytes, encoded into a reused buffer rather than
	// copied out into a new one (tens of kilobytes an article).
	buf := jsonBufs.Get().(*bytes.Buffer)
	defer jsonBufs.Put(buf)
	buf.Reset()
	if err := json.NewEncoder(buf).Encode(f); err != nil {
		return "", fmt.Errorf("hash findings: %w", err)
	}
	h := sha256.New()
	h.Write(bytes.TrimSuffix(buf.Bytes(), []byte("\n"))) // Encode adds a newline
	if f.Article.Dateline != nil {                       // End is not in the JSON
		h.Write([]byte(strconv.Itoa(f.Article.Dateline.End)))
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// jsonBufs are findingsHash's buffers.
var jsonBufs = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// validate checks what SQL constraints cannot: that every span lies inside
// the article text and dates have the stored form. Errors wrap ErrInvalid.
func validate(f *whosaid.Findings) error {
	a := &f.Article
	if a.Text == "" {
		return fmt.Errorf("empty text: %w", ErrInvalid)
	}
	if a.Published != "" {
		if _, err := time.Parse(time.DateOnly, a.Published); err != nil {
			return fmt.Errorf("published %q: want YYYY-MM-DD: %w", a.Published, ErrInvalid)
		}
	}
	n := len(a.Text)
	if d := a.Dateline; d != nil && (d.End < 0 || d.End > n) {
		return fmt.Errorf("dateline end %d outside text of %d bytes: %w", d.End, n, ErrInvalid)
	}
	for i, e := range f.Entities {
		if e.Type == "" || e.Name == "" {
			return fmt.Errorf("entity %d: empty type or name: %w", i, ErrInvalid)
		}
		for j, m := range e.Mentions {
			if err := span(m.Start, m.End, n); err != nil {
				return fmt.Errorf("entity %d mention %d: %w", i, j, err)
			}
		}
	}
	for i, d := range f.Dates {
		if err := span(d.Start, d.End, n); err != nil {
			return fmt.Errorf("date %d: %w", i, err)
		}
	}
	for i, m := range f.Amounts {
		if err := span(m.Start, m.End, n); err != nil {
			return fmt.Errorf("amount %d: %w", i, err)
		}
	}
	for i, q := range f.Quotes {
		if err := span(q.Start, q.End, n); err != nil {
			return fmt.Errorf("quote %d: %w", i, err)
		}
		if err := speakerSpan(q.Speaker, n); err != nil {
			return fmt.Errorf("quote %d: %w", i, err)
		}
	}
	for i, c := range f.Claims {
		if err := span(c.Start, c.End, n); err != nil {
			return fmt.Errorf("claim %d: %w", i, err)
		}
		if err := speakerSpan(c.Speaker, n); err != nil {
			return fmt.Errorf("claim %d: %w", i, err)
		}
	}
	return nil
}

func span(start, end, n int) error {
	if start < 0 || end < start || end > n {
		return fmt.Errorf("span [%d,%d) outside text of %d bytes: %w", start, end, n, ErrInvalid)
	}
	return nil
}

func speakerSpan(s whosaid.Speaker, n int) error {
	if s.Mention == nil {
		return nil
	}
	if err := span(s.Mention.Start, s.Mention.End, n); err != nil {
		return fmt.Errorf("speaker mention: %w", err)
	}
	return nil
}
