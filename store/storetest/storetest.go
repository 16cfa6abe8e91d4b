// Package storetest is the conformance suite every whosaid store passes:
// the SQLite store (package store) and the PostgreSQL one (store/postgres)
// run the same table of cases, so that the commands answer the same on
// either.
package storetest

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/store"
)

// Store is what the suite needs of a store.
type Store interface {
	Put(ctx context.Context, fs ...whosaid.Findings) ([]store.Result, error)
	Quotes(ctx context.Context, q store.QuoteQuery) ([]store.QuoteRow, error)
	Claims(ctx context.Context, q store.ClaimQuery) ([]store.ClaimRow, error)
	Speakers(ctx context.Context, limit int) ([]store.SpeakerRow, error)
	Targets(ctx context.Context, limit, offset int) ([]store.TargetRow, error)
	Article(ctx context.Context, id string) (whosaid.Findings, error)
	Counts(ctx context.Context) (store.Counts, error)
	Profile(ctx context.Context, id int64, entities int) (store.Profile, error)
}

// Case is one conformance case, run on a fresh, empty store.
type Case struct {
	Name string
	Run  func(t *testing.T, s Store)
}

// Run runs every case on a fresh store from open.
func Run(t *testing.T, open func(testing.TB) Store) {
	for _, c := range Cases {
		t.Run(c.Name, func(t *testing.T) { c.Run(t, open(t)) })
	}
}

// Cases are the conformance cases.
var Cases = []Case{
	{"round trip", roundTrip},
	{"put twice adds nothing", putTwice},
	{"replace drops old rows and orphan speakers", replace},
	{"same text under another id is a copy", duplicateContent},
	{"default id is the content hash", defaultID},
	{"a refused article fails alone", batchWithFailure},
	{"syndicated copies are one story", syndicated},
	{"same url is one story", sameURL},
	{"people link across articles", personLinks},
	{"search", search},
	{"filters and order", filtersAndOrder},
	{"speakers, targets, counts, profile", speakersTargetsCounts},
}

// at returns the n-th occurrence of sub in text as a mention.
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

func put(tb testing.TB, s Store, fs ...whosaid.Findings) []store.Result {
	tb.Helper()
	for i := range fs {
		fs[i] = readNames(fs[i])
	}
	res, err := s.Put(context.Background(), fs...)
	require.NoError(tb, err)
	require.Len(tb, res, len(fs))
	return res
}

func statuses(rs []store.Result) []store.Status {
	var out []store.Status
	for _, r := range rs {
		out = append(out, r.Status)
	}
	return out
}

// story is a one-quote article by a person, with the person's entity.
func story(tb testing.TB, id, published, name, mention, quote string, titles ...string) whosaid.Findings {
	tb.Helper()
	text := mention + " said: “" + quote + "” It was story " + id + ".\n"
	m := at(tb, text, mention, 0)
	q := at(tb, text, quote, 0)
	ent := whosaid.Entity{Type: whosaid.Person, Name: name, Titles: titles, Mentions: []whosaid.Mention{m}}
	return whosaid.Findings{
		Article:  whosaid.Article{ID: id, Published: published, Text: text},
		Entities: []whosaid.Entity{ent},
		Quotes: []whosaid.Quote{{Text: q.Text, Start: q.Start, End: q.End, Kind: whosaid.FullQuote, Cue: "said",
			Speaker: whosaid.Speaker{Name: name, Kind: whosaid.KindPerson, Mention: &m}, Sentence: strings.TrimSpace(text)}},
	}
}

// richStory has something of every kind of finding.
func richStory(tb testing.TB) whosaid.Findings {
	tb.Helper()
	text := "BRUSSELS (Reuters) - U.S. Secretary of State Rex Tillerson said on March 31 that allies must spend 2 percent of gross domestic product on defense by 2024.\n" +
		"“Déjà vu all over again,” a senior State Department official said.\n" +
		"NATO said the alliance “remains strong”, according to Belgium's foreign minister.\n"
	m := func(sub string) whosaid.Mention { return at(tb, text, sub, 0) }
	rex := m("Rex Tillerson")
	q1 := m("Déjà vu all over again,")
	q2 := m("remains strong")
	off := m("senior State Department official")
	claim := m("allies must spend 2 percent of gross domestic product on defense by 2024")
	amount := m("2 percent of gross domestic product")
	return whosaid.Findings{
		Article: whosaid.Article{ID: "nato", URL: "https://example.com/nato", Title: "Tillerson presses allies", Byline: "By A. Reporter",
			Published: "2017-03-21", Outlet: "Reuters", Section: "World", Text: text, Source: "nato.txt",
			Dateline: &whosaid.Dateline{Place: "BRUSSELS", Agency: "Reuters", End: len("BRUSSELS (Reuters) - ")}},
		Entities: []whosaid.Entity{
			{Type: whosaid.Person, Name: "Rex Tillerson", Titles: []string{"U.S. Secretary of State"}, Mentions: []whosaid.Mention{rex}},
			{Type: "COUNTRY", Name: "United States", Code: "US", Mentions: []whosaid.Mention{m("U.S.")}},
			{Type: "ORG", Name: "NATO", Mentions: []whosaid.Mention{m("NATO")}},
			{Type: "LOCATION", Name: "Brussels", Code: "BE", Mentions: []whosaid.Mention{m("BRUSSELS")}},
		},
		Dates:   []whosaid.Date{{Text: "March 31", Start: m("March 31").Start, End: m("March 31").End, Value: "2017-03-31"}},
		Amounts: []whosaid.Amount{{Text: amount.Text, Start: amount.Start, End: amount.End, Kind: "percent", Value: 2, Unit: "%", Of: "gross domestic product", Target: true, Deadline: "2024"}},
		Quotes: []whosaid.Quote{
			{Text: q1.Text, Start: q1.Start, End: q1.End, Kind: whosaid.FullQuote, Cue: "said",
				Speaker: whosaid.Speaker{Name: "State Department official", Kind: whosaid.KindAnonymous, Mention: &off}, Sentence: "“Déjà vu all over again,” a senior State Department official said."},
			{Text: q2.Text, Start: q2.Start, End: q2.End, Kind: "partial",
				Speaker: whosaid.Speaker{Name: "NATO", Kind: whosaid.KindOrganization}},
		},
		Claims: []whosaid.Claim{{Text: claim.Text, Start: claim.Start, End: claim.End, Cue: "said",
			Speaker: whosaid.Speaker{Name: "Rex Tillerson", Kind: whosaid.KindPerson, Mention: &rex}}},
	}
}

func roundTrip(t *testing.T, s Store) {
	ctx := context.Background()
	f := richStory(t)
	assert.Equal(t, []store.Status{store.Inserted}, statuses(put(t, s, f)))
	got, err := s.Article(ctx, "nato")
	require.NoError(t, err)
	assert.Equal(t, f, got)
	_, err = s.Article(ctx, "nope")
	assert.ErrorIs(t, err, store.ErrNotFound)
}

func putTwice(t *testing.T, s Store) {
	f := richStory(t)
	put(t, s, f)
	f.Article.Source = "elsewhere.txt"
	assert.Equal(t, []store.Status{store.Unchanged}, statuses(put(t, s, f)))
	c, err := s.Counts(context.Background())
	require.NoError(t, err)
	assert.Equal(t, store.Counts{Articles: 1, Entities: 4, Speakers: 3, Quotes: 2, Claims: 1, Dates: 1, Amounts: 1}, c)
}

func replace(t *testing.T, s Store) {
	ctx := context.Background()
	put(t, s, story(t, "a", "2017-01-01", "Ann Lee", "Ann Lee", "First words."))
	// the same id with another speaker, and the same id twice in a batch
	res := put(t, s, story(t, "a", "2017-01-01", "Bob Kay", "Bob Kay", "Second words."),
		story(t, "a", "2017-01-01", "Cy Dee", "Cy Dee", "Third words."))
	assert.Equal(t, []store.Status{store.Replaced, store.Replaced}, statuses(res))
	qs, err := s.Quotes(ctx, store.QuoteQuery{})
	require.NoError(t, err)
	require.Len(t, qs, 1)
	assert.Equal(t, "Third words.", qs[0].Text)
	assert.Equal(t, "Cy Dee", qs[0].Speaker)
	sp, err := s.Speakers(ctx, 0)
	require.NoError(t, err)
	require.Len(t, sp, 1, "orphan speakers removed")
	assert.Equal(t, "Cy Dee", sp[0].Name)
}

func duplicateContent(t *testing.T, s Store) {
	ctx := context.Background()
	f := story(t, "a", "2017-01-01", "Ann Lee", "Ann Lee", "Words.")
	put(t, s, f)
	f.Article.ID, f.Article.Outlet = "b", "Other"
	res := put(t, s, f)
	assert.Equal(t, store.Duplicate, res[0].Status)
	assert.Equal(t, "a", res[0].DuplicateOf)
	qs, err := s.Quotes(ctx, store.QuoteQuery{})
	require.NoError(t, err)
	require.Len(t, qs, 1)
	assert.Equal(t, 2, qs[0].Occurrences)
}

func defaultID(t *testing.T, s Store) {
	f := story(t, "", "2017-01-01", "Ann Lee", "Ann Lee", "Words.")
	sum := sha256.Sum256([]byte(f.Article.Text))
	res := put(t, s, f)
	assert.Equal(t, hex.EncodeToString(sum[:])[:16], res[0].ID)
	_, err := s.Article(context.Background(), res[0].ID)
	assert.NoError(t, err)
}

func batchWithFailure(t *testing.T, s Store) {
	ctx := context.Background()
	good1 := story(t, "g1", "2017-01-01", "Ann Lee", "Ann Lee", "One.")
	bad := story(t, "bad", "2017-01-01", "Bob Kay", "Bob Kay", "Two.")
	bad.Quotes[0].End = len(bad.Article.Text) + 5
	baddate := story(t, "baddate", "21 March", "Bob Kay", "Bob Kay", "Three.")
	good2 := story(t, "g2", "2017-01-02", "Cy Dee", "Cy Dee", "Four.")
	res := put(t, s, good1, bad, baddate, good2)
	assert.Equal(t, []store.Status{store.Inserted, store.Failed, store.Failed, store.Inserted}, statuses(res))
	assert.ErrorIs(t, res[1].Err, store.ErrInvalid)
	c, err := s.Counts(ctx)
	require.NoError(t, err)
	assert.Equal(t, 2, c.Articles)
	assert.Equal(t, 2, c.Speakers, "nothing of the refused articles")
}

// wire is an AP-style story, one paragraph per line.
var wire = []string{
	"WASHINGTON (AP) — The Senate on Thursday passed a $1.2 trillion spending package that averts a partial government shutdown, sending the measure to the president just hours before funding was set to lapse.",
	"The vote was 74-24, with a majority of Republicans joining Democrats to support the bill after weeks of negotiations between the chamber's leaders and the White House.",
	"“This agreement keeps the government open and protects the programs that families rely on,” Senate Majority Leader Chuck Schumer said on the floor before the vote.",
	"Conservative critics argued the package spent too much and was negotiated behind closed doors, leaving lawmakers little time to read more than a thousand pages of legislation.",
	"The bill funds the Pentagon, the Department of Homeland Security and several other agencies through the end of September, when the fiscal year ends.",
	"It includes a pay raise for troops, money for additional border agents and new funding for child care programs that Democrats had pushed for since last year.",
}

func wireFindings(tb testing.TB, id, url, outlet string, paras []string) whosaid.Findings {
	tb.Helper()
	text := strings.Join(paras, "\n")
	const quote = "This agreement keeps the government open and protects the programs that families rely on,"
	q := at(tb, text, quote, 0)
	sp := at(tb, text, "Chuck Schumer", 0)
	return whosaid.Findings{
		Article: whosaid.Article{ID: id, URL: url, Outlet: outlet, Published: "2024-03-22", Text: text, Source: url},
		Quotes: []whosaid.Quote{{Text: quote, Start: q.Start, End: q.End, Kind: whosaid.FullQuote, Cue: "said",
			Speaker: whosaid.Speaker{Name: "Chuck Schumer", Kind: whosaid.KindPerson, Mention: &sp}}},
	}
}

func syndicated(t *testing.T, s Store) {
	ctx := context.Background()
	n := len(wire)
	res := put(t, s,
		wireFindings(t, "ap", "https://ap.example/a", "AP", wire),
		wireFindings(t, "herald", "https://herald.example/b", "Herald", append(append([]string{}, wire...), "Copyright 2024 The Associated Press. All rights reserved.")),
		wireFindings(t, "trim", "https://trim.example/c", "Trim", wire[:n-1]),
		wireFindings(t, "other", "https://other.example/d", "Other", []string{wire[2], "Investors had largely shrugged off the risk of a shutdown, and Treasury yields were little changed in after-hours trading as the outcome became clear.", "Analysts at several banks said the deal removes one source of uncertainty for the economy, though they warned that fights over the debt ceiling could return next year."}),
	)
	assert.Equal(t, []store.Status{store.Inserted, store.Duplicate, store.Duplicate, store.Inserted}, statuses(res))
	assert.Equal(t, "ap", res[1].DuplicateOf)
	assert.Equal(t, "ap", res[2].DuplicateOf)
	qs, err := s.Quotes(ctx, store.QuoteQuery{})
	require.NoError(t, err)
	require.Len(t, qs, 2)
	assert.Equal(t, 3, qs[0].Occurrences)
}

func sameURL(t *testing.T, s Store) {
	a := story(t, "a", "2017-01-01", "Ann Lee", "Ann Lee", "One.")
	a.Article.URL = "https://example.com/x"
	b := story(t, "b", "2017-01-01", "Bob Kay", "Bob Kay", "Quite other words.")
	b.Article.URL = "https://example.com/x"
	res := put(t, s, a, b)
	assert.Equal(t, []store.Status{store.Inserted, store.Duplicate}, statuses(res))
	assert.Equal(t, "a", res[1].DuplicateOf)
}

// personCases are the ways people are linked, or kept apart, across
// articles: stories of id, name, mention, titles…; the speaker each
// article's quote is stored under; the number of person speakers.
var personCases = []struct {
	name     string
	stories  [][]string
	want     map[string]string
	speakers int
}{
	{"titled and plain name", [][]string{
		{"a", "Rex Tillerson", "Rex Tillerson"},
		{"b", "Rex Tillerson", "Secretary of State Rex Tillerson", "Secretary of State"},
	}, map[string]string{"a": "Rex Tillerson", "b": "Rex Tillerson"}, 1},
	{"surname alone", [][]string{
		{"a", "Rex Tillerson", "Secretary of State Rex Tillerson", "Secretary of State"},
		{"b", "Tillerson", "Tillerson"},
	}, map[string]string{"a": "Rex Tillerson", "b": "Rex Tillerson"}, 1},
	{"surname first", [][]string{
		{"a", "Tillerson", "Mr. Tillerson", "Mr."},
		{"b", "Rex Tillerson", "Rex Tillerson"},
	}, map[string]string{"a": "Rex Tillerson", "b": "Rex Tillerson"}, 1},
	{"case", [][]string{
		{"a", "Rex Tillerson", "Rex Tillerson"},
		{"b", "REX TILLERSON", "REX TILLERSON"},
	}, map[string]string{"a": "Rex Tillerson", "b": "Rex Tillerson"}, 1},
	{"non-ASCII case stays apart as in NOCASE", [][]string{
		{"a", "Émile Zola", "Émile Zola"},
		{"b", "ÉMILE ZOLA", "ÉMILE ZOLA"},
	}, map[string]string{"a": "Émile Zola", "b": "ÉMILE ZOLA"}, 2},
	{"two Smiths", [][]string{
		{"a", "John Smith", "John Smith"},
		{"b", "Jane Smith", "Jane Smith"},
		{"c", "Smith", "Smith"},
	}, map[string]string{"a": "John Smith", "b": "Jane Smith", "c": "Smith"}, 3},
	{"Mr. and Mrs. Smith", [][]string{
		{"a", "Smith", "Mr. Smith", "Mr."},
		{"b", "Smith", "Mrs. Smith", "Mrs."},
		{"c", "Smith", "Mrs. Smith", "Mrs."},
		{"d", "Smith", "Mr. Smith", "Mr."},
	}, map[string]string{"a": "Smith", "b": "Mrs. Smith", "c": "Mrs. Smith", "d": "Smith"}, 2},
	{"clash reuses the name", [][]string{
		{"a", "Smith", "Mr. Smith", "Mr."},
		{"b", "Smith", "Smith", "Mrs."},
	}, map[string]string{"a": "Smith", "b": "Smith"}, 1},
	{"alias decides", [][]string{
		{"a", "Smith", "Smith"},
		{"b", "John Smith", "John Smith"},
		{"c", "Jane Smith", "Jane Smith"},
		{"d", "Smith", "Smith"},
	}, map[string]string{"a": "John Smith", "b": "John Smith", "c": "Jane Smith", "d": "John Smith"}, 2},
	{"suffix", [][]string{
		{"a", "Martin Luther King Jr.", "Martin Luther King Jr."},
		{"b", "King", "King"},
	}, map[string]string{"a": "Martin Luther King Jr.", "b": "Martin Luther King Jr."}, 1},
}

func personLinks(t *testing.T, s Store) {
	// Each case in a store of its own would need many stores: the cases
	// are kept apart by distinct names instead, one batch per story.
	ctx := context.Background()
	for i, c := range personCases {
		t.Run(c.name, func(t *testing.T) {
			prefix := strings.Repeat("Q", i+1) // people of one case share no name with another's
			for _, st := range c.stories {
				name := rename(prefix, st[1])
				f := story(t, c.name+"/"+st[0], "2017-03-21", name, rename(prefix, st[2]), "We will see.", st[3:]...)
				put(t, s, f)
			}
			for id, want := range c.want {
				qs, err := s.Quotes(ctx, store.QuoteQuery{Article: c.name + "/" + id})
				require.NoError(t, err)
				require.Len(t, qs, 1)
				assert.Equal(t, rename(prefix, want), qs[0].Speaker, "story %s", id)
			}
		})
	}
}

// rename gives every surname-like word a case-specific prefix, keeping
// honorifics and suffixes: "Mr. John Smith" → "Mr. John QSmith".
func rename(prefix, name string) string {
	ws := strings.Fields(name)
	for i, w := range ws {
		switch strings.TrimSuffix(w, ".") {
		case "Mr", "Mrs", "Ms", "Jr", "Secretary", "of", "State":
			continue
		}
		if strings.ToUpper(w) == w && len(w) > 1 {
			ws[i] = strings.ToUpper(prefix) + w
		} else {
			ws[i] = prefix + strings.ToLower(w)
		}
	}
	return strings.Join(ws, " ")
}

// searchCorpus stores stories whose quotes the search cases look for.
func searchCorpus(t *testing.T, s Store) {
	put(t, s,
		story(t, "s1", "2017-03-20", "Ann Lee", "Ann Lee", "There is a clear path forward."),
		story(t, "s2", "2017-03-21", "Bob Kay", "Bob Kay", "No doubts about that, the path is clear."),
		story(t, "s3", "2017-03-22", "Cy Dee", "Cy Dee", "Our defense spending, that’s the main leverage."),
		story(t, "s4", "", "Di Eve", "Di Eve", "Déjà vu all over again in the U.S. and NATO."),
		story(t, "s5", "2017-03-23", "Ed Fox", "Ed Fox", "We will moderate AND review; OR not."),
	)
}

func search(t *testing.T, s Store) {
	ctx := context.Background()
	searchCorpus(t, s)
	tests := []struct {
		search string
		want   []string // article ids, in order; nil: all
	}{
		{"", nil},
		{"   ", nil},
		{"clear path", []string{"s1", "s2"}},
		{`"clear path"`, []string{"s1"}},
		{`"path clear"`, []string{}},
		{"DOUBTS", []string{"s2"}},
		{"doubt*", []string{"s2"}},
		{"defen*", []string{"s3"}},
		{"that’s", []string{"s3"}}, // the phrase "that s"
		{"that's", []string{"s3"}},
		{"deja", []string{"s4"}},
		{"DÉJÀ VU", []string{"s4"}},
		{"u.s.", []string{"s4"}},
		{"U.S*", []string{"s4"}},
		{"AND", []string{"s5", "s4"}}, // a word, never an operator
		{"moderate OR review", []string{"s5"}},
		{"moderate OR absent", []string{}},
		{"-moderate", []string{"s5"}},
		{"NEAR(clear path)", []string{}},
		{"text:moderate", []string{}},
		{`clear"`, []string{"s1", "s2"}},
		{`'; DROP TABLE articles; --`, []string{}},
		{`"`, []string{}},
		{"*", []string{}},
		{"* ^ ( ) : - + ;", []string{}},
		{"😀", []string{}},
	}
	all, err := s.Quotes(ctx, store.QuoteQuery{})
	require.NoError(t, err)
	require.Len(t, all, 5)
	for _, tt := range tests {
		t.Run(tt.search, func(t *testing.T) {
			got, err := s.Quotes(ctx, store.QuoteQuery{Search: tt.search})
			require.NoError(t, err)
			if tt.want == nil {
				assert.Equal(t, all, got)
				return
			}
			ids := []string{}
			for _, q := range got {
				ids = append(ids, q.ArticleID)
			}
			assert.Equal(t, tt.want, ids)
			_, err = s.Claims(ctx, store.ClaimQuery{Search: tt.search})
			require.NoError(t, err)
		})
	}
}

func filtersAndOrder(t *testing.T, s Store) {
	ctx := context.Background()
	searchCorpus(t, s)
	put(t, s, richStory(t))
	ids := func(q store.QuoteQuery) []string {
		t.Helper()
		got, err := s.Quotes(ctx, q)
		require.NoError(t, err)
		out := []string{}
		for _, r := range got {
			out = append(out, r.ArticleID)
		}
		return out
	}
	assert.Equal(t, []string{"s1", "nato", "nato", "s2", "s3", "s5", "s4"}, ids(store.QuoteQuery{}), "by date, undated last")
	assert.Equal(t, []string{"nato", "nato", "s2", "s3"}, ids(store.QuoteQuery{From: "2017-03-21", To: "2017-03-22"}))
	assert.Equal(t, []string{"nato", "nato"}, ids(store.QuoteQuery{Outlet: "reuters"}))
	assert.Equal(t, []string{"nato", "nato"}, ids(store.QuoteQuery{Entity: "nato"}))
	assert.Equal(t, []string{"nato", "nato"}, ids(store.QuoteQuery{Country: "us"}))
	assert.Equal(t, []string{"nato", "nato"}, ids(store.QuoteQuery{Country: "be"}))
	assert.Equal(t, []string{"s2"}, ids(store.QuoteQuery{Speaker: "bob"}))
	assert.Equal(t, []string{"nato"}, ids(store.QuoteQuery{Speaker: "state department"}))
	assert.Equal(t, []string{"nato", "s2"}, ids(store.QuoteQuery{Limit: 2, Offset: 2}))
	assert.Equal(t, []string{}, ids(store.QuoteQuery{Speaker: "nobody at all"}))
	_, err := s.Quotes(ctx, store.QuoteQuery{From: "March"})
	assert.ErrorIs(t, err, store.ErrInvalid)
	_, err = s.Quotes(ctx, store.QuoteQuery{Limit: -1})
	assert.ErrorIs(t, err, store.ErrInvalid)

	qs, err := s.Quotes(ctx, store.QuoteQuery{Article: "nato"})
	require.NoError(t, err)
	require.Len(t, qs, 2)
	assert.Nil(t, qs[0].Titles, "anonymous speakers have no titles")
	cs, err := s.Claims(ctx, store.ClaimQuery{Article: "nato"})
	require.NoError(t, err)
	require.Len(t, cs, 1)
	assert.Equal(t, []string{"U.S. Secretary of State"}, cs[0].Titles)
	assert.Equal(t, "Rex Tillerson", cs[0].Speaker)
	cs, err = s.Claims(ctx, store.ClaimQuery{Search: "gross domestic"})
	require.NoError(t, err)
	assert.Len(t, cs, 1)
}

func speakersTargetsCounts(t *testing.T, s Store) {
	ctx := context.Background()
	searchCorpus(t, s)
	put(t, s, richStory(t), story(t, "x", "2017-04-02", "Rex Tillerson", "Rex Tillerson", "Again.", "Secretary"))
	sp, err := s.Speakers(ctx, 0)
	require.NoError(t, err)
	var names []string
	for _, r := range sp {
		names = append(names, r.Name)
	}
	assert.Equal(t, []string{"Rex Tillerson", "Ann Lee", "Bob Kay", "Cy Dee", "Di Eve", "Ed Fox", "NATO", "State Department official"}, names)
	assert.Equal(t, []string{"Secretary", "U.S. Secretary of State"}, sp[0].Titles)
	top, err := s.Speakers(ctx, 2)
	require.NoError(t, err)
	assert.Equal(t, sp[:2], top)

	ts, err := s.Targets(ctx, 0, 0)
	require.NoError(t, err)
	require.Len(t, ts, 1)
	assert.Equal(t, "nato", ts[0].ArticleID)
	assert.Equal(t, 2.0, ts[0].Amount.Value)
	assert.True(t, ts[0].Amount.Target)

	c, err := s.Counts(ctx)
	require.NoError(t, err)
	assert.Equal(t, store.Counts{Articles: 7, Entities: 10, Speakers: 8, Quotes: 8, Claims: 1, Dates: 1, Amounts: 1}, c)

	p, err := s.Profile(ctx, sp[0].ID, 10)
	require.NoError(t, err)
	assert.Equal(t, []store.MonthCount{{Month: "2017-03", Quotes: 0, Claims: 1}, {Month: "2017-04", Quotes: 1, Claims: 0}}, p.Months)
	var ents []string
	for _, e := range p.Entities {
		ents = append(ents, e.Name)
	}
	assert.ElementsMatch(t, []string{"United States", "NATO", "Brussels"}, ents)
	_, err = s.Profile(ctx, 99999, 10)
	assert.ErrorIs(t, err, store.ErrNotFound)
}

// readNames fills what an extractor reads from the names of person
// speakers (whosaid.Speaker's Gender, Surname and Forms), by the rules of
// package extract, for findings written by hand: the stores parse no
// names.
func readNames(f whosaid.Findings) whosaid.Findings {
	f.Quotes = append([]whosaid.Quote(nil), f.Quotes...)
	f.Claims = append([]whosaid.Claim(nil), f.Claims...)
	for i := range f.Quotes {
		readName(&f.Quotes[i].Speaker, f.Entities)
	}
	for i := range f.Claims {
		readName(&f.Claims[i].Speaker, f.Entities)
	}
	return f
}

func readName(s *whosaid.Speaker, es []whosaid.Entity) {
	if s.Kind != whosaid.KindPerson || s.Name == "" {
		return
	}
	name := strings.TrimSpace(s.Name)
	mention := ""
	if s.Mention != nil {
		mention = strings.TrimSpace(s.Mention.Text)
	}
	s.Surname = surname(name)
	s.Forms = whosaid.NameForms{
		NameGender:     openingGender(name),
		MentionGender:  openingGender(mention),
		MentionSurname: surname(mention),
		MentionAlias:   mention != "" && strings.Contains(strings.ToLower(mention), strings.ToLower(s.Surname)),
	}
	s.Gender = s.Forms.MentionGender
	for _, e := range es {
		if e.Type != whosaid.Person || !strings.EqualFold(e.Name, s.Name) {
			continue
		}
		for _, t := range e.Titles {
			g := openingGender(t)
			s.Forms.TitleGenders = append(s.Forms.TitleGenders, g)
			if s.Gender == "" {
				s.Gender = g
			}
		}
		break
	}
}

func openingGender(s string) string {
	w, _, _ := strings.Cut(s, " ")
	switch strings.TrimSuffix(w, ".") {
	case "Mr", "Sir", "Lord":
		return "m"
	case "Mrs", "Ms", "Miss", "Mme", "Dame", "Lady":
		return "f"
	}
	return ""
}

func surname(name string) string {
	ws := strings.Fields(name)
	for len(ws) > 1 {
		switch strings.TrimSuffix(ws[len(ws)-1], ".") {
		case "Jr", "Sr", "II", "III", "IV":
			ws = ws[:len(ws)-1]
			continue
		}
		break
	}
	if len(ws) == 0 {
		return ""
	}
	return strings.TrimSuffix(strings.TrimSuffix(ws[len(ws)-1], "’s"), "'s")
}
