package main

import (
	"context"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/parquet-go/parquet-go"

	"github.com/whosaid/whosaid/store"
)

func runExport(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "export", "[flags]", "Exports the quote dataset: one record per quote (jsonl, csv) with speaker, article\nid/URL, date and context sentence, or one record per distinct quotation merged across\narticles in Quotebank's format (quotebank). parquet holds the jsonl records as columns.")
	dbPath := fs.String("db", "whosaid.db", dbUsage)
	format := fs.String("format", "jsonl", "`format`: jsonl, csv, quotebank or parquet")
	outPath := fs.String("out", "", "write to this `file` (default: standard output)")
	if _, err := parse(fs, args); err != nil {
		return err
	}
	var write func(context.Context, reader, io.Writer) error
	switch *format {
	case "jsonl":
		write = exportJSONL
	case "csv":
		write = exportCSV
	case "quotebank":
		write = exportQuotebank
	case "parquet":
		write = exportParquet
	default:
		return fmt.Errorf("unknown --format %q (want jsonl, csv, quotebank or parquet): %w", *format, errUsage)
	}
	db, err := openReader(ctx, *dbPath)
	if err != nil {
		return err
	}
	defer db.Close()
	if *outPath == "" {
		return write(ctx, db, e.stdout)
	}
	return writeFileAtomic(*outPath, func(w io.Writer) error { return write(ctx, db, w) })
}

// writeFileAtomic writes through a temporary file renamed into place, so a
// failed export never leaves a truncated file where a good one was.
func writeFileAtomic(path string, write func(io.Writer) error) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return fmt.Errorf("create export file: %w", err)
	}
	defer os.Remove(tmp.Name())
	// CreateTemp makes the file private (0600); an export is meant to be
	// shared like any file the user writes.
	if err := tmp.Chmod(0o644); err != nil {
		tmp.Close()
		return fmt.Errorf("create export file: %w", err)
	}
	if err := write(tmp); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}

// exportRecord is one quote in the jsonl, csv and parquet exports. The
// parquet tags name the columns as the JSON does; repeated text (speakers,
// kinds, outlets) is dictionary-encoded and everything zstd-compressed.
type exportRecord struct {
	ID          int64    `json:"id" parquet:"id"`
	Quote       string   `json:"quote" parquet:"quote,zstd"`
	Kind        string   `json:"kind" parquet:"kind,dict"`
	Speaker     string   `json:"speaker" parquet:"speaker,dict,zstd"`
	SpeakerKind string   `json:"speaker_kind" parquet:"speaker_kind,dict"`
	Titles      []string `json:"titles" parquet:"titles,list"`
	Cue         string   `json:"cue" parquet:"cue,dict"`
	ArticleID   string   `json:"article_id" parquet:"article_id,zstd"`
	URL         string   `json:"url" parquet:"url,zstd"`
	Title       string   `json:"title" parquet:"title,zstd"`
	Published   string   `json:"published" parquet:"published,dict"`
	Outlet      string   `json:"outlet" parquet:"outlet,dict"`
	Context     string   `json:"context" parquet:"context,zstd"`
	Start       int64    `json:"start" parquet:"start"`
	End         int64    `json:"end" parquet:"end"`
}

var exportHeader = []string{"id", "quote", "kind", "speaker", "speaker_kind", "titles", "cue", "article_id", "url",
	"title", "published", "outlet", "context", "start", "end"}

// record turns a stored quote into an export record. Titles are never nil,
// so every JSON line has the same shape for pandas and DuckDB.
func record(r store.QuoteRow) exportRecord {
	titles := r.Titles
	if titles == nil {
		titles = []string{}
	}
	return exportRecord{r.ID, r.Text, r.Kind, r.Speaker, r.SpeakerKind, titles, r.Cue, r.ArticleID, r.URL,
		r.Title, r.Published, r.Outlet, r.Sentence, int64(r.Start), int64(r.End)}
}

func exportJSONL(ctx context.Context, db reader, w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return db.EachQuote(ctx, func(r store.QuoteRow) error { return enc.Encode(record(r)) })
}

func exportCSV(ctx context.Context, db reader, w io.Writer) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(exportHeader); err != nil {
		return err
	}
	err := db.EachQuote(ctx, func(q store.QuoteRow) error {
		r := record(q)
		return cw.Write([]string{itoa64(r.ID), r.Quote, r.Kind, r.Speaker, r.SpeakerKind, strings.Join(r.Titles, "; "),
			r.Cue, r.ArticleID, r.URL, r.Title, r.Published, r.Outlet, r.Context, itoa64(r.Start), itoa64(r.End)})
	})
	if err != nil {
		return err
	}
	cw.Flush()
	return cw.Error()
}

// parquetBatch is how many records the parquet export buffers per write.
const parquetBatch = 1024

// exportParquet writes the records of exportJSONL as a Parquet file, one
// row group per writer flush, for DuckDB, pandas and Spark.
func exportParquet(ctx context.Context, db reader, w io.Writer) error {
	pw := parquet.NewGenericWriter[exportRecord](w)
	buf := make([]exportRecord, 0, parquetBatch)
	flush := func() error {
		if _, err := pw.Write(buf); err != nil {
			return fmt.Errorf("write parquet: %w", err)
		}
		buf = buf[:0]
		return nil
	}
	err := db.EachQuote(ctx, func(q store.QuoteRow) error {
		buf = append(buf, record(q))
		if len(buf) == parquetBatch {
			return flush()
		}
		return nil
	})
	if err != nil {
		return err
	}
	if err := flush(); err != nil {
		return err
	}
	if err := pw.Close(); err != nil {
		return fmt.Errorf("write parquet: %w", err)
	}
	return nil
}

// quotebankRecord follows Quotebank's quotation-centric format (Vaucher et
// al., 2021): one record per distinct quotation, merged across articles.
type quotebankRecord struct {
	QuoteID        string          `json:"quoteID"`
	Quotation      string          `json:"quotation"`
	Speaker        string          `json:"speaker"`
	QIDs           []string        `json:"qids"`
	Date           string          `json:"date"`
	NumOccurrences int             `json:"numOccurrences"`
	Probas         [][2]any        `json:"probas"`
	URLs           []string        `json:"urls"`
	Phase          string          `json:"phase"`
	speakers       map[string]int  // speaker name → occurrences
	seenURL        map[string]bool // de-duplicates urls
}

// exportQuotebank merges quotes with the same normalised text. The speaker
// is the one most occurrences give ("None", as in Quotebank, when unknown);
// probas are each speaker's share of the occurrences.
func exportQuotebank(ctx context.Context, db reader, w io.Writer) error {
	byKey := map[string]*quotebankRecord{}
	var order []string
	err := db.EachQuote(ctx, func(q store.QuoteRow) error {
		key := strings.Join(strings.Fields(strings.ToLower(q.Text)), " ")
		rec := byKey[key]
		if rec == nil {
			sum := sha256.Sum256([]byte(key))
			rec = &quotebankRecord{Quotation: q.Text, QIDs: []string{}, URLs: []string{}, Phase: "whosaid",
				speakers: map[string]int{}, seenURL: map[string]bool{}, QuoteID: hex.EncodeToString(sum[:8])}
			byKey[key] = rec
			order = append(order, key)
		}
		rec.NumOccurrences++
		name := q.Speaker
		if name == "" || q.SpeakerKind == "unknown" {
			name = "None"
		}
		rec.speakers[name]++
		if q.Published != "" && (rec.Date == "" || q.Published+" 00:00:00" < rec.Date) {
			rec.Date = q.Published + " 00:00:00"
		}
		u := q.URL
		if u == "" {
			u = "whosaid:" + q.ArticleID
		}
		if !rec.seenURL[u] {
			rec.seenURL[u] = true
			rec.URLs = append(rec.URLs, u)
		}
		return nil
	})
	if err != nil {
		return err
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, key := range order {
		rec := byKey[key]
		names := make([]string, 0, len(rec.speakers))
		for n := range rec.speakers {
			names = append(names, n)
		}
		sort.Slice(names, func(i, j int) bool {
			if rec.speakers[names[i]] != rec.speakers[names[j]] {
				return rec.speakers[names[i]] > rec.speakers[names[j]]
			}
			return names[i] < names[j]
		})
		rec.Speaker = names[0]
		for _, n := range names {
			rec.Probas = append(rec.Probas, [2]any{n, fmt.Sprintf("%.4f", float64(rec.speakers[n])/float64(rec.NumOccurrences))})
		}
		if rec.Date != "" {
			rec.QuoteID = rec.Date[:10] + "-" + rec.QuoteID
		}
		if err := enc.Encode(rec); err != nil {
			return err
		}
	}
	return nil
}
