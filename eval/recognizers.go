package eval

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/whosaid/whosaid"
)

// This file scores the amounts stage against the English currency and
// percent specs of Microsoft Recognizers-Text, the test suites of its
// number-with-unit recognisers.
//
// Each case is an Input sentence with the Results the reference (.NET)
// implementation must return. A case is run through the extractor alone
// (no publication date: it plays no part in amounts) and counts as exact
// when the amounts of the spec's kind (money for currency, percentages for
// percent) equal the expected results one for one: same value (relative
// error under 1e-6, as in FORMAT.md) and, for money, same currency. An
// extra amount of that kind spoils a case as a missing one does, since
// "15 % per annum" found inside a URL is as wrong as a missed "$ 48".
//
// Decisions:
//   - Skipped cases: a case is skipped when its NotSupported or
//     NotSupportedByDesign field names "dotnet". Those fields list the
//     implementations that fail the case; the ports (javascript, python,
//     java) lag the .NET reference, so a case only they fail is still a
//     valid expectation and is kept. The report also gives the score over
//     the cases marked for no implementation at all.
//   - Expected results without a value (a bare "dollar", "rmb", "percent")
//     are not required: whosaid reports sums, and a currency word alone is
//     none.
//   - Units: Recognizers names currencies ("Dollar", "Chinese yuan",
//     "Pence") and gives isoCurrency only for some. recognizerUnits maps
//     every name the specs use to ISO 4217; subunits (Cent, Pence, Penny,
//     Satoshi) are that fraction of the main unit, as Recognizers itself
//     adds them up ("3 dollars 50 cents" = 3.5 Dollar), so "50 cents" is
//     0.5 USD. A name the spec leaves ambiguous ("Franc", "Rupee") accepts
//     any member of its family.
//   - The DateTime spec in the same folder is not an amount spec and is
//     not read.

// RecognizersCase is one case of a Recognizers-Text spec file.
type RecognizersCase struct {
	Input                string              `json:"Input"`
	Results              []RecognizersResult `json:"Results"`
	NotSupported         string              `json:"NotSupported"`
	NotSupportedByDesign string              `json:"NotSupportedByDesign"`
	Comment              string              `json:"Comment"`
}

// RecognizersResult is one expected finding of a case.
type RecognizersResult struct {
	Text       string `json:"Text"`
	TypeName   string `json:"TypeName"`
	Resolution struct {
		Value       *string `json:"value"`
		Unit        string  `json:"unit"`
		IsoCurrency string  `json:"isoCurrency"`
	} `json:"Resolution"`
}

// RecognizersSpec is one spec file: its name, the kind of amount it tests
// (whosaid.Money or whosaid.Percent) and its cases.
type RecognizersSpec struct {
	Name  string
	Kind  string
	Cases []RecognizersCase
}

// LoadRecognizers reads path, a spec file or a folder of them. In a folder
// only the amount specs (*CurrencyModel.json, *PercentModel.json) are read,
// sorted by name; a single file must be one of them.
func LoadRecognizers(path string) ([]RecognizersSpec, error) {
	paths := []string{path}
	if fi, err := os.Stat(path); err != nil {
		return nil, fmt.Errorf("read recognizers spec: %w", err)
	} else if fi.IsDir() {
		paths, _ = filepath.Glob(filepath.Join(path, "*Model.json"))
		sort.Strings(paths)
		kept := paths[:0]
		for _, p := range paths {
			if specKind(p) != "" {
				kept = append(kept, p)
			}
		}
		paths = kept
	}
	if len(paths) == 0 {
		return nil, fmt.Errorf("%s: no Recognizers-Text currency or percent spec", path)
	}
	var specs []RecognizersSpec
	for _, p := range paths {
		kind := specKind(p)
		if kind == "" {
			return nil, fmt.Errorf("%s: not a currency or percent spec", p)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return nil, fmt.Errorf("read recognizers spec: %w", err)
		}
		b = []byte(strings.TrimPrefix(string(b), "\ufeff"))
		var cases []RecognizersCase
		if err := json.Unmarshal(b, &cases); err != nil {
			return nil, fmt.Errorf("%s: invalid spec JSON: %w", p, err)
		}
		specs = append(specs, RecognizersSpec{Name: strings.TrimSuffix(filepath.Base(p), ".json"), Kind: kind, Cases: cases})
	}
	return specs, nil
}

// specKind tells the amount kind a spec file tests from its name.
func specKind(path string) string {
	base := filepath.Base(path)
	switch {
	case strings.HasSuffix(base, "CurrencyModel.json"):
		return whosaid.Money
	case strings.HasSuffix(base, "PercentModel.json"):
		return whosaid.Percent
	}
	return ""
}

// unitCodes is what an expected Recognizers unit may be in whosaid's terms:
// the ISO codes accepted and the factor to the main unit.
type unitCodes struct {
	iso   []string
	scale float64
}

// recognizerUnits maps the unit names of the English currency spec to ISO
// 4217. Names with isoCurrency in the spec are here too, so the table alone
// documents the mapping.
var recognizerUnits = map[string]unitCodes{
	"Dollar": {[]string{"USD"}, 1}, "United States dollar": {[]string{"USD"}, 1},
	"Canadian dollar": {[]string{"CAD"}, 1}, "Australian dollar": {[]string{"AUD"}, 1},
	"Hong Kong dollar": {[]string{"HKD"}, 1}, "New Zealand dollar": {[]string{"NZD"}, 1},
	"Euro": {[]string{"EUR"}, 1}, "Pound": {[]string{"GBP"}, 1}, "British pound": {[]string{"GBP"}, 1},
	"Japanese yen": {[]string{"JPY"}, 1}, "Chinese yuan": {[]string{"CNY"}, 1},
	"Swiss franc": {[]string{"CHF"}, 1}, "Franc": {[]string{"CHF", "FRF", "BEF", "XOF", "XAF"}, 1},
	"Rupee": {[]string{"INR", "PKR", "LKR", "NPR"}, 1}, "Sri Lankan rupee": {[]string{"LKR"}, 1},
	"Peseta": {[]string{"ESP"}, 1}, "Netherlands guilder": {[]string{"NLG"}, 1},
	"Finnish markka": {[]string{"FIM"}, 1}, "Turkish lira": {[]string{"TRY"}, 1},
	"Mexican peso": {[]string{"MXN"}, 1}, "Costa Rican colón": {[]string{"CRC"}, 1},
	"Georgian lari": {[]string{"GEL"}, 1}, "Lao kip": {[]string{"LAK"}, 1},
	"Bitcoin": {[]string{"BTC"}, 1}, "Satoshi": {[]string{"BTC"}, 1e-8},
	"Cent": {[]string{"USD"}, 0.01}, "Pence": {[]string{"GBP"}, 0.01}, "Penny": {[]string{"GBP"}, 0.01},
	"Sen": {[]string{"JPY", "MYR", "IDR"}, 0.01},
}

// expected is one expected amount in whosaid's terms.
type expected struct {
	text  string
	value float64
	iso   []string // accepted units; "%" for percent
}

// expectations converts a case's results of the spec's kind, dropping those
// without a value. An unknown unit name is an error, so the table above
// cannot silently fall behind the spec.
func expectations(c RecognizersCase, kind string) ([]expected, error) {
	var out []expected
	for _, r := range c.Results {
		v := r.Resolution.Value
		if v == nil || *v == "" || *v == "null" {
			continue
		}
		e := expected{text: r.Text}
		s := *v
		if kind == whosaid.Percent {
			s = strings.TrimSuffix(s, "%")
			e.iso = []string{"%"}
		}
		f, err := strconv.ParseFloat(s, 64)
		if err != nil {
			return nil, fmt.Errorf("case %q: value %q: %w", c.Input, *v, err)
		}
		e.value = f
		if kind == whosaid.Money {
			u, ok := recognizerUnits[r.Resolution.Unit]
			if !ok {
				if r.Resolution.IsoCurrency == "" {
					return nil, fmt.Errorf("case %q: unknown currency unit %q", c.Input, r.Resolution.Unit)
				}
				u = unitCodes{[]string{r.Resolution.IsoCurrency}, 1}
			}
			e.iso, e.value = u.iso, f*u.scale
		}
		out = append(out, e)
	}
	return out, nil
}

// skipped reports whether the reference implementation is marked as not
// supporting the case.
func (c RecognizersCase) skipped() bool {
	return strings.Contains(c.NotSupported, "dotnet") || strings.Contains(c.NotSupportedByDesign, "dotnet")
}

// unmarked reports whether no implementation is marked as failing the case.
func (c RecognizersCase) unmarked() bool {
	return strings.TrimSpace(c.NotSupported) == "" && strings.TrimSpace(c.NotSupportedByDesign) == ""
}

// RecognizersReport is the score of one spec.
type RecognizersReport struct {
	Spec    string
	Cases   int // cases scored
	Skipped int // cases the reference implementation does not support
	Exact   int
	// Unmarked and UnmarkedExact count the cases no implementation is
	// marked as failing, the narrower reading of "supported".
	Unmarked, UnmarkedExact int
	// Misses lists every case that was not exact, one line each.
	Misses []string
}

// Exactness is the share of scored cases that were exact.
func (r RecognizersReport) Exactness() float64 { return ratio(r.Exact, r.Cases) }

// UnmarkedExactness is the share of unmarked cases that were exact.
func (r RecognizersReport) UnmarkedExactness() float64 { return ratio(r.UnmarkedExact, r.Unmarked) }

// String prints the report in the layout of the gold report.
func (r RecognizersReport) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%-22s %s\n", "spec", r.Spec)
	fmt.Fprintf(&b, "%-22s %.3f  (%d of %d; %d skipped as unsupported by dotnet)\n", "exact cases", r.Exactness(), r.Exact, r.Cases, r.Skipped)
	fmt.Fprintf(&b, "%-22s %.3f  (%d of %d marked for no implementation)\n", "exact unmarked cases", r.UnmarkedExactness(), r.UnmarkedExact, r.Unmarked)
	return b.String()
}

// RunRecognizers runs every case of spec through extract and scores it. It
// fails when the spec holds a value or unit it cannot read.
func RunRecognizers(spec RecognizersSpec, extract func(whosaid.Article) whosaid.Findings) (RecognizersReport, error) {
	r := RecognizersReport{Spec: spec.Name}
	for _, c := range spec.Cases {
		if c.skipped() {
			r.Skipped++
			continue
		}
		want, err := expectations(c, spec.Kind)
		if err != nil {
			return r, fmt.Errorf("%s: %w", spec.Name, err)
		}
		var got []whosaid.Amount
		for _, a := range extract(whosaid.Article{Text: c.Input}).Amounts {
			if a.Kind == spec.Kind {
				got = append(got, a)
			}
		}
		r.Cases++
		if c.unmarked() {
			r.Unmarked++
		}
		if why := compareAmounts(want, got); why != "" {
			r.Misses = append(r.Misses, fmt.Sprintf("%q: %s", c.Input, why))
			continue
		}
		r.Exact++
		if c.unmarked() {
			r.UnmarkedExact++
		}
	}
	return r, nil
}

// compareAmounts matches want and got one for one in any order and says
// what differs, or "" when they agree.
func compareAmounts(want []expected, got []whosaid.Amount) string {
	used := make([]bool, len(got))
	var why []string
	for _, w := range want {
		found := false
		for i, g := range got {
			if !used[i] && sameValue(w.value, g.Value) && containsString(w.iso, g.Unit) {
				used[i], found = true, true
				break
			}
		}
		if !found {
			why = append(why, fmt.Sprintf("missed %q = %g %s", w.text, w.value, strings.Join(w.iso, "|")))
		}
	}
	for i, g := range got {
		if !used[i] {
			why = append(why, fmt.Sprintf("extra %q = %g %s", g.Text, g.Value, g.Unit))
		}
	}
	return strings.Join(why, "; ")
}

// containsString reports whether list holds s.
func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
