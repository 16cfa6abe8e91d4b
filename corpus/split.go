package corpus

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// What splitting a walk into pieces needs (the job queue hands the pieces
// to workers on other machines), so that the pieces together read what one
// Walk of the sources would.

// FolderFiles lists the files a Walk of the folder root reads, in the order
// it reads them (hidden files and folders, page furniture and media, links
// to folders, pipes and devices are passed over, as Walk does). Problems
// with one entry are left for the walk of the files to report.
func FolderFiles(ctx context.Context, root string) ([]string, error) {
	var files []string
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			if d != nil && d.IsDir() && path != root {
				return fs.SkipDir
			}
			if path == root {
				return err
			}
			files = append(files, path) // reported when walked
			return nil
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		switch p, _, _ := pickEntry(root, path, d); p {
		case skipFolder:
			return fs.SkipDir
		case readFile, unreadable:
			files = append(files, path) // an unreadable one is reported when walked
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("list %s: %w", root, err)
	}
	return files, nil
}

// WalkFolderFiles reads files as a Walk of the folder they were listed
// from (FolderFiles) reads them: a feed or sitemap among them is reported,
// not followed.
func (w *Walker) WalkFolderFiles(ctx context.Context, files []string, yield func(Item) error) error {
	w.inFolder = true
	defer func() { w.inFolder = false }()
	for _, path := range files {
		if err := ctx.Err(); err != nil {
			return err
		}
		kind, _ := kindOf(path)
		if err := w.readFile(ctx, path, kind, yield); err != nil {
			return err
		}
	}
	return nil
}

// IsJSONL reports whether Walk reads path as JSON Lines by its name
// (.jsonl, .ndjson, .jsonlines, gzipped or not), which can be split by
// lines.
func IsJSONL(path string) bool {
	k, _ := kindOf(path)
	return k == kindJSONL
}

// openMaybeGzip opens path, decompressing it when it is gzipped.
func openMaybeGzip(path string) (io.ReadCloser, *bufio.Reader, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	br := bufio.NewReaderSize(f, 64<<10)
	if magic, _ := br.Peek(2); len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b {
		zr, err := gzipReader(br)
		if err != nil {
			f.Close()
			return nil, nil, fmt.Errorf("decompress %s: %w", path, err)
		}
		return f, bufio.NewReaderSize(zr, 64<<10), nil
	}
	return f, br, nil
}

// CountLines counts the lines of a (possibly gzipped) file, the last one
// counted even without a line end.
func CountLines(path string) (int, error) {
	f, br, err := openMaybeGzip(path)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	n := 0
	buf := make([]byte, 64<<10)
	last := byte('\n')
	for {
		m, err := br.Read(buf)
		n += bytes.Count(buf[:m], []byte{'\n'})
		if m > 0 {
			last = buf[m-1]
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			return 0, fmt.Errorf("count lines of %s: %w", path, err)
		}
	}
	if last != '\n' {
		n++
	}
	return n, nil
}

// ReadJSONLLines reads lines from to to-1 (1-based) of a JSON Lines file,
// numbered and reported as ReadJSONL numbers and reports them in a read of
// the whole file: a shard of it.
func (w *Walker) ReadJSONLLines(ctx context.Context, path string, from, to int, yield func(Item) error) error {
	f, br, err := openMaybeGzip(path)
	if err != nil {
		return yield(Item{Err: inputError(path, 0, err)})
	}
	defer f.Close()
	limit := w.limit()
	for line := 1; line < from; line++ {
		if _, _, err := readLine(br, limit); err != nil {
			if err == io.EOF {
				return nil
			}
			return yield(Item{Err: inputError(path, line, fmt.Errorf("read: %w", err))})
		}
	}
	var shard bytes.Buffer
	for line := from; line < to; line++ {
		b, err := br.ReadBytes('\n')
		shard.Write(b)
		if err == io.EOF {
			break
		}
		if err != nil {
			return yield(Item{Err: inputError(path, line, fmt.Errorf("read: %w", err))})
		}
	}
	return readJSONLFrom(ctx, path, bufio.NewReader(&shard), limit, from, yield)
}

func gzipReader(r io.Reader) (io.Reader, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, err
	}
	return gunzipReader{zr}, nil
}
