package extract

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/corpus"

	"github.com/whosaid/whosaid/extract/internal/dates"
	"github.com/whosaid/whosaid/extract/internal/money"
	"github.com/whosaid/whosaid/extract/internal/speech"
	"github.com/whosaid/whosaid/extract/internal/text"
)

// The fuzzers below hold every extraction stage to the contract of the
// `extract` JSON: no panic on any text, and every finding a stretch of the
// text, Start <= End within it, with Text == text[Start:End]. Their seeds
// (a few gold stories and the nasty cases below) run in `make test`; run one
// for longer with
//
//	go test -tags sqlite_fts5 -run '^$' -fuzz FuzzAttribute -fuzztime 60s ./extract
//
// and commit what it finds under testdata/fuzz/FuzzX/ as a regression seed.

// fuzzExtractor is loaded once per test binary: the gazetteers and the
// tagger model are read-only and shared.
var fuzzExtractor = sync.OnceValues(New)

// addFuzzSeeds adds a few gold stories and texts that have hurt parsers:
// unterminated and mismatched quotes, stray marks, invalid UTF-8, NULs,
// lone surrogates' replacement, long runs and empty paragraphs.
func addFuzzSeeds(f *testing.F) {
	golds, _ := filepath.Glob("../testdata/gold/*.json")
	for i, p := range golds {
		if i >= 4 {
			break
		}
		b, err := os.ReadFile(p)
		if err != nil {
			continue
		}
		var g struct{ Text string }
		if json.Unmarshal(b, &g) == nil && g.Text != "" {
			f.Add(g.Text)
		}
	}
	for _, s := range []string{
		"",
		"\"",
		"“",
		"‘’“”«»‹›\"'",
		`WASHINGTON (Reuters) - "We will not," said U.S. Secretary of State Rex Tillerson. "Never."`,
		"“Open quote never closed, said Smith\n“And reopened,” he added.",
		"He said: «Oui» et ‹non›, according to officials.",
		"\"\"\"\"\"\"\"\"\"\"''''''''''",
		"Sales rose 5 percent to $1.2 billion on March 3, 2017, from 2 percent a year ago.",
		"€ $ £ ¥ 1.5 trn bn m k % pp basis points 12-15 percent by 2030",
		"Jan. 1-2 2019 1st quarter Q3 FY2020 the 1990s next week last Monday 3/4/05 2017-03-21",
		"Caf\xe9 \xff\xfe \x00 \xc3",
		"A\n\n\nB\n \n\"C\"\n",
		strings.Repeat("Mr. ", 200) + "Smith said.",
		strings.Repeat("“a ", 300) + "” he said",
		"according to", "said", ", he said.", "According to,",
	} {
		f.Add(s)
	}
}

// checkSpan fails unless [start, end) is a stretch of text with the given
// text.
func checkSpan(t *testing.T, what, src string, start, end int, got string) {
	t.Helper()
	if start < 0 || end < start || end > len(src) {
		t.Fatalf("%s [%d,%d) outside the text (%d bytes)", what, start, end, len(src))
	}
	if src[start:end] != got {
		t.Fatalf("%s [%d,%d) is %q, text there is %q", what, start, end, got, src[start:end])
	}
}

// checkSpeaker checks the mention of a speaker, when there is one.
func checkSpeaker(t *testing.T, what, src string, sp whosaid.Speaker) {
	t.Helper()
	if m := sp.Mention; m != nil {
		checkSpan(t, what+" speaker mention", src, m.Start, m.End, m.Text)
	}
	switch sp.Kind {
	case whosaid.KindPerson, whosaid.KindOrganization, whosaid.KindAnonymous, whosaid.KindUnknown:
	default:
		t.Fatalf("%s speaker kind %q", what, sp.Kind)
	}
}

// fuzzDoc segments text as Extract does and checks the segmentation.
func fuzzDoc(t *testing.T, src string) *text.Doc {
	t.Helper()
	d := text.NewDoc(src)
	prev := 0
	for i, tok := range d.Tokens {
		if tok.Start < prev || tok.End <= tok.Start || tok.End > len(src) {
			t.Fatalf("token %d [%d,%d) out of order or range", i, tok.Start, tok.End)
		}
		prev = tok.End
	}
	for _, spans := range [][]text.Span{d.Sentences, d.Paragraphs} {
		prev := 0
		for i, s := range spans {
			if s.Start < prev || s.End < s.Start || s.End > len(src) {
				t.Fatalf("span %d [%d,%d) out of order or range", i, s.Start, s.End)
			}
			prev = s.End
		}
	}
	return d
}

func FuzzSegment(f *testing.F) {
	addFuzzSeeds(f)
	f.Fuzz(func(t *testing.T, src string) {
		d := fuzzDoc(t, src)
		for i, p := range d.Paragraphs {
			if d.ParagraphAt(p.Start) != i {
				t.Fatalf("ParagraphAt(%d) != %d", p.Start, i)
			}
		}
		for i, s := range d.Sentences {
			if s.End > s.Start && d.SentenceAt(s.Start) != i {
				t.Fatalf("SentenceAt(%d) != %d", s.Start, i)
			}
		}
	})
}

func FuzzEntities(f *testing.F) {
	addFuzzSeeds(f)
	f.Fuzz(func(t *testing.T, src string) {
		x, err := fuzzExtractor()
		if err != nil {
			t.Fatal(err)
		}
		d := fuzzDoc(t, src)
		for _, e := range x.ents.Tag(d, whosaid.Article{Text: src}) {
			if e.Name == "" || !utf8.ValidString(e.Name) && utf8.ValidString(src) {
				t.Fatalf("entity name %q", e.Name)
			}
			for _, m := range e.Mentions {
				checkSpan(t, "entity mention", src, m.Start, m.End, m.Text)
			}
		}
	})
}

func FuzzDates(f *testing.F) {
	addFuzzSeeds(f)
	ref := time.Date(2017, 3, 21, 0, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, src string) {
		d := fuzzDoc(t, src)
		for _, r := range []time.Time{ref, {}} {
			for _, dt := range dates.Find(d, r) {
				checkSpan(t, "date", src, dt.Start, dt.End, dt.Text)
				if dt.Value == "" {
					t.Fatalf("date %q without a value", dt.Text)
				}
			}
		}
	})
}

func FuzzAmounts(f *testing.F) {
	addFuzzSeeds(f)
	ref := time.Date(2017, 3, 21, 0, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, src string) {
		d := fuzzDoc(t, src)
		for _, a := range money.Amounts(d, dates.Find(d, ref)) {
			checkSpan(t, "amount", src, a.Start, a.End, a.Text)
			if a.Kind != whosaid.Money && a.Kind != whosaid.Percent {
				t.Fatalf("amount kind %q", a.Kind)
			}
		}
	})
}

func FuzzAttribute(f *testing.F) {
	addFuzzSeeds(f)
	f.Fuzz(func(t *testing.T, src string) {
		x, err := fuzzExtractor()
		if err != nil {
			t.Fatal(err)
		}
		d := fuzzDoc(t, src)
		quotes, claims := speech.Attribute(d, x.ents.Tag(d, whosaid.Article{Text: src}))
		for _, q := range quotes {
			checkSpan(t, "quote", src, q.Start, q.End, q.Text)
			checkSpeaker(t, "quote", src, q.Speaker)
			if q.Kind != whosaid.FullQuote && q.Kind != whosaid.PartialQuote {
				t.Fatalf("quote kind %q", q.Kind)
			}
		}
		for _, c := range claims {
			checkSpan(t, "claim", src, c.Start, c.End, c.Text)
			checkSpeaker(t, "claim", src, c.Speaker)
		}
	})
}

// FuzzExtract runs the whole pipeline as ingest does, with an article
// carrying a publication date and the dateline the corpus reader finds.
func FuzzExtract(f *testing.F) {
	addFuzzSeeds(f)
	f.Fuzz(func(t *testing.T, src string) {
		x, err := fuzzExtractor()
		if err != nil {
			t.Fatal(err)
		}
		a := whosaid.Article{Text: src, Published: "2017-03-21", Dateline: corpus.ParseDateline(src)}
		fd := x.Extract(a)
		for _, q := range fd.Quotes {
			checkSpan(t, "quote", src, q.Start, q.End, q.Text)
		}
		for _, c := range fd.Claims {
			checkSpan(t, "claim", src, c.Start, c.End, c.Text)
		}
		for _, e := range fd.Entities {
			for _, m := range e.Mentions {
				checkSpan(t, "entity mention", src, m.Start, m.End, m.Text)
			}
		}
	})
}
