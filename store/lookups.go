package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/store/link"
)

// lookups caches, for one transaction, what the writer's look-ups of
// speakers returned: by kind and name (findSpeaker), by alias (byAlias)
// and by surname (bySurname). The same people are quoted in article after
// article of a batch, and every look-up is a statement, dearer than the
// search SQLite runs for it.
//
// An entry is the query's own result, not a decision taken from it: an
// article resolves its speakers from what is stored, as without the
// cache, never from what another article decided (see writer.people).
// While the transaction is open only the writer changes speakers and
// speaker_aliases, and every change it makes updates the entries it
// touches (added, addedPerson, aliased, renamed): an entry says what its
// query would say now. A rolled-back savepoint takes back changes the
// entries may have recorded, so it empties them all (reset); the cache
// ends with its writer, before the transaction does, and before
// deleteOrphanSpeakers.
//
// Names, aliases and surnames compare with NOCASE, which folds the ASCII
// letters alone, as asciiLower does, but stops comparing at a zero byte:
// a string with one is never cached. NOCASE finds such a string equal only
// to others with a zero byte in the same place, so no cached entry is
// touched by it.
type lookups struct {
	names    map[speakerName]nameHit
	aliases  map[string][]int64          // by asciiLower(alias)
	surnames map[string][]link.Candidate // by asciiLower(surname)
}

// speakerName is a speaker's kind and ASCII-lower-cased name.
type speakerName struct{ kind, name string }

// nameHit is the row findSpeaker found, if any.
type nameHit struct {
	id    int64
	found bool
}

// lookupLimit is the LIMIT of the byAlias and bySurname queries: their
// callers tell no row, one, and more than one apart, and nothing more.
const lookupLimit = 2

// cacheable reports whether s compares under NOCASE as asciiLower(s) does.
func cacheable(s string) bool { return strings.IndexByte(s, 0) < 0 }

func nameKey(kind, name string) speakerName { return speakerName{kind, asciiLower(name)} }

// reset forgets every entry.
func (l *lookups) reset() {
	clear(l.names)
	clear(l.aliases)
	clear(l.surnames)
}

// added records a speaker row the writer inserted.
func (l *lookups) added(id int64, kind, name string) {
	if !cacheable(name) {
		return
	}
	if l.names == nil {
		l.names = map[speakerName]nameHit{}
	}
	l.names[nameKey(kind, name)] = nameHit{id, true}
}

// addedPerson records a person row the writer inserted, with its surname.
func (l *lookups) addedPerson(id int64, name, surname string) {
	l.added(id, whosaid.KindPerson, name)
	if !cacheable(surname) {
		return
	}
	k := asciiLower(surname)
	if cs, ok := l.surnames[k]; ok && len(cs) < lookupLimit {
		l.surnames[k] = append(cs[:len(cs):len(cs)], link.Candidate{ID: id, Name: name})
	}
}

// aliased records that speaker id, a person, has alias now (whether the
// INSERT OR IGNORE added it or it was there).
func (l *lookups) aliased(id int64, alias string) {
	if !cacheable(alias) {
		return
	}
	k := asciiLower(alias)
	ids, ok := l.aliases[k]
	if !ok || len(ids) >= lookupLimit {
		return
	}
	for _, x := range ids {
		if x == id {
			return
		}
	}
	l.aliases[k] = append(ids[:len(ids):len(ids)], id)
}

// renamed records that person id, found by surname under the name old,
// was given name and a surname that compares equal to its old one.
func (l *lookups) renamed(id int64, old, name, surname string) {
	if cacheable(old) {
		// Names are unique among people: nobody has old any more.
		if l.names == nil {
			l.names = map[speakerName]nameHit{}
		}
		l.names[nameKey(whosaid.KindPerson, old)] = nameHit{}
	}
	l.added(id, whosaid.KindPerson, name)
	if !cacheable(surname) {
		return
	}
	k := asciiLower(surname)
	for i, c := range l.surnames[k] {
		if c.ID == id {
			cs := append([]link.Candidate(nil), l.surnames[k]...)
			cs[i].Name = name
			l.surnames[k] = cs
			return
		}
	}
}

// SpeakerID runs findSpeaker through the cache: the id of the (kind,
// name) speaker, and whether there is one.
func (w *writer) SpeakerID(ctx context.Context, kind, name string) (int64, bool, error) {
	h, err := through(&w.look.names, nameKey(kind, name), cacheable(name), func() (nameHit, error) {
		var h nameHit
		switch err := w.findSpeaker.QueryRowContext(ctx, kind, name).Scan(&h.id); {
		case err == nil:
			h.found = true
		case !errors.Is(err, sql.ErrNoRows):
			return h, fmt.Errorf("find speaker: %w", err)
		}
		return h, nil
	})
	return h.id, h.found, err
}

// AliasIDs runs byAlias through the cache: the people who have alias
// among their aliases, up to lookupLimit of them. The slice is the
// cache's: the caller must not change it.
func (w *writer) AliasIDs(ctx context.Context, alias string) ([]int64, error) {
	return through(&w.look.aliases, asciiLower(alias), cacheable(alias), func() ([]int64, error) {
		ids, err := w.ids(ctx, w.al.byAlias, alias)
		if err != nil {
			return nil, fmt.Errorf("find alias: %w", err)
		}
		return ids, nil
	})
}

// Surnames runs bySurname through the cache: the people of the
// surname, up to lookupLimit of them. The slice is the cache's: the caller
// must not change it.
func (w *writer) Surnames(ctx context.Context, surname string) ([]link.Candidate, error) {
	return through(&w.look.surnames, asciiLower(surname), cacheable(surname), func() ([]link.Candidate, error) {
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

// through returns the entry of *m for key, or what load returns, which it
// then keeps there; a key that is not cacheable is loaded every time and
// never kept.
func through[K comparable, V any](m *map[K]V, key K, cacheable bool, load func() (V, error)) (V, error) {
	if cacheable {
		if v, hit := (*m)[key]; hit {
			return v, nil
		}
	}
	v, err := load()
	if err != nil || !cacheable {
		return v, err
	}
	if *m == nil {
		*m = map[K]V{}
	}
	(*m)[key] = v
	return v, nil
}
