package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/whosaid/whosaid/store/link"
)

// SpeakerID runs findSpeaker through the cache: the id of the (kind,
// name) speaker, and whether there is one.
func (w *writer) SpeakerID(ctx context.Context, kind, name string) (int64, bool, error) {
	h, err := w.look.Name(kind, name, func() (link.NameHit, error) {
		var h link.NameHit
		switch err := w.findSpeaker.QueryRowContext(ctx, kind, name).Scan(&h.ID); {
		case err == nil:
			h.Found = true
		case !errors.Is(err, sql.ErrNoRows):
			return h, fmt.Errorf("find speaker: %w", err)
		}
		return h, nil
	})
	return h.ID, h.Found, err
}

// AliasIDs runs byAlias through the cache: the people who have alias
// among their aliases, up to link.Limit of them. The slice is the
// cache's: the caller must not change it.
func (w *writer) AliasIDs(ctx context.Context, alias string) ([]int64, error) {
	return w.look.Alias(alias, func() ([]int64, error) {
		ids, err := w.ids(ctx, w.al.byAlias, alias)
		if err != nil {
			return nil, fmt.Errorf("find alias: %w", err)
		}
		return ids, nil
	})
}

// Surnames runs bySurname through the cache: the people of the
// surname, up to link.Limit of them. The slice is the cache's: the caller
// must not change it.
func (w *writer) Surnames(ctx context.Context, surname string) ([]link.Candidate, error) {
	return w.look.Surname(surname, func() ([]link.Candidate, error) {
		return w.findSurname(ctx, surname)
	})
}

// findSurname runs bySurname itself.
func (w *writer) findSurname(ctx context.Context, surname string) ([]link.Candidate, error) {
	rows, err := w.al.bySurname.QueryContext(ctx, surname)
	if err != nil {
		return nil, fmt.Errorf("find surname: %w", err)
	}
	defer rows.Close()
	var cs []link.Candidate
	for rows.Next() {
		var c link.Candidate
		if err := rows.Scan(&c.ID, &c.Name); err != nil {
			return nil, fmt.Errorf("find surname: %w", err)
		}
		cs = append(cs, c)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("find surname: %w", err)
	}
	return cs, nil
}
