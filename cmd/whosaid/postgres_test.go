package main

import (
	"context"
	"encoding/json"
	"io"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/whosaid/whosaid/store/postgres"
	"github.com/whosaid/whosaid/store/postgres/pgtest"
	"github.com/whosaid/whosaid/web"
)

// TestPostgresAnswersAsSQLite ingests the sample articles into a SQLite
// file and a PostgreSQL database and requires every query command, every
// export format and the explorer's pages to print the same on both.
func TestPostgresAnswersAsSQLite(t *testing.T) {
	pg := pgtest.URL(t)
	lite := filepath.Join(t.TempDir(), "w.db")
	for _, db := range []string{lite, pg} {
		_, stderr, code := whosaidRun(t, "", "ingest", "--db", db, "../../testdata/articles")
		require.Equal(t, 0, code, stderr)
		require.Contains(t, stderr, "ingested 15 articles (15 new")
	}
	_, stderr, code := whosaidRun(t, "", "ingest", "--db", pg, "../../testdata/articles")
	require.Equal(t, 0, code, stderr)
	assert.Contains(t, stderr, "(0 new, 15 already stored", "a second ingest adds nothing")

	out, stderr, code := whosaidRun(t, "", "quotes", "--db", lite, "--format", "json")
	require.Equal(t, 0, code, stderr)
	var quotes []struct {
		ArticleID string `json:"article_id"`
		SpeakerID int64  `json:"speaker_id"`
	}
	require.NoError(t, json.Unmarshal([]byte(out), &quotes))
	require.NotEmpty(t, quotes)
	articles := map[string]bool{}
	for _, q := range quotes {
		articles[q.ArticleID] = true
	}

	var cmds [][]string
	for _, c := range []string{"quotes", "claims", "speakers", "targets"} {
		for _, f := range []string{"table", "json", "csv"} {
			cmds = append(cmds, []string{c, "--format", f})
		}
	}
	for _, c := range []string{"quotes", "claims"} {
		for _, filter := range [][]string{
			{"--search", "said"}, {"--search", `"the president"`}, {"--search", "defen*"},
			{"--search", "trade OR tariffs"}, {"--search", "-nothing"},
			{"--speaker", "trump"}, {"--country", "us"}, {"--entity", "NATO"}, {"--outlet", "reuters"},
			{"--from", "2017-01-01", "--to", "2017-12-31"}, {"--limit", "5", "--offset", "3"},
		} {
			cmds = append(cmds, append([]string{c, "--format", "json"}, filter...))
		}
	}
	cmds = append(cmds, []string{"speakers", "--limit", "7", "--format", "json"}, []string{"targets", "--limit", "2", "--offset", "1"})
	for id := range articles {
		cmds = append(cmds, []string{"show", id}, []string{"show", "--format", "json", id})
	}
	for _, f := range []string{"jsonl", "csv", "quotebank"} {
		cmds = append(cmds, []string{"export", "--format", f})
	}
	for _, args := range cmds {
		want, stderr, code := whosaidRun(t, "", append(args, "--db", lite)...)
		require.Equal(t, 0, code, "%v: %s", args, stderr)
		got, stderr, code := whosaidRun(t, "", append(args, "--db", pg)...)
		require.Equal(t, 0, code, "%v: %s", args, stderr)
		assert.Equal(t, want, got, "%v", args)
	}

	// parquet goes to a file
	dir := t.TempDir()
	for _, db := range []string{lite, pg} {
		name := "lite.parquet"
		if db == pg {
			name = "pg.parquet"
		}
		_, stderr, code := whosaidRun(t, "", "export", "--db", db, "--format", "parquet", "--out", filepath.Join(dir, name))
		require.Equal(t, 0, code, stderr)
	}
	a, err := os.ReadFile(filepath.Join(dir, "lite.parquet"))
	require.NoError(t, err)
	b, err := os.ReadFile(filepath.Join(dir, "pg.parquet"))
	require.NoError(t, err)
	assert.Equal(t, a, b, "parquet export")

	// whosaid serve: the explorer's pages
	ctx := context.Background()
	pages := []string{"/", "/quotes?q=said", "/quotes?speaker=trump", "/quotes?q=%22the+president%22&page=2"}
	for _, q := range quotes[:3] {
		pages = append(pages, "/articles/"+q.ArticleID, "/speakers/"+itoa64(q.SpeakerID))
	}
	var bodies [2]map[string]string
	for i, dsn := range []string{lite, pg} {
		db, err := openReader(ctx, dsn)
		require.NoError(t, err)
		h, err := web.New(db)
		require.NoError(t, err)
		bodies[i] = map[string]string{}
		for _, p := range pages {
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, httptest.NewRequest("GET", p, nil))
			body, _ := io.ReadAll(rec.Result().Body)
			require.Equal(t, 200, rec.Code, p)
			bodies[i][p] = string(body)
		}
		db.Close()
	}
	for _, p := range pages {
		assert.Equal(t, bodies[0][p], bodies[1][p], "page %s", p)
	}
}

func init() {
	// Test databases are copies of one migrated once per test binary.
	pgtest.Migrate = func(ctx context.Context, url string) error {
		db, err := postgres.Open(ctx, url)
		if err != nil {
			return err
		}
		return db.Close()
	}
}
