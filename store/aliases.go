package store

import (
	"context"
	"database/sql"
	"errors"
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
	aliases   *sql.Stmt // the aliases of one speaker
}

// newAliasStmts prepares the alias statements on tx; the caller closes the
// returned statements.
func newAliasStmts(ctx context.Context, tx *sql.Tx) (*aliasStmts, []*sql.Stmt, error) {
	a := &aliasStmts{}
	var stmts []*sql.Stmt
	for _, s := range []struct {
		dst  **sql.Stmt
		name string
		sql  string
	}{
		// CROSS JOIN keeps the alias index as the outer loop: without
		// statistics the planner chose to walk every person and probe
		// each one's aliases, a cost that grew with the database (0.6 ms
		// a lookup at 2,500 people). No DISTINCT is needed: the primary
		// key (speaker_id, alias) holds one row per speaker for an alias.
		{&a.byAlias, "find alias", `SELECT a.speaker_id FROM speaker_aliases a
			CROSS JOIN speakers s ON s.id = a.speaker_id WHERE s.kind = 'person' AND a.alias = ? LIMIT 2`},
		{&a.bySurname, "find surname", `SELECT id, name FROM speakers WHERE kind = 'person' AND surname = ? LIMIT 2`},
		{&a.add, "insert person", `INSERT INTO speakers (kind, name, surname) VALUES ('person', ?, ?)`},
		{&a.rename, "rename person", `UPDATE speakers SET name = ?, surname = ? WHERE id = ?`},
		{&a.addAlias, "insert alias", `INSERT OR IGNORE INTO speaker_aliases (speaker_id, alias) VALUES (?, ?)`},
		{&a.aliases, "read aliases", `SELECT alias FROM speaker_aliases WHERE speaker_id = ?`},
	} {
		st, err := tx.PrepareContext(ctx, s.sql)
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
// aliases. titles are those the article gives the person.
func (w *writer) person(ctx context.Context, s whosaid.Speaker, titles []string) (int64, error) {
	name := strings.TrimSpace(s.Name)
	mention := ""
	if s.Mention != nil {
		mention = strings.TrimSpace(s.Mention.Text)
	}
	g := gender(mention, titles)
	id, clash, err := w.findPerson(ctx, name, g)
	if err != nil {
		return 0, err
	}
	if clash && mention != "" && !strings.EqualFold(mention, name) {
		// "Mrs. Smith" when "Smith" is Mr. Smith: she is stored as written.
		name = mention
		if id, clash, err = w.findPerson(ctx, name, g); err != nil {
			return 0, err
		}
	}
	if clash {
		// Nothing in the text tells this person from the stored one of the
		// same name but the other gender, and a name is one speaker row:
		// reuse it rather than fail the article on the unique (kind, name).
		if err := w.findSpeaker.QueryRowContext(ctx, whosaid.KindPerson, name).Scan(&id); err != nil {
			return 0, fmt.Errorf("find speaker: %w", err)
		}
	}
	if id == 0 {
		r, err := w.al.add.ExecContext(ctx, name, surname(name))
		if err != nil {
			return 0, fmt.Errorf("insert speaker: %w", err)
		}
		if id, err = r.LastInsertId(); err != nil {
			return 0, fmt.Errorf("insert speaker: %w", err)
		}
	}
	aliases := []string{name}
	if mention != "" && mention != name && strings.Contains(strings.ToLower(mention), strings.ToLower(surname(name))) {
		aliases = append(aliases, mention) // "Secretary of State Rex Tillerson", "Mrs. Smith"
	}
	for _, t := range titles {
		aliases = append(aliases, t+" "+name)
	}
	for _, a := range aliases {
		k := aliasKey{id, a}
		if w.aliases[k] {
			continue // stored by an earlier article of this batch
		}
		if _, err := w.al.addAlias.ExecContext(ctx, id, a); err != nil {
			return 0, fmt.Errorf("insert alias: %w", err)
		}
		if w.aliases == nil {
			w.aliases = map[aliasKey]bool{}
		}
		w.aliases[k] = true
	}
	return id, nil
}

// aliasKey is an alias of a speaker, as the writer remembers having stored
// it in this transaction: the people quoted most are quoted in article
// after article, under the same few names.
type aliasKey struct {
	id    int64
	alias string
}

// findPerson looks an existing person of gender g ("" if unknown) up by
// name, alias or surname, and returns 0 when there is none to link to;
// clash reports that a person of this very name is of the other gender.
func (w *writer) findPerson(ctx context.Context, name, g string) (id int64, clash bool, err error) {
	err = w.findSpeaker.QueryRowContext(ctx, whosaid.KindPerson, name).Scan(&id)
	if err == nil {
		if ok, err := w.sameGender(ctx, id, g); err != nil || !ok {
			return 0, !ok, err
		}
		return id, false, nil
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return 0, false, fmt.Errorf("find speaker: %w", err)
	}
	ids, err := w.ids(ctx, w.al.byAlias, name)
	if err != nil {
		return 0, false, fmt.Errorf("find alias: %w", err)
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
	id, err = w.bySurname(ctx, name, g)
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
func (w *writer) bySurname(ctx context.Context, name, g string) (int64, error) {
	sur := surname(name)
	rows, err := w.al.bySurname.QueryContext(ctx, sur)
	if err != nil {
		return 0, fmt.Errorf("find surname: %w", err)
	}
	var cands []struct {
		id   int64
		name string
	}
	for rows.Next() {
		var c struct {
			id   int64
			name string
		}
		if err := rows.Scan(&c.id, &c.name); err != nil {
			rows.Close()
			return 0, fmt.Errorf("find surname: %w", err)
		}
		cands = append(cands, c)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return 0, fmt.Errorf("find surname: %w", err)
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
// give, "" when they give none or both.
func (w *writer) speakerGender(ctx context.Context, id int64) (string, error) {
	rows, err := w.al.aliases.QueryContext(ctx, id)
	if err != nil {
		return "", fmt.Errorf("read aliases: %w", err)
	}
	defer rows.Close()
	g := ""
	for rows.Next() {
		var a string
		if err := rows.Scan(&a); err != nil {
			return "", fmt.Errorf("read aliases: %w", err)
		}
		switch ag := gender(a, nil); {
		case ag == "":
		case g == "":
			g = ag
		case g != ag:
			return "", nil
		}
	}
	return g, rows.Err()
}

// gender reads "m" or "f" from an honorific opening a mention or among the
// titles ("Mr.", "Mrs. Smith"), "" when there is none.
func gender(mention string, titles []string) string {
	for _, s := range append([]string{mention}, titles...) {
		w, _, _ := strings.Cut(s, " ")
		switch strings.TrimSuffix(w, ".") {
		case "Mr", "Sir", "Lord":
			return "m"
		case "Mrs", "Ms", "Miss", "Mme", "Dame", "Lady":
			return "f"
		}
	}
	return ""
}

// surname is the last word of a person's name, passing over suffixes such
// as "Jr." ("Martin Luther King Jr." is a King).
func surname(name string) string {
	ws := strings.Fields(name)
	for len(ws) > 1 {
		switch strings.TrimSuffix(ws[len(ws)-1], ".") {
		case "Jr", "Sr", "II", "III", "IV":
			ws = ws[:len(ws)-1]
			continue
		}
		break
	}
	if len(ws) == 0 {
		return ""
	}
	return strings.TrimSuffix(strings.TrimSuffix(ws[len(ws)-1], "’s"), "'s")
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
