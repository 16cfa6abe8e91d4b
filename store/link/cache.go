package link

import (
	"strings"

	"github.com/whosaid/whosaid"
)

// Cache keeps, for one transaction, what a backend's look-ups of speakers
// returned: by kind and name, by alias and by surname. The same people are
// quoted in article after article of a batch, and every look-up is a
// statement (or, for PostgreSQL, a round trip), dearer than the search the
// database runs for it.
//
// An entry is the query's own result, not a decision taken from it: an
// article resolves its speakers from what is stored, as without the cache,
// never from what another article decided. While the transaction is open
// only its writer changes speakers and their aliases, and every change it
// makes updates the entries it touches (Added, AddedPerson, Aliased,
// Renamed): an entry says what its query would say now. A rolled-back
// savepoint takes back changes the entries may have recorded, so it empties
// them all (Reset); the cache ends with its writer, before the transaction
// does.
//
// Names, aliases and surnames compare as SQLite's NOCASE does, which folds
// the ASCII letters alone, as ASCIILower does, but stops comparing at a
// zero byte: a string with one is never cached. NOCASE finds such a string
// equal only to others with a zero byte in the same place, so no cached
// entry is touched by it. Its zero value is ready to use.
type Cache struct {
	names    map[speakerName]NameHit
	aliases  map[string][]int64     // by ASCIILower(alias)
	surnames map[string][]Candidate // by ASCIILower(surname)
}

// NameHit is the speaker a look-up by kind and name found, if any.
type NameHit struct {
	ID    int64
	Found bool
}

// speakerName is a speaker's kind and ASCII-lower-cased name.
type speakerName struct{ kind, name string }

// Limit is the LIMIT of the alias and surname look-ups: their callers tell
// no row, one, and more than one apart, and nothing more.
const Limit = 2

// cacheable reports whether s compares under NOCASE as ASCIILower(s) does.
func cacheable(s string) bool { return strings.IndexByte(s, 0) < 0 }

func nameKey(kind, name string) speakerName { return speakerName{kind, ASCIILower(name)} }

// ASCIILower lower-cases the ASCII letters of s alone, as SQLite's NOCASE
// collation compares them ("É" and "é" are different names to it).
func ASCIILower(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if c := b[j]; c >= 'A' && c <= 'Z' {
					b[j] = c + 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}

// Reset forgets every entry.
func (c *Cache) Reset() {
	clear(c.names)
	clear(c.aliases)
	clear(c.surnames)
}

// Added records a speaker row the writer inserted.
func (c *Cache) Added(id int64, kind, name string) {
	c.KeepName(kind, name, NameHit{id, true})
}

// AddedPerson records a person row the writer inserted, with its surname.
func (c *Cache) AddedPerson(id int64, name, surname string) {
	c.Added(id, whosaid.KindPerson, name)
	if !cacheable(surname) {
		return
	}
	k := ASCIILower(surname)
	if cs, ok := c.surnames[k]; ok && len(cs) < Limit {
		c.surnames[k] = append(cs[:len(cs):len(cs)], Candidate{id, name})
	}
}

// Aliased records that speaker id, a person, has alias now (whether the
// insert added it or it was there).
func (c *Cache) Aliased(id int64, alias string) {
	if !cacheable(alias) {
		return
	}
	k := ASCIILower(alias)
	ids, ok := c.aliases[k]
	if !ok || len(ids) >= Limit {
		return
	}
	for _, x := range ids {
		if x == id {
			return
		}
	}
	c.aliases[k] = append(ids[:len(ids):len(ids)], id)
}

// Renamed records that person id, found by surname under the name old,
// was given name and a surname that compares equal to its old one.
func (c *Cache) Renamed(id int64, old, name, surname string) {
	// Names are unique among people: nobody has old any more.
	c.KeepName(whosaid.KindPerson, old, NameHit{})
	c.Added(id, whosaid.KindPerson, name)
	if !cacheable(surname) {
		return
	}
	k := ASCIILower(surname)
	for i, cand := range c.surnames[k] {
		if cand.ID == id {
			cs := append([]Candidate(nil), c.surnames[k]...)
			cs[i].Name = name
			c.surnames[k] = cs
			return
		}
	}
}

// KnowsName, KnowsAlias and KnowsSurname report whether a look-up is
// cached, for a backend that sends the missing ones together.
func (c *Cache) KnowsName(kind, name string) bool {
	_, ok := c.names[nameKey(kind, name)]
	return ok && cacheable(name)
}

// KnowsAlias: see KnowsName.
func (c *Cache) KnowsAlias(alias string) bool {
	_, ok := c.aliases[ASCIILower(alias)]
	return ok && cacheable(alias)
}

// KnowsSurname: see KnowsName.
func (c *Cache) KnowsSurname(surname string) bool {
	_, ok := c.surnames[ASCIILower(surname)]
	return ok && cacheable(surname)
}

// KeepName, KeepAlias and KeepSurname record a look-up's result.
func (c *Cache) KeepName(kind, name string, h NameHit) {
	keep(&c.names, nameKey(kind, name), cacheable(name), h)
}

// KeepAlias: see KeepName.
func (c *Cache) KeepAlias(alias string, ids []int64) {
	keep(&c.aliases, ASCIILower(alias), cacheable(alias), ids)
}

// KeepSurname: see KeepName.
func (c *Cache) KeepSurname(surname string, cs []Candidate) {
	keep(&c.surnames, ASCIILower(surname), cacheable(surname), cs)
}

// Name returns the cached look-up of the (kind, name) speaker, or what
// load returns, which it then keeps.
func (c *Cache) Name(kind, name string, load func() (NameHit, error)) (NameHit, error) {
	return through(&c.names, nameKey(kind, name), cacheable(name), load)
}

// Alias returns the cached look-up of the people with alias, or what load
// returns, which it then keeps. The slice is the cache's: the caller must
// not change it.
func (c *Cache) Alias(alias string, load func() ([]int64, error)) ([]int64, error) {
	return through(&c.aliases, ASCIILower(alias), cacheable(alias), load)
}

// Surname returns the cached look-up of the people of surname, or what
// load returns, which it then keeps. The slice is the cache's: the caller
// must not change it.
func (c *Cache) Surname(surname string, load func() ([]Candidate, error)) ([]Candidate, error) {
	return through(&c.surnames, ASCIILower(surname), cacheable(surname), load)
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
	if err != nil {
		return v, err
	}
	keep(m, key, cacheable, v)
	return v, nil
}

// keep sets the entry of *m for key, if cacheable.
func keep[K comparable, V any](m *map[K]V, key K, cacheable bool, v V) {
	if !cacheable {
		return
	}
	if *m == nil {
		*m = map[K]V{}
	}
	(*m)[key] = v
}
