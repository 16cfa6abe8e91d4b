package eval

import (
	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/corpus"
)

// Article is the gold article as whosaid reads a plain text file: its id,
// publication date, text and dateline.
func (g Gold) Article() whosaid.Article {
	return whosaid.Article{ID: g.ID, Published: g.Published, Text: g.Text,
		Dateline: corpus.ParseDateline(g.Text), Source: g.Path}
}

// Run extracts every gold article with extract and adds up the scores.
func Run(golds []Gold, extract func(whosaid.Article) whosaid.Findings) Report {
	total := NewReport()
	for _, g := range golds {
		total.Add(Score(g, extract(g.Article())))
	}
	return total
}
