package eval

import (
	"fmt"
	"math"
	"strings"

	"github.com/whosaid/whosaid"
)

// Report holds every metric for one article or, added up, for a set.
type Report struct {
	Articles int

	People, Organizations, Countries Metric
	Dates, DateValues                Metric
	Amounts, Targets                 Metric
	Quotes, AttributedQuotes         Metric
	QuoteSpeakers                    Accuracy
	Claims, AttributedClaims         Metric
	ClaimSpeakers                    Accuracy

	// Misses lists what went wrong, one line each, for reading by people.
	Misses []string
}

// NewReport returns an empty report with its metrics named.
func NewReport() Report {
	return Report{
		People: Metric{Name: "people"}, Organizations: Metric{Name: "organizations"},
		Countries: Metric{Name: "countries"}, Dates: Metric{Name: "dates (span)"},
		DateValues: Metric{Name: "date values"}, Amounts: Metric{Name: "amounts"},
		Targets: Metric{Name: "targets"}, Quotes: Metric{Name: "quotes (text)"},
		AttributedQuotes: Metric{Name: "attributed quotes"},
		QuoteSpeakers:    Accuracy{Name: "quote speaker accuracy"},
		Claims:           Metric{Name: "claims (text)"},
		AttributedClaims: Metric{Name: "attributed claims"},
		ClaimSpeakers:    Accuracy{Name: "claim speaker accuracy"},
	}
}

// Metrics returns the P/R/F1 metrics in reading order.
func (r *Report) Metrics() []*Metric {
	return []*Metric{&r.People, &r.Organizations, &r.Countries, &r.Dates, &r.DateValues,
		&r.Amounts, &r.Targets, &r.Quotes, &r.AttributedQuotes, &r.Claims, &r.AttributedClaims}
}

// Add adds o's counts to r.
func (r *Report) Add(o Report) {
	r.Articles += o.Articles
	mine, theirs := r.Metrics(), o.Metrics()
	for i := range mine {
		mine[i].TP += theirs[i].TP
		mine[i].FP += theirs[i].FP
		mine[i].FN += theirs[i].FN
	}
	r.QuoteSpeakers.Right += o.QuoteSpeakers.Right
	r.QuoteSpeakers.Counted += o.QuoteSpeakers.Counted
	r.ClaimSpeakers.Right += o.ClaimSpeakers.Right
	r.ClaimSpeakers.Counted += o.ClaimSpeakers.Counted
	r.Misses = append(r.Misses, o.Misses...)
}

// String prints one metric a line.
func (r Report) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "articles               %d\n", r.Articles)
	for _, m := range r.Metrics() {
		b.WriteString(m.String())
		b.WriteByte('\n')
		switch m {
		case &r.AttributedQuotes:
			b.WriteString(r.QuoteSpeakers.String() + "\n")
		case &r.AttributedClaims:
			b.WriteString(r.ClaimSpeakers.String() + "\n")
		}
	}
	return b.String()
}

// Score compares the findings f of gold article g with its annotations.
func Score(g Gold, f whosaid.Findings) Report {
	r := NewReport()
	r.Articles = 1
	miss := func(format string, args ...any) {
		r.Misses = append(r.Misses, g.ID+": "+fmt.Sprintf(format, args...))
	}
	var people, orgs, countries []string
	for _, e := range f.Entities {
		switch e.Type {
		case whosaid.Person:
			people = append(people, e.Name)
		case whosaid.Org:
			orgs = append(orgs, e.Name)
		case whosaid.Country:
			countries = append(countries, e.Code)
		}
	}
	scoreSet(&r.People, g.People, people, miss)
	scoreSet(&r.Organizations, g.Organizations, orgs, miss)
	scoreSet(&r.Countries, g.Countries, countries, miss)
	scoreDates(&r, g, f.Dates, miss)
	scoreAmounts(&r, g, f.Amounts, miss)
	scoreQuotes(&r, g, f.Quotes, miss)
	scoreClaims(&r, g, f.Claims, miss)
	return r
}

// scoreSet compares names as sets, case-insensitively with accents folded.
func scoreSet(m *Metric, gold, pred []string, miss func(string, ...any)) {
	g, p := map[string]string{}, map[string]string{}
	for _, s := range gold {
		g[fold(s)] = s
	}
	for _, s := range pred {
		p[fold(s)] = s
	}
	for k, s := range p {
		if _, ok := g[k]; ok {
			m.TP++
		} else {
			m.FP++
			miss("%s: extra %q", m.Name, s)
		}
	}
	for k, s := range g {
		if _, ok := p[k]; !ok {
			m.FN++
			miss("%s: missed %q", m.Name, s)
		}
	}
}

// scoreDates matches each prediction to the first unmatched gold date whose
// text overlaps it; a value counts only when it is equal.
func scoreDates(r *Report, g Gold, pred []whosaid.Date, miss func(string, ...any)) {
	texts := make([]string, len(g.Dates))
	for i, d := range g.Dates {
		texts[i] = d.Text
	}
	spans := locate(g.Text, texts)
	used := make([]bool, len(g.Dates))
	for _, p := range pred {
		found := -1
		for i, s := range spans {
			if !used[i] && s.overlaps(p.Start, p.End) {
				found = i
				break
			}
		}
		if found < 0 {
			r.Dates.FP++
			r.DateValues.FP++
			miss("dates: extra %q = %s", p.Text, p.Value)
			continue
		}
		used[found] = true
		r.Dates.TP++
		if p.Value == g.Dates[found].Value {
			r.DateValues.TP++
		} else {
			r.DateValues.FP++
			r.DateValues.FN++
			miss("date values: %q = %s, gold %s", p.Text, p.Value, g.Dates[found].Value)
		}
	}
	for i, u := range used {
		if !u {
			r.Dates.FN++
			r.DateValues.FN++
			miss("dates: missed %q = %s", g.Dates[i].Text, g.Dates[i].Value)
		}
	}
}

// scoreAmounts matches amounts by overlapping text, equal value and equal
// unit; targets are scored over matched amounts.
func scoreAmounts(r *Report, g Gold, pred []whosaid.Amount, miss func(string, ...any)) {
	texts := make([]string, len(g.Amounts))
	goldTargets := 0
	for i, a := range g.Amounts {
		texts[i] = a.Text
		if a.Target {
			goldTargets++
		}
	}
	spans := locate(g.Text, texts)
	used := make([]bool, len(g.Amounts))
	predTargets := 0
	for _, p := range pred {
		if p.Target {
			predTargets++
		}
		found := -1
		for i, s := range spans {
			a := g.Amounts[i]
			if !used[i] && s.overlaps(p.Start, p.End) && sameValue(a.Value, p.Value) && a.Unit == p.Unit {
				found = i
				break
			}
		}
		if found < 0 {
			r.Amounts.FP++
			miss("amounts: extra %q = %g %s", p.Text, p.Value, p.Unit)
			continue
		}
		used[found] = true
		r.Amounts.TP++
		if p.Target && g.Amounts[found].Target {
			r.Targets.TP++
		}
	}
	for i, u := range used {
		if !u {
			r.Amounts.FN++
			a := g.Amounts[i]
			miss("amounts: missed %q = %g %s", a.Text, a.Value, a.Unit)
		}
	}
	r.Targets.FP += predTargets - r.Targets.TP
	r.Targets.FN += goldTargets - r.Targets.TP
}

func sameValue(a, b float64) bool {
	if a == b {
		return true
	}
	return math.Abs(a-b) <= 1e-6*math.Max(math.Abs(a), math.Abs(b))
}
