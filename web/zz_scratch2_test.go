package web

import (
	"context"
	"net/http/httptest"
	"os"
	"os/exec"
	"testing"

	"github.com/whosaid/whosaid/store"
)

func TestZZShot(t *testing.T) {
	ctx := context.Background()
	db, err := store.OpenReadOnly(ctx, os.Getenv("WEB_DB"))
	if err != nil {
		t.Fatal(err)
	}
	s, _ := New(db)
	srv := httptest.NewServer(s)
	defer srv.Close()
	for i, u := range []string{"/", "/quotes?q=nato", "/speakers/1", "/articles/" + os.Getenv("ART")} {
		dir := t.TempDir()
		out, err := exec.Command("chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--user-data-dir="+dir, "--window-size=1200,900", "--screenshot=/tmp/h9/shot"+string(rune('0'+i))+".png", srv.URL+u).CombinedOutput()
		t.Log(string(out), err)
	}
}
