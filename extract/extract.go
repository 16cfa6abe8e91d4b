package extract

import (
	"fmt"
	"sort"
	"sync"
	"time"

	"github.com/whosaid/whosaid"

	"github.com/whosaid/whosaid/extract/internal/attrib"
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
	att  *attrib.Ranker // the learned speakers and claim bounds, after the speech stage's rules
	docs sync.Pool      // *text.Doc, whose token arrays are reused article after article
}

// New loads the embedded gazetteers and models.
func New() (*Extractor, error) {
	// The attribution model loads beside the entity tagger: every run
	// waits for both before its first article.
	var att *attrib.Ranker
	var attErr error
	loaded := make(chan struct{})
	go func() {
		defer close(loaded)
		att, attErr = attrib.Load()
	}()
	et, err := entities.NewTagger()
	<-loaded
	if err != nil {
		return nil, fmt.Errorf("load entity tagger: %w", err)
	}
	if attErr != nil {
		return nil, fmt.Errorf("load attribution models: %w", attErr)
	}
	x := &Extractor{ents: et, att: att}
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
	f.Claims = x.att.Apply(d, f.Entities, f.Quotes, f.Claims)
	f.Claims = attrib.DropEchoes(f.Quotes, f.Claims)
	readSpeakerNames(&f)
	return f
}

// SpeakerSet is one decision of the speaker ranker with its candidates.
type SpeakerSet = attrib.Set

// Bound is one claim's candidate starts and ends.
type Bound = attrib.Bound

// TrainingSets extracts a's entities, quotes and claims by the rules alone
// and returns them with every decision the learned attribution stage would
// make: each speaker's candidates and each claim's candidate bounds, with
// their features. It is the training data of extract/internal/genrank.
//
// The claims proposed where no rule fires are listed apart, each with the
// features of keeping it, for the trigger words of lex. The features read
// the gender table g, not the embedded one: the trainer passes the table
// it has just learnt.
func (x *Extractor) TrainingSets(a whosaid.Article, lex map[string]bool, g Genders) (whosaid.Findings, []SpeakerSet, []Bound, []Proposal) {
	d := x.docs.Get().(*text.Doc)
	defer x.docs.Put(d)
	d.Split(a.Text)
	f := whosaid.Findings{Article: a}
	f.Entities = x.ents.Tag(d, a)
	f.Quotes, f.Claims = speech.Attribute(d, f.Entities)
	props := attrib.Proposals(d, f.Quotes, f.Claims, lex)
	// The ranker learns the speakers of proposed claims too: every
	// proposal is ranked beside the rules' findings.
	all := append([]whosaid.Claim(nil), f.Claims...)
	for _, p := range props {
		all = append(all, attrib.ProposalClaim(d, p))
	}
	sort.SliceStable(all, func(i, j int) bool { return all[i].Start < all[j].Start })
	// Their bounds are learnt with the rules' claims': the stage moves
	// the bounds of every claim it keeps.
	return f, attrib.Decisions(d, f.Entities, f.Quotes, all, g), attrib.BoundSets(d, all), props
}

// Genders is a table of given names' genders, which the speaker ranker's
// pronouns read.
type Genders = attrib.Genders

// Proposal is one claim proposed where no rule fires.
type Proposal = attrib.Proposal

// Edge is one candidate start or end of a claim.
type Edge = attrib.Edge

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
