package extract

import (
	"fmt"
	"sync"
	"time"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/extract/internal/rank"
)

// Extractor turns articles into findings. It holds the gazetteers and models,
// loaded once by New; an Extractor is safe for concurrent use.
type Extractor struct {
	ents *entityTagger
	spk  *rank.Model // the speaker ranker, nil when none is embedded
	docs sync.Pool   // *Doc, whose token arrays are reused article after article
}

// New loads the embedded gazetteers and models.
func New() (*Extractor, error) {
	et, err := newEntityTagger()
	if err != nil {
		return nil, fmt.Errorf("load entity tagger: %w", err)
	}
	spk, err := loadSpeakerModel()
	if err != nil {
		return nil, fmt.Errorf("load speaker ranker: %w", err)
	}
	x := &Extractor{ents: et, spk: spk}
	x.docs.New = func() any { return new(Doc) }
	return x, nil
}

// Extract runs every stage on a and returns its findings. a.Published, when
// set (YYYY-MM-DD), anchors relative dates.
func (x *Extractor) Extract(a whosaid.Article) whosaid.Findings {
	d := x.docs.Get().(*Doc)
	defer x.docs.Put(d)
	d.split(a.Text)
	var ref time.Time
	if a.Published != "" {
		ref, _ = time.Parse("2006-01-02", a.Published)
	}
	f := whosaid.Findings{Article: a}
	f.Entities = x.ents.tag(d, a)
	f.Dates = dates(d, ref)
	f.Amounts = amounts(d, f.Dates)
	f.Quotes, f.Claims = attribute(d, f.Entities, x.spk, nil)
	return f
}

// SpeakerSets extracts a with the speaker ranker off and returns the
// findings and every decision the ranker would make, with each candidate's
// mention and features: the training data of extract/internal/genrank.
func (x *Extractor) SpeakerSets(a whosaid.Article) (whosaid.Findings, []SpeakerSet) {
	d := x.docs.Get().(*Doc)
	defer x.docs.Put(d)
	d.split(a.Text)
	f := whosaid.Findings{Article: a}
	f.Entities = x.ents.tag(d, a)
	sets := []SpeakerSet{}
	f.Quotes, f.Claims = attribute(d, f.Entities, nil, &sets)
	return f, sets
}
