package corpus

import (
	"context"
	"errors"
	"net/url"
	"time"

	"github.com/temoto/robotstxt"
)

// robotsEntry is one origin's robots.txt, fetched once per Fetcher.
type robotsEntry struct {
	ready chan struct{} // closed when data is set
	data  *robotstxt.RobotsData
}

// robotsMaxSize is the most of a robots.txt read: RFC 9309 asks crawlers
// to parse at least 500 KiB.
const robotsMaxSize = 512 << 10

// allowed reports whether robots.txt of u's origin lets whosaid fetch u.
// The file is fetched on first need, through the same politeness and
// retries as pages. As RFC 9309 says, a missing file (4xx) allows
// everything and an unreachable one (5xx or network failure, after the
// retries) forbids everything; a Crawl-delay for whosaid, or for every
// agent, lengthens the delay between requests to the host (up to a minute).
func (f *Fetcher) allowed(ctx context.Context, u *url.URL) (bool, error) {
	origin := u.Scheme + "://" + u.Host
	f.mu.Lock()
	e, ok := f.robots[origin]
	if !ok {
		e = &robotsEntry{ready: make(chan struct{})}
		f.robots[origin] = e
	}
	f.mu.Unlock()
	if !ok {
		e.data = f.fetchRobots(ctx, origin)
		close(e.ready)
	}
	select {
	case <-e.ready:
	case <-ctx.Done():
		return false, ctx.Err()
	}
	if ctx.Err() != nil {
		return false, ctx.Err()
	}
	if g := e.data.FindGroup(robotsAgent); g != nil && g.CrawlDelay > 0 {
		f.setDelay(u.Host, min(g.CrawlDelay, time.Minute))
	}
	path := u.EscapedPath()
	if path == "" {
		path = "/"
	}
	if u.RawQuery != "" {
		path += "?" + u.RawQuery
	}
	// TestAgent, not the group's Test: only it knows the allow-all and
	// disallow-all of a missing or unreachable file.
	return e.data.TestAgent(path, robotsAgent), nil
}

// fetchRobots downloads and parses origin's robots.txt.
func (f *Fetcher) fetchRobots(ctx context.Context, origin string) *robotstxt.RobotsData {
	u, _ := url.Parse(origin + "/robots.txt")
	p, err := f.getRobots(ctx, u)
	status, body := 0, []byte(nil)
	var he *HTTPError
	switch {
	case err == nil:
		status, body = p.Status, p.Body
	case errors.As(err, &he):
		status = he.Status
	default:
		status = 503 // unreachable: complete disallow
	}
	data, perr := robotstxt.FromStatusAndBytes(status, body)
	if perr != nil {
		// An unparseable file says nothing we can follow: allow, as for
		// a missing one.
		data, _ = robotstxt.FromStatusAndBytes(404, nil)
	}
	return data
}

// getRobots fetches robots.txt with the page retries. Only its first
// robotsMaxSize bytes are kept; a file over the page size limit is taken as
// empty, which allows everything, as a missing one does.
func (f *Fetcher) getRobots(ctx context.Context, u *url.URL) (*Page, error) {
	p, err := f.get(ctx, u, "", "")
	if errors.Is(err, ErrTooLarge) {
		return &Page{Status: 200}, nil
	}
	if err == nil && len(p.Body) > robotsMaxSize {
		p.Body = p.Body[:robotsMaxSize]
	}
	return p, err
}
