package corpus

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/PuerkitoBio/goquery"
	"github.com/andybalholm/cascadia"
	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// extractBody returns the paragraphs of the story on a page, as plain text.
// It is the one place that decides what the body is. go-trafilatura does the
// work: on the Zyte article-extraction benchmark it scores best of the Go
// extractors measured (README, "Sources"), ahead of readeck's go-readability
// and of the heuristic below. Its own readability and DOM-distiller
// fallbacks are left off: on that benchmark they cost two thirds of the
// speed and lowered F1.
//
// When trafilatura finds less than shortBody, even after its own rescue
// (the text of every paragraph on the page), it is unsure, and heuristicBody
// does better on briefs and teaser pages, and knows a page of navigation
// alone for one without a story, so the heuristic decides there.
//
// trafilatura works on a copy of the tree; heuristicBody removes nodes from
// doc, so extractBody runs after the metadata is read.
func extractBody(doc *goquery.Document) []string {
	var lines []string
	if len(doc.Nodes) > 0 && visibleTextLen(doc.Nodes[0]) <= trafilaturaMaxText {
		lines = trafilaturaBody(doc.Nodes[0])
	}
	if linesLen(lines) >= shortBody {
		return lines
	}
	return heuristicBody(doc)
}

// trafilaturaBody runs go-trafilatura on the page rooted at root. A panic
// inside it (a third-party tree walk meeting a tree it did not expect)
// counts as finding nothing, so heuristicBody gets the page instead of the
// batch going down.
func trafilaturaBody(root *html.Node) (lines []string) {
	defer func() {
		if recover() != nil {
			lines = nil
		}
	}()
	if res, err := trafilatura.ExtractDocument(root, trafilaturaOptions); err == nil && res.ContentNode != nil {
		return blockLines(res.ContentNode)
	}
	return nil
}

// trafilaturaMaxText is the most page text (in bytes, scripts and styles
// left out) handed to go-trafilatura. It builds its result by string
// concatenation, so its time grows with the square of the text: 2 seconds
// for 250 KB, minutes for a few MB. A real story is a small fraction of
// this; a page with more is a dump or an attack, and heuristicBody, which
// is linear, reads it instead (the caller refuses text over MaxText).
const trafilaturaMaxText = 256 << 10

// visibleTextLen counts the bytes of text in the tree under n, outside
// scripts and styles. It walks the tree with an explicit stack: the parser
// caps nesting at 512 elements, but nothing here should rely on that.
func visibleTextLen(n *html.Node) int {
	total := 0
	stack := []*html.Node{n}
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		switch n.Type {
		case html.TextNode:
			total += len(n.Data)
			continue
		case html.ElementNode:
			switch n.DataAtom {
			case atom.Script, atom.Style, atom.Noscript, atom.Template:
				continue
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			stack = append(stack, c)
		}
	}
	return total
}

// shortBody is trafilatura's own threshold (Config.MinExtractedSize, in
// runes) below which it distrusts what it found.
const shortBody = 250

// trafilaturaOptions leave out what whosaid reads elsewhere or never wants:
// comments, and the publication date (html.go reads it from the metadata;
// trafilatura's scan of the whole page for dates is its slowest part).
var trafilaturaOptions = trafilatura.Options{
	ExcludeComments: true,
	HtmlDateMode:    trafilatura.Disabled,
}

// linesLen counts the runes of lines.
func linesLen(lines []string) int {
	n := 0
	for _, l := range lines {
		n += utf8.RuneCountInString(l)
	}
	return n
}

// heuristicBody is the extractor used before go-trafilatura, kept for the
// pages trafilatura refuses: drop boilerplate (scripts, navigation,
// headers, footers, asides, forms, captions, share and related-story boxes),
// pick the element whose <p> children carry the most text (readability's
// parent-and-half-to-grandparent scoring, discounting link text), and return
// its paragraphs. A page without <p> falls back to the text blocks of its
// <article>, <main> or <body>. It removes nodes from doc.
func heuristicBody(doc *goquery.Document) []string {
	removeBoilerplate(doc)
	scores := make(map[*html.Node]float64)
	var best *html.Node
	doc.Find("p").Each(func(_ int, p *goquery.Selection) {
		n := p.Get(0)
		text, linked := nodeText(n)
		score := float64(len(text) - linked)
		if score <= 0 || n.Parent == nil {
			return
		}
		for i, anc := 0, n.Parent; i < 2 && anc != nil && anc.Type == html.ElementNode; i, anc = i+1, anc.Parent {
			scores[anc] += score / float64(i+1)
			if best == nil || scores[anc] > scores[best] {
				best = anc
			}
		}
	})
	var paras []string
	if best != nil {
		goquery.NewDocumentFromNode(best).Find("p").Each(func(_ int, p *goquery.Selection) {
			text, linked := nodeText(p.Get(0))
			if text == "" || linked*2 > len(text) || filler[strings.ToLower(text)] {
				return
			}
			paras = append(paras, text)
		})
	}
	if len(paras) > 0 {
		return paras
	}
	// No paragraphs: take the text blocks of the likeliest container, less
	// the headline and timestamps, which sit beside the story there.
	doc.Find("h1, h2, time").Remove()
	for _, sel := range []string{"[itemprop=articleBody]", "article", "main", "body"} {
		if s := doc.Find(sel).First(); s.Length() > 0 {
			if lines := blockLines(s.Get(0)); len(lines) > 0 {
				return lines
			}
		}
	}
	return nil
}

// filler is paragraph text that is never part of a story.
var filler = map[string]bool{
	"advertisement": true, "advertising": true, "ad": true, "sponsored": true,
	"story continues below advertisement": true, "article continues below advertisement": true,
	"continue reading": true, "continue reading below": true,
}

// boilerplateTags are elements whose content is never the story.
const boilerplateTags = "script, style, noscript, template, nav, header, footer, aside, form, " +
	"figcaption, figure, iframe, svg, button, select, textarea, dialog, " +
	"[role=navigation], [role=banner], [role=contentinfo], [role=complementary], [hidden], " +
	"blockquote.twitter-tweet, blockquote.instagram-media"

// Compiled once: selectors are immutable and safe to share.
var (
	boilerplateSel = cascadia.MustCompile(boilerplateTags)
	classOrIDSel   = cascadia.MustCompile("[class], [id]")
)

// boilerplateClass matches class and id words of page furniture.
var boilerplateClass = regexp.MustCompile(`(?i)(?:^|[\s_-])(?:share|sharing|social|newsletter|related|recirc|promo|advert|advertisement|ads?|subscribe|subscription|breadcrumbs?|byline|bylines|author-info|caption|credits?|sidebar|recommended|most-read|mostread|popular|signup|comments?|cookie|cookies|toolbar|skip-link|visually-hidden|sr-only|tags)(?:$|[\s_-])`)

// removeBoilerplate drops page furniture. An element marked as furniture by
// its class or id is kept when it holds most of the page's paragraph text:
// then the class word was a coincidence ("story-body has-related").
func removeBoilerplate(doc *goquery.Document) {
	doc.FindMatcher(boilerplateSel).Remove()
	total := paragraphTextLen(doc.Selection)
	doc.FindMatcher(classOrIDSel).Each(func(_ int, s *goquery.Selection) {
		switch s.Get(0).DataAtom {
		case atom.Html, atom.Body, atom.Article, atom.Main:
			return
		}
		if _, ok := s.Attr("itemprop"); ok {
			return
		}
		class, _ := s.Attr("class")
		id, _ := s.Attr("id")
		if !boilerplateClass.MatchString(class) && !boilerplateClass.MatchString(id) {
			return
		}
		if total > 0 && paragraphTextLen(s)*2 > total {
			return
		}
		s.Remove()
	})
}

func paragraphTextLen(s *goquery.Selection) int {
	n := 0
	s.Find("p").Each(func(_ int, p *goquery.Selection) {
		t, _ := nodeText(p.Get(0))
		n += len(t)
	})
	return n
}

// nodeText returns the text of n with white space collapsed (a <br> counts
// as a space), and how many of its bytes sit inside links.
func nodeText(n *html.Node) (text string, linked int) {
	var b strings.Builder
	var walk func(n *html.Node, inLink bool)
	walk = func(n *html.Node, inLink bool) {
		switch n.Type {
		case html.TextNode:
			before := b.Len()
			b.WriteString(n.Data)
			if inLink {
				linked += b.Len() - before
			}
			return
		case html.ElementNode:
			switch n.DataAtom {
			case atom.Script, atom.Style, atom.Noscript, atom.Template:
				return
			case atom.Br:
				b.WriteByte(' ')
				return
			case atom.A:
				inLink = true
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, inLink)
		}
	}
	walk(n, false)
	raw := b.String()
	text = cleanSpace(raw)
	if linked > len(text) {
		linked = len(text)
	}
	return text, linked
}

// blockLines returns the text of n broken at block elements and <br>, one
// cleaned, non-empty line per block.
func blockLines(n *html.Node) []string {
	var lines []string
	var b strings.Builder
	flush := func() {
		if t := cleanSpace(b.String()); t != "" && !filler[strings.ToLower(t)] {
			lines = append(lines, t)
		}
		b.Reset()
	}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			b.WriteString(n.Data)
			return
		case html.ElementNode:
			switch tagAtom(n) {
			case atom.Script, atom.Style, atom.Noscript, atom.Template:
				return
			case atom.Br:
				flush()
				return
			}
		}
		block := n.Type == html.ElementNode && blockAtoms[tagAtom(n)]
		if block {
			flush()
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if block {
			flush()
		}
	}
	walk(n)
	flush()
	return lines
}

// tagAtom is the element's tag as an atom. Trees rewritten by go-trafilatura
// rename elements by their Data alone, leaving DataAtom zero or stale, so
// Data is the truth when the two disagree.
func tagAtom(n *html.Node) atom.Atom {
	if n.DataAtom != 0 && n.DataAtom.String() == n.Data {
		return n.DataAtom
	}
	return atom.Lookup([]byte(n.Data))
}

var blockAtoms = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Section: true, atom.Article: true, atom.Main: true,
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Li: true, atom.Ul: true, atom.Ol: true, atom.Blockquote: true, atom.Pre: true,
	atom.Table: true, atom.Tr: true, atom.Td: true, atom.Th: true, atom.Dd: true, atom.Dt: true,
	atom.Body: true, atom.Hr: true, atom.Address: true,
}

// bodyText turns a JSON-LD articleBody, plain text or an HTML fragment, into
// paragraphs joined by "\n".
func bodyText(s string) string {
	var lines []string
	if strings.Contains(s, "</p>") || strings.Contains(s, "<br") || strings.Contains(s, "<p>") {
		if n, err := html.Parse(strings.NewReader(s)); err == nil {
			lines = blockLines(n)
		}
	} else {
		for _, l := range strings.Split(normalizeNewlines(s), "\n") {
			if l = cleanSpace(l); l != "" {
				lines = append(lines, l)
			}
		}
	}
	return strings.Join(lines, "\n")
}

// cleanSpace collapses runs of white space (no-break spaces included) into
// one space and trims the ends.
func cleanSpace(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
