package web

import (
	"cmp"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/store"
)

// articlePage is the data of an article's page.
type articlePage struct {
	Title    string
	Findings whosaid.Findings
	// Body is the text cut into plain and highlighted segments.
	Body   []segment
	Quotes []store.QuoteRow
	Claims []store.ClaimRow
	// Speakers maps a lower-cased speaker name to its id, to link entities
	// that are also speakers to their speaker page.
	Speakers map[string]int64
}

// article shows one article with its entities, dates, amounts, quotes and
// claims highlighted in the text, and each kind listed beside it.
func (s *Server) article(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	ctx := r.Context()
	f, err := s.db.Article(ctx, id)
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	// The listings carry what Findings lacks: the speaker ids to link, in
	// text order.
	quotes, err := s.db.Quotes(ctx, store.QuoteQuery{Article: id})
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	claims, err := s.db.Claims(ctx, store.ClaimQuery{Article: id})
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	speakers := map[string]int64{}
	for _, q := range quotes {
		speakers[strings.ToLower(q.Speaker)] = q.SpeakerID
	}
	for _, c := range claims {
		speakers[strings.ToLower(c.Speaker)] = c.SpeakerID
	}
	title := f.Article.Title
	if title == "" {
		title = f.Article.ID
	}
	s.render(w, r, http.StatusOK, "article", articlePage{Title: title, Findings: f,
		Body: highlight(f.Article.Text, spans(f, quotes, claims, speakers)), Quotes: quotes, Claims: claims, Speakers: speakers})
}

// span is one stretch of the text to highlight, with its class, link and
// tooltip. rank orders spans that start together: the outer one first.
type span struct {
	start, end         int
	class, href, title string
	id                 string
	rank               int
}

// spans lists what an article page highlights: claims and quotes (outer,
// anchored so the lists can link to them), then entity mentions (linked to
// the speaker page or to the quotes naming them), dates and amounts.
func spans(f whosaid.Findings, quotes []store.QuoteRow, claims []store.ClaimRow, speakers map[string]int64) []span {
	var out []span
	for _, c := range claims {
		out = append(out, span{start: c.Start, end: c.End, class: "claim", id: "c-" + strconv.FormatInt(c.ID, 10),
			title: speakerTitle(c.Speaker, c.Cue), rank: 0})
	}
	for _, q := range quotes {
		out = append(out, span{start: q.Start, end: q.End, class: "quote", id: "q-" + strconv.FormatInt(q.ID, 10),
			title: speakerTitle(q.Speaker, q.Cue), rank: 1})
	}
	for _, e := range f.Entities {
		href := entityHref(e.Type, e.Name, e.Code)
		if id, ok := speakers[strings.ToLower(e.Name)]; ok && (e.Type == whosaid.Person || e.Type == whosaid.Org) {
			href = "/speakers/" + strconv.FormatInt(id, 10)
		}
		title := e.Name
		if e.Code != "" {
			title += " (" + e.Code + ")"
		}
		if len(e.Titles) > 0 {
			title += ": " + strings.Join(e.Titles, "; ")
		}
		for _, m := range e.Mentions {
			out = append(out, span{start: m.Start, end: m.End, class: "entity " + strings.ToLower(e.Type),
				href: href, title: title, rank: 2})
		}
	}
	for _, d := range f.Dates {
		out = append(out, span{start: d.Start, end: d.End, class: "date", title: d.Value, rank: 2})
	}
	for _, a := range f.Amounts {
		title := strconv.FormatFloat(a.Value, 'f', -1, 64) + " " + a.Unit
		class := "amount"
		if a.Target {
			class += " target"
			title += " (target)"
		}
		out = append(out, span{start: a.Start, end: a.End, class: class, title: title, rank: 2})
	}
	return out
}

// speakerTitle is the tooltip of a quote or claim.
func speakerTitle(name, cue string) string {
	if name == "" {
		name = "unknown speaker"
	}
	if cue != "" {
		return fmt.Sprintf("%s (%s)", name, cue)
	}
	return name
}

// segment is a piece of an article's text: plain when Class is empty, else
// a highlight holding its own segments. The template escapes every Text, so
// nothing in an article can become markup.
type segment struct {
	Text               string
	Class, Href, Title string
	ID                 string
	Children           []segment
}

// highlight cuts text into segments along the spans. Spans must nest: one
// that crosses the edge of an earlier, enclosing or overlapping span is
// dropped (it is still in the lists beside the text), and so is one whose
// offsets are outside the text or not on character boundaries, so the page
// never shows a broken character. A link inside a linked span is dropped
// (HTML forbids nested links); the highlight stays.
func highlight(text string, spans []span) []segment {
	ok := spans[:0:0]
	for _, s := range spans {
		if s.start >= 0 && s.start < s.end && s.end <= len(text) && boundary(text, s.start) && boundary(text, s.end) {
			ok = append(ok, s)
		}
	}
	slices.SortStableFunc(ok, func(a, b span) int {
		return cmp.Or(cmp.Compare(a.start, b.start), cmp.Compare(b.end, a.end), cmp.Compare(a.rank, b.rank))
	})
	return build(text, 0, len(text), ok, false)
}

// boundary reports whether byte offset i of text starts a character (or is
// its end).
func boundary(text string, i int) bool {
	return i == len(text) || utf8.RuneStart(text[i])
}

// build segments text[lo:hi] along spans, which are sorted and lie within
// it. linked says an enclosing segment is a link already.
func build(text string, lo, hi int, spans []span, linked bool) []segment {
	var out []segment
	cur := lo
	for i := 0; i < len(spans); {
		s := spans[i]
		if s.start < cur { // crosses the previous sibling
			i++
			continue
		}
		j := i + 1
		var inner []span
		for ; j < len(spans) && spans[j].start < s.end; j++ {
			if spans[j].end <= s.end {
				inner = append(inner, spans[j])
			}
		}
		if s.start > cur {
			out = append(out, segment{Text: text[cur:s.start]})
		}
		seg := segment{Class: s.class, Title: s.title, ID: s.id}
		if !linked {
			seg.Href = s.href
		}
		seg.Children = build(text, s.start, s.end, inner, linked || seg.Href != "")
		out = append(out, seg)
		cur = s.end
		i = j
	}
	if cur < hi {
		out = append(out, segment{Text: text[cur:hi]})
	}
	return out
}
