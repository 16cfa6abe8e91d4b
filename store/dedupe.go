package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"hash/fnv"
	"strings"
	"unicode"

	"github.com/whosaid/whosaid"
)

// Near-duplicate detection: the same wire story republished with another
// headline, an outlet's own boilerplate line, or its last paragraphs
// trimmed. Each body becomes the set of its 5-word shingles (lower-cased
// letter and digit runs). A copy is a near-duplicate of a stored story when
// at least nearContainment of the shingles of the shorter of the two are
// also in the other (Broder's containment): trimming paragraphs or adding a
// line leaves it near 1, while two different stories on one event share
// only names and quotes, a few percent to a fifth of their shingles. 0.7
// sits well between, and the tests hold both sides.
//
// Comparing every pair would not scale, so candidates are found with
// MinHash and locality-sensitive hashing: 60 min-hashes in sketchBands bands
// of bandRows, each band hashed and indexed in article_sketches. Two bodies
// whose shingle sets have Jaccard similarity J share a band with
// probability 1-(1-J³)²⁰: 0.93 at J = 0.5, 0.99 at 0.6, 0.15 at 0.2, so
// copies of like length are found and unrelated stories rarely even
// compared. Only candidates have their text read and containment computed.
const (
	shingleWords    = 5
	sketchBands     = 20
	bandRows        = 3
	nearContainment = 0.7
	// minShingles is the least a body needs for near-duplicate matching: a
	// few sentences can be shared by different stories by chance (a
	// quote, a boilerplate paragraph). Shorter bodies match exactly or not
	// at all.
	minShingles = 20
	// maxCandidates bounds the texts read for one article.
	maxCandidates = 32
)

// Occurrence match kinds, in occurrences.match.
const (
	matchFirst   = "first"   // the copy stored as the story
	matchContent = "content" // the same text
	matchURL     = "url"     // the same canonical URL
	matchNear    = "near"    // a near-duplicate text
)

// dedupe holds the statements of one Put transaction for duplicate
// detection and occurrences, prepared once.
type dedupe struct {
	byURL, sketch, addSketch, text, occurrence *sql.Stmt
}

func newDedupe(ctx context.Context, tx *sql.Tx) (*dedupe, []*sql.Stmt, error) {
	d := &dedupe{}
	var stmts []*sql.Stmt
	for _, s := range []struct {
		dst  **sql.Stmt
		name string
		sql  string
	}{
		{&d.byURL, "find by url", `SELECT id FROM articles WHERE url = ? AND id <> ? LIMIT 1`},
		{&d.sketch, "find sketch", `SELECT article_id FROM article_sketches WHERE band = ? AND hash = ? AND article_id <> ? LIMIT 8`},
		{&d.addSketch, "insert sketch", `INSERT OR IGNORE INTO article_sketches (band, hash, article_id) VALUES (?, ?, ?)`},
		{&d.text, "read text", `SELECT text FROM articles WHERE id = ?`},
		{&d.occurrence, "insert occurrence", `INSERT INTO occurrences (article_id, copy_id, url, outlet, title, published, source, match, similarity, seen_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (article_id, copy_id) DO UPDATE SET
				url = excluded.url, outlet = excluded.outlet, title = excluded.title,
				published = excluded.published, source = excluded.source`},
	} {
		st, err := tx.PrepareContext(ctx, s.sql)
		if err != nil {
			for _, st := range stmts {
				st.Close()
			}
			return nil, nil, fmt.Errorf("prepare %s: %w", s.name, err)
		}
		*s.dst = st
		stmts = append(stmts, st)
	}
	return d, stmts, nil
}

// copyOf finds the stored story a new article is a copy of: one under the
// same canonical URL, or a near-duplicate text. It returns "" when the
// article is a story of its own.
func (w *writer) copyOf(ctx context.Context, f *whosaid.Findings, id string) (other, match string, similarity float64, err error) {
	if other, err = w.dd.sameURL(ctx, &f.Article, id); err != nil || other != "" {
		return other, matchURL, 1, err
	}
	other, similarity, err = w.dd.near(ctx, f.Article.Text, id)
	return other, matchNear, similarity, err
}

// sameURL returns the id of another article stored under the URL of a.
func (d *dedupe) sameURL(ctx context.Context, a *whosaid.Article, id string) (string, error) {
	if a.URL == "" {
		return "", nil
	}
	var other string
	switch err := d.byURL.QueryRowContext(ctx, a.URL, id).Scan(&other); {
	case errors.Is(err, sql.ErrNoRows):
		return "", nil
	case err != nil:
		return "", fmt.Errorf("find by url: %w", err)
	}
	return other, nil
}

// near returns the stored story text is a near-duplicate of, with its
// containment, or "" when there is none.
func (d *dedupe) near(ctx context.Context, text, id string) (string, float64, error) {
	set := shingleSet(text)
	if len(set) < minShingles {
		return "", 0, nil
	}
	bands := sketchOf(set)
	var candidates []string
	seen := make(map[string]bool)
	for b, h := range bands {
		rows, err := d.sketch.QueryContext(ctx, b, h, id)
		if err != nil {
			return "", 0, fmt.Errorf("find sketch: %w", err)
		}
		for rows.Next() {
			var c string
			if err := rows.Scan(&c); err != nil {
				rows.Close()
				return "", 0, fmt.Errorf("find sketch: %w", err)
			}
			if !seen[c] && len(candidates) < maxCandidates {
				seen[c] = true
				candidates = append(candidates, c)
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return "", 0, fmt.Errorf("find sketch: %w", err)
		}
	}
	best, bestScore := "", 0.0
	for _, c := range candidates {
		var other string
		if err := d.text.QueryRowContext(ctx, c).Scan(&other); err != nil {
			return "", 0, fmt.Errorf("read text of %s: %w", c, err)
		}
		if s := containment(set, shingleSet(other)); s >= nearContainment && s > bestScore {
			best, bestScore = c, s
		}
	}
	return best, bestScore, nil
}

// index records the sketch of a newly stored story.
func (d *dedupe) index(ctx context.Context, text, id string) error {
	set := shingleSet(text)
	if len(set) < minShingles {
		return nil
	}
	for b, h := range sketchOf(set) {
		if _, err := d.addSketch.ExecContext(ctx, b, h, id); err != nil {
			return fmt.Errorf("insert sketch: %w", err)
		}
	}
	return nil
}

// occur records that the copy a (arriving as copyID) is an occurrence of
// the stored story storyID. Recording the same copy again updates it.
func (d *dedupe) occur(ctx context.Context, storyID, copyID string, a *whosaid.Article, match string, similarity float64, now string) error {
	if _, err := d.occurrence.ExecContext(ctx, storyID, copyID, null(a.URL), null(a.Outlet), null(a.Title),
		null(a.Published), null(a.Source), match, similarity, now); err != nil {
		return fmt.Errorf("insert occurrence: %w", err)
	}
	return nil
}

// shingleSet hashes the overlapping shingleWords-word shingles of text.
func shingleSet(text string) map[uint64]struct{} {
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	set := make(map[uint64]struct{}, len(words))
	h := fnv.New64a()
	for i := 0; i+shingleWords <= len(words); i++ {
		h.Reset()
		for _, w := range words[i : i+shingleWords] {
			h.Write([]byte(w))
			h.Write([]byte{0})
		}
		set[h.Sum64()] = struct{}{}
	}
	return set
}

// containment is |a ∩ b| / min(|a|, |b|).
func containment(a, b map[uint64]struct{}) float64 {
	if len(a) > len(b) {
		a, b = b, a
	}
	if len(a) == 0 {
		return 0
	}
	n := 0
	for k := range a {
		if _, ok := b[k]; ok {
			n++
		}
	}
	return float64(n) / float64(len(a))
}

// sketchOf returns the LSH band hashes of set's MinHash signature. The
// sketchBands·bandRows hash functions are h XOR a fixed odd seed, put
// through the splitmix64 finaliser: cheap, and independent enough for
// MinHash.
func sketchOf(set map[uint64]struct{}) [sketchBands]int64 {
	var sig [sketchBands * bandRows]uint64
	for i := range sig {
		sig[i] = ^uint64(0)
	}
	for h := range set {
		for i := range sig {
			if v := mix64(h ^ minhashSeeds[i]); v < sig[i] {
				sig[i] = v
			}
		}
	}
	var bands [sketchBands]int64
	for b := range bands {
		v := uint64(b + 1)
		for _, s := range sig[b*bandRows : (b+1)*bandRows] {
			v = mix64(v ^ s)
		}
		bands[b] = int64(v) // SQLite integers are signed
	}
	return bands
}

// minhashSeeds are fixed so that sketches stay comparable across runs and
// builds; changing them needs the article_sketches table rebuilt.
var minhashSeeds = func() [sketchBands * bandRows]uint64 {
	var s [sketchBands * bandRows]uint64
	x := uint64(0x9E3779B97F4A7C15)
	for i := range s {
		x = mix64(x + 0x9E3779B97F4A7C15)
		s[i] = x | 1
	}
	return s
}()

// mix64 is the splitmix64 finaliser, a bijection that scrambles every bit.
func mix64(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xBF58476D1CE4E5B9
	x ^= x >> 27
	x *= 0x94D049BB133111EB
	x ^= x >> 31
	return x
}
