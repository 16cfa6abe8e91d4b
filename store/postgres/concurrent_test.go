package postgres_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/store"
	"github.com/whosaid/whosaid/store/postgres"
	"github.com/whosaid/whosaid/store/postgres/pgtest"
)

// TestConcurrentWritersStoreOnce has several writers, each with its own
// connections, store the same stories at once, in different orders and
// batches, some under other ids: each story is stored once, each speaker
// is one row, and no writer fails.
func TestConcurrentWritersStoreOnce(t *testing.T) {
	ctx := context.Background()
	url := pgtest.URL(t)
	const stories, writers = 40, 4
	speakers := []string{"Ann Lee", "Bob Kay", "Cy Dee", "Di Eve", "Ed Fox"}
	var all []whosaid.Findings
	for i := range stories {
		name := speakers[i%len(speakers)]
		text := fmt.Sprintf("%s said: “We will see about plan %d.” Officials said the plan %d was new.\n", name, i, i)
		q := strings.Index(text, "We will")
		m := whosaid.Mention{Text: name, Start: 0, End: len(name)}
		all = append(all, whosaid.Findings{
			Article: whosaid.Article{ID: fmt.Sprintf("s%02d", i), Published: "2017-03-21", Text: text},
			Quotes: []whosaid.Quote{{Text: text[q : q+len("We will see about plan ")+len(fmt.Sprint(i))+1], Start: q,
				End: q + len("We will see about plan ") + len(fmt.Sprint(i)) + 1, Kind: whosaid.FullQuote,
				Speaker: whosaid.Speaker{Name: name, Kind: whosaid.KindPerson, Mention: &m, Surname: name[strings.LastIndexByte(name, ' ')+1:]}}},
			Claims: []whosaid.Claim{{Text: "the plan", Start: strings.Index(text, "the plan"), End: strings.Index(text, "the plan") + 8,
				Speaker: whosaid.Speaker{Name: "officials", Kind: whosaid.KindAnonymous}}},
		})
	}
	var wg sync.WaitGroup
	errs := make(chan error, writers)
	for w := range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			db, err := postgres.Open(ctx, url)
			if err != nil {
				errs <- err
				return
			}
			defer db.Close()
			fs := append([]whosaid.Findings(nil), all...)
			rng := rand.New(rand.NewPCG(uint64(w), 7))
			rng.Shuffle(len(fs), func(i, j int) { fs[i], fs[j] = fs[j], fs[i] })
			if w%2 == 1 {
				for i := range fs { // copies under other ids: duplicates by content
					fs[i].Article.ID += fmt.Sprintf("-copy%d", w)
				}
			}
			for len(fs) > 0 {
				n := min(len(fs), 1+rng.IntN(7))
				var res []store.Result
				if w == 0 { // through a Batch, as ingest writes
					b, err := db.Begin(ctx)
					if err == nil {
						for _, f := range fs[:n] {
							if err = b.Add(ctx, store.Prepare(f)); err != nil {
								break
							}
						}
					}
					if err == nil {
						res, err = b.Commit(ctx)
					}
					if err != nil {
						errs <- err
						return
					}
				} else {
					if res, err = db.Put(ctx, fs[:n]...); err != nil {
						errs <- err
						return
					}
				}
				for _, r := range res {
					if r.Status == store.Failed {
						errs <- r.Err
						return
					}
				}
				fs = fs[n:]
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		require.NoError(t, err)
	}
	db, err := postgres.OpenReadOnly(ctx, url)
	require.NoError(t, err)
	defer db.Close()
	c, err := db.Counts(ctx)
	require.NoError(t, err)
	assert.Equal(t, stories, c.Articles, "each story once")
	assert.Equal(t, stories, c.Quotes)
	assert.Equal(t, stories, c.Claims)
	assert.Equal(t, len(speakers)+1, c.Speakers, "each speaker once")
	qs, err := db.Quotes(ctx, store.QuoteQuery{})
	require.NoError(t, err)
	for _, q := range qs {
		assert.Equal(t, 1+writers/2, q.Occurrences, "%s: its copies listed", q.ArticleID)
	}
}
