package corpus

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/whosaid/whosaid"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// MaxSize is the largest file, JSON line or page this package reads, in
// bytes. Larger inputs are refused with ErrTooLarge; Walker.MaxSize can lower
// or raise it.
const MaxSize = 32 << 20

// MaxText is the longest article text, in bytes, that the readers hand on:
// about 170,000 words, a book rather than a story. Extraction is tuned to
// articles and its time grows faster than the length (entities and speakers
// are matched against each other across the whole text), so a longer text
// is refused with ErrTooLarge instead of stalling a batch for minutes.
const MaxText = 1 << 20

// checkTextSize refuses a text over MaxText, saying how long it is.
func checkTextSize(text string) error {
	if len(text) > MaxText {
		return fmt.Errorf("%w: article text of %d bytes, over the %d MiB limit", ErrTooLarge, len(text), MaxText>>20)
	}
	return nil
}

// ReadText reads a plain-text story: the whole of data is the body and the
// title is empty. A UTF-8 byte-order mark is dropped and a UTF-16 one decoded;
// text that is not valid UTF-8 is decoded as Windows-1252 (see decodeLegacy);
// stray NUL bytes are dropped (see isBinary); CRLF and lone CR become "\n" and
// surrounding white space is trimmed.
//
// The error is an *Error naming source that wraps ErrEmpty, ErrBinary,
// ErrEncoding (a UTF-16 file that does not decode) or ErrTooLarge.
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
// The few NUL bytes isBinary lets through are dropped here, so no reader
// hands SQLite or the extractor a string with NULs in it.
func textArticle(text string) (whosaid.Article, error) {
	text = normalizeNewlines(text)
	text = strings.TrimSpace(text)
	if text == "" {
		return whosaid.Article{}, ErrEmpty
	}
	if isBinary(text) {
		return whosaid.Article{}, ErrBinary
	}
	if strings.IndexByte(text, 0) >= 0 {
		text = strings.TrimSpace(strings.ReplaceAll(text, "\x00", ""))
		if text == "" {
			return whosaid.Article{}, ErrEmpty
		}
	}
	if err := checkTextSize(text); err != nil {
		return whosaid.Article{}, err
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
// without a byte-order mark), UTF-16 announced by its byte-order mark, or
// anything else as decodeLegacy guesses. Binary data is recognised first,
// so a file of NUL bytes reports ErrBinary rather than being decoded.
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
	return string(decodeLegacy(data)), nil
}

// decodeLegacy returns data as valid UTF-8. Text that is not UTF-8 is
// almost always Windows-1252 or Latin-1 (its superset for printable text):
// what old news systems and Western European scrapers wrote. So when the
// invalid bytes outnumber the well-formed multi-byte sequences, data is
// decoded as Windows-1252, and "Caf\xe9" reads "Café"; when well-formed
// sequences are the majority, the file is UTF-8 with a few damaged bytes
// (a truncated character, a bad splice), and only those become U+FFFD, so
// the rest is not turned into mojibake.
func decodeLegacy(data []byte) []byte {
	if utf8.Valid(data) {
		return data
	}
	valid, invalid := 0, 0
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			invalid++
		case n > 1:
			valid++
		}
		i += n
	}
	if valid > invalid {
		return bytes.ToValidUTF8(data, []byte("\uFFFD"))
	}
	out, err := charmap.Windows1252.NewDecoder().Bytes(data)
	if err != nil || !utf8.Valid(out) {
		// Not reached: every byte has a Windows-1252 reading.
		return bytes.ToValidUTF8(data, []byte("\uFFFD"))
	}
	return out
}

// sample is the prefix of data that binary sniffing looks at, as git does.
func sample(data []byte) []byte {
	const n = 8000
	if len(data) > n {
		return data[:n]
	}
	return data
}

// isBinary reports whether s is binary data rather than text: more than
// one byte in a hundred is NUL, or more than one character in ten is a
// control character other than white space (NULs included). A NUL or two in
// a long story is debris from a broken scraper or a bad copy, not a sign of
// binary: such text is read and its NULs dropped (textArticle); a binary
// file, or UTF-16 without a byte-order mark, has NULs far more often.
// Invalid UTF-8 alone is not binary: a Latin-1 file is text in another
// encoding (decodeLegacy).
//
// Every control character counted is ASCII: eight bytes at a time of
// plain printable ASCII, most of any text, are counted as characters
// without looking at each; decoding every character of every article was
// 0.8% of an ingest's instructions.
func isBinary(s string) bool {
	nul := strings.Count(s, "\x00")
	if nul > 0 && nul*100 > len(s) {
		return true
	}
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	ctrl, total := 0, 0
	for i := 0; i < len(s); {
		if i+8 <= len(s) {
			w := s[i : i+8] // one load, as the compiler reads it
			x := uint64(w[0]) | uint64(w[1])<<8 | uint64(w[2])<<16 | uint64(w[3])<<24 |
				uint64(w[4])<<32 | uint64(w[5])<<40 | uint64(w[6])<<48 | uint64(w[7])<<56
			below := (x - 0x20*ones) &^ x & highs // set for some byte if one is below 0x20
			del := ((x ^ 0x7f*ones) - ones) &^ (x ^ 0x7f*ones) & highs
			if (x&highs)|below|del == 0 {
				total += 8
				i += 8
				continue
			}
		}
		// A byte that is not UTF-8 is one character, as when ranging over s.
		n := 1
		if c := s[i]; c < utf8.RuneSelf {
			ctrl += int(controlByte[c])
		} else {
			_, n = utf8.DecodeRuneInString(s[i:])
		}
		total++
		i += n
	}
	return total > 0 && ctrl*10 > total
}

// controlByte is 1 for the bytes isBinary counts as control characters:
// ASCII controls other than white space and ESC, and DEL.
var controlByte = func() (t [256]uint8) {
	for c := range 0x20 {
		switch c {
		case '\n', '\r', '\t', '\f', '\v', 0x1b:
		default:
			t[c] = 1
		}
	}
	t[0x7f] = 1
	return t
}()

// normalizeNewlines turns CRLF and lone CR into "\n".
func normalizeNewlines(s string) string {
	if strings.IndexByte(s, '\r') < 0 {
		return s
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.ReplaceAll(s, "\r", "\n")
}
