package store

import (
	"context"
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// corpusDB holds the NATO story and three short articles: one before it,
// one after it, one undated.
func corpusDB(tb testing.TB) *DB {
	tb.Helper()
	db := openTest(tb)
	put(tb, db,
		smallFindings(tb, "a2", "2017-03-22", "Rex Tillerson", "We will see."),
		natoFindings(tb),
		smallFindings(tb, "a0", "2017-03-20", "Sven Mikser", "Fine."),
		smallFindings(tb, "u1", "", "Anne Linde", "Déjà vu all over again."),
	)
	return db
}

func TestQuotesSearch(t *testing.T) {
	ctx := context.Background()
	db := corpusDB(t)
	tests := []struct {
		search string
		want   []string // quote texts, in order
	}{
		{"", nil}, // nil: every quote
		{"   ", nil},
		{"clear path", []string{"clear path", "clear path"}},
		{`"clear path"`, []string{"clear path", "clear path"}},
		{`"path clear"`, []string{}},
		{"DOUBTS", []string{"No doubts about that"}},
		{"doubt*", []string{"No doubts about that"}},
		{`"no doubts"`, []string{"No doubts about that"}},
		{`"doubts no"`, []string{}},
		{"defen*", []string{"It is no longer sustainable for the United States to maintain a disproportionate share of NATO’s deterrence and defense spending,"}},
		{"that’s", []string{"Our joint security requires it, that’s the main leverage that we have,"}},
		{"that's", []string{"Our joint security requires it, that’s the main leverage that we have,"}},
		{"deja", []string{"Déjà vu all over again."}},
		{"DÉJÀ VU", []string{"Déjà vu all over again."}},
		// FTS5 syntax is searched for literally, never interpreted.
		{"AND", []string{"It is no longer sustainable for the United States to maintain a disproportionate share of NATO’s deterrence and defense spending,"}},
		{"AND OR NOT", []string{}},
		{"NEAR(", []string{}},
		{"NEAR(clear path)", []string{}},
		{"^moderate", []string{"moderate"}},
		{"-moderate", []string{"moderate"}},
		{"moderate*", []string{"moderate"}},
		{"text:moderate", []string{}},
		{"{text}: moderate", []string{}},
		{"(moderate", []string{"moderate"}},
		{`clear"`, []string{"clear path", "clear path"}},
		{`"clear`, []string{"clear path", "clear path"}},
		{`'; DROP TABLE articles; --`, []string{}},
		{"' OR 1=1 --", []string{}},
		// Nothing searchable: an empty answer, not an error.
		{`"`, []string{}},
		{`""`, []string{}},
		{"*", []string{}},
		{"^", []string{}},
		{"* ^ ( ) : - + ;", []string{}},
		{"\x00", []string{}},
		{"😀", []string{}},
	}
	all, err := db.Quotes(ctx, QuoteQuery{})
	require.NoError(t, err)
	require.Len(t, all, 10)
	for _, tt := range tests {
		t.Run(tt.search, func(t *testing.T) {
			got, err := db.Quotes(ctx, QuoteQuery{Search: tt.search})
			require.NoError(t, err)
			if tt.want == nil {
				assert.Equal(t, all, got)
				return
			}
			texts := []string{}
			for _, q := range got {
				texts = append(texts, q.Text)
			}
			assert.Equal(t, tt.want, texts)

			claims, err := db.Claims(ctx, ClaimQuery{Search: tt.search})
			require.NoError(t, err, "claims search")
			_ = claims
		})
	}
	c, err := db.Counts(ctx)
	require.NoError(t, err)
	assert.Equal(t, 4, c.Articles, "the articles table survived")
}

func TestQuotesSpeaker(t *testing.T) {
	ctx := context.Background()
	db := corpusDB(t)
	tests := []struct {
		speaker string
		want    int
	}{
		{"Tillerson", 1},
		{"rex tillerson", 1},
		{"REX", 1},
		{"  Mattis  ", 1},
		{"official", 5},
		{"State Department", 5},
		{"linkev", 1},
		{"Nobody", 0},
		{"%", 0},
		{"_", 0},
		{"'", 0},
		{`"`, 0},
		{"' OR 1=1 --", 0},
		{"", 10},
	}
	for _, tt := range tests {
		t.Run(tt.speaker, func(t *testing.T) {
			got, err := db.Quotes(ctx, QuoteQuery{Speaker: tt.speaker})
			require.NoError(t, err)
			assert.Len(t, got, tt.want)
		})
	}

	// An alias (for the cross-article linking to come) finds its speaker.
	_, err := db.w.Exec(`INSERT INTO speaker_aliases (speaker_id, alias)
		SELECT id, 'Mad Dog' FROM speakers WHERE name = 'Jim Mattis'`)
	require.NoError(t, err)
	got, err := db.Quotes(ctx, QuoteQuery{Speaker: "mad dog"})
	require.NoError(t, err)
	require.Len(t, got, 1)
	assert.Equal(t, "Jim Mattis", got[0].Speaker)
}

func TestQuotesFilterAndOrder(t *testing.T) {
	ctx := context.Background()
	db := corpusDB(t)

	all, err := db.Quotes(ctx, QuoteQuery{})
	require.NoError(t, err)
	var order []string
	for _, q := range all {
		order = append(order, q.ArticleID)
	}
	assert.Equal(t, []string{"a0",
		"reuters-nato-tillerson", "reuters-nato-tillerson", "reuters-nato-tillerson", "reuters-nato-tillerson",
		"reuters-nato-tillerson", "reuters-nato-tillerson", "reuters-nato-tillerson",
		"a2", "u1"}, order)
	for i := 2; i < 8; i++ {
		assert.Less(t, all[i-1].Start, all[i].Start)
	}

	m := all[7]
	assert.Equal(t, "moderate", m.Text)
	assert.Equal(t, "partial", m.Kind)
	assert.Equal(t, "said", m.Cue)
	assert.Equal(t, "Jim Mattis", m.Speaker)
	assert.Equal(t, "person", m.SpeakerKind)
	assert.Equal(t, "2017-03-21", m.Published)
	assert.Equal(t, "Reuters", m.Outlet)
	assert.Equal(t, "https://www.reuters.com/article/us-usa-nato-tillerson-idUSKBN16S2FZ", m.URL)
	assert.Contains(t, m.Sentence, "Defense Secretary Jim Mattis said")
	text := readText(t, "reuters-nato-tillerson.txt")
	assert.Equal(t, "moderate", text[m.Start:m.End])

	tests := []struct {
		name string
		q    QuoteQuery
		want []string // article ids
	}{
		{"one day", QuoteQuery{From: "2017-03-21", To: "2017-03-21", Speaker: "Mattis"}, []string{"reuters-nato-tillerson"}},
		{"from", QuoteQuery{From: "2017-03-22"}, []string{"a2"}},
		{"to", QuoteQuery{To: "2017-03-20"}, []string{"a0"}},
		{"article", QuoteQuery{Article: "u1"}, []string{"u1"}},
		{"article nasty", QuoteQuery{Article: "' OR '1'='1"}, []string{}},
		{"limit", QuoteQuery{Limit: 2}, []string{"a0", "reuters-nato-tillerson"}},
		{"offset", QuoteQuery{Limit: 5, Offset: 8}, []string{"a2", "u1"}},
		{"speaker and search", QuoteQuery{Speaker: "official", Search: "path"}, []string{"reuters-nato-tillerson", "reuters-nato-tillerson"}},
	}
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

	for _, q := range []QuoteQuery{{From: "21/03/2017"}, {To: "2017-3-1"}, {From: "'; --"}, {Limit: -1}, {Offset: -1}} {
		_, err := db.Quotes(ctx, q)
		assert.ErrorIs(t, err, ErrInvalid, "%+v", q)
	}
}

func TestEachQuote(t *testing.T) {
	ctx := context.Background()
	db := corpusDB(t)
	all, err := db.Quotes(ctx, QuoteQuery{})
	require.NoError(t, err)

	var got []QuoteRow
	require.NoError(t, db.EachQuote(ctx, func(q QuoteRow) error {
		got = append(got, q)
		return nil
	}))
	assert.Equal(t, all, got)

	stop := errors.New("stop")
	n := 0
	err = db.EachQuote(ctx, func(QuoteRow) error {
		n++
		return stop
	})
	assert.ErrorIs(t, err, stop)
	assert.Equal(t, 1, n)
}

func TestClaims(t *testing.T) {
	ctx := context.Background()
	db := corpusDB(t)
	tests := []struct {
		q    ClaimQuery
		want int
	}{
		{ClaimQuery{}, 7},
		{ClaimQuery{Speaker: "State Department"}, 3},
		{ClaimQuery{Speaker: "mikser"}, 1},
		{ClaimQuery{Search: "rescheduled"}, 1},
		{ClaimQuery{Search: "NEAR( \" *"}, 0},
		{ClaimQuery{Speaker: "Mattis", Search: "moderat*"}, 1},
		{ClaimQuery{From: "2017-03-21", To: "2017-03-21"}, 4},
	}
	for _, tt := range tests {
		got, err := db.Claims(ctx, tt.q)
		require.NoError(t, err)
		assert.Len(t, got, tt.want, "%+v", tt.q)
	}
	got, err := db.Claims(ctx, ClaimQuery{Search: "rescheduled"})
	require.NoError(t, err)
	assert.Equal(t, "State Department", got[0].Speaker)
	assert.Equal(t, "organization", got[0].SpeakerKind)

	var n int
	require.NoError(t, db.EachClaim(ctx, func(ClaimRow) error { n++; return nil }))
	assert.Equal(t, 7, n)
}

func TestSpeakers(t *testing.T) {
	ctx := context.Background()
	db := corpusDB(t)
	sp, err := db.Speakers(ctx, 0)
	require.NoError(t, err)
	require.Len(t, sp, 7)
	byName := map[string]SpeakerRow{}
	for _, s := range sp {
		byName[s.Name] = s
	}
	off := sp[0]
	assert.Equal(t, "State Department official", off.Name)
	assert.Equal(t, "anonymous", off.Kind)
	assert.Equal(t, 5, off.Quotes)
	assert.Equal(t, 2, off.Claims)
	assert.Nil(t, off.Titles)
	assert.Equal(t, []string{"Defense Secretary"}, byName["Jim Mattis"].Titles)
	assert.Equal(t, 1, byName["Jim Mattis"].Quotes)
	assert.Equal(t, 1, byName["Jim Mattis"].Claims)
	assert.Equal(t, 0, byName["State Department"].Quotes)
	assert.Equal(t, 1, byName["State Department"].Claims)

	top, err := db.Speakers(ctx, 2)
	require.NoError(t, err)
	assert.Equal(t, sp[:2], top)
	_, err = db.Speakers(ctx, -1)
	assert.ErrorIs(t, err, ErrInvalid)

	// The same name from two articles is one speaker, with titles from both.
	put(t, db, smallFindings(t, "a3", "2017-04-01", "Rex Tillerson", "Again."))
	sp, err = db.Speakers(ctx, 0)
	require.NoError(t, err)
	require.Len(t, sp, 7)
	for _, s := range sp {
		if s.Name == "Rex Tillerson" {
			assert.Equal(t, 2, s.Quotes)
			assert.Equal(t, []string{"Minister", "U.S. Secretary of State"}, s.Titles)
		}
	}
}

func TestTargetsAndCounts(t *testing.T) {
	ctx := context.Background()
	db := corpusDB(t)
	ts, err := db.Targets(ctx, 0, 0)
	require.NoError(t, err)
	require.Len(t, ts, 2)
	nato := natoFindings(t)
	assert.Equal(t, nato.Amounts[0], ts[0].Amount)
	assert.Equal(t, nato.Amounts[1], ts[1].Amount)
	assert.Equal(t, "reuters-nato-tillerson", ts[0].ArticleID)
	assert.Equal(t, "2017-03-21", ts[0].Published)
	page, err := db.Targets(ctx, 1, 1)
	require.NoError(t, err)
	assert.Equal(t, ts[1:], page)
	_, err = db.Targets(ctx, -1, 0)
	assert.ErrorIs(t, err, ErrInvalid)

	c, err := db.Counts(ctx)
	require.NoError(t, err)
	assert.Equal(t, Counts{Articles: 4, Entities: 13, Speakers: 7, Quotes: 10, Claims: 7, Dates: 10, Amounts: 2}, c)
}
