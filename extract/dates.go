package extract

import (
	"time"

	"github.com/whosaid/whosaid"
)

// dates finds calendar expressions and resolves them against ref (zero when unknown).
func dates(d *Doc, ref time.Time) []whosaid.Date { return nil }
