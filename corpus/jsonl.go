package corpus

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/whosaid/whosaid"
)

// ReadJSONL reads JSON Lines from r, one article object per line:
//
//	{"id": "…", "url": "…", "title": "…", "published": "2017-03-21", "text": "…"}
//
// with "html" (a raw page, read as by ReadHTML) in place of "text"; the
// line's own fields then take precedence over what the page says. "id",
// "url", "title", "byline" and "outlet" are optional; "published" may be a
// date or an RFC 3339 time and becomes YYYY-MM-DD. Blank lines are skipped.
//
// Each article, with Source "source:line", or each bad line, as an *Error
// with Source and Line set, goes to yield in order; a bad line does not stop
// the rest. Lines over MaxSize are refused with ErrTooLarge. ReadJSONL
// returns only ctx's error or the first non-nil error from yield, which both
// stop it; a read error from r is reported to yield and ends the input.
func ReadJSONL(ctx context.Context, source string, r io.Reader, yield func(Item) error) error {
	return readJSONL(ctx, source, r, MaxSize, yield)
}

func readJSONL(ctx context.Context, source string, r io.Reader, limit int64, yield func(Item) error) error {
	br, ok := r.(*bufio.Reader)
	if !ok {
		br = bufio.NewReaderSize(r, 64<<10)
	}
	return readJSONLFrom(ctx, source, br, limit, 1, yield)
}

// readJSONLFrom reads JSON Lines from br, numbering the first line it reads
// lineNo.
func readJSONLFrom(ctx context.Context, source string, br *bufio.Reader, limit int64, lineNo int, yield func(Item) error) error {
	for ; ; lineNo++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		line, tooLong, err := readLine(br, limit)
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return yield(Item{Err: inputError(source, lineNo, fmt.Errorf("read: %w", err))})
		}
		if tooLong {
			if err := yield(Item{Err: inputError(source, lineNo, tooLarge(limit))}); err != nil {
				return err
			}
			continue
		}
		if lineNo == 1 {
			line = bytes.TrimPrefix(line, bomUTF8)
		}
		line = bytes.TrimSpace(line)
		if len(line) == 0 {
			continue
		}
		it, err := recordItem(line, source+":"+strconv.Itoa(lineNo))
		if err != nil {
			it = Item{Err: inputError(source, lineNo, err)}
		}
		if err := yield(it); err != nil {
			return err
		}
	}
}

// readLine returns the next line of br without its line end. A line longer
// than limit is consumed and reported by tooLong. At the end of input it
// returns io.EOF, after a last line that has no "\n".
func readLine(br *bufio.Reader, limit int64) (line []byte, tooLong bool, err error) {
	for {
		chunk, err := br.ReadSlice('\n')
		if !tooLong {
			line = append(line, chunk...)
			if int64(len(bytes.TrimRight(line, "\r\n"))) > limit {
				tooLong, line = true, nil
			}
		}
		switch {
		case err == bufio.ErrBufferFull:
			continue
		case err == io.EOF && (len(line) > 0 || tooLong):
			return bytes.TrimRight(line, "\r\n"), tooLong, nil
		case err != nil:
			return nil, false, err
		}
		return bytes.TrimRight(line, "\r\n"), tooLong, nil
	}
}

// readJSONDocument reads a JSON file that is not JSON Lines: one article
// object (Source is the path) or an array of them (Source is path:line of
// each object, and a bad one is reported and skipped).
func readJSONDocument(source string, data []byte, yield func(Item) error) error {
	data = bytes.TrimSpace(bytes.TrimPrefix(data, bomUTF8))
	if len(data) == 0 {
		return yield(Item{Err: inputError(source, 0, ErrEmpty)})
	}
	if data[0] != '[' {
		it, err := recordItem(data, source)
		if err != nil {
			return yield(Item{Err: inputError(source, 0, err)})
		}
		return yield(it)
	}
	data = decodeLegacy(data)
	lineAt := func(off int64) int { return 1 + bytes.Count(data[:min(off, int64(len(data)))], []byte("\n")) }
	dec := json.NewDecoder(bytes.NewReader(data))
	if _, err := dec.Token(); err != nil {
		return yield(Item{Err: inputError(source, 0, jsonError(err))})
	}
	for dec.More() {
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			// The array itself is broken: nothing after this can be trusted.
			return yield(Item{Err: inputError(source, lineAt(dec.InputOffset()), jsonError(err))})
		}
		line := lineAt(dec.InputOffset() - int64(len(raw)))
		it, err := recordItem(raw, source+":"+strconv.Itoa(line))
		if err != nil {
			it = Item{Err: inputError(source, line, err)}
		}
		if err := yield(it); err != nil {
			return err
		}
	}
	if _, err := dec.Token(); err != nil {
		return yield(Item{Err: inputError(source, lineAt(dec.InputOffset()), jsonError(err))})
	}
	return nil
}

// recordItem decodes one JSON object: an article (recordArticle) or
// `whosaid extract` output (readFindings), recognised by its "article"
// field. Source is set to source.
func recordItem(data []byte, source string) (Item, error) {
	var probe struct {
		Article json.RawMessage `json:"article"`
		Text    json.RawMessage `json:"text"`
		HTML    json.RawMessage `json:"html"`
	}
	if d := bytes.TrimSpace(data); len(d) > 0 && d[0] == '{' && json.Unmarshal(d, &probe) == nil &&
		len(probe.Article) > 0 && probe.Text == nil && probe.HTML == nil {
		f, err := readFindings(data)
		if err != nil {
			return Item{}, err
		}
		f.Article.Source = source
		return Item{Article: f.Article, Findings: &f}, nil
	}
	a, err := recordArticle(data)
	if err != nil {
		return Item{}, err
	}
	a.Source = source
	return Item{Article: a}, nil
}

// record is one article in JSON.
type record struct {
	ID        json.RawMessage `json:"id"` // a string, or a number taken as written
	URL       string          `json:"url"`
	Title     string          `json:"title"`
	Byline    string          `json:"byline"`
	Outlet    string          `json:"outlet"`
	Published string          `json:"published"`
	Text      *string         `json:"text"`
	HTML      *string         `json:"html"`
}

// recordArticle decodes one JSON article object. "text" wins over "html"
// unless it is blank. JSON ought to be UTF-8, but a line that is not is
// read as decodeLegacy guesses (Windows-1252, usually), since JSON's own
// syntax is ASCII and survives that.
func recordArticle(data []byte) (whosaid.Article, error) {
	data = decodeLegacy(data)
	if len(data) == 0 || data[0] != '{' {
		return whosaid.Article{}, fmt.Errorf("%w: not an object", ErrInvalidJSON)
	}
	var rec record
	if err := json.Unmarshal(data, &rec); err != nil {
		return whosaid.Article{}, jsonError(err)
	}
	id, err := recordID(rec.ID)
	if err != nil {
		return whosaid.Article{}, err
	}
	var a whosaid.Article
	switch {
	case rec.Text != nil && (strings.TrimSpace(*rec.Text) != "" || rec.HTML == nil):
		a, err = textArticle(*rec.Text)
	case rec.HTML != nil:
		a, err = htmlStringArticle(*rec.HTML)
	default:
		err = fmt.Errorf(`%w: neither "text" nor "html"`, ErrNoText)
	}
	if err != nil {
		return whosaid.Article{}, err
	}
	if v := strings.TrimSpace(rec.URL); v != "" {
		a.URL = v
	}
	if v := cleanSpace(rec.Title); v != "" {
		a.Title = v
	}
	if v := cleanSpace(rec.Byline); v != "" {
		a.Byline = v
	}
	if v := cleanSpace(rec.Outlet); v != "" {
		a.Outlet = v
	}
	if strings.TrimSpace(rec.Published) != "" {
		d, ok := normalizeDate(rec.Published)
		if !ok {
			return whosaid.Article{}, fmt.Errorf("%w %q: want YYYY-MM-DD or RFC 3339", ErrDate, rec.Published)
		}
		a.Published = d
	}
	a.ID = id
	a.ID = ID(a)
	return a, nil
}

func htmlStringArticle(s string) (whosaid.Article, error) {
	doc, err := parseHTMLString(s)
	if err != nil {
		return whosaid.Article{}, err
	}
	return pageArticle(doc)
}

// recordID reads the "id" field: a string, a number (as written) or null.
func recordID(raw json.RawMessage) (string, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || string(raw) == "null" {
		return "", nil
	}
	switch raw[0] {
	case '"':
		var s string
		if err := json.Unmarshal(raw, &s); err != nil {
			return "", jsonError(err)
		}
		return strings.TrimSpace(s), nil
	case '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
		return string(raw), nil
	}
	return "", fmt.Errorf(`%w: field "id": want a string or a number`, ErrInvalidJSON)
}

// jsonError words a decoding error for a person fixing the file.
func jsonError(err error) error {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) && te.Field != "" {
		return fmt.Errorf("%w: field %q: want %s, got %s", ErrInvalidJSON, te.Field, te.Type, te.Value)
	}
	return fmt.Errorf("%w: %s", ErrInvalidJSON, strings.TrimPrefix(err.Error(), "json: "))
}
