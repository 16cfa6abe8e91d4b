// Package text is the bottom of the extraction pipeline: it splits an
// article into paragraphs, sentences and tokens (Doc), and holds the word
// helpers and word lists that more than one stage needs, one copy each:
// case folding (Fold, AppendFold, AppendLower, LowerByte), possessives
// (PossessiveLen, TrimPossessive), number words and magnitudes, and the
// WordFilter that spares the lexicon lookups of most words.
//
// It imports nothing of the project but the domain package whosaid; every
// stage package imports it.
package text
