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

// TestHashesInEitherForm: hashes are stored as bytes, and rows stored
// before as hex text; the writer recognises both, so an article stored by
// an older whosaid is unchanged when read again, and its text under
// another id is a copy of it.
func TestHashesInEitherForm(t *testing.T) {
	db := openTest(t)
	f := natoFindings(t)
	put(t, db, f)
	var n int
	require.NoError(t, db.r.QueryRow(`SELECT count(*) FROM articles
		WHERE typeof(content_hash) = 'blob' AND length(content_hash) = 32 AND length(findings_hash) = 32`).Scan(&n))
	require.Equal(t, 1, n, "hashes stored as 32 bytes")
	_, err := db.w.Exec(`UPDATE articles SET content_hash = lower(hex(content_hash)), findings_hash = lower(hex(findings_hash))`)
	require.NoError(t, err)

	res := put(t, db, f)
	assert.Equal(t, Unchanged, res[0].Status, "%v", res[0].Err)
	copied := f
	copied.Article.ID, copied.Article.URL = "other", "https://example.com/other"
	res = put(t, db, copied)
	assert.Equal(t, Duplicate, res[0].Status, "%v", res[0].Err)
	assert.Equal(t, f.Article.ID, res[0].DuplicateOf)
	var match string
	require.NoError(t, db.r.QueryRow(`SELECT match FROM occurrences WHERE copy_id = 'other'`).Scan(&match))
	assert.Equal(t, matchContent, match)
}
