package corpus

import (
	"errors"
	"fmt"
	"io/fs"
	"strconv"
)

// Sentinel errors wrapped in *Error, for callers that branch on the kind of
// problem with errors.Is. Operating-system failures (a missing or unreadable
// file) are wrapped as they come, so errors.Is(err, fs.ErrNotExist) and
// errors.Is(err, fs.ErrPermission) work too.
var (
	// ErrEmpty: the input holds nothing but white space.
	ErrEmpty = errors.New("empty input")
	// ErrBinary: the input holds NUL bytes or is mostly control characters.
	ErrBinary = errors.New("binary data, not text")
	// ErrEncoding: text announced as UTF-16 by its byte-order mark that does
	// not decode. (Other text that is not UTF-8 is read as Windows-1252.)
	ErrEncoding = errors.New("invalid encoding")
	// ErrTooLarge: a file or a JSON line over the size limit (MaxSize), or an
	// article whose text is over MaxText.
	ErrTooLarge = errors.New("too large")
	// ErrInvalidJSON: a JSON line or document that does not parse, or is not
	// an object.
	ErrInvalidJSON = errors.New("invalid JSON")
	// ErrNoText: a JSON record with neither "text" nor "html", or an HTML page
	// with no article text in it.
	ErrNoText = errors.New("no article text")
	// ErrDate: a "published" field that is neither YYYY-MM-DD nor an RFC 3339
	// (or other common) time.
	ErrDate = errors.New("invalid published date")
	// ErrMalformed: an HTML page, feed, sitemap or WARC record whose
	// syntax the parser gives up on (HTML nested over 512 elements deep is
	// one: the parser's own limit).
	ErrMalformed = errors.New("malformed")
	// ErrUnsupported: an input in a format this package does not read (a
	// fetched file that is neither a page nor a feed, a feed met in a
	// folder walk), or a URL whose scheme is not http or https.
	ErrUnsupported = errors.New("unsupported format")
)

// Error is a problem with one input: a file, a line of a JSON Lines file, or
// standard input. The batch it came from goes on without it.
type Error struct {
	Source string // file path, or "stdin"
	Line   int    // 1-based line for JSON Lines and JSON arrays, else 0
	Err    error  // the cause; wraps one of the Err* sentinels or an OS error
}

// Error formats the problem as "source:line: cause" (or "source: cause").
func (e *Error) Error() string {
	if e.Line > 0 {
		return e.Source + ":" + strconv.Itoa(e.Line) + ": " + e.Err.Error()
	}
	return e.Source + ": " + e.Err.Error()
}

// Unwrap returns the cause.
func (e *Error) Unwrap() error { return e.Err }

// inputError wraps err for source and line. A *fs.PathError is unwrapped to
// its cause, since Source already names the path.
func inputError(source string, line int, err error) *Error {
	var pe *fs.PathError
	if errors.As(err, &pe) && pe.Path == source {
		err = fmt.Errorf("%s: %w", pe.Op, pe.Err)
	}
	return &Error{Source: source, Line: line, Err: err}
}

// tooLarge says by how much a limit was exceeded.
func tooLarge(limit int64) error {
	if limit >= 1<<20 && limit%(1<<20) == 0 {
		return fmt.Errorf("%w: over the %d MiB limit", ErrTooLarge, limit>>20)
	}
	return fmt.Errorf("%w: over the %d byte limit", ErrTooLarge, limit)
}
