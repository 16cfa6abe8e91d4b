package store

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/store/shingle"
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
	delSketch                                  [2]*sql.Stmt // from each tree
}

func newDedupe(ctx context.Context, conn *sql.Conn) (*dedupe, []*sql.Stmt, error) {
	d := &dedupe{}
	var stmts []*sql.Stmt
	for _, s := range []struct {
		dst  **sql.Stmt
		name string
		sql  string
	}{
		{&d.byURL, "find by url", `SELECT id FROM articles WHERE url = ? AND id <> ? LIMIT 1`},
		{&d.sketch, "find sketch", findSketchSQL},
		{&d.addSketch, "insert sketch", addSketchSQL},
		{&d.delSketch[0], "delete sketch", fmt.Sprintf(delSketchSQL, "article_sketches")},
		{&d.delSketch[1], "delete sketch", fmt.Sprintf(delSketchSQL, "article_sketches_recent")},
		{&d.text, "read text", `SELECT text, body, size, seq FROM articles WHERE id = ?`},
		{&d.occurrence, "insert occurrence", `INSERT INTO occurrences (article_id, copy_id, url, outlet, title, published, source, match, similarity, seen_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (article_id, copy_id) DO UPDATE SET
				url = excluded.url, outlet = excluded.outlet, title = excluded.title,
				published = excluded.published, source = excluded.source`},
	} {
		st, err := conn.PrepareContext(ctx, s.sql)
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

// The band look-ups and inserts of one article are one statement each,
// not one per band: a statement costs a round trip into SQLite that is
// dearer than the look-up itself. Each band keeps its own LIMIT, so a band
// hash that thousands of stories share (boilerplate) costs no more than 8
// rows. ?1…?20 are the band hashes, ?21 the article's seq (0015). Rows are
// added to the recent tree and found in both (recent.go). A band's 8 are
// those of the lowest seq, as from one tree: each tree gives its rows in
// seq order, the large one's first, and every seq in the recent tree is
// above those in the large one (an article's seq is above every stored
// one, and a merge moves all rows).
var findSketchSQL, addSketchSQL = func() (string, string) {
	var find, add strings.Builder
	add.WriteString("INSERT OR IGNORE INTO article_sketches_recent (band, hash, article) VALUES ")
	for b := range sketchBands {
		if b > 0 {
			find.WriteString("\nUNION ALL ")
			add.WriteString(", ")
		}
		fmt.Fprintf(&find, "SELECT %[1]d, (SELECT id FROM articles WHERE seq = s.article) FROM ("+
			"SELECT article FROM article_sketches WHERE band = %[1]d AND hash = ?%[2]d AND article <> ?%[3]d "+
			"UNION ALL SELECT article FROM article_sketches_recent WHERE band = %[1]d AND hash = ?%[2]d AND article <> ?%[3]d LIMIT 8) s",
			b, b+1, sketchBands+1)
		fmt.Fprintf(&add, "(%d, ?%d, ?%d)", b, b+1, sketchBands+1)
	}
	return find.String(), add.String()
}()

// delSketchSQL deletes a sketch row by its key (no index by article: 0011)
// from the tree %s.
const delSketchSQL = `DELETE FROM %s WHERE band = ? AND hash = ? AND article = ?`

// sketch is what near-duplicate detection needs of one text, computed once
// per article for both the look-up and the index.
type sketch struct {
	set   []uint64 // shingle hashes, sorted, no repeats
	bands [sketchBands]int64
	ok    bool // the text has minShingles or more
}

// sketchText computes the sketch of text.
func sketchText(text string) *sketch {
	s := &sketch{set: shingle.Set(text)}
	if len(s.set) >= minShingles {
		s.bands, s.ok = sketchOf(s.set), true
	}
	return s
}

// args are the band hashes and seq, as findSketchSQL and addSketchSQL take them.
func (s *sketch) args(id int64) []any {
	args := make([]any, 0, sketchBands+1)
	for _, h := range s.bands {
		args = append(args, h)
	}
	return append(args, id)
}

// copyOf finds the stored story a new article is a copy of: one under the
// same canonical URL, or a near-duplicate text. It returns "" when the
// article is a story of its own.
func (w *writer) copyOf(ctx context.Context, f *whosaid.Findings, id string, sk *sketch) (other, match string, similarity float64, err error) {
	if other, err = w.dd.sameURL(ctx, &f.Article, id); err != nil || other != "" {
		return other, matchURL, 1, err
	}
	other, similarity, err = w.dd.near(ctx, sk)
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

// near returns the stored story the sketched text is a near-duplicate of,
// with its containment, or "" when there is none. Candidates are taken
// band by band, and within a band in id order, up to maxCandidates.
func (d *dedupe) near(ctx context.Context, sk *sketch) (string, float64, error) {
	if !sk.ok {
		return "", 0, nil
	}
	type hit struct {
		band int
		id   string
	}
	var hits []hit
	rows, err := d.sketch.QueryContext(ctx, sk.args(-1)...)
	if err != nil {
		return "", 0, fmt.Errorf("find sketch: %w", err)
	}
	for rows.Next() {
		var h hit
		if err := rows.Scan(&h.band, &h.id); err != nil {
			rows.Close()
			return "", 0, fmt.Errorf("find sketch: %w", err)
		}
		hits = append(hits, h)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return "", 0, fmt.Errorf("find sketch: %w", err)
	}
	slices.SortFunc(hits, func(a, b hit) int {
		return cmp.Or(cmp.Compare(a.band, b.band), strings.Compare(a.id, b.id))
	})
	var candidates []string
	seen := make(map[string]bool)
	for _, h := range hits {
		if !seen[h.id] && len(candidates) < maxCandidates {
			seen[h.id] = true
			candidates = append(candidates, h.id)
		}
	}
	set := sk.set
	best, bestScore := "", 0.0
	for _, c := range candidates {
		other, _, err := d.readText(ctx, c)
		if err != nil {
			return "", 0, err
		}
		if s := containment(set, shingle.Set(other)); s >= nearContainment && s > bestScore {
			best, bestScore = c, s
		}
	}
	return best, bestScore, nil
}

// index records the sketch of a newly stored story, number seq.
func (d *dedupe) index(ctx context.Context, sk *sketch, seq int64) error {
	if !sk.ok {
		return nil
	}
	if _, err := d.addSketch.ExecContext(ctx, sk.args(seq)...); err != nil {
		return fmt.Errorf("insert sketch: %w", err)
	}
	return nil
}

// unindex deletes the sketch of the stored story id, computed again from
// its stored text, as index did.
func (d *dedupe) unindex(ctx context.Context, id string) error {
	text, seq, err := d.readText(ctx, id)
	if err != nil {
		return err
	}
	sk := sketchText(text)
	if !sk.ok || !seq.Valid {
		return nil
	}
	for b, h := range sk.bands {
		for _, st := range d.delSketch {
			if _, err := st.ExecContext(ctx, int64(b), h, seq.Int64); err != nil {
				return fmt.Errorf("delete sketch: %w", err)
			}
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

// containment is |a ∩ b| / min(|a|, |b|) of two sorted sets.
func containment(a, b []uint64) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	n, i, j := 0, 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			n++
			i++
			j++
		}
	}
	return float64(n) / float64(min(len(a), len(b)))
}

// sketchOf returns the LSH band hashes of set's MinHash signature. The
// sketchBands·bandRows hash functions are h XOR a fixed odd seed, put
// through the splitmix64 finaliser: cheap, and independent enough for
// MinHash.
func sketchOf(set []uint64) [sketchBands]int64 {
	// Four minima at a time, each kept in a register: the four hash
	// chains overlap in the processor, where one minimum at a time left it
	// waiting on each multiplication and a store to memory per shingle.
	// (sketchBands × bandRows is a multiple of four.)
	var sig [sketchBands * bandRows]uint64
	for i := 0; i < len(sig); i += 4 {
		s := minhashSeeds[i : i+4 : i+4]
		m0, m1, m2, m3 := ^uint64(0), ^uint64(0), ^uint64(0), ^uint64(0)
		for _, h := range set {
			m0 = min(m0, mix64(h^s[0]))
			m1 = min(m1, mix64(h^s[1]))
			m2 = min(m2, mix64(h^s[2]))
			m3 = min(m3, mix64(h^s[3]))
		}
		sig[i], sig[i+1], sig[i+2], sig[i+3] = m0, m1, m2, m3
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

// readText returns the text and seq of the stored story id.
func (d *dedupe) readText(ctx context.Context, id string) (string, sql.NullInt64, error) {
	var text string
	var body []byte
	var size, seq sql.NullInt64
	err := d.text.QueryRowContext(ctx, id).Scan(&text, &body, &size, &seq)
	if err == nil {
		text, err = articleText(text, body, size)
	}
	if err != nil {
		return "", seq, fmt.Errorf("read text of %s: %w", id, err)
	}
	return text, seq, nil
}
