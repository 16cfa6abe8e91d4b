package attrib

import (
	"bufio"
	_ "embed"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/extract/internal/text"
)

// genderTable is the given names whose gender the training text makes
// plain, learnt by `make model` (go run ./internal/genrank -genders).
//
//go:embed data/genders.tsv
var genderTable []byte

// Genders maps a given name, lower-cased, to 'm' or 'f': the gender of the
// pronouns that follow its bearers in the training text. A name it lacks
// has no known gender.
type Genders map[string]byte

// GenderCount is what the table was learnt from for one given name: how
// often "he", "his" or "him" and "she", "her" or "hers" came first after a
// mention of a person of that name, and how often Mr. and Mrs., Ms. or
// Miss preceded one.
type GenderCount struct {
	Name             string
	He, She, Mr, Mrs int
}

// ReadGenders parses a table WriteGenders wrote: one name a line, its
// gender and its counts, tab-separated; lines starting with # are
// comments. It fails on a line without a gender of m or f.
func ReadGenders(r io.Reader) (Genders, error) {
	g := Genders{}
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" || line[0] == '#' {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) < 2 || f[1] != "m" && f[1] != "f" {
			return nil, fmt.Errorf("gender table line %d: want name, m or f", n)
		}
		g[f[0]] = f[1][0]
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read gender table: %w", err)
	}
	return g, nil
}

// WriteGenders writes the names of cs whose gender is g's, sorted, with
// their counts: the table ReadGenders reads.
func WriteGenders(w io.Writer, g Genders, cs []GenderCount) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintln(bw, "# given name, gender, he/his/him after it, she/her/hers after it, Mr. before it, Mrs./Ms./Miss before it")
	sort.Slice(cs, func(i, j int) bool { return cs[i].Name < cs[j].Name })
	for _, c := range cs {
		if s, ok := g[c.Name]; ok {
			fmt.Fprintf(bw, "%s\t%c\t%d\t%d\t%d\t%d\n", c.Name, s, c.He, c.She, c.Mr, c.Mrs)
		}
	}
	return bw.Flush()
}

// GivenName is the given name of a person's name, lower-cased: its first
// word when the name has two or more and the first is a word of two
// letters or more ("J." and "Mr." are none); "" otherwise.
func GivenName(name string) string {
	first, rest, ok := strings.Cut(strings.TrimSpace(name), " ")
	if !ok || rest == "" || len(first) < 2 || strings.HasSuffix(first, ".") || text.HonorificGender(first) != "" {
		return ""
	}
	for _, r := range first {
		if !(r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r == '-' || r == '\'' || r >= 0xC0) {
			return ""
		}
	}
	if !text.StartsUpper(first) {
		return ""
	}
	return strings.ToLower(first)
}

// HonorificBefore is 'm' or 'f' when Mr., Mrs., Ms. or the like comes just
// before token k of d ("Mr." is two tokens), 0 otherwise.
func HonorificBefore(d *text.Doc, k int) byte {
	j := k - 1
	if j > 0 && j < len(d.Tokens) && d.Tok(j) == "." && d.Tokens[j-1].End == d.Tokens[j].Start {
		j--
	}
	if j < 0 || j >= len(d.Tokens) {
		return 0
	}
	if h := text.HonorificGender(d.Tok(j)); h != "" {
		return h[0]
	}
	return 0
}

// PronounGender is 'm' for he, his, him and himself, 'f' for she, her,
// hers and herself, given lower-cased; 0 for any other word.
func PronounGender(w string) byte {
	switch w {
	case "he", "his", "him", "himself":
		return 'm'
	case "she", "her", "hers", "herself":
		return 'f'
	}
	return 0
}

// entityGenders fills a.gend, the gender of each person entity of a.ents
// (0 when unknown): an honorific among its titles or just before one of its
// mentions, else its given name's in the table.
func (a *article) entityGenders() {
	a.gend = resize(a.gend, len(a.ents))
	clear(a.gend)
	for i, e := range a.ents {
		if e.Type != whosaid.Person {
			continue
		}
		var g byte
		for _, t := range e.Titles {
			if h := text.HonorificGender(t); h != "" {
				g = h[0]
			}
		}
		for _, m := range e.Mentions {
			if g != 0 {
				break
			}
			if h := HonorificBefore(a.d, a.tokAt(m.Start)); h != 0 {
				g = h
			}
		}
		if g == 0 {
			g = a.genders[GivenName(e.Name)]
		}
		a.gend[i] = g
	}
}

// genderOf is the gender of the person named name (0 when unknown or not a
// person of the article).
func (a *article) genderOf(name string) byte {
	for i := range a.ents {
		if a.ents[i].Name == name && a.ents[i].Type == whosaid.Person {
			return a.gend[i]
		}
	}
	return 0
}

// clash reports whether a person of gender g cannot be what a pronoun of
// gender pg stands for: both known and different.
func clash(g, pg byte) bool { return g != 0 && pg != 0 && g != pg }

// Resolve is whom a "he" (pg 'm') or "she" (pg 'f') at token k of d stands
// for when no speaker came before it, as the ranker resolves it: the person
// opening a sentence last in its paragraph, else the person named last,
// passing over the persons of the other gender (pg 0 checks no gender).
// It is extract/internal/genrank's check of the resolution on training
// text; "" when it finds no one.
func Resolve(d *text.Doc, ents []whosaid.Entity, g Genders, k int, pg byte) string {
	a := newArticle(d, ents, g)
	if sp, ok := a.nearPerson(k, pg); ok {
		return sp.Name
	}
	sp, _ := a.lastNamed(k, whosaid.Person, pg)
	return sp.Name
}
