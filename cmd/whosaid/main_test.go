package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/whosaid/whosaid"
)

// whosaidRun runs the command in-process with its own streams and returns
// what it printed and its exit code.
func whosaidRun(tb testing.TB, stdin string, args ...string) (stdout, stderr string, code int) {
	tb.Helper()
	var out, errOut bytes.Buffer
	e := &env{stdin: strings.NewReader(stdin), stdout: &out, stderr: &errOut}
	code = run(context.Background(), e, args)
	return out.String(), errOut.String(), code
}

// seedText is the Reuters NATO story of the project's gold set.
func seedText(tb testing.TB) string {
	tb.Helper()
	b, err := os.ReadFile("../../testdata/gold/reuters-nato-tillerson.json")
	require.NoError(tb, err)
	var g struct{ Text string }
	require.NoError(tb, json.Unmarshal(b, &g))
	return g.Text
}

func TestUsage(t *testing.T) {
	_, stderr, code := whosaidRun(t, "")
	assert.Equal(t, 2, code)
	assert.Contains(t, stderr, "ingest")
	_, stderr, code = whosaidRun(t, "", "frobnicate")
	assert.Equal(t, 2, code)
	assert.Contains(t, stderr, `unknown command "frobnicate"`)
	_, _, code = whosaidRun(t, "", "quotes", "--format", "yaml")
	assert.Equal(t, 2, code)
	_, _, code = whosaidRun(t, "", "ingest", "-h")
	assert.Equal(t, 0, code)
}

func TestIngestQueryExport(t *testing.T) {
	db := filepath.Join(t.TempDir(), "w.db")
	_, stderr, code := whosaidRun(t, "", "ingest", "--db", db, "../../testdata/articles")
	require.Equal(t, 0, code, stderr)
	assert.Contains(t, stderr, "ingested 15 articles (15 new")

	out, stderr, code := whosaidRun(t, "", "quotes", "--db", db, "--format", "json")
	require.Equal(t, 0, code, stderr)
	var quotes []map[string]any
	require.NoError(t, json.Unmarshal([]byte(out), &quotes))
	require.NotEmpty(t, quotes)
	for _, q := range quotes {
		assert.NotEmpty(t, q["text"])
		assert.Contains(t, q, "speaker")
		assert.NotEmpty(t, q["article_id"])
	}

	t.Run("re-ingest adds nothing", func(t *testing.T) {
		_, stderr, code := whosaidRun(t, "", "ingest", "--db", db, "../../testdata/articles")
		require.Equal(t, 0, code, stderr)
		assert.Contains(t, stderr, "ingested 15 articles (0 new, 15 already stored")
		again, _, _ := whosaidRun(t, "", "quotes", "--db", db, "--format", "json")
		assert.JSONEq(t, out, again)
	})

	t.Run("paging", func(t *testing.T) {
		out, _, code := whosaidRun(t, "", "quotes", "--db", db, "--format", "json", "--limit", "2", "--offset", "1")
		require.Equal(t, 0, code)
		var page []map[string]any
		require.NoError(t, json.Unmarshal([]byte(out), &page))
		require.Len(t, page, 2)
		assert.Equal(t, quotes[1]["text"], page[0]["text"])
	})

	t.Run("speaker and search filters", func(t *testing.T) {
		out, _, code := whosaidRun(t, "", "quotes", "--db", db, "--format", "json", "--search", `"; DROP TABLE quotes; --`)
		require.Equal(t, 0, code)
		assert.JSONEq(t, "[]", out)
		out, _, code = whosaidRun(t, "", "quotes", "--db", db, "--format", "json", "--speaker", "linkevicius")
		require.Equal(t, 0, code)
		var got []map[string]any
		require.NoError(t, json.Unmarshal([]byte(out), &got))
		for _, q := range got {
			assert.Equal(t, "Linas Linkevicius", q["speaker"])
		}
	})

	t.Run("exports agree with the database", func(t *testing.T) {
		dir := t.TempDir()
		for _, format := range []string{"jsonl", "csv", "quotebank"} {
			path := filepath.Join(dir, "quotes."+format)
			_, stderr, code := whosaidRun(t, "", "export", "--db", db, "--format", format, "--out", path)
			require.Equal(t, 0, code, stderr)
			data, err := os.ReadFile(path)
			require.NoError(t, err)
			switch format {
			case "jsonl":
				lines := strings.Split(strings.TrimSpace(string(data)), "\n")
				require.Len(t, lines, len(quotes))
				for i, l := range lines {
					var r exportRecord
					require.NoError(t, json.Unmarshal([]byte(l), &r))
					assert.Equal(t, quotes[i]["text"], r.Quote)
					assert.Equal(t, quotes[i]["article_id"], r.ArticleID)
					assert.NotEmpty(t, r.Context)
				}
			case "csv":
				recs, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
				require.NoError(t, err)
				require.Len(t, recs, len(quotes)+1)
				assert.Equal(t, exportHeader, recs[0])
				assert.Equal(t, quotes[0]["text"], recs[1][1])
			case "quotebank":
				n := 0
				for _, l := range strings.Split(strings.TrimSpace(string(data)), "\n") {
					var r map[string]any
					require.NoError(t, json.Unmarshal([]byte(l), &r))
					n += int(r["numOccurrences"].(float64))
					assert.NotEmpty(t, r["quoteID"])
				}
				assert.Equal(t, len(quotes), n)
			}
		}
	})

	t.Run("show, speakers, claims, targets", func(t *testing.T) {
		out, _, _ := whosaidRun(t, "", "quotes", "--db", db, "--format", "json", "--speaker", "Linkevicius")
		var got []map[string]any
		require.NoError(t, json.Unmarshal([]byte(out), &got))
		require.NotEmpty(t, got)
		out, stderr, code := whosaidRun(t, "", "show", "--db", db, got[0]["article_id"].(string))
		require.Equal(t, 0, code, stderr)
		assert.Contains(t, out, "Linas Linkevicius")
		assert.Contains(t, out, "No doubts about that")
		_, stderr, code = whosaidRun(t, "", "show", "--db", db, "no-such-article")
		assert.Equal(t, 1, code)
		assert.Contains(t, stderr, "no-such-article")
		for _, cmd := range []string{"speakers", "claims", "targets"} {
			out, stderr, code := whosaidRun(t, "", cmd, "--db", db, "--format", "json")
			require.Equal(t, 0, code, stderr)
			var rows []map[string]any
			require.NoError(t, json.Unmarshal([]byte(out), &rows), cmd)
			assert.NotEmpty(t, rows, cmd)
		}
	})
}

func TestIngestBadInput(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) {
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644))
	}
	write("empty.txt", "")
	write("binary.txt", "\x00\x01\x02ELF\x00\x00garbage")
	write("latin.txt", "Caf\xe9 owners said prices rose.")
	write("batch.jsonl", `{"id":"a1","published":"2024-01-02","text":"PARIS (AFP) - \"We will win,\" Marie Dupont said on Monday."}
{"id":"a2", "text": broken
{"id":"a3","text":"Officials said the talks would resume in March."}
`)
	write("good.txt", "LONDON (Reuters) - Britain's finance minister said on Tuesday the economy would grow.")
	db := filepath.Join(t.TempDir(), "w.db")
	_, stderr, code := whosaidRun(t, "", "ingest", "--db", db, dir)
	assert.Equal(t, 1, code)
	for _, want := range []string{"empty.txt", "binary.txt", "batch.jsonl:2", "ingested 4 articles", "3 of 7 inputs skipped"} {
		assert.Contains(t, stderr, want)
	}
	assert.NotContains(t, stderr, "latin.txt", "Latin-1 text is read as such, not dropped")
	out, _, code := whosaidRun(t, "", "show", "--db", db, "--format", "json", "a3")
	require.Equal(t, 0, code)
	var f whosaid.Findings
	require.NoError(t, json.Unmarshal([]byte(out), &f))
	assert.Equal(t, "a3", f.Article.ID)
}

func TestExtractJSONLines(t *testing.T) {
	in := `{"id":"x1","published":"2017-03-21","text":"Jim Mattis said last month the United States might “moderate” its support."}
{"id":"x2","text":"Nothing to see here."}
`
	out, stderr, code := whosaidRun(t, in, "extract")
	require.Equal(t, 0, code, stderr)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	require.Len(t, lines, 2)
	var f whosaid.Findings
	require.NoError(t, json.Unmarshal([]byte(lines[0]), &f))
	assert.Equal(t, "x1", f.Article.ID)
}

// A user running `whosaid ingest .` keeps whosaid.db in the folder being
// read: the database and its journal must not be read as articles.
func TestIngestFolderHoldingTheDatabase(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "story.txt"), []byte(seedText(t)), 0o644))
	db := filepath.Join(dir, "whosaid.db")
	for range 2 {
		_, stderr, code := whosaidRun(t, "", "ingest", "--db", db, dir)
		require.Equal(t, 0, code, stderr)
		assert.NotContains(t, stderr, "whosaid.db")
	}
}

func TestUsageErrorsSayWhatIsWrong(t *testing.T) {
	for _, cmd := range []string{"quotes", "claims", "speakers", "targets", "show"} {
		_, stderr, code := whosaidRun(t, "", cmd, "--format", "xml", "x")
		assert.Equal(t, 2, code, cmd)
		assert.Contains(t, stderr, `unknown --format "xml"`, cmd)
	}
}

func TestIngestStdin(t *testing.T) {
	db := filepath.Join(t.TempDir(), "w.db")
	in := `{"id":"s1","published":"2024-05-02","text":"LONDON (Reuters) - “We are ready,” Finance Minister Ana Ruiz said on Thursday."}` + "\n"
	_, stderr, code := whosaidRun(t, in, "ingest", "--db", db, "-")
	require.Equal(t, 0, code, stderr)
	out, _, code := whosaidRun(t, "", "quotes", "--db", db, "--format", "json")
	require.Equal(t, 0, code)
	assert.Contains(t, out, "We are ready,")
	assert.Contains(t, out, "Ana Ruiz")
}

// TestIngestExtractOutput stores `whosaid extract` output as ingest would
// have stored the articles themselves, without extracting them again: the
// way to run extraction in another batch engine (docs/scale-out.md). A
// line whose spans leave the text is refused, naming the file and line.
func TestIngestExtractOutput(t *testing.T) {
	// The wire samples and the gold stories: people met under several
	// forms of their names, which the store links by the readings
	// Complete gives back.
	dir := t.TempDir()
	articles := filepath.Join(dir, "articles.jsonl")
	wires, err := os.ReadFile("../../testdata/articles/wires.jsonl")
	require.NoError(t, err)
	golds, err := filepath.Glob("../../testdata/gold/*.json")
	require.NoError(t, err)
	for _, g := range golds {
		var a struct{ ID, Published, Text string }
		data, err := os.ReadFile(g)
		require.NoError(t, err)
		require.NoError(t, json.Unmarshal(data, &a))
		line, err := json.Marshal(map[string]string{"id": a.ID, "published": a.Published, "text": a.Text})
		require.NoError(t, err)
		wires = append(append(wires, line...), '\n')
	}
	require.NoError(t, os.WriteFile(articles, wires, 0o644))
	findings, stderr, code := whosaidRun(t, "", "extract", articles)
	require.Equal(t, 0, code, stderr)
	bad := strings.Replace(strings.SplitN(findings, "\n", 2)[0], `"start":0,`, `"start":-7,`, 1)
	bad = strings.Replace(bad, `"id":"`, `"id":"bad-`, 1)
	require.Contains(t, bad, `"start":-7,`)
	path := filepath.Join(dir, "findings.jsonl")
	require.NoError(t, os.WriteFile(path, []byte(findings+bad+"\n"), 0o644))

	direct, fromFindings := filepath.Join(dir, "direct.db"), filepath.Join(dir, "findings.db")
	_, stderr, code = whosaidRun(t, "", "ingest", "--quiet", "--db", direct, articles)
	require.Equal(t, 0, code, stderr)
	_, stderr, code = whosaidRun(t, "", "ingest", "--quiet", "--db", fromFindings, path)
	assert.Equal(t, 1, code, "a refused line makes the run exit 1")
	lines := strings.Count(findings, "\n")
	assert.Contains(t, stderr, fmt.Sprintf("findings.jsonl:%d", lines+1))
	assert.Contains(t, stderr, "is not inside the text")

	for _, cmd := range [][]string{{"quotes"}, {"claims"}, {"speakers"}, {"targets"}, {"quotes", "--speaker", "Kuramochi"},
		{"quotes", "--speaker", "Mrs Pell"}, {"claims", "--speaker", "librarian Claire Vasseur"}} {
		args := append(append([]string{}, cmd...), "--format", "json", "--db")
		want, _, code := whosaidRun(t, "", append(args, direct)...)
		require.Equal(t, 0, code)
		got, _, code := whosaidRun(t, "", append(args, fromFindings)...)
		require.Equal(t, 0, code)
		require.NotEqual(t, "[]\n", want, cmd)
		assert.JSONEq(t, want, got, "%v", cmd)
	}
}
