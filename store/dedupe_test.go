package store

import (
	"context"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/store/shingle"
)

// wireStory is an AP-style story, one paragraph per line.
var wireStory = []string{
	"WASHINGTON (AP) — The Senate on Thursday passed a $1.2 trillion spending package that averts a partial government shutdown, sending the measure to the president just hours before funding was set to lapse.",
	"The vote was 74-24, with a majority of Republicans joining Democrats to support the bill after weeks of negotiations between the chamber's leaders and the White House.",
	"“This agreement keeps the government open and protects the programs that families rely on,” Senate Majority Leader Chuck Schumer said on the floor before the vote.",
	"Conservative critics argued the package spent too much and was negotiated behind closed doors, leaving lawmakers little time to read more than a thousand pages of legislation.",
	"The bill funds the Pentagon, the Department of Homeland Security and several other agencies through the end of September, when the fiscal year ends.",
	"It includes a pay raise for troops, money for additional border agents and new funding for child care programs that Democrats had pushed for since last year.",
	"House Speaker Mike Johnson brought the measure to the floor earlier in the week under a procedure that required a two-thirds majority, angering members of his own party.",
	"Some of those members have threatened to try to remove Johnson from his post, though it was unclear whether they had the votes to do so before the spring recess.",
}

// otherStory reports the same vote in other words, sharing names and the
// Schumer quote.
var otherStory = []string{
	"WASHINGTON (Reuters) - U.S. lawmakers approved a sweeping government funding bill late on Thursday, ending months of brinkmanship over the federal budget just before a midnight deadline.",
	"Senators voted 74 to 24 in favor of the legislation, which now heads to the White House, where officials said the president would sign it on Saturday morning.",
	"“This agreement keeps the government open and protects the programs that families rely on,” Senate Majority Leader Chuck Schumer said on the floor before the vote.",
	"Investors had largely shrugged off the risk of a shutdown, and Treasury yields were little changed in after-hours trading as the outcome became clear.",
	"Analysts at several banks said the deal removes one source of uncertainty for the economy, though they warned that fights over the debt ceiling could return next year.",
	"The package was the last of a series of spending bills needed to keep agencies running, after Congress passed short-term extensions several times since October.",
}

// storyFindings is a story with its Schumer quote found.
func storyFindings(tb testing.TB, id, url, outlet, title string, paras []string) whosaid.Findings {
	tb.Helper()
	text := strings.Join(paras, "\n")
	const quote = "This agreement keeps the government open and protects the programs that families rely on,"
	q := at(tb, text, quote, 0)
	sp := at(tb, text, "Chuck Schumer", 0)
	s := whosaid.Speaker{Name: "Chuck Schumer", Kind: whosaid.KindPerson, Mention: &sp, Surname: "Schumer"}
	return whosaid.Findings{
		Article: whosaid.Article{ID: id, URL: url, Outlet: outlet, Title: title, Published: "2024-03-22", Text: text, Source: url},
		Quotes:  []whosaid.Quote{{Text: quote, Start: q.Start, End: q.End, Kind: whosaid.FullQuote, Cue: "said", Speaker: s}},
	}
}

func TestSyndicatedCopiesAreOneStory(t *testing.T) {
	db := openTest(t)
	ctx := context.Background()
	n := len(wireStory)
	copies := []whosaid.Findings{
		storyFindings(t, "ap", "https://apnews.example/article/senate-spending", "AP", "Senate passes spending bill, averting shutdown", wireStory),
		// another headline and the outlet's own closing line
		storyFindings(t, "herald", "https://herald.example/nation/shutdown-averted", "Daily Herald", "Shutdown averted as Senate backs $1.2T package",
			append(append([]string{}, wireStory...), "Copyright 2024 The Associated Press. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.")),
		// the last paragraph trimmed
		storyFindings(t, "gazette", "https://gazette.example/2024/03/22/senate-vote", "Gazette", "Senate vote sends spending bill to president", wireStory[:n-1]),
		// the last two trimmed, and a contributor line
		storyFindings(t, "times", "https://times.example/politics/spending", "Valley Times", "Congress beats shutdown deadline",
			append(append([]string{}, wireStory[:n-2]...), "Associated Press writer Mary Clare Jalonick contributed to this report.")),
		// the very same text under another URL
		storyFindings(t, "post", "https://post.example/ap/senate", "Morning Post", "Senate passes spending bill", wireStory),
	}
	res := put(t, db, copies...)
	assert.Equal(t, Inserted, res[0].Status)
	for _, r := range res[1:] {
		assert.Equal(t, Duplicate, r.Status, r.ID)
		assert.Equal(t, "ap", r.DuplicateOf, r.ID)
	}
	assert.Equal(t, 1, tableCounts(t, db)["articles"])

	var occ int
	require.NoError(t, db.r.QueryRow(`SELECT count(*) FROM occurrences WHERE article_id = 'ap'`).Scan(&occ))
	assert.Equal(t, 5, occ)
	var outlets string
	require.NoError(t, db.r.QueryRow(`SELECT group_concat(outlet, '|') FROM (SELECT outlet FROM occurrences WHERE article_id = 'ap' ORDER BY id)`).Scan(&outlets))
	assert.Equal(t, "AP|Daily Herald|Gazette|Valley Times|Morning Post", outlets)

	quotes, err := db.Quotes(ctx, QuoteQuery{})
	require.NoError(t, err)
	require.Len(t, quotes, 1, "one quote carried by five outlets")
	assert.Equal(t, 5, quotes[0].Occurrences)

	// Ingesting the same copies again changes nothing.
	res = put(t, db, copies...)
	assert.Equal(t, Unchanged, res[0].Status)
	require.NoError(t, db.r.QueryRow(`SELECT count(*) FROM occurrences`).Scan(&occ))
	assert.Equal(t, 5, occ)

	// A different story on the same event, sharing a quote, is a story of
	// its own.
	res = put(t, db, storyFindings(t, "reuters", "https://reuters.example/world/us/funding", "Reuters", "US Congress passes funding bill", otherStory))
	assert.Equal(t, Inserted, res[0].Status)
	assert.Equal(t, 2, tableCounts(t, db)["articles"])
	quotes, err = db.Quotes(ctx, QuoteQuery{})
	require.NoError(t, err)
	require.Len(t, quotes, 2)
}

func TestSameURLIsOneStory(t *testing.T) {
	db := openTest(t)
	a := storyFindings(t, "first", "https://apnews.example/a", "AP", "A", wireStory)
	b := storyFindings(t, "second", "https://apnews.example/a", "AP", "A", otherStory)
	res := put(t, db, a, b)
	assert.Equal(t, Inserted, res[0].Status)
	assert.Equal(t, Duplicate, res[1].Status)
	assert.Equal(t, "first", res[1].DuplicateOf)
}

// TestContainmentSeparates pins the threshold's margins on the test
// stories: copies score near 1, the other story far below.
func TestContainmentSeparates(t *testing.T) {
	full := shingle.Set(strings.Join(wireStory, "\n"))
	trimmed := shingle.Set(strings.Join(wireStory[:len(wireStory)-2], "\n"))
	other := shingle.Set(strings.Join(otherStory, "\n"))
	assert.GreaterOrEqual(t, containment(full, trimmed), 0.95)
	assert.Less(t, containment(full, other), 0.3)
	assert.GreaterOrEqual(t, len(full), minShingles)
}

func TestFetchLog(t *testing.T) {
	db := openTest(t)
	ctx := context.Background()
	l := db.FetchLog()
	_, _, ok, err := l.GetFetch(ctx, "https://a.example/x")
	require.NoError(t, err)
	assert.False(t, ok)
	require.NoError(t, l.PutFetch(ctx, "https://a.example/x", `"v1"`, "Tue, 07 May 2024 10:00:00 GMT", 200))
	etag, lm, ok, err := l.GetFetch(ctx, "https://a.example/x")
	require.NoError(t, err)
	assert.True(t, ok, "a record held is seen before Commit")
	assert.Equal(t, `"v1"`, etag)
	assert.Equal(t, "Tue, 07 May 2024 10:00:00 GMT", lm)

	// Not committed: a new log over the same database knows nothing.
	_, _, ok, err = db.FetchLog().GetFetch(ctx, "https://a.example/x")
	require.NoError(t, err)
	assert.False(t, ok)

	require.NoError(t, l.Commit(ctx))
	etag, _, ok, err = db.FetchLog().GetFetch(ctx, "https://a.example/x")
	require.NoError(t, err)
	assert.True(t, ok)
	assert.Equal(t, `"v1"`, etag)
	var status int
	require.NoError(t, db.r.QueryRow(`SELECT status FROM fetches WHERE url = 'https://a.example/x'`).Scan(&status))
	assert.Equal(t, 200, status)
}
