package corpus

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// DefaultUserAgent names whosaid to the sites it fetches from, with a page
// where their operators can find out what it is.
const DefaultUserAgent = "whosaid/0.1 (+https://github.com/whosaid/whosaid)"

// robotsAgent is the name matched against robots.txt User-agent lines.
const robotsAgent = "whosaid"

// Fetching errors, wrapped in *Error like the other input errors.
var (
	// ErrDisallowed: robots.txt forbids whosaid the URL.
	ErrDisallowed = errors.New("disallowed by robots.txt")
	// ErrNotModified: the server answered 304 to a conditional GET: the
	// page is as it was at the last fetch, whose article is already
	// stored. Callers count it as unchanged, not as a failure.
	ErrNotModified = errors.New("not modified since the last fetch")
)

// HTTPError is a response that is not a page: a status other than 2xx or
// 304, after any retries.
type HTTPError struct {
	Status int
	// Attempts is how many requests were made before giving up.
	Attempts int
}

// Error words the status as "HTTP 404 Not Found".
func (e *HTTPError) Error() string {
	msg := fmt.Sprintf("HTTP %d %s", e.Status, http.StatusText(e.Status))
	if e.Attempts > 1 {
		msg += fmt.Sprintf(" (after %d attempts)", e.Attempts)
	}
	return msg
}

// FetchCache remembers the validators of earlier fetches, so that a re-run
// sends conditional GETs and downloads only what changed. It is declared
// here, where it is used; the store implements it over its fetches table.
type FetchCache interface {
	// GetFetch returns the ETag and Last-Modified last seen for url; ok is
	// false when url was never fetched.
	GetFetch(ctx context.Context, url string) (etag, lastModified string, ok bool, err error)
	// PutFetch records the outcome of fetching url: its HTTP status and
	// validators (empty when the server sent none).
	PutFetch(ctx context.Context, url, etag, lastModified string, status int) error
}

// Page is a fetched response body.
type Page struct {
	// URL is the address asked for; FinalURL the one answered, after
	// redirects.
	URL, FinalURL string
	Status        int
	ContentType   string
	Body          []byte
	ETag          string
	LastModified  string
}

// FetchStats counts what a Fetcher did, for summaries and tests.
type FetchStats struct {
	Requests    int64 // HTTP requests sent, robots.txt and retries included
	Fetched     int64 // pages downloaded (2xx)
	NotModified int64 // conditional GETs answered 304
	Retries     int64 // requests repeated after a failure
	Failed      int64 // URLs given up on
	Disallowed  int64 // URLs robots.txt forbids
}

// Fetcher downloads pages politely enough for batch use: it asks each host's
// robots.txt first, limits the requests in flight to one host and spaces
// them out, retries network errors, 429 and 5xx with exponential backoff
// (honouring Retry-After), times each request out, refuses bodies over a
// size limit and schemes other than http and https, and sends conditional
// GETs from Cache. The zero value is ready to use with the defaults below;
// a Fetcher must not be copied after first use. It is safe for concurrent
// use.
type Fetcher struct {
	// Client sends the requests. Nil means a client that follows up to 10
	// redirects, to http and https URLs only.
	Client *http.Client
	// UserAgent is sent with every request. Empty means DefaultUserAgent.
	UserAgent string
	// PerHost caps the requests in flight to one host. Zero means 2.
	PerHost int
	// Delay is the least time between the starts of two requests to one
	// host (a longer robots.txt Crawl-delay wins). Zero means 1 s; a
	// negative value means none.
	Delay time.Duration
	// Timeout bounds one request, body included. Zero means 30 s.
	Timeout time.Duration
	// Retries is how many times a failed request is repeated. Zero means
	// 3; a negative value means none.
	Retries int
	// Backoff is the wait before the first retry; it doubles for each one
	// after, up to MaxBackoff. Zero means 1 s.
	Backoff time.Duration
	// MaxBackoff caps a wait between retries, Retry-After included. Zero
	// means 1 minute.
	MaxBackoff time.Duration
	// MaxSize is the largest body read, in bytes. Zero means MaxSize.
	MaxSize int64
	// Concurrency caps the pages of one feed or sitemap fetched at once
	// (PerHost still holds per host). Zero means 8.
	Concurrency int
	// Cache, when set, supplies and records validators for conditional
	// GETs.
	Cache FetchCache

	once   sync.Once
	client *http.Client
	mu     sync.Mutex
	hosts  map[string]*hostState
	robots map[string]*robotsEntry
	stats  struct{ requests, fetched, notModified, retries, failed, disallowed atomic.Int64 }
}

// Stats returns the counts so far.
func (f *Fetcher) Stats() FetchStats {
	return FetchStats{
		Requests:    f.stats.requests.Load(),
		Fetched:     f.stats.fetched.Load(),
		NotModified: f.stats.notModified.Load(),
		Retries:     f.stats.retries.Load(),
		Failed:      f.stats.failed.Load(),
		Disallowed:  f.stats.disallowed.Load(),
	}
}

func (f *Fetcher) init() {
	f.once.Do(func() {
		f.client = f.Client
		if f.client == nil {
			f.client = &http.Client{CheckRedirect: checkRedirect}
		}
		f.hosts = make(map[string]*hostState)
		f.robots = make(map[string]*robotsEntry)
	})
}

// checkRedirect keeps redirects on http and https, at most 10 deep.
func checkRedirect(req *http.Request, via []*http.Request) error {
	if len(via) >= 10 {
		return errors.New("stopped after 10 redirects")
	}
	if err := checkScheme(req.URL); err != nil {
		return err
	}
	return nil
}

func checkScheme(u *url.URL) error {
	if u.Scheme != "http" && u.Scheme != "https" {
		return fmt.Errorf("%w: scheme %q (only http and https are fetched)", ErrUnsupported, u.Scheme)
	}
	if u.Host == "" {
		return fmt.Errorf("%w: URL without a host", ErrUnsupported)
	}
	return nil
}

func (f *Fetcher) userAgent() string { return orDefault(f.UserAgent, DefaultUserAgent) }
func (f *Fetcher) perHost() int      { return positiveOr(f.PerHost, 2) }
func (f *Fetcher) timeout() time.Duration {
	return positiveOr(f.Timeout, 30*time.Second)
}
func (f *Fetcher) concurrency() int { return positiveOr(f.Concurrency, 8) }
func (f *Fetcher) maxSize() int64   { return positiveOr(f.MaxSize, MaxSize) }
func (f *Fetcher) delay() time.Duration {
	if f.Delay < 0 {
		return 0
	}
	return positiveOr(f.Delay, time.Second)
}
func (f *Fetcher) retries() int {
	if f.Retries < 0 {
		return 0
	}
	return positiveOr(f.Retries, 3)
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

func positiveOr[T int | int64 | time.Duration](v, def T) T {
	if v > 0 {
		return v
	}
	return def
}

// Fetch downloads rawURL. It returns ErrDisallowed when robots.txt forbids
// it, ErrNotModified when a conditional GET was answered 304, an
// *HTTPError for other non-2xx answers, ErrTooLarge for a body over
// MaxSize, ErrUnsupported for a scheme other than http or https, or the
// network error of the last attempt. The new validators are recorded in
// Cache.
func (f *Fetcher) Fetch(ctx context.Context, rawURL string) (*Page, error) {
	p, err := f.fetch(ctx, rawURL, true)
	if err == nil {
		err = f.remember(ctx, p)
	}
	return p, err
}

// fetch is Fetch without recording the validators, so that a feed's are
// recorded only once its articles are in (see Walker.walkURL). With
// conditional false it sends no validators.
func (f *Fetcher) fetch(ctx context.Context, rawURL string, conditional bool) (*Page, error) {
	f.init()
	u, err := url.Parse(strings.TrimSpace(rawURL))
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrUnsupported, err)
	}
	if err := checkScheme(u); err != nil {
		return nil, err
	}
	if ok, err := f.allowed(ctx, u); err != nil {
		return nil, err
	} else if !ok {
		f.stats.disallowed.Add(1)
		return nil, ErrDisallowed
	}
	var etag, lastMod string
	if conditional && f.Cache != nil {
		var found bool
		etag, lastMod, found, err = f.Cache.GetFetch(ctx, u.String())
		if err != nil {
			return nil, fmt.Errorf("fetch cache: %w", err)
		}
		if !found {
			etag, lastMod = "", ""
		}
	}
	p, err := f.get(ctx, u, etag, lastMod)
	switch {
	case err == nil:
		f.stats.fetched.Add(1)
	case errors.Is(err, ErrNotModified):
		f.stats.notModified.Add(1)
		if f.Cache != nil {
			if perr := f.Cache.PutFetch(ctx, u.String(), etag, lastMod, http.StatusNotModified); perr != nil {
				return nil, fmt.Errorf("fetch cache: %w", perr)
			}
		}
	case ctx.Err() == nil:
		f.stats.failed.Add(1)
	}
	return p, err
}

// remember records p's validators in Cache.
func (f *Fetcher) remember(ctx context.Context, p *Page) error {
	if f.Cache == nil || p == nil {
		return nil
	}
	if err := f.Cache.PutFetch(ctx, p.URL, p.ETag, p.LastModified, p.Status); err != nil {
		return fmt.Errorf("fetch cache: %w", err)
	}
	return nil
}

// get sends GET u until it succeeds, fails for good or runs out of retries.
func (f *Fetcher) get(ctx context.Context, u *url.URL, etag, lastMod string) (*Page, error) {
	backoff := positiveOr(f.Backoff, time.Second)
	maxBackoff := positiveOr(f.MaxBackoff, time.Minute)
	for attempt := 1; ; attempt++ {
		p, retryAfter, err := f.request(ctx, u, etag, lastMod)
		if err == nil || !retryable(err) || attempt > f.retries() || ctx.Err() != nil {
			var he *HTTPError
			if errors.As(err, &he) {
				he.Attempts = attempt
			}
			return p, err
		}
		wait := backoff << (attempt - 1)
		if retryAfter > wait {
			wait = retryAfter
		}
		if wait > maxBackoff || wait <= 0 {
			wait = maxBackoff
		}
		f.stats.retries.Add(1)
		if err := sleep(ctx, wait); err != nil {
			return nil, err
		}
	}
}

// request sends one request, holding a slot of u's host for its duration.
// retryAfter is the server's Retry-After, when it sent one.
func (f *Fetcher) request(ctx context.Context, u *url.URL, etag, lastMod string) (p *Page, retryAfter time.Duration, err error) {
	release, err := f.acquire(ctx, u.Host)
	if err != nil {
		return nil, 0, err
	}
	defer release()
	ctx, cancel := context.WithTimeout(ctx, f.timeout())
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, 0, fmt.Errorf("%w: %v", ErrUnsupported, err)
	}
	req.Header.Set("User-Agent", f.userAgent())
	req.Header.Set("Accept", "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/feed+json,application/xml;q=0.9,*/*;q=0.8")
	if etag != "" {
		req.Header.Set("If-None-Match", etag)
	}
	if lastMod != "" {
		req.Header.Set("If-Modified-Since", lastMod)
	}
	f.stats.requests.Add(1)
	resp, err := f.client.Do(req)
	if err != nil {
		return nil, 0, err
	}
	defer resp.Body.Close()
	switch {
	case resp.StatusCode == http.StatusNotModified && (etag != "" || lastMod != ""):
		return nil, 0, ErrNotModified
	case resp.StatusCode < 200 || resp.StatusCode > 299:
		io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10)) // reuse the connection
		return nil, parseRetryAfter(resp.Header.Get("Retry-After")), &HTTPError{Status: resp.StatusCode}
	}
	limit := f.maxSize()
	if resp.ContentLength > limit {
		return nil, 0, tooLarge(limit)
	}
	body, err := readAll(resp.Body, limit)
	if err != nil {
		return nil, 0, err
	}
	return &Page{
		URL:          u.String(),
		FinalURL:     resp.Request.URL.String(),
		Status:       resp.StatusCode,
		ContentType:  resp.Header.Get("Content-Type"),
		Body:         body,
		ETag:         resp.Header.Get("ETag"),
		LastModified: resp.Header.Get("Last-Modified"),
	}, 0, nil
}

// retryable tells failures worth another try (the network, a timeout, an
// overloaded or failing server) from those that will not change (a 404, a
// body too large, a bad URL).
func retryable(err error) bool {
	var he *HTTPError
	if errors.As(err, &he) {
		switch he.Status {
		case http.StatusTooManyRequests, http.StatusRequestTimeout, http.StatusInternalServerError,
			http.StatusBadGateway, http.StatusServiceUnavailable, http.StatusGatewayTimeout:
			return true
		}
		return false
	}
	if errors.Is(err, ErrTooLarge) || errors.Is(err, ErrUnsupported) || errors.Is(err, ErrNotModified) {
		return false
	}
	var ne net.Error
	var ue *url.Error
	return errors.As(err, &ne) || errors.As(err, &ue) || errors.Is(err, io.ErrUnexpectedEOF) ||
		errors.Is(err, context.DeadlineExceeded)
}

// parseRetryAfter reads Retry-After as seconds or an HTTP date.
func parseRetryAfter(v string) time.Duration {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0
	}
	if s, err := strconv.Atoi(v); err == nil && s >= 0 {
		return time.Duration(s) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil {
		return time.Until(t)
	}
	return 0
}

// sleep waits d or until ctx is done.
func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// hostState spaces and limits the requests to one host.
type hostState struct {
	slots chan struct{}
	mu    sync.Mutex
	next  time.Time     // earliest start of the next request
	delay time.Duration // between request starts
}

func (f *Fetcher) host(host string) *hostState {
	f.mu.Lock()
	defer f.mu.Unlock()
	h, ok := f.hosts[host]
	if !ok {
		h = &hostState{slots: make(chan struct{}, f.perHost()), delay: f.delay()}
		f.hosts[host] = h
	}
	return h
}

// acquire takes a request slot on host and waits out the delay since the
// last request started there. The returned func gives the slot back.
func (f *Fetcher) acquire(ctx context.Context, host string) (func(), error) {
	h := f.host(host)
	select {
	case h.slots <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	release := func() { <-h.slots }
	h.mu.Lock()
	now := time.Now()
	start := h.next
	if start.Before(now) {
		start = now
	}
	h.next = start.Add(h.delay)
	h.mu.Unlock()
	if wait := time.Until(start); wait > 0 {
		if err := sleep(ctx, wait); err != nil {
			release()
			return nil, err
		}
	}
	return release, nil
}

// setDelay raises host's delay to d (a robots.txt Crawl-delay).
func (f *Fetcher) setDelay(host string, d time.Duration) {
	h := f.host(host)
	h.mu.Lock()
	if d > h.delay {
		h.delay = d
	}
	h.mu.Unlock()
}
