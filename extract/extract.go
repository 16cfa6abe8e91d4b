package extract

import (
	"fmt"
	"sync"
	"time"

	"github.com/whosaid/whosaid"

	"github.com/whosaid/whosaid/extract/internal/dates"
	"github.com/whosaid/whosaid/extract/internal/entities"
	"github.com/whosaid/whosaid/extract/internal/money"
	"github.com/whosaid/whosaid/extract/internal/speech"
	"github.com/whosaid/whosaid/extract/internal/text"
)

// Extractor turns articles into findings. It holds the gazetteers and models,
// loaded once by New; an Extractor is safe for concurrent use.
type Extractor struct {
	ents *entities.Tagger
	docs sync.Pool // *text.Doc, whose token arrays are reused article after article
}

// New loads the embedded gazetteers and models.
func New() (*Extractor, error) {
	et, err := entities.NewTagger()
	if err != nil {
		return nil, fmt.Errorf("load entity tagger: %w", err)
	}
	x := &Extractor{ents: et}
	x.docs.New = func() any { return new(text.Doc) }
	return x, nil
}

// Extract runs every stage on a and returns its findings. a.Published, when
// set (YYYY-MM-DD), anchors relative dates.
func (x *Extractor) Extract(a whosaid.Article) whosaid.Findings {
	d := x.docs.Get().(*text.Doc)
	defer x.docs.Put(d)
	d.Split(a.Text)
	var ref time.Time
	if a.Published != "" {
		ref, _ = time.Parse("2006-01-02", a.Published)
	}
	f := whosaid.Findings{Article: a}
	f.Entities = x.ents.Tag(d, a)
	f.Dates = dates.Find(d, ref)
	f.Amounts = money.Amounts(d, f.Dates)
	f.Quotes, f.Claims = speech.Attribute(d, f.Entities)
	readSpeakerNames(&f)
	return f
}

// Complete fills in what Extract gives beyond the `extract` JSON, for
// findings read back from it (`whosaid ingest` of `whosaid extract`
// output): the readings of speakers' names (whosaid.Speaker's Gender,
// Surname and Forms) that the store links people by.
func (x *Extractor) Complete(f *whosaid.Findings) {
	readSpeakerNames(f)
}

// Name is a name the statistical tagger found in tokenised text: tokens
// [Start, End) of the document, Type one of PER, ORG, LOC and MISC (the
// CoNLL-2003 types).
type Name = entities.Name

// Names runs the statistical name tagger alone on a document that is
// already tokenised: words, and the end (in words) of each sentence. It
// exists to score the tagger on CoNLL-2003, whose tokens are given; articles
// go through Extract, where rules decide titles, links and gazetteer names.
func (x *Extractor) Names(words []string, ends []int) []Name {
	return x.ents.Names(words, ends)
}
