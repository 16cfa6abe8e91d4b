package store

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/whosaid/whosaid"
)

// personStory is an article of one quote by a person: the speaker's name as
// the article resolves it, the mention as written, and the titles of the
// person's entity. The speaker carries what the extractor reads from those
// names (readings): the store parses none.
func personStory(tb testing.TB, id, name, mention string, titles ...string) whosaid.Findings {
	tb.Helper()
	text := mention + " said: “We will see.” It was story " + id + ".\n"
	m := at(tb, text, mention, 0)
	q := at(tb, text, "We will see.", 0)
	ent := whosaid.Entity{Type: whosaid.Person, Name: name, Titles: titles, Mentions: []whosaid.Mention{m}}
	sp := whosaid.Speaker{Name: name, Kind: whosaid.KindPerson, Mention: &m,
		Gender: readOf(tb, mention).gender, Surname: readOf(tb, name).surname,
		Forms: whosaid.NameForms{
			NameGender:     readOf(tb, name).gender,
			MentionGender:  readOf(tb, mention).gender,
			MentionSurname: readOf(tb, mention).surname,
			MentionAlias:   true, // every mention of these stories names the person
		}}
	for _, t := range titles {
		g := readOf(tb, t).gender
		sp.Forms.TitleGenders = append(sp.Forms.TitleGenders, g)
		if sp.Gender == "" {
			sp.Gender = g
		}
	}
	return whosaid.Findings{
		Article:  whosaid.Article{ID: id, Published: "2017-03-21", Text: text},
		Entities: []whosaid.Entity{ent},
		Quotes: []whosaid.Quote{{Text: q.Text, Start: q.Start, End: q.End, Kind: whosaid.FullQuote, Cue: "said",
			Speaker: sp}},
	}
}

// reading is what the extractor reads from a name, a mention or a title:
// the gender of an opening honorific and the surname.
type reading struct{ gender, surname string }

// readings are the readings of every name, mention and title of
// personLinks, written out as the extractor gives them.
var readings = map[string]reading{
	"Rex Tillerson":                    {"", "Tillerson"},
	"REX TILLERSON":                    {"", "TILLERSON"},
	"Secretary of State Rex Tillerson": {"", "Tillerson"},
	"Tillerson":                        {"", "Tillerson"},
	"Mr. Tillerson":                    {"m", "Tillerson"},
	"John Smith":                       {"", "Smith"},
	"Jane Smith":                       {"", "Smith"},
	"Mr. John Smith":                   {"m", "Smith"},
	"Smith":                            {"", "Smith"},
	"Mr. Smith":                        {"m", "Smith"},
	"Mrs. Smith":                       {"f", "Smith"},
	"Martin Luther King Jr.":           {"", "King"},
	"King":                             {"", "King"},
	"Secretary of State":               {"", "State"},
	"Mr.":                              {"m", ""},
	"Mrs.":                             {"f", ""},
}

// readOf is the reading of s, which readings must hold.
func readOf(tb testing.TB, s string) reading {
	tb.Helper()
	r, ok := readings[s]
	require.True(tb, ok, "no reading for %q: add it to readings", s)
	return r
}

// speakersOf maps each article id to the speaker name its quote is stored
// under, and counts the person speakers.
func speakersOf(tb testing.TB, db *DB) (map[string]string, int) {
	tb.Helper()
	qs, err := db.Quotes(context.Background(), QuoteQuery{})
	require.NoError(tb, err)
	by := map[string]string{}
	ids := map[int64]bool{}
	for _, q := range qs {
		by[q.ArticleID] = q.Speaker
		ids[q.SpeakerID] = true
	}
	return by, len(ids)
}

// personLink is a run of one-quote stories and the speakers they must be
// stored under.
type personLink struct {
	name     string
	stories  [][]string // id, name, mention, titles...
	want     map[string]string
	speakers int
}

// personLinks are the ways people are linked, or kept apart, across
// articles.
var personLinks = []personLink{
	{"titled and plain name are one person", [][]string{
		{"a", "Rex Tillerson", "Rex Tillerson"},
		{"b", "Rex Tillerson", "Secretary of State Rex Tillerson", "Secretary of State"},
	}, map[string]string{"a": "Rex Tillerson", "b": "Rex Tillerson"}, 1},
	{"a surname alone links to the one person of that surname", [][]string{
		{"a", "Rex Tillerson", "Secretary of State Rex Tillerson", "Secretary of State"},
		{"b", "Tillerson", "Tillerson"},
	}, map[string]string{"a": "Rex Tillerson", "b": "Rex Tillerson"}, 1},
	{"a surname known first takes the full name later", [][]string{
		{"a", "Tillerson", "Mr. Tillerson", "Mr."},
		{"b", "Rex Tillerson", "Rex Tillerson"},
	}, map[string]string{"a": "Rex Tillerson", "b": "Rex Tillerson"}, 1},
	{"names differing in case are one person", [][]string{
		{"a", "Rex Tillerson", "Rex Tillerson"},
		{"b", "REX TILLERSON", "REX TILLERSON"},
	}, map[string]string{"a": "Rex Tillerson", "b": "Rex Tillerson"}, 1},
	{"two people with one surname stay apart", [][]string{
		{"a", "John Smith", "John Smith"},
		{"b", "Jane Smith", "Jane Smith"},
		{"c", "Smith", "Smith"},
	}, map[string]string{"a": "John Smith", "b": "Jane Smith", "c": "Smith"}, 3},
	{"Mr. and Mrs. Smith stay apart", [][]string{
		{"a", "Smith", "Mr. Smith", "Mr."},
		{"b", "Smith", "Mrs. Smith", "Mrs."},
		{"c", "Smith", "Mrs. Smith", "Mrs."},
		{"d", "Smith", "Mr. Smith", "Mr."},
	}, map[string]string{"a": "Smith", "b": "Mrs. Smith", "c": "Mrs. Smith", "d": "Smith"}, 2},
	{"Mrs. Smith is not John Smith's Mr. Smith", [][]string{
		{"a", "John Smith", "Mr. John Smith", "Mr."},
		{"b", "Smith", "Mrs. Smith", "Mrs."},
	}, map[string]string{"a": "John Smith", "b": "Smith"}, 2},
	{"a clash the text cannot resolve reuses the name, never fails the article", [][]string{
		{"a", "Smith", "Mr. Smith", "Mr."},
		{"b", "Smith", "Smith", "Mrs."},
	}, map[string]string{"a": "Smith", "b": "Smith"}, 1},
	{"a surname two people share links by alias to the one it named", [][]string{
		{"a", "Smith", "Smith"},
		{"b", "John Smith", "John Smith"},
		{"c", "Jane Smith", "Jane Smith"},
		{"d", "Smith", "Smith"},
	}, map[string]string{"a": "John Smith", "b": "John Smith", "c": "Jane Smith", "d": "John Smith"}, 2},
	{"suffixes are not surnames", [][]string{
		{"a", "Martin Luther King Jr.", "Martin Luther King Jr."},
		{"b", "King", "King"},
	}, map[string]string{"a": "Martin Luther King Jr.", "b": "Martin Luther King Jr."}, 1},
}

func TestPersonSpeakersLinkAcrossArticles(t *testing.T) {
	for _, tt := range personLinks {
		t.Run(tt.name, func(t *testing.T) {
			db := openTest(t)
			for _, s := range tt.stories {
				put(t, db, personStory(t, s[0], s[1], s[2], s[3:]...))
			}
			got, n := speakersOf(t, db)
			assert.Equal(t, tt.want, got)
			assert.Equal(t, tt.speakers, n)
		})
	}
}

func TestSpeakerFilterFindsTitledAliases(t *testing.T) {
	ctx := context.Background()
	db := openTest(t)
	put(t, db,
		personStory(t, "a", "Rex Tillerson", "Rex Tillerson"),
		personStory(t, "b", "Rex Tillerson", "Secretary of State Rex Tillerson", "Secretary of State"),
		personStory(t, "c", "Tillerson", "Tillerson"))
	for _, name := range []string{"Secretary of State Rex Tillerson", "Tillerson", "rex tillerson"} {
		qs, err := db.Quotes(ctx, QuoteQuery{Speaker: name})
		require.NoError(t, err)
		ids := []string{}
		for _, q := range qs {
			ids = append(ids, q.ArticleID)
			assert.Equal(t, "Rex Tillerson", q.Speaker)
		}
		assert.ElementsMatch(t, []string{"a", "b", "c"}, ids, "--speaker %q", name)
	}
}

// The migration fills surnames and aliases of people stored before it.
func TestAliasMigrationBackfills(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "whosaid.db")
	db, err := Open(ctx, path)
	require.NoError(t, err)
	put(t, db, personStory(t, "a", "Rex Tillerson", "Rex Tillerson"))
	_, err = db.w.ExecContext(ctx, `UPDATE speakers SET surname = NULL; DELETE FROM speaker_aliases;
		DELETE FROM schema_migrations WHERE name = 'migration/0002_aliases.sql'`)
	require.NoError(t, err)
	// Undo the column too, so 0002 can run again as on an old database.
	_, err = db.w.ExecContext(ctx, `ALTER TABLE speakers DROP COLUMN surname`)
	if err != nil {
		_, err = db.w.ExecContext(ctx, `DROP INDEX speakers_surname; ALTER TABLE speakers DROP COLUMN surname`)
	}
	require.NoError(t, err)
	require.NoError(t, db.Close())
	db, err = Open(ctx, path)
	require.NoError(t, err)
	defer db.Close()
	var sur, alias string
	require.NoError(t, db.r.QueryRowContext(ctx, `SELECT s.surname, a.alias FROM speakers s
		JOIN speaker_aliases a ON a.speaker_id = s.id WHERE s.kind = 'person'`).Scan(&sur, &alias))
	assert.Equal(t, "Tillerson", sur)
	assert.Equal(t, "Rex Tillerson", alias)
}

// A person's gender is what the extractor read, as stored with the
// aliases, not what the store would read in their text: here the text
// carries no honorific at all.
func TestPersonGenderComesFromTheReading(t *testing.T) {
	db := openTest(t)
	a := personStory(t, "a", "Smith", "Smith")
	a.Quotes[0].Speaker.Gender, a.Quotes[0].Speaker.Forms.NameGender = "m", "m"
	b := personStory(t, "b", "Smith", "Mrs. Smith")
	b.Quotes[0].Speaker.Gender = "f"
	b.Quotes[0].Speaker.Forms.MentionGender = ""
	put(t, db, a, b)
	got, n := speakersOf(t, db)
	assert.Equal(t, map[string]string{"a": "Smith", "b": "Mrs. Smith"}, got)
	assert.Equal(t, 2, n)
	assert.Equal(t, []string{"Smith\tm", "Mrs. Smith\t"},
		queryStrings(t, db.r, `SELECT alias || char(9) || coalesce(gender, '') FROM speaker_aliases ORDER BY speaker_id, alias`))
}

// 0010 gives the aliases stored before it the gender the store used to
// read from their text: an honorific, with or without its stop, as the
// first word, in that case.
func TestAliasGenderMigrationBackfills(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "whosaid.db")
	db, err := Open(ctx, path)
	require.NoError(t, err)
	_, err = db.w.ExecContext(ctx, `ALTER TABLE speaker_aliases DROP COLUMN gender;
		DELETE FROM schema_migrations WHERE name = 'migration/0010_alias_gender.sql';
		INSERT INTO speakers (id, kind, name, surname) VALUES (1, 'person', 'Smith', 'Smith')`)
	require.NoError(t, err)
	want := map[string]string{
		"Mr. Smith": "m", "Mr Smith": "m", "Sir Smith": "m", "Lord.": "m",
		"Mrs. Smith": "f", "Ms Smith": "f", "Miss Smith": "f", "Mme Smith": "f", "Dame Smith": "f", "Lady": "f",
		"MR. SMITH2": "", "Mr.. Smith": "", "Mr.Smith": "", " Mr. Smith": "", "Smith": "", "President Mrs. Smith": "",
		"Mrs": "f", "Mister Smith": "", "Messrs. Smith": "", "Dr. Smith": "",
	}
	for alias := range want {
		_, err := db.w.ExecContext(ctx, `INSERT INTO speaker_aliases (speaker_id, alias) VALUES (1, ?)`, alias)
		require.NoError(t, err)
	}
	require.NoError(t, db.Close())
	db, err = Open(ctx, path)
	require.NoError(t, err)
	defer db.Close()
	got := map[string]string{}
	for _, row := range queryStrings(t, db.r, `SELECT alias || char(9) || coalesce(gender, '') FROM speaker_aliases`) {
		alias, g, _ := strings.Cut(row, "\t")
		got[alias] = g
	}
	assert.Equal(t, want, got)
}
