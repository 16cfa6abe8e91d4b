// Package extract finds people, organizations, countries, places, dates,
// amounts, quotes and claims in the text of a news article.
//
// Extractor runs a pipeline of stage packages, each under internal/ and
// none importing another; a stage receives what earlier stages found as
// values (whosaid.Entity, whosaid.Date), never their internals:
//
//	internal/text      paragraphs, sentences and tokens (text.Doc), and the
//	                   word helpers and lists every stage shares
//	internal/entities  people, organizations, countries and places: rules
//	                   over the gazetteers (data/) and the name tagger
//	                   (internal/ner)
//	internal/dates     calendar expressions, resolved to TIMEX3 values
//	internal/money     amounts, currencies and targets, given the dates
//	internal/speech    quotes and claims with their speakers, given the
//	                   entities
//
// internal/gengaz builds the gazetteer tables and trains the tagger (make
// model); internal/benchtest holds what the tests share.
package extract
