package money_test

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/whosaid/whosaid"

	"github.com/whosaid/whosaid/extract"
	"github.com/whosaid/whosaid/extract/internal/money"
	"github.com/whosaid/whosaid/extract/internal/text"
	"github.com/whosaid/whosaid/internal/benchtest"
)

// amountValues runs both stages and flattens each amount to
// "text|value|unit" with a "|target" suffix for targets.
func amountValues(src string) []string {
	var out []string
	for _, a := range extract.DatesAndAmounts(whosaid.Article{Text: src, Published: "2017-03-21"}).Amounts {
		s := fmt.Sprintf("%s|%g|%s", a.Text, a.Value, a.Unit)
		if a.Target {
			s += "|target"
		}
		out = append(out, s)
	}
	return out
}

func TestAmounts(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string
	}{
		{"dollars billion", "It pledged to pay $1.5 billion.", []string{"$1.5 billion|1.5e+09|USD|target"}},
		{"us dollar prefix", "Revenue hit US$3.2bn.", []string{"US$3.2bn|3.2e+09|USD"}},
		{"a year is no range end", "Revenue rose from $362 million in 2014 to $557 million in 2015.", []string{"$362 million|3.62e+08|USD", "$557 million|5.57e+08|USD"}},
		{"a day is no range end", "Support rose from 40 percent on July 14 to 46 percent.", []string{"40 percent|40|%", "46 percent|46|%"}},
		{"a range in cents", "Scrap metal sold at 42 to 44 cents a pound.", []string{"42|0.42|USD", "44 cents|0.44|USD"}},
		{"canadian prefix", "It sold for C$40 million.", []string{"C$40 million|4e+07|CAD"}},
		{"hong kong prefix", "Shares raised HK$2 billion.", []string{"HK$2 billion|2e+09|HKD"}},
		{"euro symbol", "The EU fined it €500 million.", []string{"€500 million|5e+08|EUR"}},
		{"pound glued magnitude", "It found £20m of savings.", []string{"£20m|2e+07|GBP"}},
		{"yen symbol trillion", "A ¥1 trillion package.", []string{"¥1 trillion|1e+12|JPY"}},
		{"yen name", "It approved a 2.3 trillion yen package.", []string{"2.3 trillion yen|2.3e+12|JPY"}},
		{"rupees crore", "The state set aside Rs 500 crore.", []string{"Rs 500 crore|5e+09|INR"}},
		{"euros after", "She earns 142,000 euros and 40 euros more.", []string{"142,000 euros|142000|EUR", "40 euros|40|EUR"}},
		{"hyphen compound", "A 34-billion-euro gap opened.", []string{"34-billion-euro|3.4e+10|EUR"}},
		{"a share", "It offered $2.50 a share.", []string{"$2.50|2.5|USD"}},
		{"million dollars", "He paid 1.2 million dollars.", []string{"1.2 million dollars|1.2e+06|USD"}},
		{"adjective currency", "It raised 125 million Australian dollars.", []string{"125 million Australian dollars|1.25e+08|AUD"}},
		{"swiss francs", "He was fined 10,000 Swiss francs.", []string{"10,000 Swiss francs|10000|CHF"}},
		{"code prefix", "The item costs USD 200.", []string{"USD 200|200|USD"}},
		{"cents", "The contract rose 50 cents.", []string{"50 cents|0.5|USD"}},
		{"dollar year", "Tickets cost $2024 each.", []string{"$2024|2024|USD"}},
		{"money range", "It will cost $5 billion to $7 billion.", []string{"$5 billion|5e+09|USD", "$7 billion|7e+09|USD"}},
		{"money range shared magnitude", "It will cost between $5 and $7 billion.", []string{"$5|5e+09|USD", "$7 billion|7e+09|USD"}},
		{"percent forms", "It rose 2 percent, 3% and 4 per cent.", []string{"2 percent|2|%", "3%|3|%", "4 per cent|4|%"}},
		{"word percent", "Turnout fell two percent.", []string{"two percent|2|%"}},
		{"percent range", "Growth of between 3 and 4 percent.", []string{"3|3|%", "4 percent|4|%"}},
		{"percent range token", "Growth of 3-4 percent.", []string{"3|3|%", "4 percent|4|%"}},
		{"percent explicit range", "Profit will grow between 8 percent and 10 percent.", []string{"8 percent|8|%", "10 percent|10|%"}},
		{"percentage points", "It cut growth by 0.5 percentage points.", []string{"0.5 percentage points|0.5|pp"}},
		{"basis points", "The Fed raised rates by 25 basis points.", []string{"25 basis points|0.25|pp"}},
		{"bps", "Yields rose 10 bps.", []string{"10 bps|0.1|pp"}},
		{"of base", "Spending reached 4 percent of its gross domestic product last year.",
			[]string{"4 percent of its gross domestic product|4|%"}},
		{"the 2 percent threshold", "Five members meet the 2 percent spending threshold.", []string{"2 percent|2|%|target"}},
		{"goal of", "Allies must meet a goal of 2 percent of GDP.", []string{"2 percent of GDP|2|%|target"}},
		{"cap of", "Crude sells above the cap of $60 a barrel.", []string{"$60|60|USD|target"}},
		{"limits to", "The law limits damages to $250,000.", []string{"$250,000|250000|USD|target"}},
		{"market cap is not a cap", "It has a market cap of $5 billion.", []string{"$5 billion|5e+09|USD"}},
		{"cut to by year", "He campaigned on cutting the deficit to 1 percent of GDP by 2027.", []string{"1 percent of GDP|1|%|target"}},
		{"door to by season is not a target", "The bank opened the door to 1% by the summer.", []string{"1%|1|%"}},
		{"forecast is not a target", "It expects profit to grow 5 percent this year.", []string{"5 percent|5|%"}},
		{"the target of attacks is not a target", "The mayor was also the target of $500,000 in attack ads.", []string{"$500,000|500000|USD"}},
		{"a proposed minimum is a target", "He backs a $15 minimum wage.", []string{"$15|15|USD|target"}},
		{"a target of is a target", "The bank set the target of 2 percent in 2012.", []string{"2 percent|2|%|target"}},
		{"deficit in which clause", "Berlin should meet the target of 3% of GDP, which it will exceed with a deficit of 3.2%.",
			[]string{"3% of GDP|3|%|target", "3.2%|3.2|%"}},
		{"troops are not amounts", "About 2,000 troops and 1,500 police.", nil},
		{"scores are not amounts", "She won 6-4, 3-6, 7-5.", nil},
		{"won the verb", "Ortega won 52.9 percent of the vote.", []string{"52.9 percent of the vote|52.9|%"}},
		{"korean won", "It invested 5 trillion won.", []string{"5 trillion won|5e+12|KRW"}},
		{"spaced lower-case prefix", "the price ranges between c $ 16.4 million", []string{"c $ 16.4 million|1.64e+07|CAD"}},
		{"article is no prefix", "it won a $ 300 million contract", []string{"$ 300 million|3e+08|USD"}},
		{"dollars and cents", "it only cost thirteen dollars and forty-five cents", []string{"thirteen dollars and forty-five cents|13.45|USD"}},
		{"dollars then number", "It costs 15 dollars 50.", []string{"15 dollars 50|15.5|USD"}},
		{"dollars then count", "He paid 15 dollars 50 times.", []string{"15 dollars|15|USD"}},
		{"postfix symbols", "10 $ 30 $", []string{"10 $|10|USD", "30 $|30|USD"}},
		{"million codes", "losses of 30 MUSD and MEUR 120", []string{"30 MUSD|3e+07|USD", "MEUR 120|1.2e+08|EUR"}},
		{"glued code", "USD115.5", []string{"USD115.5|115.5|USD"}},
		{"code then magnitude", "They lost 75 USD million.", []string{"75 USD million|7.5e+07|USD"}},
		{"fractions of a magnitude", "It costs half a million dollars or three quarters billion us dollars.",
			[]string{"half a million dollars|500000|USD", "three quarters billion us dollars|7.5e+08|USD"}},
		{"word compound", "its controversial one-yen bid", []string{"one-yen|1|JPY"}},
		{"one hundred percent", "one hundred percents", []string{"one hundred percents|100|%"}},
		{"percent of", "per cent of twenty-two", []string{"per cent of twenty-two|22|%"}},
		{"percent of voters is no amount", "the percent of voters", nil},
		{"minus", "just need minus five percent", []string{"minus five percent|-5|%"}},
		{"url escapes", "go to https://www.test.com/search?q=30%25%2020% now", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, amountValues(tt.src))
		})
	}
}

func TestAmountTargetDetails(t *testing.T) {
	src := "Under its strategy, the WHO aims to cut deaths by 90% by 2030."
	got := extract.DatesAndAmounts(whosaid.Article{Text: src, Published: "2025-03-03"}).Amounts
	if assert.Len(t, got, 1) {
		assert.True(t, got[0].Target)
		assert.Equal(t, "2030", got[0].Deadline)
		assert.Equal(t, "WHO", got[0].Holder)
		assert.Equal(t, whosaid.Percent, got[0].Kind)
	}
}

// BenchmarkAmounts measures the amounts stage on the gold article texts;
// dates are found before the timer starts.
func BenchmarkAmounts(b *testing.B) {
	gold := benchtest.Gold(b)
	docs := make([]*text.Doc, len(gold))
	ds := make([][]whosaid.Date, len(gold))
	for i, g := range gold {
		docs[i] = text.NewDoc(g.Text)
		ds[i] = extract.DatesAndAmounts(g).Dates
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		k := i % len(docs)
		money.Amounts(docs[k], ds[k])
	}
}

// TestTargetHolders: whose goal, pledge or demand an amount is, named by a
// capitalised name or by a common noun after "the" ("the central bank").
func TestTargetHolders(t *testing.T) {
	tests := []struct{ src, holder string }{
		{"Japan pledged $4 billion to rebuild the port.", "Japan"},
		{"Nurses are demanding a pay rise of at least 12 percent.", "Nurses"},
		{"The European Union's target of 40 percent was missed.", "European Union"},
		{"Canada committed C$5 billion to climate finance.", "Canada"},
		{"Germany has promised to raise defence spending to 2 percent by 2024.", "Germany"},
		{"The central bank aims for inflation of 2 percent.", "central bank"},
		{"The city wants to cut traffic by 30 percent by 2030.", "city"},
		{"The union is seeking a 15 percent raise for its members.", "union"},
		{"Officials said the government will cap bonuses at 20 percent.", "government"},
		{"Under the plan, the ministry must trim costs by 5 percent by 2022.", "ministry"},
	}
	for _, tt := range tests {
		t.Run(tt.src, func(t *testing.T) {
			got := extract.DatesAndAmounts(whosaid.Article{Text: tt.src, Published: "2019-03-14"}).Amounts
			if assert.Len(t, got, 1) {
				assert.True(t, got[0].Target)
				assert.Equal(t, tt.holder, got[0].Holder)
			}
		})
	}
}
