package store

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/mattn/go-sqlite3"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/whosaid/whosaid"
)

func TestPutRoundTrip(t *testing.T) {
	ctx := context.Background()
	db := openTest(t)
	db.Now = func() time.Time { return time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC) }
	want := natoFindings(t)

	res := put(t, db, want)
	assert.Equal(t, Result{ID: want.Article.ID, Source: want.Article.Source, Status: Inserted, Added: true}, res[0])

	got, err := db.Article(ctx, want.Article.ID)
	require.NoError(t, err)
	assert.Equal(t, asStored(want), got)

	var ingested, hash string
	require.NoError(t, db.r.QueryRow("SELECT ingested_at, lower(hex(content_hash)) FROM articles").Scan(&ingested, &hash))
	assert.Equal(t, "2026-01-02T03:04:05Z", ingested)
	assert.Equal(t, contentHash(want.Article.Text), hash)

	// Optional text is NULL, not '', for SQL users.
	var nulls int
	require.NoError(t, db.r.QueryRow("SELECT count(*) FROM entities WHERE code IS NULL").Scan(&nulls))
	assert.Equal(t, 7, nulls)

	_, err = db.Article(ctx, "no-such-article")
	assert.ErrorIs(t, err, ErrNotFound)
	requireFTSIntact(t, db)
}

// TestPutMentionSpans checks that mentions are stored without their text
// when it is their span's, and read back the same either way.
func TestPutMentionSpans(t *testing.T) {
	ctx := context.Background()
	db := openTest(t)
	want := natoFindings(t)
	// Findings built by hand may name a mention otherwise than its span.
	want.Entities[0].Mentions = append(want.Entities[0].Mentions, whosaid.Mention{Text: "someone else", Start: 0, End: 8})
	want.Quotes[0].Speaker.Mention = &whosaid.Mention{Text: "a stranger", Start: 0, End: 8}
	put(t, db, want)

	got, err := db.Article(ctx, want.Article.ID)
	require.NoError(t, err)
	assert.Equal(t, asStored(want), got)
	var spans, kept int
	require.NoError(t, db.r.QueryRow("SELECT count(*) FILTER (WHERE text = ''), count(*) FILTER (WHERE text <> '') FROM mentions").Scan(&spans, &kept))
	assert.Equal(t, 1, kept)
	assert.Positive(t, spans)
	require.NoError(t, db.r.QueryRow("SELECT count(*) FROM quotes WHERE speaker_text <> ''").Scan(&kept))
	assert.Equal(t, 1, kept)
}

func TestPutTwiceAddsNothing(t *testing.T) {
	db := openTest(t)
	f := natoFindings(t)
	put(t, db, f, smallFindings(t, "a2", "2017-03-22", "Rex Tillerson", "We will see."))
	before := tableCounts(t, db)

	// Read again from elsewhere: another Source is not a change.
	f.Article.Source = "elsewhere.jsonl:7"
	res := put(t, db, f, smallFindings(t, "a2", "2017-03-22", "Rex Tillerson", "We will see."))
	for _, r := range res {
		assert.Equal(t, Unchanged, r.Status, r.ID)
		assert.False(t, r.Added)
		assert.NoError(t, r.Err)
	}
	assert.Equal(t, before, tableCounts(t, db))

	// The same article twice in one batch: stored once.
	res = put(t, db, smallFindings(t, "a3", "", "Sven Mikser", "Fine."), smallFindings(t, "a3", "", "Sven Mikser", "Fine."))
	assert.Equal(t, Inserted, res[0].Status)
	assert.Equal(t, Unchanged, res[1].Status)
}

func TestPutReplaces(t *testing.T) {
	ctx := context.Background()
	tests := []struct {
		name   string
		change func(*whosaid.Findings)
	}{
		{"text changed", func(f *whosaid.Findings) {
			f.Article.Text += "\nCorrects paragraph 3."
			f.Quotes = f.Quotes[:6] // drops Mattis' quote
		}},
		{"findings changed, same text", func(f *whosaid.Findings) {
			f.Quotes = f.Quotes[:6]
			f.Entities[0].Titles = append(f.Entities[0].Titles, "former Exxon chief")
		}},
		{"metadata changed", func(f *whosaid.Findings) {
			f.Quotes = f.Quotes[:6]
			f.Article.Title = "Tillerson to press NATO allies"
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db := openTest(t)
			old := natoFindings(t)
			put(t, db, old)
			before := tableCounts(t, db)

			f := natoFindings(t)
			tt.change(&f)
			res := put(t, db, f)
			assert.Equal(t, Replaced, res[0].Status)
			assert.True(t, res[0].Added)

			got, err := db.Article(ctx, f.Article.ID)
			require.NoError(t, err)
			assert.Equal(t, asStored(f), got)

			after := tableCounts(t, db)
			assert.Equal(t, before["articles"], after["articles"])
			assert.Equal(t, before["quotes"]-1, after["quotes"])
			assert.Equal(t, before["quotes_fts_docsize"]-1, after["quotes_fts_docsize"])
			qs, err := db.Quotes(ctx, QuoteQuery{Search: "moderate"})
			require.NoError(t, err)
			assert.Empty(t, qs, "the old quote must leave the FTS index")
			requireFTSIntact(t, db)

			// Mattis still has his claim, so he stays a speaker.
			sp, err := db.Speakers(ctx, 0)
			require.NoError(t, err)
			assert.Equal(t, before["speakers"], len(sp))
		})
	}
}

func TestPutReplaceRemovesOrphanSpeakers(t *testing.T) {
	ctx := context.Background()
	db := openTest(t)
	put(t, db, smallFindings(t, "a1", "2017-03-21", "Sven Mikser", "Yes."))
	put(t, db, smallFindings(t, "a1", "2017-03-21", "Edgars Rinkevics", "Yes."))
	sp, err := db.Speakers(ctx, 0)
	require.NoError(t, err)
	require.Len(t, sp, 1)
	assert.Equal(t, "Edgars Rinkevics", sp[0].Name)
	aliases := queryStrings(t, db.r, `SELECT alias FROM speaker_aliases ORDER BY alias`)
	assert.Equal(t, []string{"Edgars Rinkevics", "Minister Edgars Rinkevics"}, aliases, "the gone speaker's aliases go with them")
	requireNoOrphans(t, db)
}

func TestPutDuplicateContent(t *testing.T) {
	db := openTest(t)
	f := natoFindings(t)
	put(t, db, f)
	before := tableCounts(t, db)

	f.Article.ID = "yahoo-copy-of-reuters"
	f.Article.URL = "https://news.yahoo.com/tillerson-nato"
	res := put(t, db, f)
	assert.Equal(t, Result{ID: "yahoo-copy-of-reuters", Source: f.Article.Source, Status: Duplicate,
		DuplicateOf: "reuters-nato-tillerson"}, res[0])
	assert.Equal(t, before, tableCounts(t, db))
}

func TestPutDefaultID(t *testing.T) {
	ctx := context.Background()
	db := openTest(t)
	f := smallFindings(t, "", "", "Sven Mikser", "Fine.")
	res := put(t, db, f)
	require.Equal(t, Inserted, res[0].Status)
	assert.Len(t, res[0].ID, 16)
	assert.Equal(t, contentHash(f.Article.Text)[:16], res[0].ID)
	got, err := db.Article(ctx, res[0].ID)
	require.NoError(t, err)
	assert.Equal(t, f.Article.Text, got.Article.Text)
}

func TestPutBatchWithFailure(t *testing.T) {
	ctx := context.Background()
	tests := []struct {
		name    string
		setup   string // SQL run before the batch
		break_  func(*whosaid.Findings)
		invalid bool // refused by validation rather than by SQLite
	}{
		{name: "offset past the text", invalid: true, break_: func(f *whosaid.Findings) {
			f.Quotes[0].End = len(f.Article.Text) + 10
		}},
		{name: "negative offset", invalid: true, break_: func(f *whosaid.Findings) {
			f.Entities[0].Mentions[0].Start = -1
		}},
		{name: "speaker mention backwards", invalid: true, break_: func(f *whosaid.Findings) {
			f.Claims[0].Speaker.Mention.Start = f.Claims[0].Speaker.Mention.End + 1
		}},
		{name: "published not a date", invalid: true, break_: func(f *whosaid.Findings) {
			f.Article.Published = "March 21, 2017"
		}},
		{name: "empty text", invalid: true, break_: func(f *whosaid.Findings) {
			*f = whosaid.Findings{Article: whosaid.Article{ID: f.Article.ID, Source: f.Article.Source}}
		}},
		{
			// A constraint that fires halfway through the article, after its
			// article, entity and speaker rows are written: the savepoint
			// must take them all back.
			name: "constraint violation mid-article",
			setup: `CREATE TRIGGER boom BEFORE INSERT ON claims WHEN new.text LIKE '%BOOM%'
				BEGIN SELECT RAISE(ABORT, 'boom'); END`,
			break_: func(f *whosaid.Findings) {
				f.Claims[len(f.Claims)-1].Text = "BOOM"
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db := openTest(t)
			if tt.setup != "" {
				_, err := db.w.Exec(tt.setup)
				require.NoError(t, err)
			}
			bad := smallFindings(t, "bad", "2017-03-20", "Only In Bad Article", "I fail.")
			tt.break_(&bad)
			good1 := natoFindings(t)
			good2 := smallFindings(t, "good2", "2017-03-22", "Sven Mikser", "Fine.")

			res, err := db.Put(ctx, good1, bad, good2)
			require.NoError(t, err, "one bad article must not fail the batch")
			require.Len(t, res, 3)
			assert.Equal(t, Inserted, res[0].Status)
			assert.Equal(t, Inserted, res[2].Status)
			assert.Equal(t, Failed, res[1].Status)
			assert.False(t, res[1].Added)
			assert.Equal(t, "bad", res[1].ID)
			assert.Equal(t, "bad.txt", res[1].Source)
			require.Error(t, res[1].Err)
			assert.Contains(t, res[1].Err.Error(), "article bad")
			if tt.invalid {
				assert.ErrorIs(t, res[1].Err, ErrInvalid)
			} else {
				var se sqlite3.Error
				require.True(t, errors.As(res[1].Err, &se), "%v", res[1].Err)
				assert.Equal(t, sqlite3.ErrConstraint, se.Code)
			}

			// Nothing of the bad article, everything of the good ones.
			for _, q := range []string{
				"SELECT count(*) FROM articles WHERE id = 'bad'",
				"SELECT count(*) FROM entities WHERE article IN (SELECT seq FROM articles WHERE id = 'bad')",
				"SELECT count(*) FROM dates WHERE article IN (SELECT seq FROM articles WHERE id = 'bad')",
				"SELECT count(*) FROM quotes WHERE article_id = 'bad'",
				"SELECT count(*) FROM claims WHERE article_id = 'bad'",
				"SELECT count(*) FROM speakers WHERE name = 'Only In Bad Article'",
				"SELECT count(*) FROM quotes_fts WHERE quotes_fts MATCH 'fail'",
			} {
				var n int
				require.NoError(t, db.r.QueryRow(q).Scan(&n))
				assert.Zero(t, n, q)
			}
			c, err := db.Counts(ctx)
			require.NoError(t, err)
			assert.Equal(t, Counts{Articles: 2, Entities: 11, Speakers: 5, Quotes: 8, Claims: 5, Dates: 8, Amounts: 2}, c)
			for _, id := range []string{good1.Article.ID, good2.Article.ID} {
				_, err := db.Article(ctx, id)
				assert.NoError(t, err)
			}
			requireFTSIntact(t, db)
		})
	}
}

func TestPutBatchFailsWhole(t *testing.T) {
	db := openTest(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	res, err := db.Put(ctx, natoFindings(t))
	assert.ErrorIs(t, err, context.Canceled)
	assert.Nil(t, res)
	c, err := db.Counts(context.Background())
	require.NoError(t, err)
	assert.Zero(t, c.Articles)

	res, err = db.Put(context.Background())
	assert.NoError(t, err)
	assert.Empty(t, res)
}

func TestPutNastyText(t *testing.T) {
	ctx := context.Background()
	db := openTest(t)
	for i, s := range []string{`'; DROP TABLE articles; --`, `"`, "nul\x00byte", `%_\`, "emoji 😀 and RTL \u202e text"} {
		f := smallFindings(t, "nasty-"+string(rune('a'+i)), "", "Speaker "+string(rune('A'+i)), s)
		f.Article.Title = s
		res := put(t, db, f)
		require.Equal(t, Inserted, res[0].Status, "%q: %v", s, res[0].Err)
		got, err := db.Article(ctx, f.Article.ID)
		require.NoError(t, err)
		assert.Equal(t, asStored(f), got, "%q", s)
		assert.True(t, strings.Contains(got.Article.Text, s))
	}
}
