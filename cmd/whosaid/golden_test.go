package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/whosaid/whosaid"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// TestSeedArticle holds the whole extract output of the seed article as a
// golden file (rewrite it with -update after reviewing a change), and what whosaid must find in the Reuters NATO story,
// read as a user would: `whosaid extract --published 2017-03-21 FILE`.
func TestSeedArticle(t *testing.T) {
	const path = "../../testdata/golden/reuters-nato-tillerson.txt"
	out, stderr, code := whosaidRun(t, "", "extract", "--published", "2017-03-21", path)
	require.Equal(t, 0, code, stderr)
	var f whosaid.Findings
	require.NoError(t, json.Unmarshal([]byte(out), &f))

	checkGolden(t, "../../testdata/golden/reuters-nato-tillerson.json", out)

	require.Equal(t, "WASHINGTON", f.Article.Dateline.Place)
	assert.Equal(t, "Reuters", f.Article.Dateline.Agency)

	type said struct{ text, speaker, kind string }
	var quotes []said
	for _, q := range f.Quotes {
		quotes = append(quotes, said{q.Text, q.Speaker.Name, q.Speaker.Kind})
	}
	official := "State Department official"
	assert.Equal(t, []said{
		{"clear path", official, "anonymous"},
		{"It is no longer sustainable for the United States to maintain a disproportionate share of NATO’s deterrence and defense spending,", official, "anonymous"},
		{"No doubts about that", "Linas Linkevicius", "person"},
		{"pushing allies to do more, faster, absolutely no apology for that.", official, "anonymous"},
		{"clear path", official, "anonymous"},
		{"Our joint security requires it, that’s the main leverage that we have,", official, "anonymous"},
		{"moderate", "Jim Mattis", "person"},
	}, quotes)

	var countries []string
	var tillerson *whosaid.Entity
	for i, e := range f.Entities {
		switch {
		case e.Type == whosaid.Country:
			countries = append(countries, e.Code)
		case e.Type == whosaid.Person && e.Name == "Rex Tillerson":
			tillerson = &f.Entities[i]
		}
		assert.NotEqual(t, "Islamic State", e.Name+"/"+e.Type, "Islamic State is no country")
	}
	sort.Strings(countries)
	assert.Equal(t, []string{"CN", "EE", "GB", "GR", "LT", "LV", "PL", "RU", "UA", "US"}, countries)
	require.NotNil(t, tillerson, "Rex Tillerson")
	var surname int
	for _, m := range tillerson.Mentions {
		if m.Text == "Tillerson" {
			surname++
		}
	}
	assert.GreaterOrEqual(t, surname, 4, "“Tillerson” mentions joined to Rex Tillerson")

	dates := map[string]string{}
	for _, d := range f.Dates {
		dates[d.Text] = d.Value
	}
	assert.Equal(t, "2017-02", dates["last month"])
	assert.Equal(t, "2017-03-31", dates["March 31"])
	assert.Equal(t, "2017-W12", dates["this week"])

	var target bool
	for _, a := range f.Amounts {
		if a.Text == "2 percent of gross domestic product" {
			target = a.Target && a.Value == 2 && a.Unit == "%" && a.Of == "gross domestic product"
		}
	}
	assert.True(t, target, "“2 percent of gross domestic product” is a target")
}

// TestGoldStories holds the whole extract output of every gold story
// (testdata/gold, and the blind stories by other writers in
// testdata/gold-blind) as a golden file in testdata/golden/<set>, so that
// any change of output on them shows, story by story, in review. Each story is
// read as a user would give it: one JSON Lines article with its id,
// publication date and text, on standard input (`whosaid extract -`).
// -update rewrites the goldens, never the gold files.
func TestGoldStories(t *testing.T) {
	var paths []string
	for _, set := range []string{"gold", "gold-blind"} {
		more, err := filepath.Glob("../../testdata/" + set + "/*.json")
		require.NoError(t, err)
		require.NotEmpty(t, more, set)
		paths = append(paths, more...)
	}
	for _, path := range paths {
		set, name := filepath.Base(filepath.Dir(path)), strings.TrimSuffix(filepath.Base(path), ".json")
		t.Run(set+"/"+name, func(t *testing.T) {
			b, err := os.ReadFile(path)
			require.NoError(t, err)
			var g struct{ ID, Published, Text string }
			require.NoError(t, json.Unmarshal(b, &g))
			line, err := json.Marshal(whosaid.Article{ID: g.ID, Published: g.Published, Text: g.Text})
			require.NoError(t, err)
			out, stderr, code := whosaidRun(t, string(line)+"\n", "extract", "-")
			require.Equal(t, 0, code, stderr)
			checkGolden(t, filepath.Join("../../testdata/golden", set, name+".json"), out)
		})
	}
}

// checkGolden compares out with the golden file, after writing out to it
// under -update, and names the first line where they differ.
func checkGolden(tb testing.TB, golden, out string) {
	tb.Helper()
	if *update {
		require.NoError(tb, os.MkdirAll(filepath.Dir(golden), 0o755))
		require.NoError(tb, os.WriteFile(golden, []byte(out), 0o644))
	}
	want, err := os.ReadFile(golden)
	require.NoError(tb, err, "run go test -tags sqlite_fts5 ./cmd/whosaid -run '%s' -update to write it", tb.Name())
	if diff := firstDifference(string(want), out); diff != "" {
		tb.Errorf("extract output differs from %s at %s\nreview the change, then rerun with -update", golden, diff)
	}
}

// firstDifference names the first line where two outputs differ, or "" when
// they are equal: a whole-document diff of the golden file is too long to read.
func firstDifference(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(w) || i < len(g); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			return fmt.Sprintf("line %d:\n  want: %s\n  got:  %s", i+1, strings.TrimSpace(wl), strings.TrimSpace(gl))
		}
	}
	return ""
}
