package extract

import "github.com/whosaid/whosaid"

// entityTagger finds people, organizations, countries and places.
type entityTagger struct{}

func newEntityTagger() (*entityTagger, error) { return &entityTagger{}, nil }

func (t *entityTagger) tag(d *Doc, a whosaid.Article) []whosaid.Entity { return nil }
