package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/whosaid/whosaid"
)

// aliasStmts are the statements that resolve a person speaker across
// articles, prepared once per Put transaction.
type aliasStmts struct {
	byAlias   *sql.Stmt // person speakers with this alias
	bySurname *sql.Stmt // person speakers with this surname
	add       *sql.Stmt // insert a person speaker with its surname
	rename    *sql.Stmt // give a surname-only speaker its full name
	addAlias  *sql.Stmt
	genders   *sql.Stmt // the least and greatest gender of one speaker's aliases
}

// findAliasSQL finds the people with an alias, up to two. The alias index
// is the only loop, and each alias found has its speaker's kind read by
// primary key. Written as a join, even a CROSS JOIN (which kept the
// planner from walking every person and probing each one's aliases, 0.6
// ms a lookup at 2,500 people), the statement was prepared again by SQLite
// at every execution, which tripled the cost of a lookup. No DISTINCT is
// needed: the primary key (speaker_id, alias) holds one row per speaker
// for an alias.
const findAliasSQL = `SELECT a.speaker_id FROM speaker_aliases a
	WHERE a.alias = ? AND (SELECT kind FROM speakers WHERE id = a.speaker_id) = 'person' LIMIT 2`

// newAliasStmts prepares the alias statements on conn; the caller closes the
// returned statements.
func newAliasStmts(ctx context.Context, conn *sql.Conn) (*aliasStmts, []*sql.Stmt, error) {
	a := &aliasStmts{}
	var stmts []*sql.Stmt
	for _, s := range []struct {
		dst  **sql.Stmt
		name string
		sql  string
	}{
		{&a.byAlias, "find alias", findAliasSQL},
		{&a.bySurname, "find surname", `SELECT id, name FROM speakers WHERE kind = 'person' AND surname = ? LIMIT 2`},
		{&a.add, "insert person", `INSERT INTO speakers (kind, name, surname) VALUES ('person', ?, ?)`},
		{&a.rename, "rename person", `UPDATE speakers SET name = ?, surname = ? WHERE id = ?`},
		{&a.addAlias, "insert alias", `INSERT OR IGNORE INTO speaker_aliases (speaker_id, alias, gender) VALUES (?, ?, ?)`},
		{&a.genders, "read alias genders", `SELECT min(gender), max(gender) FROM speaker_aliases WHERE speaker_id = ?`},
	} {
		st, err := conn.PrepareContext(ctx, s.sql)
		if err != nil {
			for _, p := range stmts {
				p.Close()
			}
			return nil, nil, fmt.Errorf("prepare %s: %w", s.name, err)
		}
		*s.dst = st
		stmts = append(stmts, st)
	}
	return a, stmts, nil
}

// person returns the speaker id of a person, linking across articles: the
// same name (case-insensitive), else a name stored as an alias ("Secretary
// of State Rex Tillerson"), else, for a surname alone, the one person of
// that surname. A surname shared by two known people links to neither,
// and "Mrs. Smith" never links to a "Mr. Smith": different people who share
// a surname stay apart. The names and titled forms seen are recorded as
// aliases, each with the gender its honorific gives. titles are those the
// article gives the person. Genders and surnames are the extractor's
// reading of the names, in s (whosaid.Speaker): the store parses none.
func (w *writer) person(ctx context.Context, s whosaid.Speaker, titles []string) (int64, error) {
	n := personName{strings.TrimSpace(s.Name), s.Surname, s.Forms.NameGender}
	mention := ""
	if s.Mention != nil {
		mention = strings.TrimSpace(s.Mention.Text)
	}
	g := s.Gender
	id, clash, err := w.findPerson(ctx, n, g)
	if err != nil {
		return 0, err
	}
	if clash && mention != "" && !strings.EqualFold(mention, n.name) {
		// "Mrs. Smith" when "Smith" is Mr. Smith: she is stored as written.
		n = personName{mention, s.Forms.MentionSurname, s.Forms.MentionGender}
		if id, clash, err = w.findPerson(ctx, n, g); err != nil {
			return 0, err
		}
	}
	name := n.name
	if clash {
		// Nothing in the text tells this person from the stored one of the
		// same name but the other gender, and a name is one speaker row:
		// reuse it rather than fail the article on the unique (kind, name).
		found := false
		if id, found, err = w.speakerID(ctx, whosaid.KindPerson, name); err != nil {
			return 0, err
		}
		if !found {
			return 0, fmt.Errorf("find speaker: %w", sql.ErrNoRows)
		}
	}
	if id == 0 {
		r, err := w.al.add.ExecContext(ctx, name, n.surname)
		if err != nil {
			return 0, fmt.Errorf("insert speaker: %w", err)
		}
		if id, err = r.LastInsertId(); err != nil {
			return 0, fmt.Errorf("insert speaker: %w", err)
		}
		w.look.addedPerson(id, name, n.surname)
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
		if w.aliases[k] {
			continue // stored by an earlier article of this batch
		}
		if _, err := w.al.addAlias.ExecContext(ctx, id, a.text, null(a.gender)); err != nil {
			return 0, fmt.Errorf("insert alias: %w", err)
		}
		w.look.aliased(id, a.text)
		if w.aliases == nil {
			w.aliases = map[aliasKey]bool{}
		}
		w.aliases[k] = true
	}
	return id, nil
}

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

// aliasKey is an alias of a speaker, as the writer remembers having stored
// it in this transaction: the people quoted most are quoted in article
// after article, under the same few names.
type aliasKey struct {
	id    int64
	alias string
}

// findPerson looks an existing person of gender g ("" if unknown) up by
// n's name, alias or surname, and returns 0 when there is none to link to;
// clash reports that a person of this very name is of the other gender.
func (w *writer) findPerson(ctx context.Context, n personName, g string) (id int64, clash bool, err error) {
	id, found, err := w.speakerID(ctx, whosaid.KindPerson, n.name)
	if err != nil {
		return 0, false, err
	}
	if found {
		if ok, err := w.sameGender(ctx, id, g); err != nil || !ok {
			return 0, !ok, err
		}
		return id, false, nil
	}
	ids, err := w.aliasIDs(ctx, n.name)
	if err != nil {
		return 0, false, err
	}
	if len(ids) > 1 {
		return 0, false, nil // an alias two people share decides nothing
	}
	if len(ids) == 1 {
		if ok, err := w.sameGender(ctx, ids[0], g); err != nil || !ok {
			return 0, false, err
		}
		return ids[0], false, nil
	}
	id, err = w.bySurname(ctx, n, g)
	return id, false, err
}

// sameGender reports whether speaker id may be of gender g: it is, unless
// both are known and differ.
func (w *writer) sameGender(ctx context.Context, id int64, g string) (bool, error) {
	if g == "" {
		return true, nil
	}
	cg, err := w.speakerGender(ctx, id)
	return cg == "" || cg == g, err
}

// bySurname links a name to the one known person of its surname: a
// surname alone to them, a full name to a person known so far by the
// surname alone (who takes the full name).
func (w *writer) bySurname(ctx context.Context, n personName, g string) (int64, error) {
	name, sur := n.name, n.surname
	cands, err := w.surnameCandidates(ctx, sur)
	if err != nil {
		return 0, err
	}
	if len(cands) != 1 {
		return 0, nil
	}
	c := cands[0]
	if ok, err := w.sameGender(ctx, c.id, g); err != nil || !ok {
		return 0, err
	}
	switch {
	case !strings.Contains(name, " "):
		// "Tillerson" alone: the one person of that surname.
		return c.id, nil
	case !strings.Contains(c.name, " "):
		// A person known so far by surname alone gets the full name now.
		if _, err := w.al.rename.ExecContext(ctx, name, sur, c.id); err != nil {
			return 0, fmt.Errorf("rename speaker: %w", err)
		}
		w.look.renamed(c.id, c.name, name, sur)
		return c.id, nil
	}
	return 0, nil // "Jane Smith" is not "John Smith"
}

// ids runs a query of speaker ids.
func (w *writer) ids(ctx context.Context, st *sql.Stmt, arg any) ([]int64, error) {
	rows, err := st.QueryContext(ctx, arg)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		out = append(out, id)
	}
	return out, rows.Err()
}

// speakerGender is the gender the honorifics among a speaker's aliases
// give, as stored with them, "" when they give none or both.
func (w *writer) speakerGender(ctx context.Context, id int64) (string, error) {
	var lo, hi sql.NullString
	if err := w.al.genders.QueryRowContext(ctx, id).Scan(&lo, &hi); err != nil {
		return "", fmt.Errorf("read alias genders: %w", err)
	}
	if lo.String != hi.String {
		return "", nil
	}
	return lo.String, nil
}

// personTitles are the titles the article's entity of a person speaker
// carries, which make its titled aliases.
func personTitles(es []whosaid.Entity, name string) []string {
	for _, e := range es {
		if e.Type == whosaid.Person && strings.EqualFold(e.Name, name) {
			return e.Titles
		}
	}
	return nil
}
