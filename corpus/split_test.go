package corpus

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestFolderFilesAsWalk checks that the files a folder is split into for
// the job queue are the files a Walk of the folder reads, in its order:
// hidden names, files of no kind, links to folders and dangling links
// alike (the dangling one is listed, to be reported when walked).
func TestFolderFilesAsWalk(t *testing.T) {
	dir := t.TempDir()
	story := []byte("LONDON (Reuters) - The minister said on Tuesday that the line would open in 2030.\n")
	writeFile(t, dir, "b.txt", story)
	writeFile(t, dir, "a/one.txt", story)
	writeFile(t, dir, "a/two.jsonl", []byte(`{"text": "The mayor said the bridge would reopen."}`+"\n"))
	writeFile(t, dir, ".hidden.txt", story)
	writeFile(t, dir, ".git/c.txt", story)
	writeFile(t, dir, "logo.png", []byte("\x89PNG\r\n\x1a\n"))
	require.NoError(t, os.Symlink(filepath.Join(dir, "a"), filepath.Join(dir, "link-to-a")))
	require.NoError(t, os.Symlink(filepath.Join(dir, "gone.txt"), filepath.Join(dir, "dangling.txt")))

	files, err := FolderFiles(context.Background(), dir)
	require.NoError(t, err)
	var walked []string
	for _, it := range collect(t, &Walker{}, dir) {
		src := it.Article.Source
		if it.Err != nil {
			var e *Error
			require.ErrorAs(t, it.Err, &e)
			src = e.Source
		}
		src, _, _ = strings.Cut(src, ":")
		if len(walked) == 0 || walked[len(walked)-1] != src {
			walked = append(walked, src)
		}
	}
	assert.Equal(t, walked, files)
	assert.Len(t, files, 4, "a/one.txt, a/two.jsonl, b.txt, dangling.txt")
}
