package main

import (
	"context"
	"fmt"
	"net"

	"github.com/whosaid/whosaid/web"
)

// runServe serves the explorer until ctx ends (Ctrl-C): read-only, so it can
// run beside an ingest into the same database.
func runServe(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "serve", "[flags]", "Serves the local web explorer over a database, read-only: search quotes, speaker\npages, articles with their findings highlighted. Stops cleanly on Ctrl-C.")
	dbPath := fs.String("db", "whosaid.db", dbUsage)
	addr := fs.String("addr", "127.0.0.1:8080", "listen on `host:port` (port 0 picks a free one)")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 0 {
		fs.Usage()
		return errUsage
	}
	db, err := openReader(ctx, *dbPath)
	if err != nil {
		return err
	}
	defer db.Close()
	h, err := web.New(db)
	if err != nil {
		return err
	}
	h.ErrorLog.SetOutput(e.stderr)
	h.ErrorLog.SetPrefix("whosaid serve: ")
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return fmt.Errorf("listen: %w", err)
	}
	fmt.Fprintf(e.stderr, "whosaid explorer on http://%s/ (Ctrl-C to stop)\n", ln.Addr())
	return web.Serve(ctx, ln, h)
}
