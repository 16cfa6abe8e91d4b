package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// PossessiveLen is the length of a trailing "'s" or "’s" (or a bare
// apostrophe after s), 0 if none.
func PossessiveLen(w string) int {
	if n := len(w); n == 0 || w[n-1] != 's' && w[n-1] != 'S' {
		return 0 // every form below ends in s: most words are ruled out here
	}
	switch {
	case strings.HasSuffix(w, "’s") || strings.HasSuffix(w, "’S"):
		return len("’s")
	case strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "'S"):
		return 2
	}
	return 0
}

// AppendLower writes w in lower case into buf, for lookups in the
// common-word list without allocating. ASCII letters, nearly all there
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
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf = append(buf, c)
	}
	return buf
}

// HasWordPrefix reports whether s starts with the words of w followed by a
// space ("kim eun-seol" starts with "kim"), without building "w ".
func HasWordPrefix(s, w string) bool {
	return len(s) > len(w) && s[len(w)] == ' ' && s[:len(w)] == w
}

// HasWordSuffix reports whether s ends with the words of w after a space.
func HasWordSuffix(s, w string) bool {
	return len(s) > len(w) && s[len(s)-len(w)-1] == ' ' && s[len(s)-len(w):] == w
}

// IsLetter reports whether c is an ASCII letter.
func IsLetter(c byte) bool { return 'a' <= c|0x20 && c|0x20 <= 'z' }

// LowerByte lower-cases an ASCII letter and leaves any other byte alone.
func LowerByte(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}
