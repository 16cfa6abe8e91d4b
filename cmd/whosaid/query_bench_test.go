package main

import (
	"context"
	"os"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/whosaid/whosaid/internal/testcorpus"
	"github.com/whosaid/whosaid/store"
)

// BenchmarkQueries times the questions people ask most, one page (50 rows)
// at a time as the explorer and a paged CLI ask them, on the dev articles
// copied testcorpus.QueryCopies times (15,000 articles, 82,000 quotes). The issue's
// bar is 50 ms for each.
func BenchmarkQueries(b *testing.B) {
	path := testcorpus.QueryDB(b)
	ctx := context.Background()
	db, err := store.OpenReadOnly(ctx, path)
	require.NoError(b, err)
	defer db.Close()

	// The speaker page of the most quoted speaker is the heaviest.
	top, err := db.Speakers(ctx, 1)
	require.NoError(b, err)
	require.NotEmpty(b, top)
	busiest := top[0].ID

	quotes := func(q store.QuoteQuery, atLeast int) func(*testing.B) {
		return func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				rows, err := db.Quotes(ctx, q)
				if err != nil {
					b.Fatal(err)
				}
				if len(rows) < atLeast {
					b.Fatalf("%d rows, want at least %d", len(rows), atLeast)
				}
			}
		}
	}
	b.Run("speaker=Mattis", quotes(store.QuoteQuery{Speaker: "Mattis", Limit: 50}, 50))
	b.Run("speaker=official", quotes(store.QuoteQuery{Speaker: "official", Limit: 50}, 50))
	b.Run("speaker=official/offset=5000", quotes(store.QuoteQuery{Speaker: "official", Limit: 50, Offset: 5000}, 50))
	b.Run("speaker=nobody", quotes(store.QuoteQuery{Speaker: "nobody at all"}, 0))
	b.Run("search=nato", quotes(store.QuoteQuery{Search: "nato", Limit: 50}, 50))
	b.Run("search=the", quotes(store.QuoteQuery{Search: "the", Limit: 50}, 50))
	b.Run("search=defen*", quotes(store.QuoteQuery{Search: "defen*", Limit: 50}, 50))
	b.Run("search=phrase", quotes(store.QuoteQuery{Search: `"clear path"`, Limit: 50}, 50))
	b.Run("search=rare", quotes(store.QuoteQuery{Search: "zebra", Limit: 50}, 0))
	b.Run("search+speaker", quotes(store.QuoteQuery{Search: "doubts", Speaker: "Linkevicius", Limit: 50}, 50))
	b.Run("country=US", quotes(store.QuoteQuery{Country: "us", Limit: 50}, 50))
	b.Run("all/first-page", quotes(store.QuoteQuery{Limit: 50}, 50))
	b.Run("speaker-page", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := db.Profile(ctx, busiest, 20); err != nil {
				b.Fatal(err)
			}
			if _, err := db.Quotes(ctx, store.QuoteQuery{SpeakerID: busiest, Limit: 50}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("top-speakers", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := db.Speakers(ctx, 20); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// TestMain removes the benchmark database after the run.
func TestMain(m *testing.M) {
	code := m.Run()
	testcorpus.RemoveTemp()
	os.Exit(code)
}
