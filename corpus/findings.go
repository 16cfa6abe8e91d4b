package corpus

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/whosaid/whosaid"
)

// readFindings decodes one object of `whosaid extract` output, so that
// findings extracted elsewhere (another machine, a batch engine running
// `whosaid extract` as a stage) are stored without extracting again. The
// article is held to the rules an article record is (text, date, id), and
// every span to lie inside the text, since readers slice the text by them.
func readFindings(data []byte) (whosaid.Findings, error) {
	var f whosaid.Findings
	if err := json.Unmarshal(decodeLegacy(data), &f); err != nil {
		return whosaid.Findings{}, jsonError(err)
	}
	a := &f.Article
	if strings.TrimSpace(a.Text) == "" {
		return whosaid.Findings{}, fmt.Errorf(`%w: "article" has no "text"`, ErrNoText)
	}
	if strings.TrimSpace(a.Published) != "" {
		d, ok := normalizeDate(a.Published)
		if !ok {
			return whosaid.Findings{}, fmt.Errorf("%w %q: want YYYY-MM-DD or RFC 3339", ErrDate, a.Published)
		}
		a.Published = d
	}
	a.ID = ID(*a)
	if err := checkSpans(f); err != nil {
		return whosaid.Findings{}, fmt.Errorf("%w: %w", ErrMalformed, err)
	}
	return f, nil
}

// checkSpans reports the first finding whose span is not a stretch of the
// article's text.
func checkSpans(f whosaid.Findings) error {
	n := len(f.Article.Text)
	var bad error
	check := func(what string, i, start, end int) {
		if bad == nil && (start < 0 || start > end || end > n) {
			bad = fmt.Errorf("%s[%d]: span %d-%d is not inside the text (%d bytes)", what, i, start, end, n)
		}
	}
	speaker := func(what string, i int, s whosaid.Speaker) {
		if m := s.Mention; m != nil {
			check(what+" speaker", i, m.Start, m.End)
		}
	}
	for i, e := range f.Entities {
		for _, m := range e.Mentions {
			check("entities", i, m.Start, m.End)
		}
	}
	for i, d := range f.Dates {
		check("dates", i, d.Start, d.End)
	}
	for i, a := range f.Amounts {
		check("amounts", i, a.Start, a.End)
	}
	for i, q := range f.Quotes {
		check("quotes", i, q.Start, q.End)
		speaker("quotes", i, q.Speaker)
	}
	for i, c := range f.Claims {
		check("claims", i, c.Start, c.End)
		speaker("claims", i, c.Speaker)
	}
	return bad
}
