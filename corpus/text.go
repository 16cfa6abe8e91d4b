package corpus

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"github.com/whosaid/whosaid"
	"golang.org/x/text/encoding/unicode"
)

// MaxSize is the largest file, JSON line or page this package reads, in
// bytes. Larger inputs are refused with ErrTooLarge; Walker.MaxSize can lower
// or raise it.
const MaxSize = 32 << 20

// ReadText reads a plain-text story: the whole of data is the body and the
// title is empty. A UTF-8 byte-order mark is dropped and a UTF-16 one decoded;
// CRLF and lone CR become "\n" and surrounding white space is trimmed.
//
// The error is an *Error naming source that wraps ErrEmpty, ErrBinary,
// ErrEncoding (not valid UTF-8: other encodings are not guessed) or
// ErrTooLarge.
func ReadText(source string, data []byte) (whosaid.Article, error) {
	if len(data) > MaxSize {
		return whosaid.Article{}, inputError(source, 0, tooLarge(MaxSize))
	}
	return readTextBytes(source, data)
}

func readTextBytes(source string, data []byte) (whosaid.Article, error) {
	text, err := decodeText(data)
	if err != nil {
		return whosaid.Article{}, inputError(source, 0, err)
	}
	a, err := textArticle(text)
	if err != nil {
		return whosaid.Article{}, inputError(source, 0, err)
	}
	a.Source = source
	return a, nil
}

// textArticle builds an article from a decoded body, checking it is text.
func textArticle(text string) (whosaid.Article, error) {
	text = normalizeNewlines(text)
	text = strings.TrimSpace(text)
	if text == "" {
		return whosaid.Article{}, ErrEmpty
	}
	if isBinary(text) {
		return whosaid.Article{}, ErrBinary
	}
	a := whosaid.Article{Text: text, Dateline: ParseDateline(text)}
	a.ID = ID(a)
	return a, nil
}

var (
	bomUTF8    = []byte{0xEF, 0xBB, 0xBF}
	bomUTF16LE = []byte{0xFF, 0xFE}
	bomUTF16BE = []byte{0xFE, 0xFF}
)

// decodeText turns the bytes of a text file into a string: UTF-8 (with or
// without a byte-order mark), or UTF-16 announced by its byte-order mark.
// Binary data is recognised before encoding errors, so a file of NUL bytes
// reports ErrBinary rather than ErrEncoding.
func decodeText(data []byte) (string, error) {
	switch {
	case bytes.HasPrefix(data, bomUTF8):
		data = data[len(bomUTF8):]
	case bytes.HasPrefix(data, bomUTF16LE), bytes.HasPrefix(data, bomUTF16BE):
		dec := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder()
		out, err := dec.Bytes(data)
		if err != nil {
			return "", ErrEncoding
		}
		data = out
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return "", ErrEmpty
	}
	if isBinary(string(sample(data))) {
		return "", ErrBinary
	}
	if !utf8.Valid(data) {
		return "", ErrEncoding
	}
	return string(data), nil
}

// sample is the prefix of data that binary sniffing looks at, as git does.
func sample(data []byte) []byte {
	const n = 8000
	if len(data) > n {
		return data[:n]
	}
	return data
}

// isBinary reports whether s holds a NUL byte or is more than one tenth
// control characters other than white space. Invalid UTF-8 alone is not
// binary: a Latin-1 file is text in the wrong encoding.
func isBinary(s string) bool {
	if strings.IndexByte(s, 0) >= 0 {
		return true
	}
	ctrl, total := 0, 0
	for _, r := range s {
		total++
		if (r < 0x20 && r != '\n' && r != '\r' && r != '\t' && r != '\f' && r != '\v' && r != 0x1b) || r == 0x7f {
			ctrl++
		}
	}
	return total > 0 && ctrl*10 > total
}

// normalizeNewlines turns CRLF and lone CR into "\n".
func normalizeNewlines(s string) string {
	if strings.IndexByte(s, '\r') < 0 {
		return s
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.ReplaceAll(s, "\r", "\n")
}
