package extract

import (
	"time"

	"github.com/whosaid/whosaid"
)

// DatesAndAmounts runs only the dates and amounts stages on a and returns
// findings holding just those (Entities, Quotes and Claims empty). It needs
// no gazetteers, so evaluations that score only dates or money (TimeBank,
// Recognizers-Text) skip the cost of the entity and speech stages, and a
// fault in those stages cannot hold them up. a.Published, when set
// (YYYY-MM-DD), anchors relative dates exactly as in Extract.
func DatesAndAmounts(a whosaid.Article) whosaid.Findings {
	d := NewDoc(a.Text)
	var ref time.Time
	if a.Published != "" {
		ref, _ = time.Parse("2006-01-02", a.Published)
	}
	f := whosaid.Findings{Article: a}
	f.Dates = dates(d, ref)
	f.Amounts = amounts(d, f.Dates)
	return f
}
