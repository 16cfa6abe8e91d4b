// Package extract finds people, organizations, countries, places, dates,
// amounts, quotes and claims in the text of a news article.
//
// Each stage has its own file: segment.go (paragraphs, sentences, tokens),
// entities.go (people, organizations, countries, places), dates.go,
// amounts.go, quotes.go and claims.go (who said what). Extractor runs them in
// order; stages later in the order may read what earlier ones found.
package extract
