package store

import (
	"context"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestQuoteFilters covers the entity, country, outlet and speaker id
// filters, under both query plans: each case must give the same rows
// whether the listing starts from the matching rows or walks articles in
// date order.
func TestQuoteFilters(t *testing.T) {
	ctx := context.Background()
	db := corpusDB(t)
	all, err := db.Quotes(ctx, QuoteQuery{})
	require.NoError(t, err)
	var mattis int64
	for _, q := range all {
		if q.Speaker == "Jim Mattis" {
			mattis = q.SpeakerID
		}
	}
	require.NotZero(t, mattis)

	tests := []struct {
		name string
		q    QuoteQuery
		want []string // article ids
	}{
		{"entity", QuoteQuery{Entity: "nato", Speaker: "Mattis"}, []string{"reuters-nato-tillerson"}},
		{"entity of other articles", QuoteQuery{Entity: "Sven Mikser"}, []string{"a0"}},
		{"entity unknown", QuoteQuery{Entity: "Atlantis"}, []string{}},
		{"entity nasty", QuoteQuery{Entity: "' OR 1=1 --"}, []string{}},
		{"country", QuoteQuery{Country: "ru", Speaker: "linkevicius"}, []string{"reuters-nato-tillerson"}},
		{"country of a place", QuoteQuery{Country: "BE", Speaker: "Mattis"}, []string{"reuters-nato-tillerson"}},
		{"country none", QuoteQuery{Country: "FR"}, []string{}},
		{"outlet", QuoteQuery{Outlet: "reuters", Search: "moderate"}, []string{"reuters-nato-tillerson"}},
		{"outlet none", QuoteQuery{Outlet: "AFP"}, []string{}},
		{"speaker id", QuoteQuery{SpeakerID: mattis}, []string{"reuters-nato-tillerson"}},
		{"speaker id and name", QuoteQuery{SpeakerID: mattis, Speaker: "tillerson"}, []string{}},
		{"speaker id unknown", QuoteQuery{SpeakerID: 999999}, []string{}},
		{"search paged", QuoteQuery{Search: "clear path", Limit: 1, Offset: 1}, []string{"reuters-nato-tillerson"}},
		{"speaker paged", QuoteQuery{Speaker: "e", Limit: 2, Offset: 8}, []string{"a2", "u1"}}, // "e" matches Jim Mattis by his alias "Defense Secretary Jim Mattis"
	}
	for _, plan := range []struct {
		name   string
		narrow int
		probe  float64
	}{{"narrow", 1 << 30, probeCost}, {"broad", 0, probeCost}, {"broad probing", 0, 0}} {
		t.Run(plan.name, func(t *testing.T) {
			defer func(n int, p float64) { narrowRows, probeCost = n, p }(narrowRows, probeCost)
			narrowRows, probeCost = plan.narrow, plan.probe
			for _, tt := range tests {
				t.Run(tt.name, func(t *testing.T) {
					got, err := db.Quotes(ctx, tt.q)
					require.NoError(t, err)
					ids := []string{}
					for _, q := range got {
						ids = append(ids, q.ArticleID)
					}
					assert.Equal(t, tt.want, ids)
				})
			}
			// Every speaker filter gives the rows of the full listing, in
			// its order.
			got, err := db.Quotes(ctx, QuoteQuery{Speaker: "official"})
			require.NoError(t, err)
			var want []QuoteRow
			for _, q := range all {
				if q.Speaker == "State Department official" {
					want = append(want, q)
				}
			}
			assert.Equal(t, want, got)
			claims, err := db.Claims(ctx, ClaimQuery{Country: "us", Speaker: "State Department"})
			require.NoError(t, err)
			assert.Len(t, claims, 3)
		})
	}
}

// TestQuoteTitles checks that a quote carries the titles its article gives
// the speaker, and only those.
func TestQuoteTitles(t *testing.T) {
	ctx := context.Background()
	db := corpusDB(t)
	all, err := db.Quotes(ctx, QuoteQuery{})
	require.NoError(t, err)
	seen := 0
	for _, q := range all {
		switch q.Speaker {
		case "Jim Mattis":
			assert.Equal(t, []string{"Defense Secretary"}, q.Titles)
			seen++
		case "Rex Tillerson":
			assert.Equal(t, []string{"Minister"}, q.Titles, "from its own article, not the NATO story")
			seen++
		case "State Department official":
			assert.Nil(t, q.Titles, "anonymous sources have no entity")
		}
	}
	assert.Equal(t, 2, seen)
}

func TestProfile(t *testing.T) {
	ctx := context.Background()
	db := corpusDB(t)
	put(t, db, smallFindings(t, "a3", "2017-04-01", "Rex Tillerson", "Again."))
	found, err := db.Quotes(ctx, QuoteQuery{Speaker: "Rex Tillerson", Limit: 1})
	require.NoError(t, err)
	require.Len(t, found, 1)

	p, err := db.Profile(ctx, found[0].SpeakerID, 10)
	require.NoError(t, err)
	assert.Equal(t, "Rex Tillerson", p.Speaker.Name)
	assert.Equal(t, 2, p.Speaker.Quotes)
	assert.Equal(t, []string{"Minister", "U.S. Secretary of State"}, p.Speaker.Titles, "across articles")
	assert.Equal(t, []MonthCount{{"2017-03", 1, 1}, {"2017-04", 1, 1}}, p.Months)
	assert.Empty(t, p.Entities, "the small articles name no one but the speaker")

	off, err := db.Quotes(ctx, QuoteQuery{Speaker: "State Department official", Limit: 1})
	require.NoError(t, err)
	p, err = db.Profile(ctx, off[0].SpeakerID, 3)
	require.NoError(t, err)
	require.Len(t, p.Entities, 3)
	// All are named in one article: ties go by name.
	assert.Equal(t, EntityCount{Type: "LOCATION", Name: "Brussels", Code: "BE", Articles: 1}, p.Entities[0])

	_, err = db.Profile(ctx, 999999, 10)
	assert.ErrorIs(t, err, ErrNotFound)

	// A replaced article takes its months' counts with it, and its new
	// ones count.
	put(t, db, smallFindings(t, "a3", "2017-05-02", "Rex Tillerson", "Once more."))
	p, err = db.Profile(ctx, found[0].SpeakerID, 10)
	require.NoError(t, err)
	assert.Equal(t, []MonthCount{{"2017-03", 1, 1}, {"2017-05", 1, 1}}, p.Months)
	requireMonthsCounted(t, db)
}

// TestProfilePlans checks that a speaker's recent articles are the same
// whether found by walking the archive's latest articles or by sorting all
// of the speaker's.
func TestProfilePlans(t *testing.T) {
	ctx := context.Background()
	db := corpusDB(t)
	for i, day := range []string{"2017-04-01", "2017-04-02", "", "2017-04-03", "2017-04-04"} {
		put(t, db, smallFindings(t, fmt.Sprintf("p%d", i), day, "Rex Tillerson", fmt.Sprintf("Point %d.", i)))
	}
	off, err := db.Quotes(ctx, QuoteQuery{Speaker: "Rex Tillerson", Limit: 1})
	require.NoError(t, err)
	require.NotEmpty(t, off)
	defer func(f, a, p int) { walkFrom, walkArticles, profileArticles = f, a, p }(walkFrom, walkArticles, profileArticles)
	for _, recent := range []int{1, 2, 3, 5, 6, 7, 100} {
		profileArticles = recent
		walkFrom, walkArticles = 1<<30, 0
		want, err := db.Profile(ctx, off[0].SpeakerID, 10)
		require.NoError(t, err)
		for _, walk := range []int{1, 2, 4, 100} {
			walkFrom, walkArticles = 0, walk
			got, err := db.Profile(ctx, off[0].SpeakerID, 10)
			require.NoError(t, err)
			assert.Equal(t, want, got, "%d recent, walking %d", recent, walk)
		}
	}
}

// TestSpeakerPagePlans: a speaker page and a deep listing read the indexes
// migrations 0018 and 0024 made for them, without sorting.
func TestSpeakerPagePlans(t *testing.T) {
	db := corpusDB(t)
	for _, tt := range []struct {
		sql  string
		args []any
		want []string
	}{
		{monthsSQL, []any{1}, []string{"SEARCH speaker_months USING PRIMARY KEY (speaker_id=?)"}},
		{recentWalkSQL, []any{1, 10, 2}, []string{
			"SEARCH articles USING COVERING INDEX articles_order (<expr>=?)",
			"SEARCH quotes USING COVERING INDEX quotes_speaker (speaker_id=? AND rowid>? AND rowid<?)",
			"SEARCH claims USING COVERING INDEX claims_speaker (speaker_id=? AND rowid>? AND rowid<?)"}},
		{"SELECT x.id FROM articles a CROSS JOIN quotes x ON x.id BETWEEN a.quotes_first AND a.quotes_last" +
			speechOrder + " LIMIT 5 OFFSET 10", nil, []string{
			"SCAN a USING COVERING INDEX articles_order",
			"SEARCH x USING INTEGER PRIMARY KEY (rowid>? AND rowid<?)"}},
	} {
		plan := queryPlan(t, db, tt.sql, tt.args...)
		for _, step := range tt.want {
			assert.Contains(t, plan, step, "%s", tt.sql)
		}
		for _, step := range plan {
			assert.NotEqual(t, "USE TEMP B-TREE FOR ORDER BY", step, "%s: no sort of every row", tt.sql)
		}
	}
}

// requireMonthsCounted requires the counts speaker_months keeps to be what
// counting every quote and claim by its article's month gives.
func requireMonthsCounted(tb testing.TB, db *DB) {
	tb.Helper()
	read := func(q string) [][4]any {
		rows, err := db.r.Query(q)
		require.NoError(tb, err)
		defer rows.Close()
		var out [][4]any
		for rows.Next() {
			var r [4]any
			require.NoError(tb, rows.Scan(&r[0], &r[1], &r[2], &r[3]))
			out = append(out, r)
		}
		require.NoError(tb, rows.Err())
		return out
	}
	want := read(`SELECT w.speaker_id, substr(a.published, 1, 7) AS m, sum(w.quote), sum(1 - w.quote)
		FROM (SELECT speaker_id, article_id, 1 AS quote FROM quotes
		      UNION ALL SELECT speaker_id, article_id, 0 FROM claims) w
		JOIN articles a ON a.id = w.article_id WHERE a.published IS NOT NULL
		GROUP BY w.speaker_id, m ORDER BY 1, 2`)
	require.NotEmpty(tb, want)
	assert.Equal(tb, want, read(`SELECT speaker_id, month, quotes, claims FROM speaker_months ORDER BY 1, 2`))
}
