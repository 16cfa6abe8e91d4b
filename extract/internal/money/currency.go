package money

import (
	"github.com/whosaid/whosaid/extract/internal/text"
)

// This file holds the currency vocabulary of the amounts stage: symbols,
// dollar prefixes, ISO codes and currency names with the adjectives that
// pick a country's variant ("Canadian dollars", "Swiss francs"), and the
// readers that find a currency before or after a number.

// currencySymbols are written before (or, rarely, after) the number.
var currencySymbols = withISOSymbols(map[string]string{
	"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR", "₩": "KRW", "₽": "RUB",
	"₺": "TRY", "₪": "ILS", "₦": "NGN", "₱": "PHP", "₫": "VND", "₴": "UAH", "฿": "THB",
	"元": "CNY", "₡": "CRC", "₾": "GEL", "₭": "LAK", "₸": "KZT", "₵": "GHS", "₿": "BTC",
})

// dollarPrefixes are the letters glued to "$" that name a dollar (or peso or
// real) other than the US one: "C$", "A$", "HK$", "R$".
var dollarPrefixes = map[string]string{
	"us": "USD", "u.s.": "USD", "usd": "USD", "c": "CAD", "ca": "CAD", "can": "CAD", "cad": "CAD",
	"a": "AUD", "au": "AUD", "aud": "AUD", "hk": "HKD", "hkd": "HKD", "nz": "NZD", "nzd": "NZD",
	"s": "SGD", "sg": "SGD", "sgd": "SGD", "nt": "TWD", "r": "BRL", "mex": "MXN", "mx": "MXN",
	"mxn": "MXN", "z": "ZWL", "j": "JMD", "tt": "TTD", "bds": "BBD", "ec": "XCD",
}

// currencyCodes are ISO 4217 codes news writes in capitals before or after a
// number ("USD 200", "115USD"), plus local abbreviations of the same kind.
var currencyCodes = withISOCodes(map[string]string{
	"USD": "USD", "EUR": "EUR", "GBP": "GBP", "JPY": "JPY", "CNY": "CNY", "RMB": "CNY", "CHF": "CHF",
	"CAD": "CAD", "AUD": "AUD", "NZD": "NZD", "INR": "INR", "HKD": "HKD", "SGD": "SGD", "KRW": "KRW",
	"BRL": "BRL", "MXN": "MXN", "ZAR": "ZAR", "RUB": "RUB", "TRY": "TRY", "SEK": "SEK", "NOK": "NOK",
	"DKK": "DKK", "PLN": "PLN", "CZK": "CZK", "HUF": "HUF", "ILS": "ILS", "AED": "AED", "SAR": "SAR",
	"QAR": "QAR", "KWD": "KWD", "EGP": "EGP", "NGN": "NGN", "KES": "KES", "GHS": "GHS", "PKR": "PKR",
	"IDR": "IDR", "MYR": "MYR", "THB": "THB", "PHP": "PHP", "VND": "VND", "TWD": "TWD", "ARS": "ARS",
	"CLP": "CLP", "COP": "COP", "PEN": "PEN", "UAH": "UAH", "BTC": "BTC", "Rs": "INR", "Rs.": "INR",
	"Rp": "IDR", "RM": "MYR", "Ksh": "KES", "KSh": "KES", "Tk": "BDT", "Dh": "AED", "SR": "SAR",
})

// currencyName is one currency word: its ISO code when no adjective says
// otherwise, the family adjectives refine, and the scale of subunits.
type currencyName struct {
	iso    string
	family string
	scale  float64
}

// currencyNames are the words written after the number ("40 euros", "2.3
// trillion yen"). Ambiguous families take the code most news means.
var currencyNames = withISONames(map[string]currencyName{
	"dollar": {"USD", "dollar", 1}, "dollars": {"USD", "dollar", 1},
	"euro": {"EUR", "euro", 1}, "euros": {"EUR", "euro", 1},
	"pound": {"GBP", "pound", 1}, "pounds": {"GBP", "pound", 1}, "sterling": {"GBP", "pound", 1},
	"yen": {"JPY", "yen", 1}, "yuan": {"CNY", "yuan", 1}, "renminbi": {"CNY", "yuan", 1}, "rmb": {"CNY", "yuan", 1},
	"won": {"KRW", "won", 1}, "rupee": {"INR", "rupee", 1}, "rupees": {"INR", "rupee", 1},
	"rupiah": {"IDR", "rupiah", 1}, "ringgit": {"MYR", "ringgit", 1}, "baht": {"THB", "baht", 1},
	"peso": {"MXN", "peso", 1}, "pesos": {"MXN", "peso", 1}, "reais": {"BRL", "real", 1},
	"rand": {"ZAR", "rand", 1}, "franc": {"CHF", "franc", 1}, "francs": {"CHF", "franc", 1},
	"krona": {"SEK", "krona", 1}, "kronor": {"SEK", "krona", 1}, "kronas": {"SEK", "krona", 1},
	"krone": {"NOK", "krone", 1}, "kroner": {"NOK", "krone", 1},
	"lira": {"TRY", "lira", 1}, "liras": {"TRY", "lira", 1}, "lire": {"ITL", "lira", 1}, // "lire" is Italian's plural
	// the currencies the euro replaced, as 1990s wires write them; only the
	// plural "marks", since "the 600 mark" and "Mark" are no money
	"marks": {"DEM", "mark", 1}, "deutschmarks": {"DEM", "mark", 1}, "schilling": {"ATS", "schilling", 1},
	"schillings": {"ATS", "schilling", 1}, "drachma": {"GRD", "drachma", 1}, "drachmas": {"GRD", "drachma", 1},
	"drachmae": {"GRD", "drachma", 1},
	"ruble":    {"RUB", "ruble", 1}, "rubles": {"RUB", "ruble", 1}, "rouble": {"RUB", "ruble", 1}, "roubles": {"RUB", "ruble", 1},
	"hryvnia": {"UAH", "hryvnia", 1}, "hryvnias": {"UAH", "hryvnia", 1}, "hryvnias.": {"UAH", "hryvnia", 1},
	"naira": {"NGN", "naira", 1}, "shekel": {"ILS", "shekel", 1}, "shekels": {"ILS", "shekel", 1},
	"dirham": {"AED", "dirham", 1}, "dirhams": {"AED", "dirham", 1},
	"riyal": {"SAR", "riyal", 1}, "riyals": {"SAR", "riyal", 1},
	"dinar": {"KWD", "dinar", 1}, "dinars": {"KWD", "dinar", 1},
	"zloty": {"PLN", "zloty", 1}, "zlotys": {"PLN", "zloty", 1}, "zlotych": {"PLN", "zloty", 1},
	"forint": {"HUF", "forint", 1}, "forints": {"HUF", "forint", 1},
	"koruna": {"CZK", "koruna", 1}, "korunas": {"CZK", "koruna", 1}, "crowns": {"CZK", "koruna", 1},
	"shilling": {"KES", "shilling", 1}, "shillings": {"KES", "shilling", 1},
	"cedi": {"GHS", "cedi", 1}, "cedis": {"GHS", "cedi", 1}, "kwacha": {"ZMW", "kwacha", 1},
	"dong": {"VND", "dong", 1}, "taka": {"BDT", "taka", 1}, "markka": {"FIM", "markka", 1},
	"guilders": {"NLG", "guilder", 1}, "pesetas": {"ESP", "peseta", 1}, "bitcoin": {"BTC", "bitcoin", 1},
	"bitcoins": {"BTC", "bitcoin", 1}, "satoshi": {"BTC", "bitcoin", 1e-8}, "satoshis": {"BTC", "bitcoin", 1e-8},
	"cent": {"USD", "dollar", 0.01}, "cents": {"USD", "dollar", 0.01},
	"pence": {"GBP", "pound", 0.01}, "penny": {"GBP", "pound", 0.01},
})

// currencyAdjectives pick a family member: "canadian dollar" → CAD. Keys are
// the lower-case adjective (two-word ones joined by a space) and the family.
var currencyAdjectives = withISOAdjectives(map[string]string{
	"us dollar": "USD", "u.s. dollar": "USD", "american dollar": "USD", "canadian dollar": "CAD",
	"australian dollar": "AUD", "hong kong dollar": "HKD", "new zealand dollar": "NZD",
	"singapore dollar": "SGD", "taiwan dollar": "TWD", "new taiwan dollar": "TWD",
	"zimbabwe dollar": "ZWL", "zimbabwean dollar": "ZWL", "jamaican dollar": "JMD",
	"mexican peso": "MXN", "argentine peso": "ARS", "argentinian peso": "ARS", "chilean peso": "CLP",
	"colombian peso": "COP", "philippine peso": "PHP", "cuban peso": "CUP", "uruguayan peso": "UYU",
	"egyptian pound": "EGP", "lebanese pound": "LBP", "sudanese pound": "SDG", "syrian pound": "SYP",
	"british pound": "GBP", "indian rupee": "INR", "pakistani rupee": "PKR", "sri lankan rupee": "LKR",
	"nepalese rupee": "NPR", "swiss franc": "CHF", "french franc": "FRF", "cfa franc": "XOF",
	"congolese franc": "CDF", "swedish krona": "SEK", "icelandic krona": "ISK", "norwegian krone": "NOK",
	"danish krone": "DKK", "kuwaiti dinar": "KWD", "iraqi dinar": "IQD", "jordanian dinar": "JOD",
	"bahraini dinar": "BHD", "libyan dinar": "LYD", "tunisian dinar": "TND", "algerian dinar": "DZD",
	"serbian dinar": "RSD", "saudi riyal": "SAR", "qatari riyal": "QAR", "omani rial": "OMR",
	"iranian rial": "IRR", "south korean won": "KRW", "korean won": "KRW", "north korean won": "KPW",
	"japanese yen": "JPY", "chinese yuan": "CNY", "turkish lira": "TRY", "russian ruble": "RUB",
	"russian rouble": "RUB", "south african rand": "ZAR", "brazilian real": "BRL",
	"kenyan shilling": "KES", "ugandan shilling": "UGX", "tanzanian shilling": "TZS",
	"somali shilling": "SOS", "finnish markka": "FIM", "deutsche mark": "DEM", "german mark": "DEM",
	"finnish mark": "FIM", "austrian schilling": "ATS", "greek drachma": "GRD", "belgian franc": "BEF",
	"luxembourg franc": "LUF", "portuguese escudo": "PTE", "irish pound": "IEP", "italian lira": "ITL", "dutch guilder": "NLG", "spanish peseta": "ESP",
	"nigerian naira": "NGN", "ghanaian cedi": "GHS", "israeli shekel": "ILS", "emirati dirham": "AED",
	"uae dirham": "AED", "moroccan dirham": "MAD", "polish zloty": "PLN", "hungarian forint": "HUF",
	"czech koruna": "CZK", "thai baht": "THB", "malaysian ringgit": "MYR", "indonesian rupiah": "IDR",
	"vietnamese dong": "VND", "zambian kwacha": "ZMW", "malawian kwacha": "MWK", "ukrainian hryvnia": "UAH",
})

// isDollarWord reports whether token i is "dollar(s)".
func (a *amountScan) isDollarWord(i int) bool { return a.is(i, "dollars") || a.is(i, "dollar") }

// prefix reads a currency written before the number at token i ("$",
// "US$", "C$", "€", "USD", "Rs.") and moves *j to the number. It returns the
// ISO code, or "".
func (a *amountScan) prefix(i int, j *int) string {
	t := a.tok(i)
	if t == "" {
		return ""
	}
	digitAt := func(k int) bool { s := a.tok(k); return s != "" && text.IsDigit(s[0]) }
	if iso, ok := a.pairedSymbol(i); ok && digitAt(i+2) {
		*j = i + 2 // "E£ 20"
		return iso
	}
	if iso, ok := currencySymbols[t]; ok && digitAt(i+1) {
		*j = i + 1
		return iso
	}
	if a.tok(i+1) == "$" && digitAt(i+2) {
		var buf [8]byte
		if b := text.Fold(buf[:], t); b != nil {
			if iso, ok := dollarPrefixes[string(b)]; ok {
				glued := a.d.Tokens[i].End == a.d.Tokens[i+1].Start
				// Spaced, as in lower-cased wire text ("hk $ 10.05
				// billion"), any prefix but the article "a" will do.
				if glued || len(t) > 1 || string(b) == "c" {
					*j = i + 2
					return iso
				}
			}
		}
	}
	if iso, ok := currencyCodes[t]; ok {
		if digitAt(i + 1) {
			*j = i + 1
			return iso
		}
		if a.tok(i+1) == "." && digitAt(i+2) {
			*j = i + 2
			return iso
		}
	}
	return ""
}

// prefixBefore returns the currency written just before token j, if any.
func (a *amountScan) prefixBefore(j int) string {
	if j == 0 {
		return ""
	}
	var k int
	if iso := a.prefix(j-1, &k); iso != "" && k == j {
		return iso
	}
	if j >= 2 {
		if iso := a.prefix(j-2, &k); iso != "" && k == j {
			return iso
		}
	}
	return ""
}

// currencyAfter reads a currency written after the number at token j:
// "euros", "Swiss francs", "Hong Kong dollars", "USD", "€". It returns the
// currency and the number of tokens it spans.
func (a *amountScan) currencyAfter(j int) (currencyName, int) {
	t := a.tok(j)
	if t == "" {
		return currencyName{}, 0
	}
	// Codes and symbols are short: a longer word, as after most numbers,
	// is not looked up in their tables.
	if len(t) <= currencyCodeLen {
		if iso, ok := currencyCodes[t]; ok && len(t) == 3 {
			return currencyName{iso: iso, scale: 1}, 1
		}
		if iso, ok := lowerCodes[t]; ok {
			return currencyName{iso: iso, scale: 1}, 1
		}
		if iso, ok := millionCodes[t]; ok {
			return currencyName{iso: iso, scale: 1e6}, 1 // "30 MUSD"
		}
		if iso, ok := currencySymbols[t]; ok && a.postfixSymbol(j) {
			return currencyName{iso: iso, scale: 1}, 1
		}
	}
	var b1, b2, b3 [24]byte
	w1 := text.Fold(b1[:], t)
	if w1 == nil {
		return currencyName{}, 0
	}
	if u, ok := lookupCurrencyName(w1); ok {
		return u, 1
	}
	// One- and two-word adjectives: "Canadian dollars", "Hong Kong dollars".
	w2 := text.Fold(b2[:], a.tok(j+1))
	if w2 != nil {
		if u, ok := lookupCurrencyName(w2); ok {
			if iso, ok := currencyAdjectives[string(w1)+" "+u.family]; ok {
				u.iso = iso
				return u, 2
			}
		}
		w3 := text.Fold(b3[:], a.tok(j+2))
		if w3 != nil {
			if u, ok := lookupCurrencyName(w3); ok {
				if iso, ok := currencyAdjectives[string(w1)+" "+string(w2)+" "+u.family]; ok {
					u.iso = iso
					return u, 3
				}
			}
		}
	}
	return currencyName{}, 0
}

// isCurrencyName reports whether token i is a currency word ("dollars",
// "penny").
func (a *amountScan) isCurrencyName(i int) bool {
	var buf [16]byte
	b := text.Fold(buf[:], a.tok(i))
	_, ok := currencyNames[string(b)]
	return b != nil && ok
}

// currencyFilter keeps ordinary words off the currencyNames map.
var currencyFilter = text.NewWordFilter(currencyNames)

// lookupCurrencyName looks the folded word w up in currencyNames, behind
// currencyFilter: currencyAfter asks it of up to three words after every
// number.
func lookupCurrencyName(w []byte) (currencyName, bool) {
	if !currencyFilter.MayHold(string(w)) {
		return currencyName{}, false
	}
	u, ok := currencyNames[string(w)]
	return u, ok
}

// currencyCodeLen is the length of the longest code or symbol of
// currencyCodes, lowerCodes, millionCodes and currencySymbols.
var currencyCodeLen = func() int {
	n := 0
	for _, m := range []map[string]string{currencyCodes, lowerCodes, millionCodes, currencySymbols} {
		for k := range m {
			n = max(n, len(k))
		}
	}
	return n
}()
