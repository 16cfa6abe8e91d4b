// Package link links a quoted person to a speaker already stored, across
// articles, by the same rules for every backend: the same name
// (case-insensitive), else a name stored as an alias ("Secretary of State
// Rex Tillerson"), else, for a surname alone, the one person of that
// surname. A surname shared by two known people links to neither, and
// "Mrs. Smith" never links to a "Mr. Smith": different people who share a
// surname stay apart. The names and titled forms seen are recorded as
// aliases, each with the gender its honorific gives.
//
// Genders and surnames are the extractor's reading of the names, in
// whosaid.Speaker: link parses none. The backends (store for SQLite,
// store/postgres) answer the look-ups and make the changes, through
// Store.
package link

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/whosaid/whosaid"
)

// Store is what linking asks of a backend, inside the transaction that
// writes the article. Names compare case-insensitively (ASCII letters
// folded), as SQLite's NOCASE does.
type Store interface {
	// SpeakerID is the id of the (kind, name) speaker, and whether there
	// is one.
	SpeakerID(ctx context.Context, kind, name string) (int64, bool, error)
	// AliasIDs are the people who have alias among their aliases, up to
	// two (callers tell none, one and more apart).
	AliasIDs(ctx context.Context, alias string) ([]int64, error)
	// Surnames are the people of the surname, up to two.
	Surnames(ctx context.Context, surname string) ([]Candidate, error)
	// Gender is the gender the honorifics among a speaker's aliases give,
	// as stored with them, "" when they give none or both.
	Gender(ctx context.Context, id int64) (string, error)
	// AddPerson stores a new person speaker with its surname.
	AddPerson(ctx context.Context, name, surname string) (int64, error)
	// Rename gives person id, known so far under old, a full name.
	Rename(ctx context.Context, id int64, old, name, surname string) error
	// AddAlias records alias for person id, with the gender of an
	// honorific opening it ("" for none); one already there is kept.
	AddAlias(ctx context.Context, id int64, alias, gender string) error
}

// Candidate is a person found by surname.
type Candidate struct {
	ID   int64
	Name string
}

// Linker links the people of one transaction's articles. Its zero value
// is ready to use.
type Linker struct {
	// stored are the aliases this transaction has stored (or found
	// stored): storing one again changes nothing, so it is skipped.
	stored map[aliasKey]bool
	// people are the speaker ids of the people of the article being
	// written, by the name, mention and titles Person resolves them from
	// (the extractor's reading of the names, whosaid.Speaker's Gender,
	// Surname and Forms, follows from them within an article): an
	// article quotes the same person again and again, and resolving
	// them takes several look-ups. StartArticle empties it, so what an
	// article gets never depends on the articles stored with it in the
	// same batch.
	people map[string]int64
}

// StartArticle forgets the people of the article written before.
func (l *Linker) StartArticle() { clear(l.people) }

// ArticlePerson returns the speaker id of a person quoted in the article
// being written, as Person does with the titles the article's entities
// es give the person, once per name, mention and titles in an article.
func (l *Linker) ArticlePerson(ctx context.Context, st Store, s whosaid.Speaker, es []whosaid.Entity) (int64, error) {
	titles := Titles(es, s.Name)
	key := s.Name + "\x00" + strings.Join(titles, "\x00")
	if s.Mention != nil {
		key += "\x00\x00" + s.Mention.Text
	}
	if id, ok := l.people[key]; ok {
		return id, nil
	}
	id, err := l.Person(ctx, st, s, titles)
	if err != nil {
		return 0, err
	}
	if l.people == nil {
		l.people = map[string]int64{}
	}
	l.people[key] = id
	return id, nil
}

// Reset forgets the aliases stored, when the backend has rolled back a
// savepoint that may have taken some back.
func (l *Linker) Reset() { clear(l.stored) }

// Person returns the speaker id of a person, linking across articles (the
// package comment gives the rules). titles are those the article gives the
// person (Titles).
func (l *Linker) Person(ctx context.Context, st Store, s whosaid.Speaker, titles []string) (int64, error) {
	n := personName{strings.TrimSpace(s.Name), s.Surname, s.Forms.NameGender}
	mention := ""
	if s.Mention != nil {
		mention = strings.TrimSpace(s.Mention.Text)
	}
	g := s.Gender
	id, clash, err := findPerson(ctx, st, n, g)
	if err != nil {
		return 0, err
	}
	if clash && mention != "" && !strings.EqualFold(mention, n.name) {
		// "Mrs. Smith" when "Smith" is Mr. Smith: she is stored as written.
		n = personName{mention, s.Forms.MentionSurname, s.Forms.MentionGender}
		if id, clash, err = findPerson(ctx, st, n, g); err != nil {
			return 0, err
		}
	}
	name := n.name
	if clash {
		// Nothing in the text tells this person from the stored one of the
		// same name but the other gender, and a name is one speaker row:
		// reuse it rather than fail the article on the unique (kind, name).
		found := false
		if id, found, err = st.SpeakerID(ctx, whosaid.KindPerson, name); err != nil {
			return 0, err
		}
		if !found {
			return 0, fmt.Errorf("find speaker %q: %w", name, ErrVanished)
		}
	}
	if id == 0 {
		if id, err = st.AddPerson(ctx, name, n.surname); err != nil {
			return 0, err
		}
	}
	aliases := []alias{{name, n.gender}}
	if mention != "" && mention != name && s.Forms.MentionAlias {
		// "Secretary of State Rex Tillerson", "Mrs. Smith"
		aliases = append(aliases, alias{mention, s.Forms.MentionGender})
	}
	for i, t := range titles {
		g := ""
		if i < len(s.Forms.TitleGenders) {
			g = s.Forms.TitleGenders[i]
		}
		aliases = append(aliases, alias{t + " " + name, g})
	}
	for _, a := range aliases {
		k := aliasKey{id, a.text}
		if l.stored[k] {
			continue // stored by an earlier article of this transaction
		}
		if err := st.AddAlias(ctx, id, a.text, a.gender); err != nil {
			return 0, err
		}
		if l.stored == nil {
			l.stored = map[aliasKey]bool{}
		}
		l.stored[k] = true
	}
	return id, nil
}

// ErrVanished reports that a speaker found a moment before was not found
// again in the same transaction.
var ErrVanished = errors.New("speaker vanished")

// personName is a name a person is looked up and stored under, with what
// the extractor read from it: its surname, and the gender of an honorific
// opening it.
type personName struct {
	name, surname, gender string
}

// alias is a name a person is stored under and the gender of an honorific
// opening it ("m", "f", or "" for none).
type alias struct {
	text, gender string
}

// aliasKey is an alias of a speaker, as the linker remembers having stored
// it in this transaction: the people quoted most are quoted in article
// after article, under the same few names.
type aliasKey struct {
	id    int64
	alias string
}

// findPerson looks an existing person of gender g ("" if unknown) up by
// n's name, alias or surname, and returns 0 when there is none to link to;
// clash reports that a person of this very name is of the other gender.
func findPerson(ctx context.Context, st Store, n personName, g string) (id int64, clash bool, err error) {
	id, found, err := st.SpeakerID(ctx, whosaid.KindPerson, n.name)
	if err != nil {
		return 0, false, err
	}
	if found {
		if ok, err := sameGender(ctx, st, id, g); err != nil || !ok {
			return 0, !ok, err
		}
		return id, false, nil
	}
	ids, err := st.AliasIDs(ctx, n.name)
	if err != nil {
		return 0, false, err
	}
	if len(ids) > 1 {
		return 0, false, nil // an alias two people share decides nothing
	}
	if len(ids) == 1 {
		if ok, err := sameGender(ctx, st, ids[0], g); err != nil || !ok {
			return 0, false, err
		}
		return ids[0], false, nil
	}
	id, err = bySurname(ctx, st, n, g)
	return id, false, err
}

// sameGender reports whether speaker id may be of gender g: it is, unless
// both are known and differ.
func sameGender(ctx context.Context, st Store, id int64, g string) (bool, error) {
	if g == "" {
		return true, nil
	}
	cg, err := st.Gender(ctx, id)
	return cg == "" || cg == g, err
}

// bySurname links a name to the one known person of its surname: a
// surname alone to them, a full name to a person known so far by the
// surname alone (who takes the full name).
func bySurname(ctx context.Context, st Store, n personName, g string) (int64, error) {
	name, sur := n.name, n.surname
	cands, err := st.Surnames(ctx, sur)
	if err != nil {
		return 0, err
	}
	if len(cands) != 1 {
		return 0, nil
	}
	c := cands[0]
	if ok, err := sameGender(ctx, st, c.ID, g); err != nil || !ok {
		return 0, err
	}
	switch {
	case !strings.Contains(name, " "):
		// "Tillerson" alone: the one person of that surname.
		return c.ID, nil
	case !strings.Contains(c.Name, " "):
		// A person known so far by surname alone gets the full name now.
		if err := st.Rename(ctx, c.ID, c.Name, name, sur); err != nil {
			return 0, err
		}
		return c.ID, nil
	}
	return 0, nil // "Jane Smith" is not "John Smith"
}

// Titles are the titles the article's entity of a person speaker carries,
// which make its titled aliases.
func Titles(es []whosaid.Entity, name string) []string {
	for _, e := range es {
		if e.Type == whosaid.Person && strings.EqualFold(e.Name, name) {
			return e.Titles
		}
	}
	return nil
}
