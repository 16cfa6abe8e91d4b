package text

import (
	"unicode"
	"unicode/utf8"
)

// Case folding comes in two kinds, kept apart on purpose. ASCII folding
// (LowerByte, AppendFold, Fold) keeps every byte where it was, so offsets
// into the folded copy hold for the original, and it is what the lexicons
// of ASCII words need. Unicode lowering (AppendLower, or strings.ToLower
// for a string) is for lookups keyed by words in any script.

// LowerByte lower-cases an ASCII letter and leaves any other byte alone.
func LowerByte(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// AppendFold appends s to dst with its ASCII letters lower-cased; other
// bytes are copied as they are, so offsets into s hold for the result.
func AppendFold(dst []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		dst = append(dst, LowerByte(s[i]))
	}
	return dst
}

// Fold is AppendFold into the fixed buffer buf: it returns the folded
// bytes, or nil when s does not fit (no lexicon word is that long). Stages
// fold into a stack array and index a map with string(b), which the
// compiler does without allocating.
func Fold(buf []byte, s string) []byte {
	if len(s) > len(buf) {
		return nil
	}
	return AppendFold(buf[:0], s)
}

// AppendLower appends w in lower case to buf, for lookups in lexicons of
// words in any script without allocating. ASCII letters, nearly all there
// are, are folded without the unicode tables.
func AppendLower(buf []byte, w string) []byte {
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			for _, r := range w[i:] {
				buf = utf8.AppendRune(buf, unicode.ToLower(r))
			}
			return buf
		}
		buf = append(buf, LowerByte(c))
	}
	return buf
}
