package eval

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/corpus"
)

// PolNeARResult is how well the attribution stage finds PolNeAR's
// attributions: each gold Content is matched one-to-one to a predicted quote
// or claim whose token-overlap F1 is at least 0.5, best pairs first.
type PolNeARResult struct {
	Articles int
	// Contents counts matched gold contents (TP), predictions left over (FP)
	// and gold contents missed (FN).
	Contents Metric
	// Sources is right when the predicted speaker's mention overlaps the gold
	// Source span, over matched contents that have a gold Source (PolNeAR's
	// "Attribution-no-source" has none and is not counted).
	Sources Accuracy
	// Quoted is the recall of the gold contents that hold a double quotation
	// mark or guillemet: the quotes whosaid exists for.
	Quoted Accuracy
	// Misses lists, per article, missed contents, wrong sources and extra
	// predictions, for looking at.
	Misses []string
	// Reference holds the reference scorer's figures (polnear_score.py),
	// the ones the targets are stated in.
	Reference PolNeARReference
}

func (r PolNeARResult) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "PolNeAR attributions, %d articles\n", r.Articles)
	fmt.Fprintln(&b, "reference scorer (polnear_score.py):")
	b.WriteString(r.Reference.String())
	fmt.Fprintln(&b, "whosaid's own matching (best pairs first, sources by span overlap):")
	fmt.Fprintln(&b, r.Contents)
	fmt.Fprintln(&b, r.Sources)
	fmt.Fprintln(&b, r.Quoted)
	return b.String()
}

// polnearGold is one gold attribution: its content and source, each possibly
// in several discontinuous pieces, as byte spans of the text.
type polnearGold struct {
	content []span
	source  []span
	cue     []span
	text    string
	toks    []string
}

// polnearPred is one predicted content, a quote or a claim.
type polnearPred struct {
	text    string
	start   int
	end     int
	speaker whosaid.Speaker
	toks    []string
}

// PolNeAR scores extract on a PolNeAR split folder (text/*.txt and
// attributions/*.ann). When several annotators' files exist for one text the
// first in sorted order is used, so every article counts once. The
// publication date comes from metadata.tsv in dir or its parent, when there.
// It returns an error when dir has no texts or a file cannot be read.
func PolNeAR(dir string, extract func(whosaid.Article) whosaid.Findings) (PolNeARResult, error) {
	r := PolNeARResult{
		Contents: Metric{Name: "contents"},
		Sources:  Accuracy{Name: "source accuracy"},
		Quoted:   Accuracy{Name: "quoted-content recall"},
	}
	texts, err := filepath.Glob(filepath.Join(dir, "text", "*.txt"))
	if err != nil {
		return r, fmt.Errorf("list polnear texts: %w", err)
	}
	if len(texts) == 0 {
		return r, fmt.Errorf("%s: no text/*.txt", dir)
	}
	anns, err := filepath.Glob(filepath.Join(dir, "attributions", "*.ann"))
	if err != nil {
		return r, fmt.Errorf("list polnear annotations: %w", err)
	}
	sort.Strings(anns)
	// An annotation file is TEXTNAME_ANNOTATOR.ann.
	annOf := map[string]string{}
	for _, a := range anns {
		base := strings.TrimSuffix(filepath.Base(a), ".ann")
		if i := strings.LastIndexByte(base, '_'); i > 0 {
			base = base[:i]
		}
		if _, ok := annOf[base]; !ok {
			annOf[base] = a
		}
	}
	published := polnearDates(dir)
	sort.Strings(texts)
	for _, tf := range texts {
		base := strings.TrimSuffix(filepath.Base(tf), ".txt")
		af, ok := annOf[base]
		if !ok {
			continue
		}
		b, err := os.ReadFile(tf)
		if err != nil {
			return r, fmt.Errorf("read polnear text: %w", err)
		}
		text := string(b)
		gold, err := readBrat(af, text)
		if err != nil {
			return r, err
		}
		a := whosaid.Article{ID: base, Text: text, Published: published[base], Source: tf,
			Dateline: corpus.ParseDateline(text)}
		r.Articles++
		f := extract(a)
		r.scoreArticle(base, text, gold, polnearPreds(f))
		if ref := refAnnotation(dir, base); ref != "" {
			rg, err := readRefGold(ref)
			if err != nil {
				return r, err
			}
			r.Reference.add(rg, f)
		}
	}
	return r, nil
}

// polnearDates reads filename → publication date from metadata.tsv beside
// or above dir; a missing file just leaves dates unknown.
func polnearDates(dir string) map[string]string {
	out := map[string]string{}
	for _, p := range []string{filepath.Join(dir, "metadata.tsv"), filepath.Join(dir, "..", "metadata.tsv")} {
		f, err := os.Open(p)
		if err != nil {
			continue
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 1<<16), 1<<20)
		col := map[string]int{}
		for first := true; sc.Scan(); first = false {
			fs := strings.Split(sc.Text(), "\t")
			if first {
				for i, h := range fs {
					col[h] = i
				}
				continue
			}
			fi, ok1 := col["filename"]
			di, ok2 := col["publication_date"]
			if ok1 && ok2 && fi < len(fs) && di < len(fs) {
				out[fs[fi]] = fs[di]
			}
		}
		f.Close()
		return out
	}
	return out
}

// readBrat reads the attributions of one brat .ann file. Brat offsets count
// characters (code points), so they are turned into byte offsets of text;
// an E line ties Content and Source text-bound annotations together.
func readBrat(path, text string) ([]polnearGold, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open brat annotations: %w", err)
	}
	defer f.Close()
	byteAt := charOffsets(text)
	spans := map[string][]span{}
	var events [][]string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<16), 1<<22)
	for sc.Scan() {
		fs := strings.Split(sc.Text(), "\t")
		if len(fs) < 2 {
			continue
		}
		switch fs[0][0] {
		case 'T':
			// "Content 115 290" or "Content 10 20;25 40".
			_, offs, ok := strings.Cut(fs[1], " ")
			if !ok {
				continue
			}
			var ss []span
			for _, piece := range strings.Split(offs, ";") {
				se := strings.Fields(piece)
				if len(se) != 2 {
					continue
				}
				s, err1 := strconv.Atoi(se[0])
				e, err2 := strconv.Atoi(se[1])
				if err1 != nil || err2 != nil || s < 0 || e < s || e >= len(byteAt) {
					continue
				}
				ss = append(ss, span{byteAt[s], byteAt[e]})
			}
			spans[fs[0]] = ss
		case 'E':
			events = append(events, strings.Fields(fs[1]))
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read brat annotations %s: %w", path, err)
	}
	var out []polnearGold
	for _, ev := range events {
		var g polnearGold
		for _, arg := range ev {
			role, id, ok := strings.Cut(arg, ":")
			if !ok {
				continue
			}
			role = strings.TrimRight(role, "0123456789")
			switch role {
			case "Content":
				g.content = append(g.content, spans[id]...)
			case "Source":
				g.source = append(g.source, spans[id]...)
			case "Cue":
				g.cue = append(g.cue, spans[id]...)
			}
		}
		if len(g.content) == 0 {
			continue
		}
		sort.Slice(g.content, func(i, j int) bool { return g.content[i].start < g.content[j].start })
		parts := make([]string, len(g.content))
		for i, s := range g.content {
			parts[i] = text[s.start:s.end]
		}
		g.text = strings.Join(parts, " ")
		g.toks = tokens(g.text)
		out = append(out, g)
	}
	return out, nil
}

// charOffsets maps each character index of text (and its end) to a byte
// offset.
func charOffsets(text string) []int {
	out := make([]int, 0, utf8.RuneCountInString(text)+1)
	for i := range text {
		out = append(out, i)
	}
	return append(out, len(text))
}

// polnearPreds turns findings into predicted contents. PolNeAR annotates one
// content per attribution, however it mixes quoted and unquoted words, so a
// quote that lies inside a claim of the same speech is the claim's and is
// not counted again; a claim inside a quote likewise gives way to the quote.
// What is left are the outermost quotes and claims.
func polnearPreds(f whosaid.Findings) []polnearPred {
	all := make([]polnearPred, 0, len(f.Quotes)+len(f.Claims))
	for _, c := range f.Claims {
		all = append(all, polnearPred{text: c.Text, start: c.Start, end: c.End, speaker: c.Speaker})
	}
	for _, q := range f.Quotes {
		all = append(all, polnearPred{text: q.Text, start: q.Start, end: q.End, speaker: q.Speaker})
	}
	out := all[:0:0]
	for i, p := range all {
		inside := false
		for j, o := range all {
			if j != i && o.start <= p.start && p.end <= o.end && (o.end-o.start > p.end-p.start || j < i) {
				inside = true
				break
			}
		}
		if !inside {
			p.toks = tokens(p.text)
			out = append(out, p)
		}
	}
	return out
}

// scoreArticle matches gold and predicted contents one-to-one, the pairs of
// highest overlap first, and adds up the counts.
func (r *PolNeARResult) scoreArticle(id, text string, gold []polnearGold, pred []polnearPred) {
	type pair struct {
		g, p int
		f    float64
	}
	var pairs []pair
	for gi, g := range gold {
		for pi, p := range pred {
			if f := overlapF1(g.toks, p.toks); f >= claimOverlap {
				pairs = append(pairs, pair{gi, pi, f})
			}
		}
	}
	sort.SliceStable(pairs, func(i, j int) bool { return pairs[i].f > pairs[j].f })
	gm := make([]int, len(gold))
	for i := range gm {
		gm[i] = -1
	}
	pm := make([]bool, len(pred))
	for _, pr := range pairs {
		if gm[pr.g] >= 0 || pm[pr.p] {
			continue
		}
		gm[pr.g], pm[pr.p] = pr.p, true
	}
	for gi, g := range gold {
		quoted := strings.ContainsAny(g.text, "\"“”«»„")
		if quoted {
			r.Quoted.Counted++
		}
		pi := gm[gi]
		if pi < 0 {
			r.Contents.FN++
			r.Misses = append(r.Misses, fmt.Sprintf("%s: missed %q (source %q)", id, short(g.text), spanText(text, g.source)))
			continue
		}
		r.Contents.TP++
		if quoted {
			r.Quoted.Right++
		}
		if len(g.source) == 0 {
			continue
		}
		r.Sources.Counted++
		p := pred[pi]
		right := false
		if m := p.speaker.Mention; m != nil {
			for _, s := range g.source {
				right = right || s.overlaps(m.Start, m.End)
			}
		}
		if right {
			r.Sources.Right++
		} else {
			got := "none"
			if m := p.speaker.Mention; m != nil {
				got = m.Text
			}
			r.Misses = append(r.Misses, fmt.Sprintf("%s: %q source %q, gold %q", id, short(g.text), got, spanText(text, g.source)))
		}
	}
	for pi, p := range pred {
		if !pm[pi] {
			r.Contents.FP++
			r.Misses = append(r.Misses, fmt.Sprintf("%s: extra %q (%s)", id, short(p.text), p.speaker.Name))
		}
	}
}

// spanText joins the text of spans for a message.
func spanText(text string, ss []span) string {
	parts := make([]string, len(ss))
	for i, s := range ss {
		parts[i] = text[s.start:s.end]
	}
	return strings.Join(parts, " … ")
}
