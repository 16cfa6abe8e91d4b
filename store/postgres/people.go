package postgres

import (
	"context"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/store"
)

// Speakers are linked across articles as store's writer links them (see
// store/aliases.go for the rules: the same name, else an alias, else the
// one person of a surname; genders from honorifics keep "Mrs. Smith" from
// "Mr. Smith"). The rules are the same code paths in the same order, over
// PostgreSQL. Names compare as SQLite's NOCASE does: ASCII letters folded,
// lower(x) on the "C" collation, with the Go side folded by
// store.ASCIILower.

// speaker returns the id of the (kind, name) speaker row, adding it when
// new.
func (w *writer) speaker(ctx context.Context, s whosaid.Speaker, es []whosaid.Entity) (int64, error) {
	kind := s.Kind
	if kind == "" {
		kind = whosaid.KindUnknown
	}
	if kind == whosaid.KindPerson && s.Name != "" {
		titles := store.PersonTitles(es, s.Name)
		key := s.Name + "\x00" + strings.Join(titles, "\x00")
		if s.Mention != nil {
			key += "\x00\x00" + s.Mention.Text
		}
		if id, ok := w.people[key]; ok {
			return id, nil
		}
		id, err := w.person(ctx, s, titles)
		if err != nil {
			return 0, err
		}
		if w.people == nil {
			w.people = map[string]int64{}
		}
		w.people[key] = id
		return id, nil
	}
	id, found, err := w.speakerID(ctx, kind, s.Name)
	if err != nil || found {
		return id, err
	}
	id, err = w.addSpeaker(ctx, kind, s.Name, nil)
	if err != nil {
		return 0, err
	}
	w.look.added(id, kind, s.Name)
	return id, nil
}

// addSpeaker adds a speaker, with an id of its own (idSeq), and the
// insert waiting for the next round trip. The unique index on (kind,
// lower(name)) refuses a second row of one name (the article then fails),
// should a writer outside writerLock have added it meanwhile.
func (w *writer) addSpeaker(ctx context.Context, kind, name string, surname any) (int64, error) {
	id, err := w.speakerIDs.next(ctx, w)
	if err != nil {
		return 0, err
	}
	w.later(`INSERT INTO speakers (id, kind, name, surname) VALUES ($1, $2, $3, $4)`, id, kind, name, surname)
	return id, nil
}

// person returns the speaker id of a person, linking across articles, as
// store's writer.person does, from the extractor's reading of the names
// (whosaid.Speaker's Gender, Surname and Forms).
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
		n = personName{mention, s.Forms.MentionSurname, s.Forms.MentionGender}
		if id, clash, err = w.findPerson(ctx, n, g); err != nil {
			return 0, err
		}
	}
	name := n.name
	if clash {
		found := false
		if id, found, err = w.speakerID(ctx, whosaid.KindPerson, name); err != nil {
			return 0, err
		}
		if !found {
			return 0, fmt.Errorf("find speaker: %w", pgx.ErrNoRows)
		}
	}
	if id == 0 {
		if id, err = w.addSpeaker(ctx, whosaid.KindPerson, name, n.surname); err != nil {
			return 0, err
		}
		w.look.addedPerson(id, name, n.surname)
	}
	aliases := []alias{{name, n.gender}}
	if mention != "" && mention != name && s.Forms.MentionAlias {
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
			continue
		}
		w.later(`INSERT INTO speaker_aliases (speaker_id, alias, gender) VALUES ($1, $2, $3)
			ON CONFLICT DO NOTHING`, id, a.text, null(a.gender))
		if a.gender != "" {
			delete(w.genders, id)
		}
		w.look.aliased(id, a.text)
		if w.aliases == nil {
			w.aliases = map[aliasKey]bool{}
		}
		w.aliases[k] = true
	}
	return id, nil
}

// personName is a name a person is looked up and stored under, with the
// extractor's reading of it.
type personName struct {
	name, surname, gender string
}

// alias is a name a person is stored under and the gender of an
// honorific opening it.
type alias struct {
	text, gender string
}

// aliasKey is an alias of a speaker the writer has stored.
type aliasKey struct {
	id    int64
	alias string
}

// findPerson looks an existing person of gender g up by n's name, alias or
// surname; clash reports that a person of this very name is of the other
// gender.
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
		return 0, false, nil
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

func (w *writer) sameGender(ctx context.Context, id int64, g string) (bool, error) {
	if g == "" {
		return true, nil
	}
	cg, err := w.speakerGender(ctx, id)
	return cg == "" || cg == g, err
}

// bySurname links a name to the one known person of its surname.
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
		return c.id, nil
	case !strings.Contains(c.name, " "):
		w.later(`UPDATE speakers SET name = $1, surname = $2 WHERE id = $3`, name, sur, c.id)
		w.look.renamed(c.id, c.name, name, sur)
		return c.id, nil
	}
	return 0, nil
}

// speakerGender is the gender the honorifics among a speaker's aliases
// give, as stored with them, "" when they give none or both.
func (w *writer) speakerGender(ctx context.Context, id int64) (string, error) {
	if g, ok := w.genders[id]; ok {
		return g, nil
	}
	var lo, hi *string
	if err := w.run(ctx, func(b *pgx.Batch) {
		b.Queue(`SELECT min(gender), max(gender) FROM speaker_aliases WHERE speaker_id = $1`, id).QueryRow(func(r pgx.Row) error {
			return r.Scan(&lo, &hi)
		})
	}); err != nil {
		return "", fmt.Errorf("read alias genders: %w", err)
	}
	w.gendered(id, lo, hi)
	return w.genders[id], nil
}

// lookups caches the speaker look-ups of one transaction, which holds
// writerLock, so only it changes speakers meanwhile, and every change it
// makes updates the entries it touches: an entry says what its query
// would say now (as store/lookups.go explains for SQLite). A rolled-back
// savepoint empties it.
type lookups struct {
	names    map[speakerName]nameHit
	aliases  map[string][]int64
	surnames map[string][]candidate
}

type speakerName struct{ kind, name string }

type nameHit struct {
	id    int64
	found bool
}

type candidate struct {
	id   int64
	name string
}

// lookupLimit is the LIMIT of the alias and surname look-ups: callers
// tell none, one and more than one apart.
const lookupLimit = 2

func nameKey(kind, name string) speakerName { return speakerName{kind, store.ASCIILower(name)} }

func (l *lookups) reset() {
	clear(l.names)
	clear(l.aliases)
	clear(l.surnames)
}

func (l *lookups) added(id int64, kind, name string) {
	if l.names == nil {
		l.names = map[speakerName]nameHit{}
	}
	l.names[nameKey(kind, name)] = nameHit{id, true}
}

func (l *lookups) addedPerson(id int64, name, surname string) {
	l.added(id, whosaid.KindPerson, name)
	k := store.ASCIILower(surname)
	if cs, ok := l.surnames[k]; ok && len(cs) < lookupLimit {
		l.surnames[k] = append(cs[:len(cs):len(cs)], candidate{id, name})
	}
}

func (l *lookups) aliased(id int64, alias string) {
	k := store.ASCIILower(alias)
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

func (l *lookups) renamed(id int64, old, name, surname string) {
	if l.names == nil {
		l.names = map[speakerName]nameHit{}
	}
	l.names[nameKey(whosaid.KindPerson, old)] = nameHit{}
	l.added(id, whosaid.KindPerson, name)
	k := store.ASCIILower(surname)
	for i, c := range l.surnames[k] {
		if c.id == id {
			cs := append([]candidate(nil), l.surnames[k]...)
			cs[i].name = name
			l.surnames[k] = cs
			return
		}
	}
}

// The look-ups of a speaker's name, a person's alias and surname, each
// with the genders of the aliases of the speakers found (speakerGender's
// answer, which linking asks next). prefetchSpeakers sends those of an
// article's speakers together.
const (
	aliasGenders = `(SELECT min(gender) FROM speaker_aliases g WHERE g.speaker_id = %[1]s),
		(SELECT max(gender) FROM speaker_aliases g WHERE g.speaker_id = %[1]s)`
	findSpeakerSQL = `SELECT s.id, ` + aliasGenders + ` FROM speakers s WHERE s.kind = $1 AND lower(s.name) = $2`
	findAliasSQL   = `SELECT a.speaker_id, ` + aliasGenders + ` FROM speaker_aliases a JOIN speakers s ON s.id = a.speaker_id
		WHERE lower(a.alias) = $1 AND s.kind = 'person' LIMIT 2`
	findSurnameSQL = `SELECT s.id, s.name, ` + aliasGenders + ` FROM speakers s
		WHERE s.kind = 'person' AND lower(s.surname) = $1 LIMIT 2`
)

var (
	findSpeakerQuery = fmt.Sprintf(findSpeakerSQL, "s.id")
	findAliasQuery   = fmt.Sprintf(findAliasSQL, "a.speaker_id")
	findSurnameQuery = fmt.Sprintf(findSurnameSQL, "s.id")
)

// gendered records the alias genders read with a speaker's id.
func (w *writer) gendered(id int64, lo, hi *string) {
	g := deref(lo)
	if g != deref(hi) {
		g = ""
	}
	if w.genders == nil {
		w.genders = map[int64]string{}
	}
	w.genders[id] = g
}

func (w *writer) queueSpeaker(b *pgx.Batch, kind, name string, h *nameHit) {
	b.Queue(findSpeakerQuery, kind, store.ASCIILower(name)).Query(func(rows pgx.Rows) error {
		var id int64
		var lo, hi *string
		_, err := pgx.ForEachRow(rows, []any{&id, &lo, &hi}, func() error {
			*h = nameHit{id, true}
			w.gendered(id, lo, hi)
			return nil
		})
		return err
	})
}

func (w *writer) queueAlias(b *pgx.Batch, alias string, ids *[]int64) {
	b.Queue(findAliasQuery, store.ASCIILower(alias)).Query(func(rows pgx.Rows) error {
		var id int64
		var lo, hi *string
		_, err := pgx.ForEachRow(rows, []any{&id, &lo, &hi}, func() error {
			*ids = append(*ids, id)
			w.gendered(id, lo, hi)
			return nil
		})
		return err
	})
}

func (w *writer) queueSurname(b *pgx.Batch, surname string, cs *[]candidate) {
	b.Queue(findSurnameQuery, store.ASCIILower(surname)).Query(func(rows pgx.Rows) error {
		var c candidate
		var lo, hi *string
		_, err := pgx.ForEachRow(rows, []any{&c.id, &c.name, &lo, &hi}, func() error {
			*cs = append(*cs, c)
			w.gendered(c.id, lo, hi)
			return nil
		})
		return err
	})
}

// prefetchSpeakers looks up, in one round trip, everything the linking of
// an article's speakers may ask that is not cached yet: each person's
// name, alias and surname (and those of the mention, which names the
// person when the name belongs to someone of the other gender), and the
// other speakers' names. Asked one after another, they would cost a round
// trip each.
func (w *writer) prefetchSpeakers(ctx context.Context, f *whosaid.Findings) error {
	if w.look.names == nil {
		w.look.names = map[speakerName]nameHit{}
	}
	if w.look.aliases == nil {
		w.look.aliases = map[string][]int64{}
	}
	if w.look.surnames == nil {
		w.look.surnames = map[string][]candidate{}
	}
	names := map[speakerName]*nameHit{}
	aliases := map[string]*[]int64{}
	surnames := map[string]*[]candidate{}
	var b pgx.Batch
	name := func(kind, n string) {
		k := nameKey(kind, n)
		if _, ok := w.look.names[k]; ok || names[k] != nil {
			return
		}
		names[k] = &nameHit{}
		w.queueSpeaker(&b, kind, n, names[k])
	}
	person := func(n, surname string) {
		name(whosaid.KindPerson, n)
		if k := store.ASCIILower(n); aliases[k] == nil {
			if _, ok := w.look.aliases[k]; !ok {
				aliases[k] = &[]int64{}
				w.queueAlias(&b, n, aliases[k])
			}
		}
		if k := store.ASCIILower(surname); surnames[k] == nil {
			if _, ok := w.look.surnames[k]; !ok {
				surnames[k] = &[]candidate{}
				w.queueSurname(&b, surname, surnames[k])
			}
		}
	}
	each := func(s whosaid.Speaker) {
		kind := s.Kind
		if kind == "" {
			kind = whosaid.KindUnknown
		}
		if kind != whosaid.KindPerson || s.Name == "" {
			name(kind, s.Name)
			return
		}
		person(strings.TrimSpace(s.Name), s.Surname)
		if s.Mention != nil {
			if m := strings.TrimSpace(s.Mention.Text); m != "" {
				person(m, s.Forms.MentionSurname)
			}
		}
	}
	for _, q := range f.Quotes {
		each(q.Speaker)
	}
	for _, c := range f.Claims {
		each(c.Speaker)
	}
	if b.Len() == 0 {
		return nil
	}
	if err := w.run(ctx, func(q *pgx.Batch) { q.QueuedQueries = append(q.QueuedQueries, b.QueuedQueries...) }); err != nil {
		return fmt.Errorf("find speakers: %w", err)
	}
	for k, h := range names {
		w.look.names[k] = *h
	}
	for k, ids := range aliases {
		w.look.aliases[k] = *ids
	}
	for k, cs := range surnames {
		w.look.surnames[k] = *cs
	}
	return nil
}

// speakerID: the id of the (kind, name) speaker, and whether there is one.
func (w *writer) speakerID(ctx context.Context, kind, name string) (int64, bool, error) {
	h, err := through(&w.look.names, nameKey(kind, name), func() (nameHit, error) {
		var h nameHit
		if err := w.run(ctx, func(b *pgx.Batch) { w.queueSpeaker(b, kind, name, &h) }); err != nil {
			return h, fmt.Errorf("find speaker: %w", err)
		}
		return h, nil
	})
	return h.id, h.found, err
}

// aliasIDs: the people who have alias among their aliases, up to
// lookupLimit of them.
func (w *writer) aliasIDs(ctx context.Context, alias string) ([]int64, error) {
	return through(&w.look.aliases, store.ASCIILower(alias), func() ([]int64, error) {
		var ids []int64
		if err := w.run(ctx, func(b *pgx.Batch) { w.queueAlias(b, alias, &ids) }); err != nil {
			return nil, fmt.Errorf("find alias: %w", err)
		}
		return ids, nil
	})
}

// surnameCandidates: the people of the surname, up to lookupLimit.
func (w *writer) surnameCandidates(ctx context.Context, surname string) ([]candidate, error) {
	return through(&w.look.surnames, store.ASCIILower(surname), func() ([]candidate, error) {
		var cs []candidate
		if err := w.run(ctx, func(b *pgx.Batch) { w.queueSurname(b, surname, &cs) }); err != nil {
			return nil, fmt.Errorf("find surname: %w", err)
		}
		return cs, nil
	})
}

// through returns the entry of *m for key, or what load returns, which it
// then keeps there.
func through[K comparable, V any](m *map[K]V, key K, load func() (V, error)) (V, error) {
	if v, hit := (*m)[key]; hit {
		return v, nil
	}
	v, err := load()
	if err != nil {
		return v, err
	}
	if *m == nil {
		*m = map[K]V{}
	}
	(*m)[key] = v
	return v, nil
}
