package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/whosaid/whosaid/store/link"
)

// aliasStmts are the statements that resolve a person speaker across
// articles (store/link has the rules), prepared once per Put transaction.
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

// The writer answers link's look-ups through its cache (link.Cache, w.look) and
// keeps the cache in step with every change it makes.
var _ link.Store = (*writer)(nil)

// AddPerson inserts a person speaker with its surname.
func (w *writer) AddPerson(ctx context.Context, name, surname string) (int64, error) {
	r, err := w.al.add.ExecContext(ctx, name, surname)
	if err != nil {
		return 0, fmt.Errorf("insert speaker: %w", err)
	}
	id, err := r.LastInsertId()
	if err != nil {
		return 0, fmt.Errorf("insert speaker: %w", err)
	}
	w.look.AddedPerson(id, name, surname)
	return id, nil
}

// Rename gives person id, known so far under old, a full name.
func (w *writer) Rename(ctx context.Context, id int64, old, name, surname string) error {
	if _, err := w.al.rename.ExecContext(ctx, name, surname, id); err != nil {
		return fmt.Errorf("rename speaker: %w", err)
	}
	w.look.Renamed(id, old, name, surname)
	return nil
}

// AddAlias records an alias of person id (INSERT OR IGNORE).
func (w *writer) AddAlias(ctx context.Context, id int64, alias, gender string) error {
	if _, err := w.al.addAlias.ExecContext(ctx, id, alias, null(gender)); err != nil {
		return fmt.Errorf("insert alias: %w", err)
	}
	w.look.Aliased(id, alias)
	return nil
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

// Gender is the gender the honorifics among a speaker's aliases give, as
// stored with them, "" when they give none or both.
func (w *writer) Gender(ctx context.Context, id int64) (string, error) {
	var lo, hi sql.NullString
	if err := w.al.genders.QueryRowContext(ctx, id).Scan(&lo, &hi); err != nil {
		return "", fmt.Errorf("read alias genders: %w", err)
	}
	if lo.String != hi.String {
		return "", nil
	}
	return lo.String, nil
}
