package extract_test

import (
	"bufio"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/extract"
)

// The phrase tables in testdata/phrases hold many phrasings of each family of
// dates and amounts that newsrooms write (issue 17). They run through the
// exported DatesAndAmounts, so they stay valid whichever package holds the
// date and money stages. phraseFloors are the pass counts reached, per family:
// a family may only gain. The first run, before the grammar was changed, is
// kept beside them for the record.

// dateFloors: family → rows that must pass (of the rows in dates.tsv).
var dateFloors = map[string]int{
	// first run (before issue 17's grammar): ordinal-day 4/12, nth-weekday 0/11,
	// month-edge 0/12, week-weekday 0/11, near-days 5/10, in-days 3/12,
	// numeric 2/12, holiday-fixed 4/16, holiday-moving 1/23. The floors are
	// the counts since the composed grammar (datecompose.go).
	"ordinal-day":    12,
	"nth-weekday":    11,
	"month-edge":     12,
	"week-weekday":   11,
	"near-days":      10,
	"in-days":        12,
	"numeric":        12,
	"holiday-fixed":  16,
	"holiday-moving": 23,
	"year-end":       6, // written with matchYearEnd, so no first run before it
	// periods: quarters, halves, fiscal years, seasons, decades, relative
	// periods; first run 22/24 (misses: "2018's final quarter", "the
	// 2017-18 fiscal year").
	"periods": 22,
	// weeks-quarters (issue 17 item 2), first run 12/15: misses are a
	// past "Fourth-quarter earnings fell" read as the coming quarter, "the
	// quarter ended Dec. 31" as two dates, "For the week" not read.
	"weeks-quarters": 12,
	// month-of-year, first run 0/6 (each split in two dates, "January of
	// last year" read as this January); the miss left: "the 5th of May of
	// next year".
	"month-of-year": 5,
	// event-date, first run 3/6 (the coming vote read as last year's), the
	// two Election Day rows added with its rule: 7/8 before it.
	"event-date": 8,
	// season-year, first run 0/6 (the year alone, or nothing).
	"season-year": 6,
}

// moneyFloors: family → rows that must pass (of the rows in money.tsv).
var moneyFloors = map[string]int{
	// first run: ringgit 6/10, pounds-levant 4/10, lev-tugrik 0/10,
	// hryvnia 9/10, gulf-dinars 9/16, subunits 6/12, other-iso 20/22, targets 11/14.
	// The floors are the counts since package iso4217 and moneyiso.go.
	// The target-* families were added later; their first run: threshold
	// 16/20, deadline 7/12, intent 14/14, noun 7/7, plain 11/16. One
	// deadline row ("expects to double revenue … within five years") moved
	// to plain: on PolNeAR train, "expect(ed) to" before a change was a
	// forecast in each case met, so it is not a target. The floors are the
	// counts since targetmood.go.
	"ringgit":          10,
	"pounds-levant":    10,
	"lev-tugrik":       10,
	"hryvnia":          10,
	"gulf-dinars":      16,
	"subunits":         12,
	"other-iso":        22,
	"targets":          14,
	"target-threshold": 20,
	"target-deadline":  10,
	"target-intent":    14,
	"target-noun":      7,
	"target-plain":     17,
	"target-policy":    6,  // first run 6/14
	"target-govern":    16, // first run 16/20
	"spelled":          12, // first run 2/10 ("Twenty-four percent", "forty six percent" read as 6); "One-hundred" rows 0/2 before text.WordNumber read it
	"target-condition": 15, // written with the rules it tests (money/targets.go), so no first run
	// symbols, names and base were added with issue 17's item 3; first run
	// symbols 13/14, names 16/16, base 8/10; the floors are the counts since
	// stacked magnitudes ("lakh crore") and the base's poll verbs.
	"symbols":  14,
	"names":    16,
	"base":     10,
	"historic": 9, // first run 0/10; bare "escudos" stays CVE, the current ISO code
}

// phraseRow is one line of a phrase table.
type phraseRow struct {
	line   int
	family string
	fields []string
}

// readPhrases reads a tab-separated phrase table, skipping # comments.
func readPhrases(tb testing.TB, name string, columns int) []phraseRow {
	tb.Helper()
	f, err := os.Open(filepath.Join("..", "testdata", "phrases", name))
	require.NoError(tb, err)
	defer f.Close()
	var rows []phraseRow
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fields := strings.Split(line, "\t")
		require.GreaterOrEqualf(tb, len(fields), columns, "%s:%d: want %d columns", name, n, columns)
		rows = append(rows, phraseRow{line: n, family: fields[0], fields: fields[1:]})
	}
	require.NoError(tb, sc.Err())
	return rows
}

// phraseSpan is where phrase stands in sentence.
func phraseSpan(tb testing.TB, sentence, phrase string) (int, int) {
	tb.Helper()
	i := strings.Index(sentence, phrase)
	require.GreaterOrEqualf(tb, i, 0, "phrase %q not in %q", phrase, sentence)
	return i, i + len(phrase)
}

// familyCounts tallies passes per family and checks them against floors.
type familyCounts struct {
	pass, total map[string]int
	misses      []string
}

func newFamilyCounts() *familyCounts {
	return &familyCounts{pass: map[string]int{}, total: map[string]int{}}
}

func (c *familyCounts) add(family string, ok bool, miss string) {
	c.total[family]++
	if ok {
		c.pass[family]++
	} else {
		c.misses = append(c.misses, miss)
	}
}

func (c *familyCounts) check(t *testing.T, floors map[string]int) {
	t.Helper()
	families := make([]string, 0, len(c.total))
	for f := range c.total {
		families = append(families, f)
	}
	sort.Strings(families)
	var b strings.Builder
	fmt.Fprintf(&b, "%-16s %s\n", "family", "pass/total")
	for _, f := range families {
		fmt.Fprintf(&b, "%-16s %d/%d\n", f, c.pass[f], c.total[f])
	}
	t.Logf("pass counts:\n%s", b.String())
	if testing.Verbose() {
		for _, m := range c.misses {
			t.Log(m)
		}
	}
	for _, f := range families {
		floor, ok := floors[f]
		assert.Truef(t, ok, "family %s has no floor", f)
		assert.GreaterOrEqualf(t, c.pass[f], floor, "family %s fell below its floor", f)
	}
}

func TestDatePhrases(t *testing.T) {
	rows := readPhrases(t, "dates.tsv", 5)
	counts := newFamilyCounts()
	for _, r := range rows {
		published, sentence, phrase, want := r.fields[0], r.fields[1], r.fields[2], r.fields[3]
		start, end := phraseSpan(t, sentence, phrase)
		f := extract.DatesAndAmounts(whosaid.Article{Text: sentence, Published: published})
		var got []string
		for _, d := range f.Dates {
			if d.Start < end && d.End > start {
				got = append(got, d.Text+"="+d.Value)
			}
		}
		ok := len(got) == 1 && strings.HasSuffix(got[0], "="+want)
		counts.add(r.family, ok, fmt.Sprintf("dates.tsv:%d %s: %q want %s, got %v", r.line, r.family, phrase, want, got))
	}
	counts.check(t, dateFloors)
}

func TestMoneyPhrases(t *testing.T) {
	rows := readPhrases(t, "money.tsv", 5)
	counts := newFamilyCounts()
	for _, r := range rows {
		sentence, phrase, unit := r.fields[0], r.fields[1], r.fields[3]
		want, err := strconv.ParseFloat(r.fields[2], 64)
		require.NoError(t, err, "money.tsv:%d", r.line)
		target, of := "", ""
		if len(r.fields) > 4 {
			target = r.fields[4]
		}
		if len(r.fields) > 5 {
			of = strings.TrimSuffix(r.fields[5], "(none)")
		}
		start, end := phraseSpan(t, sentence, phrase)
		f := extract.DatesAndAmounts(whosaid.Article{Text: sentence, Published: "2019-03-14"})
		var got []string
		ok := false
		for _, a := range f.Amounts {
			if a.Start < end && a.End > start {
				got = append(got, fmt.Sprintf("%s|%g|%s|target=%t|of=%s", a.Text, a.Value, a.Unit, a.Target, a.Of))
				ok = math.Abs(a.Value-want) <= 1e-6*math.Abs(want) && a.Unit == unit &&
					(target == "" || strconv.FormatBool(a.Target) == target) &&
					(len(r.fields) <= 5 || a.Of == of)
			}
		}
		ok = ok && len(got) == 1
		counts.add(r.family, ok, fmt.Sprintf("money.tsv:%d %s: %q want %g %s %s, got %v", r.line, r.family, phrase, want, unit, target, got))
	}
	counts.check(t, moneyFloors)
}
