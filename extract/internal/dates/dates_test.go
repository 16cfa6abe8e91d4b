package dates

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/whosaid/whosaid/extract/internal/text"
)

// day parses a YYYY-MM-DD reference date for the tables.
func day(tb testing.TB, s string) time.Time {
	tb.Helper()
	t, err := time.Parse("2006-01-02", s)
	require.NoError(tb, err)
	return t
}

// dateValues runs dates and flattens its result to "text=value" pairs,
// which keeps the tables short and their failures readable.
func dateValues(src string, ref time.Time) []string {
	var out []string
	for _, d := range Find(text.NewDoc(src), ref) {
		out = append(out, d.Text+"="+d.Value)
	}
	return out
}

func TestDates(t *testing.T) {
	tue := "2017-03-21" // a Tuesday
	tests := []struct {
		name, ref, src string
		want           []string
	}{
		{"weekday same day", tue, "A State Department official said on Tuesday.", []string{"Tuesday=2017-03-21"}},
		{"weekday past tense", tue, "The minister said on Friday that talks failed.", []string{"Friday=2017-03-17"}},
		{"weekday future tense", tue, "The ministers will meet on Friday in Brussels.", []string{"Friday=2017-03-24"}},
		{"weekday due to", tue, "He is due to travel to Tokyo on Monday.", []string{"Monday=2017-03-27"}},
		{"weekday passive future", tue, "The vote is to be held on Thursday.", []string{"Thursday=2017-03-23"}},
		{"weekday bound across a clock time", tue, "Officials gave the family until 9 a.m. Friday to sign.", []string{"Friday=2017-03-24"}},
		{"weekday clock and zone, will", tue, "He will leave at dawn (4 a.m. EDT Thursday), she said.", []string{"Thursday=2017-03-23"}},
		{"weekday clock past", tue, "Talks broke off at noon Saturday.", []string{"Saturday=2017-03-18"}},
		{"a decade ago", tue, "The plant opened a decade ago.", []string{"a decade ago=2007"}},
		{"decades ago", tue, "The uprising came nearly five decades ago.", []string{"five decades ago=1967"}},
		{"a century ago", tue, "A century ago, the town was a port.", []string{"A century ago=1917"}},
		{"a decade is a span", tue, "For a decade, the town was a port.", nil},
		{"weekday frequency", tue, "The council meets every Tuesday.", nil},
		{"late weekday keeps the day", tue, "The storm hit late Saturday.", []string{"Saturday=2017-03-18"}},
		{"month day future", tue, "Tillerson will hold a meeting on March 31.", []string{"March 31=2017-03-31"}},
		{"month day past", "2024-04-25", "Sales rose in the three months to March 31.", []string{"March 31=2024-03-31"}},
		{"month day year", tue, "It was signed on March 3, 2016, in Paris.", []string{"March 3, 2016=2016-03-03"}},
		{"day month year", tue, "It was signed on 3 March 2016.", []string{"3 March 2016=2016-03-03"}},
		{"abbreviated month", tue, "The deal closed on Jan. 5.", []string{"Jan. 5=2017-01-05"}},
		{"iso date", tue, "The filing is dated 2016-11-08.", []string{"2016-11-08=2016-11-08"}},
		{"us numeric date", tue, "The notice dated 3/31/2017 was sent.", []string{"3/31/2017=2017-03-31"}},
		{"month past", "2024-10-10", "The attack was the deadliest since March.", []string{"March=2024-03"}},
		{"month future", "2025-06-13", "The summit is to be held in Brazil in November.", []string{"November=2025-11"}},
		{"month proposed", "2024-11-23", "Seoul had proposed March or April.", []string{"March=2025-03", "April=2025-04"}},
		{"month year", tue, "Niger's junta seized power in July 2023.", []string{"July 2023=2023-07"}},
		{"may the modal", tue, "Prices may rise, Theresa May said.", nil},
		{"year", tue, "Russia annexed Crimea in 2014.", []string{"2014=2014"}},
		{"year range", tue, "He served between 2014 and 2018.", []string{"2014=2014", "2018=2018"}},
		{"year range token", tue, "He served in 2014-2018.", []string{"2014=2014", "2018=2018"}},
		{"thousands are not years", tue, "About 2,000 troops and 1500 soldiers arrived.", nil},
		{"price is not a year", tue, "The ticket costs $2024.", nil},
		{"percent is not a year", tue, "It rose 2017 % in a day.", nil},
		{"clock time is not a year", tue, "The blast happened at 1800 GMT.", nil},
		{"decade", tue, "Growth in the 1990s was fast.", []string{"the 1990s=199"}},
		{"this week", tue, "Tillerson will press this week for more.", []string{"this week=2017-W12"}},
		{"last week", "2024-10-08", "She testified last week.", []string{"last week=2024-W40"}},
		{"next week", "2024-06-12", "He is due to meet Whitcombe next week.", []string{"next week=2024-W25"}},
		{"last month", tue, "Mattis said last month.", []string{"last month=2017-02"}},
		{"last month in january", "2025-01-24", "It approved a package last month.", []string{"last month=2024-12"}},
		{"earlier this month", tue, "The bank cut rates earlier this month.", []string{"earlier this month=2017-03"}},
		{"early next year", tue, "A summit is planned for early next year.", []string{"early next year=2018"}},
		{"possessive", tue, "This year’s talks and next year's budget.", []string{"This year=2017", "next year=2018"}},
		{"a company named for its century", tue, "Shares of 21st Century Fox rose in the 21st century.", []string{"the 21st century=20"}},
		{"the last year is a duration", tue, "Prices rose over the last year.", nil},
		{"ago", tue, "The plant opened two years ago, and a year ago it grew.", []string{"two years ago=2015", "a year ago=2016"}},
		{"durations are not dates", tue, "He was jailed for two years and three months.", nil},
		{"today", tue, "Today's decision shows we mean it.", []string{"Today=2017-03-21"}},
		{"yesterday tomorrow", tue, "It fell yesterday and may rise tomorrow.", []string{"yesterday=2017-03-20", "tomorrow=2017-03-22"}},
		{"quarter", "2024-04-25", "Demand was weak in the first quarter.", []string{"the first quarter=2024-Q1"}},
		{"quarter compound", "2024-04-25", "It reported first-quarter sales.", []string{"first-quarter=2024-Q1"}},
		{"quarter of year", tue, "Output fell in the fourth quarter of 2016.", []string{"the fourth quarter of 2016=2016-Q4"}},
		{"Q3", tue, "Q3 2016 earnings beat forecasts.", []string{"Q3 2016=2016-Q3"}},
		{"half", "2024-10-10", "Attacks rose in the first half of the year.", []string{"the first half of the year=2024-H1"}},
		{"half in sport", tue, "He scored in the first half of the match.", nil},
		{"season", "2025-01-24", "The door is open to a hike by the summer.", []string{"the summer=2025-SU"}},
		{"this summer", tue, "They will decide this summer.", []string{"this summer=2017-SU"}},
		{"end of year", tue, "It will be announced before the end of the year.", []string{"the end of the year=2017"}},
		{"end of 2025", tue, "Cuts run until the end of 2025.", []string{"the end of 2025=2025"}},
		{"fiscal year", tue, "The budget for fiscal 2018 was cut.", []string{"fiscal 2018=2018"}},
		{"now and currently", tue, "Five members currently meet it, and now more will.", []string{"currently=PRESENT_REF", "now=PRESENT_REF"}},
		{"discourse now and for now", tue, "Now the test is whether it holds for now, or from now on.", []string{"now=PRESENT_REF"}},
		{"recently and recent years", tue, "Prices recently rose, as in recent years.", []string{"recently=PAST_REF", "recent years=PAST_REF"}},
		{"the future", tue, "It may change in the near future, not the future of the port.", []string{"the near future=FUTURE_REF"}},
		{"story quarter", "1989-11-02", "Third-quarter net rose to $5 million from $4 million a year earlier. In the quarter, sales fell.",
			[]string{"Third-quarter=1989-Q3", "a year earlier=1988-Q3", "the quarter=1989-Q3"}},
		{"year ago without quarter", "1989-11-02", "Sales rose from a year ago.", []string{"a year ago=1988"}},
		{"quarter ended", "1989-11-02", "Profit for the quarter ended Sept. 30 rose.", []string{"the quarter=1989-Q3", "Sept. 30=1989-09-30"}},
		{"year-earlier quarter", "1989-11-02", "Third-quarter sales beat the year-earlier quarter.", []string{"Third-quarter=1989-Q3", "the year-earlier quarter=1988-Q3"}},
		{"year then quarter", "1989-11-02", "It took a charge in the 1988 second quarter and in this year's third quarter.",
			[]string{"the 1988 second quarter=1988-Q2", "this year's third quarter=1989-Q3"}},
		{"month this year", "1998-02-19", "In January this year and in June last year.", []string{"January this year=1998-01", "June last year=1997-06"}},
		{"day near future overrides past cue", "1989-11-02", "It declared a dividend, payable Dec. 7.", []string{"Dec. 7=1989-12-07"}},
		{"possessive weekday is past", "2000-01-07", "They will fight Wednesday's ruling.", []string{"Wednesday=2000-01-05"}},
		{"the weekend", "1990-08-13", "Officials said over the weekend.", []string{"the weekend=1990-W32-WE"}},
		{"unknown ref month day", "", "He will visit on March 31.", []string{"March 31=XXXX-03-31"}},
		{"unknown ref weekday", "", "He spoke on Tuesday.", []string{"Tuesday=XXXX-WXX-2"}},
		{"unknown ref relative dropped", "", "He spoke last month, in 2016.", []string{"2016=2016"}},
		{"name not month", tue, "April Ryan asked a question.", nil},
		{"year ago in another paragraph", "1989-11-02", "Third-quarter net rose 10%.\nSales rose to $5 million from $4 million a year ago.",
			[]string{"Third-quarter=1989-Q3", "a year ago=1988-Q3"}},
		{"year earlier over nine months", "1989-11-02", "Third-quarter net rose.\nFor the nine months, net rose from $4 million a year earlier.",
			[]string{"Third-quarter=1989-Q3", "a year earlier=1988"}},
		{"report quarter is the latest ended", "1989-10-26", "Third-quarter net fell after a flat second quarter; losses may last through the third quarter of 1990.\nNet was $5 million a year ago.",
			[]string{"Third-quarter=1989-Q3", "second quarter=1989-Q2", "the third quarter of 1990=1990-Q3", "a year ago=1988-Q3"}},
		{"holidays", "2000-01-07", "He was found on Thanksgiving Day.", []string{"Thanksgiving Day=1999-11-25"}},
		{"christmas ahead", "2000-11-20", "He will stay until Christmas Eve, not on Christmas Island.", []string{"Christmas Eve=2000-12-24"}},
		{"last thanksgiving", "2000-02-10", "He arrived last Thanksgiving.", []string{"last Thanksgiving=1999-11-25"}},
		{"election day", "1998-10-26", "It is our theme from today to Election Day.", []string{"today=1998-10-26", "Election Day=1998-11-03"}},
		{"spelled years", "1998-02-27", "In nineteen ninety-six a bomb went off; nineteen people died.", []string{"nineteen ninety-six=1996"}},
		{"year two thousand", "1998-02-05", "He promised jobs by the year two thousand.", []string{"the year two thousand=2000"}},
		{"centuries", tue, "A 20th century democrat visited the 11th century temple.", []string{"20th century=19", "the 11th century=10"}},
		{"that year and the following year", tue, "He left in June 1998 and returned later that year; the following year he was jailed.",
			[]string{"June 1998=1998-06", "later that year=1998", "the following year=1999"}},
		{"for the year", "1989-10-26", "For the year, volume was flat. For the year ended Sept. 30, net rose.", []string{"the year=1989", "Sept. 30=1989-09-30"}},
		{"the full and current fiscal year", "1989-10-26", "It sees a rise for the full year and in the current fiscal year.",
			[]string{"the full year=1989", "the current fiscal year=1989"}},
		{"current and in the past", tue, "The current system failed in the past, not in the past four years.", []string{"current=PRESENT_REF", "the past=PAST_REF"}},
		{"current account is a term", tue, "The current account deficit widened.", nil},
		{"then current is past", tue, "He paid half the then current price.", []string{"then current=PAST_REF"}},
		{"next to is no future", "1998-08-08", "More than 100 died in the blasts next to the embassies on Friday.", []string{"Friday=1998-08-07"}},
		{"is to is future", "1989-10-27", "It is to resume trading in Paris Tuesday.", []string{"Tuesday=1989-10-31"}},
		{"adjective in -ed is no past", "1989-10-26", "It would be paid on a still unspecified date in January.", []string{"January=1990-01"}},
		{"programme title", "1990-08-13", `Baker, speaking on ABC News' "This Week," said so.`, nil},
		{"march as an event", "1999-01-22", "Protesters joined the annual March for Life.", nil},
		{"dateline", "2025-03-03", "GENEVA, March 3 (AP) — The WHO appealed on Monday.", []string{"March 3=2025-03-03", "Monday=2025-03-03"}},
		{"present perfect is past", "1989-10-30", "Shares have fluctuated since March.", []string{"March=1989-03"}},
		{"effective is ahead", "1989-10-26", "An office was created, effective Feb. 1.", []string{"Feb. 1=1990-02-01"}},
		{"through takes the nearer side", "1989-10-30", "Lenders have extended loans through January.", []string{"January=1990-01"}},
		{"could not is past", "1998-10-25", "It could not stop the bullet Friday night. Talks could resume Friday.",
			[]string{"Friday night=1998-10-23", "Friday=1998-10-30"}},
		{"plans the noun", "1998-08-17", "On Friday, when she set aside vacation plans, the warning was lifted.", []string{"Friday=1998-08-14"}},
		{"month and day after a name", "2000-06-01", "Gonzalez arrived in the United States April 2.", []string{"April 2=2000-04-02"}},
		{"second day", "1999-02-10", "The summit is on April 24 and 25.", []string{"April 24=1999-04-24", "25=1999-04-25"}},
		{"last month day", "1999-04-19", "He was shot to death last Oct. 23 at home.", []string{"last Oct. 23=1998-10-23"}},
		{"spelled year after month and season", "1998-02-27", "January nineteen ninety-seven. In the winter of nineteen ninety-four.",
			[]string{"January nineteen ninety-seven=1997-01", "the winter of nineteen ninety-four=1994-WI"}},
		{"spelled day after weekday", "1998-03-05", "Women's Day is this coming Sunday, March eighth.", []string{"coming Sunday, March eighth=1998-03-08"}},
		{"short decades", "1998-02-06", "It lost out in the '80s and the nineties.", []string{"the '80s=198", "the nineties=199"}},
		{"short decade begun again is unclear", "2025-09-18", "The ’20s taught us that.", nil},
		{"last half and two quarters", "1989-11-02", "Earnings for the last half of 1989 and the first two quarters of 1990.",
			[]string{"the last half of 1989=1989-H2", "the first two quarters of 1990=1990-H1"}},
		{"the previous weekday", "1989-10-30", "London closed lower Friday, down 4.5% from the previous Friday.",
			[]string{"Friday=1989-10-27", "the previous Friday=1989-10-20"}},
		{"the week of", "2000-02-24", "A hearing is set for the week of March 6.", []string{"the week of March 6=2000-W10"}},
		{"soon", "1989-11-02", "They may soon seek an indictment. He was soon released. Do it as soon as possible.",
			[]string{"soon=FUTURE_REF", "as soon as possible=FUTURE_REF"}},
		{"vague spans", "1989-10-30", "Sell programs ran in past years and hurt more these days; it slows in coming months, and in future quarters.",
			[]string{"past years=PAST_REF", "these days=PRESENT_REF", "coming months=FUTURE_REF", "future quarters=FUTURE_REF"}},
		{"a later date", "1989-10-30", "It plans offerings at a later date.", []string{"a later date=FUTURE_REF"}},
		{"in five years", "1989-10-30", "It would be redeemed in five years. She was the first winner in 17 years.", []string{"five years=1994"}},
		{"tonight", "1999-10-24", "It is not tonight we worry about.", []string{"tonight=1999-10-24"}},
		{"this past season", "1989-10-30", "Costs were high this past spring and in the early summer.",
			[]string{"this past spring=1989-SP", "the early summer=1989-SU"}},
		{"frequencies", "1998-02-13", "Flights leave on Monday and Tuesday nights; Orangemen march each July.", nil},
		{"names and the age are no days", "1998-03-31", "This is VOA Today. It is for today's youth and the people of tomorrow.", nil},
		{"latest quarter is over", "1989-11-02", "Third-quarter net rose; a fourth-quarter charge looms. In the latest quarter, sales fell.",
			[]string{"Third-quarter=1989-Q3", "fourth-quarter=1989-Q4", "the latest quarter=1989-Q3"}},
		{"last year's quarter", "1989-11-02", "Third-quarter net rose from the corresponding period last year and from last year's quarter.",
			[]string{"Third-quarter=1989-Q3", "last year=1988-Q3", "last year's quarter=1988-Q3"}},
		{"year period beside months", "1989-11-02", "Third-quarter net rose. In the nine months, net was $3 million against $2 million in the 1988 period.",
			[]string{"Third-quarter=1989-Q3", "the 1988 period=1988"}},
		{"year-earlier figures", "1989-10-30", "Net fell from the year-earlier $4.5 million.", nil},
		{"fiscal quarter numbering", "1989-11-02", "Net for the fiscal-first quarter ended Sept. 30 rose from a year ago.",
			[]string{"fiscal-first quarter=1989-Q1", "Sept. 30=1989-09-30", "a year ago=1988-Q1"}},
		{"ordinal words that are no days", "1998-05-20", "In April third parties gained; the past weeks were calm.", []string{"April=1998-04"}},
		{"tomorrow's session", "1989-11-02", "Bids are due by the end of tomorrow's session.", []string{"tomorrow=1989-11-03"}},
		{"plans for a date", "1989-11-02", "It unveiled plans for a vote in March.", []string{"March=1990-03"}},
		{"fiscal year and post-year", "1989-10-26", "For the fiscal year, post-1959 rules held.", []string{"the fiscal year=1989", "post-1959=1959"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var ref time.Time
			if tt.ref != "" {
				ref = day(t, tt.ref)
			}
			assert.Equal(t, tt.want, dateValues(tt.src, ref))
		})
	}
}

func TestDatesOffsets(t *testing.T) {
	src := "Members have until 2024 to meet the targets."
	got := Find(text.NewDoc(src), day(t, "2017-03-21"))
	require.Len(t, got, 1)
	assert.Equal(t, "2024", src[got[0].Start:got[0].End])
	assert.Equal(t, got[0].Text, src[got[0].Start:got[0].End])
}

// goldArticle is the part of a gold file the date and amount tests read.
type goldArticle struct {
	ID        string `json:"id"`
	Published string `json:"published"`
	Text      string `json:"text"`
}

// loadGold reads the gold articles kept in testdata.
func loadGold(tb testing.TB) []goldArticle {
	tb.Helper()
	files, err := filepath.Glob("../../../testdata/gold/*.json")
	require.NoError(tb, err)
	if len(files) == 0 {
		tb.Skip("no gold articles in ../testdata/gold")
	}
	var out []goldArticle
	for _, f := range files {
		b, err := os.ReadFile(f)
		require.NoError(tb, err)
		var g goldArticle
		require.NoError(tb, json.Unmarshal(b, &g))
		out = append(out, g)
	}
	return out
}

// BenchmarkDates measures the dates stage on the gold article texts.
func BenchmarkDates(b *testing.B) {
	gold := loadGold(b)
	docs := make([]*text.Doc, len(gold))
	refs := make([]time.Time, len(gold))
	for i, g := range gold {
		docs[i] = text.NewDoc(g.Text)
		refs[i] = day(b, g.Published)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		k := i % len(docs)
		Find(docs[k], refs[k])
	}
}
