package web

import (
	"bytes"
	"context"
	"flag"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var updateScreenshot = flag.Bool("update-screenshot", false, "rewrite ../docs/explorer.png from the browser test")

// chromium finds Debian's headless-capable Chromium. Without it the browser
// test is skipped, except in CI (CI=true), where .ci/run installs it and a
// missing browser must fail rather than pass silently.
func chromium(tb testing.TB) string {
	tb.Helper()
	for _, name := range []string{"chromium", "chromium-browser"} {
		if path, err := exec.LookPath(name); err == nil {
			return path
		}
	}
	if os.Getenv("CI") == "true" {
		tb.Fatal("chromium is not installed; .ci/run installs it (apt-get install chromium)")
	}
	tb.Skip("chromium is not installed (apt-get install chromium): skipping the browser test")
	return ""
}

// browse loads url in headless Chromium and returns the DOM after the page
// has loaded, as Chromium serialises it. extra flags may ask for a
// screenshot. Every run gets its own profile folder and no network besides
// the test server.
func browse(tb testing.TB, bin, url string, extra ...string) string {
	tb.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	args := append([]string{"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--disable-dev-shm-usage", "--user-data-dir=" + tb.TempDir()}, extra...)
	if len(extra) == 0 {
		args = append(args, "--dump-dom")
	}
	args = append(args, url)
	cmd := exec.CommandContext(ctx, bin, args...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		tb.Fatalf("chromium %s: %v\n%s", url, err, stderr.String())
	}
	return stdout.String()
}

// TestBrowser drives the explorer in a real browser: it searches, follows
// the first speaker link of the results to the speaker page, follows a link
// from there to the article, and checks what each page shows.
func TestBrowser(t *testing.T) {
	bin := chromium(t)
	s, _ := testServer(t)
	srv := httptest.NewServer(s) // listens on 127.0.0.1, a free port
	defer srv.Close()

	// Search, as the form on the home page sends it.
	home := browse(t, bin, srv.URL+"/")
	require.Contains(t, home, `action="/quotes"`)
	results := browse(t, bin, srv.URL+"/quotes?q=doubts")
	assert.Contains(t, results, "No doubts about that")
	assert.Contains(t, results, `value="doubts"`)
	speakerLink := regexp.MustCompile(`<a class="speaker" href="(/speakers/\d+)">([^<]+)</a>`).FindStringSubmatch(results)
	require.NotNil(t, speakerLink, "a speaker link in the results")
	assert.Equal(t, "Linas Linkevicius", speakerLink[2])

	// Follow it.
	speaker := browse(t, bin, srv.URL+speakerLink[1])
	assert.Contains(t, speaker, `<h1 class="speaker-name">Linas Linkevicius</h1>`)
	assert.Contains(t, speaker, "Lithuanian Foreign Minister")
	assert.Contains(t, speaker, "Over time")
	assert.Contains(t, speaker, "<meter")
	assert.Contains(t, speaker, "No doubts about that")
	articleLink := regexp.MustCompile(`<a class="article" href="(/articles/[^"#]+)#(q-\d+)">`).FindStringSubmatch(speaker)
	require.NotNil(t, articleLink, "an article link on the speaker page")

	// And on to the article, where the quote is highlighted where it stands.
	article := browse(t, bin, srv.URL+articleLink[1])
	assert.Contains(t, article, `<mark class="quote" id="`+articleLink[2]+`"`)
	assert.Contains(t, article, `href="`+speakerLink[1]+`"`, "the speaker's name links back")
	assert.True(t, strings.Count(article, "<mark class=\"entity") > 5, "entities highlighted")

	if *updateScreenshot {
		shot := filepath.Join(t.TempDir(), "explorer.png")
		browse(t, bin, srv.URL+articleLink[1], "--hide-scrollbars", "--window-size=1200,900", "--screenshot="+shot)
		data, err := os.ReadFile(shot)
		require.NoError(t, err)
		require.NoError(t, os.WriteFile("../docs/explorer.png", data, 0o644))
	}
}
