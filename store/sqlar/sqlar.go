// Package sqlar stores text compressed the way SQLite's sqlar archives do,
// so that the stock sqlite3 command line reads it back with its own
// sqlar_uncompress(data, size): a zlib stream (RFC 1950) of the bytes, or
// the bytes themselves when compressing does not make them smaller, with
// the uncompressed size kept beside them. A value whose size equals its
// length, or whose size is zero or less, is not compressed.
//
// Register gives a go-sqlite3 connection the same sqlar_uncompress, so
// that SQL (views, whosaid's own queries) can read the text on whosaid's
// connections too.
package sqlar

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"sync"

	"github.com/klauspost/compress/zlib"
	"github.com/mattn/go-sqlite3"
)

// Level is the zlib level Compress uses. With klauspost's zlib (the
// standard library's format at a fraction of its CPU) the snapshot
// corpus's texts come to 0.509 of their bytes at level 1 in 37 µs an
// article and 0.483 at level 6 in 46 µs: 71 bytes an article for 9 µs
// (level 9: 0.476 in 90 µs). docs/scale.md.
const Level = zlib.DefaultCompression

var writers = sync.Pool{New: func() any {
	w, _ := zlib.NewWriterLevel(nil, Level) // Level is valid, so never an error
	return w
}}

// Compress returns data as sqlar stores it: the zlib stream of data, or
// data itself when the stream is not shorter. The size to store beside it
// is len(data).
func Compress(data []byte) []byte {
	var buf bytes.Buffer
	buf.Grow(len(data)/2 + 64)
	w := writers.Get().(*zlib.Writer)
	defer writers.Put(w)
	w.Reset(&buf)
	// Writes into a bytes.Buffer do not fail.
	_, _ = w.Write(data)
	_ = w.Close()
	if buf.Len() >= len(data) {
		return data
	}
	return buf.Bytes()
}

// ErrCorrupt is returned by Uncompress for data that is not a zlib stream
// of size bytes.
var ErrCorrupt = errors.New("sqlar: corrupt compressed data")

var readers sync.Pool // of io.ReadCloser that are zlib.Resetter

// Uncompress returns the bytes that data, stored with size, holds: data
// itself when size is zero or less or equals len(data), as sqlite3's
// sqlar_uncompress does, or else the inflated zlib stream, which must be
// exactly size bytes long (ErrCorrupt if not).
func Uncompress(data []byte, size int64) ([]byte, error) {
	if size <= 0 || size == int64(len(data)) {
		return data, nil
	}
	var zr io.ReadCloser
	var err error
	if r, ok := readers.Get().(io.ReadCloser); ok {
		zr = r
		err = r.(zlib.Resetter).Reset(bytes.NewReader(data), nil)
	} else {
		zr, err = zlib.NewReader(bytes.NewReader(data))
	}
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrCorrupt, err)
	}
	defer readers.Put(zr)
	out := make([]byte, size)
	if _, err := io.ReadFull(zr, out); err != nil {
		return nil, fmt.Errorf("%w: %w", ErrCorrupt, err)
	}
	// The stream must end here: one more byte means size was wrong.
	if n, err := zr.Read(make([]byte, 1)); n > 0 || (err != nil && err != io.EOF) {
		return nil, fmt.Errorf("%w: longer than %d bytes", ErrCorrupt, size)
	}
	return out, nil
}

// Register adds sqlar_uncompress(data, size) to connection c, with
// sqlite3's behaviour: NULL data gives NULL, data that is not compressed
// (see Uncompress) is returned as it is, text or blob; compressed data
// gives a blob. Consecutive calls on the same data (the quotes of one
// article) inflate it once.
func Register(c *sqlite3.SQLiteConn) error {
	var (
		mu         sync.Mutex
		last, text []byte
	)
	uncompress := func(data, size any) (any, error) {
		n, _ := size.(int64) // NULL or a non-integer size: not compressed
		var b []byte
		switch d := data.(type) {
		case []byte:
			if d == nil {
				return nil, nil
			}
			b = d
		case string:
			b = []byte(d)
		default:
			return data, nil
		}
		if n <= 0 || n == int64(len(b)) {
			return data, nil
		}
		mu.Lock()
		defer mu.Unlock()
		if last != nil && bytes.Equal(b, last) {
			return text, nil
		}
		out, err := Uncompress(b, n)
		if err != nil {
			return nil, err
		}
		last, text = b, out
		return out, nil
	}
	if err := c.RegisterFunc("sqlar_uncompress", uncompress, true); err != nil {
		return fmt.Errorf("register sqlar_uncompress: %w", err)
	}
	return nil
}
