package web

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/whosaid/whosaid/store"
)

// homePage is the data of the home page.
type homePage struct {
	Title    string
	Counts   store.Counts
	Speakers []store.SpeakerRow
	Form     searchForm
}

// topSpeakers is how many speakers the home page lists.
const topSpeakers = 25

// home shows the search form, what the database holds and who is quoted most.
func (s *Server) home(w http.ResponseWriter, r *http.Request) {
	counts, err := s.db.Counts(r.Context())
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	speakers, err := s.db.Speakers(r.Context(), topSpeakers)
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "home", homePage{Title: "whosaid", Counts: counts, Speakers: speakers})
}

// searchForm is what a visitor can ask /quotes, as typed.
type searchForm struct {
	Q, Speaker, Entity, Country, Outlet, From, To string
}

// Any reports whether the form asks anything.
func (f searchForm) Any() bool { return f != searchForm{} }

// quotesPage is the data of the quote search page.
type quotesPage struct {
	Title  string
	Form   searchForm
	Quotes []store.QuoteRow
	Pager  pager
}

// quotes lists the quotes matching the search form, a page at a time. The
// store makes any text safe for full-text search; bad dates answer 400.
func (s *Server) quotes(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	f := searchForm{Q: q.Get("q"), Speaker: q.Get("speaker"), Entity: q.Get("entity"), Country: q.Get("country"),
		Outlet: q.Get("outlet"), From: q.Get("from"), To: q.Get("to")}
	page := pageParam(r)
	found, err := s.db.Quotes(r.Context(), store.QuoteQuery{Search: f.Q, Speaker: f.Speaker, Entity: f.Entity,
		Country: f.Country, Outlet: f.Outlet, From: f.From, To: f.To,
		Limit: pageSize + 1, Offset: (page - 1) * pageSize})
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	more := len(found) > pageSize
	if more {
		found = found[:pageSize]
	}
	title := "Quotes"
	if f.Q != "" {
		title = "Quotes matching " + f.Q
	}
	s.render(w, r, http.StatusOK, "quotes", quotesPage{Title: title, Form: f, Quotes: found, Pager: newPager(r, page, more)})
}

// speakerPage is the data of a speaker's page.
type speakerPage struct {
	Title   string
	Profile store.Profile
	// Max is the largest monthly count, the full length of the bars.
	Max    int
	Quotes []store.QuoteRow
	Claims []store.ClaimRow
	Pager  pager
}

// coEntities is how many co-mentioned entities a speaker page lists.
const coEntities = 24

// speakerClaims is how many claims a speaker page shows (the newest are a
// search away).
const speakerClaims = 10

// speaker shows one speaker: counts and titles, how much they said month by
// month, whom and what the articles quoting them name, and their quotes.
func (s *Server) speaker(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		s.fail(w, r, http.StatusNotFound, "There is no speaker with this id.")
		return
	}
	ctx := r.Context()
	p, err := s.db.Profile(ctx, id, coEntities)
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	page := pageParam(r)
	quotes, err := s.db.Quotes(ctx, store.QuoteQuery{SpeakerID: id, Limit: pageSize + 1, Offset: (page - 1) * pageSize})
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	more := len(quotes) > pageSize
	if more {
		quotes = quotes[:pageSize]
	}
	var claims []store.ClaimRow
	if page == 1 {
		if claims, err = s.db.Claims(ctx, store.ClaimQuery{SpeakerID: id, Limit: speakerClaims}); err != nil {
			s.failErr(w, r, err)
			return
		}
	}
	top := 0
	for _, m := range p.Months {
		top = max(top, m.Quotes+m.Claims)
	}
	name := p.Speaker.Name
	if strings.TrimSpace(name) == "" {
		name = "(unknown speaker)"
	}
	s.render(w, r, http.StatusOK, "speaker", speakerPage{Title: name, Profile: p, Max: top,
		Quotes: quotes, Claims: claims, Pager: newPager(r, page, more)})
}
