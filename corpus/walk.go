package corpus

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/whosaid/whosaid"
)

// Item is one result of a walk: an article, or the problem with one input.
// Exactly one is set; Err, when set, is an *Error.
type Item struct {
	Article whosaid.Article
	// Findings is set when the source held `whosaid extract` output (a
	// JSON object with "article" and its findings) rather than an article:
	// the findings as read, their Article the same as Article.
	Findings *whosaid.Findings
	Err      error
}

// Walker reads articles from sources: files, folders, JSON Lines, standard
// input, WARC files, and URLs of pages, feeds and sitemaps (through Fetcher).
// The zero value is ready to use.
type Walker struct {
	// Stdin is read for the source "-". Nil means os.Stdin.
	Stdin io.Reader
	// MaxSize is the largest file or JSON line read, in bytes; larger ones are
	// reported with ErrTooLarge. Zero means the package's MaxSize (32 MiB).
	MaxSize int64
	// Fetcher fetches sources given as URLs and the articles feeds and
	// sitemaps link to. Nil means a Fetcher with its defaults.
	Fetcher *Fetcher

	ownFetcher *Fetcher // the default one, made on first need
	inFolder   bool     // walking a folder: feeds found there are not followed
}

// Walk reads every article under sources with a zero Walker; see
// Walker.Walk.
func Walk(ctx context.Context, sources []string, yield func(Item) error) error {
	var w Walker
	return w.Walk(ctx, sources, yield)
}

// Walk reads every article under sources, calling yield for each article or
// per-input problem, in a deterministic order: sources as given, folders
// recursively in lexical order, a feed's articles in the feed's order. A
// source is a file, a folder, "-" for standard input (reported as "stdin"),
// or an http or https URL.
//
// A URL is fetched with w.Fetcher (see Fetcher for robots.txt, politeness,
// retries and conditional GET); an HTML page there is one article, and an
// RSS, Atom or JSON feed or a (Google News) sitemap there, or named as a
// file, has each article it links to fetched and read. A WARC file (.warc,
// .warc.gz, or sniffed) yields one article per HTML response record.
//
// The format is taken from the file extension (.txt/.md, .html/.htm,
// .jsonl/.ndjson, .json, .warc) and otherwise sniffed from the content; gzip
// files are decompressed whatever their name. A .json file, or sniffed JSON, whose
// first line is a whole object is JSON Lines; otherwise it is one article
// object or an array of them. In folders, hidden files and folders (".x"),
// symbolic links to folders, and files whose extension marks them as page
// furniture (.css, .js, images, fonts, media, archives, PDF) are passed
// over; a file named as a source is always read.
//
// A problem with one input (missing, unreadable, empty, binary, badly
// encoded, too large, bad JSON, a failed or forbidden fetch, or
// ErrNotModified for a page unchanged since the last run) is passed to
// yield as Item.Err and the walk goes on. Walk returns only ctx's error or the first non-nil error from
// yield, both of which stop it.
func (w *Walker) Walk(ctx context.Context, sources []string, yield func(Item) error) error {
	for _, src := range sources {
		if err := ctx.Err(); err != nil {
			return err
		}
		var err error
		switch {
		case src == "-":
			stdin := w.Stdin
			if stdin == nil {
				stdin = os.Stdin
			}
			err = w.readStream(ctx, "stdin", stdin, kindUnknown, yield)
		case isRemote(src):
			err = w.walkURL(ctx, src, yield)
		default:
			err = w.walkPath(ctx, src, yield)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

func (w *Walker) limit() int64 {
	if w.MaxSize > 0 {
		return w.MaxSize
	}
	return MaxSize
}

func (w *Walker) walkPath(ctx context.Context, root string, yield func(Item) error) error {
	info, err := os.Stat(root)
	if err != nil {
		return yield(Item{Err: inputError(root, 0, err)})
	}
	if !info.IsDir() {
		kind, _ := kindOf(root)
		return w.readFile(ctx, root, kind, yield)
	}
	w.inFolder = true
	defer func() { w.inFolder = false }()
	return filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			if yerr := yield(Item{Err: inputError(path, 0, err)}); yerr != nil {
				return yerr
			}
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		switch p, kind, err := pickEntry(root, path, d); p {
		case skipFolder:
			return fs.SkipDir
		case readFile:
			return w.readFile(ctx, path, kind, yield)
		case unreadable:
			return yield(Item{Err: inputError(path, 0, err)})
		}
		return nil
	})
}

// pick is what the walk of a folder does with one entry.
type pick int

const (
	passOver   pick = iota // a folder to go into, or a file it does not read
	skipFolder             // a hidden folder, not gone into
	readFile               // a file to read, of the kind returned
	unreadable             // a link that could not be followed: reported
)

// pickEntry decides, as every walk of the folder root does (Walk, and
// FolderFiles for the job queue), what becomes of the entry d at path:
// hidden names, files of no kind the walk reads, links to folders, pipes
// and devices are passed over.
func pickEntry(root, path string, d fs.DirEntry) (pick, kind, error) {
	if path != root && strings.HasPrefix(d.Name(), ".") {
		if d.IsDir() {
			return skipFolder, 0, nil
		}
		return passOver, 0, nil
	}
	if d.IsDir() {
		return passOver, 0, nil
	}
	k, ok := kindOf(path)
	if !ok {
		return passOver, 0, nil
	}
	switch typ := d.Type(); {
	case typ.IsRegular():
	case typ&fs.ModeSymlink != 0:
		info, err := os.Stat(path)
		if err != nil {
			return unreadable, k, err
		}
		if !info.Mode().IsRegular() {
			return passOver, 0, nil // a folder (no cycles) or a device
		}
	default:
		return passOver, 0, nil // pipes, sockets, devices
	}
	return readFile, k, nil
}

func (w *Walker) readFile(ctx context.Context, path string, kind kind, yield func(Item) error) error {
	f, err := os.Open(path)
	if err != nil {
		return yield(Item{Err: inputError(path, 0, err)})
	}
	defer f.Close()
	return w.readStream(ctx, path, f, kind, yield)
}

// kind is an input format.
type kind int

const (
	kindUnknown kind = iota // sniff the content
	kindText
	kindHTML
	kindJSONL
	kindJSON // JSON Lines or a JSON document: look at the first line
	kindFeed // an RSS, Atom or JSON feed, or a sitemap
	kindWARC // a WARC file
)

// kindOf names the format of path from its extension (under any ".gz"), and
// reports false for extensions a folder walk passes over.
func kindOf(path string) (kind, bool) {
	name := strings.ToLower(filepath.Base(path))
	name = strings.TrimSuffix(name, ".gz")
	switch ext := filepath.Ext(name); ext {
	case ".txt", ".text", ".md":
		return kindText, true
	case ".html", ".htm", ".xhtml", ".shtml":
		return kindHTML, true
	case ".jsonl", ".ndjson", ".jsonlines":
		return kindJSONL, true
	case ".json":
		return kindJSON, true
	case ".warc":
		return kindWARC, true
	default:
		return kindUnknown, !skippedExts[ext]
	}
}

// skippedExts are page furniture and media that a folder walk passes over
// (a saved web page's "_files" folder is full of them), and SQLite files, so
// `whosaid ingest .` never reads its own database and journal.
var skippedExts = setOf(
	".css", ".js", ".mjs", ".map", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif",
	".svg", ".ico", ".bmp", ".tif", ".tiff", ".woff", ".woff2", ".ttf", ".otf", ".eot",
	".mp3", ".mp4", ".m4a", ".webm", ".ogg", ".wav", ".mov", ".avi",
	".pdf", ".zip", ".tar", ".tgz", ".bz2", ".xz", ".7z", ".rar", ".exe", ".dll", ".so",
	".db", ".sqlite", ".sqlite3", ".db-wal", ".db-shm", ".db-journal", ".sqlite-wal", ".sqlite-shm",
	".parquet", ".wasm",
)

// readers recycles the 64 KB buffered readers of readStream: a folder of
// small files would otherwise allocate (and the collector clear) one per
// file. Every reader in it reads from nothing.
var readers = sync.Pool{New: func() any { return bufio.NewReaderSize(nil, 64<<10) }}

// getReader returns a pooled buffered reader of r; putReader gives it back.
func getReader(r io.Reader) *bufio.Reader {
	br := readers.Get().(*bufio.Reader)
	br.Reset(r)
	return br
}

// putReader returns br to the pool once nothing reads from it, dropping
// its source so the pool keeps no file or stream alive.
func putReader(br *bufio.Reader) {
	br.Reset(nil)
	readers.Put(br)
}

// readStream reads one input of the given kind, sniffing what it must.
func (w *Walker) readStream(ctx context.Context, source string, r io.Reader, k kind, yield func(Item) error) error {
	report := func(line int, err error) error { return yield(Item{Err: inputError(source, line, err)}) }
	limit := w.limit()
	br := getReader(r)
	defer putReader(br)
	if magic, _ := br.Peek(2); len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return report(0, fmt.Errorf("decompress: %w", err))
		}
		defer zr.Close()
		br = getReader(gunzipReader{zr})
		defer putReader(br)
	}
	if k == kindUnknown || k == kindJSON {
		k = sniff(br, k)
	}
	switch k {
	case kindJSONL:
		return readJSONL(ctx, source, br, limit, yield)
	case kindJSON:
		return w.readJSON(ctx, source, br, yield)
	case kindFeed:
		if w.inFolder {
			// Following a feed means fetching from the network: only
			// for a feed named as a source, never one met in a folder.
			return report(0, fmt.Errorf("%w: a feed or sitemap in a folder (name it as a source to fetch its articles)", ErrUnsupported))
		}
		return w.readFeedStream(ctx, source, br, yield)
	case kindWARC:
		return w.readWARC(ctx, source, br, yield)
	}
	data, err := readAll(br, limit)
	if err != nil {
		return report(0, err)
	}
	var a whosaid.Article
	if k == kindHTML {
		a, err = readHTMLBytes(source, data)
	} else {
		a, err = readTextBytes(source, data)
	}
	if err != nil {
		return yield(Item{Err: err})
	}
	return yield(Item{Article: a})
}

// readJSON reads JSON Lines when the first line is a whole JSON object, else
// a JSON document (one object, or an array of them).
func (w *Walker) readJSON(ctx context.Context, source string, br *bufio.Reader, yield func(Item) error) error {
	limit := w.limit()
	first, tooLong, err := readLine(br, limit)
	if err != nil && err != io.EOF {
		return yield(Item{Err: inputError(source, 1, fmt.Errorf("read: %w", err))})
	}
	if tooLong {
		// A JSON document with a first line this long is over the limit
		// anyway, so this can only be JSON Lines worth reading on.
		if err := yield(Item{Err: inputError(source, 1, tooLarge(limit))}); err != nil {
			return err
		}
		return readJSONLFrom(ctx, source, br, limit, 2, yield)
	}
	head := append(first, '\n')
	rest := io.MultiReader(bytes.NewReader(head), br)
	if trimmed := bytes.TrimSpace(bytes.TrimPrefix(first, bomUTF8)); len(trimmed) > 0 && trimmed[0] == '{' && json.Valid(trimmed) {
		return readJSONL(ctx, source, rest, limit, yield)
	}
	data, err := readAll(rest, limit)
	if err != nil {
		return yield(Item{Err: inputError(source, 0, err)})
	}
	return readJSONDocument(source, data, yield)
}

// sniff guesses the format from the first bytes of br. A .json file (k is
// kindJSON) stays JSON: if it is not, its reader says so.
func sniff(br *bufio.Reader, k kind) kind {
	if k == kindJSON {
		return kindJSON
	}
	head, _ := br.Peek(1024)
	head = bytes.TrimLeft(bytes.TrimPrefix(head, bomUTF8), " \t\r\n\f")
	if len(head) == 0 {
		return kindText // reported as empty
	}
	if bytes.HasPrefix(head, []byte("WARC/")) {
		return kindWARC
	}
	switch head[0] {
	case '{', '[':
		return kindJSON
	case '<':
		lower := bytes.ToLower(head)
		switch {
		case bytes.HasPrefix(lower, []byte("<?xml")):
			if bytes.Contains(lower, []byte("<html")) || bytes.Contains(lower, []byte("<!doctype html")) {
				return kindHTML
			}
			return kindFeed
		case bytes.HasPrefix(lower, []byte("<rss")), bytes.HasPrefix(lower, []byte("<feed")),
			bytes.HasPrefix(lower, []byte("<rdf")), bytes.HasPrefix(lower, []byte("<urlset")),
			bytes.HasPrefix(lower, []byte("<sitemapindex")):
			return kindFeed
		case len(lower) > 1 && (lower[1] == '!' || (lower[1] >= 'a' && lower[1] <= 'z')):
			return kindHTML
		}
	}
	return kindText
}

// gunzipReader says that its read errors come from decompressing, so a
// truncated .gz reads as "decompress: unexpected EOF".
type gunzipReader struct{ zr *gzip.Reader }

func (g gunzipReader) Read(p []byte) (int, error) {
	n, err := g.zr.Read(p)
	if err != nil && err != io.EOF {
		err = fmt.Errorf("decompress: %w", err)
	}
	return n, err
}
