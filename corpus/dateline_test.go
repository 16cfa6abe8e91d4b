package corpus

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/whosaid/whosaid"
)

func TestParseDateline(t *testing.T) {
	tests := []struct {
		text string
		want *whosaid.Dateline // End is checked through rest
		rest string            // text[End:]
	}{
		// The forms the brief and the dev set show.
		{"WASHINGTON (Reuters) - U.S. Secretary", &whosaid.Dateline{Place: "WASHINGTON", Agency: "Reuters"}, "U.S. Secretary"},
		{"TOKYO, March 3 (AP) — The yen", &whosaid.Dateline{Place: "TOKYO", Agency: "AP", Date: "March 3"}, "The yen"},
		{"BRUSSELS, Belgium (AP) — NATO", &whosaid.Dateline{Place: "BRUSSELS, Belgium", Agency: "AP"}, "NATO"},
		{"LONDON (Bloomberg) -- Sterling", &whosaid.Dateline{Place: "LONDON", Agency: "Bloomberg"}, "Sterling"},
		{"PARIS (AFP) – France", &whosaid.Dateline{Place: "PARIS", Agency: "AFP"}, "France"},
		{"BERLIN, Nov 12 (dpa) - Germany", &whosaid.Dateline{Place: "BERLIN", Agency: "dpa", Date: "Nov 12"}, "Germany"},
		{"NEW YORK — Stocks fell.", &whosaid.Dateline{Place: "NEW YORK"}, "Stocks fell."},
		{"SANTIAGO (AFP) - Former", &whosaid.Dateline{Place: "SANTIAGO", Agency: "AFP"}, "Former"},
		{"Bonn (AFP) - A group", &whosaid.Dateline{Place: "Bonn", Agency: "AFP"}, "A group"},
		{"Stuttgart (dpa) - Lena", &whosaid.Dateline{Place: "Stuttgart", Agency: "dpa"}, "Lena"},
		{"SAVANNAH, Ga. (AP) — A federal jury", &whosaid.Dateline{Place: "SAVANNAH, Ga.", Agency: "AP"}, "A federal jury"},
		{"GENEVA, March 3 (AP) — The World", &whosaid.Dateline{Place: "GENEVA", Agency: "AP", Date: "March 3"}, "The World"},
		{"(Bloomberg) -- The Bank of Japan", &whosaid.Dateline{Agency: "Bloomberg"}, "The Bank of Japan"},
		// Wider real-world forms.
		{"HONG KONG/SINGAPORE (Reuters) - Asian", &whosaid.Dateline{Place: "HONG KONG/SINGAPORE", Agency: "Reuters"}, "Asian"},
		{"WASHINGTON, D.C., Jan. 5, 2017 (UPI) -- The", &whosaid.Dateline{Place: "WASHINGTON, D.C.", Agency: "UPI", Date: "Jan. 5, 2017"}, "The"},
		{"KYIV, 12 November (Reuters) - Ukraine", &whosaid.Dateline{Place: "KYIV", Agency: "Reuters", Date: "12 November"}, "Ukraine"},
		{"Rio de Janeiro (Reuters) - Brazil", &whosaid.Dateline{Place: "Rio de Janeiro", Agency: "Reuters"}, "Brazil"},
		{"SÃO PAULO (Reuters) - Brazil", &whosaid.Dateline{Place: "SÃO PAULO", Agency: "Reuters"}, "Brazil"},
		{"N'DJAMENA (AFP) - Chad", &whosaid.Dateline{Place: "N'DJAMENA", Agency: "AFP"}, "Chad"},
		{"WASHINGTON (AP)—The Senate", &whosaid.Dateline{Place: "WASHINGTON", Agency: "AP"}, "The Senate"},
		{"WASHINGTON (AP) _ The Senate", &whosaid.Dateline{Place: "WASHINGTON", Agency: "AP"}, "The Senate"},
		{"KABUL (Pajhwok) - Officials", &whosaid.Dateline{Place: "KABUL", Agency: "Pajhwok"}, "Officials"},
		{"SAN FRANCISCO, Calif. — Tech", &whosaid.Dateline{Place: "SAN FRANCISCO, Calif."}, "Tech"},
		{"  LONDON (Reuters) -\nShares", &whosaid.Dateline{Place: "LONDON", Agency: "Reuters"}, "Shares"},
		{"MOSCOW\u00a0(Reuters)\u00a0-\u00a0Russia", &whosaid.Dateline{Place: "MOSCOW", Agency: "Reuters"}, "Russia"},
		{"LONDON (Reuters) -", &whosaid.Dateline{Place: "LONDON", Agency: "Reuters"}, ""},

		// Ordinary sentences and near misses.
		{"The U.S. (and others) - and not only they - disagreed.", nil, ""},
		{"Apple (AAPL) - shares rose.", nil, ""},
		{"WASHINGTON is a city.", nil, ""},
		{"WASHINGTON (Reuters) U.S. officials", nil, ""},
		{"WASHINGTON (Reuters) -U.S.", nil, ""},
		{"US - China talks resumed.", nil, ""},
		{"NATO — the alliance — met.", nil, ""},
		{"BREAKING — A fire.", nil, ""},
		{"Washington — The city.", nil, ""},
		{"(and then) - nothing", nil, ""},
		{"(Unknown Wire) - Text", nil, ""},
		{"(Reuters)", nil, ""},
		{"He said (Reuters) - no.", nil, ""},
		{"Shares rose. LONDON (Reuters) - later", nil, ""},
		{"- dash first", nil, ""},
		{"", nil, ""},
		{"(", nil, ""},
		{"LONDON (Reuters", nil, ""},
		{"LONDON, (Reuters) - x", nil, ""},
		{"A, B, C, D, E (AFP) - x", nil, ""},
		{strings.Repeat("VERY ", 40) + "LONG (Reuters) - x", nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			got := ParseDateline(tt.text)
			if tt.want == nil {
				assert.Nil(t, got)
				return
			}
			require.NotNil(t, got)
			assert.Equal(t, tt.want.Place, got.Place, "place")
			assert.Equal(t, tt.want.Agency, got.Agency, "agency")
			assert.Equal(t, tt.want.Date, got.Date, "date")
			assert.Equal(t, tt.rest, tt.text[got.End:], "rest")
		})
	}
}

func FuzzParseDateline(f *testing.F) {
	for _, s := range []string{
		"WASHINGTON (Reuters) - U.S.", "TOKYO, March 3 (AP) — x", "BRUSSELS, Belgium (AP) — x",
		"(Bloomberg) -- x", "NEW YORK — x", "BERLIN, Nov 12 (dpa) -", "The U.S. (and others) - x",
		"Rio de Janeiro (Reuters) - x", "SÃO PAULO/NEW YORK, 3 May, 2017 (Reuters) -", "\xff(", ",",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		d := ParseDateline(text)
		if d == nil {
			return
		}
		if d.End <= 0 || d.End > len(text) {
			t.Fatalf("End %d out of range for %q", d.End, text)
		}
		head := text[:d.End]
		if !strings.Contains(head, d.Place) || !strings.Contains(head, d.Agency) || !strings.Contains(head, d.Date) {
			t.Fatalf("dateline %+v not within %q", d, head)
		}
		if d.Place == "" && d.Agency == "" {
			t.Fatalf("empty dateline for %q", text)
		}
		if !utf8.ValidString(d.Place) || !utf8.ValidString(d.Agency) {
			t.Fatalf("invalid UTF-8 in %+v", d)
		}
	})
}
