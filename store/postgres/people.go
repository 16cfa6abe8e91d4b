package postgres

import (
	"context"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/store/link"
)

// Speakers are linked across articles by store/link's one routine, as
// store's writer links them (the same name, else an alias, else the one
// person of a surname; genders from honorifics keep "Mrs. Smith" from
// "Mr. Smith"): this file answers link's look-ups over PostgreSQL. Names
// compare as SQLite's NOCASE does: ASCII letters folded, lower(x) on the
// "C" collation, with the Go side folded by link.ASCIILower.

// speaker returns the id of the (kind, name) speaker row, adding it when
// new.
func (w *writer) speaker(ctx context.Context, s whosaid.Speaker, es []whosaid.Entity) (int64, error) {
	kind := s.Kind
	if kind == "" {
		kind = whosaid.KindUnknown
	}
	if kind == whosaid.KindPerson && s.Name != "" {
		return w.link.ArticlePerson(ctx, w, s, es)
	}
	id, found, err := w.SpeakerID(ctx, kind, s.Name)
	if err != nil || found {
		return id, err
	}
	id, err = w.addSpeaker(ctx, kind, s.Name, nil)
	if err != nil {
		return 0, err
	}
	w.look.Added(id, kind, s.Name)
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

// The writer answers link's look-ups, through its cache, and queues its
// changes for the next round trip.
var _ link.Store = (*writer)(nil)

// AddPerson adds a person speaker with its surname.
func (w *writer) AddPerson(ctx context.Context, name, surname string) (int64, error) {
	id, err := w.addSpeaker(ctx, whosaid.KindPerson, name, surname)
	if err != nil {
		return 0, err
	}
	w.look.AddedPerson(id, name, surname)
	return id, nil
}

// Rename gives person id, known so far under old, a full name.
func (w *writer) Rename(_ context.Context, id int64, old, name, surname string) error {
	w.later(`UPDATE speakers SET name = $1, surname = $2 WHERE id = $3`, name, surname, id)
	w.look.Renamed(id, old, name, surname)
	return nil
}

// AddAlias records an alias of person id; one already there is kept.
func (w *writer) AddAlias(_ context.Context, id int64, alias, gender string) error {
	w.later(`INSERT INTO speaker_aliases (speaker_id, alias, gender) VALUES ($1, $2, $3)
			ON CONFLICT DO NOTHING`, id, alias, null(gender))
	if gender != "" {
		delete(w.genders, id)
	}
	w.look.Aliased(id, alias)
	return nil
}

// Gender is the gender the honorifics among a speaker's aliases
// give, as stored with them, "" when they give none or both.
func (w *writer) Gender(ctx context.Context, id int64) (string, error) {
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

func (w *writer) queueSpeaker(b *pgx.Batch, kind, name string, h *link.NameHit) {
	b.Queue(findSpeakerQuery, kind, link.ASCIILower(name)).Query(func(rows pgx.Rows) error {
		var id int64
		var lo, hi *string
		_, err := pgx.ForEachRow(rows, []any{&id, &lo, &hi}, func() error {
			*h = link.NameHit{ID: id, Found: true}
			w.gendered(id, lo, hi)
			return nil
		})
		return err
	})
}

func (w *writer) queueAlias(b *pgx.Batch, alias string, ids *[]int64) {
	b.Queue(findAliasQuery, link.ASCIILower(alias)).Query(func(rows pgx.Rows) error {
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

func (w *writer) queueSurname(b *pgx.Batch, surname string, cs *[]link.Candidate) {
	b.Queue(findSurnameQuery, link.ASCIILower(surname)).Query(func(rows pgx.Rows) error {
		var c link.Candidate
		var lo, hi *string
		_, err := pgx.ForEachRow(rows, []any{&c.ID, &c.Name, &lo, &hi}, func() error {
			*cs = append(*cs, c)
			w.gendered(c.ID, lo, hi)
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
	type nameLookup struct {
		kind, name string
		hit        link.NameHit
	}
	names := map[string]*nameLookup{}
	aliases := map[string]*[]int64{}
	surnames := map[string]*[]link.Candidate{}
	var b pgx.Batch
	name := func(kind, n string) {
		k := kind + "\x00" + link.ASCIILower(n)
		if w.look.KnowsName(kind, n) || names[k] != nil {
			return
		}
		names[k] = &nameLookup{kind: kind, name: n}
		w.queueSpeaker(&b, kind, n, &names[k].hit)
	}
	person := func(n, surname string) {
		name(whosaid.KindPerson, n)
		if k := link.ASCIILower(n); aliases[k] == nil && !w.look.KnowsAlias(n) {
			aliases[k] = &[]int64{}
			w.queueAlias(&b, n, aliases[k])
		}
		if k := link.ASCIILower(surname); surnames[k] == nil && !w.look.KnowsSurname(surname) {
			surnames[k] = &[]link.Candidate{}
			w.queueSurname(&b, surname, surnames[k])
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
	for _, l := range names {
		w.look.KeepName(l.kind, l.name, l.hit)
	}
	for k, ids := range aliases {
		w.look.KeepAlias(k, *ids)
	}
	for k, cs := range surnames {
		w.look.KeepSurname(k, *cs)
	}
	return nil
}

// SpeakerID: the id of the (kind, name) speaker, and whether there is one.
func (w *writer) SpeakerID(ctx context.Context, kind, name string) (int64, bool, error) {
	h, err := w.look.Name(kind, name, func() (link.NameHit, error) {
		var h link.NameHit
		if err := w.run(ctx, func(b *pgx.Batch) { w.queueSpeaker(b, kind, name, &h) }); err != nil {
			return h, fmt.Errorf("find speaker: %w", err)
		}
		return h, nil
	})
	return h.ID, h.Found, err
}

// AliasIDs: the people who have alias among their aliases, up to
// lookupLimit of them.
func (w *writer) AliasIDs(ctx context.Context, alias string) ([]int64, error) {
	return w.look.Alias(alias, func() ([]int64, error) {
		var ids []int64
		if err := w.run(ctx, func(b *pgx.Batch) { w.queueAlias(b, alias, &ids) }); err != nil {
			return nil, fmt.Errorf("find alias: %w", err)
		}
		return ids, nil
	})
}

// Surnames: the people of the surname, up to lookupLimit.
func (w *writer) Surnames(ctx context.Context, surname string) ([]link.Candidate, error) {
	return w.look.Surname(surname, func() ([]link.Candidate, error) {
		var cs []link.Candidate
		if err := w.run(ctx, func(b *pgx.Batch) { w.queueSurname(b, surname, &cs) }); err != nil {
			return nil, fmt.Errorf("find surname: %w", err)
		}
		return cs, nil
	})
}
