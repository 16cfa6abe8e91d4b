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
//	                   (internal/ner), decided by a learned span classifier
//	internal/dates     calendar expressions, resolved to TIMEX3 values, with
//	                   the holiday calendar (internal/holidays)
//	internal/money     amounts, currencies (internal/iso4217) and targets,
//	                   given the dates
//	internal/speech    quotes and claims with their speakers, given the
//	                   entities, by rules
//	internal/attrib    the learned step after speech: speakers ranked among
//	                   the mentions around each quote and claim, claim
//	                   bounds, and claims where no rule fires (internal/rank)
//
// make model rebuilds every table and model: internal/gengaz (gazetteers,
// the tagger), the entity decider's training test, internal/genholidays,
// internal/geniso4217 and internal/genrank (attribution), byte for byte
// from ../shared/data and testdata. internal/benchtest holds what the
// tests share.
package extract
