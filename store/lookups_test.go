package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/whosaid/whosaid"
)

// TestPersonSpeakersLinkWithinOneBatch: the stories of personLinks written
// as one batch link the same people as one batch each. Within a batch the
// writer answers look-ups from its cache (lookups.go), which must say what
// the database says after the articles before.
func TestPersonSpeakersLinkWithinOneBatch(t *testing.T) {
	for _, tt := range personLinks {
		t.Run(tt.name, func(t *testing.T) {
			db := openTest(t)
			var fs []whosaid.Findings
			for _, s := range tt.stories {
				fs = append(fs, personStory(t, s[0], s[1], s[2], s[3:]...))
			}
			put(t, db, fs...)
			got, n := speakersOf(t, db)
			assert.Equal(t, tt.want, got)
			assert.Equal(t, tt.speakers, n)
		})
	}
}

// TestLookupsAnswerAsTheDatabase writes the stories of personLinks into
// one batch and, after every article, asks the cache of the writer and
// the database itself the same questions about every name seen so far.
func TestLookupsAnswerAsTheDatabase(t *testing.T) {
	ctx := context.Background()
	for _, tt := range personLinks {
		t.Run(tt.name, func(t *testing.T) {
			db := openTest(t)
			b, err := db.Begin(ctx)
			require.NoError(t, err)
			defer b.Rollback()
			var names []string
			for _, s := range tt.stories {
				require.NoError(t, b.Add(ctx, Prepare(personStory(t, s[0], s[1], s[2], s[3:]...))))
				// A zero byte ends what NOCASE compares: never cached.
				names = append(names, s[1], s[2], "Mrs. "+s[1], strings.ToUpper(s[1]), s[1]+"\x00"+s[0])
				for _, title := range s[3:] {
					names = append(names, title+" "+s[1])
				}
				requireLookupsExact(t, b.w, names)
			}
		})
	}
}

// requireLookupsExact requires that the cached look-ups of w give for
// names what the statements give.
func requireLookupsExact(t *testing.T, w *writer, names []string) {
	t.Helper()
	ctx := context.Background()
	for _, name := range names {
		id, found, err := w.SpeakerID(ctx, whosaid.KindPerson, name)
		require.NoError(t, err)
		var want int64
		err = w.findSpeaker.QueryRowContext(ctx, whosaid.KindPerson, name).Scan(&want)
		if errors.Is(err, sql.ErrNoRows) {
			assert.False(t, found, "speaker %q", name)
		} else {
			require.NoError(t, err)
			assert.True(t, found, "speaker %q", name)
			assert.Equal(t, want, id, "speaker %q", name)
		}

		ids, err := w.AliasIDs(ctx, name)
		require.NoError(t, err)
		wantIDs, err := w.ids(ctx, w.al.byAlias, name)
		require.NoError(t, err)
		requireSameHits(t, wantIDs, ids, "alias "+name)

		// The surname look-ups are probed with the surname the writer
		// looked up, when the name is one of the stories', and the last
		// word.
		surs := []string{name[strings.LastIndexByte(name, ' ')+1:]}
		if r, ok := readings[name]; ok {
			surs = append(surs, r.surname)
		}
		for _, sur := range surs {
			cs, err := w.Surnames(ctx, sur)
			require.NoError(t, err)
			wantCs, err := w.findSurname(ctx, sur)
			require.NoError(t, err)
			requireSameHits(t, wantCs, cs, "surname "+sur)
		}
	}
}

// requireSameHits requires the same answer from a LIMIT 2 look-up: no
// row, the same one row, or two rows (which two, callers do not look).
func requireSameHits[T comparable](t *testing.T, want, got []T, what string) {
	t.Helper()
	require.Len(t, got, len(want), what)
	if len(want) == 1 {
		require.Equal(t, want[0], got[0], what)
	}
}

// TestLookupsForgetRolledBackArticle: an article refused by SQLite after
// its speakers were written is rolled back, and the speakers' ids are
// given again to the next article's new speakers. Speakers the writer
// remembered from the refused article must be forgotten with it, or the
// next article's quotes would go to whoever has their ids now.
func TestLookupsForgetRolledBackArticle(t *testing.T) {
	db := openTest(t)
	_, err := db.w.Exec(`CREATE TRIGGER boom BEFORE INSERT ON claims WHEN new.article_id = 'bad'
		BEGIN SELECT RAISE(ABORT, 'boom'); END`)
	require.NoError(t, err)
	person := func(name, surname string) whosaid.Speaker {
		return whosaid.Speaker{Name: name, Kind: whosaid.KindPerson, Surname: surname}
	}
	org := func(name string) whosaid.Speaker { return whosaid.Speaker{Name: name, Kind: whosaid.KindOrganization} }
	bad := speechStory(t, "bad", "BOOM", person("Xavier Quux", "Quux"), org("Acme Corp"))
	good := speechStory(t, "good", "fine", person("Other Person", "Person"), org("Beta Inc"),
		person("Quux", "Quux"), person("Xavier Quux", "Quux"), org("Acme Corp"))

	res := put(t, db, bad, good)
	require.Equal(t, Failed, res[0].Status)
	require.Equal(t, Inserted, res[1].Status, "%v", res[1].Err)
	got := queryStrings(t, db.r, `SELECT s.name FROM quotes q JOIN speakers s ON s.id = q.speaker_id
		WHERE q.article_id = 'good' ORDER BY q.start`)
	// "Quux" alone is the one person of that surname, who takes the full
	// name when it comes.
	assert.Equal(t, []string{"Other Person", "Beta Inc", "Xavier Quux", "Xavier Quux", "Acme Corp"}, got)
	requireNoOrphans(t, db)
}

// speechStory is an article in which each speaker says a quote of their
// own, closed by a claim of the first speaker's whose text is claim.
func speechStory(tb testing.TB, id, claim string, speakers ...whosaid.Speaker) whosaid.Findings {
	tb.Helper()
	var text strings.Builder
	for i, s := range speakers {
		fmt.Fprintf(&text, "%s said: “Quote %d of story %s.” ", s.Name, i, id)
	}
	fmt.Fprintf(&text, "%s said that %s.\n", speakers[0].Name, claim)
	f := whosaid.Findings{Article: whosaid.Article{ID: id, Text: text.String(), Source: id + ".txt"}}
	for i, s := range speakers {
		m := at(tb, f.Article.Text, fmt.Sprintf("%s said: “Quote %d ", s.Name, i), 0)
		m.End = m.Start + len(s.Name)
		m.Text = s.Name
		s.Mention = &m
		q := at(tb, f.Article.Text, fmt.Sprintf("Quote %d of story %s.", i, id), 0)
		f.Quotes = append(f.Quotes, whosaid.Quote{Text: q.Text, Start: q.Start, End: q.End,
			Kind: whosaid.FullQuote, Cue: "said", Speaker: s})
	}
	c := at(tb, f.Article.Text, claim, 0)
	f.Claims = []whosaid.Claim{{Text: c.Text, Start: c.Start, End: c.End, Cue: "said", Speaker: speakers[0]}}
	return f
}

// TestWriterLookupPlans: the look-ups written as subqueries rather than
// joins (findAliasSQL, findArticleSQL) still search their indexes, on a
// database with people, aliases and articles in it.
func TestWriterLookupPlans(t *testing.T) {
	db := openTest(t)
	put(t, db, natoFindings(t))
	for _, tt := range []struct {
		sql  string
		args []any
		want []string
	}{
		{findAliasSQL, []any{"Rex Tillerson"}, []string{
			"SEARCH a USING INDEX speaker_aliases_alias (alias=?)",
			"SEARCH speakers USING INTEGER PRIMARY KEY (rowid=?)"}},
		{findArticleSQL, []any{"a", []byte{1}, "h"}, []string{
			"SEARCH articles USING INDEX sqlite_autoindex_articles_1 (id=?)",
			"SEARCH articles USING INDEX sqlite_autoindex_articles_2 (content_hash=?)"}},
		{`SELECT id FROM speakers WHERE kind = ? AND name = ?`, []any{"person", "x"}, []string{
			"SEARCH speakers USING COVERING INDEX sqlite_autoindex_speakers_1 (kind=? AND name=?)"}},
		{`SELECT id, name FROM speakers WHERE kind = 'person' AND surname = ? LIMIT 2`, []any{"x"}, []string{
			"SEARCH speakers USING INDEX speakers_surname (kind=? AND surname=?)"}},
		{`SELECT min(gender), max(gender) FROM speaker_aliases WHERE speaker_id = ?`, []any{1}, []string{
			"SEARCH speaker_aliases USING INDEX sqlite_autoindex_speaker_aliases_1 (speaker_id=?)"}},
		{`SELECT id FROM articles WHERE url = ? AND id <> ? LIMIT 1`, []any{"u", "a"}, []string{
			"SEARCH articles USING INDEX articles_url (url=?)"}},
		{`SELECT text, body, size, seq FROM articles WHERE id = ?`, []any{"a"}, []string{
			"SEARCH articles USING INDEX sqlite_autoindex_articles_1 (id=?)"}},
		{findSketchSQL, sketchArgs(), []string{
			"SEARCH article_sketches USING PRIMARY KEY (band=? AND hash=?)",
			"SEARCH article_sketches_recent USING PRIMARY KEY (band=? AND hash=?)"}},
		{fmt.Sprintf(delSketchSQL, "article_sketches"), []any{0, 1, 2}, []string{
			"SEARCH article_sketches USING PRIMARY KEY (band=? AND hash=? AND article=?)"}},
		{fmt.Sprintf(delSketchSQL, "article_sketches_recent"), []any{0, 1, 2}, []string{
			"SEARCH article_sketches_recent USING PRIMARY KEY (band=? AND hash=? AND article=?)"}},
		{entityNamesSQL, []any{"x", "x"}, []string{
			"SEARCH entity_names USING PRIMARY KEY (name=?)",
			"SEARCH entity_names_recent USING PRIMARY KEY (name=?)"}},
		{`SELECT coalesce(max(seq), 0) FROM articles`, nil, []string{
			"SEARCH articles USING COVERING INDEX articles_seq"}},
	} {
		plan := queryPlan(t, db, tt.sql, tt.args...)
		for _, step := range tt.want {
			assert.Contains(t, plan, step, "%s", tt.sql)
		}
		for _, step := range plan {
			// A scan of a subquery's own few rows (the sketch look-up's
			// LIMIT 8 per band, named s) is no table scan.
			if step != "SCAN CONSTANT ROW" && step != "SCAN s" && !strings.HasPrefix(step, "SCAN (subquery") &&
				!strings.HasPrefix(step, "COMPOUND") {
				assert.NotContains(t, step, "SCAN", "%s", tt.sql)
			}
		}
	}
}

// queryPlan is the detail of each step of query's plan.
func queryPlan(tb testing.TB, db *DB, query string, args ...any) []string {
	tb.Helper()
	rows, err := db.w.Query("EXPLAIN QUERY PLAN "+query, args...)
	require.NoError(tb, err)
	defer rows.Close()
	var plan []string
	for rows.Next() {
		var id, parent, unused int
		var detail string
		require.NoError(tb, rows.Scan(&id, &parent, &unused, &detail))
		plan = append(plan, detail)
	}
	require.NoError(tb, rows.Err())
	return plan
}

// sketchArgs are arguments for findSketchSQL.
func sketchArgs() []any {
	var sk sketch
	return sk.args(1)
}

// TestWriterDeletePlans: replacing an article deletes its rows through
// indexes, never by scanning a table.
func TestWriterDeletePlans(t *testing.T) {
	db := openTest(t)
	put(t, db, natoFindings(t))
	for _, q := range deleteArticleSQL {
		rows, err := db.w.Query("EXPLAIN QUERY PLAN "+q, "a")
		require.NoError(t, err)
		for rows.Next() {
			var id, parent, unused int
			var detail string
			require.NoError(t, rows.Scan(&id, &parent, &unused, &detail))
			assert.NotContains(t, detail, "SCAN", "%s", q)
		}
		require.NoError(t, rows.Err())
		rows.Close()
	}
}
