// Package eval scores extraction against annotated articles in the gold
// format of ../shared/eval/FORMAT.md, with the matching rules written there.
//
// Gold files carry texts but no offsets for their dates, amounts and quotes,
// so the scorer first places each gold item in the article text (in order),
// then matches predictions by overlap as FORMAT.md says.
package eval
