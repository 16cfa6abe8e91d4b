package extract

import "github.com/whosaid/whosaid"

// attribute finds quotes and claims and their speakers among ents.
func attribute(d *Doc, ents []whosaid.Entity) ([]whosaid.Quote, []whosaid.Claim) { return nil, nil }
