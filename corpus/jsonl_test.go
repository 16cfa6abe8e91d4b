package corpus

import (
	"context"
	"errors"
	"strings"
	"testing"
	"testing/iotest"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/whosaid/whosaid"
)

func readLines(tb testing.TB, input string, limit int64) []Item {
	tb.Helper()
	var items []Item
	err := readJSONL(context.Background(), "x.jsonl", strings.NewReader(input), limit, func(it Item) error {
		items = append(items, it)
		return nil
	})
	require.NoError(tb, err)
	return items
}

func TestReadJSONL(t *testing.T) {
	input := strings.Join([]string{
		`{"id":"a1","url":"https://e.example/a","title":"T","published":"2017-03-21","text":"WASHINGTON (Reuters) - Body one."}`,
		``,
		`{"url":"https://e.example/b?utm_source=x","published":"2017-03-21T23:30:00-04:00","text":"Body two.\r\nSecond paragraph."}`,
		`   {"text":"Body three."}   `,
		`{"id":42,"text":"Numeric id.","extra":{"ignored":true}}`,
		`{"title":"Line title","published":"2024-01-02T03:04:05Z","byline":"Line Byline","html":"<html><head><meta property=\"og:title\" content=\"Page title\"><meta name=\"author\" content=\"Page Author\"><meta property=\"og:site_name\" content=\"Page Outlet\"><meta property=\"article:published_time\" content=\"2020-01-01\"></head><body><p>PARIS (AFP) - From HTML.</p></body></html>"}`,
		`{"text":"","html":"<p>Empty text, so the html is read.</p>"}`,
	}, "\n") + "\n"
	items := readLines(t, input, MaxSize)
	require.Len(t, items, 6)
	for _, it := range items {
		require.NoError(t, it.Err)
	}
	a := items[0].Article
	assert.Equal(t, whosaid.Article{
		ID: "a1", URL: "https://e.example/a", Title: "T", Published: "2017-03-21",
		Dateline: &whosaid.Dateline{Place: "WASHINGTON", Agency: "Reuters", End: 23},
		Text:     "WASHINGTON (Reuters) - Body one.", Source: "x.jsonl:1",
	}, a)

	b := items[1].Article
	assert.Equal(t, "x.jsonl:3", b.Source, "blank line 2 still counts")
	assert.Equal(t, "2017-03-21", b.Published, "RFC 3339 keeps its local date")
	assert.Equal(t, "Body two.\nSecond paragraph.", b.Text)
	assert.Equal(t, ID(whosaid.Article{URL: "https://e.example/b"}), b.ID, "id from the URL, tracking dropped")
	assert.Equal(t, "https://e.example/b?utm_source=x", b.URL, "URL kept as given")

	assert.Equal(t, "Body three.", items[2].Article.Text)
	assert.Equal(t, "h"+hash16("Body three."), items[2].Article.ID)
	assert.Equal(t, "42", items[3].Article.ID)

	h := items[4].Article
	assert.Equal(t, "Line title", h.Title, "line fields win")
	assert.Equal(t, "Line Byline", h.Byline)
	assert.Equal(t, "2024-01-02", h.Published)
	assert.Equal(t, "Page Outlet", h.Outlet, "page fills what the line leaves out")
	assert.Equal(t, "PARIS (AFP) - From HTML.", h.Text)
	assert.Equal(t, "PARIS", h.Dateline.Place)
	assert.Equal(t, "x.jsonl:6", h.Source)

	assert.Equal(t, "Empty text, so the html is read.", items[5].Article.Text)
}

func TestReadJSONLBadLines(t *testing.T) {
	lines := []string{
		`{"text":"good one"}`,                        // 1
		`{"text":"truncated`,                         // 2
		`{"title":"no body"}`,                        // 3
		`[1,2,3]`,                                    // 4
		`{"text":"ok"} trailing`,                     // 5
		`{"text":5}`,                                 // 6
		"{\"text\":\"caf\xe9\"}",                     // 7
		`{"text":"   "}`,                             // 8
		`{"text":"nul \u0000 inside"}`,               // 9
		`{"text":"x","published":"21/03/2017"}`,      // 10
		`{"id":{"a":1},"text":"x"}`,                  // 11
		`{"html":"<nav><p>Home</p></nav>"}`,          // 12
		`{"text":"` + strings.Repeat("a", 50) + `"}`, // 13: over the limit below
		`{"text":"good two"}`,                        // 14
		`{"text":"no final newline"}`,                // 15
	}
	items := readLines(t, strings.Join(lines, "\n"), 40)
	want := []struct {
		line int
		err  error
		msg  string
	}{
		{0, nil, ""},
		{2, ErrInvalidJSON, "x.jsonl:2: invalid JSON: unexpected end of JSON input"},
		{3, ErrNoText, `x.jsonl:3: no article text: neither "text" nor "html"`},
		{4, ErrInvalidJSON, "x.jsonl:4: invalid JSON: not an object"},
		{5, ErrInvalidJSON, "x.jsonl:5: invalid JSON: invalid character 't' after top-level value"},
		{6, ErrInvalidJSON, `x.jsonl:6: invalid JSON: field "text": want string, got number`},
		{0, nil, ""}, // Windows-1252, decoded
		{8, ErrEmpty, "x.jsonl:8: empty input"},
		{9, ErrBinary, "x.jsonl:9: binary data, not text"},
		{10, ErrDate, `x.jsonl:10: invalid published date "21/03/2017": want YYYY-MM-DD or RFC 3339`},
		{11, ErrInvalidJSON, `x.jsonl:11: invalid JSON: field "id": want a string or a number`},
		{12, ErrNoText, "x.jsonl:12: no article text"},
		{13, ErrTooLarge, "x.jsonl:13: too large: over the 40 byte limit"},
		{0, nil, ""},
		{0, nil, ""},
	}
	require.Len(t, items, len(want), summary(items))
	for i, w := range want {
		it := items[i]
		if w.err == nil {
			assert.NoError(t, it.Err, "item %d", i)
			continue
		}
		assert.ErrorIs(t, it.Err, w.err, "item %d", i)
		assert.EqualError(t, it.Err, w.msg)
		var ce *Error
		if assert.True(t, errors.As(it.Err, &ce)) {
			assert.Equal(t, "x.jsonl", ce.Source)
			assert.Equal(t, w.line, ce.Line)
		}
	}
	assert.Equal(t, "good one", items[0].Article.Text)
	assert.Equal(t, "café", items[6].Article.Text)
	assert.Equal(t, "x.jsonl:14", items[13].Article.Source)
	assert.Equal(t, "no final newline", items[14].Article.Text)
}

func TestReadJSONLReadError(t *testing.T) {
	r := iotest.DataErrReader(strings.NewReader("{\"text\":\"a\"}\n{\"text\":"))
	var items []Item
	boom := iotest.ErrReader(errors.New("disk on fire"))
	err := ReadJSONL(context.Background(), "x.jsonl", ioMulti(r, boom), func(it Item) error {
		items = append(items, it)
		return nil
	})
	require.NoError(t, err)
	require.Len(t, items, 2)
	assert.Equal(t, "a", items[0].Article.Text)
	assert.EqualError(t, items[1].Err, "x.jsonl:2: read: disk on fire")
}

func TestReadJSONLStops(t *testing.T) {
	input := strings.Repeat(`{"text":"a"}`+"\n", 10)
	stop := errors.New("stop")
	n := 0
	err := ReadJSONL(context.Background(), "x.jsonl", strings.NewReader(input), func(Item) error {
		n++
		if n == 3 {
			return stop
		}
		return nil
	})
	assert.ErrorIs(t, err, stop)
	assert.Equal(t, 3, n)

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	err = ReadJSONL(ctx, "x.jsonl", strings.NewReader(input), func(Item) error { return nil })
	assert.ErrorIs(t, err, context.Canceled)
}

func FuzzReadJSONL(f *testing.F) {
	f.Add([]byte(`{"id":"a","url":"https://e.example/a","title":"T","published":"2017-03-21","text":"WASHINGTON (Reuters) - x"}` + "\n"))
	f.Add([]byte(`{"html":"<p>TOKYO, March 3 (AP) — y</p>","published":"2017-03-21T10:00:00+09:00"}` + "\n\n" + `{"text":`))
	f.Add([]byte("{\"text\":\"\\u0000\"}\r\n{\"text\":\"caf\xe9\"}\n[]\nnull\n{}"))
	f.Add([]byte(`{"id":1e400,"text":"x"}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		err := readJSONL(context.Background(), "f.jsonl", strings.NewReader(string(data)), 1<<16, func(it Item) error {
			if (it.Err == nil) == (it.Article.Text == "") {
				t.Fatalf("exactly one of Article and Err must be set: %+v", it)
			}
			if it.Err != nil {
				var ce *Error
				if !errors.As(it.Err, &ce) || ce.Line < 1 || ce.Source != "f.jsonl" {
					t.Fatalf("bad error %v", it.Err)
				}
				return nil
			}
			a := it.Article
			if !utf8.ValidString(a.Text) || a.ID == "" || !strings.HasPrefix(a.Source, "f.jsonl:") {
				t.Fatalf("bad article %+v", a)
			}
			if a.Published != "" && len(a.Published) != 10 {
				t.Fatalf("published %q", a.Published)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	})
}
