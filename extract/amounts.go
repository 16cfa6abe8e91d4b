package extract

import "github.com/whosaid/whosaid"

// amounts finds sums of money and percentages; dates gives deadlines for targets.
func amounts(d *Doc, dates []whosaid.Date) []whosaid.Amount { return nil }
