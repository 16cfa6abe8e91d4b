package extract

import (
	"time"

	"github.com/whosaid/whosaid"

	"github.com/whosaid/whosaid/extract/internal/dates"
	"github.com/whosaid/whosaid/extract/internal/money"
	"github.com/whosaid/whosaid/extract/internal/text"
)

// DatesAndAmounts runs only the dates and amounts stages on a and returns
// findings holding just those (Entities, Quotes and Claims empty). It needs
// no gazetteers, so evaluations that score only dates or money (TimeBank,
// Recognizers-Text) skip the cost of the entity and speech stages, and a
// fault in those stages cannot hold them up. a.Published, when set
// (YYYY-MM-DD), anchors relative dates exactly as in Extract.
func DatesAndAmounts(a whosaid.Article) whosaid.Findings {
	d := text.NewDoc(a.Text)
	var ref time.Time
	if a.Published != "" {
		ref, _ = time.Parse("2006-01-02", a.Published)
	}
	f := whosaid.Findings{Article: a}
	f.Dates = dates.Find(d, ref)
	f.Amounts = money.Amounts(d, f.Dates)
	return f
}
