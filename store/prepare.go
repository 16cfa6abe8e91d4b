package store

import (
	"context"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/store/sqlar"
)

// Prepared is one article's findings together with what Put derives from
// them alone: the content hash, the findings hash and the near-duplicate
// sketch. Deriving them reads nothing stored, so a caller with idle
// goroutines (ingest's extraction workers) calls Prepare there and hands
// the single writer only the SQL. A Prepared built by hand, without
// Prepare, is prepared by PutPrepared itself.
type Prepared struct {
	// Findings is what is stored.
	Findings whosaid.Findings

	ready bool
	hash  string  // contentHash of the text
	fhash string  // findingsHash, when ferr is nil
	ferr  error   // why the findings could not be hashed
	sk    *sketch // sketchText of the text
	body  []byte  // the text as stored: sqlar.Compress (0019)
}

// Prepare computes what Put derives from f alone. It touches no database
// and is safe to call from any goroutine. Errors in f (an invalid span, a
// bad date) are not reported here but by PutPrepared, in the article's
// Result, as Put does.
func Prepare(f whosaid.Findings) Prepared {
	p := Prepared{Findings: f, ready: true}
	p.hash = contentHash(f.Article.Text)
	p.fhash, p.ferr = findingsHash(f)
	p.sk = sketchText(f.Article.Text)
	p.body = sqlar.Compress([]byte(f.Article.Text))
	return p
}

// PutPrepared is Put for findings already passed through Prepare, with the
// same contract: one transaction, each article stored or refused whole,
// results in the order of ps.
func (db *DB) PutPrepared(ctx context.Context, ps ...Prepared) ([]Result, error) {
	if db.w == nil {
		return nil, errReadOnlyPut
	}
	if len(ps) == 0 {
		return nil, nil
	}
	for i := range ps {
		if !ps[i].ready {
			ps[i] = Prepare(ps[i].Findings)
		}
	}
	return db.putBatch(ctx, ps)
}
