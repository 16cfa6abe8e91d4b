package store

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestViewsReadStoredForms: the article text is stored compressed (0019)
// and quote and claim texts stored empty as spans (0020); the views give
// users the text, and the sentence, as the findings had them. The stored
// columns are checked to be in the new form, so that the views are tested
// on it.
func TestViewsReadStoredForms(t *testing.T) {
	db := openTest(t)
	f := natoFindings(t)
	require.NotEmpty(t, f.Quotes)
	require.NotEmpty(t, f.Claims)
	put(t, db, f)

	var text, stored string
	var size int
	require.NoError(t, db.r.QueryRow(`SELECT t.text, a.text, a.size FROM article_texts t JOIN articles a USING (id)`).
		Scan(&text, &stored, &size))
	assert.Equal(t, f.Article.Text, text)
	assert.Empty(t, stored)
	assert.Equal(t, len(f.Article.Text), size)

	for _, v := range []struct{ view, table string }{
		{"quote_details", "quotes"},
		{"claim_details", "claims"},
	} {
		var want [][2]string
		if v.table == "quotes" {
			for _, q := range f.Quotes {
				want = append(want, [2]string{q.Text, q.Sentence})
			}
		} else {
			for _, c := range f.Claims {
				want = append(want, [2]string{c.Text, c.Sentence})
			}
		}
		var got [][2]string
		rows, err := db.r.Query(`SELECT text, coalesce(sentence, '') FROM ` + v.view + ` ORDER BY 1`)
		require.NoError(t, err)
		for rows.Next() {
			var r [2]string
			require.NoError(t, rows.Scan(&r[0], &r[1]))
			got = append(got, r)
		}
		require.NoError(t, rows.Err())
		assert.ElementsMatch(t, want, got, v.view)
		var nonEmpty int
		require.NoError(t, db.r.QueryRow(`SELECT count(*) FROM `+v.table+` WHERE text <> ''`).Scan(&nonEmpty))
		assert.Zero(t, nonEmpty, "%s stores its spans' text", v.table)
	}
}
