package corpus

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httputil"
	"strings"

	"github.com/nlnwa/gowarc/v2"
)

// readWARC reads a WARC file (already decompressed when it was gzip: each
// record a gzip member decompresses to plain records back to back), one
// article per response record with status 200 whose payload is HTML, such
// as the CC-NEWS crawls. The article's URL is the record's
// WARC-Target-URI unless the page names a canonical one, and the capture
// date (WARC-Date) stands in for a publication date the page does not
// give. Other records (requests, metadata, redirects, images) are passed
// over. Article.Source is "file#offset", the record's offset in the
// decompressed stream. A response record for a web page whose block is not
// an HTTP response is reported as ErrMalformed and skipped. A record that
// cannot be parsed at all (a truncated file, a bad Content-Length, a broken
// gzip member) is reported and ends the file, since where the next record
// starts cannot be trusted.
func (w *Walker) readWARC(ctx context.Context, source string, r io.Reader, yield func(Item) error) error {
	// Lenient, as crawls are not always to the letter of the spec, but
	// with HTTP blocks parsed (WithNoValidation would skip that). Spec
	// violations warn rather than being ignored: gowarc v2.2 with
	// ErrIgnore there hands back only the first 4 KiB of each payload
	// (TestReadWARCLongPage).
	wr, err := gowarc.NewWarcFileReaderFromStream(r, 0,
		gowarc.WithSyntaxErrorPolicy(gowarc.ErrIgnore), gowarc.WithSpecViolationPolicy(gowarc.ErrWarn),
		gowarc.WithUnknownRecordTypePolicy(gowarc.ErrIgnore), gowarc.WithBlockErrorPolicy(gowarc.ErrWarn))
	if err != nil {
		return yield(Item{Err: inputError(source, 0, fmt.Errorf("read WARC: %w", err))})
	}
	defer wr.Close()
	limit := w.limit()
	for records := 0; ; records++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		rec, offset, val, err := nextRecord(wr)
		if err == io.EOF && records == 0 {
			// A file that looked like WARC but holds no record at all
			// (a lone header with a broken Content-Length): say so
			// rather than read nothing in silence.
			return yield(Item{Err: inputError(source, 0, fmt.Errorf("%w WARC: no record in the file", ErrMalformed))})
		}
		if err == io.EOF {
			// Only the bare io.EOF is the clean end: a record cut
			// short comes as an error that wraps it.
			return nil
		}
		if err != nil {
			if rec != nil {
				rec.Close()
			}
			return yield(Item{Err: inputError(fmt.Sprintf("%s#%d", source, offset), 0, fmt.Errorf("%w WARC record: %w", ErrMalformed, err))})
		}
		it, ok := warcItem(rec, fmt.Sprintf("%s#%d", source, offset), limit, val)
		rec.Close()
		if !ok {
			continue
		}
		if err := yield(it); err != nil {
			return err
		}
	}
}

// nextRecord reads the next record, turning a panic of gowarc into an
// error: gowarc v2.2 panics on some truncated headers (a file holding just
// "WARC/\n"), and one bad file must not bring down a batch.
func nextRecord(wr *gowarc.WarcFileReader) (rec gowarc.WarcRecord, offset int64, val *gowarc.Validation, err error) {
	defer func() {
		if r := recover(); r != nil {
			rec, val, err = nil, nil, fmt.Errorf("parser failed: %v", r)
		}
	}()
	return wr.Next()
}

// warcItem reads the article in one record; ok is false for records that
// are not HTML pages. val holds what the reader found wrong with the
// record's block, to say why a response is unreadable.
func warcItem(rec gowarc.WarcRecord, source string, limit int64, val *gowarc.Validation) (it Item, ok bool) {
	if rec.Type() != gowarc.Response {
		return Item{}, false
	}
	target := strings.Trim(rec.WarcHeader().Get(gowarc.WarcTargetURI), "<> ")
	if target == "" {
		return Item{Err: inputError(source, 0, fmt.Errorf("%w WARC record: a response without WARC-Target-URI", ErrMalformed))}, true
	}
	if !isURL(target) {
		return Item{}, false // dns:, whois: and other non-web captures
	}
	block, isHTTP := rec.Block().(gowarc.HttpResponseBlock)
	if !isHTTP {
		why := "not an HTTP response"
		if val != nil && len(*val) > 0 {
			// The first problem found is the cause; a digest mismatch
			// (a spec violation, which only warns) can follow it.
			why += " (" + (*val)[0].Error() + ")"
		}
		return Item{Err: inputError(source, 0, fmt.Errorf("%w WARC record: %s", ErrMalformed, why))}, true
	}
	if block.HttpStatusCode() != http.StatusOK {
		return Item{}, false
	}
	hdr := http.Header{}
	if h := block.HttpHeader(); h != nil {
		hdr = *h
	}
	payload, err := block.PayloadBytes()
	if err != nil {
		return Item{Err: inputError(source, 0, fmt.Errorf("read payload: %w", err))}, true
	}
	data, err := decodePayload(payload, hdr, limit)
	if err != nil {
		return Item{Err: inputError(source, 0, err)}, true
	}
	contentType := hdr.Get("Content-Type")
	if pageKind(contentType, data) != kindHTML {
		return Item{}, false
	}
	a, err := readHTMLPage(source, data, contentType)
	if err != nil {
		return Item{Err: err}, true
	}
	if d, ok := normalizeDate(rec.WarcHeader().Get(gowarc.WarcDate)); ok && a.Published == "" {
		a.Published = d
	}
	fillFromLink(&a, link{URL: target}, target)
	return Item{Article: a}, true
}

// decodePayload undoes the chunked transfer and gzip content encodings that
// some crawlers store as they came over the wire.
func decodePayload(payload io.Reader, hdr http.Header, limit int64) ([]byte, error) {
	data, err := readAll(payload, limit)
	if err != nil {
		return nil, err
	}
	if strings.EqualFold(strings.TrimSpace(hdr.Get("Transfer-Encoding")), "chunked") {
		if dechunked, err := readAll(httputil.NewChunkedReader(bytes.NewReader(data)), limit); err == nil {
			data = dechunked
		}
	}
	if enc := strings.ToLower(hdr.Get("Content-Encoding")); (enc == "gzip" || enc == "x-gzip") && len(data) > 1 && data[0] == 0x1f && data[1] == 0x8b {
		zr, err := gzip.NewReader(bufio.NewReader(bytes.NewReader(data)))
		if err != nil {
			return nil, fmt.Errorf("decompress payload: %w", err)
		}
		if data, err = readAll(gunzipReader{zr}, limit); err != nil {
			return nil, err
		}
	}
	return data, nil
}
