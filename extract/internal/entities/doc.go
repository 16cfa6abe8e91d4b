// Package entities is the entity stage of the extraction pipeline: it finds
// the people, organizations, countries and places of an article and links
// their mentions (a surname to its full name, an acronym to its
// organization).
//
// Rules over the embedded gazetteers (data/, built by internal/gengaz) decide
// titles, links and normalised names; the statistical name tagger
// (internal/ner, its model in data/ner.model) is consulted where the rules
// are unsure. A Tagger is loaded once by NewTagger and shared read-only.
package entities
