// Package dateparser stands in for github.com/markusmobius/go-dateparser
// in whosaid's build (see the replace directive in whosaid's go.mod).
//
// whosaid reads article bodies with go-trafilatura, which links
// go-htmldate, which links go-dateparser for its "extensive" date search.
// whosaid never runs that search (corpus/body.go sets trafilatura's
// HtmlDateMode to Disabled: publication dates come from the page's
// metadata), yet go-dateparser's package initialisation builds its
// tables for 200 languages in every process that links it: 0.25 s and
// 78 MB before the first article, on every whosaid command.
//
// This package has the few names go-htmldate refers to and parses
// nothing: Parse always fails, which go-htmldate treats as "no date
// found". The test in corpus/body_test.go keeps trafilatura's date search
// disabled, so that nothing depends on this package parsing.
package dateparser

import (
	"errors"
	"time"
)

// ErrNotLinked is what Parse returns: the real date parser is not part of
// this build.
var ErrNotLinked = errors.New("go-dateparser is not linked into whosaid")

// Date is a parsed date; Parse never returns one.
type Date struct {
	Time time.Time
}

// ParserType names one of go-dateparser's parsers.
type ParserType uint8

// The parser types go-htmldate names.
const (
	Timestamp ParserType = iota
	NegativeTimestamp
	RelativeTime
	CustomFormat
	AbsoluteTime
	NoSpacesTime
)

// PreferredDateSource says how go-dateparser fills incomplete dates.
type PreferredDateSource uint8

// The date sources go-htmldate names.
const (
	CurrentPeriod PreferredDateSource = iota
	Past
	Future
)

// Configuration holds the settings go-htmldate passes to Parse.
type Configuration struct {
	PreferredDateSource PreferredDateSource
	StrictParsing       bool
}

// Parser is go-dateparser's parser.
type Parser struct {
	ParserTypes []ParserType
}

// Parse finds no date: it always returns ErrNotLinked.
func (p *Parser) Parse(cfg *Configuration, str string, formats ...string) (Date, error) {
	return Date{}, ErrNotLinked
}
