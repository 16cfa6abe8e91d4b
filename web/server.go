package web

import (
	"bytes"
	"context"
	"embed"
	"errors"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"log"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/store"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

// pageSize is how many quotes a listing shows per page.
const pageSize = 50

// Store is what the explorer reads: a SQLite store.DB or a PostgreSQL
// postgres.DB, opened read-only or not.
type Store interface {
	Counts(ctx context.Context) (store.Counts, error)
	Speakers(ctx context.Context, limit int) ([]store.SpeakerRow, error)
	Quotes(ctx context.Context, q store.QuoteQuery) ([]store.QuoteRow, error)
	Claims(ctx context.Context, q store.ClaimQuery) ([]store.ClaimRow, error)
	Profile(ctx context.Context, id int64, entities int) (store.Profile, error)
	Article(ctx context.Context, id string) (whosaid.Findings, error)
}

var _ Store = (*store.DB)(nil)

// Server is the explorer's http.Handler. It only reads the database.
type Server struct {
	db    Store
	pages map[string]*template.Template
	mux   *http.ServeMux
	// ErrorLog receives the errors behind 500 answers, which the visitor
	// sees only as "something went wrong". New sets it to discard them.
	ErrorLog *log.Logger
}

var _ http.Handler = (*Server)(nil)

// New returns the explorer over db, which may be opened read-only. It fails
// only if the embedded templates do not parse.
func New(db Store) (*Server, error) {
	s := &Server{db: db, pages: map[string]*template.Template{}, mux: http.NewServeMux(),
		ErrorLog: log.New(io.Discard, "", 0)}
	base, err := template.New("base").Funcs(funcs).ParseFS(templateFS, "templates/base.html")
	if err != nil {
		return nil, fmt.Errorf("parse templates: %w", err)
	}
	for _, name := range []string{"home", "quotes", "speaker", "article", "error"} {
		t, err := template.Must(base.Clone()).ParseFS(templateFS, "templates/"+name+".html")
		if err != nil {
			return nil, fmt.Errorf("parse templates: %w", err)
		}
		s.pages[name] = t
	}
	static, err := fs.Sub(staticFS, "static")
	if err != nil {
		return nil, fmt.Errorf("static files: %w", err)
	}
	s.mux.HandleFunc("GET /{$}", s.home)
	s.mux.HandleFunc("GET /quotes", s.quotes)
	s.mux.HandleFunc("GET /speakers/{id}", s.speaker)
	s.mux.HandleFunc("GET /articles/{id}", s.article)
	s.mux.Handle("GET /static/", http.StripPrefix("/static/", http.FileServerFS(static)))
	s.mux.HandleFunc("GET /", func(w http.ResponseWriter, r *http.Request) {
		s.fail(w, r, http.StatusNotFound, "There is no page at this address.")
	})
	return s, nil
}

// ServeHTTP sets the headers every answer shares and routes the request.
// The content security policy allows nothing but the explorer's own
// stylesheet: pages have no scripts, and text from articles can never turn
// into one.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Security-Policy", "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	s.mux.ServeHTTP(w, r)
}

// render executes a page into a buffer first, so that a template error
// becomes a clean 500 rather than half a page.
func (s *Server) render(w http.ResponseWriter, r *http.Request, status int, page string, data any) {
	var buf bytes.Buffer
	if err := s.pages[page].ExecuteTemplate(&buf, "base", data); err != nil {
		s.ErrorLog.Printf("render %s %s: %v", page, r.URL, err)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		w.Write(buf.Bytes())
	}
}

// errorPage is the data of the error page.
type errorPage struct {
	Title   string
	Status  int
	Message string
}

// fail answers with the error page.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, status int, msg string) {
	s.render(w, r, status, "error", errorPage{Title: http.StatusText(status), Status: status, Message: msg})
}

// failErr answers a store error: a missing thing is 404, a refused
// parameter 400 with the reason, anything else 500 with the details logged
// only.
func (s *Server) failErr(w http.ResponseWriter, r *http.Request, err error) {
	switch {
	case errors.Is(err, store.ErrNotFound):
		s.fail(w, r, http.StatusNotFound, "There is nothing stored under this id.")
	case errors.Is(err, store.ErrInvalid):
		s.fail(w, r, http.StatusBadRequest, err.Error())
	case r.Context().Err() != nil:
		// The visitor went away; nobody reads the answer.
	default:
		s.ErrorLog.Printf("%s: %v", r.URL, err)
		s.fail(w, r, http.StatusInternalServerError, "Something went wrong reading the database.")
	}
}

// pageParam reads the 1-based page number; anything unusable is page 1.
func pageParam(r *http.Request) int {
	p, err := strconv.Atoi(r.URL.Query().Get("page"))
	if err != nil || p < 1 || p > 1_000_000 {
		return 1
	}
	return p
}

// pager links the neighbours of a page of a listing.
type pager struct {
	Page int
	// First is the 1-based number of the page's first row.
	First      int
	Prev, Next string // URLs, empty at the ends
}

// newPager builds the links of page p, given whether more rows follow; the
// links keep every other query parameter of r.
func newPager(r *http.Request, p int, more bool) pager {
	link := func(n int) string {
		q := r.URL.Query()
		if n == 1 {
			q.Del("page")
		} else {
			q.Set("page", strconv.Itoa(n))
		}
		u := url.URL{Path: r.URL.Path, RawQuery: q.Encode()}
		return u.String()
	}
	pg := pager{Page: p, First: (p-1)*pageSize + 1}
	if p > 1 {
		pg.Prev = link(p - 1)
	}
	if more {
		pg.Next = link(p + 1)
	}
	return pg
}

// funcs are the helpers templates use.
var funcs = template.FuncMap{
	"join": strings.Join,
	"speakerName": func(name, kind string) string {
		if name == "" {
			return "(unknown speaker)"
		}
		return name
	},
	"entityHref": entityHref,
	"lower":      strings.ToLower,
	"add":        func(a, b int) int { return a + b },
}

// entityHref links an entity to the quotes from articles naming it, by
// country code for countries (so spellings agree) and by name otherwise.
func entityHref(typ, name, code string) string {
	if typ == "COUNTRY" && code != "" {
		return "/quotes?country=" + url.QueryEscape(code)
	}
	return "/quotes?entity=" + url.QueryEscape(name)
}
