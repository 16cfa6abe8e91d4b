package iso4217

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestEveryCodeIsNamed(t *testing.T) {
	for _, e := range table {
		_, ok := byCode[e.code]
		assert.Truef(t, ok, "%s has no English name", e.code)
	}
	assert.GreaterOrEqual(t, len(table), 150)
}

func TestLookups(t *testing.T) {
	for _, tt := range []struct {
		word, code string
		scale      float64
	}{
		{"hryvnias", "UAH", 1}, {"ringgit", "MYR", 1}, {"dollars", "USD", 1}, {"leva", "BGN", 1},
		{"tugriks", "MNT", 1}, {"togrogs", "MNT", 1}, {"riyals", "SAR", 1}, {"rials", "IRR", 1},
		{"dinars", "KWD", 1}, {"lira", "TRY", 1}, {"birr", "ETB", 1},
	} {
		w, ok := ByName(tt.word)
		if assert.True(t, ok, tt.word) {
			assert.Equal(t, tt.code, w.Code, tt.word)
		}
	}
	for _, tt := range []struct {
		word, code string
		scale      float64
	}{{"kopiykas", "UAH", 0.01}, {"cents", "USD", 0.01}, {"pence", "GBP", 0.01}, {"halalas", "SAR", 0.01}, {"paise", "INR", 0.01}, {"kopecks", "RUB", 0.01}} {
		w, ok := BySubunit(tt.word)
		if assert.True(t, ok, tt.word) {
			assert.Equal(t, tt.code, w.Code, tt.word)
			assert.InDelta(t, tt.scale, w.Scale, 1e-12, tt.word)
		}
	}
	s, ok := IsSubunit("KWD", "fils")
	assert.True(t, ok)
	assert.InDelta(t, 0.001, s, 1e-12)
	for adj, want := range map[string]string{"egyptian pound": "EGP", "lebanese pound": "LBP", "lebanese lira": "LBP",
		"omani rial": "OMR", "qatari riyal": "QAR", "iraqi dinar": "IQD", "malaysian ringgit": "MYR", "mongolian tugrik": "MNT"} {
		var a, f string
		for i := len(adj) - 1; i >= 0; i-- {
			if adj[i] == ' ' {
				a, f = adj[:i], adj[i+1:]
				break
			}
		}
		code, ok := ByAdjective(a, f)
		assert.True(t, ok, adj)
		assert.Equal(t, want, code, adj)
	}
	for sym, want := range map[string]string{"₴": "UAH", "RM": "MYR", "LE": "EGP", "E£": "EGP", "LL": "LBP", "KD": "KWD",
		"BD": "BHD", "JD": "JOD", "QR": "QAR", "SR": "SAR", "Dh": "AED", "Tk": "BDT", "₮": "MNT", "R": "ZAR", "₦": "NGN"} {
		code, ok := BySymbol(sym)
		assert.True(t, ok, sym)
		assert.Equal(t, want, code, sym)
	}
	_, ok = BySymbol("Q")
	assert.False(t, ok, "a lone CLDR capital is not a symbol")
}
