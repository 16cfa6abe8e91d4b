package store

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/whosaid/whosaid"
)

// manyFindings is an article with n entities of two mentions each and n
// dates, so that the multi-row inserts (bulk.go) need several statements
// of different sizes.
func manyFindings(tb testing.TB, id string, n int) whosaid.Findings {
	tb.Helper()
	f := smallFindings(tb, id, "2026-01-05", "Ann Smith", "We will see.")
	var b strings.Builder
	b.WriteString(f.Article.Text)
	for i := range n {
		name := fmt.Sprintf("Place%03d", i)
		s := b.Len() + 1
		fmt.Fprintf(&b, " %s and %s on Monday.", name, name)
		m1 := whosaid.Mention{Text: name, Start: s, End: s + len(name)}
		m2 := whosaid.Mention{Text: name, Start: m1.End + 5, End: m1.End + 5 + len(name)}
		f.Entities = append(f.Entities, whosaid.Entity{Type: whosaid.Location, Name: name, Mentions: []whosaid.Mention{m1, m2}})
		d := m2.End + 4
		f.Dates = append(f.Dates, whosaid.Date{Text: "Monday", Start: d, End: d + len("Monday"), Value: "2026-01-05"})
	}
	f.Article.Text = b.String()
	return f
}

func TestPutPreparedEqualsPut(t *testing.T) {
	ctx := context.Background()
	for _, n := range []int{0, 1, 31, 32, 33, 70} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			want := manyFindings(t, "many", n)
			a, b := openTest(t), openTest(t)
			put(t, a, want)
			res, err := b.PutPrepared(ctx, Prepare(want))
			require.NoError(t, err)
			require.Equal(t, Inserted, res[0].Status)

			for _, db := range []*DB{a, b} {
				got, err := db.Article(ctx, "many")
				require.NoError(t, err)
				assert.Equal(t, asStored(want), got)
			}
			assert.Equal(t, tableCounts(t, a), tableCounts(t, b))
			// A second ingest of the same findings, prepared or not, is a no-op.
			res, err = b.PutPrepared(ctx, Prepared{Findings: want})
			require.NoError(t, err)
			assert.Equal(t, Unchanged, res[0].Status)
		})
	}
}

func TestPutPreparedRefusesBadArticleAlone(t *testing.T) {
	ctx := context.Background()
	db := openTest(t)
	good := manyFindings(t, "good", 40)
	bad := manyFindings(t, "bad", 40)
	bad.Entities[35].Mentions[1].End = len(bad.Article.Text) + 10 // outside the text
	other := smallFindings(t, "other", "2026-01-06", "Bob Jones", "Not now.")
	other.Quotes[0].Speaker = whosaid.Speaker{Name: "a spokesman", Kind: whosaid.KindAnonymous}
	third := smallFindings(t, "third", "2026-01-07", "Cy Young", "Later on.")
	third.Quotes[0].Speaker = whosaid.Speaker{Name: "A Spokesman", Kind: whosaid.KindAnonymous}

	res, err := db.PutPrepared(ctx, Prepare(good), Prepare(bad), Prepare(other), Prepare(third))
	require.NoError(t, err)
	assert.Equal(t, []Status{Inserted, Failed, Inserted, Inserted},
		[]Status{res[0].Status, res[1].Status, res[2].Status, res[3].Status})
	assert.ErrorIs(t, res[1].Err, ErrInvalid)

	got, err := db.Article(ctx, "good")
	require.NoError(t, err)
	assert.Equal(t, asStored(good), got)
	// The cached speaker id of "a spokesman" serves "A Spokesman" (NOCASE).
	var n int
	require.NoError(t, db.r.QueryRow(`SELECT count(*) FROM speakers WHERE kind = ?`, whosaid.KindAnonymous).Scan(&n))
	assert.Equal(t, 1, n)
	requireFTSIntact(t, db)
}

// TestFindingsHashIsOfMarshal pins findingsHash to the SHA-256 of
// json.Marshal's bytes, which the stored hashes were made of: its reused
// buffer and encoder must give the same, HTML escapes and all.
func TestFindingsHashIsOfMarshal(t *testing.T) {
	f := manyFindings(t, "a1", 3)
	f.Article.Text += " <b>Q&A</b> \u2028 “quoted”"
	f.Article.Source = "kept out of the hash"
	for range 2 { // the second time in a reused buffer
		got, err := findingsHash(f)
		require.NoError(t, err)
		g := f
		g.Article.Source = ""
		b, err := json.Marshal(g)
		require.NoError(t, err)
		if g.Article.Dateline != nil {
			b = strconv.AppendInt(b, int64(g.Article.Dateline.End), 10)
		}
		sum := sha256.Sum256(b)
		assert.Equal(t, hex.EncodeToString(sum[:]), got)
	}
}
