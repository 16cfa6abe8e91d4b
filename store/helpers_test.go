package store

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/whosaid/whosaid"
)

// openTest opens a fresh database file in a temporary directory.
func openTest(tb testing.TB) *DB {
	tb.Helper()
	db, err := Open(context.Background(), filepath.Join(tb.TempDir(), "whosaid.db"))
	require.NoError(tb, err)
	tb.Cleanup(func() { db.Close() })
	return db
}

// put stores findings and requires that the batch as a whole succeeded.
func put(tb testing.TB, db *DB, fs ...whosaid.Findings) []Result {
	tb.Helper()
	res, err := db.Put(context.Background(), fs...)
	require.NoError(tb, err)
	require.Len(tb, res, len(fs))
	return res
}

// at returns the n-th (0-based) occurrence of sub in text as a mention.
func at(tb testing.TB, text, sub string, n int) whosaid.Mention {
	tb.Helper()
	off := 0
	for i := 0; ; i++ {
		j := strings.Index(text[off:], sub)
		require.GreaterOrEqual(tb, j, 0, "occurrence %d of %q", n, sub)
		if i == n {
			return whosaid.Mention{Text: sub, Start: off + j, End: off + j + len(sub)}
		}
		off += j + len(sub)
	}
}

// sentenceOf returns the line (our paragraphs are one sentence or two) of
// text that holds m.
func sentenceOf(text string, m whosaid.Mention) string {
	start := strings.LastIndexByte(text[:m.Start], '\n') + 1
	end := strings.IndexByte(text[m.End:], '\n')
	if end < 0 {
		return text[start:]
	}
	return text[start : m.End+end]
}

func readText(tb testing.TB, name string) string {
	tb.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	require.NoError(tb, err)
	return string(b)
}

// natoFindings builds, by hand, the findings a good extractor gives for the
// Reuters story of 21 March 2017 on Tillerson and NATO spending.
func natoFindings(tb testing.TB) whosaid.Findings {
	tb.Helper()
	text := readText(tb, "reuters-nato-tillerson.txt")
	m := func(sub string, n int) whosaid.Mention { return at(tb, text, sub, n) }
	ms := func(pairs ...any) []whosaid.Mention {
		var out []whosaid.Mention
		for i := 0; i < len(pairs); i += 2 {
			out = append(out, m(pairs[i].(string), pairs[i+1].(int)))
		}
		return out
	}
	official := func(sub string, n int) whosaid.Speaker {
		mm := m(sub, n)
		return whosaid.Speaker{Name: "State Department official", Kind: whosaid.KindAnonymous, Mention: &mm}
	}
	quote := func(sub string, n int, kind string, sp whosaid.Speaker) whosaid.Quote {
		mm := m(sub, n)
		return whosaid.Quote{Text: sub, Start: mm.Start, End: mm.End, Kind: kind, Cue: "said",
			Speaker: sp, Sentence: sentenceOf(text, mm)}
	}
	claim := func(sub string, n int, sp whosaid.Speaker) whosaid.Claim {
		mm := m(sub, n)
		return whosaid.Claim{Text: sub, Start: mm.Start, End: mm.End, Cue: "said",
			Speaker: sp, Sentence: sentenceOf(text, mm)}
	}
	date := func(sub string, n int, value string) whosaid.Date {
		mm := m(sub, n)
		return whosaid.Date{Text: sub, Start: mm.Start, End: mm.End, Value: value}
	}
	gdp, threshold := m("2 percent of gross domestic product", 0), m("2 percent", 1)
	mattis, linas := m("Jim Mattis", 0), m("Linas Linkevicius", 0)

	return whosaid.Findings{
		Article: whosaid.Article{
			ID:        "reuters-nato-tillerson",
			URL:       "https://www.reuters.com/article/us-usa-nato-tillerson-idUSKBN16S2FZ",
			Title:     "Tillerson to press NATO allies on 'clear path' to defense spending increase",
			Byline:    "Yeganeh Torbati",
			Published: "2017-03-21",
			Outlet:    "Reuters",
			Section:   "World",
			Dateline:  &whosaid.Dateline{Place: "WASHINGTON", Agency: "Reuters", End: len("WASHINGTON (Reuters) - ")},
			Text:      text,
			Source:    "testdata/reuters-nato-tillerson.txt",
		},
		Entities: []whosaid.Entity{
			{Type: whosaid.Person, Name: "Rex Tillerson", Titles: []string{"U.S. Secretary of State"},
				Mentions: ms("Rex Tillerson", 0, "Tillerson", 1, "Tillerson", 2, "Tillerson", 3, "Tillerson", 4)},
			{Type: whosaid.Org, Name: "Reuters", Mentions: ms("Reuters", 0)},
			{Type: whosaid.Org, Name: "NATO", Mentions: ms("NATO", 0, "NATO", 1, "NATO", 2, "NATO", 3)},
			{Type: whosaid.Org, Name: "State Department", Mentions: ms("State Department", 0, "State Department", 1)},
			{Type: whosaid.Country, Name: "United States", Code: "US", Mentions: ms("United States", 0, "U.S.", 0)},
			{Type: whosaid.Location, Name: "Brussels", Code: "BE", Mentions: ms("Brussels", 0, "Brussels", 1)},
			{Type: whosaid.Person, Name: "Donald Trump", Titles: []string{"President"}, Mentions: ms("Donald Trump", 0, "Trump", 1)},
			{Type: whosaid.Person, Name: "Linas Linkevicius", Titles: []string{"Lithuanian Foreign Minister"}, Mentions: ms("Linas Linkevicius", 0)},
			{Type: whosaid.Person, Name: "Jim Mattis", Titles: []string{"Defense Secretary"}, Mentions: ms("Jim Mattis", 0)},
			{Type: whosaid.Country, Name: "Russia", Code: "RU", Mentions: ms("Russia", 0, "Russia", 1)},
		},
		Dates: []whosaid.Date{
			date("this week", 0, "2017-W12"), date("Tuesday", 0, "2017-03-21"), date("March 31", 0, "2017-03-31"),
			date("2016", 0, "2016"), date("2024", 0, "2024"), date("2014", 0, "2014"), date("last month", 0, "2017-02"),
		},
		Amounts: []whosaid.Amount{
			{Text: gdp.Text, Start: gdp.Start, End: gdp.End, Kind: whosaid.Percent, Value: 2, Unit: "%",
				Of: "gross domestic product", Target: true, Holder: "NATO allies"},
			{Text: threshold.Text, Start: threshold.Start, End: threshold.End, Kind: whosaid.Percent, Value: 2, Unit: "%",
				Target: true, Deadline: "2024"},
		},
		Quotes: []whosaid.Quote{
			quote("clear path", 0, whosaid.PartialQuote, official("a State Department official", 0)),
			quote("It is no longer sustainable for the United States to maintain a disproportionate share of NATO’s deterrence and defense spending,", 0,
				whosaid.FullQuote, official("the official", 1)),
			quote("No doubts about that", 0, whosaid.PartialQuote,
				whosaid.Speaker{Name: "Linas Linkevicius", Kind: whosaid.KindPerson, Mention: &linas, Surname: "Linkevicius"}),
			quote("pushing allies to do more, faster, absolutely no apology for that.", 0, whosaid.PartialQuote,
				official("The senior State Department official", 0)),
			quote("clear path", 1, whosaid.PartialQuote, whosaid.Speaker{Name: "State Department official", Kind: whosaid.KindAnonymous}),
			quote("Our joint security requires it, that’s the main leverage that we have,", 0, whosaid.FullQuote,
				official("the official", 3)),
			quote("moderate", 0, whosaid.PartialQuote,
				whosaid.Speaker{Name: "Jim Mattis", Kind: whosaid.KindPerson, Mention: &mattis, Surname: "Mattis"}),
		},
		Claims: []whosaid.Claim{
			claim("Tillerson will press this week for NATO allies to demonstrate a “clear path” to increase defense spending", 0,
				official("a State Department official", 0)),
			claim("He will push allies on how they plan to meet a defense spending goal of 2 percent of gross domestic product, and press NATO to increase its role in the fight against terrorism", 0,
				official("the official", 0)),
			claim("the meeting in Brussels had been rescheduled and Tillerson would attend", 0,
				whosaid.Speaker{Name: "State Department", Kind: whosaid.KindOrganization, Mention: &whosaid.Mention{Text: "The State Department", Start: m("The State Department", 0).Start, End: m("The State Department", 0).End}}),
			claim("the United States might “moderate” its support for the alliance", 0,
				whosaid.Speaker{Name: "Jim Mattis", Kind: whosaid.KindPerson, Mention: &mattis, Surname: "Mattis"}),
		},
	}
}

// asStored is f as Article reads it back: without the speakers' readings
// of their names, which Put links people by and does not keep.
func asStored(f whosaid.Findings) whosaid.Findings {
	unread := func(s *whosaid.Speaker) { s.Gender, s.Surname, s.Forms = "", "", whosaid.NameForms{} }
	f.Quotes = slices.Clone(f.Quotes)
	for i := range f.Quotes {
		unread(&f.Quotes[i].Speaker)
	}
	f.Claims = slices.Clone(f.Claims)
	for i := range f.Claims {
		unread(&f.Claims[i].Speaker)
	}
	return f
}

// smallFindings builds a short article in which speaker says quote, with a
// claim, for tests that need several articles.
func smallFindings(tb testing.TB, id, published, speaker, quote string) whosaid.Findings {
	tb.Helper()
	text := fmt.Sprintf("BRUSSELS (Reuters) - %s said on Monday: “%s” The minister said talks would go on.", speaker, quote)
	sp := at(tb, text, speaker, 0)
	q := at(tb, text, quote, 0)
	c := at(tb, text, "talks would go on", 0)
	// The surname as the extractor reads it: these names have no suffixes.
	s := whosaid.Speaker{Name: speaker, Kind: whosaid.KindPerson, Mention: &sp,
		Surname: speaker[strings.LastIndexByte(speaker, ' ')+1:]}
	return whosaid.Findings{
		Article: whosaid.Article{ID: id, Published: published, Text: text, Source: id + ".txt",
			Dateline: &whosaid.Dateline{Place: "BRUSSELS", Agency: "Reuters", End: len("BRUSSELS (Reuters) - ")}},
		Entities: []whosaid.Entity{{Type: whosaid.Person, Name: speaker, Titles: []string{"Minister"}, Mentions: []whosaid.Mention{sp}}},
		Dates:    []whosaid.Date{{Text: "Monday", Start: at(tb, text, "Monday", 0).Start, End: at(tb, text, "Monday", 0).End, Value: published}},
		Amounts:  []whosaid.Amount{},
		Quotes:   []whosaid.Quote{{Text: quote, Start: q.Start, End: q.End, Kind: whosaid.FullQuote, Cue: "said", Speaker: s}},
		Claims:   []whosaid.Claim{{Text: c.Text, Start: c.Start, End: c.End, Cue: "said", Speaker: s}},
	}
}

// queryStrings runs q, whose rows are one string each, and returns them.
func queryStrings(tb testing.TB, db *sql.DB, q string, args ...any) []string {
	tb.Helper()
	rows, err := db.Query(q, args...)
	require.NoError(tb, err, q)
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		require.NoError(tb, rows.Scan(&s))
		out = append(out, s)
	}
	require.NoError(tb, rows.Err())
	return out
}

// tableCounts counts the rows of every table, FTS indexes included, so tests
// can tell "nothing was added" for certain.
func tableCounts(tb testing.TB, db *DB) map[string]int {
	tb.Helper()
	out := map[string]int{}
	for _, t := range []string{"articles", "entities", "mentions", "speakers", "speaker_aliases",
		"dates", "amounts", "quotes", "claims", "quotes_fts_docsize", "claims_fts_docsize"} {
		var n int
		require.NoError(tb, db.r.QueryRow("SELECT count(*) FROM "+t).Scan(&n), t)
		out[t] = n
	}
	return out
}

// requireFTSIntact runs FTS5's own integrity check of each full-text
// index, and requires that it holds exactly the words of the quotes' and
// claims' texts, read as readers read them (stored, or their span of the
// article: 0020): FTS5's comparison with the content table ('integrity-
// check' with rank 1) would read the stored empty text instead. It also requires
// that every row has the parent its foreign keys name (the writer does not
// enforce them: open.go).
func requireFTSIntact(tb testing.TB, db *DB) {
	tb.Helper()
	for _, t := range []string{"quotes", "claims"} {
		fts := t + "_fts"
		_, err := db.w.Exec("INSERT INTO " + fts + " (" + fts + ") VALUES ('integrity-check')")
		require.NoError(tb, err, fts)
		_, err = db.w.Exec(`CREATE VIRTUAL TABLE temp.want USING fts5 (text, tokenize = 'unicode61 remove_diacritics 2');
			INSERT INTO temp.want (rowid, text) SELECT x.id, ` + speechText + ` FROM ` + t + ` x JOIN articles a ON a.id = x.article_id;
			CREATE VIRTUAL TABLE temp.want_v USING fts5vocab (temp, want, instance);
			CREATE VIRTUAL TABLE temp.got_v USING fts5vocab (main, ` + fts + `, instance)`)
		require.NoError(tb, err, fts)
		var missing, extra, n int
		require.NoError(tb, db.w.QueryRow(`SELECT (SELECT count(*) FROM (SELECT * FROM temp.want_v EXCEPT SELECT * FROM temp.got_v)),
			(SELECT count(*) FROM (SELECT * FROM temp.got_v EXCEPT SELECT * FROM temp.want_v)),
			(SELECT count(*) FROM temp.got_v)`).Scan(&missing, &extra, &n))
		_, err = db.w.Exec(`DROP TABLE temp.got_v; DROP TABLE temp.want_v; DROP TABLE temp.want`)
		require.NoError(tb, err)
		require.Zero(tb, missing, "%s: words of the texts not in the index", fts)
		require.Zero(tb, extra, "%s: words in the index of no text (of %d)", fts, n)
	}
	requireNoOrphans(tb, db)
}

// requireNoOrphans requires that PRAGMA foreign_key_check finds no row
// without its parent.
func requireNoOrphans(tb testing.TB, db *DB) {
	tb.Helper()
	rows, err := db.r.Query(`SELECT "table", rowid, parent FROM pragma_foreign_key_check`)
	require.NoError(tb, err)
	defer rows.Close()
	var orphans []string
	for rows.Next() {
		var table, parent string
		var rowid sql.NullInt64
		require.NoError(tb, rows.Scan(&table, &rowid, &parent))
		orphans = append(orphans, fmt.Sprintf("%s %d -> %s", table, rowid.Int64, parent))
	}
	require.NoError(tb, rows.Err())
	require.Empty(tb, orphans, "rows whose parent is gone")
	// The counts each speaker keeps (migration 0017) are its rows'.
	var wrong int
	require.NoError(tb, db.r.QueryRow(`SELECT count(*) FROM speakers s
		WHERE n_quotes <> (SELECT count(*) FROM quotes WHERE speaker_id = s.id)
		   OR n_claims <> (SELECT count(*) FROM claims WHERE speaker_id = s.id)`).Scan(&wrong))
	require.Zero(tb, wrong, "speakers whose counts are not their quotes' and claims'")
}
