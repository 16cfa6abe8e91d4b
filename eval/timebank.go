package eval

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/whosaid/whosaid"
)

// This file scores the dates stage against TimeBank 1.2 and AQUAINT
// (TempEval-3 "TBAQ-cleaned"), the TimeML corpora temporal taggers are
// usually measured on.
//
// How a TimeML file becomes an article: the text is the body of the TEXT
// element only (DOCID, DCT, TITLE and EXTRAINFO are headers and wire
// routing, not story), with every tag removed and the XML entities decoded,
// so each DATE TIMEX3 keeps its byte offsets in the plain text. A single
// newline inside a paragraph is turned into a space (same length, offsets
// unchanged) because TimeML wraps lines while whosaid reads a newline as a
// paragraph break; blank lines stay and separate paragraphs. The publication
// date is the date part of the document creation time, the TIMEX3 with
// functionInDocument="CREATION_TIME".
//
// How it is scored: like dates in FORMAT.md. Each predicted date matches
// the first unmatched gold DATE TIMEX3 whose span overlaps it; span P/R/F1
// count matches, value P/R/F1 count matches with equal values. Two
// allowances, both documented in the report: a prediction overlapping a
// gold TIME TIMEX3 ("Friday night", "1998-02-13TNI") is neither right nor
// wrong, since a time of day holds a date and whosaid does not tag times;
// and gold values are normalised only in form (see normalValue): unpadded
// ISO weeks and decades written with a trailing X.

// Timex is one TIMEX3 of a TimeML document, with its offsets in the plain
// text.
type Timex struct {
	Start, End int
	Type       string // DATE, TIME, DURATION or SET
	Value      string
	Text       string
}

// TimeBankDoc is one TimeML document reduced to what the date scorer needs.
type TimeBankDoc struct {
	ID     string
	DCT    string // YYYY-MM-DD, empty when the file has no creation time
	Text   string
	Timexs []Timex // every TIMEX3 inside TEXT, in text order
	Path   string
}

// Article is the document as whosaid reads a story: the TEXT body, published
// on the DCT's day.
func (d TimeBankDoc) Article() whosaid.Article {
	return whosaid.Article{ID: d.ID, Published: d.DCT, Text: d.Text, Source: d.Path}
}

// LoadTimeBank reads path, a .tml file or a folder searched recursively for
// them (TimeBank/ and AQUAINT/ side by side), sorted by path. It fails on the
// first file that is not TimeML, naming it.
func LoadTimeBank(path string) ([]TimeBankDoc, error) {
	var paths []string
	err := filepath.WalkDir(path, func(p string, de fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !de.IsDir() && strings.HasSuffix(strings.ToLower(p), ".tml") {
			paths = append(paths, p)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("list timeml files: %w", err)
	}
	if len(paths) == 0 {
		return nil, fmt.Errorf("%s: no TimeML files (*.tml)", path)
	}
	sort.Strings(paths)
	docs := make([]TimeBankDoc, 0, len(paths))
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			return nil, fmt.Errorf("read timeml: %w", err)
		}
		d, err := ParseTimeML(b)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", p, err)
		}
		d.Path = p
		if d.ID == "" {
			d.ID = strings.TrimSuffix(filepath.Base(p), filepath.Ext(p))
		}
		docs = append(docs, d)
	}
	return docs, nil
}

// ParseTimeML reads one TimeML document. It returns an error when there is
// no TEXT element or a TIMEX3 inside it is not closed.
func ParseTimeML(b []byte) (TimeBankDoc, error) {
	var d TimeBankDoc
	d.ID = strings.TrimSpace(elementBody(b, "DOCID"))
	if dct := creationTime(b); len(dct) >= 10 {
		d.DCT = dct[:10]
	}
	open := bytes.Index(b, []byte("<TEXT>"))
	end := bytes.Index(b, []byte("</TEXT>"))
	if open < 0 || end < open {
		return d, fmt.Errorf("no TEXT element")
	}
	body := b[open+len("<TEXT>") : end]
	var out strings.Builder
	var cur *Timex
	for i := 0; i < len(body); {
		c := body[i]
		switch c {
		case '<':
			j := bytes.IndexByte(body[i:], '>')
			if j < 0 {
				return d, fmt.Errorf("unclosed tag at byte %d of TEXT", i)
			}
			tag := string(body[i+1 : i+j])
			i += j + 1
			switch {
			case strings.HasPrefix(tag, "TIMEX3 ") || tag == "TIMEX3":
				if cur != nil {
					return d, fmt.Errorf("nested TIMEX3 at byte %d of TEXT", i)
				}
				cur = &Timex{Start: out.Len(), Type: attr(tag, "type"), Value: attr(tag, "value")}
			case tag == "/TIMEX3":
				if cur == nil {
					return d, fmt.Errorf("stray </TIMEX3> at byte %d of TEXT", i)
				}
				cur.End = out.Len()
				d.Timexs = append(d.Timexs, *cur)
				cur = nil
			}
			continue
		case '&':
			if j := bytes.IndexByte(body[i:], ';'); j > 0 && j < 8 {
				if r, ok := xmlEntities[string(body[i:i+j+1])]; ok {
					out.WriteString(r)
					i += j + 1
					continue
				}
			}
		}
		out.WriteByte(c)
		i++
	}
	if cur != nil {
		return d, fmt.Errorf("unclosed TIMEX3")
	}
	text := []byte(out.String())
	for i, c := range text {
		if c == '\n' && (i == 0 || text[i-1] != '\n') && (i+1 == len(text) || text[i+1] != '\n') {
			text[i] = ' '
		}
	}
	d.Text = string(text)
	for k := range d.Timexs {
		t := &d.Timexs[k]
		t.Text = d.Text[t.Start:t.End]
		t.Value = normalValue(t.Value)
	}
	return d, nil
}

// xmlEntities are the entities TimeML files use.
var xmlEntities = map[string]string{"&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": `"`, "&apos;": "'"}

// elementBody returns the text between <name> and </name>, or "".
func elementBody(b []byte, name string) string {
	i := bytes.Index(b, []byte("<"+name+">"))
	j := bytes.Index(b, []byte("</"+name+">"))
	if i < 0 || j < i {
		return ""
	}
	return string(b[i+len(name)+2 : j])
}

// creationTime returns the value of the TIMEX3 marked as the document
// creation time, wherever it sits (DCT element or header).
func creationTime(b []byte) string {
	for off := 0; ; {
		i := bytes.Index(b[off:], []byte("<TIMEX3"))
		if i < 0 {
			return ""
		}
		i += off
		j := bytes.IndexByte(b[i:], '>')
		if j < 0 {
			return ""
		}
		tag := string(b[i+1 : i+j])
		if attr(tag, "functionInDocument") == "CREATION_TIME" {
			return attr(tag, "value")
		}
		off = i + j
	}
}

// attr returns the value of attribute name in a tag's text, or "".
func attr(tag, name string) string {
	k := strings.Index(tag, " "+name+`="`)
	if k < 0 {
		return ""
	}
	v := tag[k+len(name)+3:]
	if e := strings.IndexByte(v, '"'); e >= 0 {
		return v[:e]
	}
	return ""
}

// normalValue writes a gold value in whosaid's notation where the two
// differ only in form: an unpadded ISO week ("2000-W7") gets two digits, and
// a decade or century with trailing X ("199X", "19XX", TimeML's style) loses
// them ("199", "19", the TIDES style whosaid writes). The meaning is the
// same either way. Two more differences are of granularity, not meaning,
// and FORMAT.md has no notation for either, so the gold is read at the
// granularity whosaid writes: a time of day on a DATE TIMEX3
// ("2000-01-05TEV", "2000-04-04T09:00") keeps its day, since FORMAT.md's
// dates stop at the day; and trailing unknown months or days ("1968-XX",
// "1998-XX-XX", "1998-10-XX", a year or month some annotators wrote with
// placeholders while most of TimeBank writes "1968") are dropped.
func normalValue(v string) string {
	if len(v) > 10 && v[10] == 'T' && allDigit(v[:4]) && v[4] == '-' && v[7] == '-' {
		v = v[:10]
	}
	for len(v) > 4 && strings.HasSuffix(v, "-XX") && v[0] >= '0' && v[0] <= '9' {
		v = v[:len(v)-3]
	}
	if len(v) == 4 && v[3] == 'X' && allDigit(v[:2]) {
		if v[2] == 'X' {
			return v[:2]
		}
		if allDigit(v[2:3]) {
			return v[:3]
		}
	}
	return padWeek(v)
}

// allDigit reports whether s is all ASCII digits.
func allDigit(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// padWeek writes an unpadded ISO week ("2000-W7", "2000-W7-WE") with two
// digits, the form TIMEX3 and whosaid use.
func padWeek(v string) string {
	if len(v) >= 7 && v[4:6] == "-W" && v[6] >= '0' && v[6] <= '9' && (len(v) == 7 || v[7] < '0' || v[7] > '9') {
		return v[:6] + "0" + v[6:]
	}
	return v
}

// TimeBankReport holds the date scores over a set of TimeML documents.
type TimeBankReport struct {
	Docs int
	// Spans counts overlapping matches with DATE TIMEX3s; Values counts
	// those whose value is also equal.
	Spans, Values Metric
	// Ignored counts predictions that overlapped a TIME TIMEX3 only.
	Ignored int
	// Misses lists what went wrong, one line each, for reading by people.
	Misses []string
}

// NewTimeBankReport returns an empty report with its metrics named.
func NewTimeBankReport() TimeBankReport {
	return TimeBankReport{Spans: Metric{Name: "dates (span)"}, Values: Metric{Name: "date values"}}
}

// Add adds o's counts to r.
func (r *TimeBankReport) Add(o TimeBankReport) {
	r.Docs += o.Docs
	r.Ignored += o.Ignored
	for _, p := range [][2]*Metric{{&r.Spans, &o.Spans}, {&r.Values, &o.Values}} {
		p[0].TP += p[1].TP
		p[0].FP += p[1].FP
		p[0].FN += p[1].FN
	}
	r.Misses = append(r.Misses, o.Misses...)
}

// String prints one metric a line, like Report.
func (r TimeBankReport) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "documents              %d\n", r.Docs)
	b.WriteString(r.Spans.String() + "\n")
	b.WriteString(r.Values.String() + "\n")
	fmt.Fprintf(&b, "%-22s %d (inside a TIME TIMEX3, not scored)\n", "ignored predictions", r.Ignored)
	return b.String()
}

// ScoreTimeBank compares the dates found in doc with its DATE TIMEX3s.
func ScoreTimeBank(doc TimeBankDoc, pred []whosaid.Date) TimeBankReport {
	r := NewTimeBankReport()
	r.Docs = 1
	miss := func(format string, args ...any) {
		r.Misses = append(r.Misses, doc.ID+": "+fmt.Sprintf(format, args...))
	}
	var gold []Timex
	for _, t := range doc.Timexs {
		if t.Type == "DATE" {
			gold = append(gold, t)
		}
	}
	used := make([]bool, len(gold))
	for _, p := range pred {
		found := -1
		for i, g := range gold {
			if !used[i] && g.Start < p.End && p.Start < g.End {
				found = i
				break
			}
		}
		if found < 0 {
			if t, ok := overlapping(doc.Timexs, p); ok && t.Type == "TIME" {
				r.Ignored++
				continue
			}
			r.Spans.FP++
			r.Values.FP++
			miss("extra %q = %s%s", p.Text, p.Value, around(doc.Text, p.Start, p.End))
			continue
		}
		used[found] = true
		r.Spans.TP++
		if p.Value == gold[found].Value {
			r.Values.TP++
		} else {
			r.Values.FP++
			r.Values.FN++
			miss("value %q = %s, gold %q = %s%s", p.Text, p.Value, gold[found].Text, gold[found].Value,
				around(doc.Text, p.Start, p.End))
		}
	}
	for i, u := range used {
		if !u {
			r.Spans.FN++
			r.Values.FN++
			g := gold[i]
			miss("missed %q = %s%s", g.Text, g.Value, around(doc.Text, g.Start, g.End))
		}
	}
	return r
}

// overlapping returns the first TIMEX3 of any type that overlaps p.
func overlapping(ts []Timex, p whosaid.Date) (Timex, bool) {
	for _, t := range ts {
		if t.Start < p.End && p.Start < t.End {
			return t, true
		}
	}
	return Timex{}, false
}

// around quotes a little text around [start, end) so a miss can be judged
// without opening the file.
func around(text string, start, end int) string {
	lo, hi := max(0, start-40), min(len(text), end+30)
	for lo > 0 && lo < len(text) && text[lo]&0xC0 == 0x80 {
		lo--
	}
	for hi < len(text) && text[hi]&0xC0 == 0x80 {
		hi++
	}
	s := strings.Join(strings.Fields(text[lo:start]+"[["+text[start:end]+"]]"+text[end:hi]), " ")
	return "   … " + s + " …"
}

// RunTimeBank extracts every document with extract and adds up the scores.
func RunTimeBank(docs []TimeBankDoc, extract func(whosaid.Article) whosaid.Findings) TimeBankReport {
	total := NewTimeBankReport()
	for _, d := range docs {
		total.Add(ScoreTimeBank(d, extract(d.Article()).Dates))
	}
	return total
}
