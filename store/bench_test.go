package store

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"testing"

	"github.com/whosaid/whosaid"
)

// BenchmarkPut stores batches of realistic findings (the NATO story, each
// copy with its own id, URL and its words scrambled, see scramble, so that
// duplicate detection stores every copy) and reports articles/s.
func BenchmarkPut(b *testing.B) {
	for _, size := range []int{1, 64} {
		b.Run(fmt.Sprintf("batch=%d", size), func(b *testing.B) {
			ctx := context.Background()
			db, err := Open(ctx, filepath.Join(b.TempDir(), "bench.db"))
			if err != nil {
				b.Fatal(err)
			}
			defer db.Close()
			base := natoFindings(b)
			next := 0
			batch := func() []whosaid.Findings {
				fs := make([]whosaid.Findings, size)
				for i := range fs {
					f := scramble(base, next)
					f.Article.ID = fmt.Sprintf("bench-%d", next)
					f.Article.URL = fmt.Sprintf("%s?copy=%d", base.Article.URL, next)
					fs[i] = f
					next++
				}
				return fs
			}
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				b.StopTimer()
				fs := batch()
				b.StartTimer()
				res, err := db.Put(ctx, fs...)
				if err != nil {
					b.Fatal(err)
				}
				if res[0].Status != Inserted {
					b.Fatalf("%+v", res[0])
				}
			}
			b.ReportMetric(float64(b.N*size)/b.Elapsed().Seconds(), "articles/s")
		})
	}
}

// scramble returns a copy of f whose text has every word of three letters
// or more outside names, dates and amounts shifted along the alphabet by an
// amount that depends on n and the word, and whose quotes and claims are
// re-read from it: offsets stay valid, while the copies share too few
// shingles to count as near-duplicates of each other.
func scramble(f whosaid.Findings, n int) whosaid.Findings {
	text := []byte(f.Article.Text)
	kept := make([]bool, len(text))
	keep := func(s, e int) {
		for i := max(s, 0); i < e && i < len(text); i++ {
			kept[i] = true
		}
	}
	for _, e := range f.Entities {
		for _, m := range e.Mentions {
			keep(m.Start, m.End)
		}
	}
	for _, d := range f.Dates {
		keep(d.Start, d.End)
	}
	for _, a := range f.Amounts {
		keep(a.Start, a.End)
	}
	for _, q := range f.Quotes {
		if m := q.Speaker.Mention; m != nil {
			keep(m.Start, m.End)
		}
	}
	for _, c := range f.Claims {
		if m := c.Speaker.Mention; m != nil {
			keep(m.Start, m.End)
		}
	}
	isLower := func(b byte) bool { return 'a' <= b && b <= 'z' }
	word := 0
	for i := 0; i < len(text); {
		if !isLower(text[i]) {
			i++
			continue
		}
		j, touched := i, false
		for j < len(text) && isLower(text[j]) {
			touched = touched || kept[j]
			j++
		}
		word++
		if !touched && j-i >= 3 {
			shift := byte(1 + mix64(uint64(n)<<32|uint64(word))%25)
			for k := i; k < j; k++ {
				text[k] = 'a' + (text[k]-'a'+shift)%26
			}
		}
		i = j
	}
	f.Article.Text = string(text)
	f.Quotes = slices.Clone(f.Quotes)
	for i := range f.Quotes {
		f.Quotes[i].Text = f.Article.Text[f.Quotes[i].Start:f.Quotes[i].End]
	}
	f.Claims = slices.Clone(f.Claims)
	for i := range f.Claims {
		f.Claims[i].Text = f.Article.Text[f.Claims[i].Start:f.Claims[i].End]
	}
	return f
}
