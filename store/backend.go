package store

import (
	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/store/shingle"
)

// What another storage backend (store/postgres) needs in order to store
// and find articles exactly as this package does: the same ids, hashes,
// duplicate rules, speaker names and search terms. The rules live here,
// once; the backends only speak their own SQL.

// Keys are what Put derives from one article's findings alone.
type Keys struct {
	// ID is the article id as stored: Article.ID, or DefaultID(ContentHash).
	ID string
	// ContentHash identifies the text (hex SHA-256).
	ContentHash string
	// FindingsHash fingerprints everything stored but the source; FindingsErr
	// says why it could not be computed (the article is then refused).
	FindingsHash string
	FindingsErr  error
	// Bands are the LSH band hashes of the text's MinHash sketch, valid
	// when Sketched (the text has enough shingles for near-duplicate
	// matching); Shingles is its sorted shingle set.
	Bands    [SketchBands]int64
	Sketched bool
	Shingles []uint64
}

// Keys returns the keys of the prepared findings, preparing them first if
// they were built by hand.
func (p *Prepared) Keys() Keys {
	if !p.ready {
		*p = Prepare(p.Findings)
	}
	id := p.Findings.Article.ID
	if id == "" {
		id = defaultID(p.hash)
	}
	return Keys{ID: id, ContentHash: p.hash, FindingsHash: p.fhash, FindingsErr: p.ferr,
		Bands: p.sk.bands, Sketched: p.sk.ok, Shingles: p.sk.set}
}

// Near-duplicate parameters (see dedupe.go).
const (
	// SketchBands is the number of LSH bands of a sketch.
	SketchBands = sketchBands
	// NearContainment is the least containment of a near-duplicate.
	NearContainment = nearContainment
	// MaxCandidates bounds the stored texts compared with one article.
	MaxCandidates = maxCandidates
	// CandidatesPerBand bounds the candidates taken from one band.
	CandidatesPerBand = 8
)

// Occurrence match kinds, in occurrences.match.
const (
	MatchFirst   = matchFirst
	MatchContent = matchContent
	MatchURL     = matchURL
	MatchNear    = matchNear
)

// ShingleSet returns the sorted shingle hashes of text, as sketches use.
func ShingleSet(text string) []uint64 { return shingle.Set(text) }

// Containment is |a ∩ b| / min(|a|, |b|) of two sorted shingle sets.
func Containment(a, b []uint64) float64 { return containment(a, b) }

// Validate checks what SQL constraints cannot (spans inside the text, the
// date form); errors wrap ErrInvalid.
func Validate(f *whosaid.Findings) error { return validate(f) }
