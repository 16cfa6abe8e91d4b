// Package dates is the date stage of the extraction pipeline: Find turns the
// calendar expressions of a text.Doc ("last month", "March 31", "the third
// quarter of 2024") into whosaid.Date values in TIMEX3 form, resolved
// against the publication date and the tense around each expression.
package dates
